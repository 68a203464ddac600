/**
 * The stand-in's workbook: plain data (sheets of cells, tables, charts, PivotTables, conditional
 * formats, settings) that the proxies change at sync time and that tests and the browser preview
 * inspect. No Office, no Node: plain TypeScript. Kept apart from the proxies so the preview can draw
 * it and the inspection API can read it without Office's load/sync rules.
 */
import { StandInError } from "./errors";
import type { Box } from "./addresses";

export interface RangeRef extends Box {
  sheet: SheetModel;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  fontColor?: string;
}

export class SheetModel {
  deleted = false;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Row index → cell values (undefined entries are empty). */
  readonly cells = new Map<number, unknown[]>();
  readonly formats = new Map<number, (string | undefined)[]>();
  readonly formulas = new Map<string, string>();
  readonly styles = new Map<string, CellStyle>();
  readonly columnWidths = new Map<number, number>();
  /** Told of every change to a cell's value or format (WorkbookModel.addSheet sets it: the changed events, worksheet.ts). */
  onChange: ((sheet: SheetModel, r: number, c: number) => void) | null = null;
  constructor(
    /** Not readonly: a reopened workbook gives its sheets new ids (index.ts `reopen`, office-js #1390). */
    public id: string,
    public name: string,
  ) {}

  value(r: number, c: number): unknown {
    return this.cells.get(r)?.[c] ?? "";
  }

  /** "" empties the cell: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values */
  setValue(r: number, c: number, v: unknown): void {
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = []));
    row[c] = v === "" ? undefined : v;
    this.onChange?.(this, r, c);
  }

  numberFormat(r: number, c: number): string {
    return this.formats.get(r)?.[c] ?? "General";
  }

  /** "" resets the format to General (same page as `setValue`). */
  setNumberFormat(r: number, c: number, f: string): void {
    let row = this.formats.get(r);
    if (!row) this.formats.set(r, (row = []));
    row[c] = f === "" || f === "General" ? undefined : f;
    this.onChange?.(this, r, c);
  }

  /**
   * Bounding box of the used cells, or null. Excel counts a cell with only a format (a number format, a fill,
   * bold) as used unless `valuesOnly` ("considers only cells with values as used cells (ignores formatting)":
   * Worksheet.getUsedRange, https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)).
   */
  usedBox(valuesOnly = true): Box | null {
    let box: Box | null = null;
    const use = (r: number, c: number) => {
      if (!box) box = { r0: r, c0: c, r1: r, c1: c };
      else {
        box.r0 = Math.min(box.r0, r);
        box.r1 = Math.max(box.r1, r);
        box.c0 = Math.min(box.c0, c);
        box.c1 = Math.max(box.c1, c);
      }
    };
    for (const rows of valuesOnly ? [this.cells] : [this.cells, this.formats]) {
      for (const [r, row] of rows) for (let c = 0; c < row.length; c++) if (row[c] !== undefined) use(r, c);
    }
    if (!valuesOnly) {
      for (const key of this.styles.keys()) {
        const [r, c] = key.split(",").map(Number);
        use(r, c);
      }
    }
    return box;
  }

  /**
   * Excel's current region: grow the box while a neighbouring row or column holds a value (a region bounded by
   * blank rows and columns: Range.getSurroundingRegion, https://learn.microsoft.com/javascript/api/excel/excel.range).
   */
  surroundingRegion(start: Box): Box {
    const box = { ...start };
    const filled = (r: number, c: number) => r >= 0 && c >= 0 && this.value(r, c) !== "";
    for (let grew = true; grew; ) {
      grew = false;
      const rowHas = (r: number) => {
        for (let c = box.c0 - 1; c <= box.c1 + 1; c++) if (filled(r, c)) return true;
        return false;
      };
      const colHas = (c: number) => {
        for (let r = box.r0 - 1; r <= box.r1 + 1; r++) if (filled(r, c)) return true;
        return false;
      };
      if (box.r0 > 0 && rowHas(box.r0 - 1)) {
        box.r0--;
        grew = true;
      }
      if (rowHas(box.r1 + 1)) {
        box.r1++;
        grew = true;
      }
      if (box.c0 > 0 && colHas(box.c0 - 1)) {
        box.c0--;
        grew = true;
      }
      if (colHas(box.c1 + 1)) {
        box.c1++;
        grew = true;
      }
    }
    return box;
  }
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Header row, data body and (when `showTotals`) the totals row below it. */
  box: Box;
  style: string;
  deleted: boolean;
  showTotals?: boolean;
}

