/**
 * The per-customer summary built row by row, so a reader can stream a file of any length into it and
 * hold memory that grows with customers, not rows (issue 12: `tier rfm`, `fit` and `predict` on ten
 * million rows held 24 bytes a row in the transactions' columns before summarising them).
 *
 * It is the one definition of what a customer's rows add up to: `summarizeCustomers` (summary.ts, the
 * RFM inputs) and `calibrationSummary` (models/calibration.ts, x, t_x, T and z̄) both feed their
 * in-memory transactions through it, and the CLI feeds it straight from the file's bytes. What a plan
 * fixes before the first row (`StreamPlan`): the last day kept (an analysis date or calibration end
 * given: later rows are left out, as `transactionsUpTo` cut them), the window's exclusive start (rows
 * on or before it set first and last purchase but add no order or amount), whether negative amounts
 * are returns to leave out (the models' rule) and whether distinct purchase days are counted.
 *
 * Per customer it keeps first and last purchase (serials), the first counted day, the rows counted, their
 * sum (in input order, the order summarizeCustomers always added in) and the row whose amount first took
 * the sum past the largest double. Under a plan with `repeatSpend` (the models') it also keeps the first
 * day's spend and the later days' spend (z̄ is the latter's mean) as exact sums (ExactSums: two slots a
 * customer), whose rounded values do not depend on the rows' order, so neither does z̄ (issue 12; before,
 * z̄ was the input-order total less the first day's spend). Distinct days are the one thing a
 * running count cannot give when a customer's rows come out of date order: `DayLog` keeps one entry per
 * distinct (customer, day), which is what bounds its memory (8 bytes an entry; see the class).
 */
import { keepShape } from "../math/shapes";
import type { CustomerId } from "../cells/coerce";
import { ExactSums } from "../math/exact-sum";

export interface StreamPlan {
  /** Rows whose day (the serial's whole day) is after this are left out; Infinity keeps every row. */
  lastDay: number;
  /** Rows count toward orders, amounts and days when their day is after this; −Infinity: every row. */
  countAfter: number;
  /** Rows with a negative amount are returns: left out (and counted) before anything else. */
  dropReturns: boolean;
  /** Count distinct purchase days per customer. */
  days: boolean;
  /**
   * Keep each customer's first-day and repeat spend as exact, order-free sums (math/exact-sum.ts), for z̄:
   * the models' plan asks for them, so that a fit is the same bit for bit whatever the rows' order.
   */
  repeatSpend?: boolean;
}

/** Days are serials in [61, 2,958,465] (dates.ts), under 2²²: a (customer, day) key is customer × 2²² + day, exact below 2⁵³. */
const DAY_SPAN = 4194304;

/**
 * Distinct (customer, day) pairs, counted per customer. A day after the customer's latest logged day is
 * new and appended; the same day again is skipped; an earlier day (rows out of date order) is appended
 * too and marks the log disordered, and a disordered log is sorted and deduplicated whenever it has
 * doubled since the last time. So the log holds at most about twice the distinct customer-days (one
 * Float64 each), never a row per row, and a file in date order (most logs) is never sorted.
 */
export class DayLog {
  private keys = new Float64Array(1 << 12);
  private size = 0;
  private compactAt: number;
  private disordered = false;
  /** Per customer: the latest day logged, or 0 (days are ≥ 61). */
  private latest = new Float64Array(1 << 12);

  /** `minCompact`: the fewest entries worth sorting (the tests lower it to see the bound at work). */
  constructor(private readonly minCompact = 1 << 20) {
    this.compactAt = minCompact;
  }

  /** Room held for entries: at most about twice the distinct pairs once past `minCompact` (see the class). */
  get capacity(): number {
    return this.keys.length;
  }

  add(c: number, day: number): void {
    if (c >= this.latest.length) this.latest = grow(this.latest, c + 1);
    const latest = this.latest[c];
    if (day === latest) return;
    if (day > latest) this.latest[c] = day;
    else this.disordered = true;
    if (this.disordered && this.size >= this.compactAt) this.compact();
    if (this.size === this.keys.length) this.keys = grow(this.keys, this.size + 1);
    this.keys[this.size++] = c * DAY_SPAN + day;
  }

  /** Distinct entries now held (for the tests and the memory note). */
  get entries(): number {
    if (this.disordered) this.compact();
    return this.size;
  }

  private compact(): void {
    const keys = this.keys.subarray(0, this.size).sort();
    let n = 0;
    for (let i = 0; i < keys.length; i++) if (n === 0 || keys[i] !== keys[n - 1]) keys[n++] = keys[i];
    this.size = n;
    this.compactAt = Math.max(this.minCompact, 2 * n);
    this.disordered = false;
  }

