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
 * Syncs, whatever the number of rows (up to the sizes in docs/PERFORMANCE.md): a run's read (1 + READ_SYNCS, more
 * only for very wide data) + 1 (the sheet replaced or added) + 1 (ownership, triangle, colour scale, chart).
 */
import { readCustomers } from "../../core/analysis/rows";
import { cohortTable, type CohortTable } from "../../core/over-time/cohort";
import { transactionsAsOf } from "../../core/transactions/summary";
import { messages, type Locale, type Messages } from "../../i18n";
import { throwIfAborted, userError, WorkbookError } from "../errors";
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
import { addOwnedSheet, keptSheets, ownedWith } from "./owned-sheet";
import { read } from "./run";
import { analysisColumns, checkSettings, optionsOf, qualityOf } from "./run-compute";
import type { RunJob } from "./run-job";

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
    const runJob: RunJob = {
      host,
      context,
      m,
      settings,
      source,
      progress: () => undefined,
      checkCancel: () => throwIfAborted(undefined, m),
      suspend: () => suspendCalculation(host, context),
    };
    checkSettings(settings, m);
    const data = await read(runJob);
    const options = optionsOf(settings, m);
    const { tx, quality } = readCustomers(analysisColumns(data.cells), options);
    if (tx.validRows === 0) throw new WorkbookError(m.overTimePane.errors.noCohorts);
    const table = cohortTable(transactionsAsOf(tx, options.asOf ?? null), { by: request.by, measure: request.measure });

    const { sheet, replaced } = await addOwnedSheet(context, m.overTimePane.book.cohortsSheet, data.book, true, keptSheets(data.book));
    suspendCalculation(host, context);
    recordOwned(context, data.book.ownership, ownedWith(data.book, sheet.id, replaced));
    const b = m.overTimePane.book;
    queueText(sheet.getRange("A1"), b.cohortsTitle(b.cohortBy[request.by], b.cohortMeasure[request.measure])).format.font.bold = true;
    queueText(sheet.getRange("A2"), b.cohortsNote);
    const triangle = cohortBlock(table, m);
    const range = queueBlock(sheet, triangle);
    range.getRow(0).format.font.bold = true;
    const chart = addCohortViews(sheet, table, m, request);
    sheet.getRange(a1Range(TABLE_ROW, 0, 1, 2)).format.autofitColumns();
    sheet.activate();
    await context.sync();
    return {
      sheet: sheet.name,
      cohorts: table.rows.length,
      periods: table.width,
      quality: qualityOf(quality, data.shape, settings.hasHeader, settings.mapping, m),
      chart,
    };
  });
}

/** Header [Cohort, Customers, p0 … p(width−1)], one row per cohort; a period after the data's end is blank. */
function cohortBlock(table: CohortTable, m: Messages) {
  const c = m.overTimePane.book.cohortColumns;
  const periods = Array.from({ length: table.width }, (_, k) => text(`p${k}`));
  return block(TABLE_ROW, 0, [
    [text(c.cohort), text(c.customers), ...periods],
    ...table.rows.map((r) => [
      text(r.cohort),
      num(r.customers, FORMAT.whole),
      ...Array.from({ length: table.width }, (_, k) => (k < r.values.length ? num(r.values[k], FORMAT.percent, 6) : text(""))),
    ]),
  ]);
}

/**
 * The heat map (a colour scale over p1 onwards: p0 is 100 % by definition and would flatten the scale) and the
 * line chart of the first CHART_COHORTS cohorts (a series per cohort, periods as categories), below the triangle.
 */
function addCohortViews(sheet: Excel.Worksheet, table: CohortTable, m: Messages, request: CohortRequest): string {
  const rows = table.rows.length;
  if (table.width > 1 && rows > 0) {
    const scale = sheet.getRange(a1Range(TABLE_ROW + 1, 3, rows, table.width - 1)).conditionalFormats.add("ColorScale");
    scale.colorScale.criteria = {
      minimum: { type: "LowestValue", color: "#F8696B" },
      midpoint: { formula: "50", type: "Percentile", color: "#FFEB84" },
      maximum: { type: "HighestValue", color: "#63BE7B" },
    };
  }
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
