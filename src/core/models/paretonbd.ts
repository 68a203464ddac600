/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee 2005, "A note on
 * implementing the Pareto/NBD model"): while alive a customer buys at rate λ ~ Gamma(r, α) and drops
 * out at an exponential time with rate μ ~ Gamma(s, β), at any moment rather than only after a
 * purchase as in BG/NBD. Same data as BG/NBD (x, t_x, T in one unit); same fitting machinery.
 *
 * The likelihood's A0 term is a difference of two ₂F₁ values. With Euler's transformation each becomes
 * (1−z)^e · ₂F₁(1, b; c; z) with b < c, a series of positive, shrinking terms (no cancellation inside),
 * summed by hyp2f1.ts; the two are subtracted on the log scale.
 */
import type { FitBudget } from "../math/optimize";
import { fitRepeatModel, type RepeatColumns, type RepeatModelFit } from "./fit";
import { digammaDiff, lnGammaRatio } from "../math/special";

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** A Pareto/NBD fit, the same shape as a BG/NBD fit (see RepeatModelFit), tagged "paretoNbd". */
export type ParetoNbdFit = RepeatModelFit<"paretoNbd", keyof ParetoNbdParams>;

/** ln(eᵃ + eᵇ). */
function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * ln A0 with A0 = F(y₁) − F(y₂), F(y) = ₂F₁(r+s+x, b₀; r+s+x+1; z)/y^(r+s+x), z = |α−β|/y, where
 * (α ≥ β) b₀ = s+1 and y = α+t_x, α+T, or (α < β) b₀ = r+x and y = β+t_x, β+T.
 * By Euler, ₂F₁(a, b₀; a+1; z) = (1−z)^(1−b₀) ₂F₁(1, a+1−b₀; a+1; z). −Infinity when t_x = T.
 */
export function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return logA0WithGradient(p, x, tx, T, null);
}

/** ln F(y) of logA0 and its partial derivatives in (a, b₀, y, d), d = |α−β|; NaN when the series does not settle. */
interface LogF {
  value: number;
  da: number;
  db0: number;
  dy: number;
  dd: number;
}

/**
 * ln F(y) = (1−b₀)·ln(1−z) + ln S − a·ln y with S = Σₖ tₖ, t₀ = 1, tₖ₊₁/tₖ = (B+k)/(C+k)·z, B = a+1−b₀,
 * C = a+1, z = d/y: the Euler form's series, whose terms are all positive (B, C > 0, 0 ≤ z < 1). Its
 * derivatives come from the same sum term by term: ∂tₖ/∂B = tₖ·Σⱼ<ₖ 1/(B+j), ∂tₖ/∂C = −tₖ·Σⱼ<ₖ 1/(C+j),
 * ∂tₖ/∂z = k·tₖ/z, so value and gradient are one pass and agree to rounding (a differenced gradient of
 * a series truncated at a data-dependent length does not). Sums are rescaled past 1e250 as in hyp2f1.ts.
 */
function logFWithGradient(a: number, b0: number, y: number, d: number, maxTerms = 100_000): LogF {
  const z = d / y;
  const B = a + 1 - b0;
  const C = a + 1;
  let term = 1;
  let sum = 1;
  let sumB = 0;
  let sumC = 0;
  let sumK = 0;
  let hB = 0;
  let hC = 0;
  let logScale = 0;
  let k = 0;
  let settled = z === 0;
  for (; !settled && k < maxTerms; k++) {
    hB += 1 / (B + k);
    hC += 1 / (C + k);
    const ratio = ((B + k) / (C + k)) * z;
    term *= ratio;
    sum += term;
    sumB += term * hB;
    sumC += term * hC;
    sumK += term * (k + 1);
    if (sum > 1e250) {
      sum /= 1e250;
      term /= 1e250;
      sumB /= 1e250;
      sumC /= 1e250;
      sumK /= 1e250;
      logScale += 250 * Math.LN10;
    }
    // Later ratios rise towards z, so the value's tail is below term·z/(1−z): stop at 4e-16 of the sum,
    // as hyp2f1.ts does. The derivative sums' tails are those terms times at most k + j (harmonic sums
    // grow more slowly), below term·(k+1)/(1−z)²: 1e-12 of the sum is far below what BFGS can see.
    const tail = term / (1 - z);
    if (tail <= 4e-16 * sum && (tail * (k + 2)) / (1 - z) <= 1e-12 * sum) settled = true;
  }
  if (!settled) return { value: NaN, da: NaN, db0: NaN, dy: NaN, dd: NaN };
  const lnS = Math.log(sum) + logScale;
  const dB = sumB / sum;
  const dC = -sumC / sum;
  const dz = (z === 0 ? 0 : sumK / sum / z) - (1 - b0) / (1 - z);
  // z = d/y; with z = 0 (α = β) the d-derivative is the series' first coefficient B/C less (1−b₀).
  const dzAtZero = B / C - (1 - b0);
  const dzd = z === 0 ? dzAtZero : dz;
  return {
    value: (1 - b0) * Math.log1p(-z) + lnS - a * Math.log(y),
    da: dB + dC - Math.log(y),
    db0: -Math.log1p(-z) - dB,
    dy: -(dzd * z) / y - a / y,
    dd: dzd / y,
  };
}

