/**
 * How each cohort retains: customers grouped by the month (or quarter) of their first purchase, and
 * for each period since, the share of the cohort that bought in it (p0 is always 1), or with
 * measure "revenue" the cohort's revenue in the period over its revenue in the first period (revenue
 * retention). Cumulative revenue per customer comes along either way. With `split` (each customer's
 * first tier, say) every cohort is also broken down by it.
 *
 * The triangle: a cohort first seen in period P has periods 0 … L − P, L the last period in the data.
 * Linear passes over the rows and no comparison sort: each row's period comes from a per-day lookup
 * (a log spans a few thousand days, a file a million rows), each customer's first period from the first
 * pass, and the (cohort, period) activity from a bit per period per customer (up to 32 periods), else
 * from rows grouped by customer (counting sort) with a stamp per period, so a customer counts once per
 * period however many rows it has.
 */
import { serialToIsoDate } from "../cells/dates";
import { CoreError, type CoreProblem } from "../cells/errors";
import type { Transactions } from "../transactions/model";
import { periodIndex, periodLabel, type CalendarPeriod } from "../transactions/window";

export type CohortMeasure = "customers" | "revenue";

export interface CohortOptions {
  by?: CalendarPeriod;
  measure?: CohortMeasure;
  /** Per customer of the table (index into tx.customerIds) a group, −1 for none, and the groups' names. */
  split?: { groupOf: ArrayLike<number>; names: readonly string[] };
}

export interface CohortRow {
  /** "2010-12" or "2010-Q4". */
  cohort: string;
  /** Period index (year·12 + month − 1, or year·4 + quarter − 1). */
  period: number;
  /** The split group's name, "" for the whole cohort. */
  group: string;
  customers: number;
  /** Per period since the first: the share of the cohort active (measure customers) or revenue over period 0's (revenue). */
  values: number[];
  /** Per period since the first: customers active in it. */
  active: number[];
  /** Per period since the first: the cohort's revenue in it. */
  revenue: number[];
  /** Per period since the first: revenue to date per customer of the cohort. */
  cumulativeRevenuePerCustomer: number[];
}

export interface CohortTable {
  by: CalendarPeriod;
  measure: CohortMeasure;
  /** The most periods any cohort has (the oldest's). */
  width: number;
  rows: CohortRow[];
}

/** What is wrong with the cohort options (the arguments named by the caller). */
export function cohortOptionProblems(options: { by?: unknown; measure?: unknown }): CoreProblem[] {
  const problems: CoreProblem[] = [];
  if (options.by !== undefined && options.by !== "month" && options.by !== "quarter") problems.push({ code: "badCohortBy", details: { value: String(options.by) } });
  if (options.measure !== undefined && options.measure !== "customers" && options.measure !== "revenue") {
    problems.push({ code: "badCohortMeasure", details: { value: String(options.measure) } });
  }
  return problems;
}

function isPurchase(amount: number): boolean {
  return amount > 0 || Object.is(amount, 0);
}

/** The most periods (months or quarters) from the first purchase to the last a cohort table spans: 50 years of months. */
export const MAX_COHORT_PERIODS = 600;

/**
 * The triangle is periods × periods (and × first tiers): dates from 1900 to 9999 asked for 97,000² cells and
 * failed inside the engine (issue 12: unbounded output in two dimensions). A span beyond MAX_COHORT_PERIODS is
 * a wrong date far more often than 50 years of cohorts, so it is refused, naming the span.
 */
function checkSpan(minDay: number, maxDay: number, width: number, by: CalendarPeriod): void {
  if (width > MAX_COHORT_PERIODS) {
    throw new CoreError("cohortSpan", { argument: "dates", periods: width, max: MAX_COHORT_PERIODS, by, first: serialToIsoDate(minDay), last: serialToIsoDate(maxDay) });
  }
}

/** CoreError "cohortSpan" when the rows' dates span more than MAX_COHORT_PERIODS periods (before any work on them). */
export function checkCohortSpan(tx: Transactions, by: CalendarPeriod): void {
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < tx.validRows; i++) {
    const d = Math.floor(tx.date[i]);
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  if (tx.validRows > 0) checkSpan(minDay, maxDay, periodIndex(maxDay, by) - periodIndex(minDay, by) + 1, by);
}

