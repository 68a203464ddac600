/**
 * The workbook port (port.ts) on Office.js: `createWorkbookPort(officeHost())` in Excel,
 * `createWorkbookPort(standIn.host)` in tests and the browser preview.
 *
 * Sync budget of `run`, whatever the row count (up to the sizes in docs/PERFORMANCE.md):
 *   1 (source shape, sheets, ownership, table names) + READ_SYNCS (mapped columns)
 *   + WRITE_SYNCS (results rows, each under PAYLOAD_TARGET) + 1 (tables, summary, PivotTable,
 *   settings). Calculation is suspended for every write sync.
 */
import { runAnalysis, type AnalysisResult } from "../core/analysis";
import { parseDateText } from "../core/dates";
import type { ProblemCode } from "../core/input";
import { readSegmentRules } from "../core/segments";
import { messages, type Locale, type Messages } from "../i18n";
import { problemText } from "../i18n/describe";
import { splitByBytes } from "./batch";
import { buildChart, chartName } from "./charts";
import { guard, throwIfAborted, WorkbookError } from "./errors";
import { PAYLOAD_TARGET, WRITE_SYNCS, type ExcelHost } from "./host";
import { addPivot, PIVOT_API } from "./pivot";
import type { AnalysisSettings, CellRef, ChartKind, ChartReport, DataQuality, Progress, RunOptions, RunReport, SourcePreview, SourceRef, TableInfo, WorkbookPort } from "./port";
import { a1, a1Range, checkMapping, describeSource, headerTexts, listTables, loadShape, previewRange, readColumns, sourceRange, type Role, type Shape } from "./read";
import { formatRuns, resultColumns, resultRows } from "./results";
import { freeName, planSheets } from "./sheets";
import { isAnalysisSettings, isLastRun, LAST_RUN_KEY, OWNED_KEY, SETTINGS_KEY, type LastRun } from "./settings";
import { summaryLayout, tierLabel, type Block } from "./summary";

export const RESULTS_TABLE = "TieringResults";
export const SUMMARY_TABLE = "TieringSummary";

/** Share of the progress bar each phase ends at. */
const PROGRESS = { read: 0.3, compute: 0.4, write: 0.9, pivot: 1 };

function writeBlock(sheet: Excel.Worksheet, block: Block): Excel.Range {
  const range = sheet.getRange(a1Range(block.row, block.column, block.values.length, block.values[0].length));
  range.values = block.values;
  if (block.formats) range.numberFormat = block.formats;
  return range;
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
  return { rowsRead: q.inputRows - q.blankRows, rowsUsed: q.usedRows, leftOut, firstProblem };
}

function parseAsOf(asOf: string | null, m: Messages): number | null {
  if (asOf === null || asOf.trim() === "") return null;
  const serial = parseDateText(asOf);
  if (Number.isNaN(serial)) throw new WorkbookError(m.workbook.errors.badAsOf(asOf));
  return serial;
}

function analyse(settings: AnalysisSettings, cells: Partial<Record<Role, unknown[]>>, m: Messages): AnalysisResult {
  const rfm = settings.rfm;
  const bp = rfm?.breakpoints ?? null;
  const scheme =
    rfm === null
      ? null
      : rfm.scheme === "custom"
        ? readSegmentRules(rfm.rules.map((r) => [r.name, r.r[0], r.r[1], r.f[0], r.f[1], r.m[0], r.m[1]]))
        : rfm.scheme;
  return runAnalysis(
    {
      customers: cells.customer!,
      dates: cells.date!,
      amounts: cells.amount!,
      quantities: cells.quantity,
      margins: cells.margin,
      categories: cells.category,
      extras: cells.extra,
    },
    {
      asOf: parseAsOf(settings.asOf, m),
      dayOrder: settings.dayOrder,
      rfm: rfm && scheme ? { bins: rfm.bins, breakpoints: bp ? { recency: bp.r, frequency: bp.f, monetary: bp.m } : null, scheme } : null,
      abc: settings.abc,
      clv: settings.clv,
      tierBy: settings.summaryBy,
    },
  );
}

