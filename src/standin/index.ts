/**
 * An in-memory stand-in for the part of the Excel JavaScript API the add-in uses, for vitest (node)
 * and for the browser preview. `createStandIn()` gives `run` (an Excel.run look-alike),
 * `isSetSupported`, set-up helpers (sheets from rows or CSV text, tables, the selection) that act
 * at once, and an inspection API (sheets, cells, tables, charts with their series, PivotTables with
 * their result, conditional formats, settings, the sync log).
 * This module only wires the pieces together: the proxies, one Excel object per module under
 * workbook.ts; the plain workbook data in model.ts; the inspection views in views.ts.
 *
 * const book = createStandIn();
 * book.addSheetFromCsv("Data", csvText);
 * const port = createWorkbookPort({ run: book.run, isSetSupported: book.isSetSupported });
 */
import { boxAddress, parseAddress } from "./addresses";
import { parseCsvRows, convertCsvField } from "./csv";
import { StandInError } from "./errors";
import type { ExcelHost } from "../excel/host";
import { WorkbookModel, type RangeRef, type SheetModel, type SyncRecord } from "./model";
import type { StandInOptions } from "./sync";
import { defaultHostProfile, FIVE_MB, type HostProfile } from "./host-profile";
import { read, sheetView, tableView, chartView, pivotView, conditionalFormatView, type ChartView, type ConditionalFormatView, type PivotView, type SheetView, type TableView } from "./views";
import { StandInContext } from "./workbook";
import { nameFormula } from "./names";

export { columnLetters, parseAddress } from "./addresses";
export { StandInError } from "./errors";
export type { SyncRecord } from "./model";
export { utf8Length, type StandInOptions } from "./sync";
export { HOST_PROFILES, FIVE_MB, defaultHostProfile, parseHostProfile, setDefaultHostProfile, type HostProfile } from "./host-profile";
export { typedInput } from "./typed-input";
export type { ChartView, ConditionalFormatView, PivotView, SeriesView, SheetView, TableView } from "./views";
export type { StandInContext } from "./workbook";

export interface StandIn {
  readonly model: WorkbookModel;
  run<T>(batch: (context: StandInContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version?: string): boolean;
  /** `run` and `isSetSupported` typed as the Office host the workbook port takes. */
  readonly host: ExcelHost;
  /** Change the host's ExcelApi version, payload limit, or make a sync fail (`failSync`). */
  configure(options: StandInOptions): void;
  /** The host profile this stand-in was made with (host-profile.ts). */
  readonly profile: HostProfile;
  /**
   * Saves, closes and reopens the workbook: everything kept, but every sheet gets a new id, as office-js #1390
   * reports after a workbook is reopened in another Excel (worksheet ids are not stable across sessions). Names,
   * cells and settings stay. `ids: "positional"` gives the ids office-js-docs #297 and office-js #1390 saw after a
   * reopen, `{00000000-0001-0000-000k-000000000000}` for the sheet at position k, so a sheet can get an id another
   * sheet had before (after an earlier such reopen); by default every id is one never used.
   */
  reopen(options?: { ids?: "new" | "positional" }): void;

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
  cellStyle(sheet: string, address: string): { bold?: boolean; italic?: boolean; fill?: string; fontColor?: string };
  columnWidth(sheet: string, column: number): number | null;
  tables(): TableView[];
  /** Data rows of a table (header excluded). */
  tableRows(name: string): unknown[][];
  charts(sheet?: string): ChartView[];
  pivots(sheet?: string): PivotView[];
  conditionalFormats(sheet?: string): ConditionalFormatView[];
  /** Defined names: the workbook's (`scope` null) and each sheet's (`scope` its name), with their formulas. */
  names(): { name: string; scope: string | null; formula: string; comment: string; visible: boolean }[];
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

export function createStandIn(options: StandInOptions = {}): StandIn {
  const model = new WorkbookModel();
  const host = options.host ?? defaultHostProfile();
  const config: Required<StandInOptions> = {
    host,
    excelApi: options.excelApi ?? "1.12",
    // The 5 MB cap is Excel on the web's (host-profile.ts cites it); desktop documents none.
    payloadLimit: options.payloadLimit === undefined ? (host === "web" ? FIVE_MB : null) : options.payloadLimit,
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

  const standIn: StandIn = {
    model,
    async run(batch) {
      const context = new StandInContext(model, config);
      const result = await batch(context);
      // Excel.run sends what is still queued when the batch returns. source?
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
    profile: host,
    reopen(opts = {}) {
      model.sheets.forEach((sheet, k) => (sheet.id = opts.ids === "positional" ? `{00000000-0001-0000-${k.toString(16).toUpperCase().padStart(4, "0")}-000000000000}` : model.newId("sheet")));
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
    tables: () => model.tables.map(tableView),
    tableRows(name) {
      const t = model.table(name);
      if (!t) throw new StandInError("ItemNotFound", `No table "${name}".`);
      return read({ sheet: t.sheet, ...t.box, r0: t.box.r0 + 1, r1: t.box.r1 - (t.showTotals ? 1 : 0) }, (r, c) => t.sheet.value(r, c));
    },
    charts: (sheet) => model.charts.filter((c) => !sheet || c.sheet.name === sheet).map(chartView),
    pivots: (sheet) => model.pivots.filter((p) => !sheet || p.sheet.name === sheet).map(pivotView),
    conditionalFormats: (sheet) => model.conditionalFormats.filter((f) => !sheet || f.range.sheet.name === sheet).map(conditionalFormatView),
    names: () => model.names.map((n) => ({ name: n.name, scope: n.scope?.name ?? null, formula: nameFormula(n), comment: n.comment, visible: n.visible })),
    settings: () => Object.fromEntries([...model.settings].map(([k, v]) => [k, JSON.parse(v)])),
    syncLog: () => model.syncs,
    resetSyncLog: () => void (model.syncs.length = 0),
  };
  return standIn;
}
