/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive, a
 * customer buys at rate λ ~ Gamma(r, α); after each repeat purchase they drop out with probability
 * p ~ Beta(a, b). Split, as lifetimes and CLVTools split it, into likelihood, fit and predictions.
 *
 * Per customer the data are x (repeat purchases), t_x (first to last purchase) and T (first purchase
 * to the end of calibration), in one time unit. Time is continuous.
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import digamma from "@stdlib/math-base-special-digamma";
import { CoreError } from "./errors";
import { hypergeometricSeries } from "./hyp2f1";
import { maximizeLikelihood, type Objective } from "./optimize";

/** The x, t_x, T columns of a calibration summary (see calibration.ts), one entry per customer. */
export interface RepeatColumns {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  /** Standard errors from the inverse Hessian of the log-likelihood (delta method from the log scale). */
  standardErrors: BgNbdParams;
  customers: number;
  iterations: number;
}

/** Distinct x values with their lnΓ/ψ terms recomputed once per evaluation, not once per customer. */
interface XGroups {
  values: Float64Array;
  counts: Float64Array;
  /** Per customer, the index of its x in `values`. */
  index: Int32Array;
}

function groupRepeatCounts(x: ArrayLike<number>): XGroups {
  const byValue = new Map<number, number>();
  const index = new Int32Array(x.length);
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < x.length; i++) {
    let k = byValue.get(x[i]);
    if (k === undefined) {
      k = values.length;
      byValue.set(x[i], k);
      values.push(x[i]);
      counts.push(0);
    }
    counts[k]++;
    index[i] = k;
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts), index };
}

/** ln(1 + eᵈ) without overflow. */
function softplus(d: number): number {
  return d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
}

/** eᵈ/(1 + eᵈ) without overflow. */
function sigmoid(d: number): number {
  if (d >= 0) return 1 / (1 + Math.exp(-d));
  const e = Math.exp(d);
  return e / (1 + e);
}

/**
 * Checks the columns: finite, x a whole number ≥ 0, 0 ≤ t_x ≤ T, t_x = 0 when x = 0. Throws
 * CoreError("badRepeatSummary") naming the first bad row (0-based) and field.
 */
export function checkRepeatColumns(data: RepeatColumns): void {
  const { x, tx, T } = data;
  if (x.length !== tx.length || x.length !== T.length) throw new RangeError("x, t_x and T differ in length");
  for (let i = 0; i < x.length; i++) {
    const bad = (field: string, reason: string) => new CoreError("badRepeatSummary", { row: i, field, reason });
    if (!(Number.isFinite(x[i]) && x[i] >= 0 && Number.isInteger(x[i]))) throw bad("x", "wholeNumber");
    if (!(Number.isFinite(tx[i]) && tx[i] >= 0)) throw bad("t_x", "nonNegative");
    if (!(Number.isFinite(T[i]) && T[i] >= 0)) throw bad("T", "nonNegative");
    if (tx[i] > T[i] * (1 + 1e-12) + 1e-12) throw bad("t_x", "afterT");
    if (x[i] === 0 && tx[i] !== 0) throw bad("t_x", "zeroWithoutRepeats");
  }
}

