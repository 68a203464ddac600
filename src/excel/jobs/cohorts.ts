/**
 * How each cohort retains (issue 14 §5): the "Cohorts" sheet — customers grouped by the month (or quarter) of their
 * first purchase, the cohort's size and, for each period since (p0, p1 …), the share of the cohort that bought in
 * it (or revenue as a share of the first period's) — as the retention triangle with a heat-map format (a
 * three-colour scale conditional format, ExcelApi 1.6:
 * https://learn.microsoft.com/javascript/api/excel/excel.colorscaleconditionalformat) and a line chart of the
 * cohorts' curves (https://learn.microsoft.com/javascript/api/excel/excel.charttype "Line").
 *
 * The source is read as a run reads it (run.ts `read`: the same mapping, header, returns left out, orders grouped)
 * and the table is the core's (src/core/over-time/cohort.ts `cohortTable`); an analysis date earlier than the last
 * purchase means the data as it stood then, as for a run.
 *
 * Split by the first tier (request.firstTier; src/core/over-time/first-tier.ts): one triangle per tier the customers
 * were in at the end of their first period, tiered as the summary is (core/analysis/history-tiering.ts, as Rebuild
 * history tiers), each with its own heat map, and a line chart of each tier's retention pooled over its cohorts.
 *
 * Syncs, whatever the number of rows (up to the sizes in docs/PERFORMANCE.md): a run's read (1 + READ_SYNCS, more
 * only for very wide data) + 1 (the sheet replaced or added) + 1 (ownership, triangle, colour scale, chart); + 1 (the
 * check, owned-sheet.ts) when its own sheet is there to replace, which also ends the edits watch (edits.ts).
 */
import { historyTiering, historyTieringProblem } from "../../core/analysis/history-tiering";
import { readCustomers, type ReadCustomers } from "../../core/analysis/rows";
import type { AnalysisColumns, AnalysisOptions } from "../../core/analysis/types";
import { cohortTable, type CohortRow, type CohortTable } from "../../core/over-time/cohort";
import { cohortsByFirstTier, pooledRetention, type FirstTierCohorts } from "../../core/over-time/first-tier";
import { transactionsAsOf } from "../../core/transactions/summary";
import { messages, type Locale, type Messages } from "../../i18n";
import { keyLabel } from "../../i18n/tier-names";
import { userError, WorkbookError } from "../errors";
import type { ExcelHost } from "../host";
import type { AnalysisSettings, CohortRequest, CohortsReport } from "../port";
import { a1, a1Range } from "../read";
import { queueBlock, queueText } from "../results";
import { recordOwned } from "../ownership";
import { upgradeSettings } from "../settings";
import { FORMAT } from "../formats";
import { EXCEL_FORMAT } from "../../i18n/numbers";
import { block, num, text } from "../summary";
import { job, suspendCalculation } from "./job";
import { withEditWatch } from "../edits";
import { addOwnedSheet, keptNoteOf, keptSheets, ownedAfter } from "./owned-sheet";
import { read } from "./run";
import { analysisColumns, checkSettings, optionsOf, qualityOf } from "./run-compute";
import { quietRunJob } from "./run-job";

/** The triangle's header row (0-based): title and note above it. */
const TABLE_ROW = 3;
/** Cohort curves drawn in the chart: the first (oldest, longest) ones; more lines than this read as noise. */
export const CHART_COHORTS = 12;

