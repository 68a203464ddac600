/**
 * The workbook port (port.ts) on Office.js: `createWorkbookPort(officeHost())` in Excel,
 * `createWorkbookPort(standIn.host)` in tests and the browser preview.
 *
 * Sync budget of `run`, whatever the row count (up to the sizes in docs/PERFORMANCE.md):
 *   1 (source shape, a sample of its rows, sheets, ownership) + READ_SYNCS (mapped columns; more only
 *   when the sampled rows say the cells exceed READ_SYNCS × PAYLOAD_TARGET ÷ READ_MARGIN, see read.ts)
 *   + WRITE_SYNCS (results rows; with Predict WRITE_SYNCS_PREDICT for them and the churn-warning rows
 *   together; each sync under PAYLOAD_TARGET)
 *   + 1 (tables, summary, PivotTable, settings)
 *   + SNAPSHOT_SYNCS (the run's tiers into the hidden history, history.ts; a failure there leaves the
 *   tiers written and says why in `snapshotNote`). Calculation is suspended for every write sync.
 * The dynamic workflow's jobs (snapshots, migration, pilots) are in dynamic.ts. Every job of the port waits
 * for the one asked before it, the ribbon's as well as the pane's (queue.ts).
 */
import { runTiering, type AnalysisResult } from "../core/analysis/analysis";
import { closestToUpgrade } from "../core/tiers/upgrade-rank";
import { withPredictions } from "../core/analysis/predictions";
import { parseDateText } from "../core/cells/dates";
import type { ProblemCode } from "../core/transactions/input";
import { readSegmentRules } from "../core/tiers/segments";
import { messages, type Locale, type Messages } from "../i18n";
import { describeCoreError, problemText } from "../i18n/describe";
import { splitByBytes } from "./batch";
import { dynamicJobs } from "./dynamic";
import { newHistory, saveSnapshot } from "./history";
import { buildChart, chartName } from "./charts";
import { guard, isPayloadTooLarge, throwIfAborted, userError, withSuppressed, WorkbookError } from "./errors";
import { PAYLOAD_TARGET, WRITE_SYNCS, WRITE_SYNCS_PREDICT, type ExcelHost } from "./host";
import { addPivot, PIVOT_API } from "./pivot";
import { enqueue } from "./queue";
import { tieringOf } from "./tiering";
import type { AnalysisSettings, CellRef, ChartKind, ChartReport, DataQuality, HeaderChoice, Progress, RunOptions, RunReport, SnapshotInfo, SourcePreview, SourceRef, TableInfo, UpgradeCandidate, WorkbookPort } from "./port";
import { a1, a1Range, checkMapping, describeSource, headerTexts, isWholeLines, listTables, loadSample, loadShape, previewRange, readColumns, sampleRows, sourceRange, type Role, type Shape } from "./read";
import { churnColumns, queueBlock, queueHeader, queueRows, queueText, resultColumns, resultRows, type ColumnSpec } from "./results";
import { freeName, planSheets } from "./sheets";
import { HISTORY_KEY, isAnalysisSettings, isLastRun, LAST_RUN_KEY, loadBookState, normalizeSettings, OWNED_KEY, SETTINGS_KEY, snapshotInfo, type History, type LastRun } from "./settings";
import { nextTierLabel, tierLabel } from "../i18n/tier-names";
import { summaryLayout } from "./summary";

export const RESULTS_TABLE = "TieringResults";
export const SUMMARY_TABLE = "TieringSummary";
export const CHURN_TABLE = "TieringChurn";

/** Share of the progress bar each phase ends at; with Predict, the tiers end at `tiers` and the models at `compute`. */
const PROGRESS = { read: 0.3, tiers: 0.33, compute: 0.4, write: 0.9, pivot: 1 };

/** Lets the pane draw the progress bar before a long computation (no sync; Office's batch stays open). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Rows bound for one sheet, written in the shared write syncs. */
interface RowSet {
  sheet: Excel.Worksheet;
  columns: ColumnSpec[];
  rows: unknown[][];
  /** Index of the set's first row among all rows written. */
  offset: number;
}

