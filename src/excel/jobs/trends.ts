/**
 * How each tier trends (issue 14 §4): the "Tier trends" sheet over the history's snapshots — per snapshot date and
 * tier: customers, share, revenue in the period, revenue per customer, retention, repurchase, upgrade and downgrade
 * rates and churn — with a native line chart (customers per tier) and a stacked-area chart (share per tier).
 *
 * The numbers are the core's (src/core/over-time/trends.ts `tierTrends`) over the snapshots as the history keeps
 * them (customer, tier, revenue, orders, last purchase), put into the core's `History` shape here:
 * - which snapshots: those tiered as the latest one (the same basis, scheme or cuts, and window: `tiering`), one per
 *   date (the latest saved when two share a date), oldest first; the others are counted in `skipped`;
 * - bought in the period (repurchase): a last purchase after the previous snapshot's date;
 * - active (retention): orders > 0 in the snapshot's own measure — on snapshots over all history always, which the
 *   sheet's note and docs/USER-GUIDE.md explain, and with a window "bought in the last N months";
 * - revenue in the period: on snapshots over all history, the growth of each customer's revenue since the previous
 *   snapshot; with a window the history keeps only the window's total, so the period's revenue is not known and
 *   is left blank rather than guessed.
 * Charts read two small grids beside the table (dates as text, so Excel takes them as categories, tiers as series):
 * chart types Line and AreaStacked (https://learn.microsoft.com/javascript/api/excel/excel.charttype).
 *
 * Syncs, whatever the number of customers: 1 (index, sheets) + the history reads (`historyReadBlocks` over every
 * snapshot used) + 1 (the sheet replaced or added) + 1 (ownership, table, grids, charts); + 1 (the check,
 * owned-sheet.ts) when its own sheet is there to replace, which also ends the edits watch (edits.ts).
 */
import type { History as CoreHistory, HistorySnapshot } from "../../core/over-time/history";
import { tierTrends, type TrendRow } from "../../core/over-time/trends";
import type { Locale, Messages } from "../../i18n";
import { keyLabel } from "../../i18n/tier-names";
import { WorkbookError } from "../errors";
import { FORMAT } from "../formats";
import { readSnapshots, type SnapshotColumns } from "../history";
import type { ExcelHost } from "../host";
import { EXCEL_FORMAT, excelCompactFormat } from "../../i18n/numbers";
import type { TierBy, TrendsReport } from "../port";
import { a1, a1Range } from "../read";
import { queueBlock, queueText } from "../results";
import { recordOwned } from "../ownership";
import { tieringKey, type SnapshotRecord } from "../settings";
import { block, num, text } from "../summary";
import { job, loadState, suspendCalculation } from "./job";
import { withEditWatch } from "../edits";
import { addOwnedSheet, keptNoteOf, keptSheets, ownedAfter } from "./owned-sheet";
import { historyOf, serialOf } from "./snapshots";

/** The snapshots the trends run over: tiered as the latest, one per date (the latest saved), oldest date first. */
export function trendSnapshots(records: readonly SnapshotRecord[]): { used: SnapshotRecord[]; skipped: number } {
  const latest = records.at(-1);
  if (!latest) return { used: [], skipped: 0 };
  const key = tieringKey(latest);
  const byDate = new Map<string, SnapshotRecord>();
  for (const r of records) if (r.tierBy === latest.tierBy && tieringKey(r) === key) byDate.set(r.asOf, r);
  const used = [...byDate.values()].sort((x, y) => (x.asOf < y.asOf ? -1 : x.asOf > y.asOf ? 1 : 0));
  return { used, skipped: records.length - used.length };
}

/** The window the snapshots were tiered over (kept in the tiering key, tiering.ts), or null for all history. */
const windowOf = (r: SnapshotRecord): number | null => {
  const parsed = JSON.parse(tieringKey(r)) as { windowMonths?: number };
  return parsed.windowMonths ?? null;
};

