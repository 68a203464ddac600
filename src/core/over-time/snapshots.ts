/**
 * Every snapshot at once (backfill): the customer summaries as they stood at each month-end,
 * quarter-end or every N days, from one transaction table, in one sweep.
 *
 * Recomputing each snapshot from scratch costs rows × snapshots; instead the rows are ordered by date
 * once (radix sort) and grouped by customer once (counting sort, file order kept), and the sweep moves
 * two pointers forward: rows entering the snapshot (on or before its date) and rows leaving the
 * window. Only the customers those rows touch are recomputed, from their own rows in file order, so
 * every sum is added in the order summarizeCustomers adds it and each snapshot equals
 * `summarizeCustomers(tx, { asOf, windowMonths })` bit for bit (tested), not merely to rounding.
 *
 * Snapshot dates: every month-end (or quarter-end) in [from, to], or from, from + N, … ≤ to for every
 * N days; from and to default to the first and last purchase day. Each snapshot also carries the
 * period it closes, (previous date, date], with its revenue and orders per customer: what the tier
 * trends count as "bought in the period".
 */
import { serialToIsoDate } from "../cells/dates";
import { CoreError, throwFirst, type CoreProblem } from "../cells/errors";
import type { CustomerId } from "../cells/coerce";
import { ascendingOrder } from "../math/sort";
import type { Transactions } from "../transactions/model";
import { summarizeCustomers, type CustomerSummary } from "../transactions/summary";
import { periodEnd, periodIndex, windowExclusiveStart, windowProblems } from "../transactions/window";

export type SnapshotEvery = "month" | "quarter" | { days: number };

/** Most snapshots built at once (83 years of month-ends): a bound on memory and time, not a modelling rule. */
export const MAX_SNAPSHOTS = 1000;

export interface SnapshotRange {
  every: SnapshotEvery;
  /** First and last day (serials) the snapshots may fall on; default the first and last purchase day. */
  from?: number | null;
  to?: number | null;
}

/** What is wrong with `every` (argument named by the caller). */
export function everyProblems(every: unknown): CoreProblem[] {
  if (every === "month" || every === "quarter") return [];
  if (typeof every === "object" && every !== null && "days" in every) {
    const days = (every as { days: unknown }).days;
    if (typeof days === "number" && Number.isInteger(days) && days >= 1) return [];
    return [{ code: "badEvery", details: { value: String(days) } }];
  }
  return [{ code: "badEvery", details: { value: String(every) } }];
}

/**
 * The snapshot dates (whole-day serials, ascending) and, before each, the end of the period before
 * it (the previous date; for the first, one step back), within [from, to].
 */
export function snapshotDates(firstDay: number, lastDay: number, range: SnapshotRange): { dates: number[]; previous: number[] } {
  throwFirst(everyProblems(range.every));
  const from = Math.floor(range.from ?? firstDay);
  const to = Math.floor(range.to ?? lastDay);
  if (from > to) throw new CoreError("historyRange", { from: serialToIsoDate(from), to: serialToIsoDate(to) });
  const every = range.every;
  const dates: number[] = [];
  const previous: number[] = [];
  if (typeof every === "object") {
    const count = Math.floor((to - from) / every.days) + 1;
    if (count > MAX_SNAPSHOTS) throw new CoreError("tooManySnapshots", { count, max: MAX_SNAPSHOTS });
    for (let d = from; d <= to; d += every.days) {
      dates.push(d);
      previous.push(d - every.days);
    }
    return { dates, previous };
  }
  const first = periodIndex(from, every);
  const last = periodIndex(to, every);
  const count = last - first + 1;
  if (count > MAX_SNAPSHOTS) throw new CoreError("tooManySnapshots", { count, max: MAX_SNAPSHOTS });
  for (let p = first; p <= last; p++) {
    const end = periodEnd(p, every);
    if (end < from || end > to) continue;
    dates.push(end);
    previous.push(periodEnd(p - 1, every));
  }
  return { dates, previous };
}

/** One snapshot of the sweep. */
export interface SnapshotSummary {
  asOf: number;
  /** End of the previous period (exclusive start of the period this snapshot closes). */
  periodAfter: number;
  /**
   * Per summary row: the customer's index in the full table's customerIds. Rows are in order of the
   * customer's first row on or before asOf, as reading the cut table numbers them.
   */
  customers: Int32Array;
  /** The summary as summarizeCustomers(tx, { asOf, windowMonths }) makes it. */
  summary: CustomerSummary;
  /** Per summary row: revenue and orders in the period (periodAfter, asOf]. */
  periodRevenue: Float64Array;
  periodOrders: Int32Array;
}

/**
 * The snapshots at `dates` (ascending whole days), one at a time (a generator: the caller keeps what
 * it needs, so 24 snapshots of 100,000 customers never sit in memory together unless asked).
 * `previous[k]` is the end of the period before dates[k] (default: dates[k − 1], the first unbounded).
 */