function qualityOf(a: AnalysisResult, shape: Shape, hasHeader: boolean, mapping: AnalysisSettings["mapping"], m: Messages): DataQuality {
  const q = a.quality;
  const leftOut: Record<string, number> = {};
  for (const [code, count] of Object.entries(q.problems.byCode)) leftOut[code] = count!;
  if (q.returns.rows > 0) leftOut.returns = q.returns.rows;
  const cellOf = (row: number, role: Role): CellRef => ({ sheet: shape.sheet, address: a1(shape.row + (hasHeader ? 1 : 0) + row, shape.column + mapping[role]) });
  // The first bad cell in row order: a row problem or the first return.
  const problem = q.problems.problems[0];
  let firstProblem: DataQuality["firstProblem"] = null;
  if (problem && (q.returns.firstRow < 0 || problem.row <= q.returns.firstRow)) {
    const cell = cellOf(problem.row, problem.field as Role);
    firstProblem = { cell, message: m.workbook.quality.cellProblem(cell.address, problemText(problem.code as ProblemCode, problem.value, m)) };
  } else if (q.returns.firstRow >= 0) {
    const cell = cellOf(q.returns.firstRow, mapping.quantity >= 0 ? "quantity" : "amount");
    firstProblem = { cell, message: m.workbook.quality.cellProblem(cell.address, m.workbook.quality.returns) };
  }
  return { rowsRead: q.inputRows - q.blankRows, rowsUsed: q.usedRows, ...(q.orders === null ? {} : { orders: q.orders }), leftOut, firstProblem };
}

function parseAsOf(asOf: string | null, m: Messages): number | null {
  if (asOf === null || asOf.trim() === "") return null;
  const serial = parseDateText(asOf);
  if (Number.isNaN(serial)) throw new WorkbookError(m.workbook.errors.badAsOf(asOf));
  return serial;
}

/** The analysis without the predictions: `withPredictions` follows when `settings.predict` is on. */
function analyse(settings: AnalysisSettings, cells: Partial<Record<Role, unknown[]>>, m: Messages): AnalysisResult {
  const rfm = settings.rfm;
  const bp = rfm?.breakpoints ?? null;
  const scheme =
    rfm === null
      ? null
      : rfm.scheme === "custom"
        ? readSegmentRules(rfm.rules.map((r) => [r.name, r.r[0], r.r[1], r.f[0], r.f[1], r.m[0], r.m[1]]))
        : rfm.scheme;
  return runTiering(
    {
      customers: cells.customer!,
      dates: cells.date!,
      amounts: cells.amount!,
      quantities: cells.quantity,
      margins: cells.margin,
      categories: cells.category,
      extras: cells.extra,
      orders: cells.order,
    },
    {
      asOf: parseAsOf(settings.asOf, m),
      dayOrder: settings.dayOrder,
      rfm: rfm && scheme ? { bins: rfm.bins, breakpoints: bp ? { recency: bp.r, frequency: bp.f, monetary: bp.m } : null, scheme } : null,
      abc: settings.abc,
      clv: settings.clv,
      predict: settings.predict ?? null,
      score: settings.score ?? null,
      tierBy: settings.summaryBy,
    },
  );
}

/** What the upgrade gap is measured against per customer: the tier basis's own value (ABC's values, the score, revenue or orders). */
function upgradeValue(a: AnalysisResult): ArrayLike<number> {
  if (a.tierBy === "abcClass" && a.abc) return a.abc.values;
  if (a.tierBy === "score" && a.score) return a.score.score;
  return a.upgrade?.kind === "orders" ? a.summary.orders : a.summary.totalAmount;
}

/** The customers closest to the next tier up (at most 20), each with its row on the results sheet. */
function upgradeCandidates(a: AnalysisResult, m: Messages, resultsSheet: string): UpgradeCandidate[] {
  const up = a.upgrade;
  if (!up) return [];
  const labels = new Map(a.tiers.map((t) => [t.index, tierLabel(a, t, m)]));
  return closestToUpgrade(up.gap, upgradeValue(a), 20).map((c) => ({
    customer: String(a.customerIds[c]),
    tier: labels.get(a.tierOf[c]) ?? "",
    nextTier: nextTierLabel(a, up.next[c], m),
    gap: up.gap[c],
    gapKind: up.kind,
    cell: { sheet: resultsSheet, address: a1(1 + c, 0) },
  }));
}

