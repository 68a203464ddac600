/**
 * Transactions to one row per customer: first and last purchase, orders, distinct purchase days,
 * total and average amount, recency and tenure in days from the analysis date.
 */
import { serialToIsoDate } from "../cells/dates";
import { CoreError } from "../cells/errors";
import type { CustomerId } from "../cells/coerce";
import type { Transactions } from "./model";

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
  checkTotals(total, customer, amount, tx.sourceRow, rows);
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
      return (purchaseDays ??= countPurchaseDays(customer, date, tx.amount, customers));
    },
    totalAmount: total,
    averageAmount: average,
    recencyDays: recency,
    tenureDays: tenure,
  };
}

/**
 * The finite-number rule for sums: every amount is finite (coerce.ts), but a customer's total can still
 * pass the largest double (two amounts of 1e308). Such a total is refused as a problem of the row whose
 * amount took it there (CoreError "sumOverflow" with that row, 0-based in the input), never kept as
 * Infinity. Costs one pass over the customers; the row search runs only when a total overflowed.
 */
export function checkTotals(total: Float64Array, customer: Int32Array, amount: Float64Array, sourceRow: Int32Array, rows: number, field = "amounts"): void {
  let bad = -1;
  for (let c = 0; c < total.length; c++) {
    if (total[c] - total[c] !== 0) {
      bad = c;
      break;
    }
  }
  if (bad < 0) return;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    if (customer[i] !== bad) continue;
    sum += amount[i];
    if (sum - sum !== 0) throw new CoreError("sumOverflow", { field, row: sourceRow[i], value: amount[i] });
  }
  throw new CoreError("sumOverflow", { field, row: 0, value: "" });
}

/** Rows grouped by customer, each group in day order: what distinct-day counts and repeat spend need. */
export interface CustomerDays {
  /** Customer c's rows are start[c] .. start[c+1] − 1. */
  start: Int32Array;
  /** Whole-day serial of each grouped row, ascending within a group. */
  day: Float64Array;
  /** Amount of each grouped row. */
  amount: Float64Array;
}

/**
 * Groups rows by customer in O(rows): a stable counting sort by customer; a group already in date
 * order (the usual case: logs are written in time order) needs nothing more, any other group is
 * sorted by day.
 */
export function groupDaysByCustomer(
  customer: Int32Array,
  date: Float64Array,
  amount: Float64Array,
  customers: number,
): CustomerDays {
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < customer.length; i++) start[customer[i] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const cursor = start.slice(0, customers);
  const day = new Float64Array(customer.length);
  const amt = new Float64Array(customer.length);
  for (let i = 0; i < customer.length; i++) {
    const k = cursor[customer[i]]++;
    day[k] = Math.floor(date[i]);
    amt[k] = amount[i];
  }
  for (let c = 0; c < customers; c++) {
    const from = start[c];
    const to = start[c + 1];
    let sorted = true;
    for (let i = from + 1; i < to; i++) {
      if (day[i] < day[i - 1]) {
        sorted = false;
        break;
      }
    }
    if (!sorted) {
      const order = Array.from({ length: to - from }, (_, k) => from + k).sort((a, b) => day[a] - day[b] || a - b);
      const days = order.map((k) => day[k]);
      const amounts = order.map((k) => amt[k]);
      day.set(days, from);
      amt.set(amounts, from);
    }
  }
  return { start, day, amount: amt };
}

/** Distinct purchase days per customer. */
function countPurchaseDays(customer: Int32Array, date: Float64Array, amount: Float64Array, customers: number): Int32Array {
  const { start, day } = groupDaysByCustomer(customer, date, amount, customers);
  const out = new Int32Array(customers);
  for (let c = 0; c < customers; c++) {
    const from = start[c];
    const to = start[c + 1];
    let distinct = to > from ? 1 : 0;
    for (let i = from + 1; i < to; i++) if (day[i] !== day[i - 1]) distinct++;
    out[c] = distinct;
  }
  return out;
}