export type ChartAxisGroup = "Primary" | "Secondary";

export interface SeriesModel {
  name: string;
  chartType: string | null;
  axisGroup: ChartAxisGroup;
  values: RangeRef | null;
  xValues: RangeRef | null;
}

export interface ChartModel {
  id: string;
  name: string;
  sheet: SheetModel;
  chartType: string;
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  /** Axis titles by "Category/Primary", "Value/Primary", "Value/Secondary" … */
  axisTitles: Map<string, string>;
  /** Axis number formats by the same keys (ChartAxis.numberFormat, ExcelApi 1.8). */
  axisFormats: Map<string, string>;
  /** Axis scales by the same keys, for the axes set logarithmic (ChartAxis.scaleType and logBase, ExcelApi 1.7). */
  axisScales: Map<string, { scaleType: string; logBase: number }>;
  series: SeriesModel[];
  position: { start: string; end: string | null } | null;
  deleted: boolean;
}

export interface PivotModel {
  id: string;
  name: string;
  sheet: SheetModel;
  destination: { r: number; c: number };
  source: { table: TableModel } | { range: RangeRef };
  rows: string[];
  data: { name: string; field: string; summarizeBy: string }[];
  deleted: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  range: RangeRef;
  type: string;
  colorScale: { criteria: unknown } | null;
}

/** A defined name (names.ts): scoped to the workbook (`scope` null) or to a sheet; it refers to `box` on `sheet`, or to #REF! (`sheet` null) once that sheet is deleted. */
export interface NameModel {
  name: string;
  scope: SheetModel | null;
  sheet: SheetModel | null;
  box: Box;
  comment: string;
  visible: boolean;
  deleted: boolean;
}

/** A change to a sheet's cells, as the changed events report it (worksheet.ts `onChanged`). */
export type SheetChangeListener = (sheet: SheetModel, r: number, c: number) => void;

export interface SyncRecord {
  /** 1-based. */
  index: number;
  /** JSON size of the writes queued for this sync (property sets and method arguments). */
  requestBytes: number;
  /** JSON size of the values loaded back. */
  responseBytes: number;
  actions: number;
  calculationSuspended: boolean;
  error: string | null;
  /** Cells written as NaN or ±Infinity, which Office sends as null and so leaves unchanged (range.ts `asSent`). */
  nonFiniteCells: number;
}