/**
 * ln A0 (see logA0) and, when `gradient` is given, its derivatives in (r, α, s, β) written into it:
 * ∂ ln(F₁ − F₂) = (∂ln F₁ − e^δ ∂ln F₂)/(1 − e^δ), δ = ln F₂ − ln F₁ < 0, with the chain rule through
 * a = r+s+x, b₀, y and d as the two cases of logA0 define them.
 */
export function logA0WithGradient(p: ParetoNbdParams, x: number, tx: number, T: number, gradient: Float64Array | null): number {
  if (!(T > tx)) {
    gradient?.fill(0);
    return -Infinity;
  }
  const { r, alpha, s, beta } = p;
  const a = r + s + x;
  const alphaBig = alpha >= beta;
  const big = alphaBig ? alpha : beta;
  const b0 = alphaBig ? s + 1 : r + x;
  const d = Math.abs(alpha - beta);
  const first = logFWithGradient(a, b0, big + tx, d);
  const second = logFWithGradient(a, b0, big + T, d);
  const delta = second.value - first.value;
  // F(y₁) > F(y₂): A0 is the integral of a positive function over (t_x, T). When t_x and T differ in
  // the last digits only, rounding can leave δ ≥ 0: A0 is then 0 to working precision, not NaN.
  if (!(delta < 0)) {
    gradient?.fill(0);
    return first.value === first.value && second.value === second.value ? -Infinity : NaN;
  }
  const value = first.value + Math.log1p(-Math.exp(delta));
  if (gradient) {
    const w = Math.exp(delta);
    const mix = (u: number, v: number) => (u - w * v) / (1 - w);
    const da = mix(first.da, second.da);
    const db0 = mix(first.db0, second.db0);
    const dy = mix(first.dy, second.dy);
    const dd = mix(first.dd, second.dd);
    // a = r+s+x; b₀ = s+1 (α ≥ β) or r+x; y = big + t; d = α−β (α ≥ β) or β−α.
    gradient[0] = da + (alphaBig ? 0 : db0);
    gradient[2] = da + (alphaBig ? db0 : 0);
    gradient[1] = alphaBig ? dy + dd : -dd;
    gradient[3] = alphaBig ? -dd : dy + dd;
  }
  return value;
}

/**
 * ln L per customer, summed:
 *   ln L = lnΓ(r+x) − lnΓ(r) + r ln α + s ln β
 *          + ln[ (α+T)^(−(r+x)) (β+T)^(−s) + s/(r+s+x) · A0 ].
 * r ln α − (r+x) ln(α+T) is written as −r·log1p(T/α) − x ln(α+T) (and alike for β), exact when α or
 * β is huge.
 */
export function paretoNbdLogLikelihood(p: ParetoNbdParams, data: RepeatColumns): number {
  let ll = 0;
  for (let i = 0; i < data.x.length; i++) ll += rowLogLikelihood(p, data.x[i], data.tx[i], data.T[i]);
  return ll;
}

function rowLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return rowLogLikelihoodWithGradient(p, x, tx, T, null, null);
}

/**
 * One row's ln L and, when `gradient` is given, its derivatives in (ln r, ln α, ln s, ln β) written into
 * it (`a0` is scratch for ln A0's). With ln L = lnΓ(r+x) − lnΓ(r) + ln(e^alive + e^gone):
 *   ∂/∂r = ψ(r+x) − ψ(r) + w·(−log1p(T/α)) + (1−w)·(ln α − 1/(r+s+x) + ∂ln A0/∂r), and alike,
 * w = e^alive/(e^alive + e^gone) the weight of "still alive at T".
 */
