/**
 * The "Model check" sheet's layout and charts (issue 13 §2): what src/core/models/holdout.ts computed, laid
 * out as a person judges a model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"):
 *   - the figures: calibration and holdout dates, customers, total predicted against actual repeat purchases,
 *     MAE, RMSE, bias, and the calibration fit's diagnostics, each saying what to do;
 *   - the table by calibration repeat purchases 0 … 7+ (their Figure 4) with a clustered column chart;
 *   - cumulative repeat purchases per period, actual against expected (their Figure 2) with a line chart;
 *   - P(alive) by tenth of customers against the share who bought in the holdout, with a column chart on a
 *     percentage axis.
 * Each table sits in columns A–E with its chart beside it (from column G), so the chart and the numbers it
 * draws are read together. Charts follow the pane's rules (src/excel/charts.ts, issue 17): a title in the
 * pane's words, both axes titled, shares on a percentage axis, the legend at the bottom.
 * Chart types: https://learn.microsoft.com/javascript/api/excel/excel.charttype ("ColumnClustered", "Line");
 * axis titles and number format: https://learn.microsoft.com/javascript/api/excel/excel.chartaxis (ExcelApi 1.1, 1.8).
 * Layout only: no sync here (the job, jobs/model-check.ts, owns the syncs).
 */
import { serialToIsoDate } from "../core/cells/dates";
import { HOLDOUT_GROUPS, type HoldoutCheck } from "../core/models/holdout";
import type { Messages } from "../i18n";
import { SHARE_AXIS_FORMAT } from "./charts";
import { FORMAT } from "./formats";
import { a1, a1Range } from "./read";
import { queueBlock, queueText } from "./results";
import { block, num, text, type Block, type Cell } from "./summary";

/** What the sheet says beside the core's numbers: names in the run's language. */
export interface CheckWords {
  model: string;
  unit: string;
  /** The diagnostics' sentences (what is wrong and what to do); empty when all is well. */
  diagnostics: string[];
}

/** The column charts start at: one empty column after the widest table (A–E). */
const CHART_COLUMN = 6;
const CHART_COLUMNS = 8;
/** Rows a chart takes; a section is at least this tall so charts never overlap. */
const CHART_ROWS = 16;
/** Figures written to 6 decimals (no float noise in the payload; the cells show 2). */
const DIGITS = 6;

interface Section {
  title: Block;
  table: Block;
  /** Body rows (header excluded). */
  rows: number;
}

export interface CheckLayout {
  title: string;
  period: string;
  figures: Block;
  diagnostics: Block;
  groups: Section;
  tracking: Section;
  deciles: Section;
  /** The first period that ends after the calibration end (1-based), for the tracking chart's axis. */
  firstHoldoutPeriod: number;
}

const groupLabel = (x: number): string => (x === HOLDOUT_GROUPS - 1 ? `${x}+` : String(x));

function section(row: number, title: string, cells: Cell[][]): Section {
  return { title: block(row, 0, [[text(title)]]), table: block(row + 1, 0, cells), rows: cells.length - 1 };
}

/** The row after a section: below its table or its chart, whichever ends lower, and one blank row. */
const after = (s: Section) => s.title.row + Math.max(s.rows + 2, CHART_ROWS + 1) + 1;

export function modelCheckLayout(check: HoldoutCheck, words: CheckWords, m: Messages): CheckLayout {
  const c = m.trust.check;
  const start = serialToIsoDate(Math.min(...check.summary.firstPurchase));
  const end = serialToIsoDate(check.summary.calibrationEnd);
  const holdoutEnd = serialToIsoDate(check.holdoutEnd);
  const decimal = (v: number) => num(v, FORMAT.decimal, DIGITS);
  const figures = block(3, 0, [
    [text(c.summaryTitle), text("")],
    [text(c.calibrationStart), text(start)],
    [text(c.calibrationEnd), text(end)],
    [text(c.holdoutEnd), text(holdoutEnd)],
    [text(c.model), text(words.model)],
    [text(c.unit), text(words.unit)],
    [text(c.customersChecked), num(check.summary.x.length, FORMAT.whole)],
    [text(c.totalPredicted), decimal(check.totalPredicted)],
    [text(c.totalActual), num(check.totalActual, FORMAT.whole)],
    [text(c.mae), decimal(check.mae)],
    [text(c.rmse), decimal(check.rmse)],
    [text(c.bias), decimal(check.bias)],
  ]);
  const notes = words.diagnostics.length > 0 ? words.diagnostics : [m.trust.diagnostics.allWell];
  const diagnosticsRow = figures.row + figures.values.length + 1;
  const diagnostics = block(diagnosticsRow, 0, [[text(c.diagnosticsTitle)], ...notes.map((s) => [text(s)])]);

  const groups = section(diagnosticsRow + notes.length + 2, c.groupsTitle, [
    [text(c.groupX), text(c.customers), text(c.predictedMean), text(c.actualMean)],
    ...check.groups.map((g) => [text(groupLabel(g.x)), num(g.customers, FORMAT.whole), decimal(g.predictedMean), decimal(g.actualMean)]),
  ]);
  const tracking = section(after(groups), c.trackingTitle, [
    [text(c.periodColumn), text(c.periodEnd), text(c.part), text(c.actual), text(c.expected)],
    ...check.tracking.map((t) => [num(t.period, FORMAT.whole), text(serialToIsoDate(t.end)), text(t.holdout ? c.holdout : c.calibrationPart), num(t.actual, FORMAT.whole), decimal(t.expected)]),
  ]);
  const deciles = section(after(tracking), c.decilesTitle, [
    [text(c.decile), text(c.customers), text(c.meanPAlive), text(c.boughtShare)],
    ...check.aliveDeciles.map((d) => [num(d.decile, FORMAT.whole), num(d.customers, FORMAT.whole), num(d.meanPAlive, FORMAT.percent, DIGITS), num(d.boughtShare, FORMAT.percent, DIGITS)]),
  ]);
  const firstHoldoutPeriod = check.tracking.find((t) => t.holdout)?.period ?? check.tracking.length;
  return { title: c.sheetTitle, period: c.period(start, end, holdoutEnd, words.unit, words.model), figures, diagnostics, groups, tracking, deciles, firstHoldoutPeriod };
}

