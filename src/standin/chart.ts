/**
 * Excel.Chart with its title, legend, axes and series: the tier charts. The series a chart gets from
 * its source range are worked out as Excel does (`seriesFrom`), so a chart added without explicit
 * series looks as it would in Excel.
 * https://learn.microsoft.com/javascript/api/excel/excel.chartcollection, excel.chart, excel.chartseries
 */
import { refAddress } from "./addresses";
import { ClientObject, Collection } from "./client-object";
import { StandInError } from "./errors";
import type { ChartModel, RangeRef, SeriesModel, SheetModel } from "./model";
import type { Range } from "./range";
import type { SyncQueue } from "./sync";

// The subset of Excel.ChartType the add-in could use: https://learn.microsoft.com/javascript/api/excel/excel.charttype
const CHART_TYPES = new Set([
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "Line", "LineMarkers", "Pie", "Doughnut",
  "XYScatter", "XYScatterLines", "XYScatterSmooth", "Radar", "RadarMarkers", "RadarFilled", "Area", "AreaStacked", "Pareto", "Histogram",
]);

function checkChartType(type: string): void {
  if (!CHART_TYPES.has(type)) throw new StandInError("InvalidArgument", `"${type}" is not a chart type.`);
}

/**
 * The series Excel makes from a source range: categories from a text first column (or row), names from a text header.
 * seriesBy "Auto" takes series by columns when there are at least as many rows as columns. source?
 */
function seriesFrom(ref: RangeRef, seriesBy: string): SeriesModel[] {
  const rows = ref.r1 - ref.r0 + 1;
  const columns = ref.c1 - ref.c0 + 1;
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rows >= columns);
  // Work in (line, position): a line is a series' cells (a column when byColumns).
  const lines = byColumns ? columns : rows;
  const length = byColumns ? rows : columns;
  const cell = (line: number, pos: number) => (byColumns ? ref.sheet.value(ref.r0 + pos, ref.c0 + line) : ref.sheet.value(ref.r0 + line, ref.c0 + pos));
  const isText = (v: unknown) => typeof v === "string" && v !== "";
  let header = false;
  for (let l = 0; l < lines && length > 1; l++) if (isText(cell(l, 0))) header = true;
  let categories = false;
  if (lines > 1) for (let p = header ? 1 : 0; p < length; p++) if (isText(cell(0, p))) categories = true;
  const span = (line: number): RangeRef => {
    const from = header ? 1 : 0;
    return byColumns
      ? { sheet: ref.sheet, r0: ref.r0 + from, r1: ref.r1, c0: ref.c0 + line, c1: ref.c0 + line }
      : { sheet: ref.sheet, r0: ref.r0 + line, r1: ref.r0 + line, c0: ref.c0 + from, c1: ref.c1 };
  };
  const out: SeriesModel[] = [];
  for (let l = categories ? 1 : 0; l < lines; l++) {
    out.push({ name: header ? String(cell(l, 0)) : `Series${out.length + 1}`, chartType: null, axisGroup: "Primary", values: span(l), xValues: categories ? span(0) : null });
  }
  return out;
}

export class ChartCollection extends Collection<ChartModel, Chart> {
  protected readonly _kind = "chart collection";
  constructor(
    context: SyncQueue,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, () => context.model.charts.filter((c) => c.sheet === sheet()));
  }
  protected _wrap(m: ChartModel): Chart {
    return new Chart(this.context, () => m);
  }
  add(type: string, sourceData: Range, seriesBy: string = "Auto"): Chart {
    let created: ChartModel | null = null;
    this.context._write({ method: "add", args: [type, seriesBy] }, () => {
      checkChartType(type);
      const model = this.context.model;
      const sheet = this.sheet();
      let k = model.charts.length + 1;
      while (model.charts.some((c) => c.sheet === sheet && c.name === `Chart ${k}`)) k++;
      created = {
        id: model.newId("chart"),
        name: `Chart ${k}`,
        sheet,
        chartType: type,
        title: { text: "", visible: true },
        legend: { visible: true, position: "Right" }, // new charts' defaults ("Chart N", legend on the right): source?
        axisTitles: new Map(),
        axisFormats: new Map(),
        axisScales: new Map(),
        series: seriesFrom(sourceData._model(), seriesBy),
        position: null,
        deleted: false,
      };
      model.charts.push(created);
    });
    return new Chart(this.context, () => created);
  }
  getItem(name: string): Chart {
    return new Chart(this.context, () => this.context.model.charts.find((c) => c.sheet === this.sheet() && c.name === name) ?? null);
  }
  getItemOrNullObject(name: string): Chart {
    return new Chart(this.context, () => this.context.model.charts.find((c) => c.sheet === this.sheet() && c.name === name) ?? null, true);
  }
}

