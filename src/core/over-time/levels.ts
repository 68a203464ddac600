/**
 * Membership levels (issue 15 §1): a programme customers live in, entered on rolling spend or orders,
 * kept (保级) or lost at review, as Chinese member systems and Klaviyo/Shopify groups run it.
 *
 * The rule, at each review date d, with m the metric over the trailing window (d − W months, d], where
 * k months from a month-end is the month-end k months away (Excel's EOMONTH) and from any other day
 * Excel's EDATE (`monthsFrom`):
 * - up = the highest level whose entry ≤ m (none when m is below every entry);
 * - up above the current level: move up; since = d; expires = d + V months;
 * - otherwise, at a level and d ≥ expires: m ≥ keep(current) keeps the level (expires = d + V months),
 *   else the customer drops to the highest lower level whose keep m meets, or to none; since = d;
 *   expires = d + V months (none never expires: NO_DATE).
 * - A customer enters at the first review on or after their first purchase (a negative amount is a
 *   return, not a purchase: a customer with only returns never enters).
 *
 * Review dates (decided here, tested): every month-end in [from, asOf], plus asOf itself when it is not a
 * month-end, so the result is the state a review on the as-of date sets and `metric` is m over
 * (EDATE(asOf, −W), asOf], as every other as-of output of the core. `from` defaults to the first purchase
 * day in the data. The next review after asOf, for "downgrades at next review", is the month-end after
 * asOf (asOf's own month-end when asOf is not one).
 *
 * The metric: spend is the net sum of the amounts in the window (returns net off, so a refunded purchase
 * does not keep a level), added in date order (same-day rows in input order), so a plain loop that adds a
 * window's rows in that order gives the same double bit for bit; orders counts the window's rows with an
 * amount ≥ 0 (0 is a purchase, as in cohort.ts). Levels compare m ≥ threshold exactly.
 *
 * Speed: rows are grouped by customer once (counting sort, input order kept; a customer's slice is sorted
 * by day only when the input is not already), then each customer's reviews move two pointers forward: rows
 * entering the window are added to the running sum; when a row leaves, the sum is added again from the
 * window's first row (the only way a sliding sum stays equal to the plain sum), so each row is added about
 * W times at most, never once per review over all rows.
 */
import { partsFromSerial, serialFromParts, serialToIsoDate } from "../cells/dates";
import { CoreError, throwFirst, type CoreProblem } from "../cells/errors";
import type { CustomerId } from "../cells/coerce";
import { foldName } from "../cells/names";
import type { Transactions } from "../transactions/model";
import { transactionsAsOf } from "../transactions/summary";
import { MAX_WINDOW_MONTHS, shiftMonths } from "../transactions/window";

export type LevelMetric = "spend" | "orders";
/** One level: a name in any language, the metric needed to enter it and the metric needed to keep it (keep ≤ entry). */
export interface LevelDef {
  name: string;
  entry: number;
  keep: number;
}
export interface LevelPolicy {
  /** Ascending by entry (strictly). */
  levels: readonly LevelDef[];
  /** Default "spend". */
  metric: LevelMetric;
  /** W, the trailing window in months (1..1200); default 12. */
  windowMonths: number;
  /** V, how long a level holds before it is reviewed for keeping (1..1200 months); default 12. */
  validityMonths: number;
}
export const DEFAULT_LEVEL_METRIC: LevelMetric = "spend";
export const DEFAULT_LEVEL_MONTHS = 12;
/** `level` of a customer on no level. */
export const NO_LEVEL = -1;
/** `since` / `expires` when there is no such date (no level held or entered): 0 is no date in the core's range (serials start at 61, dates.ts). */
export const NO_DATE = 0;
/** Most levels in a policy: a bound on the words and the loop, not a modelling rule. */
export const MAX_LEVELS = 100;
/** Largest threshold in absolute value (a quadrillion, beyond any spend or order count): keeps every gap finite. */
export const MAX_THRESHOLD = 1e15;
/** Most review dates at once (100 years of month-ends). */
export const MAX_REVIEWS = 1201;

