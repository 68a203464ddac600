/**
 * What Excel makes of text written into a cell, apart from the workbook model because it is a rule
 * of its own (with its own test in test/excel/text.test.ts) that only `Range.values` applies.
 */

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
 * That text starting with =, + or - is read as a formula is documented for Range.values
 * (https://learn.microsoft.com/javascript/api/excel/excel.range); the number, percent, boolean and date
 * readings follow Excel (en-US) as typed into a cell. source?
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