/** The snapshots as the core's history: one customer numbering across them, tiers best first. */
export function coreHistory(records: readonly SnapshotRecord[], columns: readonly SnapshotColumns[]): CoreHistory {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const tierNames: string[] = [];
  for (const r of records) for (const k of r.tiers) if (!tierNames.includes(k)) tierNames.push(k);
  const tierIndex = new Map(tierNames.map((k, i) => [k, i]));
  const windowMonths = records.length > 0 ? windowOf(records[0]) : null;
  let previous: { asOf: number; revenue: Map<number, number> } | null = null;
  const snapshots: HistorySnapshot[] = records.map((r, k) => {
    const s = columns[k];
    const n = s.ids.length;
    const asOf = serialOf(r.asOf);
    const customers = new Int32Array(n);
    const tier = new Int32Array(n);
    const recencyDays = new Float64Array(n);
    const frequency = new Int32Array(n);
    const periodRevenue = new Float64Array(n);
    const periodOrders = new Int32Array(n);
    const revenue = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      let c = index.get(s.ids[i]);
      if (c === undefined) {
        c = ids.push(s.ids[i]) - 1;
        index.set(s.ids[i], c);
      }
      customers[i] = c;
      tier[i] = tierIndex.get(s.tiers[i]) ?? -1;
      recencyDays[i] = asOf - s.lastPurchase[i];
      frequency[i] = s.orders[i];
      periodOrders[i] = previous === null ? s.orders[i] : s.lastPurchase[i] > previous.asOf ? 1 : 0;
      periodRevenue[i] = windowMonths !== null ? NaN : s.revenue[i] - (previous?.revenue.get(c) ?? 0);
      revenue.set(c, s.revenue[i]);
    }
    const periodAfter = previous === null ? -Infinity : previous.asOf;
    previous = { asOf, revenue };
    return { asOf, periodAfter, customers, tier, recencyDays, frequency, monetary: s.revenue, periodRevenue, periodOrders, rfm: null };
  });
  return { customerIds: ids, tierNames, ordered: records[0]?.tierBy !== "segment", windowMonths, snapshots, frozen: null };
}

export function writeTrends(host: ExcelHost, locale: Locale): Promise<TrendsReport> {
  return job(host, locale, (context, m) => withEditWatch(context, host, async (watch) => {
    const t = m.overTimePane;
    // The person's edits are watched from this first sync to the check sync before the sheet is replaced (owned-sheet.ts).
    const state = await loadState(context);
    if (!state.history || state.history.snapshots.length === 0) throw new WorkbookError(state.savedHistory ? m.workbook.history.gone : t.errors.noSnapshots);
    const { used, skipped } = trendSnapshots(state.history.snapshots);
    const columns = await readSnapshots(context, historyOf(context, state), used, m);
    const history = coreHistory(used, columns);
    const rows = tierTrends(history);
    const latest = used.at(-1)!;
    const builtIn = used.every((r) => r.builtIn);
    const labelOf = (key: string) => keyLabel(latest.tierBy, key, builtIn || key === "others", m);
    const dates = used.map((r) => r.asOf);
    const tiers = history.tierNames.filter((k) => rows.some((row) => row.tier === k));
    const labels = tiers.map(labelOf);

    const added = await addOwnedSheet(context, t.book.trendsSheet, state, true, keptSheets(state), watch);
    const sheet = added.sheet;
    suspendCalculation(host, context);
    recordOwned(context, state.ownership, ownedAfter(state, added));
    const layout = trendsLayout(rows, dates, tiers, labels, labelOf, m);
    queueText(sheet.getRange("A1"), t.book.trendsTitle(dates[0], dates.at(-1)!, m.workbook.migration.basis[latest.tierBy])).format.font.bold = true;
    queueText(sheet.getRange("A2"), t.book.trendsNote);
    for (const b of [layout.table, layout.customers, layout.share]) queueBlock(sheet, b).getRow(0).format.font.bold = true;
    const charts = addTrendCharts(sheet, layout, dates.length, tiers.length, m, latest.tierBy, locale);
    sheet.getRange(a1Range(layout.table.row, 0, layout.table.values.length, layout.table.values[0].length)).format.autofitColumns();
    sheet.activate();
    await context.sync();
    return { sheet: sheet.name, dates, tiers: labels, skipped, charts, ...keptNoteOf(m, added) };
  }));
}

