/**
 * Excel.Range: reading and writing cells, the ranges derived from a range, delete and clear. The
 * range's `worksheet` back-pointer is attached in worksheet.ts, so this module imports nothing above it.
 * Methods and their errors: https://learn.microsoft.com/javascript/api/excel/excel.range
 */
import { parseAddress, refAddress, type Box } from "./addresses";
import { ClientObject } from "./client-object";
import { ConditionalFormatCollection } from "./conditional-formats";
import { StandInError } from "./errors";
import { RangeFormat } from "./format";
import type { RangeRef, SheetModel } from "./model";
import { typedInput } from "./typed-input";

type Grid = unknown[][];

/** A 2-D array must match the range's size (InvalidArgument, with Office's message). source? */
function checkGrid(name: string, value: unknown, rows: number, columns: number): Grid | null {
  if (!Array.isArray(value)) return null; // a single value: every cell
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== columns)) {
    throw new StandInError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}: ${rows}×${columns}).`,
    );
  }
  return value as Grid;
}

/**
 * What Office sends for a value: it serialises the request as JSON, where NaN and ±Infinity become null, and
 * null in a 2-D array leaves the cell as it was
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values). So a job that writes
 * NaN silently keeps the old value; the stand-in does the same and counts it in the sync's record
 * (`nonFiniteCells`), which the tests assert is 0, so a lost value still fails a test.
 */
function asSent(v: unknown): unknown {
  return typeof v === "number" && !Number.isFinite(v) ? null : v;
}

function checkCellValue(v: unknown): void {
  if (v === null || typeof v === "string" || typeof v === "boolean" || typeof v === "number") return;
  throw new StandInError("InvalidArgument", `${String(v)} is not a value a cell can hold.`);
}

export class Range extends ClientObject<RangeRef> {
  protected readonly _kind = "range";
  protected _props() {
    const grid = (read: (sheet: SheetModel, r: number, c: number) => unknown) => (ref: RangeRef) => {
      const out: unknown[][] = [];
      for (let r = ref.r0; r <= ref.r1; r++) {
        const row: unknown[] = [];
        for (let c = ref.c0; c <= ref.c1; c++) row.push(read(ref.sheet, r, c));
        out.push(row);
      }
      return out;
    };
    return {
      address: (ref: RangeRef) => refAddress(ref),
      addressLocal: (ref: RangeRef) => refAddress(ref),
      rowIndex: (ref: RangeRef) => ref.r0,
      columnIndex: (ref: RangeRef) => ref.c0,
      rowCount: (ref: RangeRef) => ref.r1 - ref.r0 + 1,
      columnCount: (ref: RangeRef) => ref.c1 - ref.c0 + 1,
      cellCount: (ref: RangeRef) => (ref.r1 - ref.r0 + 1) * (ref.c1 - ref.c0 + 1),
      values: grid((s, r, c) => s.value(r, c)),
      numberFormat: grid((s, r, c) => s.numberFormat(r, c)),
      formulas: grid((s, r, c) => s.formulas.get(`${r},${c}`) ?? s.value(r, c)),
      text: grid((s, r, c) => String(s.value(r, c))),
    };
  }
  get address(): string {
    return this._get("address");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(value: unknown[][]) {
    // Text lands as typed input unless the cell is formatted as text ("@"): see `typedInput`.
    this._set("values", value, (ref) => this.writeCells("values", value, ref, (s, r, c, v) => {
      checkCellValue(v);
      s.formulas.delete(`${r},${c}`);
      if (typeof v === "string" && s.numberFormat(r, c) !== "@") {
        const typed = typedInput(v);
        if (typed.formula !== null) s.formulas.set(`${r},${c}`, typed.formula);
        if (typed.format !== null && s.numberFormat(r, c) === "General") s.setNumberFormat(r, c, typed.format);
        s.setValue(r, c, typed.value);
      } else s.setValue(r, c, v);
    }));
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(value: unknown[][]) {
    this.values = value;
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(value: unknown[][]) {
    this._set("numberFormat", value, (ref) =>
      this.writeCells("numberFormat", value, ref, (s, r, c, v) => {
        if (typeof v !== "string") throw new StandInError("InvalidArgument", `${String(v)} is not a number format.`);
        s.setNumberFormat(r, c, v);
      }),
    );
  }
  private writeCells(name: string, value: unknown, ref: RangeRef, put: (s: SheetModel, r: number, c: number, v: unknown) => void): void {
    const rows = ref.r1 - ref.r0 + 1;
    const columns = ref.c1 - ref.c0 + 1;
    const grid = checkGrid(name, value, rows, columns);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) {
        const given = grid ? grid[i][j] : value;
        const v = asSent(given);
        if (v === null) {
          // null in an update leaves the cell as it is (excel-add-ins-blank-null-values); NaN arrives as null.
          if (given !== null) this.context.model.nonFiniteCells++;
          continue;
        }
        put(ref.sheet, ref.r0 + i, ref.c0 + j, v);
      }
    }
  }
  get format(): RangeFormat {
    return new RangeFormat(this.context, () => this._model());
  }
  get conditionalFormats(): ConditionalFormatCollection {
    this.context._need("1.6", "range.conditionalFormats");
    return new ConditionalFormatCollection(this.context, () => this._model());
  }
  private derived(make: (ref: RangeRef) => Box, nullable = false): Range {
    return new Range(
      this.context,
      () => {
        const ref = this._model();
        const box = make(ref);
        if (box.r0 < 0 || box.c0 < 0 || box.r1 < box.r0 || box.c1 < box.c0) throw new StandInError("InvalidArgument", "The range would fall outside the sheet.");
        return { sheet: ref.sheet, ...box };
      },
      nullable,
    );
  }
  getCell(row: number, column: number): Range {
    return this.derived((ref) => ({ r0: ref.r0 + row, c0: ref.c0 + column, r1: ref.r0 + row, c1: ref.c0 + column }));
  }
  getRow(row: number): Range {
    return this.derived((ref) => ({ r0: ref.r0 + row, c0: ref.c0, r1: ref.r0 + row, c1: ref.c1 }));
  }
  getColumn(column: number): Range {
    return this.derived((ref) => ({ r0: ref.r0, c0: ref.c0 + column, r1: ref.r1, c1: ref.c0 + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived((ref) => ({ r0: ref.r0, c0: ref.c0, r1: ref.r1 + deltaRows, c1: ref.c1 + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived((ref) => ({ r0: ref.r0 + rowOffset, c0: ref.c0 + columnOffset, r1: ref.r1 + rowOffset, c1: ref.c1 + columnOffset }));
  }
  /** The smallest range holding this one and `other` (same sheet). */
  getBoundingRect(other: Range | string): Range {
    return new Range(this.context, () => {
      const a = this._model();
      const b = this.other(other, a.sheet);
      return { sheet: a.sheet, r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
    });
  }
  /** The cells in both ranges; an error at sync when they do not meet (the stand-in says ItemNotFound; source?). */
  getIntersection(other: Range | string): Range {
    return new Range(this.context, () => {
      const box = this.intersect(other);
      if (!box) throw new StandInError("ItemNotFound", "The ranges do not intersect.");
      return box;
    });
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    return new Range(this.context, () => this.intersect(other), true);
  }
  private other(other: Range | string, sheet: SheetModel): RangeRef {
    if (typeof other !== "string") {
      const ref = other._model();
      if (ref.sheet !== sheet) throw new StandInError("InvalidArgument", "The ranges are on different sheets.");
      return ref;
    }
    return { sheet, ...parseAddress(other).box };
  }
  private intersect(other: Range | string): RangeRef | null {
    const a = this._model();
    const b = this.other(other, a.sheet);
    const box = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
    return box.r0 > box.r1 || box.c0 > box.c1 ? null : { sheet: a.sheet, ...box };
  }
  getSurroundingRegion(): Range {
    this.context._need("1.7", "range.getSurroundingRegion");
    return this.derived((ref) => ref.sheet.surroundingRegion({ r0: ref.r0, c0: ref.c0, r1: ref.r0, c1: ref.c0 }));
  }
  /** The used part of this range; formatted cells count unless `valuesOnly` (model.ts `usedBox`). */
  getUsedRange(valuesOnly?: boolean): Range {
    return this.derived((ref) => {
      const used = ref.sheet.usedBox(valuesOnly === true);
      const box = used && { r0: Math.max(used.r0, ref.r0), c0: Math.max(used.c0, ref.c0), r1: Math.min(used.r1, ref.r1), c1: Math.min(used.c1, ref.c1) };
      if (!box || box.r0 > box.r1 || box.c0 > box.c1) throw new StandInError("ItemNotFound", "The range holds no values.");
      return box;
    });
  }
  select(): void {
    this._call("select", [], (ref) => {
      this.context.model.selection = ref;
      this.context.model.activeSheet = ref.sheet;
    });
  }
  /**
   * Deletes the cells and moves the cells below them up (ExcelApi 1.1; the stand-in shifts up only): values,
   * number formats, formulas and styles in the range's columns. A table whose columns all lie in the range
   * moves up with the cells below, or loses the rows deleted from it (its header row cannot be deleted alone);
   * a table only partly in those columns refuses, as Excel refuses to shift part of a table. Charts,
   * PivotTables and conditional formats keep their addresses (the add-in deletes no rows near them).
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-clear-delete; how tables move: source?
   */
  delete(shift: "Up" | "Left"): void {
    this._call("delete", [shift], (ref) => {
      if (shift !== "Up") throw new StandInError("InvalidArgument", `The stand-in deletes cells with the shift "Up" only, not "${String(shift)}".`);
      const h = ref.r1 - ref.r0 + 1;
      const model = this.context.model;
      const tables = model.tables.filter((t) => t.sheet === ref.sheet && t.box.r1 >= ref.r0 && t.box.c1 >= ref.c0 && t.box.c0 <= ref.c1);
      for (const t of tables) {
        if (t.box.c0 < ref.c0 || t.box.c1 > ref.c1) throw new StandInError("InvalidOperation", `This would move cells in the table ${t.name}.`);
        if (t.box.r0 >= ref.r0 && t.box.r0 <= ref.r1 && t.box.r1 > ref.r1) throw new StandInError("InvalidOperation", `This would delete the header row of the table ${t.name}.`);
      }
      const shiftRows = <T>(rows: Map<number, (T | undefined)[]>) => {
        const moved = new Map<number, (T | undefined)[]>();
        for (const [r, row] of rows) {
          if (r < ref.r0) continue;
          const cells = row.slice(ref.c0, ref.c1 + 1);
          for (let c = ref.c0; c <= Math.min(ref.c1, row.length - 1); c++) row[c] = undefined;
          if (r > ref.r1) moved.set(r - h, cells);
        }
        for (const [r, cells] of moved) {
          let row = rows.get(r);
          if (!row) rows.set(r, (row = []));
          cells.forEach((v, j) => (row![ref.c0 + j] = v));
        }
      };
      shiftRows(ref.sheet.cells);
      shiftRows(ref.sheet.formats);
      for (const keyed of [ref.sheet.styles, ref.sheet.formulas] as Map<string, unknown>[]) {
        const moved: [string, unknown][] = [];
        for (const [key, v] of [...keyed]) {
          const [r, c] = key.split(",").map(Number);
          if (r < ref.r0 || c < ref.c0 || c > ref.c1) continue;
          keyed.delete(key);
          if (r > ref.r1) moved.push([`${r - h},${c}`, v]);
        }
        for (const [key, v] of moved) keyed.set(key, v);
      }
      for (const t of tables) {
        if (t.box.r0 > ref.r1) {
          t.box.r0 -= h;
          t.box.r1 -= h;
        } else if (t.box.r0 >= ref.r0) {
          // Wholly inside the deleted rows: the table goes.
          t.deleted = true;
          model.tables.splice(model.tables.indexOf(t), 1);
        } else t.box.r1 -= Math.min(t.box.r1, ref.r1) - Math.max(t.box.r0 + 1, ref.r0) + 1;
      }
    });
  }
  clear(): void {
    this._call("clear", [], (ref) => {
      // Only the rows and cells that hold something, so clearing whole columns ("A5:I1048576") is cheap.
      const inside = (r: number, c: number) => r >= ref.r0 && r <= ref.r1 && c >= ref.c0 && c <= ref.c1;
      for (const rows of [ref.sheet.cells, ref.sheet.formats]) {
        for (const [r, row] of rows) {
          if (r < ref.r0 || r > ref.r1) continue;
          for (let c = ref.c0; c <= Math.min(ref.c1, row.length - 1); c++) row[c] = undefined;
        }
      }
      for (const cells of [ref.sheet.styles, ref.sheet.formulas]) {
        for (const key of [...cells.keys()]) {
          const [r, c] = key.split(",").map(Number);
          if (inside(r, c)) cells.delete(key);
        }
      }
    });
  }
}

