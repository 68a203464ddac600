/**
 * Excel's cap on a custom function's data, checked before the work and on the result, so a formula over a
 * big range gets a sentence with the figures and a way out (the task pane reads in blocks) instead of what
 * Excel does on its own: on the web a call whose arguments pass 5 MB is refused (#CALC! for whole-column
 * arguments, office-js #4613; "custom functions get at most 5 MB of data", office-js #4654) and a result
 * over it stays at #BUSY! (office-js #2786).
 *
 * Sizes are counted as Excel serialises the values for the call: JSON (numbers as their shortest text,
 * text quoted, a cell separator and brackets per row). A transaction row of customer id, date-time serial and
 * amount (`=TIER.RFM(A2:A…, B2:B…, C2:C…)`, three single-column ranges) costs about 35 bytes, so a formula
 * carries about 150,000 such rows (docs/FUNCTIONS.md gives the figure; test/functions/size.test.ts measures it).
 */
import type { Messages } from "../i18n";

/** 5 MB: the cap Excel on the web puts on a custom function's arguments and on its result. */
export const FUNCTION_DATA_LIMIT = 5 * 1024 * 1024;

/** JSON bytes of one value or range (text counted in UTF-16 units plus quotes: an estimate, exact for ASCII). */
export function dataBytes(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const v of value) n += dataBytes(v);
    return n;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === "string") return value.length + 2;
  if (typeof value === "boolean") return value ? 4 : 5;
  return 4; // null, or an error object, which Excel sends as a short code
}

/** Rows of the tallest range (a single row counts its cells: one-row ranges are read across). */
function rowsOf(values: readonly unknown[]): number {
  let rows = 0;
  for (const v of values) {
    if (!Array.isArray(v)) continue;
    rows = Math.max(rows, v.length === 1 && Array.isArray(v[0]) ? v[0].length : v.length);
  }
  return Math.max(rows, 1);
}

/** Rows of data like these that fit in the cap. */
const rowsThatFit = (bytes: number, rows: number) => Math.floor(FUNCTION_DATA_LIMIT / Math.max(1, bytes / rows));

/** Arguments over the cap: a sentence with their size, their rows and the rows a formula can carry; else null. */
export function inputSizeProblem(args: readonly unknown[], m: Messages): string | null {
  let bytes = 2;
  for (const a of args) bytes += dataBytes(a) + 1;
  if (bytes <= FUNCTION_DATA_LIMIT) return null;
  const rows = rowsOf(args);
  return m.excelLimits.tooMuchInput(bytes, rows, rowsThatFit(bytes, rows));
}

/** A result over the cap (Excel would leave the cell at #BUSY!): a sentence saying how many rows fit; else null. */
export function outputSizeProblem(result: unknown, m: Messages): string | null {
  const bytes = dataBytes(result);
  if (bytes <= FUNCTION_DATA_LIMIT) return null;
  const rows = Array.isArray(result) ? result.length : 1;
  return m.excelLimits.tooMuchOutput(bytes, rows, rowsThatFit(bytes, rows));
}
