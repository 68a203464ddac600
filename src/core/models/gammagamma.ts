/**
 * The Gamma-Gamma model of spend (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"):
 * a customer's transactions are Gamma(p, ν) with ν ~ Gamma(q, v) across customers, so the mean of a
 * customer's x repeat transactions, z̄, informs their expected average spend. Fitted on customers
 * with at least one repeat purchase; the first purchase is excluded from z̄.
 */
import { distinctValues, type Distinct } from "../math/distinct";
import { lexicographicOrder } from "../math/sort";
import { CoreError } from "../cells/errors";
import { fitSeconds, logScaleStandardErrors, maximizeLikelihood, type FitBudget, type Objective } from "../math/optimize";
import { throwIfStopped } from "./fit";
import { digamma, digammaDiff, gammaln, lnGammaRatio } from "../math/special";

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  standardErrors: GammaGammaParams;
  /**
   * Parameters that ran off to a limit of the model (standard error NaN), each with v: q when the
   * customers' mean spends vary no more than their transactions do (then ν = q/v for all), p when a
   * customer's transactions do not vary around their mean.
   */
  limits: (keyof GammaGammaParams)[];
  /** Customers with x > 0 and z̄ > 0 that the fit used. */
  customers: number;
  /**
   * Pearson correlation of x and z̄ among them. The model assumes spend is independent of frequency;
   * a strong correlation (|ρ| > 0.3, say) is a reason to distrust the spend predictions.
   */
  frequencySpendCorrelation: number;
  iterations: number;
}

/**
 * The repeat customers' (x, z̄) pairs, in ascending (x, z̄) order whatever the customers' order: every sum
 * of the fit runs in that one order, so the same customers give the same fit, bit for bit (issue 12).
 */
function repeatSpenders(x: ArrayLike<number>, zbar: ArrayLike<number>): { x: Float64Array; z: Float64Array } {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] > 0 && zbar[i] > 0) n++;
  const xs = new Float64Array(n);
  const zs = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] > 0 && zbar[i] > 0) {
      xs[k] = x[i];
      zs[k++] = zbar[i];
    }
  }
  const order = lexicographicOrder([xs, zs]);
  const sortedX = new Float64Array(n);
  const sortedZ = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    sortedX[j] = xs[order[j]];
    sortedZ[j] = zs[order[j]];
  }
  return { x: sortedX, z: sortedZ };
}

/**
 * Σ over repeat customers of ln L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln z̄ + px ln x
 *   − (px+q) ln(x z̄ + v), with the gradient in (ln p, ln q, ln v) written into `gradient`.
 */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  x: ArrayLike<number>,
  zbar: ArrayLike<number>,
  gradient?: Float64Array,
): number {
  return logLikelihoodWith(params, prepareSpenders(Float64Array.from(x), Float64Array.from(zbar)), gradient);
}

/**
 * The data with what does not depend on the parameters computed once: each customer's spend s = x·z̄, the
 * x groups, and Σ ln z̄. Per customer, (px−1) ln z̄ + px ln x − px ln(s + v) = −px·log1p(v/s) − ln z̄: one
 * logarithm fewer a step than the terms one by one, and no difference of two large logarithms when p runs
 * off to its limit (a customer's transactions all alike).
 */
interface Spenders {
  x: Float64Array;
  spent: Float64Array;
  sumLnZ: number;
  xGroups: Distinct;
}

function prepareSpenders(x: Float64Array, z: Float64Array): Spenders {
  // Plain loops: a typed array's map with a callback is several times slower in V8 on 80,000 customers.
  const spent = new Float64Array(x.length);
  let sumLnZ = 0;
  for (let i = 0; i < x.length; i++) {
    spent[i] = x[i] * z[i];
    sumLnZ += Math.log(z[i]);
  }
  return { x, spent, sumLnZ, xGroups: distinctValues(x) };
}

function logLikelihoodWith(params: GammaGammaParams, data: Spenders, gradient?: Float64Array): number {
  const { p, q, v } = params;
  const { x, spent } = data;
  const { values: xValues, counts: xCounts } = data.xGroups;
  const psiQ = digamma(q);
  // lnΓ(px+q) − lnΓ(px) − lnΓ(q) and its ψ terms depend on the customer only through x; written as a
  // difference from the larger of q and px (lnGammaRatio, digammaDiff: exact when their first argument is
  // huge), so that neither limit of the model (q → ∞, or p → ∞ when a customer's transactions are all
  // alike) cancels two lnΓ of a billion to noise, which left the search at p's limit stalling on rounding.
  const k = xValues.length;
  let ll = -data.sumLnZ;
  let dp = 0;
  let dq = 0;
  for (let j = 0; j < k; j++) {
    const px = p * xValues[j];
    const qLarger = q >= px;
    ll += xCounts[j] * (qLarger ? lnGammaRatio(q, px) - gammaln(px) : lnGammaRatio(px, q) - gammaln(q));
    if (gradient) {
      // ψ(q+px) − ψ(q) and ψ(q+px) − ψ(px), each from the larger argument.
      const psiOverQ = qLarger ? digammaDiff(q, px) : digammaDiff(px, q) + digamma(px) - psiQ;
      const psiOverPX = qLarger ? digammaDiff(q, px) + psiQ - digamma(px) : digammaDiff(px, q);
      dp += xCounts[j] * xValues[j] * psiOverPX;
      dq += xCounts[j] * psiOverQ;
    }
  }
  // Per customer, with u = s/v: q ln v − q ln(s + v) = −q·log1p(u), and −px·log1p(1/u) (see Spenders),
  // neither a difference of huge logs when v or p is huge; for ∂/∂v, (q·u − px)/(v(1 + u)).
  let sumGrow = 0;
  let sumXShrink = 0;
  let sumUOver = 0;
  let sumXOver = 0;
  for (let i = 0; i < x.length; i++) {
    const u = spent[i] / v;
    sumGrow += Math.log1p(u);
    sumXShrink += x[i] * Math.log1p(1 / u);
    if (gradient) {
      const w = 1 / (1 + u);
      sumUOver += u * w;
      sumXOver += x[i] * w;
    }
  }
  ll -= q * sumGrow + p * sumXShrink;
  if (gradient) {
    dp -= sumXShrink;
    dq -= sumGrow;
    gradient[0] = dp * p;
    gradient[1] = dq * q;
    // v·∂/∂v.
    gradient[2] = q * sumUOver - p * sumXOver;
  }
  return ll;
}

