/**
 * The inspection API's plain views of the workbook (what the tests assert and the e2e tests read
 * through the preview), read straight from the model: no load, no sync, nothing logged. A
 * PivotTable's view includes what it shows, computed here since the model keeps only its layout.
 */
import { boxAddress, refAddress } from "./addresses";
import { shownRows, tableFilters } from "./table-filter";
import { pivotFields, type ChartModel, type ConditionalFormatModel, type PivotModel, type RangeRef, type SeriesModel, type SheetModel, type TableModel } from "./model";

export interface SeriesView {
  name: string;
  chartType: string;
  axisGroup: "Primary" | "Secondary";
  values: unknown[];
  categories: unknown[];
  valuesAddress: string | null;
  categoriesAddress: string | null;
}

export interface ChartView {
  name: string;
  sheet: string;
  type: string;
  title: string;
  legend: { visible: boolean; position: string };
  /** "Category/Primary", "Value/Primary", "Value/Secondary" → title text. */
  axisTitles: Record<string, string>;
  /** The same keys → number format, for the axes given one. */
  axisFormats: Record<string, string>;
  /** The same keys → scale, for the axes given one ("Logarithmic" with its base). */
  axisScales: Record<string, { scaleType: string; logBase: number }>;
  series: SeriesView[];
  position: { start: string; end: string | null } | null;
}

export interface TableView {
  name: string;
  sheet: string;
  address: string;
  header: string[];
  rows: number;
  style: string;
  /** Column filters (table-filter.ts): header text → the values shown; empty without filters. */
  filters: Record<string, string[]>;
  /** Data rows (0-based) the filters leave shown; null without filters (every row: not listed, as a history table holds a million). */
  shown: number[] | null;
}

export interface PivotView {
  name: string;
  sheet: string;
  /** Table name, or the source address. */
  source: string;
  fields: string[];
  rows: string[];
  data: { name: string; field: string; summarizeBy: string }[];
  /** What the PivotTable shows: a header row, one row per item of the first row field, a grand total. */
  result: unknown[][];
}

export interface ConditionalFormatView {
  sheet: string;
  address: string;
  type: string;
  criteria: unknown;
}

export interface SheetView {
  name: string;
  id: string;
  visibility: string;
  /** Used range address without the sheet, "" when empty. */
  used: string;
}

export function read(ref: RangeRef, cell: (r: number, c: number) => unknown): unknown[][] {
  const out: unknown[][] = [];
  for (let r = ref.r0; r <= ref.r1; r++) {
    const row: unknown[] = [];
    for (let c = ref.c0; c <= ref.c1; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

export const sheetView = (s: SheetModel): SheetView => ({ name: s.name, id: s.id, visibility: s.visibility, used: s.usedBox() ? boxAddress(s.usedBox()!) : "" });

const seriesView = (s: SeriesModel, chartType: string): SeriesView => {
  const cells = (r: RangeRef | null) => (r ? read(r, (i, j) => r.sheet.value(i, j)).flat() : []);
  return {
    name: s.name,
    chartType: s.chartType ?? chartType,
    axisGroup: s.axisGroup,
    values: cells(s.values),
    categories: cells(s.xValues),
    valuesAddress: s.values ? refAddress(s.values) : null,
    categoriesAddress: s.xValues ? refAddress(s.xValues) : null,
  };
};

const pivotResult = (p: PivotModel): unknown[][] => {
  const src = "table" in p.source ? { sheet: p.source.table.sheet, ...p.source.table.box } : p.source.range;
  const fields = pivotFields(p);
  const data = read({ ...src, r0: src.r0 + 1 }, (r, c) => src.sheet.value(r, c));
  const col = (f: string) => fields.indexOf(f);
  const rowField = p.rows[0];
  const groups = new Map<string, unknown[][]>();
  for (const row of data) {
    const key = rowField === undefined ? "" : String(row[col(rowField)]);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(row);
  }
  const measure = (rows: unknown[][], d: PivotView["data"][number]) => {
    const values = rows.map((r) => r[col(d.field)]);
    const numbers = values.filter((v): v is number => typeof v === "number");
    if (d.summarizeBy === "Count") return values.filter((v) => v !== "").length;
    if (d.summarizeBy === "Average") return numbers.reduce((s, v) => s + v, 0) / numbers.length;
    if (d.summarizeBy === "Max") return Math.max(...numbers);
    if (d.summarizeBy === "Min") return Math.min(...numbers);
    return numbers.reduce((s, v) => s + v, 0);
  };
  const out: unknown[][] = [[rowField ?? "", ...p.data.map((d) => d.name)]];
  for (const key of [...groups.keys()].sort()) out.push([key, ...p.data.map((d) => measure(groups.get(key)!, d))]);
  out.push(["Grand Total", ...p.data.map((d) => measure(data, d))]);
  return out;
};

export const tableView = (t: TableModel): TableView => ({
  name: t.name,
  sheet: t.sheet.name,
  address: boxAddress(t.box),
  header: read({ sheet: t.sheet, ...t.box, r1: t.box.r0 }, (r, c) => String(t.sheet.value(r, c)))[0] as string[],
  rows: t.box.r1 - t.box.r0 - (t.showTotals ? 1 : 0),
  style: t.style,
  filters: Object.fromEntries([...tableFilters(t)].map(([c, f]) => [String(t.sheet.value(t.box.r0, t.box.c0 + c)), [...f.values]])),
  shown: tableFilters(t).size > 0 ? shownRows(t) : null,
});

export const chartView = (c: ChartModel): ChartView => ({
  name: c.name,
  sheet: c.sheet.name,
  type: c.chartType,
  title: c.title.text,
  legend: { ...c.legend },
  axisTitles: Object.fromEntries(c.axisTitles),
  axisFormats: Object.fromEntries(c.axisFormats),
  axisScales: Object.fromEntries([...c.axisScales].map(([k, v]) => [k, { ...v }])),
  series: c.series.map((s) => seriesView(s, c.chartType)),
  position: c.position,
});

export const pivotView = (p: PivotModel): PivotView => ({
  name: p.name,
  sheet: p.sheet.name,
  source: "table" in p.source ? p.source.table.name : refAddress(p.source.range),
  fields: pivotFields(p),
  rows: [...p.rows],
  data: p.data.map((d) => ({ ...d })),
  result: pivotResult(p),
});

export const conditionalFormatView = (f: ConditionalFormatModel): ConditionalFormatView => ({
  sheet: f.range.sheet.name,
  address: boxAddress(f.range),
  type: f.type,
  criteria: f.colorScale?.criteria ?? null,
});