export type LevelChangeReason = "upgrade" | "kept" | "downgrade" | "override";
export interface LevelChange {
  /** Index into the result's customerIds. */
  customer: number;
  /** The review date (serial). */
  date: number;
  /** Level indexes; NO_LEVEL for none. "kept" has from === to. */
  from: number;
  to: number;
  reason: LevelChangeReason;
}
export interface LevelsResult {
  /** Customers who bought (or returned) on or before asOf, in order of their first row. */
  customerIds: readonly CustomerId[];
  /** Index into policy.levels; NO_LEVEL = none. */
  level: Int32Array;
  /** The review that set the current level (or dropped the customer to none); NO_DATE when never on a level. */
  since: Float64Array;
  /** When the level is next reviewed for keeping; NO_DATE when on no level. */
  expires: Float64Array;
  /** m over (EDATE(asOf, −W), asOf]. */
  metric: Float64Array;
  /** entry(next level) − m (above 0); 0 at the top level, which has no next (level === levels.length − 1 is the flag). */
  gapToNext: Float64Array;
  /** max(0, keep(current) − m); 0 on no level. */
  gapToKeep: Float64Array;
  /** 1 when the next review is on or after expires and m < keep(current): the level will drop unless the metric rises. */
  downgradesNextReview: Uint8Array;
  /** Every upgrade, kept level and downgrade, by customer then date (empty unless the sink was "keep"). */
  changes: LevelChange[];
  /** The review dates: first, last (asOf) and how many; `next` is the review after asOf. */
  reviews: { first: number; last: number; count: number; next: number };
}

/**
 * Where `computeLevels` puts the history of changes. "keep" (the default) lists them in `result.changes`; "none"
 * records none (=TIER.LEVELS and `tier levels` without --changes show no history); a function is handed each
 * change as it is made, in the order "keep" would list them (by customer, then date), and `result.changes` stays
 * empty. Why: the history grows with customers × reviews, not with customers. Issue 12's hostile pass found CDNOW's
 * 23,570 customers kept at every month-end for a hundred years (validity 1) made 28 million change objects, held
 * (2.5 GB, 38 s) even when nobody asked for them; a caller that writes them streams them instead.
 */
export type LevelChangeSink = "keep" | "none" | ((change: LevelChange) => void);

type PolicyInput = { levels?: readonly Partial<LevelDef>[] | null; metric?: unknown; windowMonths?: unknown; validityMonths?: unknown };

function monthsProblem(reason: "window" | "validity", value: unknown): CoreProblem[] {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_WINDOW_MONTHS
    ? []
    : [{ code: "levelPolicy", details: { reason, value: String(value), max: MAX_WINDOW_MONTHS } }];
}

/**
 * Every rule the policy breaks, as codes and facts (`levelPolicy`, details.reason): `empty`, `tooMany`, and per
 * level (details.level, 0-based; the caller adds its row or line) `blankName`, `duplicateName`, `notFinite`
 * and `tooLarge` (beyond ±MAX_THRESHOLD; details.field "entry" | "keep"), `keepAboveEntry`, `order` (entry not above the previous level's); then
 * `metric`, `window`, `validity`.
 */
export function levelPolicyProblems(policy: PolicyInput): CoreProblem[] {
  const problems: CoreProblem[] = [];
  const levels = policy.levels ?? [];
  if (levels.length === 0) problems.push({ code: "levelPolicy", details: { reason: "empty" } });
  if (levels.length > MAX_LEVELS) problems.push({ code: "levelPolicy", details: { reason: "tooMany", count: levels.length, max: MAX_LEVELS } });
  const seen = new Map<string, number>();
  levels.forEach((l, level) => {
    const name = typeof l.name === "string" ? l.name.trim() : "";
    if (name === "") problems.push({ code: "levelPolicy", details: { reason: "blankName", level } });
    else {
      // Folded as an override is matched to a level (level-overrides.ts), so no override can mean two levels.
      const key = foldName(name);
      const first = seen.get(key);
      if (first !== undefined) problems.push({ code: "levelPolicy", details: { reason: "duplicateName", level, name, first } });
      else seen.set(key, level);
    }
    for (const field of ["entry", "keep"] as const) {
      const v = l[field];
      if (typeof v !== "number" || !Number.isFinite(v)) problems.push({ code: "levelPolicy", details: { reason: "notFinite", level, name, field, value: String(v) } });
      else if (Math.abs(v) > MAX_THRESHOLD) problems.push({ code: "levelPolicy", details: { reason: "tooLarge", level, name, field, value: v, max: MAX_THRESHOLD } });
    }
    const { entry, keep } = l;
    if (typeof entry !== "number" || typeof keep !== "number" || !Number.isFinite(entry) || !Number.isFinite(keep)) return;
    if (keep > entry) problems.push({ code: "levelPolicy", details: { reason: "keepAboveEntry", level, name, entry, keep } });
    const before = level > 0 ? levels[level - 1].entry : undefined;
    if (typeof before === "number" && Number.isFinite(before) && !(entry > before)) {
      problems.push({ code: "levelPolicy", details: { reason: "order", level, name, entry, previous: before, previousName: String(levels[level - 1].name ?? "") } });
    }
  });
  if (policy.metric !== "spend" && policy.metric !== "orders") problems.push({ code: "levelPolicy", details: { reason: "metric", value: String(policy.metric) } });
  problems.push(...monthsProblem("window", policy.windowMonths), ...monthsProblem("validity", policy.validityMonths));
  return problems;
}

