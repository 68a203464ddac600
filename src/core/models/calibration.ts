/**
 * Transactions to the summary the probabilistic models take, per customer:
 *   x   = repeat purchases: distinct purchase days − 1 (several rows on one day are one purchase);
 *   t_x = time from the first to the last purchase day;
 *   T   = time from the first purchase day to the end of calibration;
 *   z̄   = mean spend of the repeat purchase days (the first day's spend excluded; 0 when x = 0);
 * with t_x and T in an explicit unit. Only purchases on or before the calibration end count; customers
 * whose first purchase is later are not in the summary. Rows with a negative amount are returns, not
 * purchases: they are left out (and counted), so a refund neither adds a purchase nor lowers z̄. A zero
 * amount is a purchase (CDNOW has some).
 */
import { serialToIsoDate } from "../cells/dates";
import { CoreError } from "../cells/errors";
import type { CustomerId } from "../cells/coerce";
import type { Transactions } from "../transactions/model";
import { groupDaysByCustomer } from "../transactions/summary";

export type TimeUnit = "day" | "week" | "month";

export const TIME_UNITS: readonly TimeUnit[] = ["day", "week", "month"];

/**
 * Days in one unit. A month is a twelfth of the Julian year, 365.25/12 = 30.4375 days (= 4.348 weeks).
 * Conventions differ (lifetimes' CLV steps 30 days; 52.14/12 = 4.345 weeks is a 365-day year); the
 * Julian month keeps twelve months equal to one year in every unit.
 */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7, month: 365.25 / 12 };

export function isTimeUnit(value: unknown): value is TimeUnit {
  return typeof value === "string" && (TIME_UNITS as readonly string[]).includes(value);
}

const UNIT_NAMES: Readonly<Record<string, TimeUnit>> = {
  day: "day",
  days: "day",
  d: "day",
  天: "day",
  日: "day",
  week: "week",
  weeks: "week",
  w: "week",
  周: "week",
  month: "month",
  months: "month",
  m: "month",
  月: "month",
};

/** "week", "Weeks", "周" … as a TimeUnit; null when the text names none. */
export function parseTimeUnit(text: string): TimeUnit | null {
  return UNIT_NAMES[text.trim().toLowerCase()] ?? null;
}

/** A number of months in `unit`s (a month is DAYS_PER_UNIT.month days). */
export function monthsIn(unit: TimeUnit, months = 1): number {
  return (months * DAYS_PER_UNIT.month) / DAYS_PER_UNIT[unit];
}

export interface CalibrationSummary {
  customerIds: CustomerId[];
  unit: TimeUnit;
  /** End of calibration (whole-day serial). */
  calibrationEnd: number;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean spend per repeat purchase day; 0 when x = 0. */
  zbar: Float64Array;
  /** First and last purchase days (serials), and all spend up to the calibration end. */
  firstPurchase: Float64Array;
  lastPurchase: Float64Array;
  totalSpend: Float64Array;
  /** Rows left out as returns (negative amounts). */
  returns: number;
}

export interface CalibrationOptions {
  unit: TimeUnit;
  /** Serial of the last calibration day; default the latest purchase day. */
  calibrationEnd?: number | null;
}

export function calibrationSummary(tx: Transactions, options: CalibrationOptions): CalibrationSummary {
  if (!isTimeUnit(options.unit)) throw new CoreError("badUnit", { unit: String(options.unit) });
  if (tx.validRows === 0) throw new CoreError("noData");
  const perUnit = DAYS_PER_UNIT[options.unit];
  const customers = tx.customerIds.length;
  const purchases = withoutReturns(tx);
  // Only returns (every amount below 0): no purchase to date the calibration from (it once said
  // "'as_of' (0NaN-NaN-NaN) is before the first purchase").
  if (purchases.customer.length === 0) throw new CoreError("onlyReturns", { argument: "amounts", rows: tx.validRows });
  const { start, day, amount } = groupDaysByCustomer(purchases.customer, purchases.date, purchases.amount, customers);
  let latest = -Infinity;
  let earliest = Infinity;
  for (let i = 0; i < day.length; i++) {
    if (day[i] > latest) latest = day[i];
    if (day[i] < earliest) earliest = day[i];
  }
  const end = Math.floor(options.calibrationEnd ?? latest);
  if (end < earliest) {
    throw new CoreError("calibrationBeforeData", { end: serialToIsoDate(end), first: serialToIsoDate(earliest) });
  }
  // Customers who bought by the end, in input order.
  const kept: number[] = [];
  for (let c = 0; c < customers; c++) if (start[c + 1] > start[c] && day[start[c]] <= end) kept.push(c);
  const n = kept.length;
  const out: CalibrationSummary = {
    customerIds: kept.map((c) => tx.customerIds[c]),
    unit: options.unit,
    calibrationEnd: end,
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    zbar: new Float64Array(n),
    firstPurchase: new Float64Array(n),
    lastPurchase: new Float64Array(n),
    totalSpend: new Float64Array(n),
    returns: tx.validRows - purchases.customer.length,
  };
  for (let k = 0; k < n; k++) {
    const c = kept[k];
    const from = start[c];
    const first = day[from];
    let last = first;
    let days = 1;
    let firstDaySpend = 0;
    let total = 0;
    for (let i = from; i < start[c + 1] && day[i] <= end; i++) {
      if (day[i] !== last) {
        days++;
        last = day[i];
      }
      if (day[i] === first) firstDaySpend += amount[i];
      total += amount[i];
    }
    // The finite-number rule for sums: a customer's spend past the largest double is refused.
    if (total - total !== 0) throw new CoreError("sumOverflow", { field: "amounts", row: -1, value: "" });
    const repeats = days - 1;
    out.x[k] = repeats;
    out.tx[k] = (last - first) / perUnit;
    out.T[k] = (end - first) / perUnit;
    out.zbar[k] = repeats > 0 ? (total - firstDaySpend) / repeats : 0;
    out.firstPurchase[k] = first;
    out.lastPurchase[k] = last;
    out.totalSpend[k] = total;
  }
  return out;
}

/** The rows with an amount ≥ 0 (all of them, without copying, when there are no returns). */
function withoutReturns(tx: Transactions): { customer: Int32Array; date: Float64Array; amount: Float64Array } {
  const n = tx.validRows;
  let kept = 0;
  for (let i = 0; i < n; i++) if (tx.amount[i] >= 0) kept++;
  if (kept === n) return tx;
  const customer = new Int32Array(kept);
  const date = new Float64Array(kept);
  const amount = new Float64Array(kept);
  for (let i = 0, k = 0; i < n; i++) {
    if (!(tx.amount[i] >= 0)) continue;
    customer[k] = tx.customer[i];
    date[k] = tx.date[i];
    amount[k++] = tx.amount[i];
  }
  return { customer, date, amount };
}
