/**
 * Transactions to one row per customer: first and last purchase, orders, distinct purchase days,
 * total and average amount, recency and tenure in days from the analysis date.
 *
 * As of any date: an analysis date before the latest purchase means "as it stood then", so the rows
 * after it are left out (transactionsUpTo) and so are the customers who had not bought by then; the
 * summary is then exactly the summary of the file cut to the rows on or before that day.
 *
 * Over a window: with `windowMonths` N, orders, purchase days, total and average amount count only
 * the rows in (EDATE(asOf, −N), asOf] (window.ts), while first and last purchase, recency and tenure
 * still come from every row up to asOf. A customer with no purchase in the window stays, with
 * frequency and monetary 0 (average 0, not 0/0), so lapsing shows instead of the customer vanishing.
 */
import { serialToIsoDate } from "../cells/dates";
import { CoreError, throwFirst } from "../cells/errors";
import type { CustomerId } from "../cells/coerce";
import { transactionsUpTo, type Transactions } from "./model";
import { CustomerStream, type StreamPlan } from "./stream";
import { windowExclusiveStart, windowProblems } from "./window";

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
  /** Months of the window orders, purchase days and amounts count over; null (or absent) = all history. */
  windowMonths?: number | null;
}

export interface SummaryOptions {
  /**
   * Analysis date as a serial; default: the latest purchase date in the data. An earlier date than
   * the latest purchase summarises the rows on or before it (see the module comment).
   */
  asOf?: number | null;
  /** Frequency and monetary over the last N months up to asOf (1..1200); null: all history. */
  windowMonths?: number | null;
}

/**
 * The transactions as they stood at the end of day `asOf` (the rows on or before it; `tx` itself when
 * none is later, or with no date). Callers that index their own per-customer columns by `tx` cut with
 * this first, so their numbering and the summary's agree. Throws asOfBeforeData when nobody had bought yet.
 */
export function transactionsAsOf(tx: Transactions, asOf: number | null | undefined): Transactions {
  if (asOf === null || asOf === undefined || tx.validRows === 0) return tx;
  const cut = renumberByFirstRow(transactionsUpTo(tx, asOf));
  if (cut.validRows === 0) {
    let first = Infinity;
    for (let i = 0; i < tx.validRows; i++) if (tx.date[i] < first) first = tx.date[i];
    throw new CoreError("asOfBeforeData", { asOf: serialToIsoDate(asOf), first: serialToIsoDate(first) });
  }
  return cut;
}

/**
 * Customers renumbered in order of first appearance among the rows kept, as reading the cut file would
 * number them (transactionsUpTo keeps the whole file's order, which differs when a customer's first row
 * is after the cut and a later row before it), so "as of D" prints exactly what the cut file prints.
 */
function renumberByFirstRow(tx: Transactions): Transactions {
  const customers = tx.customerIds.length;
  const remap = new Int32Array(customers).fill(-1);
  let next = 0;
  let same = true;
  for (let i = 0; i < tx.validRows; i++) {
    const c = tx.customer[i];
    if (remap[c] < 0) {
      remap[c] = next++;
      if (remap[c] !== c) same = false;
    }
  }
  if (same) return tx;
  const customerIds = new Array<CustomerId>(next);
  for (let c = 0; c < customers; c++) if (remap[c] >= 0) customerIds[remap[c]] = tx.customerIds[c];
  const customer = new Int32Array(tx.validRows);
  for (let i = 0; i < tx.validRows; i++) customer[i] = remap[tx.customer[i]];
  return { ...tx, customer, customerIds };
}

export function summarizeCustomers(full: Transactions, options: SummaryOptions = {}): CustomerSummary {
  throwFirst(windowProblems(options.windowMonths));
  if (full.validRows === 0) throw new CoreError("noData");
  const { customer, date, amount, sourceRow } = full;
  const rows = full.validRows;
  let latest = -Infinity;
  if (options.asOf === null || options.asOf === undefined) for (let i = 0; i < rows; i++) if (date[i] > latest) latest = date[i];
  const stream = new CustomerStream(summaryPlan(options.asOf ?? latest, options, false));
  for (let i = 0; i < rows; i++) stream.add(customer[i], date[i], amount[i], sourceRow[i]);
  const summary = summaryFromStream(stream, full.customerIds, options);
  let purchaseDays: Int32Array | undefined;
  const order = stream.order();
  // Distinct days need a log that most runs (frequency = orders) never use: made on first read.
  return Object.defineProperty(summary, "purchaseDays", {
    get: () => {
      if (purchaseDays) return purchaseDays;
      const again = new CustomerStream(summaryPlan(summary.asOf, options, true));
      for (let i = 0; i < rows; i++) again.add(customer[i], date[i], amount[i], sourceRow[i]);
      return (purchaseDays = inOrder(again.purchaseDays(), order));
    },
  });
}

