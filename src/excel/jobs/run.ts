/**
 * The run job: reads the source, runs the core, writes the "Tiers" and "Tier Summary" sheets (and with
 * Predict the churn-warning list), the PivotTable, and saves the run's tiers in the hidden history. A short
 * sequence of phases sharing one `RunJob` (run-job.ts): read → compute (run-compute.ts) → plan → write
 * (run-write.ts) → finish (run-finish.ts) → snapshot.
 *
 * Sync budget, whatever the row count (up to the sizes in docs/PERFORMANCE.md):
 *   1 (source shape, a sample of its rows, sheets, ownership) + READ_SYNCS (mapped columns; more only
 *   when the sampled rows say the cells exceed READ_SYNCS × PAYLOAD_TARGET ÷ READ_MARGIN, see read.ts)
 *   + CHECK_SYNCS (the sheets re-read before the writes, run-write.ts `recheck`)
 *   + WRITE_SYNCS (results rows; with Predict WRITE_SYNCS_PREDICT for them and the churn-warning rows
 *   together; each sync under PAYLOAD_TARGET)
 *   + 1 (tables, summary, PivotTable, settings)
 *   + SNAPSHOT_SYNCS (the run's tiers into the hidden history, history.ts; a failure there leaves the
 *   tiers written and says why in `snapshotNote`). Calculation is suspended for every write sync.
 */
import { messages, type Messages } from "../../i18n";
import { diagnosticRecords } from "../../i18n/diagnostics";
import { sheetList } from "../../i18n/en/ownership";
import { isPayloadTooLarge, throwIfAborted, userError, WorkbookError } from "../errors";
import { newHistory, saveSnapshot } from "../history";
import type { ExcelHost } from "../host";
import type { AnalysisSettings, Progress, RunOptions, RunReport, SnapshotInfo } from "../port";
import { checkMapping, describeSource, headerTexts, loadSample, loadShape, readColumns, sampleRows, sourceRange } from "../read";
import { loadBookState, upgradeSettings, snapshotInfo, type BookState, type History } from "../settings";
import { tieringOf } from "../tiering";
import { withEditWatch } from "../edits";
import { canSuspend, job, suspendCalculation } from "./job";
import { checkSettings, compute, upgradeCandidates, type Computed, type ReadColumns } from "./run-compute";
import { finish, type Finished } from "./run-finish";
import { PROGRESS, type RunJob } from "./run-job";
import { plan, recheck, write, type RunSheets, type WritePlan } from "./run-write";
import { probeOverrides, queueOverridesRead } from "../overrides";

export interface Read extends ReadColumns {
  book: BookState;
  /** The extra column's header, for the summary's "Avg …" column. */
  extraName: string;
}

/** Read: sync 1 (the source's shape, the add-in's bookkeeping, a sample of the mapped columns), then the mapped columns. */
export async function read(job: RunJob): Promise<Read> {
  const { context, settings, source, m } = job;
  // Sync 1: the source's shape, the sheets, what the add-in owns.
  const range = sourceRange(context, source);
  const shapeOf = loadShape(range);
  // The sheets, what the add-in owns, the snapshot history's index and the pilots.
  const bookState = loadBookState(context);
  // And the first rows of the mapped columns: what a row costs, to size the read blocks.
  const sampleOf = loadSample(range, settings.hasHeader, settings.mapping, sampleRows(source, settings.hasHeader));
  // And whether the person's overrides table is there (issue 15 §2, overrides.ts).
  const overridesProbe = probeOverrides(context);
  await context.sync().catch((e: unknown) => {
    if (isPayloadTooLarge(e)) throw e;
    throw new WorkbookError(m.workbook.errors.sourceGone(describeSource(source)), e);
  });
  const shape = shapeOf();
  const dataRows = shape.rows - (settings.hasHeader ? 1 : 0);
  if (dataRows <= 0) throw new WorkbookError(m.workbook.errors.noRows);
  checkMapping(settings.mapping, shape.columns, null, m);
  checkSettings(settings, m);
  job.checkCancel();

  // Read: the mapped columns (and the header, for the extra column's name).
  const headerRange = settings.hasHeader ? range.getRow(0).load("values") : null;
  // The overrides table's rows ride the first read block's sync too: no round trip of their own.
  const overridesOf = queueOverridesRead(overridesProbe);
  const cells = await readColumns(context, range, shape, settings.hasHeader, settings.mapping, sampleOf(dataRows), (k, n) => {
    job.progress("read", (PROGRESS.read * (k + 1)) / n);
    job.checkCancel();
  });
  const header = headerTexts(headerRange ? headerRange.values[0] : new Array(shape.columns).fill(""), settings.hasHeader, shape.column, m);
  const extraName = settings.mapping.extra >= 0 ? header[settings.mapping.extra] : "";
  return { shape, cells, header, book: bookState(), extraName, overrides: overridesOf ? overridesOf() : null };
}

