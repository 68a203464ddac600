/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive, a
 * customer buys at rate λ ~ Gamma(r, α); after each repeat purchase they drop out with probability
 * p ~ Beta(a, b). Split, as lifetimes and CLVTools split it, into likelihood, fit and predictions.
 *
 * Per customer the data are x (repeat purchases), t_x (first to last purchase) and T (first purchase
 * to the end of calibration), in one time unit. Time is continuous.
 */
import { distinctValues, weightedDistinct, type Distinct } from "../math/distinct";
import { hypergeometricSeries } from "../math/hyp2f1";
import { fitRepeatModel, groupRepeatRows, type RepeatColumns, type RepeatModelFit, type RepeatModelSpec } from "./fit";
import { digammaDiff, gammaln, lnGammaRatio } from "../math/special";

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A BG/NBD fit: the parameters, their standard errors and limits (see RepeatModelFit), tagged "bgnbd". */
export type BgNbdFit = RepeatModelFit<"bgnbd", keyof BgNbdParams>;

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
 * What the likelihood needs of the data, computed once per fit. The likelihood is summed over the
 * distinct (x, t_x, T) rows of the data, each weighted by how many customers have it (groupRepeatRows,
 * fit.ts); within them x, t_x and T each take few distinct values in real data (whole days or weeks: a
 * few hundred), so the lnΓ/ψ terms of x and the logarithms of α+T and α+t_x are computed once per
 * distinct value and evaluation. The terms every customer has, r ln α − (r+x) ln(α+T), depend on the row
 * only through T and are linear in x, so they are summed per distinct T from the customers and repeat
 * purchases each T has; only the rows with repeat purchases (x > 0) are visited one by one.
 */
interface Prepared {
  /** The distinct x: values, customers (summed weights), and each row's. */
  x: Distinct;
  T: Distinct;
  tx: Distinct;
  /** Per distinct T: customers, and their repeat purchases (Σ weight·x). */
  customersAtT: Float64Array;
  purchasesAtT: Float64Array;
  /**
   * The rows with x > 0: the indices of their T and t_x among the distinct ones, and their weights, in blocks of one x (distinct x j's block is
   * start[j] to start[j+1], in the canonical row order within it): per block the x terms are constants
   * of the inner loop and the sigmoids' share of ∂/∂b one sum.
   */
  repeat: { w: Float64Array; tIndex: Int32Array; txIndex: Int32Array; start: Int32Array };
}

function prepare(data: RepeatColumns, weights: ArrayLike<number>): Prepared {
  const x = weightedDistinct(data.x, weights);
  const T = distinctValues(data.T);
  const tx = distinctValues(data.tx);
  const k = x.values.length;
  const customersAtT = new Float64Array(T.values.length);
  const purchasesAtT = new Float64Array(T.values.length);
  // A counting sort of the repeat rows by their x: start[j] is where x's block begins.
  const start = new Int32Array(k + 1);
  for (let i = 0; i < data.x.length; i++) {
    customersAtT[T.index[i]] += weights[i];
    purchasesAtT[T.index[i]] += weights[i] * data.x[i];
    if (data.x[i] > 0) start[x.index[i] + 1]++;
  }
  for (let j = 0; j < k; j++) start[j + 1] += start[j];
  const m = start[k];
  const repeat = { w: new Float64Array(m), tIndex: new Int32Array(m), txIndex: new Int32Array(m), start };
  const next = start.slice(0, k);
  for (let i = 0; i < data.x.length; i++) {
    if (!(data.x[i] > 0)) continue;
    const at = next[x.index[i]]++;
    repeat.w[at] = weights[i];
    repeat.tIndex[at] = T.index[i];
    repeat.txIndex[at] = tx.index[i];
  }
  return { x, T, tx, customersAtT, purchasesAtT, repeat };
}