function rowLogLikelihoodWithGradient(p: ParetoNbdParams, x: number, tx: number, T: number, gradient: Float64Array | null, a0: Float64Array | null): number {
  const { r, alpha, s, beta } = p;
  const alive = -r * Math.log1p(T / alpha) - x * Math.log(alpha + T) - s * Math.log1p(T / beta);
  const lnA0 = logA0WithGradient(p, x, tx, T, a0);
  const gone = Math.log(s / (r + s + x)) + r * Math.log(alpha) + s * Math.log(beta) + lnA0;
  const total = logAddExp(alive, gone);
  if (gradient && a0) {
    const w = Math.exp(alive - total);
    const v = gone === -Infinity ? 0 : Math.exp(gone - total);
    const inv = 1 / (r + s + x);
    const dr = digammaDiff(r, x) + w * -Math.log1p(T / alpha) + v * (Math.log(alpha) - inv + a0[0]);
    const dAlpha = w * ((r * T) / (alpha * (alpha + T)) - x / (alpha + T)) + v * (r / alpha + a0[1]);
    const ds = w * -Math.log1p(T / beta) + v * (1 / s - inv + Math.log(beta) + a0[2]);
    const dBeta = w * ((s * T) / (beta * (beta + T))) + v * (s / beta + a0[3]);
    gradient[0] = dr * r;
    gradient[1] = dAlpha * alpha;
    gradient[2] = ds * s;
    gradient[3] = dBeta * beta;
  }
  return lnGammaRatio(r, x) + total;
}

/** ln L summed over rows with their counts, and −(its gradient in the log-parameters)/n into `grad`: the fit's objective. */
export function paretoNbdMeanNegative(p: ParetoNbdParams, rows: RepeatColumns, counts: ArrayLike<number>, n: number, grad: Float64Array): number {
  const row = new Float64Array(4);
  const a0 = new Float64Array(4);
  grad.fill(0);
  let ll = 0;
  for (let i = 0; i < counts.length; i++) {
    ll += counts[i] * rowLogLikelihoodWithGradient(p, rows.x[i], rows.tx[i], rows.T[i], row, a0);
    for (let k = 0; k < 4; k++) grad[k] -= (counts[i] * row[k]) / n;
  }
  return -ll / n;
}

/**
 * Maximum-likelihood fit by fitRepeatModel (fit.ts), in coordinates (ln r, ln α/r, ln s, ln β/s)
 * with times in units of the mean T, as fitBgNbd, within `budget` (optimize.ts FitBudget; its
 * defaults when left out). The gradient is analytic: the ₂F₁ series of A0 differentiated term by term
 * (logA0WithGradient), one likelihood pass per step instead of the nine a differenced gradient took.
 */
export function fitParetoNbd(data: RepeatColumns, budget: Partial<FitBudget> = {}): ParetoNbdFit {
  return fitRepeatModel(
    data,
    {
      model: "paretoNbd",
      paramNames: ["r", "alpha", "s", "beta"],
      timeScaled: [false, true, false, true],
      limits: ([rEdge, , sEdge, dropEdge]) => [rEdge, rEdge, sEdge || dropEdge, sEdge || dropEdge],
      meanNegative: (rows, counts, n) => (theta, grad) =>
        paretoNbdMeanNegative({ r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), s: Math.exp(theta[2]), beta: Math.exp(theta[3]) }, rows, counts, n, grad),
    },
    budget,
  );
}

/** P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A0). */
export function paretoPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const d = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(p, x, tx, T);
  if (d === -Infinity) return 1;
  return d >= 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
}

/**
 * E[Y(t) | alive at T, x] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)], written as
 * (r+x)(β+T)/(α+T) · −expm1((s−1)·L)/(s−1) with L = −log1p(t/(β+T)), exact as s → 1.
 */
export function paretoExpectedIfAlive(p: ParetoNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  const L = -Math.log1p(t / (beta + T));
  const u = (s - 1) * L;
  const growth = u === 0 ? -L : -(Math.expm1(u) / u) * L;
  return (((r + x) * (beta + T)) / (alpha + T)) * growth;
}

export function paretoExpectedPurchases(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  return paretoPAlive(p, x, tx, T) * paretoExpectedIfAlive(p, t, x, T);
}

