/*
 * Tiering's Excel custom functions (namespace TIER). Only top-level function declarations with a
 * @customfunction tag are read by the metadata generator, so each one is a thin, documented shell
 * around its adapter module. Chinese descriptions live in src/i18n/functions.zh-CN.json.
 *
 * Arguments and results are `unknown`: a cell can hold anything (number, text, boolean, null, an error
 * object), so the adapters narrow each value where they use it (coerce.ts). The generator maps
 * `unknown` to Excel's "any" type just as it did `any`, and it reports an error unless the JSDoc type
 * names the same TypeScript type as the declaration, hence `{unknown}` in the tags too.
 */
import { abcClasses, abcNextTable } from "./abc";
import { clvGrid } from "./clv";
import { runFunction } from "./errors";
import { runtimeMessages } from "./locale";
import { migrationTable } from "./migration";
import { levelsFunctionTable } from "./levels";
import { cohortFunctionTable, moversTable } from "./over-time";
import { pilotTable } from "./pilot";
import { clvFitTable, clvPredictTable, lifecycleTable, pAliveTable } from "./predict";
import { nextPurchaseTable } from "./next-purchase";
import { rfmScoreTable, rfmTable } from "./rfm";
import { scoreTable } from "./score";

/**
 * RFM scores and segments from transactions: one row per customer with Customer, Recency (days), Frequency, Monetary, R, F, M, RFM and Segment.
 * @customfunction RFM
 * @helpurl https://localhost:3000/help/functions.html#tier-rfm
 * @param {unknown[][]} customers Customer id of each transaction (one column).
 * @param {unknown[][]} dates Date of each transaction (one column, same height).
 * @param {unknown[][]} amounts Amount of each transaction (one column, same height).
 * @param {unknown} [as_of] Analysis date that recency counts from; an earlier date than the latest purchase ignores the later rows (as it stood then). Default: the latest date in the data.
 * @param {unknown[][]} [bins] Score levels per dimension, 2 to 10 (default 5), or breakpoints in three rows: recency, frequency, monetary.
 * @param {unknown[][]} [segments] "rfm" (default), "cn8", or a range of rules: name, R min, R max, F min, F max, M min, M max.
 * @param {unknown} [headers] TRUE (default) to start with a header row, FALSE for data only.
 * @param {unknown} [window_months] Count frequency and monetary over the last N months up to as_of (recency still from all purchases). Customers with no purchase in the window stay, with 0. Default: all history.
 * @returns {unknown[][]} One row per customer.
 */
export function rfm(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown,
  bins?: unknown[][],
  segments?: unknown[][],
  headers?: unknown,
  window_months?: unknown,
): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [customers, dates, amounts, as_of, bins, segments, headers, window_months], () => rfmTable(customers, dates, amounts, as_of, bins, segments, headers, m, window_months), { name: "TIER.RFM", data: "amounts" });
}

/**
 * RFM scores and segments from customer-level columns: one row per input row with R, F, M, RFM and Segment.
 * @customfunction RFMSCORE
 * @helpurl https://localhost:3000/help/functions.html#tier-rfmscore
 * @param {unknown[][]} recency_days Days since each customer's last purchase (one column).
 * @param {unknown[][]} frequency Number of purchases of each customer (one column, same height).
 * @param {unknown[][]} monetary Amount spent by each customer (one column, same height).
 * @param {unknown[][]} [bins] Score levels per dimension, 2 to 10 (default 5), or breakpoints in three rows: recency, frequency, monetary.
 * @param {unknown[][]} [segments] "rfm" (default), "cn8", or a range of rules: name, R min, R max, F min, F max, M min, M max.
 * @returns {unknown[][]} R, F, M, RFM and Segment for each row; blank rows stay blank.
 */
export function rfmscore(recency_days: unknown[][], frequency: unknown[][], monetary: unknown[][], bins?: unknown[][], segments?: unknown[][]): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [recency_days, frequency, monetary, bins, segments], () => rfmScoreTable(recency_days, frequency, monetary, bins, segments, m), { name: "TIER.RFMSCORE", data: "monetary" });
}

