/**
 * Margin, not only revenue: the models predict spend, and a business keeps only its margin of it.
 * CLV × margin, with one rate for all customers or one per customer, so finance can read "what the
 * customer is worth to us" next to "what they will spend". A rate is a fraction of revenue from 0 to 1,
 * as TIER.CLV's `margin` (src/core/tiers/clv.ts).
 *
 * A per-customer rate comes from a margin column on the transaction rows, because that is where an
 * analyst's data holds it (a gross-profit column in an order export, or a product's margin rate looked
 * up beside each line). Gamma-Gamma's spend is revenue per purchase, so the rate that turns a
 * customer's revenue CLV into margin is their revenue-weighted rate, the customer's own mix:
 *
 *   rate(customer) = Σ margin amount / Σ amount over the customer's purchase rows up to the calibration
 *   end (returns, amounts below 0, left out as the models leave them out),
 *
 * where a row's margin amount is the column itself (kind "amount": gross profit, in the amount's
 * currency, as the pane's Margin column) or the column × the row's amount (kind "rate": a fraction of
 * the row's amount, as =TIER.CLVPREDICT's `margin` range). One rate r is the same as a column of r on
 * every row. A customer whose purchases total 0 takes the rate of all customers together (with kind "rate" and
 * no revenue at all, the mean of the rows' rates: the rates are given even where the amounts are 0). A rate that is
 * not a number, or outside [0, 1] (a margin larger than the revenue, or a loss), is a problem naming the
 * row: a rate per row is refused at once (CoreError), a customer's rate is reported (`problems`), and that
 * customer's margin CLV stays NaN (blank with the reason) while the others are kept.
 */
import { CoreError } from "../cells/errors";
import type { CustomerId } from "../cells/coerce";
import type { Transactions } from "../transactions/model";

/** One rate, or one per customer (in the customers' order). */
export type Margin = number | ArrayLike<number>;

/** What a per-row margin column holds: a fraction of the row's amount, or a margin amount (gross profit). */
export type MarginColumnKind = "rate" | "amount";

/**
 * Why a customer has no margin rate, each worded on its own: a rate outside [0, 1] (a loss, or a margin
 * larger than the revenue); no revenue to weigh the margin by (their purchases total 0, and nobody's
 * total anything); or a rate that overflows (Σ margin, or Σ margin / Σ revenue, beyond the largest double:
 * revenue 2e-300 and profit 1e300), which before was reported as "no revenue" (issue 12, defect 16).
 */
export type MarginRateReason = "outOfRange" | "noRevenue" | "overflow";

/** A customer whose margin rate is not in [0, 1]: their first purchase row (0-based, in the input), the rate and why. */
export interface MarginRateProblem {
  customer: CustomerId;
  row: number;
  /** Σ margin / Σ amount; NaN when nobody's purchases total anything, ±Infinity (or NaN) when it overflows. */
  rate: number;
  reason: MarginRateReason;
}

/** The reason for a rate that is not in [0, 1]: chosen here, once, so every reader words the same case alike. */
export function marginRateReason(rate: number, ownRevenue: boolean, margin: number): MarginRateReason {
  if (Number.isFinite(rate)) return "outOfRange";
  // A customer with revenue whose rate is not finite: the margin total or the division passed the largest double.
  if (ownRevenue || !Number.isNaN(rate) || !Number.isFinite(margin)) return "overflow";
  return "noRevenue";
}

export interface CustomerMarginRates {
  /** Per customer of `tx` (its numbering): the revenue-weighted margin rate; NaN for a customer with a problem. */
  rate: Float64Array;
  problems: MarginRateProblem[];
}

/** CoreError "badMargin" naming the argument (and the 0-based row of a per-customer rate). */
export function checkMargin(margin: Margin, customers: number, argument = "margin"): void {
  if (typeof margin === "number") {
    if (!(margin >= 0 && margin <= 1)) throw new CoreError("badMargin", { argument, value: margin });
    return;
  }
  if (margin.length !== customers) throw new CoreError("badMargin", { argument, length: margin.length, customers });
  for (let i = 0; i < margin.length; i++) {
    if (!(margin[i] >= 0 && margin[i] <= 1)) throw new CoreError("badMargin", { argument, row: i, value: margin[i] });
  }
}

/** clv[i] × margin (or margin[i]); a customer without a CLV (NaN: no spend model) stays NaN. */
export function marginClv(clv: ArrayLike<number>, margin: Margin, argument = "margin"): Float64Array {
  checkMargin(margin, clv.length, argument);
  const out = new Float64Array(clv.length);
  for (let i = 0; i < clv.length; i++) out[i] = clv[i] * (typeof margin === "number" ? margin : margin[i]);
  return out;
}