interface TrendsLayout {
  table: ReturnType<typeof block>;
  /** Customers and share per date (rows) and tier (columns), for the charts. */
  customers: ReturnType<typeof block>;
  share: ReturnType<typeof block>;
}

const TABLE_ROW = 3;

function trendsLayout(rows: readonly TrendRow[], dates: readonly string[], tiers: readonly string[], labels: readonly string[], labelOf: (key: string) => string, m: Messages): TrendsLayout {
  const c = m.overTimePane.book.trendsColumns;
  const header = [c.date, c.tier, c.customers, c.share, c.revenue, c.revenuePerCustomer, c.retention, c.repurchase, c.upgrade, c.downgrade, c.churn].map(text);
  const table = block(TABLE_ROW, 0, [
    header,
    ...rows.map((r) => [
      text(dates[r.snapshot]),
      text(labelOf(r.tier)),
      num(r.customers, FORMAT.whole),
      num(r.share, FORMAT.percent, 6),
      num(r.revenue, FORMAT.money, 2),
      num(r.revenuePerCustomer, FORMAT.money, 2),
      num(r.retention, FORMAT.percent, 6),
      num(r.repurchaseRate, FORMAT.percent, 6),
      num(r.upgradeRate, FORMAT.percent, 6),
      num(r.downgradeRate, FORMAT.percent, 6),
      num(r.churnRate, FORMAT.percent, 6),
    ]),
  ]);
  const cell = (k: number, tier: string) => rows.find((r) => r.snapshot === k && r.tier === tier);
  const grid = (row: number, value: (r: TrendRow | undefined) => number, format: string, digits: number | null) =>
    block(row, header.length + 1, [[text(m.overTimePane.book.dateAxis), ...labels.map(text)], ...dates.map((d, k) => [text(d), ...tiers.map((tier) => num(value(cell(k, tier)), format, digits))])]);
  const customers = grid(TABLE_ROW, (r) => r?.customers ?? 0, FORMAT.whole, null);
  const share = grid(TABLE_ROW + dates.length + 2, (r) => r?.share ?? 0, FORMAT.percent, 6);
  return { table, customers, share };
}

/**
 * A line chart of customers per tier and a stacked-area chart of their shares, below the grids. Issue 17's chart
 * rules: titles in the pane's wording ("Tier trends") naming the tier basis, both axes titled, the share axis as
 * percentages and the customers axis compact (K/M, 万/亿: numbers.ts), the legend below (where Excel wraps it).
 */
function addTrendCharts(sheet: Excel.Worksheet, layout: TrendsLayout, dates: number, tiers: number, m: Messages, tierBy: TierBy, locale: Locale): string[] {
  const b = m.overTimePane.book;
  const words = m.chartRules.trends;
  const basis = m.chartText.basis[tierBy];
  const left = layout.customers.column;
  const top = layout.share.row + dates + 2;
  const specs = [
    { type: "Line", grid: layout.customers, name: "Tier trends (customers)", title: words.customersTitle(basis), axis: words.customersAxis, format: excelCompactFormat(locale), at: top },
    { type: "AreaStacked", grid: layout.share, name: "Tier trends (share)", title: words.shareTitle(basis), axis: words.shareAxis, format: EXCEL_FORMAT.axisPercent, at: top + 18 },
  ] as const;
  return specs.map((s) => {
    const chart = sheet.charts.add(s.type, sheet.getRange(a1Range(s.grid.row, left, dates + 1, tiers + 1)), "Columns");
    chart.name = s.name;
    chart.title.text = s.title;
    chart.axes.categoryAxis.title.text = b.dateAxis;
    chart.axes.valueAxis.title.text = s.axis;
    chart.axes.valueAxis.numberFormat = s.format;
    chart.legend.position = "Bottom";
    chart.legend.visible = true;
    chart.setPosition(a1(s.at, left), a1(s.at + 16, left + 8));
    return s.name;
  });
}
