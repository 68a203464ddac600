/**
 * Margin, not only revenue: the models predict spend, and a business keeps only its margin of it.
 * CLV × margin, with one rate for all customers or one per customer (a column beside the data), so
 * finance can read "what the customer is worth to us" next to "what they will spend". A rate is a
 * fraction of revenue from 0 to 1, as TIER.CLV's `margin` (src/core/tiers/clv.ts).
 */
import { CoreError } from "../cells/errors";

/** One rate, or one per customer (in the customers' order). */
export type Margin = number | ArrayLike<number>;

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