  /**
   * Distinct days per customer index, for `customers` customers. A disordered log is not sorted whole
   * here (sorting 300,000 Float64 keys was about 40 ms, most of a calibration summary on rows out of date
   * order, issue 12): its entries are bucketed by customer (a counting sort, linear) and each customer's
   * few days sorted alone.
   */
  counts(customers: number): Int32Array {
    const out = new Int32Array(customers);
    const keys = this.keys;
    const size = this.size;
    if (!this.disordered) {
      for (let i = 0; i < size; i++) out[Math.floor(keys[i] / DAY_SPAN)]++;
      return out;
    }
    const start = new Int32Array(customers + 1);
    for (let i = 0; i < size; i++) {
      const c = Math.floor(keys[i] / DAY_SPAN);
      if (c < customers) start[c + 1]++;
    }
    for (let c = 0; c < customers; c++) start[c + 1] += start[c];
    const next = start.slice(0, customers);
    // Days are under 2²² (DAY_SPAN): an Int32Array holds them.
    const days = new Int32Array(start[customers]);
    for (let i = 0; i < size; i++) {
      const c = Math.floor(keys[i] / DAY_SPAN);
      if (c < customers) days[next[c]++] = keys[i] - c * DAY_SPAN;
    }
    for (let c = 0; c < customers; c++) out[c] = distinctCount(days, start[c], start[c + 1]);
    return out;
  }
}

/** How many distinct values days[from..to) holds; sorts that stretch in place (insertion sort when short). */
function distinctCount(days: Int32Array, from: number, to: number): number {
  if (to - from < 2) return to - from;
  if (to - from <= 32) {
    for (let i = from + 1; i < to; i++) {
      const v = days[i];
      let j = i - 1;
      while (j >= from && days[j] > v) {
        days[j + 1] = days[j];
        j--;
      }
      days[j + 1] = v;
    }
  } else {
    days.subarray(from, to).sort();
  }
  let n = 1;
  for (let i = from + 1; i < to; i++) if (days[i] !== days[i - 1]) n++;
  return n;
}