/**
 * The log-likelihood of each customer, summed, and its gradient with respect to (ln r, ln α, ln a, ln b).
 * Per customer, in Hardie's numerically stable arrangement (note 027):
 *   ln L = lnΓ(r+x) − lnΓ(r) + r ln α + ln B(a, b+x) − ln B(a, b) − (r+x) ln(α+T)
 *          + ln(1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)),
 * the last term as softplus(d) with d = ln(a/(b+x−1)) + (r+x)(ln(α+T) − ln(α+t_x)).
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: RepeatColumns, gradient?: Float64Array): number {
  return logLikelihoodWith(params, data, groupRepeatCounts(data.x), gradient);
}

function logLikelihoodWith(p: BgNbdParams, data: RepeatColumns, groups: XGroups, gradient?: Float64Array): number {
  const { r, alpha, a, b } = p;
  const { tx, T } = data;
  const k = groups.values.length;
  // Per distinct x: the lnΓ part, its ψ derivatives, and ln(a/(b+x−1)).
  const constant = new Float64Array(k);
  const dConst = new Float64Array(k);
  const gR = new Float64Array(k);
  const gA = new Float64Array(k);
  const gB = new Float64Array(k);
  const lnAlpha = Math.log(alpha);
  const lgR = gammaln(r);
  const lgB = gammaln(b);
  const lgAB = gammaln(a + b);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  let ll = 0;
  for (let j = 0; j < k; j++) {
    const x = groups.values[j];
    constant[j] = gammaln(r + x) - lgR + r * lnAlpha + lgAB + gammaln(b + x) - lgB - gammaln(a + b + x);
    dConst[j] = x > 0 ? Math.log(a / (b + x - 1)) : -Infinity;
    ll += groups.counts[j] * constant[j];
    if (gradient) {
      const psiABX = digamma(a + b + x);
      gR[j] = digamma(r + x) - psiR + lnAlpha;
      gA[j] = psiAB - psiABX;
      gB[j] = psiAB + digamma(b + x) - psiB - psiABX;
    }
  }
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  const n = T.length;
  const x = data.x;
  for (let i = 0; i < n; i++) {
    const m = r + x[i];
    const A = alpha + T[i];
    const lnA = Math.log(A);
    ll -= m * lnA;
    if (x[i] > 0) {
      const B = alpha + tx[i];
      const lnB = Math.log(B);
      const d = dConst[groups.index[i]] + m * (lnA - lnB);
      // softplus(d) and sigmoid(d) from one exponential.
      const e = Math.exp(-Math.abs(d));
      ll += (d > 0 ? d : 0) + Math.log1p(e);
      if (gradient) {
        const s = d >= 0 ? 1 / (1 + e) : e / (1 + e);
        dr += -lnA + s * (lnA - lnB);
        dAlpha += -m / A + s * m * (1 / A - 1 / B);
        da += s / a;
        db -= s / (b + x[i] - 1);
      }
    } else if (gradient) {
      dr -= lnA;
      dAlpha -= m / A;
    }
  }
  if (gradient) {
    for (let j = 0; j < k; j++) {
      const c = groups.counts[j];
      dr += c * gR[j];
      da += c * gA[j];
      db += c * gB[j];
    }
    dAlpha += (n * r) / alpha;
    // With respect to the logs of the parameters.
    gradient[0] = dr * r;
    gradient[1] = dAlpha * alpha;
    gradient[2] = da * a;
    gradient[3] = db * b;
  }
  return ll;
}

/**
 * Maximum-likelihood fit. Parameters are optimised on the log scale (so they stay positive) from a
 * start scaled to the data; BFGS, then Newton steps; standard errors from the inverse Hessian.
 * Throws CoreError("noRepeatPurchases") when nobody bought twice (a and b are then not identified) and
 * CoreError("fitFailed") when the likelihood has no finite maximum.
 */
export function fitBgNbd(data: RepeatColumns): BgNbdFit {
  checkRepeatColumns(data);
  const n = data.x.length;
  if (n === 0) throw new CoreError("noData");
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < n; i++) {
    sumX += data.x[i];
    sumT += data.T[i];
  }
  if (sumX === 0) throw new CoreError("noRepeatPurchases");
  if (sumT === 0) throw new CoreError("fitFailed", { model: "bgnbd" });
  const groups = groupRepeatCounts(data.x);
  // Mean negative log-likelihood in the logs of (r, α, a, b): scale-free for the stopping rule.
  const objective: Objective = (theta, grad) => {
    const params = { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) };
    const ll = logLikelihoodWith(params, data, groups, grad);
    for (let i = 0; i < 4; i++) grad[i] = -grad[i] / n;
    return -ll / n;
  };
  // Start at r = 1 with the mean purchase rate of the data (λ̄ = r/α ≈ Σx/ΣT), a = b = 1.
  const fit = maximizeLikelihood(objective, [0, Math.log(sumT / sumX), 0, 0], n);
  const [r, alpha, a, b] = Array.from(fit.theta, Math.exp);
  if (!fit.converged || !Number.isFinite(fit.logLikelihood) || fit.theta.some((t) => !Number.isFinite(t) || Math.abs(t) > 30)) {
    throw new CoreError("fitFailed", { model: "bgnbd" });
  }
  const se = fit.standardErrors;
  return {
    r,
    alpha,
    a,
    b,
    logLikelihood: fit.logLikelihood,
    standardErrors: { r: se[0], alpha: se[1], a: se[2], b: se[3] },
    customers: n,
    iterations: fit.iterations,
  };
}

