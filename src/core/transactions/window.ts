/**
 * Calendar arithmetic for "as of a date, over a window": the start of an N-month window and the
 * month and quarter a day falls in. Kept at the transactions level because the customer summary
 * (frequency and monetary over the window) and the over-time folder (snapshot dates, cohorts) must
 * agree on the same calendar to the day.
 *
 * A window of N months ending on day D is (EDATE(D, −N), D]: it starts the day after the same day
 * N months earlier, clamped to that month's end as Excel's EDATE does
 * (https://support.microsoft.com/office/edate-function-3c920eb2-6e66-44e7-a1f5-753ae47ee4f5), so the
 * 12-month window to 2011-12-09 holds 2010-12-10 … 2011-12-09, and the 1-month window to 2024-03-31
 * holds 2024-03-01 … 2024-03-31.
 */
import type { CoreProblem } from "../cells/errors";
import { partsFromSerial, serialFromParts } from "../cells/dates";

/** Longest window accepted: 100 years, far beyond any transaction log. */
export const MAX_WINDOW_MONTHS = 1200;

/** What is wrong with a window length (null and undefined mean "all history"). */
export function windowProblems(months: number | null | undefined): CoreProblem[] {
  if (months === null || months === undefined) return [];
  return Number.isInteger(months) && months >= 1 && months <= MAX_WINDOW_MONTHS ? [] : [{ code: "badWindow", details: { value: months, max: MAX_WINDOW_MONTHS } }];
}

/** EDATE: the same day `months` months later (earlier when negative), clamped to the month's last day; whole days. */
export function shiftMonths(serial: number, months: number): number {
  const { year, month, day } = partsFromSerial(serial);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = daysInMonth(y, m);
  return serialFromParts(y, m, Math.min(day, last));
}

function daysInMonth(year: number, month: number): number {
  return Math.round(serialFromParts(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - serialFromParts(year, month, 1));
}

/**
 * The last whole day before an N-month window ending on `asOf` (a row counts in the window when its
 * day is after this and on or before asOf); −Infinity for no window.
 */
export function windowExclusiveStart(asOf: number, months: number | null | undefined): number {
  return months === null || months === undefined ? -Infinity : shiftMonths(Math.floor(asOf), -months);
}

export type CalendarPeriod = "month" | "quarter";

/** Index of the month (year·12 + month − 1) or quarter (year·4 + quarter − 1) a day falls in. */
export function periodIndex(serial: number, by: CalendarPeriod): number {
  const { year, month } = partsFromSerial(serial);
  return by === "month" ? year * 12 + month - 1 : year * 4 + Math.floor((month - 1) / 3);
}

/** First day (serial) of a period index. */
export function periodStart(index: number, by: CalendarPeriod): number {
  const months = by === "month" ? index : index * 3;
  const year = Math.floor(months / 12);
  return serialFromParts(year, months - year * 12 + 1, 1);
}

/** Last day (serial) of a period index. */
export function periodEnd(index: number, by: CalendarPeriod): number {
  return periodStart(index + 1, by) - 1;
}

/** "2010-12" for a month, "2010-Q4" for a quarter. */
export function periodLabel(index: number, by: CalendarPeriod): string {
  if (by === "month") {
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}`;
  }
  const year = Math.floor(index / 4);
  return `${String(year).padStart(4, "0")}-Q${index - year * 4 + 1}`;
}
