/**
 * A chart on the last run's summary sheet (charts.ts draws it from the layout the run recorded in
 * LAST_RUN_KEY): the pane's chart buttons and the ribbon's "Build tier chart", which repeats the kind built
 * last. Two syncs (the last run, then its summary sheet), one more when a chart of that kind is replaced,
 * and one to write (the Pareto reads its tiers' revenue in the replace sync, to sort by it).
 */
import type { Locale } from "../../i18n";
import { buildChart, chartName, paretoRows } from "../charts";
import { a1Range } from "../read";
import { WorkbookError } from "../errors";
import type { ExcelHost } from "../host";
import type { ChartKind, ChartReport } from "../port";
import { isLastRun, LAST_RUN_KEY } from "../settings";
import { job } from "./job";

/** Builds `kind`, or (null) the kind built last on this workbook, a column chart at first. */
export function chart(host: ExcelHost, requested: ChartKind | null, locale: Locale): Promise<ChartReport> {
  return job(host, locale, async (context, m) => {
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
    // The Pareto is sorted by the revenue it plots, so it reads the tiers and their revenue, in the same sync.
    const column = (key: string) => {
      const k = last.columns.indexOf(key);
      if (k < 0) throw new WorkbookError(m.workbook.errors.chartNeedsRfm);
      return sheet.getRange(a1Range(1, k, last.tiers, 1)).load("values");
    };
    const read = kind === "pareto" ? { labels: column("tier"), revenue: column("revenue") } : null;
    if (existing) await context.sync();
    if (existing && !existing.isNullObject) existing.delete();
    const pareto = read ? paretoRows(read.labels.values.map((r) => r[0]), read.revenue.values.map((r) => r[0])) : undefined;
    const name = buildChart(sheet, kind, last, m, locale, pareto);
    sheet.activate();
    wb.settings.add(LAST_RUN_KEY, { ...last, charts: { ...last.charts, [kind]: name }, lastChart: kind });
    await context.sync();
    return { kind, sheet: sheet.name, name };
  });
}