export class Chart extends ClientObject<ChartModel> {
  protected readonly _kind = "chart";
  protected _props() {
    return { name: (c: ChartModel) => c.name, id: (c: ChartModel) => c.id, chartType: (c: ChartModel) => c.chartType };
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (c) => (c.name = value));
  }
  get id(): string {
    return this._get("id");
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(value: string) {
    checkChartType(value);
    this._set("chartType", value, (c) => (c.chartType = value));
  }
  get title() {
    return new TextPart(this.context, () => this._model().title, "chart title");
  }
  get legend() {
    return new LegendProxy(this.context, () => this._model().legend);
  }
  get axes() {
    const axis = (type: string, group: string) =>
      new ChartAxis(this.context, () => this._model(), `${type}/${group}`, new TextPart(
        this.context,
        () => {
          const c = this._model();
          // The secondary value axis exists only while a series is plotted on it (Series.axisGroup, ExcelApi 1.8:
          // https://learn.microsoft.com/javascript/api/excel/excel.chartseries#excel-excel-chartseries-axisgroup-member);
          // ChartAxes.getItem("Value", "Secondary") on a chart without one fails at sync
          // (https://learn.microsoft.com/javascript/api/excel/excel.chartaxes#excel-excel-chartaxes-getitem-member(1)).
          if (group === "Secondary" && !c.series.some((s) => s.axisGroup === "Secondary")) {
            throw new StandInError("InvalidArgument", `The chart "${c.name}" has no secondary ${type.toLowerCase()} axis: put a series on it first.`);
          }
          const key = `${type}/${group}`;
          const holder = { text: c.axisTitles.get(key) ?? "", visible: c.axisTitles.has(key) };
          return new Proxy(holder, {
            set(target, prop, value) {
              (target as Record<string, unknown>)[prop as string] = value;
              if (prop === "text") c.axisTitles.set(key, String(value));
              return true;
            },
          });
        },
        "axis title",
      ));
    return {
      get categoryAxis() {
        return axis("Category", "Primary");
      },
      get valueAxis() {
        return axis("Value", "Primary");
      },
      getItem: (type: string, group = "Primary") => {
        if (group === "Secondary") this.context._need("1.7", "chart.axes.getItem");
        return axis(type, group);
      },
    };
  }
  get series(): SeriesCollection {
    return new SeriesCollection(this.context, () => this._model());
  }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const text = (x: Range | string | undefined) => (x === undefined ? null : typeof x === "string" ? x : refAddress(x._model()));
    this.context._write({ method: "setPosition", args: [typeof startCell === "string" ? startCell : "(range)", endCell === undefined ? null : "(range)"] }, () => {
      const c = this._model();
      c.position = { start: text(startCell)!, end: text(endCell) };
    });
  }
  delete(): void {
    this._call("delete", [], (c) => {
      c.deleted = true;
      this.context.model.charts.splice(this.context.model.charts.indexOf(c), 1);
    });
  }
}

/**
 * A chart axis: its title and its number format (ChartAxis.numberFormat, ExcelApi 1.8):
 * https://learn.microsoft.com/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-numberformat-member
 */
