/** Excel number formats the sheets use, and rounding of what is written (shorter payloads, no float noise). */
export const FORMAT = {
  date: "yyyy-mm-dd",
  money: "#,##0.00",
  percent: "0.0%",
  whole: "0",
  decimal: "0.00",
  text: "@",
} as const;

/** A number for a cell: NaN/∞ as a blank (Office would send null and leave the cell as it was). */
export function cellNumber(v: number, digits: number | null = null): number | string {
  if (!Number.isFinite(v)) return "";
  if (digits === null) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