/**
 * The log-likelihood of each customer, summed, and its gradient with respect to (ln r, ln α, ln a, ln b).
 * Per customer, in Hardie's numerically stable arrangement (note 027):
 *   ln L = lnΓ(r+x) − lnΓ(r) + r ln α + ln B(a, b+x) − ln B(a, b) − (r+x) ln(α+T)
 *          + ln(1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)),
 * the last term as softplus(d) with d = ln(a/(b+x−1)) + (r+x)(ln(α+T) − ln(α+t_x)).
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: RepeatColumns, gradient?: Float64Array): number {
  const { rows, counts } = groupRepeatRows(data);
  return logLikelihoodWith(params, prepare(rows, counts), gradient);
}

function logLikelihoodWith(p: BgNbdParams, data: Prepared, gradient?: Float64Array): number {
  const { r, alpha, a, b } = p;
  const xs = data.x;
  const k = xs.values.length;
  // Per distinct x: lnΓ(r+x) − lnΓ(r) + ln B(a, b+x) − ln B(a, b), its ψ derivatives, ln(a/(b+x−1)).
  // Written as differences that stay exact when a parameter is huge (see special.ts).
  const dConst = new Float64Array(k);
  let ll = 0;
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  for (let j = 0; j < k; j++) {
    const x = xs.values[j];
    const c = xs.counts[j];
    dConst[j] = x > 0 ? Math.log(a / (b + x - 1)) : -Infinity;
    ll += c * (lnGammaRatio(r, x) + lnGammaRatio(b, x) - lnGammaRatio(a + b, x));
    if (gradient) {
      const psiABX = digammaDiff(a + b, x);
      dr += c * digammaDiff(r, x);
      da -= c * psiABX;
      db += c * (digammaDiff(b, x) - psiABX);
    }
  }
  // Per distinct T: ln(α+T), 1/(α+T), and every customer's r ln α − (r+x) ln(α+T), written as
  // −r ln(1 + T/α) − x ln(α+T) so that two huge logs are not subtracted when α is huge.
  const Ts = data.T.values;
  const lnA = new Float64Array(Ts.length);
  const invA = new Float64Array(Ts.length);
  for (let t = 0; t < Ts.length; t++) {
    const A = alpha + Ts[t];
    const grow = Math.log1p(Ts[t] / alpha);
    lnA[t] = Math.log(A);
    invA[t] = 1 / A;
    const customers = data.customersAtT[t];
    const purchases = data.purchasesAtT[t];
    ll -= customers * r * grow + purchases * lnA[t];
    if (gradient) {
      dr -= customers * grow;
      dAlpha += (customers * r * Ts[t]) / (alpha * A) - purchases / A;
    }
  }
  // Per distinct T and t_x: g = ln(1 + T/α), so that ln((α+T)/(α+t_x)) = g(T) − g(t_x) keeps its digits
  // also when α dwarfs T (a difference of ln(α+T) and ln(α+t_x) would not), and 1/(α+t_x).
  const txs = data.tx.values;
  const gT = new Float64Array(Ts.length);
  let gTMax = 0;
  for (let t = 0; t < Ts.length; t++) {
    gT[t] = Math.log1p(Ts[t] / alpha);
    if (gT[t] > gTMax) gTMax = gT[t];
  }
  const gX = new Float64Array(txs.length);
  const invB = new Float64Array(txs.length);
  for (let t = 0; t < txs.length; t++) {
    gX[t] = Math.log1p(txs[t] / alpha);
    invB[t] = 1 / (alpha + txs[t]);
  }
  // The rows with repeat purchases, a block of one x at a time: softplus(d) and sigmoid(d) of
  // d = ln(a/(b+x−1)) + (r+x)(g(T) − g(t_x)). Where a block has more rows than distinct T and t_x and the
  // powers cannot overflow, eᵈ is the product a/(b+x−1) · (1+T/α)^(r+x) · (1+t_x/α)^−(r+x) of two
  // tables made per block, and a row costs one log1p and no exponential; else one exponential a row.
  const { w, tIndex, txIndex, start } = data.repeat;
  const powT = new Float64Array(Ts.length);
  const powX = new Float64Array(txs.length);
  let sigmoids = 0;
  for (let j = 0; j < k; j++) {
    const from = start[j];
    const to = start[j + 1];
    if (from === to) continue;
    const xj = xs.values[j];
    const m = r + xj;
    let llAtX = 0;
    let drAtX = 0;
    let dAlphaAtX = 0;
    let sigmoidAtX = 0;
    // (1+T/α)^m ≤ e^600 and (1+t_x/α)^−m ≥ e^−600 (t_x ≤ T): no overflow, no subnormal factor.
    if (2 * (to - from) >= Ts.length + txs.length && m * gTMax <= 600) {
      const c = a / (b + xj - 1);
      for (let t = 0; t < Ts.length; t++) powT[t] = Math.exp(m * gT[t]);
      for (let t = 0; t < txs.length; t++) powX[t] = Math.exp(-m * gX[t]);
      for (let i = from; i < to; i++) {
        const ti = tIndex[i];
        const xi = txIndex[i];
        const e = powT[ti] * powX[xi] * c;
        const wi = w[i];
        llAtX += wi * Math.log1p(e);
        if (gradient) {
          const s = (wi * e) / (1 + e);
          drAtX += s * (gT[ti] - gX[xi]);
          dAlphaAtX += s * (invA[ti] - invB[xi]);
          sigmoidAtX += s;
        }
      }
    } else {
      const dc = dConst[j];
      for (let i = from; i < to; i++) {
        const ti = tIndex[i];
        const xi = txIndex[i];
        const lnAB = gT[ti] - gX[xi];
        const d = dc + m * lnAB;
        // softplus(d) and sigmoid(d) from one exponential.
        const e = Math.exp(-Math.abs(d));
        const wi = w[i];
        llAtX += wi * ((d > 0 ? d : 0) + Math.log1p(e));
        if (gradient) {
          const s = (wi * (d >= 0 ? 1 : e)) / (1 + e);
          drAtX += s * lnAB;
          dAlphaAtX += s * (invA[ti] - invB[xi]);
          sigmoidAtX += s;
        }
      }
    }
    ll += llAtX;
    if (gradient) {
      dr += drAtX;
      dAlpha += m * dAlphaAtX;
      sigmoids += sigmoidAtX;
      db -= sigmoidAtX / (b + xj - 1);
    }
  }
  if (gradient) {
    da += sigmoids / a;
    // With respect to the logs of the parameters.
    gradient[0] = dr * r;
    gradient[1] = dAlpha * alpha;
    gradient[2] = da * a;
    gradient[3] = db * b;
  }
  return ll;
}

/**
 * Maximum-likelihood fit, by fitRepeatModel (fit.ts: times scaled, limit-aligned coordinates,
 * BFGS on the analytic gradient, standard errors from the inverse Hessian). Throws
 * CoreError("noRepeatPurchases") when nobody bought twice (a and b are then not identified) and
 * CoreError("fitFailed") when the likelihood has no finite maximum.
 */
