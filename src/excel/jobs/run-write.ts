/**
 * The run's writes: the plan (which sheets are replaced or added, the rows and their byte-sized blocks) and
 * the write syncs (the final sync is run-finish.ts).
 *
 * From the first write sync on, the new sheets must end up recorded as owned whatever happens (Cancel, a
 * failing sync), or the next run would not replace them: a cancel is honoured only once the second write
 * sync has recorded them, and any error before that records them in an extra sync before it is rethrown.
 * That rule is one wrapper around the writes (`keepingOwnership`), not branches in the write loop.
 */
import { splitByBytes } from "../batch";
import { withSuppressed } from "../errors";
import { newHistory } from "../history";
import { PAYLOAD_TARGET, WRITE_SYNCS, WRITE_SYNCS_PREDICT } from "../host";
import { churnColumns, queueHeader, queueRows, queueText, resultColumns, resultRows, type ColumnSpec, type RowsAndBytes } from "../results";
import type { EditWatch } from "../edits";
import { loadMarks, recordOwned, resolveOwnership } from "../ownership";
import { HISTORY_KEY, loadBookState, type BookState } from "../settings";
import { planSheets, type SheetPlan } from "../sheets";
import type { Computed, ReadColumns } from "./run-compute";
import { PROGRESS, type RunJob } from "./run-job";
import { withOverrideColumns } from "../overrides";

export interface WritePlan {
  book: BookState;
  sheets: SheetPlan;
  replacedIds: Set<string>;
  /** The sheet the run read (never replaced). */
  sourceSheetId: string | null;
  /** The sheet of the person's overrides table (overrides.ts): never replaced, even where the add-in owned it. */
  overridesSheetId?: string | null;
  /** The results sheet's columns and rows (one per customer). */
  columns: ColumnSpec[];
  customers: number;
  rows: unknown[][];
  /** The churn-warning list (Predict on and fitted), else null. */
  warnColumns: ColumnSpec[] | null;
  warn: RowsAndBytes | null;
  /** Start rows of each write sync's block over the results rows then the churn-warning rows. */
  blocks: number[];
  /** Sheets the person edited during the run, kept as theirs (`recheck`), and the names written instead. */
  keptEdited?: string[];
  writtenInstead?: string[];
}

/** Plan the writes: the sheets (the history sheet the index's while it is there and the add-in's, else a new one) and the row blocks. */
export function plan(job: RunJob, read: ReadColumns & { book: BookState; extraName: string }, computed: Computed): WritePlan {
  const { settings, m } = job;
  const { a } = computed;
  const book = read.book;
  const overridesSheetId = read.overrides?.body.sheetId ?? null;
  const sheets = planRunSheets(job, book, read.shape.sheetId, overridesSheetId);
  const own = resultColumns(a, m, { extraName: read.extraName, strategies: settings.strategies });
  // People's overrides (issue 15 §2): the final tier, mark, reason and until after the run's own tier column.
  const columns = computed.overrides ? withOverrideColumns(own, a, computed.overrides.overridden, m) : own;
  const customers = a.customerIds.length;
  const { rows, bytes } = resultRows(columns, customers);
  // The churn-warning rows share the write syncs with the results rows: one byte budget for both.
  const warnColumns = churnColumns(a, m);
  const warn = warnColumns ? resultRows(warnColumns, a.predict!.model!.warning.length) : null;
  const allBytes = warn ? new Float64Array(customers + warn.rows.length) : bytes;
  if (warn) {
    allBytes.set(bytes);
    allBytes.set(warn.bytes, customers);
  }
  const blocks = splitByBytes(allBytes, settings.predict ? WRITE_SYNCS_PREDICT : WRITE_SYNCS, PAYLOAD_TARGET);
  return { book, sheets, replacedIds: new Set(sheets.replace.map((s) => s.id)), sourceSheetId: read.shape.sheetId, overridesSheetId, columns, customers, rows, warnColumns, warn, blocks };
}

/** Which sheets the run adds and replaces, given the workbook's sheets and ownership in `book`. */
function planRunSheets(job: RunJob, book: BookState, sourceSheetId: string | null, overridesSheetId: string | null = null): SheetPlan {
  const { settings, m } = job;
  const historySheetInfo = book.historySheet;
  const planOwned = book.owned.filter((id) => id !== historySheetInfo?.id && id !== overridesSheetId);
  return planSheets(
    { ...m.workbook.sheets, churn: settings.predict ? m.workbook.sheets.churn : null, history: historySheetInfo ? null : m.workbook.history.sheet },
    book.sheets,
    planOwned,
    sourceSheetId,
  );
}

