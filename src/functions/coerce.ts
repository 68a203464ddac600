/**
 * Excel arguments to core inputs. Ranges arrive as 2-D arrays (rows of cells); an omitted optional
 * argument arrives as null; a date as a serial number; an error cell as an error object (the build sets
 * allowErrorForDataTypeAny: scripts/function-error-inputs.cjs). Every check throws an ArgumentError worded
 * for the user.
 *
 * Blank cells differ by host: Excel on the web sends an empty cell as null, Excel on Windows as 0, both as a
 * scalar argument and inside a range (office-js #4702, #5262, #1951), and a function cannot tell that 0 from a
 * typed 0. The rule, one per argument kind (docs/FUNCTIONS.md, "Blank cells on every host"):
 * - an optional scalar that is 0 is omitted (`isOmitted`), except where 0 is a meaningful value
 *   (`zeroIsValue`: seed, control_share, monthly_discount, new_days), where it is 0, as Excel's own functions read
 *   a blank cell;
 * - in a range, 0 is blank where 0 cannot be a value of that argument (`zeroAsBlank`): customer ids and tiers
 *   (labels), dates (serial 0 is no date), ABC values (0 holds no share of the total), frequency (a customer
 *   has bought at least once), a migration measure (0 and blank add the same), bounds of segment rules (scores
 *   run 1 to 10), breakpoints after the last non-zero one (breakpoints rise);
 * - elsewhere 0 is a value (an amount, a score metric, a weight, a CLV input), so on Windows an empty cell there
 *   counts as 0; a row of zeros only is a blank row wherever rows are read.
 */
import { isSerialInRange } from "../core/cells/dates";
import { cellText, isBlank, readDateCell, readNumberCell, type CellRead } from "../core/cells/coerce";
import type { ProblemLog } from "../core/cells/problems";
import type { Messages } from "../i18n";
import { badNumberText, describeProblems } from "../i18n/describe";
import { ArgumentError } from "./errors";
import { heightBeforeTrim } from "./trim";

export type Range = unknown[][];

/**
 * True when an optional argument was left out or given as a blank cell: null (omitted, or blank on the web),
 * blank text, or 0 (blank on Windows) unless `zeroIsValue`.
 */
export function isOmitted(arg: unknown, zeroIsValue = false): boolean {
  if (arg === null || arg === undefined) return true;
  const blank = (cell: unknown) => isBlank(cell) || (!zeroIsValue && cell === 0);
  if (Array.isArray(arg)) return arg.length === 0 || (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1 && blank(arg[0][0]));
  return blank(arg);
}

/** The cells with every number 0 read as blank (null): for arguments where 0 cannot be a value (see above). */
export function zeroAsBlank(cells: readonly unknown[]): unknown[] {
  return cells.map((c) => (c === 0 ? null : c));
}

/** The single cell of a scalar argument (a 1×1 range is unwrapped). */
export function scalar(arg: unknown): unknown {
  let v = arg;
  while (Array.isArray(v) && v.length === 1) v = v[0];
  return v;
}

/**
 * The one cell of an argument that takes one cell. A range of several cells there is refused by its
 * size ("a range of 1,048,576 cells; give one cell"), never echoed: `=TIER.RFM(A:A,B:B,C:C,D:D)` puts a
 * whole column where `as_of` belongs.
 */
export function oneCell(arg: unknown, name: string, m: Messages): unknown {
  const cell = scalar(arg);
  if (Array.isArray(cell)) {
    let cells = 0;
    for (const row of arg as unknown[]) cells += Array.isArray(row) ? row.length : 1;
    throw new ArgumentError(m.hostile.oneCell(name, cells));
  }
  return cell;
}

export interface Column {
  cells: unknown[];
  /** The range was a single row (1×n): results go back as a row. */
  horizontal: boolean;
  /** The height Excel gave a tall range whose trailing blank rows were dropped (trim.ts); the "same size" rule compares it. */
  given?: number;
}

/** A row's first cell. */
const first = (row: unknown[]): unknown => row[0];
/** A row's first cell, 0 read as blank. */
const firstZeroAsBlank = (row: unknown[]): unknown => {
  const cell = row[0];
  return cell === 0 ? null : cell;
};

/**
 * A range that must be one column (or one row) as a flat list of cells; with `zeroIsBlank`, 0 is blank (see above).
 * A column's cells are taken and read in one pass (one array, not a copy and then a copy with 0 as null): every
 * call over a tall range pays it (issue 12: whole-column inputs under 0.5 s).
 */
