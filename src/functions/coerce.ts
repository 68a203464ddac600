/**
 * Excel arguments to core inputs. Ranges arrive as 2-D arrays (rows of cells); an omitted optional
 * argument arrives as null; a blank cell as null, "" or (old builds) 0; a date as a serial number;
 * an error cell as an error object. Every check throws an ArgumentError worded for the user.
 */
import { isSerialInRange } from "../core/cells/dates";
import { cellText, isBlank, readDateCell, readNumberCell, type CellRead } from "../core/cells/coerce";
import type { ProblemLog } from "../core/cells/problems";
import type { Messages } from "../i18n";
import { badNumberText, describeProblems } from "../i18n/describe";
import { ArgumentError } from "./errors";

export type Range = unknown[][];

/** True when an optional argument was left out (or given as a blank cell). */
export function isOmitted(arg: unknown): boolean {
  if (arg === null || arg === undefined) return true;
  if (Array.isArray(arg)) return arg.length === 0 || (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1 && isBlank(arg[0][0]));
  return isBlank(arg);
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
}

/** A range that must be one column (or one row) as a flat list of cells. */
export function column(arg: unknown, name: string, m: Messages): Column {
  if (!Array.isArray(arg)) return { cells: [arg], horizontal: false };
  const rows = arg as Range;
  if (rows.length === 0) throw new ArgumentError(m.errors.noData(name));
  const width = rows[0].length;
  if (width === 1) return { cells: rows.map((r) => r[0]), horizontal: false };
  if (rows.length === 1) return { cells: rows[0].slice(), horizontal: true };
  throw new ArgumentError(m.errors.notOneColumn(name, width));
}

/** Columns of one length, or an error naming both sizes. */
export function sameLength(m: Messages, ...cols: { name: string; column: Column }[]): void {
  const [first, ...rest] = cols;
  for (const c of rest) {
    if (c.column.cells.length !== first.column.cells.length) {
      throw new ArgumentError(m.errors.sizeMismatch(first.name, first.column.cells.length, c.name, c.column.cells.length));
    }
  }
}

/** Throws the first row problem of a log, worded with the argument and 1-based row. */
export function throwIfProblems(log: ProblemLog, m: Messages): void {
  if (log.count > 0) throw new ArgumentError(describeProblems(log.problems, log.count, m));
}

export function optionalNumber(arg: unknown, name: string, fallback: number | undefined, m: Messages): number | undefined {
  if (isOmitted(arg)) return fallback;
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

/** Lays a flat list of results back out in the orientation of the input column. */
export function reshape<T>(values: T[], horizontal: boolean): T[][] {
  return horizontal ? [values] : values.map((v) => [v]);
}