/**
 * The check sync before the writes (CHECK_SYNCS, host.ts): the sheets as they are now, not as the run's first
 * sync found them. While the run reads and computes (seconds on a large sheet) the person may rename the results
 * sheet to keep it (the guide's snapshot workflow), add a sheet of a name the run is about to use, delete one, or
 * type into one; the sheets to replace are planned again from this state (markers included: ownership.ts), so the
 * first write sync deletes only a sheet that is still the add-in's under that very name and id and that nobody
 * edited since the run began (edits.ts), and adds its sheets under names that are free now.
 */
export async function recheck(job: RunJob, p: WritePlan, watch: EditWatch): Promise<WritePlan> {
  const read = loadBookState(job.context);
  // The edits watch ends with this sync (edits.ts): what it saw until now decides.
  watch.stop();
  await job.context.sync();
  const now = read();
  // Ownership and the history are the run's own bookkeeping (no other job runs meanwhile: queue.ts); the
  // sheets' names and ids are the person's.
  const book: BookState = { ...p.book, sheets: now.sheets, owned: now.owned, setAside: now.setAside, ownership: now.ownership };
  if (book.historySheet && !now.sheets.some((s) => s.id === book.historySheet!.id)) {
    book.history = null;
    book.historySheet = null;
  }
  let sheets = planRunSheets(job, book, p.sourceSheetId, p.overridesSheetId);
  // A sheet the person edited since the run began is theirs now: not replaced, no longer owned, the results beside it.
  const edited = sheets.replace.filter((s) => watch.edited.has(s.id));
  const keptEdited = edited.map((s) => s.name);
  if (edited.length > 0) {
    const before = sheets;
    book.owned = book.owned.filter((id) => !edited.some((s) => s.id === id));
    sheets = planRunSheets(job, book, p.sourceSheetId, p.overridesSheetId);
    const took = new Set(keptEdited.map((n) => n.toLowerCase()));
    const roles = ["results", "summary", "churn"] as const;
    return { ...p, book, sheets, replacedIds: new Set(sheets.replace.map((s) => s.id)), keptEdited, writtenInstead: roles.flatMap((r) => (before[r] && took.has(before[r].toLowerCase()) ? [sheets[r]!] : [])) };
  }
  return { ...p, book, sheets, replacedIds: new Set(sheets.replace.map((s) => s.id)), keptEdited: [], writtenInstead: [] };
}

/** This run's sheets, added in the first write sync, and the tables in use (loaded in it). */
export interface RunSheets {
  results: Excel.Worksheet;
  summary: Excel.Worksheet;
  churn: Excel.Worksheet | null;
  history: Excel.Worksheet | null;
  tables: Excel.TableCollection;
}

/** Rows bound for one sheet, written in the shared write syncs. */
interface RowSet {
  sheet: Excel.Worksheet;
  columns: ColumnSpec[];
  rows: unknown[][];
  /** Index of the set's first row among all rows written. */
  offset: number;
}

/** How far the writes got, for `keepingOwnership`: the first write sync sent, its sheets added, ownership recorded. */
interface Ownership {
  sent: boolean;
  added: RunSheets | null;
  recorded: boolean;
}

/** The owned list once this run's sheets exist: earlier owned sheets still `present`, then this run's (`mine`). */
function ownedIds(p: WritePlan, present: ReadonlySet<string>, mine: readonly string[]): string[] {
  return [...p.book.owned.filter((id) => present.has(id) && !mine.includes(id)), ...mine];
}

/** The sheets there after the first write sync: those loaded in the first sync, less the replaced ones. */
const remaining = (p: WritePlan) => new Set(p.book.sheets.map((s) => s.id).filter((id) => !p.replacedIds.has(id)));

/** This run's new sheets (after the first write sync). */
const mine = (s: RunSheets) => [s.results.id, s.summary.id, ...(s.churn ? [s.churn.id] : []), ...(s.history ? [s.history.id] : [])];

/**
 * Runs the writes; should they fail after the first write sync was sent and before the second recorded the
 * sheets, records them as owned in an extra sync (finding what the first created when it failed part-way)
 * and rethrows, the failed recording carried along.
 */
