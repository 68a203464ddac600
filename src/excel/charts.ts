/**
 * "Build tier chart": native Excel charts on the summary sheet, addressed from the last run's layout
 * (no read-back of the data). Pareto is a combo (revenue columns, cumulative share as a line on the
 * secondary axis) because Excel's own Pareto type is not reliable through the API; the heat map is
 * the R×F grid with a three-colour scale.
 */
import type { Messages } from "../i18n";
import { EXCEL_FORMAT, excelCompactFormat } from "../i18n/numbers";
import { WorkbookError } from "./errors";
import { CHART_KINDS, type ChartKind } from "./port";
import { a1, a1Range } from "./read";
import type { LastRun } from "./settings";
import { VOICE_RADAR_KEYS } from "./summary-voice";

export { CHART_KINDS };

export function chartName(kind: ChartKind): string {
  return `Tiering ${kind}`;
}

/** Chart slots: two per row band below the summary blocks, 16 rows × 8 columns each. */
function slot(kind: ChartKind, last: LastRun): { start: string; end: string } {
  const k = CHART_KINDS.indexOf(kind);
  const row = last.chartRow + Math.floor(k / 2) * 18;
  const column = (k % 2) * 9;
  return { start: a1(row, column), end: a1(row + 15, column + 7) };
}

/**
 * Where the run writes the scatter's sample (scatter.ts): in the scatter's row band, right of the chart slots and
 * of the Pareto's block (columns 18–20), below the PivotTable (which starts at row 0 right of the summary table).
 */
export function scatterAt(chartRow: number): { row: number; column: number } {
  return { row: chartRow + Math.floor(CHART_KINDS.indexOf("scatter") / 2) * 18, column: 22 };
}

/** Share axes read as percentages (the shares are fractions 0..1). ChartAxis.numberFormat, ExcelApi 1.8:
 * https://learn.microsoft.com/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-numberformat-member */
export const SHARE_AXIS_FORMAT = EXCEL_FORMAT.axisPercent;

/** The Pareto's rows, largest revenue first, with the cumulative share in that order. */
export interface ParetoRows {
  labels: string[];
  revenue: number[];
  cumulative: number[];
}

/**
 * Sorts tiers by the revenue the Pareto plots (largest first; ties keep the summary's order) and sums the
 * cumulative share in that order, so "Pareto" means what it says whatever the tier basis (score bands are
 * in band order on the summary, which is not revenue order). Blank or non-number revenue counts as 0.
 */
export function paretoRows(labels: readonly unknown[], revenue: readonly unknown[]): ParetoRows {
  const value = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
  const order = labels.map((_, k) => k).sort((a, b) => value(revenue[b]) - value(revenue[a]) || a - b);
  const total = order.reduce((sum, k) => sum + value(revenue[k]), 0);
  let running = 0;
  const cumulative = order.map((k) => {
    running += value(revenue[k]);
    return total > 0 ? running / total : 0;
  });
  return { labels: order.map((k) => String(labels[k] ?? "")), revenue: order.map((k) => value(revenue[k])), cumulative };
}

/** A base-10 logarithmic scale (ChartAxis.scaleType "Logarithmic", logBase 10; ExcelApi 1.7). */
function logScale(axis: Excel.ChartAxis): void {
  axis.scaleType = "Logarithmic";
  axis.logBase = 10;
}

