/**
 * The snapshot history. Every run appends its tiers to an Excel table ("TieringHistory") on a very hidden
 * sheet the add-in owns ("Tier history"), one row per customer: snapshot id, analysis date, tier basis,
 * customer, tier key (language-independent), tier label (in the run's language), revenue, orders, last
 * purchase. The index of the snapshots (which rows are whose, the tier order, the bytes a read takes) is
 * a document setting (HISTORY_KEY, settings.ts `History`), so one snapshot is read without the others.
 *
 * Writing takes SNAPSHOT_SYNCS syncs after the run's own (rows split by bytes as the results are, under
 * PAYLOAD_TARGET each; more only beyond SNAPSHOT_SYNCS × 4 MB); the last one re-creates the table over
 * the rows and saves the index. A run with the same analysis date, source and tiering as the latest snapshot
 * replaces it (its rows written below, the old ones deleted in the last sync), unless a pilot was picked from
 * it: then both are kept. A history without room for the run drops its oldest snapshots no pilot uses
 * (`saveSnapshot`). Reading takes max(HISTORY_READ_SYNCS, ⌈bytes × HISTORY_READ_MARGIN ÷ PAYLOAD_TARGET⌉)
 * syncs for the snapshots read together (and a pilot's list read beside them), and checks every row's
 * snapshot id.
 */
import type { AnalysisResult } from "../core/analysis/types";
import { serialToIsoDate } from "../core/cells/dates";
import { customerIdText } from "../core/over-time/migration";
import type { Messages } from "../i18n";
import { rowBytes, splitByBytes, splitEvenly } from "./batch";
import { WorkbookError } from "./errors";
import { cellNumber, FORMAT } from "./formats";
import { HISTORY_CAPACITY, HISTORY_READ_MARGIN, HISTORY_READ_SYNCS, PAYLOAD_TARGET, SNAPSHOT_SYNCS } from "./host";
import type { PilotInfo, SourceRef } from "./port";
import { a1Range, columnLetters } from "./read";
import { queueHeader, queueRows, resultRows, type ColumnSpec } from "./results";
import { HISTORY_KEY, tieringKey, type History, type SnapshotRecord } from "./settings";
import { sourceKey } from "./tiering";
import { freeName } from "./sheets";
import { tierLabel } from "../i18n/tier-names";
import { builtInTiers } from "./summary";

export const HISTORY_TABLE = "TieringHistory";

/** The history's columns, in order. */
export const HISTORY_FIELDS = ["snapshot", "asOf", "tierBy", "customer", "tierKey", "tier", "revenue", "orders", "lastPurchase"] as const;
const col = (field: (typeof HISTORY_FIELDS)[number]) => HISTORY_FIELDS.indexOf(field);
/**
 * What a read loads: the snapshot id (to check the rows are still the snapshot's), customer and tier key
 * (adjacent), then revenue, orders and last purchase (adjacent).
 */
const READ_CHECK = col("snapshot");
const READ_IDS = { from: col("customer"), to: col("tierKey") };
const READ_MEASURES = { from: col("revenue"), to: col("lastPurchase") };

/** A snapshot's id: S1, S2 … (the history's counter, never reused). */
export const snapshotId = (n: number) => `S${n}`;

/** A fresh index for a new history sheet. Ids continue after any a pilot still refers to, so none is reused. */
export function newHistory(sheetId: string, previous: History | null, pilots: readonly PilotInfo[]): History {
  let next = previous?.nextId ?? 1;
  for (const p of pilots) {
    const n = /^S(\d+)$/.exec(p.snapshotId);
    if (n) next = Math.max(next, Number(n[1]) + 1);
  }
  return { sheetId, nextId: next, snapshots: [] };
}

/** The history's row specs for this run's customers (index c = customer c). */
export function historyColumns(a: AnalysisResult, m: Messages, id: string): ColumnSpec[] {
  const h = m.workbook.history.columns;
  const s = a.summary;
  const keys = new Map(a.tiers.map((t) => [t.index, t.key]));
  const labels = new Map(a.tiers.map((t) => [t.index, tierLabel(a, t, m)]));
  const asOf = Math.floor(s.asOf);
  const specs: Record<(typeof HISTORY_FIELDS)[number], ColumnSpec> = {
    snapshot: { key: "snapshot", header: h.snapshot, format: FORMAT.text, value: () => id },
    asOf: { key: "asOf", header: h.asOf, format: FORMAT.date, value: () => asOf },
    tierBy: { key: "tierBy", header: h.tierBy, format: FORMAT.text, value: () => a.tierBy },
    customer: { key: "customer", header: h.customer, format: null, value: (c) => a.customerIds[c] },
    tierKey: { key: "tierKey", header: h.tierKey, format: FORMAT.text, value: (c) => keys.get(a.tierOf[c]) ?? "" },
    tier: { key: "tier", header: h.tier, format: FORMAT.text, value: (c) => labels.get(a.tierOf[c]) ?? "" },
    revenue: { key: "revenue", header: h.revenue, format: FORMAT.money, value: (c) => cellNumber(s.totalAmount[c], 2) },
    orders: { key: "orders", header: h.orders, format: FORMAT.whole, value: (c) => s.orders[c] },
    lastPurchase: { key: "lastPurchase", header: h.lastPurchase, format: FORMAT.date, value: (c) => Math.floor(s.lastPurchase[c]) },
  };
  return HISTORY_FIELDS.map((f) => specs[f]);
}