/** P(alive | x, t_x, T) = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). */
export function pAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const d = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return sigmoid(-d);
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t time units (FHL 2005 eq. 10):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive),  z = t/(α+T+t).
 *
 * Euler's transformation turns the bracket into 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), a
 * series whose terms never grow (c grows with x) and whose (a−1) factor cancels the one in front:
 *   ₂F₁(…) = 1 + (a−1)·H,  H = (a+b−1−r) z/(a+b+x−1) · ₃F₂(a+b−r, a, 1; a+b+x, 2; z),
 * so the result is P(alive)·(a+b+x−1)·[−expm1((a−1) ln(1−z))/(a−1) − (1−z)^(a−1) H], exact as a → 1.
 * When that series would need more than 2,000 terms (z near 1: a long horizon for a new customer) or
 * a+b+x−1 ≤ 0, the expectation is integrated instead (see expectedByQuadrature).
 */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  return pAlive(p, x, tx, T) * expectedIfAlive(p, t, x, T);
}

/** E[X(t)] for a customer just acquired at time 0: the conditional expectation with x = 0, T = 0. */
export function expectedPurchasesNew(p: BgNbdParams, t: number): number {
  return t <= 0 ? 0 : expectedIfAlive(p, t, 0, 0);
}

/** E[Y(t) | alive at T, x repeat purchases]. */
export function expectedIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = p;
  const c = a + b + x - 1;
  if (c > 0) {
    const z = t / (alpha + T + t);
    const upperA = a + b - 1 - r;
    const series = hypergeometricSeries([upperA + 1, a, 1], [c + 1, 2], z, 2000);
    if (series.converged) {
      const h = ((upperA * z) / c) * series.sign * Math.exp(series.logValue);
      const am1 = a - 1;
      const logOneMinusZ = Math.log1p(-z);
      const u = am1 * logOneMinusZ;
      // −expm1(u)/(a−1), written so that it tends to −ln(1−z) as a → 1.
      const lead = u === 0 ? -logOneMinusZ : -(Math.expm1(u) / u) * logOneMinusZ;
      const value = c * (lead - Math.exp(u) * h);
      if (Number.isFinite(value) && value >= 0) return value;
    }
  }
  return expectedByQuadrature(p, t, x, T);
}

/**
 * The same expectation as an integral over the posterior of the dropout probability: given alive,
 * p ~ Beta(a, b+x) and λ ~ Gamma(r+x, α+T), and a customer with (λ, p) buys (1 − e^(−λpt))/p times on
 * average, so E = ∫₀¹ (1 − (1 + pt/(α+T))^(−(r+x)))/p · Beta(p; a, b+x) dp. Integrated by the tanh-sinh
 * rule, which copes with the p^(a−1) and (1−p)^(b+x−1) end-point behaviour, halving the step until the
 * sum settles.
 */
export function expectedByQuadrature(p: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a } = p;
  const b = p.b + x;
  const m = r + x;
  const kappa = t / (alpha + T);
  const lnBeta = gammaln(a) + gammaln(b) - gammaln(a + b);
  // Reach far enough into each end that the density's tail is below 1e-17.
  const sMax = Math.min(12, Math.asinh(40 / (Math.PI * Math.min(a, b))) + 0.5);
  const at = (s: number): number => {
    const u = Math.PI * Math.sinh(s);
    const lnP = -softplus(-u); // p = 1/(1 + e^(−u))
    const lnQ = -softplus(u); // 1 − p
    const prob = Math.exp(lnP);
    const h = prob > 0 ? -Math.expm1(-m * Math.log1p(kappa * prob)) / prob : m * kappa;
    return h * Math.PI * Math.cosh(s) * Math.exp(a * lnP + b * lnQ - lnBeta);
  };
  let step = 0.5;
  let sum = at(0);
  for (let s = step; s <= sMax; s += step) sum += at(s) + at(-s);
  let estimate = sum * step;
  for (let level = 0; level < 8; level++) {
    // Halving the step adds the midpoints of the current grid.
    let added = 0;
    for (let s = step / 2; s <= sMax; s += step) added += at(s) + at(-s);
    sum += added;
    step /= 2;
    const next = sum * step;
    const settled = Math.abs(next - estimate) <= 1e-12 * Math.abs(next);
    estimate = next;
    if (settled && level >= 2) break;
  }
  return estimate;
}