/**
 * ABC (Pareto) class of each value: A while the share held by larger values is below a_cut, B below b_cut, else C; or, with method "computed", limits read off the ABC curve.
 * @customfunction ABCCLASS
 * @helpurl https://localhost:3000/help/functions.html#tier-abcclass
 * @param {unknown[][]} values Values to classify, such as revenue per customer (one column or one row).
 * @param {unknown} [a_cut] Cumulative share that ends class A. Default: 0.8 (0.2 with basis "count"). Ignored with method "computed".
 * @param {unknown} [b_cut] Cumulative share that ends class B. Default: 0.95 (0.5 with basis "count"). Ignored with method "computed".
 * @param {unknown} [basis] "value" (default): share of the total value; "count": share of the customers. Ignored with method "computed".
 * @param {unknown} [method] "fixed" (default): the cuts; "computed": A/B at the Pareto or break-even point and B/C at the submarginal point of the ABC curve (Ultsch & Lötsch 2015).
 * @returns {unknown[][]} "A", "B" or "C" for each value; blank cells stay blank.
 */
export function abcclass(values: unknown[][], a_cut?: unknown, b_cut?: unknown, basis?: unknown, method?: unknown): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [values, a_cut, b_cut, basis, method], () => abcClasses(values, a_cut, b_cut, basis, method, m), { name: "TIER.ABCCLASS", data: "values" });
}

/**
 * The next ABC class up for each value and the gap to it: how much the value must grow to reach the smallest value already in that class.
 * @customfunction ABCNEXT
 * @helpurl https://localhost:3000/help/functions.html#tier-abcnext
 * @param {unknown[][]} values Values to classify, such as revenue per customer (one column or one row).
 * @param {unknown} [a_cut] Cumulative share that ends class A, as in ABCCLASS. Default: 0.8 (0.2 with basis "count"). Ignored with method "computed".
 * @param {unknown} [b_cut] Cumulative share that ends class B, as in ABCCLASS. Default: 0.95 (0.5 with basis "count"). Ignored with method "computed".
 * @param {unknown} [basis] "value" (default) or "count", as in ABCCLASS. Ignored with method "computed".
 * @param {unknown} [method] "fixed" (default) or "computed", as in ABCCLASS.
 * @returns {unknown[][]} Two columns per value: the next class up ("A" or "B") and the gap; both blank for class A and for blank cells.
 */
export function abcnext(values: unknown[][], a_cut?: unknown, b_cut?: unknown, basis?: unknown, method?: unknown): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [values, a_cut, b_cut, basis, method], () => abcNextTable(values, a_cut, b_cut, basis, method, m), { name: "TIER.ABCNEXT", data: "values" });
}

/**
 * Customer lifetime value: average purchase × purchases per year × lifespan in years × margin, discounted yearly when a rate is given.
 * @customfunction CLV
 * @helpurl https://localhost:3000/help/functions.html#tier-clv
 * @param {unknown[][]} avg_purchase Average purchase amount (a value or a range).
 * @param {unknown[][]} frequency Purchases per year (a value or a range of the same shape).
 * @param {unknown[][]} lifespan Expected customer lifespan in years (a value or a range).
 * @param {unknown[][]} margin Gross margin as a fraction from 0 to 1, e.g. 0.3 (a value or a range).
 * @param {unknown[][]} [discount_rate] Yearly discount rate from 0 to 1, e.g. 0.1. Default: 0 (no discounting).
 * @returns {unknown[][]} The lifetime value for each cell.
 */
export function clv(avg_purchase: unknown[][], frequency: unknown[][], lifespan: unknown[][], margin: unknown[][], discount_rate?: unknown[][]): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [avg_purchase, frequency, lifespan, margin, discount_rate], () => clvGrid(avg_purchase, frequency, lifespan, margin, discount_rate, m), { name: "TIER.CLV", data: "avg_purchase" });
}