/** Bytes a read of these rows loads: the two read ranges' JSON, as `rowBytes` counts a row. */
export function readBytesOf(rows: readonly unknown[][]): number {
  let bytes = 0;
  for (const row of rows) {
    bytes += rowBytes([row[READ_CHECK]]) + rowBytes(row.slice(READ_IDS.from, READ_IDS.to + 1)) + rowBytes(row.slice(READ_MEASURES.from, READ_MEASURES.to + 1));
  }
  return bytes;
}

export interface SnapshotSave {
  history: History;
  sheet: Excel.Worksheet;
  /** Every table name in the workbook (to name the history table when it is made afresh). */
  tableNames: readonly string[];
  /** The pilots whose sheets are still there (a pilot without its sheet cannot be measured): their snapshots stay. */
  pilots: readonly { snapshotId: string; sheet: string }[];
  canSuspend: boolean;
  /** How the run tiered (tiering.ts `tieringOf`) and where it read: kept with the snapshot. */
  tiering: string;
  source: SourceRef | null;
}

/** What a save did besides adding its snapshot: the snapshots it removed to make room (oldest first). */
export interface SnapshotSaved {
  record: SnapshotRecord;
  dropped: SnapshotRecord[];
}

/** Where a snapshot's rows end (0-based, exclusive). */
export const endOf = (records: readonly SnapshotRecord[]) => {
  const last = records.at(-1);
  return last ? last.row + last.rows : 0;
};

/** `records` kept in order with their rows packed from row 0 (as they are once the others' rows are deleted). */
export function packed(records: readonly SnapshotRecord[]): SnapshotRecord[] {
  let row = 0;
  return records.map((r) => {
    const moved = { ...r, row };
    row += r.rows;
    return moved;
  });
}

/**
 * How the new rows fit. `below`: a replaced latest snapshot stays until the last sync and the new rows go below
 * it (a failed save leaves it as it was). Otherwise the replaced snapshot (when the history is too full for
 * both) and then the oldest snapshots no pilot uses are dropped, as few as make room. Null when even dropping
 * every snapshot no pilot uses leaves too little room.
 */
function planSave(records: readonly SnapshotRecord[], customers: number, replace: boolean, pinned: ReadonlySet<string>, capacity: number) {
  if (replace && endOf(records) + customers <= capacity) return { below: true, drop: [] as SnapshotRecord[] };
  const drop = replace ? [records.at(-1)!] : [];
  const candidates = records.filter((r) => !drop.includes(r) && !pinned.has(r.id));
  let used = records.reduce((n, r) => n + r.rows, 0) - drop.reduce((n, r) => n + r.rows, 0);
  for (const r of candidates) {
    if (used + customers <= capacity) break;
    drop.push(r);
    used -= r.rows;
  }
  return used + customers <= capacity ? { below: false, drop } : null;
}

/**
 * Appends this run's tiers to the history in SNAPSHOT_SYNCS syncs; resolves with the saved record and the
 * snapshots removed to make room. A run with the same analysis date, source and tiering as the latest
 * snapshot replaces it (unless a pilot uses it): the new rows are written below it and it goes in the last
 * sync, with the index, so a failed save leaves it listed and whole. A history too full for the run (a sheet
 * holds HISTORY_CAPACITY rows of snapshots) drops its oldest snapshots that no pilot uses, as few as make
 * room: their rows are deleted (the later ones move up) and the index shrinks in the first sync. Rejects (the
 * caller turns it into `RunReport.snapshotNote`) when the snapshots pilots use leave too little room, or a
 * sync fails; the index then lists no rows that were not written.
 */