/**
 * Each customer's revenue-weighted margin rate from a column per input row (`byRow[sourceRow]`), over
 * the purchase rows of `tx` on or before `lastDay` (a serial; default all). With kind "rate" a row's
 * value that is not a rate from 0 to 1 throws CoreError "badMargin" naming `argument` and its row.
 */
export function customerMarginRates(
  tx: Pick<Transactions, "customer" | "date" | "amount" | "sourceRow" | "validRows" | "customerIds">,
  byRow: ArrayLike<number>,
  kind: MarginColumnKind,
  options: { lastDay?: number | null; argument?: string } = {},
): CustomerMarginRates {
  const argument = options.argument ?? "margin";
  const end = options.lastDay === undefined || options.lastDay === null ? Infinity : Math.floor(options.lastDay) + 1;
  const n = tx.customerIds.length;
  const margin = new Float64Array(n);
  const revenue = new Float64Array(n);
  const firstRow = new Int32Array(n).fill(-1);
  let allMargin = 0;
  let allRevenue = 0;
  let rateSum = 0;
  let rateRows = 0;
  for (let k = 0; k < tx.validRows; k++) {
    const amount = tx.amount[k];
    // A return (below 0, −0 too) is not a purchase; the models leave it out (calibration.ts).
    if (!(tx.date[k] < end) || amount < 0 || Object.is(amount, -0)) continue;
    const row = tx.sourceRow[k];
    const value = byRow[row];
    if (kind === "rate" && !(value >= 0 && value <= 1)) throw new CoreError("badMargin", { argument, row, value });
    const m = kind === "rate" ? value * amount : value;
    if (kind === "rate") {
      rateSum += value;
      rateRows++;
    }
    const c = tx.customer[k];
    margin[c] += m;
    revenue[c] += amount;
    allMargin += m;
    allRevenue += amount;
    if (firstRow[c] < 0 || row < firstRow[c]) firstRow[c] = row;
  }
  const meanRate = rateRows > 0 ? rateSum / rateRows : undefined;
  return marginRatesOfTotals({ margin, revenue, firstRow, allMargin, allRevenue, meanRate }, tx.customerIds, kind === "rate");
}

/**
 * Per customer: Σ margin / Σ revenue, or the rate of all customers together when theirs total 0 (`meanRate`, when
 * given, where nobody's purchases total anything; else NaN, a problem; NaN without any purchase: `firstRow` −1); a rate outside [0, 1] is a problem at the customer's first row. `clamp`: the
 * margins were rates from 0 to 1, so only rounding could step past an end.
 */
export function marginRatesOfTotals(
  t: { margin: ArrayLike<number>; revenue: ArrayLike<number>; firstRow: ArrayLike<number>; allMargin: number; allRevenue: number; meanRate?: number },
  customerIds: readonly CustomerId[],
  clamp = false,
): CustomerMarginRates {
  const overall = t.allRevenue > 0 ? t.allMargin / t.allRevenue : (t.meanRate ?? NaN);
  const n = customerIds.length;
  const rate = new Float64Array(n);
  const problems: MarginRateProblem[] = [];
  for (let c = 0; c < n; c++) {
    if (t.firstRow[c] < 0) {
      rate[c] = NaN; // no purchase by the end: no prediction either
      continue;
    }
    const ownRevenue = t.revenue[c] > 0;
    const weighted = ownRevenue ? t.margin[c] / t.revenue[c] : overall;
    const r = clamp ? Math.min(1, Math.max(0, weighted)) : weighted;
    if (r >= 0 && r <= 1) rate[c] = r;
    else {
      rate[c] = NaN;
      problems.push({ customer: customerIds[c], row: t.firstRow[c], rate: r, reason: marginRateReason(r, ownRevenue, ownRevenue ? t.margin[c] : t.allMargin) });
    }
  }
  return { rate, problems };
}

/** `rates` (numbered as `from`) in the order of `to` (a subset, e.g. the models' customers); NaN where absent. */
export function ratesFor(rates: ArrayLike<number>, from: readonly CustomerId[], to: readonly CustomerId[]): Float64Array {
  if (from === to) return Float64Array.from(rates);
  const index = new Map<CustomerId, number>();
  from.forEach((id, c) => index.set(id, c));
  return Float64Array.from(to, (id) => {
    const c = index.get(id);
    return c === undefined ? NaN : rates[c];
  });
}

/** clv[i] × rate[i]; NaN (no CLV, or a customer's rate with a problem) stays NaN. Rates are customerMarginRates'. */
export function marginClvByCustomer(clv: ArrayLike<number>, rate: ArrayLike<number>): Float64Array {
  if (rate.length !== clv.length) throw new CoreError("badMargin", { argument: "margin", length: rate.length, customers: clv.length });
  return Float64Array.from(clv, (v, i) => v * rate[i]);
}