async function keepingOwnership<T>(job: RunJob, p: WritePlan, writes: (o: Ownership) => Promise<T>): Promise<T> {
  const o: Ownership = { sent: false, added: null, recorded: false };
  try {
    return await writes(o);
  } catch (e) {
    if (o.sent && !o.recorded) {
      try {
        // What the failed sync left: the sheets and the add-in's markers (it may have added some, or deleted some).
        const now = job.context.workbook.worksheets.load("items/name,items/id");
        const marks = loadMarks(job.context);
        await job.context.sync();
        let present: Set<string>;
        let ids: string[];
        if (o.added) {
          present = remaining(p);
          ids = mine(o.added);
        } else {
          // The first write sync failed part-way: find what it created (new ids under the planned names).
          const planned = new Set([p.sheets.results, p.sheets.summary, ...(p.sheets.churn ? [p.sheets.churn] : []), ...(p.sheets.history ? [p.sheets.history] : [])].map((n) => n.toLowerCase()));
          const before = new Set(p.book.sheets.map((s) => s.id));
          present = new Set(now.items.map((s) => s.id));
          ids = now.items.filter((s) => !before.has(s.id) && planned.has(s.name.toLowerCase())).map((s) => s.id);
        }
        const owned = ownedIds(p, present, ids);
        recordOwned(job.context, resolveOwnership(now.items, owned, marks(), true), owned);
        await job.context.sync();
      } catch (recordError) {
        // The original error is the one the person needs; the failed recording travels with it.
        throw withSuppressed(e, recordError);
      }
    }
    throw e;
  }
}

/** Queued in the first write sync: owned sheets replaced, this run's added (the history very hidden), their headers. */
function addSheets(job: RunJob, p: WritePlan, computed: Computed): { sheets: RunSheets; sets: RowSet[] } {
  const wb = job.context.workbook;
  const plan = p.sheets;
  // The summary's PivotTable points at the results table: delete the summary first.
  for (const s of [...plan.replace].sort((x, y) => (x.name.toLowerCase() === plan.summary.toLowerCase() ? -1 : y.name.toLowerCase() === plan.summary.toLowerCase() ? 1 : 0))) {
    wb.worksheets.getItem(s.id).delete();
  }
  const results = wb.worksheets.add(plan.results);
  const summary = wb.worksheets.add(plan.summary);
  results.load("id,name");
  summary.load("id,name");
  // Table names in use after the replaced sheets are gone.
  const tables = wb.tables.load("items/name");
  const sets: RowSet[] = [{ sheet: results, columns: p.columns, rows: p.rows, offset: 0 }];
  let churn: Excel.Worksheet | null = null;
  let history: Excel.Worksheet | null = null;
  if (plan.churn) {
    churn = wb.worksheets.add(plan.churn);
    churn.load("id,name");
    if (p.warn && p.warnColumns) sets.push({ sheet: churn, columns: p.warnColumns, rows: p.warn.rows, offset: p.customers });
    else if (computed.predictNote) queueText(churn.getRange("A1"), computed.predictNote);
  }
  if (plan.history) {
    // Very hidden (not in Excel's Unhide list): the history is the add-in's bookkeeping, read
    // through the pane by row offsets, so a person must not sort or delete its rows.
    history = wb.worksheets.add(plan.history);
    history.visibility = "VeryHidden";
    history.load("id,name");
  }
  for (const set of sets) queueHeader(set.sheet, set.columns, 0);
  return { sheets: { results, summary, churn, history, tables }, sets };
}

/**
 * The write syncs (a fixed number, host.ts): the first replaces owned sheets and adds the new ones, the second
 * records them as owned (and a new history's index); every one carries its block of the rows.
 */
export function write(job: RunJob, p: WritePlan, computed: Computed): Promise<RunSheets> {
  return keepingOwnership(job, p, async (o) => {
    const wb = job.context.workbook;
    const parts = p.blocks.length - 1;
    let sets: RowSet[] = [];
    const writeSync = async (k: number, queue: () => void, synced: () => void = () => {}) => {
      job.suspend();
      queue();
      for (const set of sets) {
        const from = Math.max(p.blocks[k], set.offset) - set.offset;
        const to = Math.min(p.blocks[k + 1], set.offset + set.rows.length) - set.offset;
        // Number formats before values; `resultRows` counted both in the row bytes.
        queueRows(set.sheet, set.columns, set.rows, from, to, 1);
      }
      o.sent = true;
      await job.context.sync();
      synced();
      job.progress("write", PROGRESS.compute + ((PROGRESS.write - PROGRESS.compute) * (k + 1)) / parts);
    };
    let sheets!: RunSheets;
    await writeSync(
      0,
      () => ({ sheets, sets } = addSheets(job, p, computed)),
      () => (o.added = sheets),
    );
    await writeSync(
      1,
      () => {
        recordOwned(job.context, p.book.ownership, ownedIds(p, remaining(p), mine(sheets)));
        if (sheets.history) wb.settings.add(HISTORY_KEY, newHistory(sheets.history.id, p.book.savedHistory, p.book.pilots));
      },
      () => (o.recorded = true),
    );
    job.checkCancel();
    for (let k = 2; k < parts; k++) {
      await writeSync(k, () => {});
      job.checkCancel();
    }
    return sheets;
  });
}