/** Whether a day (whole serial) is the last of its month. */
function isMonthEnd(day: number): boolean {
  return partsFromSerial(day + 1).day === 1;
}

/** The end of the month `day` falls in. */
function monthEnd(day: number): number {
  const { year, month } = partsFromSerial(day);
  return month === 12 ? serialFromParts(year + 1, 1, 1) - 1 : serialFromParts(year, month + 1, 1) - 1;
}

/**
 * `months` months from a review day: from a month-end, the month-end that many months away (Excel's EOMONTH),
 * so consecutive month-end reviews have windows that meet and never overlap (EDATE(2024-04-30, −1) is
 * 2024-03-30, which would count a 31 March purchase in both the March and April windows); from any other day
 * (an as-of date that is not a month-end), Excel's EDATE (the same day, clamped to the month's last day).
 */
function monthsFrom(day: number, months: number): number {
  return isMonthEnd(day) ? monthEnd(shiftMonths(day, months)) : shiftMonths(day, months);
}

/** The review dates in [from, asOf] (whole days): every month-end, then asOf when it is not one; and the review after asOf. */
export function levelReviewDates(from: number, asOf: number): { dates: number[]; next: number } {
  const first = Math.floor(from);
  const last = Math.floor(asOf);
  if (first > last) throw new CoreError("levelReviews", { reason: "range", from: serialToIsoDate(first), to: serialToIsoDate(last) });
  const dates: number[] = [];
  for (let d = monthEnd(first); d <= last; d = monthEnd(d + 1)) {
    dates.push(d);
    if (dates.length > MAX_REVIEWS) throw new CoreError("levelReviews", { reason: "tooMany", from: serialToIsoDate(first), to: serialToIsoDate(last), max: MAX_REVIEWS });
  }
  if (!isMonthEnd(last)) dates.push(last);
  return { dates, next: isMonthEnd(last) ? monthEnd(last + 1) : monthEnd(last) };
}

/**
 * The level a customer at `level` drops to when their metric `m` misses its keep threshold at an expiry review: the
 * highest lower level whose keep threshold m meets, or NO_LEVEL (the rule). The one statement of it: the
 * replay applies it at each review and the Downgrade warnings sheet names it as "would drop to".
 */
export function levelAfterDowngrade(levels: readonly Pick<LevelDef, "keep">[], level: number, m: number): number {
  let to = level - 1;
  while (to >= 0 && !(m >= levels[to].keep)) to--;
  return to;
}

/** Row indexes grouped by customer (input order within), each customer's slice then in day order; and the slices' starts. */
function rowsByCustomer(tx: Transactions, day: Float64Array): { order: Int32Array; start: Int32Array } {
  const customers = tx.customerIds.length;
  const n = tx.validRows;
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) start[tx.customer[i] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, customers);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[tx.customer[i]]++] = i;
  for (let c = 0; c < customers; c++) {
    const s = start[c];
    const e = start[c + 1];
    let sorted = true;
    for (let k = s + 1; k < e && sorted; k++) sorted = day[order[k - 1]] <= day[order[k]];
    if (!sorted) order.subarray(s, e).sort((a, b) => day[a] - day[b] || a - b);
  }
  return { order, start };
}

/**
 * Levels for every customer as a review on `asOf` leaves them, replaying every review from `from` (default:
 * the first purchase day). `tx` may hold rows after asOf: they are left out, as every as-of summary does.
 */
