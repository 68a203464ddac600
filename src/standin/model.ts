/**
 * The stand-in's workbook: plain data (sheets of cells, tables, charts, PivotTables, conditional
 * formats, settings) that the proxies of proxies.ts change at sync time and that tests and the
 * browser preview inspect. No Office, no Node: plain TypeScript.
 */

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface RangeRef extends Box {
  sheet: SheetModel;
}

export class StandInError extends Error {
  /** Office's error codes: ItemNotFound, InvalidArgument, ItemAlreadyExists, PropertyNotLoaded, … */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export function columnLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

/** "A1", "B2:D9", "C:C", "3:5", optionally "Sheet!…" or "'My sheet'!…". */
export function parseAddress(address: string): { sheet: string | null; box: Box } {
  let sheet: string | null = null;
  let body = address.trim();
  const bang = body.lastIndexOf("!");
  if (bang >= 0) {
    sheet = body.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    body = body.slice(bang + 1);
  }
  const parts = body.replace(/\$/g, "").split(":");
  if (parts.length > 2) throw new StandInError("InvalidArgument", `The address "${address}" is not valid.`);
  const ends = parts.map((p) => {
    const m = /^([A-Za-z]{0,3})([0-9]{0,7})$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new StandInError("InvalidArgument", `The address "${address}" is not valid.`);
    return { c: m[1] ? columnIndex(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null };
  });
  const a = ends[0];
  const b = ends[1] ?? a;
  const box = {
    r0: a.r ?? 0,
    c0: a.c ?? 0,
    r1: b.r ?? (a.r === null ? MAX_ROWS - 1 : a.r),
    c1: b.c ?? (a.c === null ? MAX_COLUMNS - 1 : a.c),
  };
  if (box.r0 > box.r1) [box.r0, box.r1] = [box.r1, box.r0];
  if (box.c0 > box.c1) [box.c0, box.c1] = [box.c1, box.c0];
  if (box.r0 < 0 || box.c0 < 0 || box.r1 >= MAX_ROWS || box.c1 >= MAX_COLUMNS) {
    throw new StandInError("InvalidArgument", `The address "${address}" is outside the sheet.`);
  }
  return { sheet, box };
}

/** "B2:D9"; whole columns as Excel gives them ("A:D"), whole rows too ("3:5"). */
export function boxAddress(box: Box): string {
  if (box.r0 === 0 && box.r1 === MAX_ROWS - 1 && !(box.c0 === 0 && box.c1 === MAX_COLUMNS - 1)) return `${columnLetters(box.c0)}:${columnLetters(box.c1)}`;
  if (box.c0 === 0 && box.c1 === MAX_COLUMNS - 1) return `${box.r0 + 1}:${box.r1 + 1}`;
  const a = `${columnLetters(box.c0)}${box.r0 + 1}`;
  return box.r0 === box.r1 && box.c0 === box.c1 ? a : `${a}:${columnLetters(box.c1)}${box.r1 + 1}`;
}

/** Excel quotes a sheet name in an address unless it is letters, digits and underscores. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function refAddress(ref: RangeRef): string {
  return `${quoteSheet(ref.sheet.name)}!${boxAddress(ref)}`;
}

export interface CellStyle {
  bold?: boolean;
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
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  value(r: number, c: number): unknown {
    return this.cells.get(r)?.[c] ?? "";
  }

  setValue(r: number, c: number, v: unknown): void {
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = []));
    row[c] = v === "" ? undefined : v;
  }

  numberFormat(r: number, c: number): string {
    return this.formats.get(r)?.[c] ?? "General";
  }

  setNumberFormat(r: number, c: number, f: string): void {
    let row = this.formats.get(r);
    if (!row) this.formats.set(r, (row = []));
    row[c] = f === "" || f === "General" ? undefined : f;
  }

  /** Bounding box of the cells holding a value, or null. */
  usedBox(): Box | null {
    let box: Box | null = null;
    for (const [r, row] of this.cells) {
      for (let c = 0; c < row.length; c++) {
        if (row[c] === undefined) continue;
        if (!box) box = { r0: r, c0: c, r1: r, c1: c };
        else {
          box.r0 = Math.min(box.r0, r);
          box.r1 = Math.max(box.r1, r);
          box.c0 = Math.min(box.c0, c);
          box.c1 = Math.max(box.c1, c);
        }
      }
    }
    return box;
  }

  /** Excel's current region: grow the box while a neighbouring row or column holds a value. */
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
      if (box.r0 > 0 && rowHas(box.r0 - 1)) (box.r0--, (grew = true));
      if (rowHas(box.r1 + 1)) (box.r1++, (grew = true));
      if (box.c0 > 0 && colHas(box.c0 - 1)) (box.c0--, (grew = true));
      if (colHas(box.c1 + 1)) (box.c1++, (grew = true));
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
}

/** The whole workbook. One instance is shared by every Excel.run of a stand-in. */
export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly pivots: PivotModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  /** Document settings, stored as JSON text as Office stores them. */
  readonly settings = new Map<string, string>();
  readonly syncs: SyncRecord[] = [];
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
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible" && s !== sheet);
    if (visible.length === 0) throw new StandInError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const list of [this.tables, this.charts, this.pivots] as { sheet: SheetModel; deleted: boolean }[][]) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i].sheet === sheet) (list[i].deleted = true), list.splice(i, 1);
    }
    for (let i = this.conditionalFormats.length - 1; i >= 0; i--) if (this.conditionalFormats[i].range.sheet === sheet) this.conditionalFormats.splice(i, 1);
    if (this.activeSheet === sheet) this.activeSheet = visible[0];
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  table(name: string): TableModel | null {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key || t.id === name) ?? null;
  }

  /** Table and other workbook-level names must be unique, start with a letter or _, and hold no spaces. */
  checkNewTableName(name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) throw new StandInError("InvalidArgument", `"${name}" is not a valid table name.`);
    if (this.table(name)) throw new StandInError("ItemAlreadyExists", `A table named "${name}" already exists.`);
  }
}