/**
 * The stream plan of a summary as of `asOf` (a serial; the latest purchase when none was given):
 * with an analysis date given, later rows are left out; a window counts from its exclusive start.
 */
export function summaryPlan(asOf: number, options: SummaryOptions, days: boolean): StreamPlan {
  const given = options.asOf !== null && options.asOf !== undefined;
  return { lastDay: given ? Math.floor(asOf) : Infinity, countAfter: windowExclusiveStart(Math.floor(asOf), options.windowMonths ?? null), dropReturns: false, days };
}

function inOrder(perIndex: Int32Array, order: Int32Array): Int32Array {
  return Int32Array.from(order, (c) => perIndex[c]);
}

/**
 * The summary from a stream fed under `summaryPlan` (its asOf known before the first row: given, or
 * without a window the latest purchase, which only the end tells and nothing before the end needs).
 * Customers are those with a row on or before asOf, in the order of their first such row. Throws
 * asOfBeforeData when nobody had bought by asOf, sumOverflow naming the row whose amount took a
 * customer's total past the largest double. purchaseDays: the stream's when it counted them.
 */
export function summaryFromStream(stream: CustomerStream, ids: readonly CustomerId[], options: SummaryOptions): CustomerSummary {
  if (stream.rows === 0) throw new CoreError("noData");
  if (stream.kept === 0) {
    throw new CoreError("asOfBeforeData", { asOf: serialToIsoDate(options.asOf ?? stream.maxAll), first: serialToIsoDate(stream.minAll) });
  }
  const order = stream.order();
  const customers = order.length;
  const asOf = Math.floor(options.asOf ?? stream.maxKept);
  for (let k = 0; k < customers; k++) {
    const bad = stream.overflow.get(order[k]);
    if (bad) throw new CoreError("sumOverflow", { field: "amounts", row: bad.row, value: bad.amount });
  }
  const first = new Float64Array(customers);
  const last = new Float64Array(customers);
  const orders = new Int32Array(customers);
  const total = new Float64Array(customers);
  const average = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const tenure = new Float64Array(customers);
  for (let k = 0; k < customers; k++) {
    const c = order[k];
    first[k] = stream.first(c);
    last[k] = stream.last(c);
    orders[k] = stream.orders(c);
    total[k] = stream.total(c);
    // No purchase in the window: frequency and monetary 0, the average too (never 0/0).
    average[k] = orders[k] > 0 ? total[k] / orders[k] : 0;
    recency[k] = asOf - Math.floor(last[k]);
    tenure[k] = asOf - Math.floor(first[k]);
  }
  let purchaseDays: Int32Array | undefined;
  return {
    customerIds: CustomerStream.idsIn(order, ids),
    asOf,
    firstPurchase: first,
    lastPurchase: last,
    orders,
    get purchaseDays() {
      return (purchaseDays ??= inOrder(stream.purchaseDays(), order));
    },
    totalAmount: total,
    averageAmount: average,
    recencyDays: recency,
    tenureDays: tenure,
    windowMonths: options.windowMonths ?? null,
  };
}

/**
 * The finite-number rule for sums: every amount is finite (coerce.ts), but a customer's total can still
 * pass the largest double (two amounts of 1e308). Such a total is refused as a problem of the row whose
 * amount took it there (CoreError "sumOverflow" with that row, 0-based in the input), never kept as
 * Infinity. Costs one pass over the customers; the row search runs only when a total overflowed.
 */
export function checkTotals(
  total: Float64Array,
  customer: Int32Array,
  amount: Float64Array,
  sourceRow: Int32Array,
  rows: number,
  field = "amounts",
  date?: Float64Array,
  after = -Infinity,
): void {
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
    // Only the rows the total counted (a window's: their day after `after`).
    if (customer[i] !== bad || (date !== undefined && Math.floor(date[i]) <= after)) continue;
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