export async function saveSnapshot(context: Excel.RequestContext, a: AnalysisResult, m: Messages, save: SnapshotSave): Promise<SnapshotSaved> {
  const { history, sheet } = save;
  const asOf = serialToIsoDate(Math.floor(a.summary.asOf));
  const latest = history.snapshots.at(-1);
  const pinned = new Set(save.pilots.map((p) => p.snapshotId));
  // The same analysis date, data source and tiering (so the same basis), and no pilot picked from it.
  const replace =
    !!latest &&
    latest.asOf === asOf &&
    latest.tierBy === a.tierBy &&
    tieringKey(latest) === save.tiering &&
    sourceKey(latest.source ?? null) === sourceKey(save.source) &&
    !pinned.has(latest.id);
  const customers = a.customerIds.length;
  const plan = planSave(history.snapshots, customers, replace, pinned, HISTORY_CAPACITY);
  if (!plan) {
    const used = history.snapshots.filter((r) => pinned.has(r.id));
    const usedRows = used.reduce((n, r) => n + r.rows, 0);
    // The fewest of the pilots' snapshots (largest first) that would have to go.
    let must = 0;
    const sizes = used.map((r) => r.rows).sort((x, y) => y - x);
    for (let free = HISTORY_CAPACITY - usedRows, i = 0; free < customers && i < sizes.length; i++) {
      free += sizes[i];
      must++;
    }
    const sheets = save.pilots.filter((p) => used.some((r) => r.id === p.snapshotId)).map((p) => `"${p.sheet}"`);
    throw new WorkbookError(m.workbook.history.full(customers, HISTORY_CAPACITY, used.length, usedRows, must, sheets.join(", ")));
  }
  // Rows as they are once the dropped snapshots' rows are deleted (the first sync); untouched without drops.
  const kept = plan.drop.length > 0 ? packed(history.snapshots.filter((r) => !plan.drop.includes(r))) : history.snapshots;
  const replaced = plan.below ? kept.at(-1)! : null;
  const start = endOf(kept);

  const id = snapshotId(history.nextId);
  const columns = historyColumns(a, m, id);
  const { rows, bytes } = resultRows(columns, customers);
  const record: SnapshotRecord = {
    id,
    asOf,
    tierBy: a.tierBy,
    customers,
    savedAt: new Date().toISOString(),
    row: replaced ? replaced.row : start,
    rows: customers,
    readBytes: readBytesOf(rows),
    tiers: a.tiers.map((t) => t.key),
    builtIn: builtInTiers(a),
    tiering: save.tiering,
    source: save.source,
  };
  const blocks = splitByBytes(bytes, Math.max(SNAPSHOT_SYNCS, 2), PAYLOAD_TARGET);
  const parts = blocks.length - 1;
  const wb = context.workbook;
  const lastColumn = columnLetters(HISTORY_FIELDS.length - 1);
  let onSheet!: Excel.TableCollection;
  for (let k = 0; k < parts; k++) {
    if (save.canSuspend) wb.application.suspendApiCalculationUntilNextSync();
    if (k === 0) {
      if (plan.drop.length > 0) {
        // The index first: a sync failing part-way must not leave it listing rows that moved (reads check the
        // rows' snapshot ids all the same, history.changed). Then the dropped rows, bottom first so the
        // addresses above stay right; whole rows, so the history table shrinks with them.
        wb.settings.add(HISTORY_KEY, { ...history, snapshots: kept } satisfies History);
        for (const r of [...plan.drop].sort((x, y) => y.row - x.row)) sheet.getRange(`${r.row + 2}:${r.row + r.rows + 1}`).delete("Up");
      }
      // Very hidden (ExcelApi 1.1), also a history made when the add-in hid it only as "Hidden".
      sheet.visibility = "VeryHidden";
      queueHeader(sheet, columns, 0);
      onSheet = sheet.tables.load("items/name");
    }
    queueRows(sheet, columns, rows, blocks[k], blocks[k + 1], 1 + start);
    if (k === parts - 1) {
      // The table over the header and every snapshot's rows: the old one becomes a range and a new one is
      // made (ExcelApi 1.2; Table.resize needs 1.13). A replaced snapshot's rows go now (the new ones move
      // up into their place); rows left below by a longer replaced snapshot or a failed save are cleared.
      const mine = onSheet.items.map((t) => t.name);
      for (const t of onSheet.items) t.convertToRange();
      if (replaced) sheet.getRange(`${replaced.row + 2}:${replaced.row + replaced.rows + 1}`).delete("Up");
      const end = record.row + customers;
      if (end + 1 < 1048576) sheet.getRange(`A${end + 2}:${lastColumn}1048576`).clear();
      const table = sheet.tables.add(a1Range(0, 0, end + 1, HISTORY_FIELDS.length), true);
      table.name = freeName(HISTORY_TABLE, save.tableNames.filter((n) => !mine.includes(n)));
      const before = replaced ? kept.slice(0, -1) : kept;
      wb.settings.add(HISTORY_KEY, { sheetId: history.sheetId, nextId: history.nextId + 1, snapshots: [...before, record] } satisfies History);
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block by design: each request stays under Office's 5 MB, in the fixed count docs/EXCEL.md promises
    await context.sync();
  }
  return { record, dropped: plan.drop.filter((r) => r !== latest || !replace) };
}

/** A snapshot's columns as read back: ids as the core keys them, tier keys, and the numbers. */
export interface SnapshotColumns {
  ids: string[];
  tiers: string[];
  revenue: Float64Array;
  orders: Float64Array;
  lastPurchase: Float64Array;
}

/** Syncs to read these snapshots together (and `extraBytes` more read beside them). */
export function historyReadBlocks(records: readonly SnapshotRecord[], extraBytes = 0): number {
  let bytes = extraBytes;
  for (const r of records) bytes += r.readBytes;
  return Math.max(HISTORY_READ_SYNCS, Math.ceil((bytes * HISTORY_READ_MARGIN) / PAYLOAD_TARGET));
}

const numberOf = (v: unknown) => (typeof v === "number" ? v : NaN);

/** One column of another sheet read in the same syncs as the snapshots (a pilot's list): its cells land in `values`. */
export interface ColumnRead {
  sheet: Excel.Worksheet;
  /** First row and the column (0-based), and how many rows. */
  row: number;
  column: number;
  rows: number;
  /** What the read is expected to cost, for sizing the syncs. */
  bytes: number;
  values: unknown[];
}

/** The history sheet and its name (for the sentence when its rows were changed). */
export interface HistorySheet {
  sheet: Excel.Worksheet;
  name: string;
}

/**
 * Reads snapshots' rows from the history sheet, all in the same `historyReadBlocks` syncs (each sync
 * loads a slice of every snapshot, and of every `also` column). Each slice's snapshot ids (column A) are
 * read too: rows that are no longer the snapshot's (the sheet sorted, rows moved or deleted) reject with a
 * sentence rather than give another snapshot's customers. `measures` false reads only the customers and
 * tier keys.
 */
export async function readSnapshots(
  context: Excel.RequestContext,
  history: HistorySheet,
  records: readonly SnapshotRecord[],
  m: Messages,
  options: { measures?: boolean; also?: readonly ColumnRead[] } = {},
): Promise<SnapshotColumns[]> {
  const { sheet } = history;
  const measures = options.measures ?? true;
  const also = options.also ?? [];
  const blocks = historyReadBlocks(records, also.reduce((sum, x) => sum + x.bytes, 0));
  const out = records.map((r) => ({
    ids: new Array<string>(r.rows),
    tiers: new Array<string>(r.rows),
    revenue: new Float64Array(r.rows),
    orders: new Float64Array(r.rows),
    lastPurchase: new Float64Array(r.rows),
  }));
  const starts = records.map((r) => splitEvenly(r.rows, blocks));
  const alsoStarts = also.map((x) => splitEvenly(x.rows, blocks));
  for (const x of also) x.values.length = x.rows;
  for (let k = 0; k < blocks; k++) {
    const loads = records.map((r, s) => {
      const from = starts[s][k];
      const count = starts[s][k + 1] - from;
      if (count === 0) return null;
      const top = 1 + r.row + from;
      return {
        from,
        check: sheet.getRange(a1Range(top, READ_CHECK, count, 1)).load("values"),
        ids: sheet.getRange(a1Range(top, READ_IDS.from, count, READ_IDS.to - READ_IDS.from + 1)).load("values"),
        measures: measures ? sheet.getRange(a1Range(top, READ_MEASURES.from, count, READ_MEASURES.to - READ_MEASURES.from + 1)).load("values") : null,
      };
    });
    const alsoLoads = also.map((x, j) => {
      const from = alsoStarts[j][k];
      const count = alsoStarts[j][k + 1] - from;
      return count === 0 ? null : { from, range: x.sheet.getRange(a1Range(x.row + from, x.column, count, 1)).load("values") };
    });
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block by design: each request stays under Office's 5 MB, in the fixed count docs/EXCEL.md promises
    await context.sync();
    loads.forEach((load, s) => {
      if (!load) return;
      const record = records[s];
      if (load.check.values.some((row) => row[0] !== record.id)) throw new WorkbookError(m.workbook.history.changed(history.name, record.id, record.asOf));
      const o = out[s];
      load.ids.values.forEach((row, i) => {
        o.ids[load.from + i] = customerIdText(row[0]) ?? "";
        o.tiers[load.from + i] = row[1] === null || row[1] === undefined ? "" : String(row[1]);
      });
      load.measures?.values.forEach((row, i) => {
        o.revenue[load.from + i] = numberOf(row[0]);
        o.orders[load.from + i] = numberOf(row[1]);
        o.lastPurchase[load.from + i] = numberOf(row[2]);
      });
    });
    alsoLoads.forEach((load, j) => {
      if (load) load.range.values.forEach((row, i) => (also[j].values[load.from + i] = row[0]));
    });
  }
  return out;
}