export function fitBgNbd(data: RepeatColumns): BgNbdFit {
  return fitRepeatModel(data, BGNBD_SPEC);
}

/** BG/NBD as fitRepeatModel fits it; exported so scripts/bench-bgnbd-evals.ts can count evaluations. */
export const BGNBD_SPEC: RepeatModelSpec<"bgnbd", keyof BgNbdParams> = {
  model: "bgnbd",
  paramNames: ["r", "alpha", "a", "b"],
  timeScaled: [false, true, false, false],
  // The model's limits: r → ∞ with r/α fixed (one purchase rate for all); a → 0 or ∞ with b/a free
  // (nobody drops out; one dropout probability for all), which drags b along; and b/a at either edge at any a
  // (a/(a+b) → 0: nobody drops out; → 1: everyone drops out at once), where the Beta mixing collapses to a
  // point and the likelihood no longer depends on a, so a is at that limit too, not fitted (issue 12: on the
  // bench data a ≈ 766 was shown as if estimated, with b at its limit). Pareto/NBD flags s with β/s the same way.
  limits: ([rEdge, , aEdge, baEdge]) => [rEdge, rEdge, aEdge || baEdge, aEdge || baEdge],
  meanNegative: (rows, counts, n) => {
    const prepared = prepare(rows, counts);
    return (theta, grad) => {
      const params = { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) };
      const ll = logLikelihoodWith(params, prepared, grad);
      for (let i = 0; i < 4; i++) grad[i] = -grad[i] / n;
      return -ll / n;
    };
  },
};

