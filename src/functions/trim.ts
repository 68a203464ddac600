/**
 * Trailing blank rows of tall ranges, dropped before anything else looks at the arguments. A formula
 * over whole columns (`=TIER.RFM(A:A,B:B,C:C)`) hands a function 1,048,576 rows however few hold data:
 * Excel on Windows sends each empty cell as 0, Excel on the web as null (office-js #4702, #5262; coerce.ts).
 * Counted as they come, those blanks alone are 3 to 6 MB per column, so the 5 MB check (size.ts) refused
 * every whole-column formula, and reading them cost seconds; a blank row is no data, so it is dropped
 * first and the check and the work see the rows that hold data (issue 12: whole-column inputs under 0.5 s).
 *
 * Only ranges taller than TALL_ROWS are trimmed (whole columns and generous ranges like A2:A100000), and
 * ranges of one height together, to the last row where any of them holds data: ranges that had the same
 * height keep it, so the functions' "same size" rules see what they saw, and rows are still numbered from
 * the top. Ranges of different heights are trimmed apart, so each keeps the height it was given
 * (`heightBeforeTrim`), which the "same size" rule compares (coerce.ts sameLength): `A:A` beside `B2:B1048576`
 * is one row off, and once both were cut to their data they looked alike and were read side by side, each
 * customer with the next row's date (issue 12: silent wrong values). A cell is blank when it is empty (null, "", white space) or 0, the blank of Windows; a row of
 * zeros only is a blank row wherever the functions read rows (coerce.ts). The arrays are shortened in
 * place (`length`), which costs nothing, so the functions' bodies, which close over their arguments, see it.
 */
import { isBlank } from "../core/cells/coerce";

/** The height each trimmed range had as Excel gave it. */
const GIVEN = new WeakMap<object, number>();

/** A range's height before trimTrailingBlankRows shortened it; undefined when it was not shortened. */
export function heightBeforeTrim(range: unknown): number | undefined {
  return typeof range === "object" && range !== null ? GIVEN.get(range) : undefined;
}

/** Ranges taller than this are trimmed; shorter ones are left exactly as given. */
export const TALL_ROWS = 10_000;

/** Blank as coerce.ts reads it, or 0; the common cases (0, null) first, as this runs on a million cells. */
function blankCell(cell: unknown): boolean {
  return cell === 0 || cell === null || cell === undefined || (typeof cell === "string" && isBlank(cell));
}

function blankRow(row: unknown): boolean {
  if (!Array.isArray(row)) return blankCell(row);
  for (let k = 0; k < row.length; k++) if (!blankCell(row[k])) return false;
  return true;
}

/**
 * One past the last row of `range` at or below `floor` that holds data, scanning up from the bottom; `floor`
 * when every row from there down is blank. The blank tail of a whole column is most of a million rows, so
 * the common row (one cell, 0 or null) is tested inline before the general test: about 5 ns a row where a
 * call per row took 60 (docs/PERFORMANCE.md, "Whole-column formulas").
 */
function dataEnd(range: readonly unknown[], floor: number): number {
  let i = range.length - 1;
  for (; i >= floor; i--) {
    const row = range[i];
    if (Array.isArray(row) && row.length === 1) {
      const cell: unknown = row[0];
      if (cell === 0 || cell === null) continue;
    }
    if (!blankRow(row)) break;
  }
  return i + 1;
}

/** Shortens each group of tall ranges of one height to its last row with data (at least one row). */
export function trimTrailingBlankRows(args: readonly unknown[]): void {
  const groups = new Map<number, unknown[][]>();
  for (const arg of args) {
    if (!Array.isArray(arg) || arg.length <= TALL_ROWS) continue;
    const group = groups.get(arg.length);
    if (group) {
      if (!group.includes(arg)) group.push(arg);
    } else groups.set(arg.length, [arg]);
  }
  // Every trailing row is looked at (a cell far below the data is still data), so a whole column's cost is
  // reading its blank tail once; the group's end is the furthest of its ranges' ends, so each range after
  // the first is scanned only down to the end found so far.
  for (const [height, ranges] of groups) {
    let end = 1;
    for (const range of ranges) end = Math.max(end, dataEnd(range, end));
    if (end < height) {
      for (const range of ranges) {
        GIVEN.set(range, height);
        range.length = end;
      }
    }
  }
}