function grow<T extends Float64Array | Int32Array>(a: T, need: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** A customer's record in CustomerStream: its fields' offsets (4 and 7 unused), RECORD doubles in all (64 bytes: one cache line). */
const FIRST = 0;
const LAST = 1;
const TOTAL = 2;
const FIRST_DAY = 3;
const ORDERS = 5;
const FIRST_KEPT = 6;
const RECORD = 8;

/** Records for `n` customers, each empty: no purchase (first Infinity, last −Infinity), no kept row. */
function newRecords(n: number): Float64Array {
  const rec = new Float64Array(n * RECORD);
  fillEmpty(rec, 0, n);
  return rec;
}

function fillEmpty(rec: Float64Array, from: number, to: number): void {
  for (let c = from; c < to; c++) {
    const at = c * RECORD;
    rec[at + FIRST] = Infinity;
    rec[at + LAST] = -Infinity;
    rec[at + FIRST_DAY] = Infinity;
    rec[at + FIRST_KEPT] = -1;
  }
}

function growRecords(rec: Float64Array, need: number): Float64Array {
  const old = rec.length / RECORD;
  const size = Math.max(need, old * 2);
  const out = new Float64Array(size * RECORD);
  out.set(rec);
  fillEmpty(out, old, size);
  return out;
}

/** Where a customer's counted sum first passed the largest double: the row (as given to `add`) and its amount. */
export interface OverflowRow {
  row: number;
  amount: number;
}

/**
 * Accumulates rows (customer index, date serial, amount, row number) into per-customer figures. The
 * customer index is the caller's (a TransactionBuilder's numbering: first appearance among every valid
 * row); `order()` gives the customers that kept a row in the order of their first kept row.
 */
export class CustomerStream {
  /** Valid rows fed, rows left out as returns, rows kept (on or before lastDay). */
  rows = 0;
  returns = 0;
  kept = 0;
  /** Earliest and latest serial of every row fed; of the purchases (returns excluded when dropped); of the kept rows. */
  minAll = Infinity;
  maxAll = -Infinity;
  minPurchase = Infinity;
  maxPurchase = -Infinity;
  maxKept = -Infinity;
  /**
   * Per customer, one record of RECORD doubles side by side (first, last, total, first day, orders,
   * position of first kept row): a row touches one cache line, not seven arrays. With a million
   * customers (the 10 M file) each array is 8 MB, past the caches, and seven arrays were seven misses a
   * row; one record cut `tier rfm`'s CPU there by about a tenth (docs/PERFORMANCE.md).
   */
  private rec = newRecords(1 << 12);
  private customersKept = 0;
  /** Highest customer index + 1 seen. */
  customers = 0;
  readonly overflow = new Map<number, OverflowRow>();
  private readonly dayLog: DayLog | null;
  /** Slot 2c: customer c's first-day spend, exactly; 2c + 1: the spend of their later days. */
  private readonly spend: ExactSums | null;

  constructor(readonly plan: StreamPlan) {
    this.dayLog = plan.days ? new DayLog() : null;
    this.spend = plan.repeatSpend ? new ExactSums(1 << 13) : null;
  }

  /** Earliest kept purchase (serial) of customer c; Infinity before one. */
  first(c: number): number {
    return this.rec[c * RECORD + FIRST];
  }

  /** Latest kept purchase (serial) of customer c; −Infinity before one. */
  last(c: number): number {
    return this.rec[c * RECORD + LAST];
  }

  /** Counted rows of customer c. */
  orders(c: number): number {
    return this.rec[c * RECORD + ORDERS];
  }

  /** Sum of customer c's counted amounts, in input order. */
  total(c: number): number {
    return this.rec[c * RECORD + TOTAL];
  }

  /**
   * The spend of customer c's counted days after their first, summed exactly and rounded once: the same
   * double whatever the rows' order (the plan must ask for `repeatSpend`).
   */
  repeatSpend(c: number): number {
    if (!this.spend) throw new Error("CustomerStream: repeat spend was not planned");
    return this.spend.value(2 * c + 1);
  }


  add(c: number, serial: number, amount: number, row: number): void {
    this.rows++;
    if (serial < this.minAll) this.minAll = serial;
    if (serial > this.maxAll) this.maxAll = serial;
    if (c >= this.customers) {
      this.customers = c + 1;
      if ((c + 1) * RECORD > this.rec.length) this.rec = growRecords(this.rec, c + 1);
    }
    const plan = this.plan;
    if (plan.dropReturns && !(amount >= 0)) {
      this.returns++;
      return;
    }
    if (serial < this.minPurchase) this.minPurchase = serial;
    if (serial > this.maxPurchase) this.maxPurchase = serial;
    const day = Math.floor(serial);
    if (day > plan.lastDay) return;
    this.kept++;
    if (serial > this.maxKept) this.maxKept = serial;
    const rec = this.rec;
    const at = c * RECORD;
    if (rec[at + FIRST_KEPT] < 0) rec[at + FIRST_KEPT] = this.customersKept++;
    if (serial < rec[at + FIRST]) rec[at + FIRST] = serial;
    if (serial > rec[at + LAST]) rec[at + LAST] = serial;
    if (day <= plan.countAfter) return;
    rec[at + ORDERS]++;
    const sum = (rec[at + TOTAL] += amount);
    if (sum - sum !== 0 && !this.overflow.has(c)) this.overflow.set(c, { row, amount });
    const firstDay = rec[at + FIRST_DAY];
    const spend = this.spend;
    if (day < firstDay) {
      rec[at + FIRST_DAY] = day;
      // The day that was first is now a repeat day: its spend moves over, exactly.
      if (spend) {
        spend.move(2 * c, 2 * c + 1);
        spend.add(2 * c, amount);
      }
    } else spend?.add(day === firstDay ? 2 * c : 2 * c + 1, amount);
    this.dayLog?.add(c, day);
  }

  /** The customers with a kept row, in the order of their first kept row (as reading the cut file numbers them). */
  order(): Int32Array {
    const out = new Int32Array(this.customersKept);
    for (let c = 0; c < this.customers; c++) {
      const k = this.rec[c * RECORD + FIRST_KEPT];
      if (k >= 0) out[k] = c;
    }
    return out;
  }

  /** Whether customer c has a kept row. */
  hasKept(c: number): boolean {
    return c < this.customers && this.rec[c * RECORD + FIRST_KEPT] >= 0;
  }

  /** Distinct counted days per customer index (the plan must ask for days). */
  purchaseDays(): Int32Array {
    if (!this.dayLog) throw new Error("CustomerStream: distinct days were not planned");
    return this.dayLog.counts(this.customers);
  }

  /** Customer ids in `order`, from the caller's numbering. */
  static idsIn(order: Int32Array, ids: readonly CustomerId[]): CustomerId[] {
    const out = new Array<CustomerId>(order.length);
    for (let k = 0; k < order.length; k++) out[k] = ids[order[k]];
    return out;
  }
}

// The hidden classes of a stream, its day log and its exact sums outlive each call (math/shapes.ts): one
// stream, with every part planned, through the paths a summary takes (a first day that moves, a return,
// days out of order).
keepShape(
  (() => {
    const stream = new CustomerStream({ lastDay: Infinity, countAfter: -Infinity, dropReturns: true, days: true, repeatSpend: true });
    stream.add(0, 45000, 10, 0);
    stream.add(0, 44990, 5.5, 1);
    stream.add(1, 45001, -1, 2);
    stream.add(1, 45001, 2, 3);
    stream.purchaseDays();
    stream.repeatSpend(0);
    return stream;
  })(),
);
