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

/** 10^0 … 10^22, each exact as a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * `String(x).length` for a finite x without writing it: counting a call near the cap exactly wrote every number
 * as text, about 0.7 s for 600,000 values here (docs/PERFORMANCE.md, "Whole-column formulas"). JavaScript writes
 * the shortest decimal that reads back as x (ECMA-262 Number::toString), in plain notation for 1e-6 ≤ |x| < 1e21.
 * When |x|·10^k rounds to an integer n below 2^51 and n / 10^k gives x back, k is the fewest decimals that do
 * (both operations are exact or correctly rounded, and the shortest decimal passes this test at its own k), so
 * the text is the integer part, a point and k digits. Other numbers (long date-time fractions, tiny or huge
 * values) are written out as before. test/functions/whole-column.test.ts holds it to String(x) (property).
 */
export function numberTextLength(x: number): number {
  const a = Math.abs(x);
  if (a === 0) return 1;
  if (a >= 1e-6 && a < 1e15) {
    for (let k = 0; k <= 15; k++) {
      const p = POW10[k];
      const n = Math.round(a * p);
      if (n >= 2 ** 51) break;
      if (n / p === a) {
        let digits = 1;
        while (digits < 16 && a >= POW10[digits]) digits++;
        return (x < 0 ? 1 : 0) + digits + (k > 0 ? 1 + k : 0);
      }
    }
  }
  return String(x).length;
}

/** JSON bytes of one value or range (text counted in UTF-16 units plus quotes: an estimate, exact for ASCII). */
export function dataBytes(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      // A row of one number (a column of numbers, what a big argument mostly is) without two calls a row:
      // its brackets and the number's text.
      if (Array.isArray(v) && v.length === 1 && typeof v[0] === "number") n += 2 + (Number.isFinite(v[0]) ? numberTextLength(v[0]) : 4);
      else n += dataBytes(v);
    }
    return n;
  }
  if (typeof value === "number") return Number.isFinite(value) ? numberTextLength(value) : 4;
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

/** Cells measured per range for an estimate; a range of more rows is sampled at even steps. */
const SAMPLE_ROWS = 4096;

/**
 * JSON bytes of a range, estimated from an even sample of its rows when it is long: exact counting writes
 * every number as text (about a second for 500,000 date-time cells here), the sample a few milliseconds.
 */
export function estimatedBytes(value: unknown): number {
  if (!Array.isArray(value) || value.length <= SAMPLE_ROWS) return dataBytes(value);
  const step = value.length / SAMPLE_ROWS;
  let sampled = 0;
  for (let k = 0; k < SAMPLE_ROWS; k++) sampled += dataBytes(value[Math.floor(k * step)]) + 1;
  return 2 + Math.round((sampled * value.length) / SAMPLE_ROWS);
}

/** Within this share of the cap an estimate is not trusted: the arguments are counted exactly. */
const EXACT_MARGIN = 0.1;

/** Arguments over the cap: a sentence with their size, their rows and the rows a formula can carry; else null. */
export function inputSizeProblem(args: readonly unknown[], m: Messages): string | null {
  const total = (measure: (v: unknown) => number) => args.reduce((n: number, a) => n + measure(a) + 1, 2);
  let bytes = total(estimatedBytes);
  if (bytes < FUNCTION_DATA_LIMIT * (1 - EXACT_MARGIN)) return null;
  if (bytes <= FUNCTION_DATA_LIMIT * (1 + EXACT_MARGIN)) bytes = total(dataBytes);
  if (bytes <= FUNCTION_DATA_LIMIT) return null;
  const rows = rowsOf(args);
  return m.excelLimits.tooMuchInput(bytes, rows, rowsThatFit(bytes, rows));
}

/** A result over the cap (Excel would leave the cell at #BUSY!): a sentence saying how many rows fit; else null. */
export function outputSizeProblem(result: unknown, m: Messages): string | null {
  let bytes = estimatedBytes(result);
  if (bytes < FUNCTION_DATA_LIMIT * (1 - EXACT_MARGIN)) return null;
  if (bytes <= FUNCTION_DATA_LIMIT * (1 + EXACT_MARGIN)) bytes = dataBytes(result);
  if (bytes <= FUNCTION_DATA_LIMIT) return null;
  const rows = Array.isArray(result) ? result.length : 1;
  return m.excelLimits.tooMuchOutput(bytes, rows, rowsThatFit(bytes, rows));
}