export function buildChart(sheet: Excel.Worksheet, kind: ChartKind, last: LastRun, m: Messages, locale: string, pareto?: ParetoRows): string {
  const t = m.workbook.charts;
  const words = m.chartText;
  const basis = words.basis[last.tierBy];
  const basisAxis = words.basisAxis[last.tierBy];
  const index = (key: string) => {
    const k = last.columns.indexOf(key);
    if (k < 0) throw new WorkbookError(m.workbook.errors.chartNeedsRfm);
    return k;
  };
  const data = (key: string) => sheet.getRange(a1Range(1, index(key), last.tiers, 1));
  const withHeader = (key: string) => sheet.getRange(a1Range(0, index(key), last.tiers + 1, 1));
  const header = (key: string) => last.headers[index(key)];
  const tiers = () => data("tier");

  if (kind === "heatmap") {
    if (!last.heat) throw new WorkbookError(m.workbook.errors.chartNeedsRfm);
    const h = last.heat;
    const grid = sheet.getRange(a1Range(h.row + 1, h.column + 1, h.rLevels, h.fLevels));
    grid.conditionalFormats.clearAll();
    const scale = grid.conditionalFormats.add("ColorScale");
    scale.colorScale.criteria = {
      minimum: { type: "LowestValue", color: "#F8696B" },
      midpoint: { formula: "50", type: "Percentile", color: "#FFEB84" },
      maximum: { type: "HighestValue", color: "#63BE7B" },
    };
    return a1Range(h.row + 1, h.column + 1, h.rLevels, h.fLevels);
  }

  let chart: Excel.Chart;
  switch (kind) {
    case "column": {
      chart = sheet.charts.add("ColumnClustered", withHeader("customerShare"), "Columns");
      const first = chart.series.getItemAt(0);
      first.name = header("customerShare");
      first.setXAxisValues(tiers());
      const revenue = chart.series.add(header("revenueShare"));
      revenue.setValues(data("revenueShare"));
      revenue.setXAxisValues(tiers());
      chart.axes.categoryAxis.title.text = basisAxis;
      chart.axes.valueAxis.title.text = t.shareAxis;
      chart.axes.valueAxis.numberFormat = SHARE_AXIS_FORMAT;
      chart.legend.position = "Bottom";
      break;
    }
    case "pie":
    case "doughnut": {
      chart = sheet.charts.add(kind === "pie" ? "Pie" : "Doughnut", withHeader("revenueShare"), "Columns");
      const first = chart.series.getItemAt(0);
      first.name = header("revenueShare");
      first.setXAxisValues(tiers());
      chart.legend.position = "Right";
      break;
    }
    case "pareto": {
      if (!pareto) throw new WorkbookError(m.workbook.errors.chartNeedsRfm);
      // The sorted rows go in a block beside the chart's slot (a series takes its values from a range).
      const row = last.chartRow + Math.floor(CHART_KINDS.indexOf(kind) / 2) * 18;
      const column = 18;
      const n = pareto.labels.length;
      sheet.getRange(a1(row, column)).values = [[words.paretoBlock]];
      sheet.getRange(a1Range(row + 1, column, 1, 3)).values = [[basisAxis, header("revenue"), header("cumulativeRevenueShare")]];
      const body = sheet.getRange(a1Range(row + 2, column, n, 3));
      body.values = pareto.labels.map((label, k) => [label, pareto.revenue[k], pareto.cumulative[k]]);
      sheet.getRange(a1Range(row + 2, column + 2, n, 1)).numberFormat = pareto.labels.map(() => [EXCEL_FORMAT.percent]);
      const names = sheet.getRange(a1Range(row + 2, column, n, 1));
      chart = sheet.charts.add("ColumnClustered", sheet.getRange(a1Range(row + 1, column + 1, n + 1, 1)), "Columns");
      const first = chart.series.getItemAt(0);
      first.name = header("revenue");
      first.setXAxisValues(names);
      const cumulative = chart.series.add(header("cumulativeRevenueShare"));
      cumulative.setValues(sheet.getRange(a1Range(row + 2, column + 2, n, 1)));
      cumulative.setXAxisValues(names);
      cumulative.chartType = "LineMarkers";
      cumulative.axisGroup = "Secondary";
      chart.axes.categoryAxis.title.text = basisAxis;
      chart.axes.valueAxis.title.text = t.revenueAxis;
      chart.axes.valueAxis.numberFormat = excelCompactFormat(locale);
      const secondary = chart.axes.getItem("Value", "Secondary");
      secondary.title.text = t.cumulativeAxis;
      secondary.numberFormat = SHARE_AXIS_FORMAT;
      chart.legend.position = "Bottom";
      break;
    }
    case "scatter": {
      // One point per customer of the run's sample (scatter.ts), one series per tier so the legend names them.
      const place = last.scatter;
      if (!place || place.series.length === 0) throw new WorkbookError(m.chartRules.scatter.needsRun);
      const w = m.chartRules.scatter;
      const rows = (start: number, count: number, offset: number) => sheet.getRange(a1Range(place.row + 1 + start, place.column + offset, count, 1));
      chart = sheet.charts.add("XYScatter", rows(place.series[0].start, place.series[0].count, 2), "Columns");
      place.series.forEach((s, k) => {
        const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(s.label);
        series.name = s.label;
        series.setXAxisValues(rows(s.start, s.count, 1));
        if (k > 0) series.setValues(rows(s.start, s.count, 2));
      });
      // An XY chart's x axis is a value axis too (Excel names it "Category"): both take a log scale
      // (ChartAxis.scaleType and logBase, ExcelApi 1.7: https://learn.microsoft.com/javascript/api/excel/excel.chartaxis).
      const x = chart.axes.categoryAxis;
      const y = chart.axes.valueAxis;
      x.title.text = w.frequencyAxis(place.logFrequency);
      y.title.text = w.monetaryAxis(place.logMonetary);
      if (place.logFrequency) logScale(x);
      if (place.logMonetary) logScale(y);
      y.numberFormat = excelCompactFormat(locale);
      chart.legend.position = "Bottom";
      break;
    }
    case "radar": {
      const r = index("meanR");
      if (index("meanM") !== r + 2) throw new WorkbookError(m.workbook.errors.chartNeedsRfm);
      // Issue 15 §4: the voice axes that follow mean M on the summary (summary-voice.ts), on the same 1…L scale.
      let axes = 3;
      while (axes < 3 + VOICE_RADAR_KEYS.length && (VOICE_RADAR_KEYS as readonly string[]).includes(last.columns[r + axes])) axes++;
      const axis = sheet.getRange(a1Range(0, r, 1, axes));
      chart = sheet.charts.add("Radar", sheet.getRange(a1Range(1, r, 1, axes)), "Rows");
      last.labels.forEach((label, k) => {
        const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(label);
        series.name = label;
        series.setValues(sheet.getRange(a1Range(1 + k, r, 1, axes)));
        series.setXAxisValues(axis);
      });
      chart.legend.position = "Bottom";
      break;
    }
  }
  chart.name = chartName(kind);
  chart.title.text = kind === "scatter" && last.scatter ? m.chartRules.scatter.title(words.titles.scatter(basis), last.scatter.shown, last.scatter.customers) : words.titles[kind](basis);
  chart.legend.visible = true;
  const { start, end } = slot(kind, last);
  chart.setPosition(start, end);
  return chartName(kind);
}