export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new StandInError("InvalidArgument", `"${name}" is not a valid sheet name.`);
  }
}

/** What a string written to a cell becomes. */
export interface TypedInput {
  value: unknown;
  /** The formula stored, when the text is read as one. */
  formula: string | null;
  /** A number format Excel gives a General cell along with the value (dates, percents), else null. */
  format: string | null;
}

const TYPED_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The value the stand-in gives a cell for text written to it through `values` when the cell's number
 * format is not text ("@"), as Excel (en-US) reads typed input. A documented subset:
 *   - "=…" is a formula; "+…" and "-…" that are not numbers are formulas too ("+86 138 0000 0000").
 *     The stand-in does not calculate: a formula's value reads as "#NAME?".
 *   - numbers: "00123" → 123, "1,234.5", "-2", "1e3"; "12%" → 0.12 with the format "0%".
 *   - TRUE / FALSE (any case) → booleans.
 *   - dates (1900 serials, format "m/d/yyyy"): "2024-01-05", "2024/1/5" (y-m-d); "10-3-5", "1/2/24",
 *     "1-2-2024" (m-d-y, two-digit years 00–29 → 20xx, 30–99 → 19xx); "1-2", "10/3" (m-d, this year).
 *     Impossible dates ("13-40") stay text.
 * Anything else stays the text as written.
 */
export function typedInput(text: string, today: Date = new Date()): TypedInput {
  const t = text.trim();
  const as = (value: unknown, format: string | null = null): TypedInput => ({ value, formula: null, format });
  if (t === "") return as(text);
  if (t.length > 1 && t.startsWith("=")) return { value: "#NAME?", formula: t, format: null };
  if (/\d/.test(t) && TYPED_NUMBER.test(t)) return as(Number(t.replace(/,/g, "")));
  if (/^[+-]?\d+(?:\.\d+)?%$/.test(t)) return as(Number(t.slice(0, -1)) / 100, "0%");
  if (/^(true|false)$/i.test(t)) return as(t.toLowerCase() === "true");
  const serial = typedDate(t, today);
  if (serial !== null) return as(serial, "m/d/yyyy");
  if (t.length > 1 && (t.startsWith("+") || t.startsWith("-"))) return { value: "#NAME?", formula: `=${t}`, format: null };
  return as(text);
}

function typedDate(t: string, today: Date): number | null {
  let y: number;
  let m: number;
  let d: number;
  let hit: RegExpExecArray | null;
  if ((hit = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(t))) [y, m, d] = [+hit[1], +hit[3], +hit[4]];
  else if ((hit = /^(\d{1,2})([-/])(\d{1,2})\2(\d{1,4})$/.exec(t))) {
    [m, d, y] = [+hit[1], +hit[3], +hit[4]];
    if (hit[4].length <= 2) y += y < 30 ? 2000 : 1900;
  } else if ((hit = /^(\d{1,2})([-/])(\d{1,2})$/.exec(t))) [m, d, y] = [+hit[1], +hit[3], today.getFullYear()];
  else return null;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}
