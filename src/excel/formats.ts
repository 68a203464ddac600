/**
 * Excel number formats the sheets use, and rounding of what is written (shorter payloads, no float noise).
 * The figures' formats come from the one rule every layer uses (src/i18n/numbers.ts).
 */
import { EXCEL_FORMAT } from "../i18n/numbers";

export const FORMAT = {
  date: "yyyy-mm-dd",
  money: EXCEL_FORMAT.money,
  percent: EXCEL_FORMAT.percent,
  whole: EXCEL_FORMAT.whole,
  decimal: EXCEL_FORMAT.decimal,
  text: "@",
} as const;

/** A number for a cell: NaN/∞ as a blank (Office would send null and leave the cell as it was). */
export function cellNumber(v: number, digits: number | null = null): number | string {
  if (!Number.isFinite(v)) return "";
  if (digits === null) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
