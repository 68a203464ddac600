/**
 * "Rebuild history" writes many snapshots at once into the same hidden history a run saves its snapshot in
 * (history.ts: the "TieringHistory" table on the very hidden sheet, its index in the document settings), so
 * Compare, Movers, Tier trends and the pilots read a rebuilt month exactly as they read a run's.
 *
 * Why a module of its own rather than calling `saveSnapshot` once per date: a snapshot a run saves costs
 * SNAPSHOT_SYNCS syncs, so 18 months would take 90 round trips and re-create the table 18 times. Here the new
 * snapshots' rows are written together, split by bytes under PAYLOAD_TARGET (Office refuses a request over
 * 5 MB: https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * at least SNAPSHOT_SYNCS syncs and one more per 4 MB beyond that, and the table and index are made once, in
 * the last sync.
 *
 * The rules, which differ from a run's: a rebuilt snapshot replaces only an earlier rebuilt snapshot of the
 * same date, data source and tiering (never a run's own, never one a pilot was picked from), and when the
 * history has no room it removes the oldest rebuilt snapshots no pilot uses, never a run's own; without
 * room even then it refuses, saying how many rows are needed and free, before anything is written.
 */
import { serialToIsoDate } from "../core/cells/dates";
import type { Messages } from "../i18n";
import { splitByBytes } from "./batch";
import { WorkbookError } from "./errors";
import { HISTORY_CAPACITY, PAYLOAD_TARGET, SNAPSHOT_SYNCS } from "./host";
import { endOf, HISTORY_FIELDS, HISTORY_TABLE, packed, readBytesOf, snapshotId } from "./history";
import type { SourceRef, TierBy } from "./port";
import { a1Range, columnLetters } from "./read";
import { queueHeader, queueRows, resultRows, type ColumnSpec } from "./results";
import { HISTORY_KEY, tieringKey, type History, type SnapshotRecord } from "./settings";
import { freeName } from "./sheets";
import { sourceKey } from "./tiering";

/** One snapshot to write: its date, its tiers (keys best first, as a run orders them) and its rows. */
export interface BackfillSnapshot {
  /** The analysis date, a whole-day serial. */
  asOf: number;
  tierBy: TierBy;
  customers: number;
  tiers: string[];
  builtIn: boolean;
  /** The history's columns (history.ts HISTORY_FIELDS, in order; `historyColumns`) for this snapshot under `id`. */
  columns(id: string): ColumnSpec[];
}

export interface BackfillSave {
  history: History;
  sheet: Excel.Worksheet;
  /** Every table name in the workbook (to name the history table when it is made afresh). */
  tableNames: readonly string[];
  /** Snapshot ids pilots (with their sheets still there) were picked from: never removed. */
  pinned: ReadonlySet<string>;
  canSuspend: boolean;
  tiering: string;
  source: SourceRef | null;
  /** Told after each write sync: blocks written so far, of how many. */
  onBlock?: (done: number, total: number) => void;
}

export interface BackfillSaved {
  records: SnapshotRecord[];
  replaced: SnapshotRecord[];
  dropped: SnapshotRecord[];
}

/**
 * Which snapshots go: the rebuilt ones of the same dates, source and tiering (replaced), then as few of the
 * oldest other rebuilt ones as make room (dropped); neither a run's own nor a pilot's. Throws a sentence when
 * even then the new rows do not fit. Pure, so the rule is tested without a workbook.
 */
export function planBackfill(
  history: History,
  dates: readonly string[],
  rows: number,
  save: { pinned: ReadonlySet<string>; tiering: string; source: SourceRef | null },
  m: Messages,
  capacity = HISTORY_CAPACITY,
): { replaced: SnapshotRecord[]; dropped: SnapshotRecord[]; kept: SnapshotRecord[] } {
  const wanted = new Set(dates);
  const removable = (r: SnapshotRecord) => r.backfilled === true && !save.pinned.has(r.id);
  const replaced = history.snapshots.filter(
    (r) => removable(r) && wanted.has(r.asOf) && tieringKey(r) === save.tiering && sourceKey(r.source ?? null) === sourceKey(save.source),
  );
  let rest = history.snapshots.filter((r) => !replaced.includes(r));
  let used = rest.reduce((n, r) => n + r.rows, 0);
  const dropped: SnapshotRecord[] = [];
  for (const r of rest.filter(removable)) {
    if (used + rows <= capacity) break;
    dropped.push(r);
    used -= r.rows;
  }
  if (used + rows > capacity) throw new WorkbookError(m.overTimePane.errors.historyFull(rows, Math.max(capacity - used, 0), capacity));
  rest = rest.filter((r) => !dropped.includes(r));
  return { replaced, dropped, kept: packed(rest) };
}