export class ChartAxis extends ClientObject<ChartModel> {
  protected readonly _kind = "chart axis";
  constructor(
    context: SyncQueue,
    locate: () => ChartModel | null,
    private readonly key: string,
    readonly title: TextPart,
  ) {
    super(context, locate);
  }
  protected _props() {
    return {
      numberFormat: (c: ChartModel) => c.axisFormats.get(this.key) ?? "General",
      scaleType: (c: ChartModel) => c.axisScales.get(this.key)?.scaleType ?? "Linear",
      logBase: (c: ChartModel) => c.axisScales.get(this.key)?.logBase ?? 10,
    };
  }
  private scale(c: ChartModel) {
    const now = c.axisScales.get(this.key) ?? { scaleType: "Linear", logBase: 10 };
    c.axisScales.set(this.key, now);
    return now;
  }
  /** "Linear" or "Logarithmic" (ChartAxisScaleType): https://learn.microsoft.com/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-scaletype-member */
  get scaleType(): string {
    return this._get("scaleType");
  }
  set scaleType(value: string) {
    this.context._need("1.7", "chartAxis.scaleType");
    this._set("scaleType", value, (c) => {
      if (value !== "Linear" && value !== "Logarithmic") throw new StandInError("InvalidArgument", `"${value}" is not an axis scale type.`);
      this.scale(c).scaleType = value;
    });
  }
  /** The logarithm's base on a logarithmic scale: https://learn.microsoft.com/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-logbase-member */
  get logBase(): number {
    return this._get("logBase");
  }
  set logBase(value: number) {
    this.context._need("1.7", "chartAxis.logBase");
    this._set("logBase", value, (c) => {
      if (!(typeof value === "number" && value > 1 && Number.isFinite(value))) throw new StandInError("InvalidArgument", `${String(value)} is not a logarithm base.`);
      this.scale(c).logBase = value;
    });
  }
  get numberFormat(): string {
    return this._get("numberFormat");
  }
  set numberFormat(value: string) {
    this.context._need("1.8", "chartAxis.numberFormat");
    this._set("numberFormat", value, (c) => c.axisFormats.set(this.key, value));
  }
}

/** A { text, visible } part: chart title, axis title. */
export class TextPart extends ClientObject<{ text: string; visible: boolean }> {
  constructor(
    context: SyncQueue,
    locate: () => { text: string; visible: boolean },
    protected readonly _kind: string,
  ) {
    super(context, locate);
  }
  protected _props() {
    return { text: (m: { text: string }) => m.text, visible: (m: { visible: boolean }) => m.visible };
  }
  get text(): string {
    return this._get("text");
  }
  set text(value: string) {
    this._set("text", value, (m) => {
      m.text = value;
      m.visible = true;
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (m) => (m.visible = value));
  }
}

export class LegendProxy extends ClientObject<{ visible: boolean; position: string }> {
  protected readonly _kind = "legend";
  protected _props() {
    return { visible: (m: { visible: boolean }) => m.visible, position: (m: { position: string }) => m.position };
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (m) => (m.visible = value));
  }
  get position(): string {
    return this._get("position");
  }
  set position(value: string) {
    this._set("position", value, (m) => (m.position = value));
  }
}

export class SeriesCollection extends Collection<SeriesModel, ChartSeries> {
  protected readonly _kind = "series collection";
  constructor(
    context: SyncQueue,
    private readonly chart: () => ChartModel,
  ) {
    super(context, () => chart().series);
  }
  protected _wrap(m: SeriesModel): ChartSeries {
    return new ChartSeries(this.context, () => m);
  }
  add(name?: string, index?: number): ChartSeries {
    this.context._need("1.7", "chart.series.add");
    let created: SeriesModel | null = null;
    this.context._write({ method: "add", args: [name ?? null, index ?? null] }, () => {
      const list = this.chart().series;
      created = { name: name ?? `Series${list.length + 1}`, chartType: null, axisGroup: "Primary", values: null, xValues: null };
      list.splice(index ?? list.length, 0, created);
    });
    return new ChartSeries(this.context, () => created);
  }
  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this.context, () => this.chart().series[index] ?? null);
  }
}

export class ChartSeries extends ClientObject<SeriesModel> {
  protected readonly _kind = "chart series";
  protected _props() {
    return { name: (s: SeriesModel) => s.name, chartType: (s: SeriesModel) => s.chartType, axisGroup: (s: SeriesModel) => s.axisGroup };
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (s) => (s.name = value));
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(value: string) {
    this.context._need("1.7", "series.chartType");
    checkChartType(value);
    this._set("chartType", value, (s) => (s.chartType = value));
  }
  get axisGroup(): string {
    return this._get("axisGroup");
  }
  set axisGroup(value: "Primary" | "Secondary") {
    this.context._need("1.8", "series.axisGroup");
    this._set("axisGroup", value, (s) => {
      if (value !== "Primary" && value !== "Secondary") throw new StandInError("InvalidArgument", `"${String(value)}" is not an axis group.`);
      s.axisGroup = value;
    });
  }
  setValues(sourceData: Range): void {
    this.context._need("1.7", "series.setValues");
    this._call("setValues", ["(range)"], (s) => (s.values = sourceData._model()));
  }
  setXAxisValues(sourceData: Range): void {
    this.context._need("1.7", "series.setXAxisValues");
    this._call("setXAxisValues", ["(range)"], (s) => (s.xValues = sourceData._model()));
  }
}