export function createWorkbookPort(host: ExcelHost): WorkbookPort {
  const canSuspend = () => host.isSetSupported("ExcelApi", "1.6");

  async function preview(source: SourceRef | null, hasHeader: boolean, locale: Locale): Promise<SourcePreview> {
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
        }
        const s = shape();
        const ref: SourceRef = source ?? { kind: "range", sheet: s.sheet, address: s.address };
        return previewRange(context, range, s, ref, hasHeader, m);
      }),
    );
  }

  async function run(settings: AnalysisSettings, options: RunOptions): Promise<RunReport> {
    const m = messages(options.locale);
    const progress = (phase: Progress["phase"], fraction: number) => options.onProgress?.({ phase, fraction });
    return guard(m, async () => {
      throwIfAborted(options.signal, m);
      const source = settings.source;
      if (!source) throw new WorkbookError(m.workbook.errors.noSource);
      progress("read", 0);
      return host.run(async (context) => {
        const wb = context.workbook;
        // Sync 1: the source's shape, the sheets, what the add-in owns.
        const range = sourceRange(context, source);
        const shapeOf = loadShape(range);
        const sheets = wb.worksheets.load("items/name,items/id");
        const ownedSetting = wb.settings.getItemOrNullObject(OWNED_KEY).load("value");
        await context.sync().catch((e: unknown) => {
          throw new WorkbookError(m.workbook.errors.sourceGone(describeSource(source)), e);
        });
        const shape = shapeOf();
        const dataRows = shape.rows - (settings.hasHeader ? 1 : 0);
        if (dataRows <= 0) throw new WorkbookError(m.workbook.errors.noRows);
        checkMapping(settings.mapping, shape.columns, null, m);
        throwIfAborted(options.signal, m);

        // Read: the mapped columns (and the header, for the extra column's name).
        const headerRange = settings.hasHeader ? range.getRow(0).load("values") : null;
        const cells = await readColumns(context, range, shape, settings.hasHeader, settings.mapping, (k, n) => {
          progress("read", (PROGRESS.read * (k + 1)) / n);
          throwIfAborted(options.signal, m);
        });
        const header = headerTexts(headerRange ? headerRange.values[0] : new Array(shape.columns).fill(""), settings.hasHeader, shape.column, m);
        const extraName = settings.mapping.extra >= 0 ? header[settings.mapping.extra] : "";

        // Compute.
        const a = analyse(settings, cells, m);
        const quality = qualityOf(a, shape, settings.hasHeader, settings.mapping, m);
        progress("compute", PROGRESS.compute);
        throwIfAborted(options.signal, m);

        // Plan the writes.
        const owned = ownedSetting.isNullObject || !Array.isArray(ownedSetting.value) ? [] : (ownedSetting.value as string[]);
        const sheetInfo = sheets.items.map((s) => ({ name: s.name, id: s.id }));
        const plan = planSheets(m.workbook.sheets, sheetInfo, owned, shape.sheetId);
        const replacedIds = new Set(plan.replace.map((s) => s.id));
        // Table names in use after the replaced sheets are gone: loaded in the first write sync.
        let tables!: Excel.TableCollection;
        const columns = resultColumns(a, m, { extraName });
        const customers = a.customerIds.length;
        const { rows, bytes } = resultRows(columns, customers);
        const blocks = splitByBytes(bytes, WRITE_SYNCS, PAYLOAD_TARGET);
        const runs = formatRuns(columns);
        const width = columns.length;

        // Write syncs. The first replaces owned sheets and adds the two new ones; the second records them as owned.
        let resultsSheet!: Excel.Worksheet;
        let summarySheet!: Excel.Worksheet;
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
            const head = resultsSheet.getRange(a1Range(0, 0, 1, width));
            head.values = [columns.map((c) => c.header)];
            head.format.font.bold = true;
          }
          if (k === 1) {
            const ids = [...owned.filter((id) => !replacedIds.has(id) && sheetInfo.some((s) => s.id === id)), resultsSheet.id, summarySheet.id];
            wb.settings.add(OWNED_KEY, ids);
          }
          const from = blocks[k];
          const to = blocks[k + 1];
          if (to > from) {
            const block = resultsSheet.getRange(a1Range(1 + from, 0, to - from, width));
            block.values = rows.slice(from, to);
            for (const run of runs) {
              const formats = Array.from({ length: to - from }, () => Array.from({ length: run.to - run.from + 1 }, () => run.format));
              block.getCell(0, run.from).getResizedRange(to - from - 1, run.to - run.from).numberFormat = formats;
            }
          }
          await context.sync();
          progress("write", PROGRESS.compute + ((PROGRESS.write - PROGRESS.compute) * (k + 1)) / parts);
          throwIfAborted(options.signal, m);
        }

        // Final sync: the results table, the summary, the PivotTable (or its note), the settings.
        if (canSuspend()) wb.application.suspendApiCalculationUntilNextSync();
        const tableNames = tables.items.map((t) => t.name);
        const resultsTableName = freeName(RESULTS_TABLE, tableNames);
        const summaryTableName = freeName(SUMMARY_TABLE, [...tableNames, resultsTableName]);
        const resultsTable = resultsSheet.tables.add(a1Range(0, 0, customers + 1, width), true);
        resultsTable.name = resultsTableName;
        resultsSheet.getRange(a1Range(0, 0, Math.min(customers, 200) + 1, width)).format.autofitColumns();

        const strategies = settings.strategies ?? {};
        const layout = summaryLayout(a, m, strategies, extraName);
        writeBlock(summarySheet, layout.table);
        const summaryTable = summarySheet.tables.add(a1Range(0, 0, layout.table.values.length, layout.table.values[0].length), true);
        summaryTable.name = summaryTableName;
        if (layout.heatTitle && layout.heat) {
          writeBlock(summarySheet, layout.heatTitle).format.font.bold = true;
          const heat = writeBlock(summarySheet, layout.heat);
          heat.getRow(0).format.font.bold = true;
          heat.getColumn(0).format.font.bold = true;
        }
        summarySheet.getRange(a1Range(0, 0, layout.table.values.length, layout.table.values[0].length)).format.autofitColumns();

        const pivotColumn = layout.columns.length + 1;
        const pivotSupported = host.isSetSupported("ExcelApi", PIVOT_API);
        let pivotNote: string | null = null;
        if (pivotSupported) {
          const by = columns.find((c) => c.key === (a.tierBy === "segment" ? "segment" : "abcClass"))!.header;
          const count = columns.find((c) => c.key === "customer")!.header;
          const sum = columns.find((c) => c.key === "monetary")!.header;
          addPivot(summarySheet, resultsTable, summarySheet.getRange(a1(0, pivotColumn)), { rows: by, count, sum }, m);
        } else {
          pivotNote = m.workbook.summary.pivotNote(PIVOT_API);
          summarySheet.getRange(a1(0, pivotColumn)).values = [[pivotNote]];
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
        await context.sync();
        progress("pivot", PROGRESS.pivot);
        return {
          quality,
          customers,
          tiers: a.tiers.length,
          sheets: { results: resultsSheet.name, summary: summarySheet.name },
          pivot: pivotSupported,
          pivotNote,
        };
      });
    });
  }

  async function chart(kind: ChartKind, locale: Locale): Promise<ChartReport> {
    const m = messages(locale);
    return guard(m, () =>
      host.run(async (context) => {
        const wb = context.workbook;
        const setting = wb.settings.getItemOrNullObject(LAST_RUN_KEY).load("value");
        await context.sync();
        if (setting.isNullObject || !isLastRun(setting.value)) throw new WorkbookError(m.workbook.errors.noRun);
        const last = setting.value;
        const sheet = wb.worksheets.getItemOrNullObject(last.summarySheetId).load("name");
        await context.sync();
        if (sheet.isNullObject) throw new WorkbookError(m.workbook.errors.summaryGone);
        const existing = kind === "heatmap" ? null : sheet.charts.getItemOrNullObject(chartName(kind));
        if (existing) await context.sync();
        if (existing && !existing.isNullObject) existing.delete();
        const name = buildChart(sheet, kind, last, m);
        sheet.activate();
        wb.settings.add(LAST_RUN_KEY, { ...last, charts: { ...last.charts, [kind]: name } });
        await context.sync();
        return { kind, sheet: sheet.name, name };
      }),
    );
  }

  return {
    listTables: () => guard(messages("en"), () => host.run(listTables)),
    previewSelection: (hasHeader, locale) => preview(null, hasHeader, locale),
    previewSource: (source, hasHeader, locale) => preview(source, hasHeader, locale),
    run,
    buildChart: chart,
    async selectCell(cell: CellRef) {
      return guard(messages("en"), () =>
        host.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem(cell.sheet);
          sheet.activate();
          sheet.getRange(cell.address).select();
          await context.sync();
        }),
      );
    },
    async loadSettings() {
      return guard(messages("en"), () =>
        host.run(async (context) => {
          const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load("value");
          await context.sync();
          return !setting.isNullObject && isAnalysisSettings(setting.value) ? setting.value : null;
        }),
      );
    },
    async saveSettings(settings: AnalysisSettings) {
      return guard(messages("en"), () =>
        host.run(async (context) => {
          context.workbook.settings.add(SETTINGS_KEY, settings);
          await context.sync();
        }),
      );
    },
  };
}

export type { TableInfo };