export function writeCohorts(host: ExcelHost, given: AnalysisSettings, request: CohortRequest, locale: Locale): Promise<CohortsReport> {
  const m = messages(locale);
  const settings = upgradeSettings(given);
  const source = settings.source;
  try {
    if (!source) throw new WorkbookError(m.workbook.errors.noSource);
  } catch (e) {
    return Promise.reject(userError(e, m));
  }
  return job(host, locale, async (context) => {
    const runJob = quietRunJob(host, context, m, settings, source);
    checkSettings(settings, m);
    // The person's edits are watched from the read's first sync to the check sync before the sheet is replaced (owned-sheet.ts).
    return withEditWatch(context, host, async (watch) => {
      const data = await read(runJob);
      const options = optionsOf(settings, m);
      const columns = analysisColumns(data.cells);
      const customers = readCustomers(columns, options);
      const { tx, quality } = customers;
      if (tx.validRows === 0) throw new WorkbookError(m.overTimePane.errors.noCohorts);
      const split = request.firstTier ? firstTierCohorts(customers, columns, options, request, m) : null;
      const table = split ? split.table : cohortTable(transactionsAsOf(tx, options.asOf ?? null), { by: request.by, measure: request.measure });

      const added = await addOwnedSheet(context, m.overTimePane.book.cohortsSheet, data.book, true, keptSheets(data.book), watch);
      const sheet = added.sheet;
      suspendCalculation(host, context);
      recordOwned(context, data.book.ownership, ownedAfter(data.book, added));
      const b = m.overTimePane.book;
      queueText(sheet.getRange("A1"), b.cohortsTitle(b.cohortBy[request.by], b.cohortMeasure[request.measure])).format.font.bold = true;
      queueText(sheet.getRange("A2"), split ? `${b.cohortsNote} ${m.overTimeGaps.cohorts.splitNote}` : b.cohortsNote);
      const chart = split ? writeSplit(sheet, split, settings, m, request) : writeWhole(sheet, table, m, request);
      sheet.getRange(a1Range(TABLE_ROW, 0, 1, 2)).format.autofitColumns();
      sheet.activate();
      await context.sync();
      return {
        sheet: sheet.name,
        cohorts: split ? split.triangles.reduce((n, t) => n + t.rows.length, 0) : table.rows.length,
        periods: table.width,
        quality: qualityOf(quality, data.shape, settings.hasHeader, settings.mapping, m),
        chart,
        firstTiers: split ? split.triangles.length : null,
        ...keptNoteOf(m, added),
      };
    });
  });
}

/**
 * Split by the first tier (src/core/over-time/first-tier.ts): the pane's tiering as Rebuild history takes it
 * (core/analysis/history-tiering.ts), on the rows as read (already as of the analysis date), over the window.
 */
function firstTierCohorts(read: ReadCustomers, columns: AnalysisColumns, options: AnalysisOptions, request: CohortRequest, m: Messages): FirstTierCohorts {
  if (historyTieringProblem(options)) throw new WorkbookError(m.overTimePane.errors.scoreHistory);
  const tiering = historyTiering(read, columns, options);
  return cohortsByFirstTier(read.tx, { by: request.by, measure: request.measure }, tiering, options.windowMonths ?? null);
}

/** The whole cohorts: one triangle, its heat map and the cohorts' line chart. */
function writeWhole(sheet: Excel.Worksheet, table: CohortTable, m: Messages, request: CohortRequest): string {
  const range = queueBlock(sheet, cohortBlock(table.rows, table.width, TABLE_ROW, m));
  range.getRow(0).format.font.bold = true;
  heatMap(sheet, TABLE_ROW, table.rows.length, table.width);
  return addCohortViews(sheet, table, m, request);
}

/**
 * One triangle per first tier, best first, each under its heading with its own heat map (so each tier's colours
 * run over its own range), then a line chart of each tier's pooled retention (first-tier.ts `pooledRetention`).
 */
function writeSplit(sheet: Excel.Worksheet, split: FirstTierCohorts, settings: AnalysisSettings, m: Messages, request: CohortRequest): string {
  const width = split.table.width;
  const builtIn = settings.summaryBy !== "segment" || typeof settings.rfm?.scheme === "string";
  const label = (key: string) => keyLabel(settings.summaryBy, key, builtIn || key === "others", m);
  let row = TABLE_ROW;
  for (const t of split.triangles) {
    queueText(sheet.getRange(a1(row, 0)), m.overTimeGaps.cohorts.triangleTitle(label(t.tier))).format.font.bold = true;
    const range = queueBlock(sheet, cohortBlock(t.rows, width, row + 1, m));
    range.getRow(0).format.font.bold = true;
    heatMap(sheet, row + 1, t.rows.length, width);
    row += t.rows.length + 3;
  }
  // The pooled curves, a block of their own the chart reads: [First tier, p0 … p(width−1)].
  const pooled = pooledRetention(split);
  const periods = Array.from({ length: width }, (_, k) => text(`p${k}`));
  queueBlock(
    sheet,
    block(row, 0, [
      [text(m.overTimeGaps.cohorts.firstTierColumn), ...periods],
      ...pooled.map((p) => [text(label(p.tier)), ...p.values.map((v) => (Number.isFinite(v) ? num(v, FORMAT.percent, 6) : text("")))]),
    ]),
  ).getRow(0).format.font.bold = true;
  const b = m.overTimePane.book;
  const name = "Cohort retention";
  const curve = (i: number) => sheet.getRange(a1Range(row + 1 + i, 1, 1, width));
  const chart = sheet.charts.add("Line", curve(0), "Rows");
  pooled.forEach((p, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(label(p.tier));
    series.name = label(p.tier);
    if (i > 0) series.setValues(curve(i));
    series.setXAxisValues(sheet.getRange(a1Range(row, 1, 1, width)));
  });
  chart.name = name;
  // The chart rules (issue 17) as for the whole cohorts' chart: both axes titled, shares as percentages, legend below.
  chart.title.text = m.overTimeGaps.cohorts.pooledChart;
  chart.axes.categoryAxis.title.text = b.periodAxis;
  chart.axes.valueAxis.title.text = m.chartRules.cohorts.valueAxis[request.measure];
  chart.axes.valueAxis.numberFormat = EXCEL_FORMAT.axisPercent;
  const bottom = row + pooled.length + 2;
  chart.setPosition(a1(bottom, 0), a1(bottom + 18, 9));
  chart.legend.position = "Bottom";
  chart.legend.visible = true;
  return name;
}

