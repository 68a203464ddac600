/**
 * Who moved (issue 14 §3): the "Movers" sheet, one row per customer of either of two snapshots — tier before and
 * after, the direction (up / down / same / new / gone for ordered tiers, changed / same for RFM segments), the
 * revenue in each snapshot and the change — as an Excel table, so the person sorts and filters it as any table;
 * and `filterMovers`, the pane's "was A, now C" one click away, which applies that table's own column filters
 * (Excel.Filter.applyValuesFilter, ExcelApi 1.2: https://learn.microsoft.com/javascript/api/excel/excel.filter),
 * so the rows hidden are visible in Excel's filter buttons and cleared there like any filter.
 *
 * The moves come from the core (src/core/over-time/movers.ts `moversBetween`), over the two snapshots read from
 * the history as Compare reads them. A customer with no tier on one side ("new", "gone") gets a visible
 * "(none)" in that column rather than a blank cell, so "was nothing, now A" is a value filter like any other.
 *
 * With the pane's Predict settings, P(alive) and predicted CLV as of the later snapshot's date join the table
 * (movers-predict.ts: the models fitted on the mapped data up to that date, a note above the table saying so and
 * any fit diagnostics, or why the columns are left out).
 *
 * Syncs, whatever the number of customers (up to the sizes in docs/PERFORMANCE.md): 1 (index, sheets) + the
 * history reads (+ a run's read of the source, 1 + READ_SYNCS, with Predict on) (`historyReadBlocks`) + 1 (the sheet replaced or added) + max(MOVERS_WRITE_SYNCS, ⌈bytes ÷
 * PAYLOAD_TARGET⌉) (the rows; ownership and the title with the first, the table and its record with the last); + 1 (the
 * check, owned-sheet.ts) when its own sheet is there to replace, which also ends the edits watch (edits.ts).
 * filterMovers: 4 (the record; the table and its sheet; its header; the filters).
 */
import { moversBetween, type MoveDirection } from "../../core/over-time/movers";
import type { Locale, Messages } from "../../i18n";
import { keyLabel } from "../../i18n/tier-names";
import { splitByBytes } from "../batch";
import { WorkbookError } from "../errors";
import { FORMAT, cellNumber } from "../formats";
import { readSnapshots } from "../history";
import type { ExcelHost } from "../host";
import { PAYLOAD_TARGET } from "../host";
import type { AnalysisSettings, MoversReport } from "../port";
import { a1Range } from "../read";
import { queueHeader, queueRows, queueText, resultRows, type ColumnSpec } from "../results";
import { recordOwned } from "../ownership";
import { snapshotInfo, tieringKey } from "../settings";
import { freeName } from "../sheets";
import { tieringDifference } from "../tiering";
import { job, loadState, suspendCalculation } from "./job";
import { withEditWatch } from "../edits";
import { addOwnedSheet, keptNoteOf, keptSheets, ownedAfter } from "./owned-sheet";
import { findSnapshot, historyOf } from "./snapshots";
import { moversPredicted } from "./movers-predict";

/** The Movers sheet's record in the document settings: where its table is and how its columns are headed. */
export const MOVERS_KEY = "tiering.movers";
export const MOVERS_TABLE = "TieringMovers";
/** Syncs that write the Movers rows (at least; more beyond this × PAYLOAD_TARGET). */
export const MOVERS_WRITE_SYNCS = 2;
/** The table's header row (0-based): a title above it, a blank row between. */
const TABLE_ROW = 2;

interface MoversRecord {
  sheetId: string;
  table: string;
  /** Header texts of the "was" and "now" columns (the filters find the columns by them) and the "(none)" text. */
  was: string;
  now: string;
  none: string;
}

const isMoversRecord = (v: unknown): v is MoversRecord =>
  v !== null && typeof v === "object" && typeof (v as MoversRecord).sheetId === "string" && typeof (v as MoversRecord).table === "string" && typeof (v as MoversRecord).was === "string";

/**
 * `settings` (the pane's, when its Predict section is on): P(alive) and predicted CLV as of the later snapshot join
 * the table (moversPredicted). Without them the sheet is as before.
 */
