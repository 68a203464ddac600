/**
 * The per-customer summaries as the core computed them before issue 12's streaming summary (the code of
 * summarizeCustomers and calibrationSummary at 6759812, kept verbatim as the reference the streaming
 * summary is held to: same customers, same order, same numbers). One change since: z̄ is the exact sum of
 * the repeat days' amounts rounded once (issue 12, order-free), here by BigInt arithmetic
 * (test/support/exact-sum-reference.ts), where it was the day-ordered total less the first day's spend.
 */
import { serialToIsoDate } from "../../../src/core/cells/dates";
import { CoreError, throwFirst } from "../../../src/core/cells/errors";
import { DAYS_PER_UNIT, isTimeUnit, type CalibrationOptions, type CalibrationSummary } from "../../../src/core/models/calibration";
import type { Transactions } from "../../../src/core/transactions/model";
import { checkTotals, groupDaysByCustomer, transactionsAsOf, type CustomerSummary, type SummaryOptions } from "../../../src/core/transactions/summary";
import { windowExclusiveStart, windowProblems } from "../../../src/core/transactions/window";
import { referenceExactSum } from "../../support/exact-sum-reference";

export function referenceSummary(full: Transactions, options: SummaryOptions = {}): CustomerSummary {
  throwFirst(windowProblems(options.windowMonths));
  if (full.validRows === 0) throw new CoreError("noData");
  const tx = transactionsAsOf(full, options.asOf);
  const customers = tx.customerIds.length;
  const rows = tx.validRows;
  const first = new Float64Array(customers).fill(Infinity);
  const last = new Float64Array(customers).fill(-Infinity);
  const orders = new Int32Array(customers);
  const total = new Float64Array(customers);
  const { customer, date, amount } = tx;
  let latest = -Infinity;
  for (let i = 0; i < rows; i++) {
    const d = date[i];
    if (d > latest) latest = d;
  }
  const asOf = Math.floor(options.asOf ?? latest);
  const windowMonths = options.windowMonths ?? null;
  // Rows count toward orders and amounts when their day is after `after` (−Infinity: every row).
  const after = windowExclusiveStart(asOf, windowMonths);
  for (let i = 0; i < rows; i++) {
    const c = customer[i];
    const d = date[i];
    if (d < first[c]) first[c] = d;
    if (d > last[c]) last[c] = d;
    if (Math.floor(d) > after) {
      orders[c]++;
      total[c] += amount[i];
    }
  }
  checkTotals(total, customer, amount, tx.sourceRow, rows, "amounts", date, after);
  const average = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const tenure = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    // No purchase in the window: frequency and monetary 0, the average too (never 0/0).
    average[c] = orders[c] > 0 ? total[c] / orders[c] : 0;
    recency[c] = asOf - Math.floor(last[c]);
    tenure[c] = asOf - Math.floor(first[c]);
  }
  let purchaseDays: Int32Array | undefined;
  return {
    customerIds: tx.customerIds,
    asOf,
    firstPurchase: first,
    lastPurchase: last,
    orders,
    // Distinct days need a grouping pass that most runs (frequency = orders) never use: made on first read.
    get purchaseDays() {
      return (purchaseDays ??= countPurchaseDays(customer, date, tx.amount, customers, after));
    },
    totalAmount: total,
    averageAmount: average,
    recencyDays: recency,
    tenureDays: tenure,
    windowMonths,
  };
}

/** Distinct purchase days per customer, counting days after `after` (the window's exclusive start). */
function countPurchaseDays(customer: Int32Array, date: Float64Array, amount: Float64Array, customers: number, after: number): Int32Array {
  const { start, day } = groupDaysByCustomer(customer, date, amount, customers);
  const out = new Int32Array(customers);
  for (let c = 0; c < customers; c++) {
    const to = start[c + 1];
    let distinct = 0;
    for (let i = start[c]; i < to; i++) if (day[i] > after && (i === start[c] || day[i] !== day[i - 1])) distinct++;
    out[c] = distinct;
  }
  return out;
}

export function referenceCalibration(tx: Transactions, options: CalibrationOptions): CalibrationSummary {
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
    const repeatSpend: number[] = [];
    let total = 0;
    for (let i = from; i < start[c + 1] && day[i] <= end; i++) {
      if (day[i] !== last) {
        days++;
        last = day[i];
      }
      if (day[i] !== first) repeatSpend.push(amount[i]);
      total += amount[i];
    }
    // The finite-number rule for sums: a customer's spend past the largest double is refused.
    if (total - total !== 0) throw new CoreError("sumOverflow", { field: "amounts", row: -1, value: "" });
    const repeats = days - 1;
    out.x[k] = repeats;
    out.tx[k] = (last - first) / perUnit;
    out.T[k] = (end - first) / perUnit;
    out.zbar[k] = repeats > 0 ? referenceExactSum(repeatSpend) / repeats : 0;
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