export function cohortTable(tx: Transactions, options: CohortOptions = {}): CohortTable {
  const [problem] = cohortOptionProblems(options);
  if (problem) throw new CoreError(problem.code, problem.details);
  const by = options.by ?? "month";
  const measure = options.measure ?? "customers";
  const rows = tx.validRows;
  if (rows === 0) throw new CoreError("noData");
  const { customer, date, amount } = tx;
  const customers = tx.customerIds.length;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < rows; i++) {
    const d = date[i];
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  minDay = Math.floor(minDay);
  maxDay = Math.floor(maxDay);
  // The span first: a wrong year is refused before a day table over centuries is built.
  checkSpan(minDay, maxDay, periodIndex(maxDay, by) - periodIndex(minDay, by) + 1, by);
  const periodOfDay = new Int32Array(maxDay - minDay + 1);
  for (let d = minDay; d <= maxDay; d++) periodOfDay[d - minDay] = periodIndex(d, by);
  const firstPeriod = periodOfDay[0];
  const width = periodOfDay[maxDay - minDay] - firstPeriod + 1;
  const rowPeriod = new Int32Array(rows);
  const cohortOf = new Int32Array(customers).fill(width);
  for (let i = 0; i < rows; i++) {
    const p = periodOfDay[Math.floor(date[i]) - minDay] - firstPeriod;
    rowPeriod[i] = p;
    if (isPurchase(amount[i]) && p < cohortOf[customer[i]]) cohortOf[customer[i]] = p;
  }
  const split = options.split;
  const groups = split ? split.names.length + 1 : 1;
  // Cells per (cohort, group, period since): cohort-major, group 0 = the whole cohort.
  const cell = (cohort: number, group: number, since: number) => (cohort * groups + group) * width + since;
  const size = new Float64Array(width * groups);
  const active = new Float64Array(width * groups * width);
  const revenue = new Float64Array(width * groups * width);
  const groupOf = (c: number) => {
    const g = split ? split.groupOf[c] : -1;
    return g >= 0 && g < groups - 1 ? g + 1 : -1;
  };
  // Refunds only: no customer has a purchase, so every cohort would be empty; said, not printed as a header alone.
  let buyers = 0;
  for (let c = 0; c < customers; c++) if (cohortOf[c] !== width) buyers++;
  if (buyers === 0) throw new CoreError("onlyReturns", { argument: "amounts", rows });
  for (let c = 0; c < customers; c++) {
    if (cohortOf[c] === width) continue; // returns only
    size[cohortOf[c] * groups]++;
    const g = groupOf(c);
    if (g > 0) size[cohortOf[c] * groups + g]++;
  }
  // Revenue in file order; activity as a set of periods per customer, so a customer counts once in
  // a period however many rows it has there, in any row order.
  for (let i = 0; i < rows; i++) {
    const c = customer[i];
    const cohort = cohortOf[c];
    if (cohort === width || !isPurchase(amount[i])) continue;
    const since = rowPeriod[i] - cohort;
    revenue[cell(cohort, 0, since)] += amount[i];
    // The finite-number rule for sums (transactions/summary.ts): a cohort's revenue past the largest double is
    // the amounts' total overflowing, never an Infinity (or a blank ratio) in the triangle.
    if (revenue[cell(cohort, 0, since)] === Infinity) throw new CoreError("sumOverflow", { field: "amounts", row: -1, value: "" });
    const g = groupOf(c);
    if (g > 0) revenue[cell(cohort, g, since)] += amount[i];
  }
  const countActive = (c: number, since: number) => {
    const cohort = cohortOf[c];
    active[cell(cohort, 0, since)]++;
    const g = groupOf(c);
    if (g > 0) active[cell(cohort, g, since)]++;
  };
  if (width <= 32) {
    // Up to 32 periods (the usual case: two and a half years of months): one bit per period.
    const mask = new Uint32Array(customers);
    for (let i = 0; i < rows; i++) {
      const c = customer[i];
      if (cohortOf[c] !== width && isPurchase(amount[i])) mask[c] |= 1 << (rowPeriod[i] - cohortOf[c]);
    }
    for (let c = 0; c < customers; c++) {
      for (let bits = mask[c], since = 0; bits !== 0; bits >>>= 1, since++) if (bits & 1) countActive(c, since);
    }
  } else {
    // Longer: rows grouped by customer (a counting sort), and a stamp per period.
    const start = new Int32Array(customers + 1);
    for (let i = 0; i < rows; i++) start[customer[i] + 1]++;
    for (let c = 0; c < customers; c++) start[c + 1] += start[c];
    const cursor = start.slice(0, customers);
    const byCustomer = new Int32Array(rows);
    for (let i = 0; i < rows; i++) byCustomer[cursor[customer[i]]++] = i;
    const stamp = new Int32Array(width).fill(-1);
    for (let c = 0; c < customers; c++) {
      if (cohortOf[c] === width) continue;
      for (let j = start[c]; j < start[c + 1]; j++) {
        const i = byCustomer[j];
        if (!isPurchase(amount[i])) continue;
        const since = rowPeriod[i] - cohortOf[c];
        if (stamp[since] === c) continue;
        stamp[since] = c;
        countActive(c, since);
      }
    }
  }
  const out: CohortRow[] = [];
  for (let cohort = 0; cohort < width; cohort++) {
    for (let g = 0; g < groups; g++) {
      const n = size[cohort * groups + g];
      if (n === 0 || (g > 0 && !split)) continue;
      const periods = width - cohort;
      const row: CohortRow = {
        cohort: periodLabel(firstPeriod + cohort, by),
        period: firstPeriod + cohort,
        group: g === 0 ? "" : split!.names[g - 1],
        customers: n,
        values: [],
        active: [],
        revenue: [],
        cumulativeRevenuePerCustomer: [],
      };
      let cumulative = 0;
      const first = revenue[cell(cohort, g, 0)];
      for (let since = 0; since < periods; since++) {
        const a = active[cell(cohort, g, since)];
        const r = revenue[cell(cohort, g, since)];
        cumulative += r;
        row.active.push(a);
        row.revenue.push(r);
        row.cumulativeRevenuePerCustomer.push(cumulative / n);
        row.values.push(measure === "customers" ? a / n : first > 0 ? r / first : NaN);
      }
      out.push(row);
    }
  }
  return { by, measure, width, rows: out };
}
