/**
 * Two snapshots compared on the "Tier migration" sheet (issue 4): the from→to matrices (customers and
 * revenue), the rates, the per-tier effects and a 100% stacked chart. The numbers come from the core
 * (src/core/over-time/migration.ts); this module checks the two are comparable, lays the sheet out and writes it.
 *
 * Syncs, whatever the number of customers (up to the sizes in docs/PERFORMANCE.md): 1 (index, sheets) + the
 * history reads (both snapshots together, `historyReadBlocks`) + 1 (the sheet replaced or added)
 * + 1 (ownership, matrices, rates, effects, chart); + 1 (the check, owned-sheet.ts) when its own sheet is there to
 * replace, which also ends the watch of the person's edits begun with the first sync (edits.ts `withEditWatch`).
 */
import { migrationMatrix, migrationRates, tierEffects, type MigrationMatrix } from "../../core/over-time/migration";
import type { Locale, Messages } from "../../i18n";
import { keyLabel } from "../../i18n/tier-names";
import { WorkbookError } from "../errors";
import { FORMAT } from "../formats";
import { readSnapshots, type SnapshotColumns } from "../history";
import type { ExcelHost } from "../host";
import { EXCEL_FORMAT } from "../../i18n/numbers";
import type { MigrationReport, TierBy } from "../port";
import { a1, a1Range } from "../read";
import { queueBlock, queueText } from "../results";
import { recordOwned } from "../ownership";
import { snapshotInfo, tieringKey, type SnapshotRecord } from "../settings";
import { block, num, text, type Block } from "../summary";
import { tieringDifference } from "../tiering";
import { job, loadState, suspendCalculation } from "./job";
import { withEditWatch } from "../edits";
import { addOwnedSheet, keptSheets, keptNoteOf, ownedAfter } from "./owned-sheet";
import { findSnapshot, historyOf, serialOf } from "./snapshots";
import { savedCostPerUpgrade, upgradeLines } from "../migration-upgrades";
import { SETTINGS_KEY } from "../settings";

export function compareSnapshots(host: ExcelHost, beforeId: string, afterId: string, locale: Locale): Promise<MigrationReport> {
  return job(host, locale, (context, m) => withEditWatch(context, host, async (watch) => {
    const t = m.workbook.migration;
    // The person's edits are watched from this first sync to the check sync before the sheet is replaced (owned-sheet.ts).
    const saved = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load("value"); // issue 15 §3: cost per upgrade
    const state = await loadState(context);
    const before = findSnapshot(state, beforeId, m);
    const after = findSnapshot(state, afterId, m);
    if (before.tierBy !== after.tierBy) throw new WorkbookError(t.errors.differentBasis(t.basis[before.tierBy], t.basis[after.tierBy]));
    const differs = tieringDifference(tieringKey(before), tieringKey(after), m);
    if (differs) throw new WorkbookError(t.errors.differentTiering(differs));
    if (!(before.asOf < after.asOf)) throw new WorkbookError(t.errors.notEarlier(before.asOf, after.asOf));

    const [b, a] = await readSnapshots(context, historyOf(context, state), [before, after], m);

    // The core: tiers best first as the runs ordered them (the earlier's, then any new in the later's).
    const order = [...before.tiers, ...after.tiers.filter((k) => !before.tiers.includes(k))];
    const matrix = migrationMatrix({ ids: b.ids, tiers: b.tiers, measure: b.revenue }, { ids: a.ids, tiers: a.tiers, measure: a.revenue }, order);
    // Segments have no order from best to worst: moves between them are changes, neither up nor down.
    const rates = migrationRates(before.tierBy === "segment" ? { ...matrix, ordered: false } : matrix);
    const records = (s: SnapshotColumns, r: SnapshotRecord) => ({ asOf: serialOf(r.asOf), ids: s.ids, tiers: s.tiers, revenue: s.revenue, orders: s.orders, lastPurchase: s.lastPurchase });
    const effects = tierEffects(records(b, before), records(a, after), matrix.tiers);
    const builtIn = before.builtIn && after.builtIn;
    const labels = matrix.tiers.map((key) => keyLabel(before.tierBy, key, builtIn, m));

    const added = await addOwnedSheet(context, t.sheet, state, true, keptSheets(state), watch);
    const sheet = added.sheet;
    recordOwned(context, state.ownership, ownedAfter(state, added));
    suspendCalculation(host, context);
    const upgrades = upgradeLines(0, savedCostPerUpgrade(saved), { before: b, after: a }, matrix, before.tierBy !== "segment", m);
    const layout = migrationLayout(matrix, labels, rates, effects, before, after, m, upgrades);
    queueText(sheet.getRange("A1"), layout.title).format.font.bold = true;
    for (const caption of layout.captions) queueText(sheet.getRange(a1(caption.row, 0)), caption.text).format.font.bold = true;
    for (const b2 of layout.blocks) {
      const range = queueBlock(sheet, b2);
      range.getRow(0).format.font.bold = true;
    }
    addMigrationChart(sheet, layout, labels.length, m, { tierBy: before.tierBy, before: before.asOf, after: after.asOf });
    sheet.getRange(a1Range(0, 0, layout.endRow, layout.width)).format.autofitColumns();
    sheet.activate();
    await context.sync();
    const summary = {
      customers: rates.customers,
      upgradeRate: rates.upgradeRate,
      downgradeRate: rates.downgradeRate,
      changeRate: rates.changeRate,
      stayRate: rates.stayRate,
      goneRate: rates.goneRate,
      newCustomers: rates.new,
    };
    return {
      before: snapshotInfo(before),
      after: snapshotInfo(after),
      sheet: sheet.name,
      tiers: labels,
      summary,
      effects: effects.map((e) => ({
        tier: labels[matrix.tiers.indexOf(e.tier)] ?? e.tier,
        customers: e.customers,
        retentionRate: e.retentionRate,
        repurchaseRate: e.repurchaseRate,
        revenueBefore: e.revenueBefore,
        revenueAfter: e.revenueAfter,
        revenueChange: e.revenueChange,
      })),
      upgradeEconomics: upgrades?.economics ?? null,
      ...keptNoteOf(m, added),
    };
  }));
}