export function* sweepSnapshots(
  tx: Transactions,
  dates: readonly number[],
  options: { windowMonths?: number | null; previous?: readonly number[] } = {},
): Generator<SnapshotSummary> {
  throwFirst(windowProblems(options.windowMonths));
  if (tx.validRows === 0) throw new CoreError("noData");
  const windowMonths = options.windowMonths ?? null;
  const rows = tx.validRows;
  const customers = tx.customerIds.length;
  const { customer, date, amount } = tx;
  // Each row's day, and the rows in day order by a counting sort over the days (a log spans a few
  // thousand days), once.
  const dayOf = new Float64Array(rows);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < rows; i++) {
    const day = Math.floor(date[i]);
    dayOf[i] = day;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  const byDay = countingOrder(dayOf, minDay, maxDay - minDay + 1, rows);
  // Rows grouped by customer (file order kept, so sums add in summarizeCustomers' order), copied
  // contiguously: a touched customer is recomputed from its own rows in one sequential read.
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < rows; i++) start[customer[i] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const cursor = start.slice(0, customers);
  const gRow = new Int32Array(rows);
  const gDay = new Float64Array(rows);
  const gDate = new Float64Array(rows);
  const gAmount = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const j = cursor[customer[i]]++;
    gRow[j] = i;
    gDay[j] = dayOf[i];
    gDate[j] = date[i];
    gAmount[j] = amount[i];
  }
  // A customer whose rows come in day order (the usual log) is kept as a range [lo, hi) of its rows:
  // rows enter at hi and leave the window at lo, so its sums are the range's, added left to right as
  // summarizeCustomers adds them, and without a window a sum only grows by the rows appended.
  const inOrder = new Uint8Array(customers);
  const lo = start.slice(0, customers);
  const hi = start.slice(0, customers);
  for (let c = 0; c < customers; c++) {
    let sorted = 1;
    for (let j = start[c] + 1; j < start[c + 1] && sorted; j++) if (gDay[j] < gDay[j - 1]) sorted = 0;
    inOrder[c] = sorted;
  }

  const first = new Float64Array(customers).fill(Infinity);
  const firstRow = new Float64Array(customers);
  const last = new Float64Array(customers).fill(-Infinity);
  const orders = new Int32Array(customers);
  const total = new Float64Array(customers);
  const periodRevenue = new Float64Array(customers);
  const periodOrders = new Int32Array(customers);
  const stamp = new Int32Array(customers).fill(-1);
  const touched = new Int32Array(customers);
  let entered = 0;
  let left = 0;
  let seen = 0;

  for (let k = 0; k < dates.length; k++) {
    const asOf = Math.floor(dates[k]);
    if (k > 0 && asOf <= Math.floor(dates[k - 1])) throw new RangeError("snapshot dates must ascend");
    const periodAfter = options.previous?.[k] ?? (k > 0 ? Math.floor(dates[k - 1]) : -Infinity);
    const after = windowExclusiveStart(asOf, windowMonths);
    let nTouched = 0;
    periodRevenue.fill(0);
    periodOrders.fill(0);
    // Customers whose rows enter (on or before asOf) or leave the window since the last snapshot.
    while (entered < rows && dayOf[byDay[entered]] <= asOf) {
      const c = customer[byDay[entered++]];
      if (stamp[c] !== k) {
        stamp[c] = k;
        touched[nTouched++] = c;
      }
    }
    while (left < entered && dayOf[byDay[left]] <= after) {
      const c = customer[byDay[left++]];
      if (stamp[c] !== k) {
        stamp[c] = k;
        touched[nTouched++] = c;
      }
    }
    // The period's own rows (a previous date may reach back before the last snapshot's).
    for (let e = entered - 1; e >= 0 && dayOf[byDay[e]] > periodAfter; e--) {
      const i = byDay[e];
      periodRevenue[customer[i]] += amount[i];
      periodOrders[customer[i]]++;
    }
    for (let t = 0; t < nTouched; t++) {
      const c = touched[t];
      if (first[c] === Infinity) seen++;
      if (inOrder[c]) {
        const end = start[c + 1];
        let h = hi[c];
        let f = first[c];
        let l = last[c];
        let sum = total[c];
        while (h < end && gDay[h] <= asOf) {
          const d = gDate[h];
          if (d < f) f = d;
          if (d > l) l = d;
          sum += gAmount[h];
          h++;
        }
        hi[c] = h;
        first[c] = f;
        last[c] = l;
        firstRow[c] = gRow[start[c]];
        if (windowMonths === null) {
          orders[c] = h - start[c];
          total[c] = sum;
        } else {
          let w = lo[c];
          while (w < h && gDay[w] <= after) w++;
          lo[c] = w;
          let windowSum = 0;
          for (let j = w; j < h; j++) windowSum += gAmount[j];
          orders[c] = h - w;
          total[c] = windowSum;
        }
        continue;
      }
      let f = Infinity;
      let l = -Infinity;
      let o = 0;
      let sum = 0;
      let row = -1;
      const end = start[c + 1];
      for (let j = start[c]; j < end; j++) {
        const day = gDay[j];
        if (day > asOf) continue;
        if (row < 0) row = gRow[j];
        const d = gDate[j];
        if (d < f) f = d;
        if (d > l) l = d;
        if (day > after) {
          o++;
          sum += gAmount[j];
        }
      }
      first[c] = f;
      firstRow[c] = row;
      last[c] = l;
      orders[c] = o;
      total[c] = sum;
    }
    if (seen === 0) continue;
    yield snapshotOf(tx, { asOf, periodAfter, windowMonths, seen, first, firstRow, last, orders, total, periodRevenue, periodOrders });
  }
}