/** A three-colour scale over p1 onwards of a triangle whose header row is `top` (p0 is 100 % by definition and would flatten the scale). */
function heatMap(sheet: Excel.Worksheet, top: number, rows: number, width: number): void {
  if (width <= 1 || rows === 0) return;
  const scale = sheet.getRange(a1Range(top + 1, 3, rows, width - 1)).conditionalFormats.add("ColorScale");
  scale.colorScale.criteria = {
    minimum: { type: "LowestValue", color: "#F8696B" },
    midpoint: { formula: "50", type: "Percentile", color: "#FFEB84" },
    maximum: { type: "HighestValue", color: "#63BE7B" },
  };
}

/** Header [Cohort, Customers, p0 … p(width−1)] at row `top`, one row per cohort; a period after the data's end is blank. */
function cohortBlock(rows: readonly CohortRow[], width: number, top: number, m: Messages) {
  const c = m.overTimePane.book.cohortColumns;
  const periods = Array.from({ length: width }, (_, k) => text(`p${k}`));
  return block(top, 0, [
    [text(c.cohort), text(c.customers), ...periods],
    ...rows.map((r) => [
      text(r.cohort),
      num(r.customers, FORMAT.whole),
      ...Array.from({ length: width }, (_, k) => (k < r.values.length ? num(r.values[k], FORMAT.percent, 6) : text(""))),
    ]),
  ]);
}

/** The line chart of the first CHART_COHORTS cohorts (a series per cohort, periods as categories), below the triangle. */
function addCohortViews(sheet: Excel.Worksheet, table: CohortTable, m: Messages, request: CohortRequest): string {
  const rows = table.rows.length;
  const shown = Math.max(Math.min(rows, CHART_COHORTS), 1);
  const b = m.overTimePane.book;
  const name = "Cohort retention";
  // A series per cohort, set one by one (series.setValues, ExcelApi 1.7), named by its cohort; p0, p1 … as categories.
  const periods = sheet.getRange(a1Range(TABLE_ROW, 2, 1, table.width));
  const curve = (i: number) => sheet.getRange(a1Range(TABLE_ROW + 1 + i, 2, 1, table.width));
  const chart = sheet.charts.add("Line", curve(0), "Rows");
  for (let i = 0; i < Math.min(shown, rows); i++) {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(table.rows[i].cohort);
    series.name = table.rows[i].cohort;
    if (i > 0) series.setValues(curve(i));
    series.setXAxisValues(periods);
  }
  chart.name = name;
  // Issue 17's chart rules: the title in the pane's wording (cohorts by month or quarter, the measure chosen),
  // both axes titled, shares as percentages, the legend below (where Excel wraps it) rather than cut on the right.
  const words = m.chartRules.cohorts;
  chart.title.text = words.title(b.cohortBy[request.by], m.overTimePane.cohorts.measureOptions[request.measure]);
  chart.axes.categoryAxis.title.text = b.periodAxis;
  chart.axes.valueAxis.title.text = words.valueAxis[request.measure];
  chart.axes.valueAxis.numberFormat = EXCEL_FORMAT.axisPercent;
  const bottom = TABLE_ROW + rows + 2;
  chart.setPosition(a1(bottom, 0), a1(bottom + 18, 9));
  chart.legend.position = "Bottom";
  chart.legend.visible = true;
  return name;
}
