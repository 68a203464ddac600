/**
 * What the pane's predictions add beside the models' own numbers (issue 13, sections 3 and 4): when each
 * customer will buy next, and the margin of their predicted CLV. Apart from predictions.ts, which joins the
 * models to the analysis customers, so the joining stays one module and these two stay easy to follow.
 *
 * Next purchase: P(at least one purchase within the window), the expected and median wait if the customer
 * stays active, and the overdue flag, all from src/core/models/next-purchase.ts for BG/NBD and Pareto/NBD.
 * The window is a setting in months (NEXT_PURCHASE_MONTHS by default: a quarter, what a campaign plans for),
 * converted to the model's unit like the CLV horizon.
 *
 * Margin: one rate, or each customer's own rate from the Margin column: the analysis's margin total per
 * customer (measures.ts, the purchase lines up to the analysis date) over their revenue on the same lines,
 * as src/core/models/margin.ts defines it for every caller.
 */
import { monthsIn } from "../models/calibration";
import type { CalibrationSummary } from "../models/calibration";
import type { CountParams } from "../models/count-model";
import { marginRatesOfTotals, type MarginRateProblem } from "../models/margin";
import { nextPurchase } from "../models/next-purchase";
import type { Transactions } from "../transactions/model";
import type { CustomerNextPurchase, PredictAnalysisOptions } from "./types";

/** The next-purchase window's default, in months. */
export const NEXT_PURCHASE_MONTHS = 3;

/** The window in the model's unit. */
export function withinUnits(options: PredictAnalysisOptions): number {
  return monthsIn(options.unit, options.withinMonths ?? NEXT_PURCHASE_MONTHS);
}

/** Next purchase for the models' customers, spread to the analysis customers (`to`: model row → analysis index, −1 none). */
export function customerNextPurchase(counts: CountParams, summary: CalibrationSummary, to: Int32Array, n: number, options: PredictAnalysisOptions): CustomerNextPurchase {
  const within = withinUnits(options);
  const next = nextPurchase(counts, summary, within);
  const out: CustomerNextPurchase = {
    within,
    pPurchaseWithin: new Float64Array(n).fill(NaN),
    expectedWait: new Float64Array(n).fill(NaN),
    medianWait: new Float64Array(n).fill(NaN),
    overdue: new Uint8Array(n),
  };
  for (let k = 0; k < to.length; k++) {
    const c = to[k];
    if (c < 0) continue;
    out.pPurchaseWithin[c] = next.pPurchaseWithin[k];
    out.expectedWait[c] = next.expectedWait[k];
    out.medianWait[c] = next.medianWait[k];
    out.overdue[c] = next.overdue[k];
  }
  return out;
}

/**
 * Margin CLV per analysis customer (null without a margin): `clv` × the rate, one for all or each customer's
 * from `marginTotals` (the Margin column's sum per customer) over their revenue in `tx`.
 */
export function customerMarginClv(
  clv: Float64Array,
  options: PredictAnalysisOptions,
  marginTotals: Float64Array | null,
  tx: Transactions,
): { clvMargin: Float64Array | null; problems: MarginRateProblem[] } {
  const margin = options.margin;
  if (margin === undefined || margin === null) return { clvMargin: null, problems: [] };
  if (typeof margin === "number") return { clvMargin: Float64Array.from(clv, (v) => v * margin), problems: [] };
  if (!marginTotals) return { clvMargin: null, problems: [] };
  const n = tx.customerIds.length;
  const revenue = new Float64Array(n);
  const firstRow = new Int32Array(n).fill(-1);
  let allRevenue = 0;
  for (let k = 0; k < tx.validRows; k++) {
    const c = tx.customer[k];
    revenue[c] += tx.amount[k];
    allRevenue += tx.amount[k];
    if (firstRow[c] < 0 || tx.sourceRow[k] < firstRow[c]) firstRow[c] = tx.sourceRow[k];
  }
  let allMargin = 0;
  for (let c = 0; c < n; c++) allMargin += marginTotals[c];
  const rates = marginRatesOfTotals({ margin: marginTotals, revenue, firstRow, allMargin, allRevenue }, tx.customerIds);
  return { clvMargin: Float64Array.from(clv, (v, c) => v * rates.rate[c]), problems: rates.problems };
}
