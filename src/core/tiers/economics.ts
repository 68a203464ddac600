/**
 * What each tier earns after the cost of serving it (issue 15 §3). Finance reads a tier by its margin less
 * what the programme spends on it, not by revenue, so per tier:
 *
 *   gross margin     = revenue × the margin rate (one rate), or Σ the customers' margin (a margin column)
 *   cost to serve    = cost per customer × customers + cost per order × orders + the tier's fixed cost
 *   net contribution = gross margin − cost to serve            (the issue's identity, exactly)
 *   net per customer = net contribution ÷ customers            (null with no customer)
 *   return on cost   = net contribution ÷ cost to serve        (null when the cost is 0: not defined)
 *
 * The period: a summary covers one period, the analysed one (the window of N months when one is set, else
 * all history up to the analysis date), and the cost per customer is what serving one customer costs over
 * that period. That keeps the identity as finance writes it (no pro-rating a reader has to redo) and the
 * UI says which period the numbers are for. The predicted-CLV side needs the period's length in months to
 * carry that cost over the CLV horizon (`netMarginClv`).
 *
 * Tiers the cost table does not list take its default row (the CSV's `*` line, the pane's "Other tiers"
 * row); without one they cost 0 and `unpriced` names them, so a caller can say so rather than pass off a
 * missing cost as a free tier. A "not defined" ratio is null, never Infinity or NaN (the brief).
 */
import { ownValue } from "../cells/words";
import { CoreError } from "../cells/errors";
import { foldName } from "../cells/names";

export interface TierCost {
  /** Cost of serving one customer over the summarised period. */
  perCustomer: number;
  /** Cost of each order (fulfilment, service). */
  perOrder: number;
  /** Fixed programme cost of the tier over the period, whatever its customers. */
  fixed: number;
}

export interface CostTable {
  /** By tier name (as the summary shows it, or its key): matched exactly, then ignoring case. */
  tiers: Readonly<Record<string, TierCost>>;
  /** For a tier not listed; absent: such a tier costs 0 and is reported in `unpriced`. */
  default?: TierCost | null;
}

export const ZERO_COST: TierCost = Object.freeze({ perCustomer: 0, perOrder: 0, fixed: 0 });

/** One tier's totals, the input of the economics. `margin`: Σ margin of its customers (a margin column); absent with a rate. */
export interface TierInput {
  tier: string;
  customers: number;
  orders: number;
  revenue: number;
  margin?: number;
}

export interface TierEconomics {
  tier: string;
  customers: number;
  orders: number;
  revenue: number;
  grossMargin: number;
  costToServe: number;
  netContribution: number;
  /** null when the tier has no customer. */
  netPerCustomer: number | null;
  /** Net contribution ÷ cost to serve; null when it is not defined: a cost of 0, or one so small the ratio passes every double (a cost of 5e-324). */
  returnOnCost: number | null;
}

export interface EconomicsResult {
  rows: TierEconomics[];
  /** Tiers priced at 0 because the table neither lists them nor has a default row. */
  unpriced: string[];
}

const COST_FIELDS = ["perCustomer", "perOrder", "fixed"] as const;

/**
 * The largest cost taken (10^15, a thousand trillion in any currency): far past any programme's, and small enough
 * that a cost times customers, orders or a CLV horizon stays a finite double, so no total or net margin CLV can
 * overflow to Infinity (the brief: no result ever holds Infinity).
 */
export const MAX_COST = 1e15;

/** Whether a cost is one the economics take: a number from 0 to MAX_COST. */
export const isCost = (value: number): boolean => value >= 0 && value <= MAX_COST;

/** CoreError "badCost" naming the tier and field when a cost is not a number from 0 to MAX_COST. */
export function checkCostTable(table: CostTable): void {
  const check = (tier: string, cost: TierCost) => {
    for (const field of COST_FIELDS) {
      const value = cost[field];
      if (!isCost(value)) throw new CoreError("badCost", { tier, field, value });
    }
  };
  for (const [tier, cost] of Object.entries(table.tiers)) check(tier, cost);
  if (table.default) check("*", table.default);
}

/** The cost of a tier by name (exact, then folded: foldName), else the default; null when neither. */
export function costOf(table: CostTable, tier: string, ...aliases: string[]): TierCost | null {
  for (const name of [tier, ...aliases]) {
    const exact = ownValue(table.tiers, name);
    if (exact) return exact;
  }
  const folded = [tier, ...aliases].map(foldName);
  for (const [name, cost] of Object.entries(table.tiers)) if (folded.includes(foldName(name))) return cost;
  return table.default ?? null;
}

