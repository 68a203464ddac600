/**
 * Transactions to one row per customer: first and last purchase, orders, distinct purchase days,
 * total and average amount, recency and tenure in days from the analysis date.
 */
import { serialToIsoDate } from "./dates";
import { CoreError } from "./errors";
import type { CustomerId, Transactions } from "./input";

export interface CustomerSummary {
  customerIds: CustomerId[];
  /** Analysis date (serial, whole day) that recency and tenure count from. */
  asOf: number;
  firstPurchase: Float64Array;
  lastPurchase: Float64Array;
  /** Transaction rows. */
  orders: Int32Array;
  /** Distinct calendar days with a purchase (computed when first read). */
  readonly purchaseDays: Int32Array;
  totalAmount: Float64Array;
  averageAmount: Float64Array;
  /** Whole days from the last purchase to the analysis date (calendar days, as R's Date arithmetic). */
  recencyDays: Float64Array;
  /** Whole days from the first purchase to the analysis date. */
  tenureDays: Float64Array;
}

export interface SummaryOptions {
  /** Analysis date as a serial; default: the latest purchase date in the data. */
  asOf?: number | null;
}

export function summarizeCustomers(tx: Transactions, options: SummaryOptions = {}): CustomerSummary {
  const customers = tx.customerIds.length;
  const rows = tx.validRows;
  if (rows === 0) throw new CoreError("noData");
  const first = new Float64Array(customers).fill(Infinity);
  const last = new Float64Array(customers).fill(-Infinity);
  const orders = new Int32Array(customers);
  const total = new Float64Array(customers);
  const { customer, date, amount } = tx;
  let latest = -Infinity;
  for (let i = 0; i < rows; i++) {
    const c = customer[i];
    const d = date[i];
    if (d < first[c]) first[c] = d;
    if (d > last[c]) last[c] = d;
    if (d > latest) latest = d;
    orders[c]++;
    total[c] += amount[i];
  }
  const asOf = Math.floor(options.asOf ?? latest);
  if (asOf < Math.floor(latest)) {
    throw new CoreError("asOfBeforeData", { asOf: serialToIsoDate(asOf), last: serialToIsoDate(latest) });
  }
  const average = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const tenure = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    average[c] = total[c] / orders[c];
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
      return (purchaseDays ??= countPurchaseDays(customer, date, orders));
    },
    totalAmount: total,
    averageAmount: average,
    recencyDays: recency,
    tenureDays: tenure,
  };
}

/**
 * Distinct purchase days per customer in O(rows): a stable counting sort groups the rows by
 * customer; a group already in date order (the usual case: logs are written in time order) is
 * counted in one scan, any other group is sorted first.
 */
function countPurchaseDays(customer: Int32Array, date: Float64Array, orders: Int32Array): Int32Array {
  const customers = orders.length;
  const start = new Int32Array(customers + 1);
  for (let c = 0; c < customers; c++) start[c + 1] = start[c] + orders[c];
  const cursor = start.slice(0, customers);
  const days = new Float64Array(customer.length);
  for (let i = 0; i < customer.length; i++) days[cursor[customer[i]]++] = Math.floor(date[i]);
  const out = new Int32Array(customers);
  for (let c = 0; c < customers; c++) {
    const from = start[c];
    const to = start[c + 1];
    let sorted = true;
    for (let i = from + 1; i < to; i++) {
      if (days[i] < days[i - 1]) {
        sorted = false;
        break;
      }
    }
    if (!sorted) days.subarray(from, to).sort();
    let distinct = to > from ? 1 : 0;
    for (let i = from + 1; i < to; i++) if (days[i] !== days[i - 1]) distinct++;
    out[c] = distinct;
  }
  return out;
}