export function writeMovers(host: ExcelHost, beforeId: string, afterId: string, locale: Locale, settings: AnalysisSettings | null = null): Promise<MoversReport> {
  return job(host, locale, (context, m) => withEditWatch(context, host, async (watch) => {
    const t = m.overTimePane;
    const wb = context.workbook;
    // The last Movers sheet's record, read with the add-in's bookkeeping: its table's name is free once its sheet is replaced.
    const prior = wb.settings.getItemOrNullObject(MOVERS_KEY).load("value");
    const state = await loadState(context);
    const before = findSnapshot(state, beforeId, m);
    const after = findSnapshot(state, afterId, m);
    if (before.tierBy !== after.tierBy) throw new WorkbookError(m.workbook.migration.errors.differentBasis(m.workbook.migration.basis[before.tierBy], m.workbook.migration.basis[after.tierBy]));
    const differs = tieringDifference(tieringKey(before), tieringKey(after), m);
    if (differs) throw new WorkbookError(m.workbook.migration.errors.differentTiering(differs));
    if (!(before.asOf < after.asOf)) throw new WorkbookError(t.errors.notEarlier(before.asOf, after.asOf));
    const tables = wb.tables.load("items/name");
    const [b, a] = await readSnapshots(context, historyOf(context, state), [before, after], m);

    // The core: the earlier snapshot's customers in its order, then the new ones; tiers best first as the runs ordered them.
    const order = [...before.tiers, ...after.tiers.filter((k) => !before.tiers.includes(k))];
    const ordered = before.tierBy !== "segment";
    const movers = moversBetween({ ids: b.ids, tiers: b.tiers, measure: b.revenue }, { ids: a.ids, tiers: a.tiers, measure: a.revenue }, ordered ? order : undefined);
    // Segments have no order from best to worst (the rule order is for matching): a move is a change.
    const direction = (d: MoveDirection): MoveDirection => (!ordered && (d === "up" || d === "down") ? "changed" : d);
    const builtIn = before.builtIn && after.builtIn;
    const label = (key: string) => (key === "" ? t.book.noTier : keyLabel(before.tierBy, key, builtIn || key === "others", m));
    const rows = movers.rows;
    const c = t.book.moversColumns;
    const columns: ColumnSpec[] = [
      { key: "customer", header: c.customer, format: null, value: (i) => rows[i].id },
      { key: "was", header: c.was, format: FORMAT.text, value: (i) => label(rows[i].before) },
      { key: "now", header: c.now, format: FORMAT.text, value: (i) => label(rows[i].after) },
      { key: "direction", header: c.direction, format: FORMAT.text, value: (i) => t.movers.counts[direction(rows[i].direction)] },
      { key: "revenueBefore", header: c.revenueBefore, format: FORMAT.money, value: (i) => cellNumber(rows[i].measureBefore, 2) },
      { key: "revenueAfter", header: c.revenueAfter, format: FORMAT.money, value: (i) => cellNumber(rows[i].measureAfter, 2) },
      { key: "revenueChange", header: c.revenueChange, format: FORMAT.money, value: (i) => cellNumber(rows[i].change, 2) },
    ];
    const counts: Record<MoveDirection, number> = { up: 0, down: 0, same: 0, changed: 0, new: 0, gone: 0 };
    const pairs = new Map<string, { was: string; now: string; customers: number }>();
    for (const r of rows) {
      counts[direction(r.direction)]++;
      const was = r.before === "" ? "" : label(r.before);
      const now = r.after === "" ? "" : label(r.after);
      const key = `${was}\u0000${now}`;
      const p = pairs.get(key);
      if (p) p.customers++;
      else pairs.set(key, { was, now, customers: 1 });
    }
    const predicted = settings?.predict ? await moversPredicted(host, context, settings, after, movers, m) : null;
    if (predicted?.values) {
      const g = m.overTimeGaps.movers;
      const { pAlive, clv } = predicted.values;
      columns.push(
        { key: "pAlive", header: g.pAlive, format: FORMAT.percent, value: (i) => cellNumber(pAlive[i], 6) },
        { key: "clv", header: g.clv, format: FORMAT.money, value: (i) => cellNumber(clv[i], 2) },
      );
    }
    const { rows: cells, bytes } = resultRows(columns, rows.length);

    // The person's edits, watched since the first sync, decide in the check sync whether the old sheet is replaced (owned-sheet.ts).
    const added = await addOwnedSheet(context, t.book.moversSheet, state, true, keptSheets(state), watch);
    const { sheet, replaced } = added;
    const blocks = splitByBytes(bytes, MOVERS_WRITE_SYNCS, PAYLOAD_TARGET);
    const parts = blocks.length - 1;
    const tableNames = tables.items.map((x) => x.name);
    const old = !prior.isNullObject && isMoversRecord(prior.value) && prior.value.sheetId === replaced ? prior.value.table : null;
    const tableName = freeName(MOVERS_TABLE, tableNames.filter((n) => n !== old));
    for (let k = 0; k < parts; k++) {
      suspendCalculation(host, context);
      if (k === 0) {
        recordOwned(context, state.ownership, ownedAfter(state, added));
        queueText(sheet.getRange("A1"), t.book.moversTitle(before.asOf, after.asOf, m.workbook.migration.basis[before.tierBy])).format.font.bold = true;
        // What the P(alive) and CLV columns are, or why they are not there (the fit's diagnostics said, not hidden).
        if (predicted) queueText(sheet.getRange("A2"), predicted.note);
        queueHeader(sheet, columns, TABLE_ROW);
      }
      queueRows(sheet, columns, cells, blocks[k], blocks[k + 1], TABLE_ROW + 1);
      if (k === parts - 1) {
        // An empty list still gets its table (header and one blank row), so the filters have columns to act on.
        const table = sheet.tables.add(a1Range(TABLE_ROW, 0, Math.max(rows.length, 1) + 1, columns.length), true);
        table.name = tableName;
        sheet.getRange(a1Range(TABLE_ROW, 0, Math.min(rows.length, 200) + 1, columns.length)).format.autofitColumns();
        wb.settings.add(MOVERS_KEY, { sheetId: sheet.id, table: tableName, was: c.was, now: c.now, none: t.book.noTier } satisfies MoversRecord);
        sheet.activate();
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block by design: each request stays under Office's 5 MB, in the fixed count docs/EXCEL.md promises
      await context.sync();
    }
    return {
      before: snapshotInfo(before),
      after: snapshotInfo(after),
      sheet: sheet.name,
      table: tableName,
      customers: rows.length,
      counts,
      ordered,
      tiers: movers.tiers.map(label),
      pairs: [...pairs.values()],
      predicted: predicted ? { asOf: predicted.values ? after.asOf : null, note: predicted.note, diagnostics: predicted.diagnostics } : null,
      ...keptNoteOf(m, added),
    };
  }));
}

/** Shows only "was `was`, now `now`" in the Movers table (tier labels; "" no tier; null any), or every row with both null. */
export function filterMovers(host: ExcelHost, was: string | null, now: string | null, locale: Locale): Promise<void> {
  return job(host, locale, async (context, m: Messages) => {
    const wb = context.workbook;
    const item = wb.settings.getItemOrNullObject(MOVERS_KEY).load("value");
    await context.sync();
    const record = item.isNullObject ? null : item.value;
    if (!isMoversRecord(record)) throw new WorkbookError(m.overTimePane.errors.noMovers);
    const table = wb.tables.getItemOrNullObject(record.table);
    const sheet = wb.worksheets.getItemOrNullObject(record.sheetId);
    sheet.load("name");
    await context.sync();
    if (table.isNullObject || sheet.isNullObject) throw new WorkbookError(m.overTimePane.errors.noMovers);
    const headers = table.getHeaderRowRange().load("values");
    await context.sync();
    const header = (headers.values[0] ?? []).map(String);
    if (!header.includes(record.was) || !header.includes(record.now)) throw new WorkbookError(m.overTimePane.errors.moversChanged(sheet.name));
    table.clearFilters();
    const cellText = (v: string) => (v === "" ? record.none : v);
    if (was !== null) table.columns.getItem(record.was).filter.applyValuesFilter([cellText(was)]);
    if (now !== null) table.columns.getItem(record.now).filter.applyValuesFilter([cellText(now)]);
    sheet.activate();
    await context.sync();
  });
}
