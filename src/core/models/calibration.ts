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
 *
 * Built on the streaming per-customer summary (transactions/stream.ts), so `tier fit` and `tier predict`
 * reading a file chunk by chunk and the functions reading a range compute it one way. z̄ is the exact sum
 * of a customer's repeat-day amounts rounded once (math/exact-sum.ts), so it does not depend on the rows'
 * order at all (issue 12; before, it was the input-order total less the first day's spend).
 */
import { serialToIsoDate } from "../cells/dates";
import { foldName } from "../cells/names";
import { ownValue } from "../cells/words";
import { CoreError } from "../cells/errors";
import type { CustomerId } from "../cells/coerce";
import type { Transactions } from "../transactions/model";
import { CustomerStream, type StreamPlan } from "../transactions/stream";

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
  // Own keys only: "constructor" is no unit (words.ts).
  return ownValue(UNIT_NAMES, foldName(text)) ?? null;
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
  const stream = new CustomerStream(calibrationPlan(options.calibrationEnd));
  const { customer, date, amount, sourceRow } = tx;
  for (let i = 0; i < tx.validRows; i++) stream.add(customer[i], date[i], amount[i], sourceRow[i]);
  return calibrationFromStream(stream, tx.customerIds, options);
}

/** The stream plan of a calibration summary: returns left out, rows after a given end left out, distinct days counted, repeat spend summed exactly. */
export function calibrationPlan(calibrationEnd: number | null | undefined): StreamPlan {
  return { lastDay: calibrationEnd === null || calibrationEnd === undefined ? Infinity : Math.floor(calibrationEnd), countAfter: -Infinity, dropReturns: true, days: true, repeatSpend: true };
}

/**
 * The calibration summary of a stream fed under `calibrationPlan` (a file streamed by the CLI, or
 * `calibrationSummary`'s transactions). Customers who bought by the end, in the caller's numbering
 * (first appearance among every row). The total spend adds in input order; z̄ is order-free.
 */
export function calibrationFromStream(stream: CustomerStream, ids: readonly CustomerId[], options: CalibrationOptions): CalibrationSummary {
  if (!isTimeUnit(options.unit)) throw new CoreError("badUnit", { unit: String(options.unit) });
  if (stream.rows === 0) throw new CoreError("noData");
  const perUnit = DAYS_PER_UNIT[options.unit];
  // Only returns (every amount below 0): no purchase to date the calibration from (it once said
  // "'as_of' (0NaN-NaN-NaN) is before the first purchase").
  if (stream.rows === stream.returns) throw new CoreError("onlyReturns", { argument: "amounts", rows: stream.rows });
  const earliest = Math.floor(stream.minPurchase);
  const end = Math.floor(options.calibrationEnd ?? stream.maxPurchase);
  if (end < earliest) {
    throw new CoreError("calibrationBeforeData", { end: serialToIsoDate(end), first: serialToIsoDate(earliest) });
  }
  // Customers who bought by the end, in input order.
  const kept: number[] = [];
  for (let c = 0; c < stream.customers; c++) if (stream.hasKept(c)) kept.push(c);
  const n = kept.length;
  const days = stream.purchaseDays();
  const out: CalibrationSummary = {
    customerIds: kept.map((c) => ids[c]),
    unit: options.unit,
    calibrationEnd: end,
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    zbar: new Float64Array(n),
    firstPurchase: new Float64Array(n),
    lastPurchase: new Float64Array(n),
    totalSpend: new Float64Array(n),
    returns: stream.returns,
  };
  for (let k = 0; k < n; k++) {
    const c = kept[k];
    const first = Math.floor(stream.first(c));
    const last = Math.floor(stream.last(c));
    const total = stream.total(c);
    // The finite-number rule for sums: a customer's spend past the largest double is refused.
    if (total - total !== 0) throw new CoreError("sumOverflow", { field: "amounts", row: -1, value: "" });
    const repeats = days[c] - 1;
    out.x[k] = repeats;
    out.tx[k] = (last - first) / perUnit;
    out.T[k] = (end - first) / perUnit;
    // The repeat days' spend, summed exactly and rounded once (stream.ts): z̄ is the same bit for bit
    // whatever the rows' order, and so are Gamma-Gamma's fit and every spend cell after it.
    const zbar = repeats > 0 ? stream.repeatSpend(c) / repeats : 0;
    if (zbar - zbar !== 0) throw new CoreError("sumOverflow", { field: "amounts", row: -1, value: "" });
    out.zbar[k] = zbar;
    out.firstPurchase[k] = first;
    out.lastPurchase[k] = last;
    out.totalSpend[k] = total;
  }
  return out;
}