/**
 * Predicted CLV from transactions with the BG/NBD and Gamma-Gamma models: one row per customer with x (repeat purchases), t_x, T, P(alive), expected purchases and CLV over the horizon, and expected average spend.
 * @customfunction CLVPREDICT
 * @helpurl https://localhost:3000/help/functions.html#tier-clvpredict
 * @param {unknown[][]} customers Customer id of each transaction (one column).
 * @param {unknown[][]} dates Date of each transaction (one column, same height).
 * @param {unknown[][]} amounts Amount of each transaction (one column, same height).
 * @param {unknown} [as_of] End of the calibration period; later transactions are ignored. Default: the latest date in the data.
 * @param {unknown} [horizon_months] Months ahead for the expected purchases and the CLV. Default: 12.
 * @param {unknown} [monthly_discount] Discount rate per month, e.g. 0.01. Default: 0.01.
 * @param {unknown} [unit] Time unit of t_x and T: "day", "week" (default) or "month".
 * @param {unknown} [model] Purchase model: "bgnbd" (default) or "pareto" (Pareto/NBD).
 * @param {unknown} [margin] Margin rate from 0 to 1 (e.g. 0.3), or a range of rates, one per transaction row (as tall as customers), weighted by amount into each customer's rate: adds a Margin CLV column, CLV × the rate. Default: none.
 * @returns {unknown[][]} A header row, then one row per customer. The P(alive) header says so when the fit cannot identify dropout (see CLVFIT).
 */
export function clvpredict(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown,
  horizon_months?: unknown,
  monthly_discount?: unknown,
  unit?: unknown,
  model?: unknown,
  margin?: unknown,
): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [customers, dates, amounts, as_of, horizon_months, monthly_discount, unit, model, margin], () => clvPredictTable(customers, dates, amounts, as_of, horizon_months, monthly_discount, unit, model, margin, m), { name: "TIER.CLVPREDICT", data: "amounts" });
}

/**
 * Fitted BG/NBD (r, alpha, a, b) and Gamma-Gamma (p, q, v) parameters with standard errors and log-likelihoods, from transactions.
 * @customfunction CLVFIT
 * @helpurl https://localhost:3000/help/functions.html#tier-clvfit
 * @param {unknown[][]} customers Customer id of each transaction (one column).
 * @param {unknown[][]} dates Date of each transaction (one column, same height).
 * @param {unknown[][]} amounts Amount of each transaction (one column, same height).
 * @param {unknown} [as_of] End of the calibration period. Default: the latest date in the data.
 * @param {unknown} [unit] Time unit of the rate parameter alpha: "day", "week" (default) or "month".
 * @param {unknown} [model] Purchase model: "bgnbd" (default; r, alpha, a, b) or "pareto" (Pareto/NBD; r, alpha, s, beta).
 * @returns {unknown[][]} Parameter, estimate and standard error in three columns, then the fit's diagnostics: a Diagnostics row, and one row per problem (its code and what to do).
 */
export function clvfit(customers: unknown[][], dates: unknown[][], amounts: unknown[][], as_of?: unknown, unit?: unknown, model?: unknown): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [customers, dates, amounts, as_of, unit, model], () => clvFitTable(customers, dates, amounts, as_of, unit, model, m), { name: "TIER.CLVFIT", data: "amounts" });
}

/**
 * Probability that each customer is still active (BG/NBD or Pareto/NBD model), and the churn risk 1 − P(alive).
 * @customfunction PALIVE
 * @helpurl https://localhost:3000/help/functions.html#tier-palive
 * @param {unknown[][]} customers Customer id of each transaction (one column).
 * @param {unknown[][]} dates Date of each transaction (one column, same height).
 * @param {unknown} [as_of] Date the probability refers to. Default: the latest date in the data.
 * @param {unknown} [model] Purchase model: "bgnbd" (default) or "pareto" (Pareto/NBD).
 * @returns {unknown[][]} A header row, then Customer, P(alive) and Churn risk for each customer. The headers say so when the fit cannot identify dropout.
 */
export function palive(customers: unknown[][], dates: unknown[][], as_of?: unknown, model?: unknown): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [customers, dates, as_of, model], () => pAliveTable(customers, dates, as_of, model, m), { name: "TIER.PALIVE", data: "dates" });
}