/**
 * Per tier, the economics above. `marginRate` (0..1) gives the gross margin when a row has no `margin`
 * (a row without either is the caller's mistake, a RangeError). `aliases(row)` gives other
 * names the table may use for a tier (its key beside its label).
 */
export function tierEconomics(
  rows: readonly TierInput[],
  table: CostTable,
  marginRate: number | null = null,
  aliases: (row: TierInput, k: number) => string[] = () => [],
): EconomicsResult {
  checkCostTable(table);
  if (marginRate !== null && !(marginRate >= 0 && marginRate <= 1)) throw new CoreError("badMargin", { argument: "margin", value: marginRate });
  const unpriced: string[] = [];
  const out = rows.map((row, k): TierEconomics => {
    const found = costOf(table, row.tier, ...aliases(row, k));
    if (!found) unpriced.push(row.tier);
    const cost = found ?? ZERO_COST;
    let grossMargin: number;
    if (row.margin !== undefined) grossMargin = row.margin;
    else if (marginRate !== null) grossMargin = row.revenue * marginRate;
    else throw new RangeError(`tierEconomics: tier ${row.tier} has no margin and no rate was given`);
    const costToServe = cost.perCustomer * row.customers + cost.perOrder * row.orders + cost.fixed;
    const netContribution = grossMargin - costToServe;
    for (const [field, value] of [["costToServe", costToServe], ["netContribution", netContribution]] as const) {
      // Costs and margins far past any real programme's (1e308 and up) overflow: said, never Infinity.
      if (!Number.isFinite(value)) throw new CoreError("sumOverflow", { field, row: -1, tier: row.tier, value });
    }
    return {
      tier: row.tier,
      customers: row.customers,
      orders: row.orders,
      revenue: row.revenue,
      grossMargin,
      costToServe,
      netContribution,
      netPerCustomer: row.customers > 0 ? netContribution / row.customers : null,
      returnOnCost: ratioOrNull(netContribution, costToServe),
    };
  });
  return { rows: out, unpriced };
}

/**
 * Per tier (index into `names`): customers, orders, revenue and (with `margin`, per customer) the margin sum.
 * Indices ≥ names.length (no tier) are not counted. Tiers without customers are included.
 */
export function tierInputs(
  tierOf: ArrayLike<number>,
  names: readonly string[],
  orders: ArrayLike<number>,
  revenue: ArrayLike<number>,
  margin: ArrayLike<number> | null = null,
): TierInput[] {
  const rows: TierInput[] = names.map((tier) => ({ tier, customers: 0, orders: 0, revenue: 0, ...(margin ? { margin: 0 } : {}) }));
  for (let i = 0; i < tierOf.length; i++) {
    const row = rows[tierOf[i]];
    if (!row) continue;
    row.customers++;
    row.orders += orders[i];
    row.revenue += revenue[i];
    if (margin && row.margin !== undefined) {
      const v = margin[i];
      // A blank margin (NaN) adds nothing, as the pane's margin total reads it (analysis/measures.ts).
      if (v === v) row.margin += v;
    }
  }
  // A tier's total past the largest double (two customers of 1e308 each) is the column's overflow, never Infinity in a
  // summary (issue 12; `tier rfm --summary` printed revenue Infinity). The fields are the columns' arguments (amounts,
  // margin), which each layer names in its own words (--amount, --margin-column on the command line).
  for (const row of rows) {
    if (!Number.isFinite(row.revenue)) throw new CoreError("sumOverflow", { field: "amounts", row: -1, value: "" });
    if (row.margin !== undefined && !Number.isFinite(row.margin)) throw new CoreError("sumOverflow", { field: "margin", row: -1, value: "" });
  }
  return rows;
}

/** a ÷ b where that is a number: null for b ≤ 0 and for a quotient past the largest double (a tiny cost under a real margin). */
function ratioOrNull(a: number, b: number): number | null {
  if (!(b > 0)) return null;
  const q = a / b;
  return Number.isFinite(q) ? q : null;
}

/** Average length of a month in days (365.25 / 12), the unit the period and the CLV horizon share. */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Margin CLV net of the expected cost to serve over the same horizon, per customer:
 *
 *   net = margin CLV − cost per order × expected purchases − cost per customer × P(alive) × horizon ÷ period
 *
 * The per-customer cost is charged for the share of the horizon a customer is expected to be served: one
 * period's cost per `periodMonths` of horizon, weighted by the probability the customer is still active
 * (a churned customer is no longer served). This is the simpler rule of the two the issue allows: P(alive)
 * is taken at the analysis date, not decayed over the horizon, which overstates the cost a little for
 * customers likely to churn during it (and so understates their net CLV: the cautious side). Fixed costs
 * are the programme's, not a customer's, and stay out of a customer's CLV. NaN in (no model row, no margin
 * rate) stays NaN (blank with the reason, as margin CLV).
 */
