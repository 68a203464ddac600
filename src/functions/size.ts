/**
 * Excel's cap on a custom function's data, checked before the work and on the result, so a formula over a
 * big range gets a sentence with the figures and a way out (the task pane reads in blocks) instead of what
 * Excel does on its own: on the web a call whose arguments pass 5 MB is refused (#CALC! for whole-column
 * arguments, office-js #4613; "custom functions get at most 5 MB of data", office-js #4654) and a result
 * over it stays at #BUSY! (office-js #2786).
 *
 * Sizes are counted as Excel serialises the values for the call: JSON (numbers as their shortest text,
 * text quoted, a cell separator and brackets per row), the length JSON.stringify gives (text in UTF-16 units,
 * escapes included; an error cell counted as null). A transaction row of customer id, date-time serial and
 * amount (`=TIER.RFM(A2:A…, B2:B…, C2:C…)`, three single-column ranges) costs about 35 bytes, so a formula
 * carries about 150,000 such rows (docs/FUNCTIONS.md gives the figure; test/functions/size.test.ts measures it).
 *
 * Every call pays this count twice (arguments, result), so it must cost little beside the work (issue 12:
 * whole-column inputs under 0.5 s). Far from the cap an even sample decides; near it the count is exact where
 * it decides, without writing numbers as text: a number of up to 15 significant digits has its exact length by
 * arithmetic (numberTextBound), and a full-precision double (16 or 17 digits: every computed value) is counted
 * as an interval of one byte. The sum is then an interval [bytes, bytes + loose]; when the cap is outside it
 * the answer is known, and only when the cap falls inside it are those doubles written as text, one at a time,
 * until the interval is on one side (settle). test/functions/size-decision.test.ts holds the decision to
 * JSON.stringify's (property, near the cap).
 */
import type { Messages } from "../i18n";

/** 5 MB: the cap Excel on the web puts on a custom function's arguments and on its result. */
export const FUNCTION_DATA_LIMIT = 5 * 1024 * 1024;

/** 10^0 … 10^22, each exact as a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** The doubles nearest 10^0 … 10^-6 (as the literals `1e-j` read). */
const NEG10 = Array.from({ length: 7 }, (_, j) => Number(`1e-${j}`));

/**
 * Twice a lower bound on `String(x).length` for a finite x, plus 1 when the text may be one longer; exact (even)
 * for every number of up to 15 significant digits, without writing it. JavaScript writes the shortest decimal that
 * reads back as x (ECMA-262 Number::toString), in plain notation for 1e-6 ≤ |x| < 1e21. For 1e-6 ≤ |x| < 1e15:
 * - the text's integer digits ("0" below 1) and, below 1, its zeros after the point are found by comparing |x|
 *   with 10^j and with the doubles nearest 10^-j (reading decimals back is monotonic, and that double is "1e-j");
 * - at k15 decimals (15 significant digits), |x|·10^k15 rounds to an integer n and n / 10^k15 gives x back exactly
 *   when a decimal of up to 15 significant digits reads back as x: that decimal times 10^k15 is an integer below
 *   10^15 < 2^53, within 0.11 of |x|·10^k15 (x is within half an ulp of it) plus the product's rounding (≤ 1/16),
 *   so n is that integer and the correctly rounded n / 10^k15 (10^k exact for k ≤ 22) is x;
 * - if it does, the fewest decimals k that pass the same test give the text: the integer part, a point and k digits;
 * - if not, x has 16 or 17 significant digits, more than its integer part, so its text is those digits and a point
 *   (|x| ≥ 1) or "0.", the zeros and the digits (|x| < 1): a length known to one byte (a "loose" number).
 * Other numbers (tiny, huge) are written out. test/functions/size-decision.test.ts holds it to String(x) (property).
 */
export function numberTextBound(x: number): number {
  const a = Math.abs(x);
  if (a === 0) return 2;
  if (a >= 1e-6 && a < 1e15) {
    const sign = x < 0 ? 1 : 0;
    let digits = 1;
    while (a >= POW10[digits]) digits++;
    if (Math.floor(a) === a) return 2 * (sign + digits); // an integer (ids, dates: most arguments' cells)
    let zeros = 0;
    if (a < 1) while (a < NEG10[zeros + 1]) zeros++;
    const k15 = a >= 1 ? 15 - digits : 15 + zeros;
    const p15 = POW10[k15];
    if (Math.round(a * p15) / p15 !== a) return 2 * (sign + (a >= 1 ? 17 : 18 + zeros)) + 1;
    for (let k = 0; k <= k15; k++) {
      const p = POW10[k];
      if (Math.round(a * p) / p === a) return 2 * (sign + digits + (k > 0 ? 1 + k : 0));
    }
  }
  return 2 * String(x).length;
}

/** `String(x).length` for a finite x, written out only for a full-precision double (numberTextBound). */
export function numberTextLength(x: number): number {
  const bound = numberTextBound(x);
  return bound & 1 ? String(x).length : bound >> 1;
}

/** `JSON.stringify(s).length`: the text, its quotes, and an escape for a quote, backslash, control character or lone surrogate. */
function jsonTextLength(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s).length;
  }
  return s.length + 2;
}

/** A count in progress: `bytes` counted, and `loose` full-precision numbers each of which may be one byte more. */
interface Count {
  bytes: number;
  loose: number;
}