/**
 * When will each customer buy next: the probability of at least one purchase within the next `within` units, the expected and median wait if the customer stays active, the customer's typical gap, and Overdue when the time since the last purchase is more than 3 typical gaps.
 * @customfunction NEXTPURCHASE
 * @helpurl https://localhost:3000/help/functions.html#tier-nextpurchase
 * @param {unknown[][]} customers Customer id of each transaction (one column).
 * @param {unknown[][]} dates Date of each transaction (one column, same height).
 * @param {unknown} [as_of] Date the answers refer to; later transactions are ignored. Default: the latest date in the data.
 * @param {unknown} [within] Length of the window ahead, in the unit. Default: one month's worth.
 * @param {unknown} [unit] Time unit: "day", "week" (default) or "month".
 * @param {unknown} [model] Purchase model: "bgnbd" (default) or "pareto" (Pareto/NBD).
 * @returns {unknown[][]} A header row, then Customer, P(purchase within), Expected wait, Median wait, Typical gap and Overdue for each customer.
 */
export function nextpurchase(customers: unknown[][], dates: unknown[][], as_of?: unknown, within?: unknown, unit?: unknown, model?: unknown): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [customers, dates, as_of, within, unit, model], () => nextPurchaseTable(customers, dates, as_of, within, unit, model, m), { name: "TIER.NEXTPURCHASE", data: "dates" });
}

/**
 * Lifecycle stage of each customer (New, Active, Silent, Churned), judged by days since the last purchase against the customer's own typical gap between purchases.
 * @customfunction LIFECYCLE
 * @helpurl https://localhost:3000/help/functions.html#tier-lifecycle
 * @param {unknown[][]} customers Customer id of each transaction (one column).
 * @param {unknown[][]} dates Date of each transaction (one column, same height).
 * @param {unknown} [as_of] Analysis date. Default: the latest date in the data.
 * @param {unknown} [new_days] A customer whose first purchase is at most this many days old is New. Default: 30.
 * @param {unknown} [active_multiple] Active while days since the last purchase are at most this many typical gaps. Default: 1.5.
 * @param {unknown} [silent_multiple] Silent up to this many typical gaps, Churned beyond. Default: 3.
 * @param {unknown} [churn_cap_days] Churned after this many days without a purchase, whatever the gap. Default: no cap.
 * @returns {unknown[][]} A header row, then Customer, Stage, Days since last purchase and Typical gap for each customer.
 */
export function lifecycle(
  customers: unknown[][],
  dates: unknown[][],
  as_of?: unknown,
  new_days?: unknown,
  active_multiple?: unknown,
  silent_multiple?: unknown,
  churn_cap_days?: unknown,
): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [customers, dates, as_of, new_days, active_multiple, silent_multiple, churn_cap_days], () => lifecycleTable(customers, dates, as_of, new_days, active_multiple, silent_multiple, churn_cap_days, m), { name: "TIER.LIFECYCLE", data: "dates" });
}

/**
 * Tier migration between two snapshots: a from→to table of customers (or of a measure such as revenue) with the earlier tiers down the side, the later tiers across, and New, Gone and Total.
 * @customfunction MIGRATION
 * @helpurl https://localhost:3000/help/functions.html#tier-migration
 * @param {unknown[][]} ids_before Customer id of each row of the earlier snapshot (one column).
 * @param {unknown[][]} tiers_before Tier of each customer in the earlier snapshot (one column, same height). Blank: not tiered, left out.
 * @param {unknown[][]} ids_after Customer id of each row of the later snapshot (one column).
 * @param {unknown[][]} tiers_after Tier of each customer in the later snapshot (one column, same height as ids_after).
 * @param {unknown[][]} [measure] A value per row of the later snapshot (same height as ids_after), e.g. its revenue: the cells sum it instead of counting customers; Gone is then 0. A measure blank in every row is an error (leave it out to count customers).
 * @returns {unknown[][]} A header row, one row per earlier tier, then New and Total.
 */
