/**
 * "Build tier chart": native Excel charts on the summary sheet, addressed from the last run's layout
 * (no read-back of the data). Pareto is a combo (revenue columns, cumulative share as a line on the
 * secondary axis) because Excel's own Pareto type is not reliable through the API; the heat map is
 * the R×F grid with a three-colour scale.
 */
import type { Messages } from "../i18n";
import { WorkbookError } from "./errors";
import { CHART_KINDS, type ChartKind } from "./port";
import { a1, a1Range } from "./read";
import type { LastRun } from "./settings";

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

export function buildChart(sheet: Excel.Worksheet, kind: ChartKind, last: LastRun, m: Messages): string {
  const t = m.workbook.charts;
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
      chart.axes.categoryAxis.title.text = t.tierAxis;
      chart.axes.valueAxis.title.text = t.shareAxis;
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
      chart = sheet.charts.add("ColumnClustered", withHeader("revenue"), "Columns");
      const first = chart.series.getItemAt(0);
      first.name = header("revenue");
      first.setXAxisValues(tiers());
      const cumulative = chart.series.add(header("cumulativeRevenueShare"));
      cumulative.setValues(data("cumulativeRevenueShare"));
      cumulative.setXAxisValues(tiers());
      cumulative.chartType = "LineMarkers";
      cumulative.axisGroup = "Secondary";
      chart.axes.categoryAxis.title.text = t.tierAxis;
      chart.axes.valueAxis.title.text = t.revenueAxis;
      chart.axes.getItem("Value", "Secondary").title.text = t.cumulativeAxis;
      chart.legend.position = "Bottom";
      break;
    }
    case "scatter": {
      // One series per tier, so the legend names the tiers.
      const x = index("avgFrequency");
      const y = index("avgMonetary");
      chart = sheet.charts.add("XYScatter", sheet.getRange(a1(1, y)), "Columns");
      last.labels.forEach((label, k) => {
        const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(label);
        series.name = label;
        series.setXAxisValues(sheet.getRange(a1(1 + k, x)));
        series.setValues(sheet.getRange(a1(1 + k, y)));
      });
      chart.axes.categoryAxis.title.text = t.frequencyAxis;
      chart.axes.valueAxis.title.text = t.monetaryAxis;
      chart.legend.position = "Right";
      break;
    }
    case "radar": {
      const r = index("meanR");
      if (index("meanM") !== r + 2) throw new WorkbookError(m.workbook.errors.chartNeedsRfm);
      const axis = sheet.getRange(a1Range(0, r, 1, 3));
      chart = sheet.charts.add("Radar", sheet.getRange(a1Range(1, r, 1, 3)), "Rows");
      last.labels.forEach((label, k) => {
        const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(label);
        series.name = label;
        series.setValues(sheet.getRange(a1Range(1 + k, r, 1, 3)));
        series.setXAxisValues(axis);
      });
      chart.legend.position = "Right";
      break;
    }
  }
  chart.name = chartName(kind);
  chart.title.text = t[kind];
  chart.legend.visible = true;
  const { start, end } = slot(kind, last);
  chart.setPosition(start, end);
  return chartName(kind);
}