/** The chart names on the sheet, in the order they are added (stable, language-independent). */
export const CHECK_CHARTS = ["Model check (repeat purchases)", "Model check (tracking)", "Model check (P(alive))"] as const;

/** Queues the whole sheet: texts, the tables (headers bold) and the three charts. Returns the charts' names. */
export function queueModelCheck(sheet: Excel.Worksheet, layout: CheckLayout, words: CheckWords, m: Messages): string[] {
  const c = m.trust.check;
  queueText(sheet.getRange("A1"), layout.title).format.font.bold = true;
  queueText(sheet.getRange("A2"), layout.period);
  queueBlock(sheet, layout.figures).getRow(0).format.font.bold = true;
  queueBlock(sheet, layout.diagnostics).getRow(0).format.font.bold = true;
  for (const s of [layout.groups, layout.tracking, layout.deciles]) {
    queueBlock(sheet, s.title).format.font.bold = true;
    queueBlock(sheet, s.table).getRow(0).format.font.bold = true;
  }
  sheet.getRange(a1Range(layout.figures.row, 0, layout.figures.values.length, 2)).format.autofitColumns();
  for (const s of [layout.groups, layout.tracking, layout.deciles]) {
    sheet.getRange(a1Range(s.table.row, 1, s.rows + 1, s.table.values[0].length - 1)).format.autofitColumns();
  }
  const specs = [
    { s: layout.groups, type: "ColumnClustered", values: [2, 3], title: c.groupsChart, x: c.groupX, y: c.groupsAxis, share: false },
    { s: layout.tracking, type: "Line", values: [3, 4], title: c.trackingChart, x: c.trackingPeriodAxis(words.unit, layout.firstHoldoutPeriod), y: c.trackingValueAxis, share: false },
    { s: layout.deciles, type: "ColumnClustered", values: [2, 3], title: c.decilesChart, x: c.decileAxis, y: c.shareAxis, share: true },
  ] as const;
  return specs.map((spec, k) => {
    const { s } = spec;
    const header = s.table.row;
    const column = (j: number) => sheet.getRange(a1Range(header + 1, j, s.rows, 1));
    const categories = column(0);
    // The first series from its column with the header (its name); the second added and pointed at its column.
    const chart = sheet.charts.add(spec.type, sheet.getRange(a1Range(header, spec.values[0], s.rows + 1, 1)), "Columns");
    const first = chart.series.getItemAt(0);
    first.name = String(s.table.values[0][spec.values[0]]);
    first.setXAxisValues(categories);
    const second = chart.series.add(String(s.table.values[0][spec.values[1]]));
    second.setValues(column(spec.values[1]));
    second.setXAxisValues(categories);
    chart.name = CHECK_CHARTS[k];
    chart.title.text = spec.title;
    chart.axes.categoryAxis.title.text = spec.x;
    chart.axes.valueAxis.title.text = spec.y;
    if (spec.share) chart.axes.valueAxis.numberFormat = SHARE_AXIS_FORMAT;
    chart.legend.position = "Bottom";
    chart.legend.visible = true;
    chart.setPosition(a1(s.title.row, CHART_COLUMN), a1(s.title.row + CHART_ROWS - 1, CHART_COLUMN + CHART_COLUMNS - 1));
    return CHECK_CHARTS[k];
  });
}