/** A matrix block: header [corner, after tiers…, gone, total], the before tiers, new, total. */
function matrixBlock(row: number, matrix: Float64Array, k: number, labels: readonly string[], format: string, digits: number | null, m: Messages): Block {
  const t = m.workbook.migration;
  const at = (i: number, j: number) => matrix[i * (k + 1) + j];
  const rowTotal = (i: number) => {
    let s = 0;
    for (let j = 0; j <= k; j++) s += at(i, j);
    return s;
  };
  const columnTotal = (j: number) => {
    let s = 0;
    for (let i = 0; i <= k; i++) s += at(i, j);
    return s;
  };
  const cells = [[text(t.corner), ...labels.map(text), text(t.goneColumn), text(t.total)]];
  for (let i = 0; i <= k; i++) {
    const counts = Array.from({ length: k + 1 }, (_, j) => (i === k && j === k ? text("") : num(at(i, j), format, digits)));
    cells.push([text(i === k ? t.newRow : labels[i]), ...counts, num(rowTotal(i), format, digits)]);
  }
  let grand = 0;
  for (let i = 0; i <= k; i++) grand += rowTotal(i);
  cells.push([text(t.total), ...Array.from({ length: k + 1 }, (_, j) => num(columnTotal(j), format, digits)), num(grand, format, digits)]);
  return block(row, 0, cells);
}

interface MigrationLayout {
  title: string;
  captions: { row: number; text: string }[];
  blocks: Block[];
  /** The count matrix's block (the chart reads its before-tier rows). */
  counts: Block;
  endRow: number;
  width: number;
}