export function column(arg: unknown, name: string, m: Messages, zeroIsBlank = false): Column {
  if (!Array.isArray(arg)) return { cells: [zeroIsBlank && arg === 0 ? null : arg], horizontal: false };
  const rows = arg as Range;
  if (rows.length === 0) throw new ArgumentError(m.errors.noData(name));
  const width = rows[0].length;
  if (width === 1) return { cells: rows.map(zeroIsBlank ? firstZeroAsBlank : first), horizontal: false, given: heightBeforeTrim(rows) };
  if (rows.length === 1) return { cells: zeroIsBlank ? zeroAsBlank(rows[0]) : rows[0].slice(), horizontal: true };
  throw new ArgumentError(m.errors.notOneColumn(name, width));
}

/**
 * Columns of one length, or an error naming both sizes. Two tall ranges whose trailing blank rows were dropped
 * (trim.ts) are compared by the heights Excel gave them, so ranges of different heights stay different however
 * much of each was blank (`A:A` beside `B2:B1048576` is refused, not read one row apart).
 */
export function sameLength(m: Messages, ...cols: { name: string; column: Column }[]): void {
  const [first, ...rest] = cols;
  for (const c of rest) {
    const a = first.column;
    const b = c.column;
    const [sizeA, sizeB] = a.given !== undefined && b.given !== undefined ? [a.given, b.given] : [a.cells.length, b.cells.length];
    if (sizeA !== sizeB || a.cells.length !== b.cells.length) {
      throw new ArgumentError(m.errors.sizeMismatch(first.name, a.given ?? a.cells.length, c.name, b.given ?? b.cells.length));
    }
  }
}

/** Throws the first row problem of a log, worded with the argument and 1-based row. */
export function throwIfProblems(log: ProblemLog, m: Messages): void {
  if (log.count > 0) throw new ArgumentError(describeProblems(log.problems, log.count, m));
}

/** An optional number; 0 means omitted (a blank cell on Windows) unless `zeroIsValue` (see above). */
export function optionalNumber(arg: unknown, name: string, fallback: number | undefined, m: Messages, zeroIsValue = false): number | undefined {
  if (isOmitted(arg, zeroIsValue)) return fallback;
  const cell = oneCell(arg, name, m);
  const read = readNumberCell(cell, { status: "ok", value: 0 });
  if (read.status !== "ok") throw new ArgumentError(m.errors.rowProblem(m.errors.argument(name), badNumberText(cell, m)));
  return read.value;
}

export function optionalBoolean(arg: unknown, name: string, fallback: boolean, m: Messages): boolean {
  if (isOmitted(arg)) return fallback;
  const cell = oneCell(arg, name, m);
  if (typeof cell === "boolean") return cell;
  if (cell === 1 || cell === 0) return cell === 1;
  if (typeof cell === "string") {
    const t = cell.trim().toUpperCase();
    if (t === "TRUE" || t === "真" || t === "是") return true;
    if (t === "FALSE" || t === "假" || t === "否") return false;
  }
  throw new ArgumentError(m.errors.badBoolean(name, cellText(cell)));
}

export function optionalText(arg: unknown, fallback: string, name: string, m: Messages): string {
  if (isOmitted(arg)) return fallback;
  return cellText(oneCell(arg, name, m)).trim();
}

/** The optional as_of argument (a date cell or date text) as a serial. */
export function optionalDate(arg: unknown, m: Messages): number | undefined {
  if (isOmitted(arg)) return undefined;
  const cell = oneCell(arg, "as_of", m);
  const read: CellRead = readDateCell(cell, { status: "ok", value: 0 });
  if (read.status !== "ok" || !isSerialInRange(read.value)) throw new ArgumentError(m.errors.badAsOf(cellText(cell)));
  return read.value;
}

/**
 * A label per code (a class, a group), laid out in the orientation of the input column. A column's rows are one
 * array per label, shared by every row that holds it: a spilled result is only read (Excel's runtime serialises
 * it; nothing here writes into a result's rows), and a million one-cell arrays that all survive the call were most
 * of a whole-column call's garbage-collection time (issue 12: ABCCLASS on 647,639 rows spent 180 ms collecting
 * them). Not frozen: frozen arrays have maps of their own, and the result checks that read every function's rows
 * (errors.ts checkSpill, size.ts) ran slower once they had met them (ABCCLASS 404 against 278 ms, median of three).
 */
export function labelRows(codes: Uint8Array, label: (code: number) => string, horizontal: boolean): string[][] {
  if (horizontal) return [Array.from(codes, label)];
  const rowOf: (string[] | undefined)[] = new Array(256);
  const out: string[][] = new Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    out[i] = rowOf[code] ??= [label(code)];
  }
  return out;
}