/** The whole workbook. One instance is shared by every Excel.run of a stand-in. */
export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly pivots: PivotModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  /** Defined names of the workbook and of its sheets (names.ts). */
  readonly names: NameModel[] = [];
  /** Who hears of cell changes (the changed events registered through worksheet.ts). */
  readonly changeListeners = new Set<SheetChangeListener>();
  /** Document settings, stored as JSON text as Office stores them. */
  readonly settings = new Map<string, string>();
  readonly syncs: SyncRecord[] = [];
  /** Running count of non-finite numbers written (each sync records its share). */
  nonFiniteCells = 0;
  activeSheet: SheetModel | null = null;
  selection: RangeRef | null = null;
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, "0")}}`;
  }

  sheet(nameOrId: string): SheetModel | null {
    const key = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === key) ?? null;
  }

  addSheet(name?: string): SheetModel {
    let chosen = name;
    if (chosen === undefined) for (let k = this.sheets.length + 1; !chosen || this.sheet(chosen); k++) chosen = `Sheet${k}`;
    checkSheetName(chosen);
    if (this.sheet(chosen)) throw new StandInError("ItemAlreadyExists", `A sheet named "${chosen}" already exists.`);
    const sheet = new SheetModel(this.newId("sheet"), chosen);
    sheet.onChange = (changed, r, c) => this.changeListeners.forEach((listen) => listen(changed, r, c));
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /**
   * A workbook keeps at least one visible sheet (Excel refuses to delete or hide the last one). source?
   * A very hidden sheet cannot be deleted: Office answers GeneralException, by design, and the add-in must
   * make it visible or hidden first (office-js #365; "Worksheets cannot be deleted if the visibility is Very
   * Hidden", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#delete-a-worksheet).
   */
  deleteSheet(sheet: SheetModel): void {
    if (sheet.visibility === "VeryHidden") throw new StandInError("GeneralException", `The very hidden sheet "${sheet.name}" cannot be deleted.`);
    const visible = this.sheets.filter((s) => s.visibility === "Visible" && s !== sheet);
    if (visible.length === 0) throw new StandInError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const list of [this.tables, this.charts, this.pivots] as { sheet: SheetModel; deleted: boolean }[][]) {
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i].sheet !== sheet) continue;
        list[i].deleted = true;
        list.splice(i, 1);
      }
    }
    for (let i = this.conditionalFormats.length - 1; i >= 0; i--) if (this.conditionalFormats[i].range.sheet === sheet) this.conditionalFormats.splice(i, 1);
    // A sheet's own names die with it; a workbook name that referred to it refers to #REF! (names.ts cites both).
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i];
      if (n.scope === sheet) {
        n.deleted = true;
        this.names.splice(i, 1);
      } else if (n.sheet === sheet) n.sheet = null;
    }
    if (this.activeSheet === sheet) this.activeSheet = visible[0];
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  /**
   * A copy of `source` named "name (2)" … (Worksheet.copy, ExcelApi 1.7: https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-copy-member(1)):
   * its cells, number formats, formulas, styles and column widths, and its names as names.ts says (tables, charts
   * and PivotTables are not copied by the stand-in). Placed at `index`.
   */
  copySheet(source: SheetModel, index: number): SheetModel {
    const base = source.name.replace(/ \(\d+\)$/, "");
    let name = base;
    for (let k = 2; this.sheet(name); k++) name = `${base} (${k})`;
    const copy = new SheetModel(this.newId("sheet"), name);
    copy.onChange = source.onChange;
    for (const [r, row] of source.cells) copy.cells.set(r, [...row]);
    for (const [r, row] of source.formats) copy.formats.set(r, [...row]);
    for (const [k, v] of source.formulas) copy.formulas.set(k, v);
    for (const [k, v] of source.styles) copy.styles.set(k, { ...v });
    for (const [k, v] of source.columnWidths) copy.columnWidths.set(k, v);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, copy);
    for (const n of [...this.names]) {
      const own = n.scope === source;
      const global = n.scope === null && n.sheet === source;
      if (!own && !global) continue;
      this.names.push({ ...n, box: { ...n.box }, scope: copy, sheet: n.sheet === source ? copy : n.sheet, deleted: false });
    }
    return copy;
  }

  table(name: string): TableModel | null {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key || t.id === name) ?? null;
  }

  /**
   * Table and other workbook-level names must be unique (in any case), start with a letter, _ or \, and hold no
   * spaces: https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114
   */
  checkNewTableName(name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) throw new StandInError("InvalidArgument", `"${name}" is not a valid table name.`);
    if (this.table(name)) throw new StandInError("ItemAlreadyExists", `A table named "${name}" already exists.`);
  }
}

/**
 * Not blank, at most 31 characters, none of \ / ? * [ ] :, not starting or ending with an apostrophe:
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new StandInError("InvalidArgument", `"${name}" is not a valid sheet name.`);
  }
}

/** Two ranges on the same sheet that share a cell. */
export function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.sheet === b.sheet && a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** Header texts of a PivotTable's source: its fields. */
export function pivotFields(p: PivotModel): string[] {
  const ref = "table" in p.source ? { sheet: p.source.table.sheet, ...p.source.table.box } : p.source.range;
  const out: string[] = [];
  for (let c = ref.c0; c <= ref.c1; c++) out.push(String(ref.sheet.value(ref.r0, c)));
  return out;
}