/** P(alive | x, t_x, T) = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). */
export function pAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  // ln((α+T)/(α+t_x)) by log1p, exact also when α is huge (a fit at the no-heterogeneity limit).
  const d = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log1p((T - tx) / (p.alpha + tx));
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
 * When that series would need more than 2,000 terms (z near 1: a long horizon for a new customer),
 * loses more than 4 digits to cancellation, or a+b+x−1 ≤ 0, the expectation is integrated instead
 * (see expectedByQuadrature).
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
  // One dropout probability for all (a fitted at the model's limit): Beta(a, b+x) is all but a point.
  if (a >= 1e4 && b + x >= 1e4) return expectedNearPointMass(p, t, x, T);
  const c = a + b + x - 1;
  if (c > 0) {
    const z = t / (alpha + T + t);
    const upperA = a + b - 1 - r;
    const series = hypergeometricSeries([upperA + 1, a, 1], [c + 1, 2], z, 2000);
    // A series that cancelled (a+b < r makes its first terms alternate) goes to the integral too.
    if (series.converged && series.logCondition < Math.log(1e4)) {
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
 * E[h(p)] for p ~ Beta(a, b+x) concentrated near its mean μ (a and b+x ≥ 1e4): h(μ) + ½h''(μ)·Var(p),
 * with h(p) = (1 − (1 + pt/(α+T))^(−(r+x)))/p as in expectedByQuadrature. The next term is of order
 * (Var/μ²)² ≤ 1e-8 of the result. The series needs ~a terms here and the integral a very fine grid.
 */
function expectedNearPointMass(p: BgNbdParams, t: number, x: number, T: number): number {
  const a = p.a;
  const b = p.b + x;
  const m = p.r + x;
  const kappa = t / (p.alpha + T);
  const h = (q: number) => -Math.expm1(-m * Math.log1p(kappa * q)) / q;
  const mean = a / (a + b);
  const variance = (mean * (1 - mean)) / (a + b + 1);
  const step = 1e-3 * mean;
  const curvature = (h(mean + step) - 2 * h(mean) + h(mean - step)) / (step * step);
  return h(mean) + 0.5 * curvature * variance;
}

/**
 * The same expectation as an integral over the posterior of the dropout probability: given alive,
 * p ~ Beta(a, b+x) and λ ~ Gamma(r+x, α+T), and a customer with (λ, p) buys (1 − e^(−λpt))/p times on
 * average, so E = ∫₀¹ (1 − (1 + pt/(α+T))^(−(r+x)))/p · Beta(p; a, b+x) dp.
 *
 * Integrated on the logit scale u = ln(p/(1−p)), where the Beta density becomes p^a (1−p)^(b+x)/B
 * with exponentially decaying tails, mapped by u = u* + σ·sinh(s) around its mode u* = ln(a/(b+x))
 * with σ its width: the trapezoid rule in s then converges geometrically whether the mass is narrow
 * (large a and b) or spread over many orders of magnitude of p (a tiny a). The s range grows until
 * the integrand at both ends is e⁻⁴⁰ below its peak; the step halves until the sum settles.
 */
export function expectedByQuadrature(p: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a } = p;
  const b = p.b + x;
  const m = r + x;
  const kappa = t / (alpha + T);
  const lnBeta = b >= a ? gammaln(a) - lnGammaRatio(b, a) : gammaln(b) - lnGammaRatio(a, b);
  const mode = Math.log(a / b);
  // The width of the core of the density in u, at most 1: a tiny a gives a flat left tail thousands of
  // units long (the sinh map reaches it) but h(p) still changes within a few units of u = 0.
  const width = Math.min(1, Math.sqrt(1 / a + 1 / b));
  // ln of the integrand without h (h is bounded by mκ): a ln p + (b+x) ln(1−p) − ln B + ln(du/ds).
  const logDensity = (s: number): number => {
    const u = mode + width * Math.sinh(s);
    return -a * softplus(-u) - b * softplus(u) - lnBeta + Math.log(width * Math.cosh(s));
  };
  const at = (s: number): number => {
    const u = mode + width * Math.sinh(s);
    const lnP = -softplus(-u);
    const prob = Math.exp(lnP);
    const h = prob > 0 ? -Math.expm1(-m * Math.log1p(kappa * prob)) / prob : m * kappa;
    return h * Math.exp(-a * softplus(-u) - b * softplus(u) - lnBeta) * width * Math.cosh(s);
  };
  const peak = logDensity(0);
  let lo = 0;
  let hi = 0;
  while (lo > -30 && logDensity(lo) > peak - 40) lo -= 0.5;
  while (hi < 30 && logDensity(hi) > peak - 40) hi += 0.5;
  let step = 0.25;
  let sum = 0;
  for (let s = lo; s <= hi + 1e-12; s += step) sum += at(s);
  let estimate = sum * step;
  // Geometric convergence: a few halvings reach 1e-10. The density of a model at its limit (a and b
  // in the hundreds of millions) carries about (a+b)·1e-16 of rounding; asking for more would spin.
  const tolerance = Math.max(1e-10, 4e-16 * (a + b));
  for (let level = 0; level < 7; level++) {
    // Halving the step adds the midpoints of the current grid.
    for (let s = lo + step / 2; s < hi; s += step) sum += at(s);
    step /= 2;
    const next = sum * step;
    const settled = Math.abs(next - estimate) <= tolerance * Math.abs(next);
    estimate = next;
    if (settled && level >= 1) break;
  }
  return estimate;
}