export function migration(ids_before: unknown[][], tiers_before: unknown[][], ids_after: unknown[][], tiers_after: unknown[][], measure?: unknown[][]): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [ids_before, tiers_before, ids_after, tiers_after, measure], () => migrationTable(ids_before, tiers_before, ids_after, tiers_after, measure, m), { name: "TIER.MIGRATION", data: "measure" });
}

/**
 * Pilot (gray) group: marks a stratified random share of each tier "pilot" and as many again "control", reproducibly from a seed.
 * @customfunction PILOT
 * @helpurl https://localhost:3000/help/functions.html#tier-pilot
 * @param {unknown[][]} ids Customer id of each row (one column or one row).
 * @param {unknown[][]} tiers Tier of each customer (same shape). The pick is made within each tier.
 * @param {unknown} share Share of each tier in the pilot, above 0 and at most 1, e.g. 0.1.
 * @param {unknown} [seed] Whole number; the same seed picks the same customers. Default: 1.
 * @param {unknown} [control_share] Share of each tier in the control group, 0 to 1. Default: the same as share.
 * @returns {unknown[][]} "pilot", "control" or blank for each row.
 */
export function pilot(ids: unknown[][], tiers: unknown[][], share: unknown, seed?: unknown, control_share?: unknown): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [ids, tiers, share, seed, control_share], () => pilotTable(ids, tiers, share, seed, control_share, m), { name: "TIER.PILOT", data: "ids" });
}

/**
 * Weighted score of each customer from several measures (0–100) and its tier: Diamond, Platinum, Gold, Silver or Bronze. Each measure is normalised within its column, weighted, and a blank measure is left out of that row's score (the row's other weights then count in full).
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help/functions.html#tier-score
 * @param {unknown[][]} metrics One column per measure (spend, orders, rating …), one row per customer; numbers only, without a header row.
 * @param {unknown[][]} weights One weight per measure, 0 or more (a row or a column); they are scaled to add up to 1.
 * @param {unknown[][]} [directions] Per measure "higher" (higher is better, the default) or "lower" (lower is better, e.g. days since the last purchase).
 * @param {unknown[][]} [bands] Default: top 5% Diamond, next 15% Platinum, 30% Gold, 30% Silver, the rest Bronze. Numbers all between 0 and 1 are shares of customers, top first, adding up to at most 1 (such as 0.05, 0.15, 0.3, 0.3; 5% is 0.05, not 5); other numbers are minimum scores, top first (such as 90, 75, 50, 25).
 * @param {unknown} [method] "percentile" (default): the rank within the column; "minmax": (value − min) / (max − min).
 * @returns {unknown[][]} For each row: Score, Tier, Next tier and Points to the next tier; blank rows stay blank.
 */
export function score(metrics: unknown[][], weights: unknown[][], directions?: unknown[][], bands?: unknown[][], method?: unknown): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [metrics, weights, directions, bands, method], () => scoreTable(metrics, weights, directions, bands, method, m), { name: "TIER.SCORE", data: "metrics" });
}

/**
 * Who moved between two snapshots: one row per customer with the tier before and after, the direction (up, down, same, new, gone; "changed" for tiers without an order, such as RFM segments), and the measure in each snapshot and its change.
 * @customfunction MOVERS
 * @helpurl https://localhost:3000/help/functions.html#tier-movers
 * @param {unknown[][]} ids_before Customer id of each row of the earlier snapshot (one column).
 * @param {unknown[][]} tiers_before Tier of each customer in the earlier snapshot (one column, same height). Blank: not tiered, left out.
 * @param {unknown[][]} ids_after Customer id of each row of the later snapshot (one column).
 * @param {unknown[][]} tiers_after Tier of each customer in the later snapshot (one column, same height as ids_after).
 * @param {unknown[][]} [order] Every tier, best first (a row or a column), for up and down. Default: A, B, C, the score bands or numbers (highest best) when the tiers are those; otherwise moves are "changed".
 * @param {unknown[][]} [measure_before] A value per row of the earlier snapshot (same height as ids_before), such as its revenue in that period.
 * @param {unknown[][]} [measure_after] A value per row of the later snapshot (same height as ids_after).
 * @returns {unknown[][]} A header row, then Customer, Before, After, Direction, Measure before, Measure after and Change per customer.
 */