export function netMarginClv(
  marginClv: ArrayLike<number>,
  expectedPurchases: ArrayLike<number>,
  pAlive: ArrayLike<number>,
  costs: ArrayLike<TierCost | null>,
  horizonMonths: number,
  periodMonths: number,
): Float64Array {
  if (!(horizonMonths > 0 && Number.isFinite(horizonMonths))) throw new CoreError("badHorizon", { argument: "horizon_months", value: horizonMonths });
  if (!(periodMonths > 0 && Number.isFinite(periodMonths))) throw new RangeError(`netMarginClv: period of ${periodMonths} months`);
  const periods = horizonMonths / periodMonths;
  return Float64Array.from(marginClv, (clv, i) => {
    const cost = costs[i] ?? ZERO_COST;
    return clv - cost.perOrder * expectedPurchases[i] - cost.perCustomer * pAlive[i] * periods;
  });
}

/**
 * Per tier index (0..tiers − 1), Σ over its customers of their net margin CLV (`netMarginClv`'s values): a customer
 * without one (NaN: no model row, no margin) is left out, and a tier where no customer has one is NaN (blank with
 * the reason, as margin CLV), never a made-up 0. Indices outside 0..tiers − 1 (no tier) are not counted.
 */
export function netMarginClvByTier(net: ArrayLike<number>, tierOf: ArrayLike<number>, tiers: number): Float64Array {
  const out = new Float64Array(tiers).fill(NaN);
  for (let i = 0; i < tierOf.length; i++) {
    const t = tierOf[i];
    const v = net[i];
    if (!(t >= 0 && t < tiers) || v !== v) continue;
    out[t] = out[t] === out[t] ? out[t] + v : v;
  }
  return out;
}

/** The summarised period in months: the window when set, else the span from the first purchase to the analysis date (at least one day). */
export function periodMonths(windowMonths: number | null | undefined, firstDay: number, asOf: number): number {
  if (windowMonths) return windowMonths;
  return Math.max(1, asOf - firstDay + 1) / DAYS_PER_MONTH;
}

/**
 * The run's economics settings (the pane's Costs section, saved with the analysis settings): costs by tier key
 * (a segment key such as "champions", a custom segment's name, "A"/"B"/"C", a band key such as "diamond"), the
 * row for every other tier, the margin (one rate from 0 to 1, or "column": the Margin column's sum per
 * customer) and Compare's cost per upgrade (null: none).
 */
export interface EconomicsOptions {
  costs: Readonly<Record<string, TierCost>>;
  otherTiers: TierCost | null;
  margin: number | "column";
  costPerUpgrade: number | null;
}

/** A problem with the economics settings, as facts for the pane and the port to word. */
export type EconomicsProblem =
  | { code: "cost"; tier: string; field: keyof TierCost; value: number }
  | { code: "rate"; value: number }
  | { code: "needsColumn" }
  /** The Margin column with a window: the column's sums per customer are over all history (analysis/measures.ts), the tiers' revenue over the window. */
  | { code: "columnWindow" }
  | { code: "upgrade"; value: number };

/**
 * Every problem of the settings (`hasMarginColumn`: a column is mapped to Margin; `windowed`: the analysis has a
 * window of N months). The one statement of each refusal, for the pane's form and the workbook's port alike.
 */
export function economicsProblems(options: EconomicsOptions, hasMarginColumn: boolean, windowed = false): EconomicsProblem[] {
  const out: EconomicsProblem[] = [];
  const rows: [string, TierCost][] = [...Object.entries(options.costs), ...(options.otherTiers ? [["*", options.otherTiers] as [string, TierCost]] : [])];
  for (const [tier, cost] of rows) {
    for (const field of COST_FIELDS) if (!isCost(cost[field])) out.push({ code: "cost", tier, field, value: cost[field] });
  }
  if (options.margin === "column") {
    if (!hasMarginColumn) out.push({ code: "needsColumn" });
    else if (windowed) out.push({ code: "columnWindow" });
  } else if (!(options.margin >= 0 && options.margin <= 1)) out.push({ code: "rate", value: options.margin });
  const up = options.costPerUpgrade;
  if (up !== null && !isCost(up)) out.push({ code: "upgrade", value: up });
  return out;
}