export function computeLevels(tx: Transactions, policy: LevelPolicy, asOf: number, from?: number | null, sink: LevelChangeSink = "keep"): LevelsResult {
  throwFirst(levelPolicyProblems(policy));
  const cut = transactionsAsOf(tx, asOf);
  const n = cut.validRows;
  const day = new Float64Array(n);
  let firstDay = Infinity;
  for (let i = 0; i < n; i++) {
    day[i] = Math.floor(cut.date[i]);
    if (day[i] < firstDay) firstDay = day[i];
  }
  if (n === 0) throw new CoreError("noData", { argument: "dates" });
  const { dates: reviews, next } = levelReviewDates(from ?? firstDay, asOf);
  const R = reviews.length;
  const W = policy.windowMonths;
  const V = policy.validityMonths;
  const windowStart = reviews.map((d) => monthsFrom(d, -W));
  const expiry = reviews.map((d) => monthsFrom(d, V));
  const entry = policy.levels.map((l) => l.entry);
  const keep = policy.levels.map((l) => l.keep);
  const L = entry.length;
  const orders = policy.metric === "orders";

  const customers = cut.customerIds.length;
  const level = new Int32Array(customers).fill(NO_LEVEL);
  const since = new Float64Array(customers);
  const expires = new Float64Array(customers);
  const metric = new Float64Array(customers);
  const gapToNext = new Float64Array(customers);
  const gapToKeep = new Float64Array(customers);
  const downgradesNextReview = new Uint8Array(customers);
  const changes: LevelChange[] = [];
  const record = sink === "keep" ? (change: LevelChange) => void changes.push(change) : sink === "none" ? null : sink;
  const { order, start } = rowsByCustomer(cut, day);
  const amount = cut.amount;

  for (let c = 0; c < customers; c++) {
    const s = start[c];
    const e = start[c + 1];
    let firstPurchase = Infinity;
    for (let k = s; k < e; k++) {
      if (amount[order[k]] >= 0) {
        firstPurchase = day[order[k]];
        break;
      }
    }
    // Reviews before the first purchase are not the customer's; one who only returned is measured at asOf, never entered.
    let r = 0;
    while (r < R - 1 && reviews[r] < firstPurchase) r++;
    const entered = firstPurchase !== Infinity;
    let lo = s;
    let hi = s;
    let sum = 0;
    let count = 0;
    let current = NO_LEVEL;
    let sinceDay = NO_DATE;
    let expiresDay = NO_DATE;
    let m = 0;
    for (; r < R; r++) {
      const d = reviews[r];
      while (hi < e && day[order[hi]] <= d) {
        const a = amount[order[hi]];
        sum += a;
        if (a >= 0) count++;
        hi++;
      }
      let left = false;
      while (lo < hi && day[order[lo]] <= windowStart[r]) {
        if (amount[order[lo]] >= 0) count--;
        lo++;
        left = true;
      }
      if (left) {
        sum = 0;
        for (let k = lo; k < hi; k++) sum += amount[order[k]];
      }
      if (!orders && !Number.isFinite(sum)) overflow(cut, order, lo, hi);
      m = orders ? count : sum;
      if (!entered) continue;
      let up = L - 1;
      while (up >= 0 && !(entry[up] <= m)) up--;
      if (up > current) {
        record?.({ customer: c, date: d, from: current, to: up, reason: "upgrade" });
        current = up;
        sinceDay = d;
        expiresDay = expiry[r];
      } else if (current >= 0 && d >= expiresDay) {
        if (m >= keep[current]) {
          record?.({ customer: c, date: d, from: current, to: current, reason: "kept" });
          expiresDay = expiry[r];
        } else {
          const to = levelAfterDowngrade(policy.levels, current, m);
          record?.({ customer: c, date: d, from: current, to, reason: "downgrade" });
          current = to;
          sinceDay = d;
          expiresDay = to >= 0 ? expiry[r] : NO_DATE;
        }
      }
    }
    level[c] = current;
    since[c] = sinceDay;
    expires[c] = expiresDay;
    metric[c] = m;
    gapToNext[c] = current < L - 1 ? Math.max(0, entry[current + 1] - m) : 0;
    gapToKeep[c] = current >= 0 ? Math.max(0, keep[current] - m) : 0;
    downgradesNextReview[c] = current >= 0 && expiresDay <= next && m < keep[current] ? 1 : 0;
  }
  return {
    customerIds: cut.customerIds,
    level,
    since,
    expires,
    metric,
    gapToNext,
    gapToKeep,
    downgradesNextReview,
    changes,
    reviews: { first: reviews[0], last: reviews[R - 1], count: R, next },
  };
}

/** A window's spend past the largest double: the row whose amount took the plain sum past it. */
function overflow(tx: Transactions, order: Int32Array, lo: number, hi: number): never {
  let sum = 0;
  for (let k = lo; k < hi; k++) {
    const i = order[k];
    sum += tx.amount[i];
    if (!Number.isFinite(sum)) throw new CoreError("sumOverflow", { field: "amounts", row: tx.sourceRow[i], value: String(tx.amount[i]) });
  }
  throw new CoreError("sumOverflow", { field: "amounts", row: -1, value: "" });
}