export function movers(
  ids_before: unknown[][],
  tiers_before: unknown[][],
  ids_after: unknown[][],
  tiers_after: unknown[][],
  order?: unknown[][],
  measure_before?: unknown[][],
  measure_after?: unknown[][],
): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [ids_before, tiers_before, ids_after, tiers_after, order, measure_before, measure_after], () => moversTable(ids_before, tiers_before, ids_after, tiers_after, order, measure_before, measure_after, m), { name: "TIER.MOVERS", data: "tiers_after" });
}

/**
 * Cohort retention: customers grouped by the month (or quarter) of their first purchase, and for each period since, the share of the cohort that bought in it (or the revenue over the first period's).
 * @customfunction COHORT
 * @helpurl https://localhost:3000/help/functions.html#tier-cohort
 * @param {unknown[][]} customers Customer id of each transaction (one column).
 * @param {unknown[][]} dates Date of each transaction (one column, same height).
 * @param {unknown[][]} [amounts] Amount of each transaction (same height); negative amounts (returns) are not purchases. Needed for measure "revenue".
 * @param {unknown} [by] "month" (default) or "quarter".
 * @param {unknown} [measure] "customers" (default): the share of the cohort buying in each period; "revenue": the cohort's revenue over its first period's.
 * @param {unknown} [first_tier] Split each cohort by the tier its customers were in at the end of their first period: "segment" (RFM segments) or "abc" (ABC classes by revenue). Default: whole cohorts.
 * @returns {unknown[][]} A header row, then Cohort, Customers, P0, P1, … per cohort (with first_tier: Cohort, First tier, Customers, P0, … one triangle per tier); periods a cohort has not reached are blank.
 */
export function cohort(customers: unknown[][], dates: unknown[][], amounts?: unknown[][], by?: unknown, measure?: unknown, first_tier?: unknown): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [customers, dates, amounts, by, measure, first_tier], () => cohortFunctionTable(customers, dates, amounts, by, measure, m, first_tier), {
    name: "TIER.COHORT",
    data: "amounts",
  });
}

/**
 * Membership levels: replays every month-end review of a level policy (enter on the metric over a trailing window, keep or drop when the level expires) and spills each customer's level as of the last review.
 * @customfunction LEVELS
 * @helpurl https://localhost:3000/help/functions.html#tier-levels
 * @param {unknown[][]} customers Customer id of each transaction (one column).
 * @param {unknown[][]} dates Date of each transaction (one column, same height).
 * @param {unknown[][]} amounts Amount of each transaction (same height); a negative amount is a return, netted off the spend.
 * @param {unknown[][]} policy The levels, lowest first: three columns, level name (any language), entry threshold, keep threshold (keep ≤ entry); a header row is optional.
 * @param {unknown} [as_of] The last review (a date). Default: the latest date in the data; a day that is not a month-end is a review too.
 * @param {unknown} [window_months] The trailing window the metric counts over, in months (default 12).
 * @param {unknown} [validity_months] How many months a level holds before it is reviewed for keeping (default 12).
 * @param {unknown} [metric] "spend" (default: the net amount in the window) or "orders" (purchases in the window).
 * @returns {unknown[][]} A header row, then Customer, Level, Since, Expires, Metric, Gap to next, Gap to keep and Downgrades at next review per customer; dates as serials.
 */
export function levels(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  policy: unknown[][],
  as_of?: unknown,
  window_months?: unknown,
  validity_months?: unknown,
  metric?: unknown,
): unknown[][] {
  const m = runtimeMessages();
  return runFunction(m, [customers, dates, amounts, policy, as_of, window_months, validity_months, metric], () => levelsFunctionTable(customers, dates, amounts, policy, as_of, window_months, validity_months, metric, m), {
    name: "TIER.LEVELS",
    data: "amounts",
  });
}