/**
 * The port over `given`. Its jobs run one at a time, in the order asked, with every other port over the same
 * host (the pane's and the ribbon's): see queue.ts.
 */
export function createWorkbookPort(given: ExcelHost): WorkbookPort {
  const host: ExcelHost = {
    run: (batch) => enqueue(given.run, () => given.run(batch)),
    isSetSupported: (name, version) => given.isSetSupported(name, version),
  };
  const canSuspend = () => host.isSetSupported("ExcelApi", "1.6");

  async function preview(source: SourceRef | null, hasHeader: HeaderChoice, locale: Locale): Promise<SourcePreview> {
    const m = messages(locale);
    return guard(m, () =>
      host.run(async (context) => {
        let range: Excel.Range;
        let shape: () => Shape;
        if (source) {
          range = sourceRange(context, source);
          shape = loadShape(range);
          await context.sync().catch((e: unknown) => {
            throw new WorkbookError(m.workbook.errors.sourceGone(describeSource(source)), e);
          });
        } else {
          // A single selected cell stands for its current region.
          const selected = context.workbook.getSelectedRange();
          const selectedShape = loadShape(selected);
          const region = host.isSetSupported("ExcelApi", "1.7") ? selected.getSurroundingRegion() : selected;
          const regionShape = loadShape(region);
          await context.sync().catch((e: unknown) => {
            throw new WorkbookError(m.workbook.errors.noSelection, e);
          });
          const single = selectedShape().rows === 1 && selectedShape().columns === 1;
          range = single ? region : selected;
          shape = single ? regionShape : selectedShape;
          if (!single && isWholeLines(selectedShape().address)) {
            // Whole columns (A:D) or rows: only the part with data, one more sync. The source stays "A:D".
            const sheet = context.workbook.worksheets.getItem(selectedShape().sheetId);
            range = selected.getIntersection(sheet.getUsedRange(true));
            const clipped = loadShape(range);
            await context.sync().catch((e: unknown) => {
              throw new WorkbookError(m.workbook.errors.noRows, e);
            });
            const s = clipped();
            return previewRange(context, range, s, { kind: "range", sheet: s.sheet, address: selectedShape().address }, hasHeader, m);
          }
        }
        const s = shape();
        const ref: SourceRef = source ?? { kind: "range", sheet: s.sheet, address: s.address };
        return previewRange(context, range, s, ref, hasHeader, m);
      }),
    );
  }

  async function run(given: AnalysisSettings, options: RunOptions): Promise<RunReport> {
    const m = messages(options.locale);
    const settings = normalizeSettings(given);
    const progress = (phase: Progress["phase"], fraction: number) => options.onProgress?.({ phase, fraction });
    return guard(m, async () => {
      throwIfAborted(options.signal, m);
      const source = settings.source;
      if (!source) throw new WorkbookError(m.workbook.errors.noSource);
      progress("read", 0);
      return host.run(async (context) => {
        // Cancelled while it waited for another job (queue.ts).
        throwIfAborted(options.signal, m);
        const wb = context.workbook;
        // Sync 1: the source's shape, the sheets, what the add-in owns.
        const range = sourceRange(context, source);
        const shapeOf = loadShape(range);
        // The sheets, what the add-in owns, the snapshot history's index and the pilots.
        const bookState = loadBookState(context);
        // And the first rows of the mapped columns: what a row costs, to size the read blocks.
        const sampleOf = loadSample(range, settings.hasHeader, settings.mapping, sampleRows(source, settings.hasHeader));
        await context.sync().catch((e: unknown) => {
          if (isPayloadTooLarge(e)) throw e;
          throw new WorkbookError(m.workbook.errors.sourceGone(describeSource(source)), e);
        });
        const shape = shapeOf();
        const dataRows = shape.rows - (settings.hasHeader ? 1 : 0);
        if (dataRows <= 0) throw new WorkbookError(m.workbook.errors.noRows);
        checkMapping(settings.mapping, shape.columns, null, m);
        throwIfAborted(options.signal, m);

        // Read: the mapped columns (and the header, for the extra column's name).
        const headerRange = settings.hasHeader ? range.getRow(0).load("values") : null;
        const cells = await readColumns(context, range, shape, settings.hasHeader, settings.mapping, sampleOf(dataRows), (k, n) => {
          progress("read", (PROGRESS.read * (k + 1)) / n);
          throwIfAborted(options.signal, m);
        });
        const header = headerTexts(headerRange ? headerRange.values[0] : new Array(shape.columns).fill(""), settings.hasHeader, shape.column, m);
        const extraName = settings.mapping.extra >= 0 ? header[settings.mapping.extra] : "";

        // Compute: the tiers, then (Predict on) the models, lifecycle stages and churn warning.
        let a = analyse(settings, cells, m);
        const quality = qualityOf(a, shape, settings.hasHeader, settings.mapping, m);
        let predictNote: string | null = null;
        if (settings.predict) {
          progress("compute", PROGRESS.tiers);
          throwIfAborted(options.signal, m);
          progress("predict", PROGRESS.tiers);
          await nextTask();
          a = withPredictions(a, settings.predict);
          if (a.predict?.error) predictNote = m.workbook.churn.failed(describeCoreError(a.predict.error, m));
          progress("predict", PROGRESS.compute);
        } else progress("compute", PROGRESS.compute);
        throwIfAborted(options.signal, m);

        // Plan the writes.
        // The history sheet: the index's, while it is there and the add-in's; otherwise a new one is made.
        const { owned, sheets: sheetInfo, savedHistory, pilots, historySheet: historySheetInfo } = bookState();
        const planOwned = historySheetInfo ? owned.filter((id) => id !== historySheetInfo.id) : owned;
        const plan = planSheets(
          { ...m.workbook.sheets, churn: settings.predict ? m.workbook.sheets.churn : null, history: historySheetInfo ? null : m.workbook.history.sheet },
          sheetInfo,
          planOwned,
          shape.sheetId,
        );
        const replacedIds = new Set(plan.replace.map((s) => s.id));
        // Table names in use after the replaced sheets are gone: loaded in the first write sync.
        let tables!: Excel.TableCollection;
        const columns = resultColumns(a, m, { extraName, strategies: settings.strategies });
        const customers = a.customerIds.length;
        const { rows, bytes } = resultRows(columns, customers);
        // The churn-warning rows share the write syncs with the results rows: one byte budget for both.
        const warnColumns = churnColumns(a, m);
        const warn = warnColumns ? resultRows(warnColumns, a.predict!.model!.warning.length) : null;
        const allBytes = warn ? new Float64Array(customers + warn.rows.length) : bytes;
        if (warn) (allBytes.set(bytes), allBytes.set(warn.bytes, customers));
        const blocks = splitByBytes(allBytes, settings.predict ? WRITE_SYNCS_PREDICT : WRITE_SYNCS, PAYLOAD_TARGET);
        const width = columns.length;
        const sets: RowSet[] = [];

        // Write syncs. The first replaces owned sheets and adds the new ones; the second records them as owned.
        // From the first write sync on, the new sheets must end up recorded as owned whatever happens
        // (Cancel, a failing sync), or the next run would not replace them: a cancel is honoured only once
        // the second write sync has recorded them, and any error before that records them in an extra
        // sync (`keepOwnership`) before it is rethrown.
        let resultsSheet!: Excel.Worksheet;
        let summarySheet!: Excel.Worksheet;
        let churnSheet: Excel.Worksheet | null = null;
        let historySheet: Excel.Worksheet | null = null;
        let writing = false;
        let added = false;
        let ownershipRecorded = false;
        const planned = new Set([plan.results, plan.summary, ...(plan.churn ? [plan.churn] : []), ...(plan.history ? [plan.history] : [])].map((n) => n.toLowerCase()));
        /** This run's new sheets (after the first write sync). */
        const mineNow = () => [resultsSheet.id, summarySheet.id, ...(churnSheet ? [churnSheet.id] : []), ...(historySheet ? [historySheet.id] : [])];
        /** The owned list once this run's sheets exist: earlier owned sheets still `present`, then this run's. */
        const ownedIds = (present: ReadonlySet<string>, mine: readonly string[]) => [...owned.filter((id) => present.has(id) && !mine.includes(id)), ...mine];
        /** The sheets there after the first write sync: those loaded in the first sync, less the replaced ones. */
        const remaining = () => new Set(sheetInfo.map((s) => s.id).filter((id) => !replacedIds.has(id)));
        const keepOwnership = async () => {
          let present: Set<string>;
          let mine: string[];
          if (added) {
            present = remaining();
            mine = mineNow();
          } else {
            // The first write sync failed part-way: find what it created (new ids under the planned names).
            const now = wb.worksheets.load("items/name,items/id");
            await context.sync();
            const before = new Set(sheetInfo.map((s) => s.id));
            present = new Set(now.items.map((s) => s.id));
            mine = now.items.filter((s) => !before.has(s.id) && planned.has(s.name.toLowerCase())).map((s) => s.id);
          }
          wb.settings.add(OWNED_KEY, ownedIds(present, mine));
          await context.sync();
        };
        try {
          const parts = blocks.length - 1;
          for (let k = 0; k < parts; k++) {
            if (canSuspend()) wb.application.suspendApiCalculationUntilNextSync();
            if (k === 0) {
              // The summary's PivotTable points at the results table: delete the summary first.
              for (const s of [...plan.replace].sort((x, y) => (x.name.toLowerCase() === plan.summary.toLowerCase() ? -1 : y.name.toLowerCase() === plan.summary.toLowerCase() ? 1 : 0))) {
                wb.worksheets.getItem(s.id).delete();
              }
              resultsSheet = wb.worksheets.add(plan.results);
              summarySheet = wb.worksheets.add(plan.summary);
              resultsSheet.load("id,name");
              summarySheet.load("id,name");
              tables = wb.tables.load("items/name");
              sets.push({ sheet: resultsSheet, columns, rows, offset: 0 });
              if (plan.churn) {
                churnSheet = wb.worksheets.add(plan.churn);
                churnSheet.load("id,name");
                if (warn && warnColumns) sets.push({ sheet: churnSheet, columns: warnColumns, rows: warn.rows, offset: customers });
                else if (predictNote) queueText(churnSheet.getRange("A1"), predictNote);
              }
              if (plan.history) {
                // Very hidden (not in Excel's Unhide list): the history is the add-in's bookkeeping, read
                // through the pane by row offsets, so a person must not sort or delete its rows.
                historySheet = wb.worksheets.add(plan.history);
                historySheet.visibility = "VeryHidden";
                historySheet.load("id,name");
              }
              for (const set of sets) queueHeader(set.sheet, set.columns, 0);
            }
            if (k === 1) {
              wb.settings.add(OWNED_KEY, ownedIds(remaining(), mineNow()));
              if (historySheet) wb.settings.add(HISTORY_KEY, newHistory(historySheet.id, savedHistory, pilots));
            }
            for (const set of sets) {
              const from = Math.max(blocks[k], set.offset) - set.offset;
              const to = Math.min(blocks[k + 1], set.offset + set.rows.length) - set.offset;
              // Number formats before values; `resultRows` counted both in the row bytes.
              queueRows(set.sheet, set.columns, set.rows, from, to, 1);
            }
            if (k === 0) writing = true;
            await context.sync();
            if (k === 0) added = true;
            if (k === 1) ownershipRecorded = true;
            progress("write", PROGRESS.compute + ((PROGRESS.write - PROGRESS.compute) * (k + 1)) / parts);
            if (ownershipRecorded) throwIfAborted(options.signal, m);
          }

          // Final sync: the results table, the summary, the PivotTable (or its note), the settings.
          if (canSuspend()) wb.application.suspendApiCalculationUntilNextSync();
          const tableNames = tables.items.map((t) => t.name);
          const resultsTableName = freeName(RESULTS_TABLE, tableNames);
          const summaryTableName = freeName(SUMMARY_TABLE, [...tableNames, resultsTableName]);
          const resultsTable = resultsSheet.tables.add(a1Range(0, 0, customers + 1, width), true);
          resultsTable.name = resultsTableName;
          resultsSheet.getRange(a1Range(0, 0, Math.min(customers, 200) + 1, width)).format.autofitColumns();
          if (churnSheet && warn && warnColumns) {
            // An empty list still gets its table (header and one blank row), so a formula can refer to it.
            const churnTable = churnSheet.tables.add(a1Range(0, 0, Math.max(warn.rows.length, 1) + 1, warnColumns.length), true);
            churnTable.name = freeName(CHURN_TABLE, [...tableNames, resultsTableName, summaryTableName]);
            churnSheet.getRange(a1Range(0, 0, Math.min(warn.rows.length, 200) + 1, warnColumns.length)).format.autofitColumns();
          }

          const strategies = settings.strategies ?? {};
          const layout = summaryLayout(a, m, strategies, extraName);
          queueBlock(summarySheet, layout.table);
          const summaryTable = summarySheet.tables.add(a1Range(0, 0, layout.table.values.length, layout.table.values[0].length), true);
          summaryTable.name = summaryTableName;
          if (layout.heatTitle && layout.heat) {
            queueBlock(summarySheet, layout.heatTitle).format.font.bold = true;
            const heat = queueBlock(summarySheet, layout.heat);
            heat.getRow(0).format.font.bold = true;
            heat.getColumn(0).format.font.bold = true;
          }
          summarySheet.getRange(a1Range(0, 0, layout.table.values.length, layout.table.values[0].length)).format.autofitColumns();

          const pivotColumn = layout.columns.length + 1;
          const pivotSupported = host.isSetSupported("ExcelApi", PIVOT_API);
          let pivotNote: string | null = null;
          if (pivotSupported) {
            const by = columns.find((c) => c.key === (a.tierBy === "segment" ? "segment" : a.tierBy === "abcClass" ? "abcClass" : "band"))!.header;
            const count = columns.find((c) => c.key === "customer")!.header;
            const sum = columns.find((c) => c.key === "monetary")!.header;
            addPivot(summarySheet, resultsTable, summarySheet.getRange(a1(0, pivotColumn)), { rows: by, count, sum }, m);
          } else {
            pivotNote = m.workbook.summary.pivotNote(PIVOT_API);
            queueText(summarySheet.getRange(a1(0, pivotColumn)), pivotNote);
          }

          const lastRun: LastRun = {
            resultsSheetId: resultsSheet.id,
            summarySheetId: summarySheet.id,
            resultsTable: resultsTableName,
            summaryTable: summaryTableName,
            tierBy: a.tierBy,
            tiers: a.tiers.length,
            columns: layout.columns.map((c) => c.key),
            headers: layout.columns.map((c) => c.header),
            labels: a.tiers.map((t) => tierLabel(a, t, m)),
            heat: layout.heat && a.rfGrid ? { row: layout.heat.row, column: layout.heat.column, rLevels: a.rfGrid.rLevels, fLevels: a.rfGrid.fLevels } : null,
            chartRow: layout.endRow + 1,
            charts: {},
          };
          wb.settings.add(LAST_RUN_KEY, lastRun);
          wb.settings.add(SETTINGS_KEY, settings);
          summarySheet.activate();
          // The history's index and the pilots again, as they are now: whether the latest snapshot may be
          // replaced is decided on these (a pilot picked from it meanwhile keeps it).
          const bookNow = loadBookState(context);
          await context.sync();

          // The snapshot, in its own syncs: the tiers are written whatever happens to it.
          let snapshot: SnapshotInfo | null = null;
          let snapshotNote: string | null = null;
          try {
            const now = bookNow();
            const sheetId = historySheet ? historySheet.id : historySheetInfo!.id;
            const history: History = now.history?.sheetId === sheetId ? now.history : historySheet ? newHistory(sheetId, savedHistory, pilots) : savedHistory!;
            const sheet = historySheet ?? wb.worksheets.getItem(sheetId);
            // The pilots that can still be measured (their sheet is there) keep their snapshots.
            const pilotSheets = now.pilots.flatMap((p) => {
              const there = now.sheets.find((s) => s.id === p.sheetId);
              return there ? [{ snapshotId: p.snapshotId, sheet: there.name }] : [];
            });
            const saved = await saveSnapshot(context, a, m, { history, sheet, tableNames: [...tableNames, resultsTableName, summaryTableName], pilots: pilotSheets, canSuspend: canSuspend(), tiering: tieringOf(settings), source });
            snapshot = snapshotInfo(saved.record);
            if (saved.dropped.length > 0) {
              const h = m.workbook.history;
              snapshotNote = h.dropped(saved.dropped.length, saved.dropped.map((r) => h.droppedItem(r.asOf, m.workbook.migration.basis[r.tierBy])).join(", "));
            }
          } catch (e) {
            const reason = userError(e, m).message;
            console.warn("Tiering: the run's snapshot was not saved in the history", e);
            snapshotNote = m.workbook.history.failed(reason);
          }
          progress("pivot", PROGRESS.pivot);
          return {
            quality,
            customers,
            tiers: a.tiers.length,
            sheets: { results: resultsSheet.name, summary: summarySheet.name, ...(churnSheet ? { churn: churnSheet.name } : {}) },
            pivot: pivotSupported,
            pivotNote,
            ...(settings.predict ? { predictNote } : {}),
            snapshot,
            snapshotNote,
            upgrade: upgradeCandidates(a, m, resultsSheet.name),
          };
        } catch (e) {
          if (writing && !ownershipRecorded) {
            try {
              await keepOwnership();
            } catch (recordError) {
              // The original error is the one the person needs; the failed recording travels with it.
              throw withSuppressed(e, recordError);
            }
          }
          throw e;
        }
      });
    });
  }

  /** Builds `kind`, or (null) the kind built last on this workbook, a column chart at first. */
  async function chart(requested: ChartKind | null, locale: Locale): Promise<ChartReport> {
    const m = messages(locale);
    return guard(m, () =>
      host.run(async (context) => {
        const wb = context.workbook;
        const setting = wb.settings.getItemOrNullObject(LAST_RUN_KEY).load("value");
        await context.sync();
        if (setting.isNullObject || !isLastRun(setting.value)) throw new WorkbookError(m.workbook.errors.noRun);
        const last = setting.value;
        const kind = requested ?? last.lastChart ?? "column";
        const sheet = wb.worksheets.getItemOrNullObject(last.summarySheetId).load("name");
        await context.sync();
        if (sheet.isNullObject) throw new WorkbookError(m.workbook.errors.summaryGone);
        const existing = kind === "heatmap" ? null : sheet.charts.getItemOrNullObject(chartName(kind));
        if (existing) await context.sync();
        if (existing && !existing.isNullObject) existing.delete();
        const name = buildChart(sheet, kind, last, m);
        sheet.activate();
        wb.settings.add(LAST_RUN_KEY, { ...last, charts: { ...last.charts, [kind]: name }, lastChart: kind });
        await context.sync();
        return { kind, sheet: sheet.name, name };
      }),
    );
  }

  return {
    ...dynamicJobs(host),
    listTables: (locale: Locale = "en") => guard(messages(locale), () => host.run(listTables)),
    previewSelection: (hasHeader, locale) => preview(null, hasHeader, locale),
    previewSource: (source, hasHeader, locale) => preview(source, hasHeader, locale),
    run,
    buildChart: chart,
    buildLastChart: (locale) => chart(null, locale),
    async selectCell(cell: CellRef, locale: Locale = "en") {
      return guard(messages(locale), () =>
        host.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem(cell.sheet);
          sheet.activate();
          sheet.getRange(cell.address).select();
          await context.sync();
        }),
      );
    },
    async loadSettings(locale: Locale = "en") {
      return guard(messages(locale), () =>
        host.run(async (context) => {
          const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load("value");
          await context.sync();
          return !setting.isNullObject && isAnalysisSettings(setting.value) ? normalizeSettings(setting.value) : null;
        }),
      );
    },
    async saveSettings(settings: AnalysisSettings, locale: Locale = "en") {
      return guard(messages(locale), () =>
        host.run(async (context) => {
          context.workbook.settings.add(SETTINGS_KEY, settings);
          await context.sync();
        }),
      );
    },
  };
}

export type { TableInfo };