function migrationLayout(
  matrix: MigrationMatrix,
  labels: readonly string[],
  rates: ReturnType<typeof migrationRates>,
  effects: ReturnType<typeof tierEffects>,
  before: SnapshotRecord,
  after: SnapshotRecord,
  m: Messages,
  upgrades: ReturnType<typeof upgradeLines> = null,
): MigrationLayout {
  const t = m.workbook.migration;
  const k = matrix.tiers.length;
  const captions: { row: number; text: string }[] = [];
  const blocks: Block[] = [];
  let row = 2;
  captions.push({ row, text: t.counts });
  const counts = matrixBlock(row + 1, matrix.counts, k, labels, FORMAT.whole, null, m);
  blocks.push(counts);
  row = counts.row + counts.values.length + 1;
  if (matrix.values) {
    captions.push({ row, text: t.revenue });
    const revenue = matrixBlock(row + 1, matrix.values, k, labels, FORMAT.money, 2, m);
    blocks.push(revenue);
    row = revenue.row + revenue.values.length + 1;
  }
  captions.push({ row, text: t.rates });
  const r = t.rateRows;
  const rateBlock = block(row + 1, 0, [
    [t.rateColumns.movement, t.rateColumns.customers, t.rateColumns.share].map(text),
    [text(r.customers), num(rates.customers, FORMAT.whole), num(rates.customers > 0 ? 1 : NaN, FORMAT.percent, 6)],
    ...(Number.isFinite(rates.upgraded)
      ? [
          [text(r.upgrade), num(rates.upgraded, FORMAT.whole), num(rates.upgradeRate, FORMAT.percent, 6)],
          [text(r.downgrade), num(rates.downgraded, FORMAT.whole), num(rates.downgradeRate, FORMAT.percent, 6)],
        ]
      : [[text(r.changed), num(rates.changed, FORMAT.whole), num(rates.changeRate, FORMAT.percent, 6)]]),
    [text(r.stay), num(rates.stayed, FORMAT.whole), num(rates.stayRate, FORMAT.percent, 6)],
    [text(r.gone), num(rates.gone, FORMAT.whole), num(rates.goneRate, FORMAT.percent, 6)],
    [text(r.newCustomers), num(rates.new, FORMAT.whole), text("")],
  ]);
  blocks.push(rateBlock);
  row = rateBlock.row + rateBlock.values.length + 1;
  captions.push({ row, text: t.effects });
  const e = t.effectColumns;
  const effectBlock = block(row + 1, 0, [
    [e.tier, e.customers, e.retained, e.retention, e.repurchased, e.repurchase, e.revenueBefore, e.revenueAfter, e.revenueChange, e.revenueChangeRate].map(text),
    ...effects.map((x) => [
      text(labels[matrix.tiers.indexOf(x.tier)] ?? x.tier),
      num(x.customers, FORMAT.whole),
      num(x.retained, FORMAT.whole),
      num(x.retentionRate, FORMAT.percent, 6),
      num(x.repurchased, FORMAT.whole),
      num(x.repurchaseRate, FORMAT.percent, 6),
      num(x.revenueBefore, FORMAT.money, 2),
      num(x.revenueAfter, FORMAT.money, 2),
      num(x.revenueChange, FORMAT.money, 2),
      num(x.revenueChangeRate, FORMAT.percent, 6),
    ]),
  ]);
  blocks.push(effectBlock);
  row = effectBlock.row + effectBlock.values.length + 1;
  if (upgrades) {
    // Issue 15 §3, below the effects (migration-upgrades.ts laid them out from row 0).
    captions.push({ row, text: upgrades.caption.text });
    blocks.push({ ...upgrades.block, row: row + 1 });
    row += upgrades.endRow;
  }
  const title = t.title(before.asOf, after.asOf, t.basis[before.tierBy]);
  return { title, captions, blocks, counts, endRow: row, width: Math.max(k + 3, 10) };
}

/**
 * The migration chart: a 100% stacked column per earlier tier, one series per later tier and "Gone",
 * from the count matrix's rows (not "New", not the totals), below the tables.
 */
function addMigrationChart(sheet: Excel.Worksheet, layout: MigrationLayout, k: number, m: Messages, basis: { tierBy: TierBy; before: string; after: string }): void {
  const words = m.chartRules.migration;
  const tier = m.chartText.basis[basis.tierBy];
  const top = layout.counts.row;
  const categories = sheet.getRange(a1Range(top + 1, 0, k, 1));
  const column = (j: number) => sheet.getRange(a1Range(top + 1, 1 + j, k, 1));
  const chart = sheet.charts.add("ColumnStacked100", sheet.getRange(a1Range(top, 1, k + 1, 1)), "Columns");
  const names = layout.counts.values[0].slice(1, k + 2) as string[];
  names.forEach((name, j) => {
    const series = j === 0 ? chart.series.getItemAt(0) : chart.series.add(name);
    series.name = name;
    if (j > 0) series.setValues(column(j));
    series.setXAxisValues(categories);
  });
  chart.name = "Tiering migration";
  // Issue 17's chart rules: the title in the pane's wording ("Tier migration") naming the tier basis and the two
  // snapshots, both axes titled, the share axis as percentages, the legend below (where Excel wraps it).
  chart.title.text = words.title(tier, basis.before, basis.after);
  chart.axes.categoryAxis.title.text = words.categoryAxis(m.chartText.basisAxis[basis.tierBy]);
  chart.axes.valueAxis.title.text = words.valueAxis(tier);
  chart.axes.valueAxis.numberFormat = EXCEL_FORMAT.axisPercent;
  chart.legend.position = "Bottom";
  chart.legend.visible = true;
  chart.setPosition(a1(layout.endRow + 1, 0), a1(layout.endRow + 20, 8));
}
