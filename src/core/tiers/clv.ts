/**
 * Simple customer lifetime value (the seeds' formula):
 *   CLV = average purchase × purchases per year × lifespan in years × margin.
 * With a yearly discount rate d, each year's margin (average × purchases × margin) is discounted
 * by (1 + d)^t for t = 1 … ceil(lifespan), the fractional last year counted pro rata:
 *   CLV = Σ_t w_t · yearly / (1 + d)^t,  w_t = 1 for whole years, lifespan − floor(lifespan) for the last.
 * With d = 0 this is the product formula exactly (computed as the product, without summing).
 */

export type ClvInputError = "negative" | "margin" | "discount" | "overflow";

export interface ClvInput {
  averagePurchase: number;
  purchasesPerYear: number;
  lifespanYears: number;
  /** Gross margin as a fraction, 0..1. */
  margin: number;
  /** Yearly discount rate, 0 ≤ d < 1 (default 0). */
  discountRate?: number;
}

/** Which input is out of range, or null when the inputs can be used. */
export function checkClvInput(input: ClvInput): { field: keyof ClvInput; error: ClvInputError } | null {
  if (!(input.averagePurchase >= 0)) return { field: "averagePurchase", error: "negative" };
  if (!(input.purchasesPerYear >= 0)) return { field: "purchasesPerYear", error: "negative" };
  if (!(input.lifespanYears >= 0)) return { field: "lifespanYears", error: "negative" };
  if (!(input.margin >= 0 && input.margin <= 1)) return { field: "margin", error: "margin" };
  const d = input.discountRate ?? 0;
  if (!(d >= 0 && d < 1)) return { field: "discountRate", error: "discount" };
  // The finite-number rule: a product past the largest double (two factors of 1e200) is refused, never
  // returned as Infinity. The discounted value is at most the undiscounted one, so one test covers both.
  if (!Number.isFinite(input.averagePurchase * input.purchasesPerYear * input.margin * input.lifespanYears)) {
    return { field: "averagePurchase", error: "overflow" };
  }
  return null;
}

/** CLV of one customer; NaN when checkClvInput reports a problem. */
export function simpleClv(input: ClvInput): number {
  if (checkClvInput(input) !== null) return NaN;
  const yearly = input.averagePurchase * input.purchasesPerYear * input.margin;
  const d = input.discountRate ?? 0;
  const lifespan = input.lifespanYears;
  if (d === 0) return yearly * lifespan;
  const whole = Math.floor(lifespan);
  // Σ_{t=1}^{whole} (1+d)^−t = (1 − (1+d)^−whole) / d, written with log1p/expm1 so that tiny rates
  // neither cancel to 0/0 nor lose digits; then the pro-rata part of year whole + 1.
  const logGrowth = Math.log1p(d);
  const annuity = -Math.expm1(-whole * logGrowth) / d;
  const partial = (lifespan - whole) * Math.exp(-(whole + 1) * logGrowth);
  return yearly * (annuity + partial);
}
