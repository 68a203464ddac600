/**
 * An in-memory stand-in for the part of the Excel JavaScript API the add-in uses, for vitest (node)
 * and for the browser preview. `createStandIn()` gives `run` (an Excel.run look-alike),
 * `isSetSupported`, set-up helpers (sheets from rows or CSV text, tables, the selection) that act
 * at once, and an inspection API (sheets, cells, tables, charts with their series, PivotTables with
 * their result, conditional formats, settings, the sync log).
 *
 * const book = createStandIn();
 * book.addSheetFromCsv("Data", csvText);
 * const port = createWorkbookPort({ run: book.run, isSetSupported: book.isSetSupported });
 */
import { StandInError, WorkbookModel, boxAddress, parseAddress, refAddress, type RangeRef, type SheetModel, type SyncRecord } from "./model";
import type { ExcelHost } from "../excel/host";
import { StandInContext, pivotFields, type StandInOptions } from "./proxies";

export { StandInError, columnLetters, parseAddress, typedInput } from "./model";
export type { SyncRecord } from "./model";
export { utf8Length, type StandInContext, type StandInOptions } from "./proxies";

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

export interface StandIn {
  readonly model: WorkbookModel;
  run<T>(batch: (context: StandInContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version?: string): boolean;
  /** `run` and `isSetSupported` typed as the Office host the workbook port takes. */
  readonly host: ExcelHost;
  /** Change the host's ExcelApi version, payload limit, or make a sync fail (`failSync`). */
  configure(options: StandInOptions): void;

  addSheet(name: string, rows?: unknown[][], options?: { at?: string; numberFormats?: string[][] }): SheetModel;
  /** A sheet from CSV text, converted as Excel opens a CSV: numbers to numbers, date-times to serials. */
  addSheetFromCsv(name: string, text: string, options?: { convert?: boolean }): SheetModel;
  /** A table over `address` (header row first; with `showTotals`, its last row is the totals row). */
  addTable(sheet: string, address: string, name: string, options?: { showTotals?: boolean }): void;
  select(sheet: string, address: string): void;

  /** Every sheet, hidden ones included (`visibility` says which), in tab order. */
  sheets(): SheetView[];
  /** One sheet by name (any case) or id, hidden or not; null when there is none. */
  sheet(nameOrId: string): SheetView | null;
  activeSheet(): string | null;
  selection(): { sheet: string; address: string } | null;
  /** Cell values of `address` (default: the used range). */
  values(sheet: string, address?: string): unknown[][];
  numberFormats(sheet: string, address?: string): string[][];
  /** Formulas of `address` (default: the used range); "" where a cell holds no formula. */
  formulas(sheet: string, address?: string): string[][];
  cellStyle(sheet: string, address: string): { bold?: boolean; fill?: string; fontColor?: string };
  columnWidth(sheet: string, column: number): number | null;
  tables(): TableView[];
  /** Data rows of a table (header excluded). */
  tableRows(name: string): unknown[][];
  charts(sheet?: string): ChartView[];
  pivots(sheet?: string): PivotView[];
  conditionalFormats(sheet?: string): ConditionalFormatView[];
  /** Document settings, parsed (the add-in's index of the history, its pilots, ownership …). */
  settings(): Record<string, unknown>;
  syncLog(): readonly SyncRecord[];
  resetSyncLog(): void;
}

function sheetOf(model: WorkbookModel, name: string): SheetModel {
  const s = model.sheet(name);
  if (!s) throw new StandInError("ItemNotFound", `No sheet "${name}".`);
  return s;
}

function read(ref: RangeRef, cell: (r: number, c: number) => unknown): unknown[][] {
  const out: unknown[][] = [];
  for (let r = ref.r0; r <= ref.r1; r++) {
    const row: unknown[] = [];
    for (let c = ref.c0; c <= ref.c1; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

/** RFC 4180 CSV (quotes, doubled quotes, embedded newlines, CRLF), without dependencies. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') (field += '"'), i++;
        else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** What Excel makes of a CSV field when it opens the file: a number, a date serial (with its format), or text. */
function convertCsvField(text: string): { value: unknown; format?: string } {
  if (text === "") return { value: "" };
  if (NUMBER.test(text)) return { value: Number(text) };
  const m = ISO_DATE_TIME.exec(text);
  if (m) {
    const days = Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 + 25569;
    const time = m[4] ? (+m[4] * 3600 + +m[5] * 60 + +(m[6] ?? 0)) / 86400 : 0;
    return { value: days + time, format: m[4] ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd" };
  }
  return { value: text };
}

export function createStandIn(options: StandInOptions = {}): StandIn {
  const model = new WorkbookModel();
  const config: Required<StandInOptions> = {
    excelApi: options.excelApi ?? "1.12",
    payloadLimit: options.payloadLimit === undefined ? 5 * 1024 * 1024 : options.payloadLimit,
    failSync: options.failSync ?? null,
  };

  const ref = (sheet: string, address?: string): RangeRef => {
    const s = sheetOf(model, sheet);
    if (address === undefined) return { sheet: s, ...(s.usedBox() ?? { r0: 0, c0: 0, r1: 0, c1: 0 }) };
    return { sheet: s, ...parseAddress(address).box };
  };

  const addSheet: StandIn["addSheet"] = (name, rows = [], opts = {}) => {
    const sheet = model.addSheet(name);
    const at = parseAddress(opts.at ?? "A1").box;
    rows.forEach((row, i) => row.forEach((v, j) => sheet.setValue(at.r0 + i, at.c0 + j, v)));
    opts.numberFormats?.forEach((row, i) => row.forEach((f, j) => f && sheet.setNumberFormat(at.r0 + i, at.c0 + j, f)));
    return sheet;
  };

  const sheetView = (s: SheetModel): SheetView => ({ name: s.name, id: s.id, visibility: s.visibility, used: s.usedBox() ? boxAddress(s.usedBox()!) : "" });

  const seriesView = (s: import("./model").SeriesModel, chartType: string): SeriesView => {
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

  const pivotResult = (p: import("./model").PivotModel): unknown[][] => {
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

  const standIn: StandIn = {
    model,
    async run(batch) {
      const context = new StandInContext(model, config);
      const result = await batch(context);
      // Excel.run sends what is still queued when the batch returns.
      if (context.pending > 0) await context.sync();
      return result;
    },
    isSetSupported(name, version = "1.1") {
      if (name !== "ExcelApi") return false;
      const [a, b] = config.excelApi.split(".").map(Number);
      const [c, d] = version.split(".").map(Number);
      return a > c || (a === c && b >= (d ?? 0));
    },
    get host(): ExcelHost {
      // The stand-in implements the subset of Excel.RequestContext the add-in uses, not its whole type.
      return { run: standIn.run, isSetSupported: standIn.isSetSupported } as unknown as ExcelHost;
    },
    configure(next) {
      if (next.excelApi !== undefined) config.excelApi = next.excelApi;
      if (next.payloadLimit !== undefined) config.payloadLimit = next.payloadLimit;
      if (next.failSync !== undefined) config.failSync = next.failSync;
    },
    addSheet,
    addSheetFromCsv(name, text, opts = {}) {
      const rows = parseCsvRows(text);
      if (opts.convert === false) return addSheet(name, rows);
      const values: unknown[][] = [];
      const formats: string[][] = [];
      for (const row of rows) {
        const v: unknown[] = [];
        const f: string[] = [];
        for (const field of row) {
          const cell = convertCsvField(field);
          v.push(cell.value);
          f.push(cell.format ?? "");
        }
        values.push(v);
        formats.push(f);
      }
      return addSheet(name, values, { numberFormats: formats });
    },
    addTable(sheet, address, name, opts = {}) {
      const s = sheetOf(model, sheet);
      model.checkNewTableName(name);
      model.tables.push({ id: model.newId("table"), name, sheet: s, box: parseAddress(address).box, style: "TableStyleMedium2", deleted: false, showTotals: opts.showTotals ?? false });
    },
    select(sheet, address) {
      model.selection = ref(sheet, address);
      model.activeSheet = model.selection.sheet;
    },
    sheets: () => model.sheets.map(sheetView),
    sheet: (nameOrId) => {
      const s = model.sheet(nameOrId);
      return s ? sheetView(s) : null;
    },
    activeSheet: () => model.activeSheet?.name ?? null,
    selection: () => (model.selection ? { sheet: model.selection.sheet.name, address: boxAddress(model.selection) } : null),
    values(sheet, address) {
      const r = ref(sheet, address);
      return read(r, (i, j) => r.sheet.value(i, j));
    },
    numberFormats(sheet, address) {
      const r = ref(sheet, address);
      return read(r, (i, j) => r.sheet.numberFormat(i, j)) as string[][];
    },
    formulas(sheet, address) {
      const r = ref(sheet, address);
      return read(r, (i, j) => r.sheet.formulas.get(`${i},${j}`) ?? "") as string[][];
    },
    cellStyle(sheet, address) {
      const r = ref(sheet, address);
      return { ...(r.sheet.styles.get(`${r.r0},${r.c0}`) ?? {}) };
    },
    columnWidth: (sheet, column) => sheetOf(model, sheet).columnWidths.get(column) ?? null,
    tables: () =>
      model.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: boxAddress(t.box),
        header: read({ sheet: t.sheet, ...t.box, r1: t.box.r0 }, (r, c) => String(t.sheet.value(r, c)))[0] as string[],
        rows: t.box.r1 - t.box.r0 - (t.showTotals ? 1 : 0),
        style: t.style,
      })),
    tableRows(name) {
      const t = model.table(name);
      if (!t) throw new StandInError("ItemNotFound", `No table "${name}".`);
      return read({ sheet: t.sheet, ...t.box, r0: t.box.r0 + 1, r1: t.box.r1 - (t.showTotals ? 1 : 0) }, (r, c) => t.sheet.value(r, c));
    },
    charts: (sheet) =>
      model.charts
        .filter((c) => !sheet || c.sheet.name === sheet)
        .map((c) => ({
          name: c.name,
          sheet: c.sheet.name,
          type: c.chartType,
          title: c.title.text,
          legend: { ...c.legend },
          axisTitles: Object.fromEntries(c.axisTitles),
          series: c.series.map((s) => seriesView(s, c.chartType)),
          position: c.position,
        })),
    pivots: (sheet) =>
      model.pivots
        .filter((p) => !sheet || p.sheet.name === sheet)
        .map((p) => ({
          name: p.name,
          sheet: p.sheet.name,
          source: "table" in p.source ? p.source.table.name : refAddress(p.source.range),
          fields: pivotFields(p),
          rows: [...p.rows],
          data: p.data.map((d) => ({ ...d })),
          result: pivotResult(p),
        })),
    conditionalFormats: (sheet) =>
      model.conditionalFormats
        .filter((f) => !sheet || f.range.sheet.name === sheet)
        .map((f) => ({ sheet: f.range.sheet.name, address: boxAddress(f.range), type: f.type, criteria: f.colorScale?.criteria ?? null })),
    settings: () => Object.fromEntries([...model.settings].map(([k, v]) => [k, JSON.parse(v)])),
    syncLog: () => model.syncs,
    resetSyncLog: () => void (model.syncs.length = 0),
  };
  return standIn;
}