/**
 * Writes `snapshots` (oldest first) into the history: the first sync saves the shrunk index and deletes the
 * replaced and dropped rows (bottom first, whole rows, so the table shrinks with them), then the rows go in
 * blocks under PAYLOAD_TARGET, and the last sync makes the table over every row and saves the index with the new
 * records (marked `backfilled`). A failed sync leaves an index that lists only rows that are there.
 */
export async function saveBackfill(context: Excel.RequestContext, snapshots: readonly BackfillSnapshot[], m: Messages, save: BackfillSave): Promise<BackfillSaved> {
  const { history, sheet } = save;
  const dates = snapshots.map((s) => serialToIsoDate(s.asOf));
  const total = snapshots.reduce((n, s) => n + s.customers, 0);
  const plan = planBackfill(history, dates, total, save, m);
  const start = endOf(plan.kept);

  // Every snapshot's rows one after another: their bytes decide the blocks.
  const savedAt = new Date().toISOString();
  const allRows: unknown[][] = [];
  const allBytes = new Float64Array(total);
  const records: SnapshotRecord[] = [];
  let layout: ColumnSpec[] | null = null;
  let row = start;
  snapshots.forEach((s, k) => {
    const id = snapshotId(history.nextId + k);
    const columns = s.columns(id);
    layout ??= columns;
    const { rows, bytes } = resultRows(columns, s.customers);
    allBytes.set(bytes, allRows.length);
    for (const r of rows) allRows.push(r);
    records.push({
      id,
      asOf: dates[k],
      tierBy: s.tierBy,
      customers: s.customers,
      savedAt,
      row,
      rows: s.customers,
      readBytes: readBytesOf(rows),
      tiers: s.tiers,
      builtIn: s.builtIn,
      tiering: save.tiering,
      source: save.source,
      backfilled: true,
    });
    row += s.customers;
  });
  const columns = layout ?? [];
  const blocks = splitByBytes(allBytes, Math.max(SNAPSHOT_SYNCS, 2), PAYLOAD_TARGET);
  const parts = blocks.length - 1;
  const gone = [...plan.replaced, ...plan.dropped].sort((x, y) => y.row - x.row);
  const lastColumn = columnLetters(HISTORY_FIELDS.length - 1);
  let onSheet!: Excel.TableCollection;
  for (let k = 0; k < parts; k++) {
    if (save.canSuspend) context.workbook.application.suspendApiCalculationUntilNextSync();
    if (k === 0) {
      if (gone.length > 0) {
        // The index first, so a sync failing part-way never lists rows that moved (reads check ids all the same).
        context.workbook.settings.add(HISTORY_KEY, { ...history, snapshots: plan.kept } satisfies History);
        for (const r of gone) sheet.getRange(`${r.row + 2}:${r.row + r.rows + 1}`).delete("Up");
      }
      // Very hidden (ExcelApi 1.1): the history is the add-in's bookkeeping, as a run keeps it.
      sheet.visibility = "VeryHidden";
      if (columns.length > 0) queueHeader(sheet, columns, 0);
      onSheet = sheet.tables.load("items/name");
    }
    queueRows(sheet, columns, allRows, blocks[k], blocks[k + 1], 1 + start);
    if (k === parts - 1) {
      // One table over the header and every snapshot's rows (Table.resize needs ExcelApi 1.13): the old table
      // becomes a range and a new one is made; anything below the last row (a failed earlier save) is cleared.
      const mine = onSheet.items.map((t) => t.name);
      for (const t of onSheet.items) t.convertToRange();
      const end = start + total;
      if (end + 1 < 1048576) sheet.getRange(`A${end + 2}:${lastColumn}1048576`).clear();
      const table = sheet.tables.add(a1Range(0, 0, end + 1, HISTORY_FIELDS.length), true);
      table.name = freeName(HISTORY_TABLE, save.tableNames.filter((n) => !mine.includes(n)));
      context.workbook.settings.add(HISTORY_KEY, {
        sheetId: history.sheetId,
        nextId: history.nextId + snapshots.length,
        snapshots: [...plan.kept, ...records],
      } satisfies History);
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block by design: each request stays under Office's 5 MB, in the fixed count docs/EXCEL.md promises
    await context.sync();
    save.onBlock?.(k + 1, parts);
  }
  return { records, replaced: plan.replaced, dropped: plan.dropped };
}