/** The snapshot, in its own syncs: the tiers are written whatever happens to it. */
async function snapshot(job: RunJob, p: WritePlan, computed: Computed, sheets: RunSheets, finished: Finished): Promise<{ snapshot: SnapshotInfo | null; snapshotNote: string | null }> {
  const { context, m } = job;
  const { savedHistory, pilots, historySheet: historySheetInfo } = p.book;
  try {
    const now = finished.bookNow();
    const sheetId = sheets.history ? sheets.history.id : historySheetInfo!.id;
    const history: History = now.history?.sheetId === sheetId ? now.history : sheets.history ? newHistory(sheetId, savedHistory, pilots) : savedHistory!;
    const sheet = sheets.history ?? context.workbook.worksheets.getItem(sheetId);
    // The pilots that can still be measured (their sheet is there) keep their snapshots.
    const pilotSheets = now.pilots.flatMap((x) => {
      const there = now.sheets.find((s) => s.id === x.sheetId);
      return there ? [{ snapshotId: x.snapshotId, sheet: there.name }] : [];
    });
    const saved = await saveSnapshot(context, computed.a, m, {
      history,
      sheet,
      tableNames: finished.tableNames,
      pilots: pilotSheets,
      canSuspend: canSuspend(job.host),
      tiering: tieringOf(job.settings),
      source: job.source,
    });
    const notes: string[] = [];
    if (saved.dropped.length > 0) {
      const h = m.workbook.history;
      notes.push(h.dropped(saved.dropped.length, saved.dropped.map((r) => h.droppedItem(r.asOf, m.workbook.migration.basis[r.tierBy])).join(", ")));
    }
    // A new history beside one set aside (its index unreadable; Excel cannot delete it): say where it is kept.
    if (sheets.history && p.book.setAside.length > 0) notes.push(m.excelLimits.historySetAside(p.book.setAside.map((s) => s.name).join(", ")));
    return { snapshot: snapshotInfo(saved.record), snapshotNote: notes.length > 0 ? notes.join(" ") : null };
  } catch (e) {
    const reason = userError(e, m).message;
    console.warn("Tiering: the run's snapshot was not saved in the history", e);
    return { snapshot: null, snapshotNote: m.workbook.history.failed(reason) };
  }
}

/** The fit's diagnostics and the churn ranking's sentence for the pane's warning bar (issue 13 §1). */
function predictTrust(a: Computed["a"], m: Messages, marginNote: Computed["marginNote"] = null): Pick<RunReport, "predictDiagnostics" | "churnRankedBy"> {
  const model = a.predict?.model;
  if (!model) return {};
  // Margin rates outside 0–100 % (issue 13 §4) go in the same warning bar, after the fit's own diagnostics.
  const records = [...diagnosticRecords(model.diagnostics, m), ...(marginNote ? [marginNote] : [])];
  return { predictDiagnostics: records, churnRankedBy: model.churnRankedBy === "silence" ? m.trust.pane.churnRankedBy : null };
}

export async function run(host: ExcelHost, given: AnalysisSettings, options: RunOptions): Promise<RunReport> {
  const m = messages(options.locale);
  const settings = upgradeSettings(given);
  const progress = (phase: Progress["phase"], fraction: number) => options.onProgress?.({ phase, fraction });
  const source = settings.source;
  // Before the run waits for its turn (queue.ts), with the port's sentences as every job has them (errors.ts `guard`).
  try {
    throwIfAborted(options.signal, m);
    if (!source) throw new WorkbookError(m.workbook.errors.noSource);
    progress("read", 0);
  } catch (e) {
    throw userError(e, m);
  }
  return job(host, options.locale, async (context) => {
    const run: RunJob = {
      host,
      context,
      m,
      settings,
      source,
      progress,
      checkCancel: () => throwIfAborted(options.signal, m),
      suspend: () => suspendCalculation(host, context),
    };
    // Cancelled while it waited for another job (queue.ts).
    run.checkCancel();
    // Edits the person makes from the first sync on (edits.ts): registered with it, removed with the check sync,
    // or in one more sync should the run fail before it (its error travelling with the original, errors.ts).
    const { data, computed, planned } = await withEditWatch(context, host, async (watch) => {
      const data = await read(run);
      const computed = await compute(run, data);
      // The sheets re-read just before the writes: none the person renamed, added or edited meanwhile is replaced.
      const planned: WritePlan = await recheck(run, plan(run, data, computed), watch);
      return { data, computed, planned };
    });
    const sheets = await write(run, planned, computed);
    const finished = await finish(run, planned, computed, sheets, data.extraName);
    const saved = await snapshot(run, planned, computed, sheets, finished);
    progress("pivot", PROGRESS.pivot);
    const { a, final, quality, predictNote, marginNote } = computed;
    return {
      quality,
      customers: planned.customers,
      tiers: final.tiers.length,
      overrides: computed.overrides?.summary ?? null,
      sheets: { results: sheets.results.name, summary: sheets.summary.name, ...(sheets.churn ? { churn: sheets.churn.name } : {}) },
      pivot: finished.pivot,
      pivotNote: finished.pivotNote,
      ...(settings.predict ? { predictNote, ...predictTrust(a, m, marginNote) } : {}),
      ...saved,
      ...(planned.keptEdited?.length ? { keptNote: m.ownership.keptEdited(planned.keptEdited.length, sheetList(m.ownership, planned.keptEdited), sheetList(m.ownership, planned.writtenInstead ?? [])) } : {}),
      upgrade: upgradeCandidates(a, m, sheets.results.name),
    };
  });
}