/**
 * Maximum-likelihood fit on the customers with x > 0 and z̄ > 0. Throws CoreError("noRepeatSpend") when
 * fewer than 2 such customers exist, CoreError("gammaGammaQ") when q ≤ 1 (the expected spend
 * pv/(q−1) would be negative or infinite), and CoreError("fitFailed") when there is no finite maximum.
 */
export function fitGammaGamma(x: ArrayLike<number>, zbar: ArrayLike<number>, budget: Partial<FitBudget> = {}): GammaGammaFit {
  if (x.length !== zbar.length) throw new RangeError("x and zbar differ in length");
  const data = repeatSpenders(x, zbar);
  const n = data.x.length;
  if (n < 2) throw new CoreError("noRepeatSpend", { customers: n });
  // Spend is measured in units of its mean during the fit, so that the search box and the limit test
  // mean the same in any currency (v scales with it; p and q do not).
  // The mean is taken in units of the largest z̄, so neither spends near 1e308 (whose sum overflows) nor
  // denormals near 5e-324 (whose ratios to n underflow to 0) break it.
  let maxZ = 0;
  for (let i = 0; i < n; i++) maxZ = Math.max(maxZ, data.z[i]);
  let meanRatio = 0;
  for (let i = 0; i < n; i++) meanRatio += data.z[i] / maxZ / n;
  const meanZ = meanRatio * maxZ;
  const scaledZ = new Float64Array(n);
  for (let i = 0; i < n; i++) scaledZ[i] = data.z[i] / maxZ / meanRatio;
  const spenders = prepareSpenders(data.x, scaledZ);
  const objective: Objective = (theta, grad) => {
    const params = { p: Math.exp(theta[0]), q: Math.exp(theta[1]), v: Math.exp(theta[2]) };
    const ll = logLikelihoodWith(params, spenders, grad);
    for (let i = 0; i < 3; i++) grad[i] = -grad[i] / n;
    return -ll / n;
  };
  // The search runs over (ln p, ln q, ln pv/q), so that either limit of the model is one coordinate
  // running off at a fixed mean spend scale pv/q: q → ∞ when customers' mean spends vary no more than
  // their transactions do (ν the same for all), p → ∞ when a customer's transactions do not vary.
  const toTheta = (u: ArrayLike<number>) => Float64Array.of(u[0], u[1], u[1] + u[2] - u[0]);
  const search: Objective = (u, grad) => {
    const value = objective(toTheta(u), grad);
    grad[0] -= grad[2];
    grad[1] += grad[2];
    return value;
  };
  // Start at p = 1, q = 2, v = 1 (the mean z̄), where the population mean spend pv/(q−1) equals the data's.
  const within = { maxSeconds: fitSeconds(n), ...budget };
  const fit = maximizeLikelihood(search, [0, Math.log(2), Math.log(1 / 2)], n, within);
  throwIfStopped("gammaGamma", fit, within);
  const theta = Array.from(toTheta(fit.theta));
  if (!fit.converged || !Number.isFinite(fit.logLikelihood) || theta.some((t) => !Number.isFinite(t))) {
    throw new CoreError("fitFailed", { model: "gammaGamma" });
  }
  const [p, q, vScaled] = theta.map(Math.exp);
  const v = vScaled * meanZ;
  if (q <= 1) throw new CoreError("gammaGammaQ", { q });
  const edge = [fit.atBoundary[0], fit.atBoundary[1], fit.atBoundary.some(Boolean)];
  const se = logScaleStandardErrors(objective, theta, n, edge.map((e) => !e));
  return {
    p,
    q,
    v,
    // Each z̄'s density carries 1/meanZ: LL in the data's currency.
    logLikelihood: fit.logLikelihood - n * (Math.log(maxZ) + Math.log(meanRatio)),
    standardErrors: { p: se[0], q: se[1], v: se[2] * meanZ },
    limits: (["p", "q", "v"] as const).filter((_, i) => edge[i]),
    customers: n,
    frequencySpendCorrelation: correlation(data.x, data.z),
    iterations: fit.iterations,
  };
}

/**
 * E[M | x, z̄] = (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · z̄: the population mean pulled towards the
 * customer's own mean as x grows. For x = 0 it is the population mean pv/(q−1).
 */
export function expectedAverageSpend(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, v } = params;
  if (x === 0 || !(zbar >= 0)) return (p * v) / (q - 1);
  return (p * (v + x * zbar)) / (p * x + q - 1);
}

function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