/** Row indices in ascending order of whole-number keys in [min, min + span): a stable counting sort. */
function countingOrder(keys: Float64Array, min: number, span: number, n: number): Int32Array {
  const count = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) count[keys[i] - min + 1]++;
  for (let k = 0; k < span; k++) count[k + 1] += count[k];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[count[keys[i] - min]++] = i;
  return order;
}

interface SweepState {
  asOf: number;
  periodAfter: number;
  windowMonths: number | null;
  seen: number;
  first: Float64Array;
  /** Per customer: its first row on or before asOf (file order). */
  firstRow: Float64Array;
  last: Float64Array;
  orders: Int32Array;
  total: Float64Array;
  periodRevenue: Float64Array;
  periodOrders: Int32Array;
}

/** The seen customers' columns, copied out in order of their first row (the cut table's numbering). */
function snapshotOf(tx: Transactions, s: SweepState): SnapshotSummary {
  const n = s.seen;
  const seenIds = new Int32Array(n);
  const keys = new Float64Array(n);
  for (let c = 0, k = 0; c < s.first.length; c++) {
    if (s.first[c] === Infinity) continue;
    seenIds[k] = c;
    keys[k++] = s.firstRow[c];
  }
  // Customers are numbered by their first row in the whole table, so their first rows up to asOf are
  // usually already ascending (always for a table in date order): sort only when they are not.
  let sorted = true;
  for (let k = 1; k < n && sorted; k++) if (keys[k] < keys[k - 1]) sorted = false;
  const order = sorted ? null : ascendingOrder(keys);
  const customers = new Int32Array(n);
  const customerIds: CustomerId[] = new Array<CustomerId>(n);
  const firstPurchase = new Float64Array(n);
  const lastPurchase = new Float64Array(n);
  const orders = new Int32Array(n);
  const totalAmount = new Float64Array(n);
  const averageAmount = new Float64Array(n);
  const recencyDays = new Float64Array(n);
  const tenureDays = new Float64Array(n);
  const periodRevenue = new Float64Array(n);
  const periodOrders = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const c = seenIds[order ? order[k] : k];
    customers[k] = c;
    customerIds[k] = tx.customerIds[c];
    firstPurchase[k] = s.first[c];
    lastPurchase[k] = s.last[c];
    orders[k] = s.orders[c];
    totalAmount[k] = s.total[c];
    // The finite-number rule for sums (summary.ts checkTotals): every amount is finite, but a customer's
    // total as of this date, or in its period, can pass the largest double (1e308 twice); refused as the
    // amounts' total, never written as Infinity (`tier history` once printed it in the monetary column).
    if (s.total[c] - s.total[c] !== 0 || s.periodRevenue[c] - s.periodRevenue[c] !== 0) throw new CoreError("sumOverflow", { field: "amounts", row: -1, value: "" });
    averageAmount[k] = s.orders[c] > 0 ? s.total[c] / s.orders[c] : 0;
    recencyDays[k] = s.asOf - Math.floor(s.last[c]);
    tenureDays[k] = s.asOf - Math.floor(s.first[c]);
    periodRevenue[k] = s.periodRevenue[c];
    periodOrders[k] = s.periodOrders[c];
  }
  const { asOf, windowMonths } = s;
  let purchaseDays: Int32Array | undefined;
  const summary: CustomerSummary = {
    customerIds,
    asOf,
    firstPurchase,
    lastPurchase,
    orders,
    // Distinct days are rarely asked for (frequency basis "days"): made on first read, from the cut table.
    get purchaseDays() {
      return (purchaseDays ??= summarizeCustomers(tx, { asOf, windowMonths }).purchaseDays);
    },
    totalAmount,
    averageAmount,
    recencyDays,
    tenureDays,
    windowMonths,
  };
  return { asOf, periodAfter: s.periodAfter, customers, summary, periodRevenue, periodOrders };
}