/** Adds one value's JSON length to `c` (one pass, no text written but for text cells). */
function countValue(value: unknown, c: Count): void {
  if (typeof value === "number") {
    if (value - value !== 0) c.bytes += 4; // NaN, ±Infinity: null in JSON (a result never holds one: errors.ts)
    else {
      const bound = numberTextBound(value);
      c.bytes += bound >> 1;
      c.loose += bound & 1;
    }
  } else if (Array.isArray(value)) {
    const n = value.length;
    c.bytes += n === 0 ? 2 : n + 1;
    for (let i = 0; i < n; i++) {
      const v: unknown = value[i];
      // A row of a range, and a number in a row (what a big range mostly holds), without a call per row or cell.
      if (Array.isArray(v)) {
        const width = v.length;
        c.bytes += width === 0 ? 2 : width + 1;
        for (let k = 0; k < width; k++) {
          const cell: unknown = v[k];
          if (typeof cell === "number" && cell - cell === 0) {
            const bound = numberTextBound(cell);
            c.bytes += bound >> 1;
            c.loose += bound & 1;
          } else countValue(cell, c);
        }
      } else if (typeof v === "number" && v - v === 0) {
        const bound = numberTextBound(v);
        c.bytes += bound >> 1;
        c.loose += bound & 1;
      } else countValue(v, c);
    }
  } else if (typeof value === "string") c.bytes += jsonTextLength(value);
  else if (typeof value === "boolean") c.bytes += value ? 4 : 5;
  else c.bytes += 4; // null, undefined, or an error object, which Excel sends as a short code
}

/**
 * Writes the loose numbers of `value` as text, in order, moving their byte from `loose` into `bytes` when the text
 * is the longer one, until `done(c)`; true once done (the rest is not looked at).
 */
function settle(value: unknown, c: Count, done: (c: Count) => boolean): boolean {
  if (typeof value === "number") {
    if (value - value === 0) {
      const bound = numberTextBound(value);
      if (bound & 1) {
        c.bytes += String(value).length - (bound >> 1);
        c.loose--;
        return done(c);
      }
    }
    return false;
  }
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) if (settle(value[i], c, done)) return true;
  return false;
}

/** The exact count of `value`. */
function exactCount(value: unknown): Count {
  const c: Count = { bytes: 0, loose: 0 };
  countValue(value, c);
  if (c.loose > 0) settle(value, c, (s) => s.loose === 0);
  return c;
}

/** JSON bytes of one value or range, exactly (`JSON.stringify(value).length`, an error cell as null). */
export function dataBytes(value: unknown): number {
  return exactCount(value).bytes;
}

/**
 * Whether `value`'s JSON passes `cap`, decided exactly: the interval count first, then the loose numbers written
 * only while the cap is inside the interval, and all of them once it is passed (the message gives the size).
 * The bytes are exact when over, a bound within the cap when not.
 */
export function overCap(value: unknown, cap: number): { over: boolean; bytes: number } {
  const c: Count = { bytes: 0, loose: 0 };
  countValue(value, c);
  if (c.bytes + c.loose > cap) settle(value, c, (s) => s.loose === 0 || s.bytes + s.loose <= cap);
  return { over: c.bytes > cap, bytes: c.bytes };
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

/** A sample's bytes, a loose number counted as half a byte more. */
function sampleBytes(value: unknown): number {
  const c: Count = { bytes: 0, loose: 0 };
  countValue(value, c);
  return c.bytes + c.loose / 2;
}

/**
 * JSON bytes of a range, estimated from an even sample of its rows when it is long (a few milliseconds for a
 * million rows; the count reads every cell).
 */
export function estimatedBytes(value: unknown): number {
  if (!Array.isArray(value) || value.length <= SAMPLE_ROWS) return sampleBytes(value);
  const step = value.length / SAMPLE_ROWS;
  let sampled = 0;
  for (let k = 0; k < SAMPLE_ROWS; k++) sampled += sampleBytes(value[Math.floor(k * step)]) + 1;
  return 1 + Math.round((sampled * value.length) / SAMPLE_ROWS);
}

/** Within this share of the cap an estimate is not trusted: the data are counted, exactly where it decides. */
const EXACT_MARGIN = 0.1;

/** The estimate when it is far from the cap, else the exact decision; null when within the cap. */
function capProblem(value: unknown, estimate: number): number | null {
  if (estimate < FUNCTION_DATA_LIMIT * (1 - EXACT_MARGIN)) return null;
  if (estimate > FUNCTION_DATA_LIMIT * (1 + EXACT_MARGIN)) return estimate;
  const { over, bytes } = overCap(value, FUNCTION_DATA_LIMIT);
  return over ? bytes : null;
}

/** Arguments over the cap: a sentence with their size, their rows and the rows a formula can carry; else null. */
export function inputSizeProblem(args: readonly unknown[], m: Messages): string | null {
  // The arguments as one JSON array: brackets, a comma between arguments, each argument.
  const estimate = args.reduce((n: number, a) => n + estimatedBytes(a), 1 + Math.max(1, args.length));
  const bytes = capProblem(args, estimate);
  if (bytes === null) return null;
  const rows = rowsOf(args);
  return m.excelLimits.tooMuchInput(bytes, rows, rowsThatFit(bytes, rows));
}

/** A result over the cap (Excel would leave the cell at #BUSY!): a sentence saying how many rows fit; else null. */
export function outputSizeProblem(result: unknown, m: Messages): string | null {
  const bytes = capProblem(result, estimatedBytes(result));
  if (bytes === null) return null;
  const rows = Array.isArray(result) ? result.length : 1;
  return m.excelLimits.tooMuchOutput(bytes, rows, rowsThatFit(bytes, rows));
}
