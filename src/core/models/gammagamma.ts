/**
 * The Gamma-Gamma model of spend (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"):
 * a customer's transactions are Gamma(p, ν) with ν ~ Gamma(q, v) across customers, so the mean of a
 * customer's x repeat transactions, z̄, informs their expected average spend. Fitted on customers
 * with at least one repeat purchase; the first purchase is excluded from z̄.
 */
import { lexicographicOrder } from "../math/sort";
import { CoreError } from "../cells/errors";
import { LIMIT_RATIO, fitSeconds, logScaleStandardErrors, maximizeLikelihood, type FitBudget, type Objective } from "../math/optimize";
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
 * The data with what does not depend on the parameters computed once. The terms in x alone (lnΓ(px+q) −
 * lnΓ(px) − lnΓ(q) and their ψ) are summed per distinct x (`xGroups`); Σ ln z̄ is one number. What remains,
 * per customer with spend s = x·z̄ and u = s/v,
 *   (px−1) ln z̄ + px ln x − (px+q) ln(s + v) + q ln v = −q·log1p(u) − px·log1p(1/u) − ln z̄,
 * does not separate over z̄ (ln(s + v) mixes s and v), so it is one pass over the distinct (x, s) rows,
 * sorted by s, with their counts: customers with the same x and z̄ (one repeat purchase at one price) add one
 * term. That pass takes one logarithm a row, not two: log1p(1/u) = log1p(u) + ln v − ln s and log1p(u) =
 * log1p(1/u) + ln s − ln v, each used on the side where it adds positive terms (s ≤ v: from log1p(u); s > v:
 * from log1p(1/u)), with the Σ c·x·ln s and Σ c·ln s of either side read from prefix sums at the cut, so no
 * difference of two large logarithms appears when p or q runs off to its limit (then u runs to ∞ or 0).
 */
interface Spenders {
  /** The distinct (x, s) rows, ascending in s (then x); c their customers. */
  x: Float64Array;
  spent: Float64Array;
  c: Float64Array;
  /** Prefix sums over the rows before k: Σ c, Σ c·x, Σ c·ln s, Σ c·x·ln s (k = 0 … rows). */
  sumC: Float64Array;
  sumCX: Float64Array;
  sumCLnS: Float64Array;
  sumCXLnS: Float64Array;
  sumLnZ: number;
  /** The distinct x (runs of one x: an x may recur when the customers are not in ascending x) and their customers. */
  xGroups: { values: Float64Array; counts: Float64Array };
  /** Per x group: Σ z̄² and Σ (1 + ln z̄ − z̄) (`moments`). */
  moments: { squares: Float64Array; gaps: Float64Array };
}

function prepareSpenders(x: Float64Array, z: Float64Array): Spenders {
  // Plain loops: a typed array's map with a callback is several times slower in V8 on 80,000 customers.
  const n = x.length;
  const spent = new Float64Array(n);
  let sumLnZ = 0;
  // Per run of one x (the fit's pairs come in ascending x, so each x is one run): its customers, Σ z̄² and
  // Σ (1 + ln z̄ − z̄), all that the moments of the start need (`moments`).
  const groups = { values: [] as number[], counts: [] as number[], squares: [] as number[], gaps: [] as number[] };
  let g = -1;
  for (let i = 0; i < n; i++) {
    spent[i] = x[i] * z[i];
    const lnZ = Math.log(z[i]);
    sumLnZ += lnZ;
    if (g < 0 || x[i] !== groups.values[g]) {
      g++;
      groups.values.push(x[i]);
      groups.counts.push(0);
      groups.squares.push(0);
      groups.gaps.push(0);
    }
    groups.counts[g]++;
    groups.squares[g] += z[i] * z[i];
    groups.gaps[g] += 1 + lnZ - z[i];
  }
  // In ascending (s, x) order, a function of the customers alone (lexicographicOrder is stable and the
  // pairs come in ascending (x, z̄) order), so the sums keep the fit order-free; equal rows merged.
  const order = lexicographicOrder([spent, x]);
  const rows = { x: new Float64Array(n), spent: new Float64Array(n), c: new Float64Array(n) };
  let m = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    if (m > 0 && rows.spent[m - 1] === spent[i] && rows.x[m - 1] === x[i]) rows.c[m - 1]++;
    else {
      rows.x[m] = x[i];
      rows.spent[m] = spent[i];
      rows.c[m++] = 1;
    }
  }
  const sumC = new Float64Array(m + 1);
  const sumCX = new Float64Array(m + 1);
  const sumCLnS = new Float64Array(m + 1);
  const sumCXLnS = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) {
    const c = rows.c[k];
    const lnS = Math.log(rows.spent[k]);
    sumC[k + 1] = sumC[k] + c;
    sumCX[k + 1] = sumCX[k] + c * rows.x[k];
    sumCLnS[k + 1] = sumCLnS[k] + c * lnS;
    sumCXLnS[k + 1] = sumCXLnS[k] + c * rows.x[k] * lnS;
  }
  return {
    x: rows.x.subarray(0, m),
    spent: rows.spent.subarray(0, m),
    c: rows.c.subarray(0, m),
    sumC,
    sumCX,
    sumCLnS,
    sumCXLnS,
    sumLnZ,
    xGroups: { values: Float64Array.from(groups.values), counts: Float64Array.from(groups.counts) },
    moments: { squares: Float64Array.from(groups.squares), gaps: Float64Array.from(groups.gaps) },
  };
}

/** The rows with s ≤ v: how many lead the ascending spends (binary search). */
function rowsUpTo(spent: Float64Array, v: number): number {
  let lo = 0;
  let hi = spent.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spent[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function logLikelihoodWith(params: GammaGammaParams, data: Spenders, gradient?: Float64Array): number {
  const { p, q, v } = params;
  const { x, spent, c } = data;
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
  // Σ c·log1p(u) (sumGrow) and Σ c·x·log1p(1/u) (sumXShrink), one logarithm a row (see Spenders); for
  // ∂/∂v, Σ c·u·w and Σ c·x·w with w = 1/(1+u), each summed as itself (not Σ c − Σ c·w, which cancels
  // when u is tiny, at q's limit).
  const cut = rowsUpTo(spent, v);
  const rows = spent.length;
  const lnV = Math.log(v);
  const invV = 1 / v;
  let grow = 0;
  let xGrowBelow = 0;
  let shrinkAbove = 0;
  let xShrink = 0;
  let sumUW = 0;
  let sumXW = 0;
  for (let i = 0; i < cut; i++) {
    const u = spent[i] * invV;
    const g = c[i] * Math.log1p(u);
    grow += g;
    xGrowBelow += x[i] * g;
    if (gradient) {
      const w = c[i] / (1 + u);
      sumUW += u * w;
      sumXW += x[i] * w;
    }
  }
  for (let i = cut; i < rows; i++) {
    const t = v / spent[i];
    const h = c[i] * Math.log1p(t);
    shrinkAbove += h;
    xShrink += x[i] * h;
    if (gradient) {
      // w = 1/(1+u) = t/(1+t), u·w = 1/(1+t).
      const uw = c[i] / (1 + t);
      sumUW += uw;
      sumXW += x[i] * t * uw;
    }
  }
  // Below the cut, log1p(1/u) = log1p(u) + ln v − ln s; above it, log1p(u) = log1p(1/u) + ln s − ln v.
  const sumXShrink = xShrink + xGrowBelow + (data.sumCX[cut] * lnV - data.sumCXLnS[cut]);
  const sumGrow = grow + shrinkAbove + (data.sumCLnS[rows] - data.sumCLnS[cut] - (data.sumC[rows] - data.sumC[cut]) * lnV);
  ll -= q * sumGrow + p * sumXShrink;
  if (gradient) {
    dp -= sumXShrink;
    dq -= sumGrow;
    gradient[0] = dp * p;
    gradient[1] = dq * q;
    // v·∂/∂v = q·Σ c·u/(1+u) − p·Σ c·x/(1+u).
    gradient[2] = q * sumUW - p * sumXW;
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
  const within = { maxSeconds: fitSeconds(n), ...budget };
  const fit = maximizeLikelihood(search, startOf(search, moments(spenders, n)), n, within);
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
 * Two starts for the search, each a (p, q) with pv/(q−1) = 1, the mean of z̄ (in units of its mean):
 * - from the moments: given x, E[z̄] = pv/(q−1) and E[z̄²] = (p/x + p²)·v²/((q−1)(q−2)), so a least-squares
 *   line of z̄² on 1/x has slope p·K and intercept p²·K (K = v²/((q−1)(q−2))): p is their ratio, and the mean
 *   of z̄² over (1 + mean(1/x)/p) is (q−1)/(q−2); where a moment says nothing (one x for all, a slope ≤ 0)
 *   p = 1, and spends that vary no more than one customer's do put q at the limit;
 * - at q's limit (one ν for all, z̄ ~ Gamma(px, px)), q = LIMIT_RATIO where optimize.ts's limit test begins,
 *   with p where that likelihood peaks: the root of Σ x·(ln px − ψ(px)) + Σ x·(1 + ln z̄ − z̄), which falls
 *   from +∞ to below 0 as p grows (bisection in ln p, over the distinct x).
 * The mean of z̄² is noisy (spends are heavy-tailed), and a q of some hundreds from it often means ∞, where
 * the likelihood is as flat as 1/q and a search crawls out about 1 in ln q a step: `startOf` takes the likelier.
 */
function moments(data: Spenders, n: number): { p: number; q: number; pAtLimit: number } {
  const { values, counts } = data.xGroups;
  const { squares, gaps } = data.moments;
  let meanW = 0;
  let meanY = 0;
  let limitTerms = 0;
  for (let j = 0; j < values.length; j++) {
    meanW += counts[j] / values[j] / n;
    meanY += squares[j] / n;
    limitTerms += values[j] * gaps[j];
  }
  // Σ over customers of (w − w̄)² and (w − w̄)(y − ȳ), w = 1/x constant within a group.
  let sww = 0;
  let swy = 0;
  for (let j = 0; j < values.length; j++) {
    const dw = 1 / values[j] - meanW;
    sww += counts[j] * dw * dw;
    swy += dw * (squares[j] - counts[j] * meanY);
  }
  const slope = swy / sww;
  const intercept = meanY - slope * meanW;
  const ratio = intercept / slope;
  const p = slope > 0 && intercept > 0 && ratio > 1e-3 && ratio < 1e6 ? ratio : 1;
  const rho = meanY / (1 + meanW / p);
  const q = rho > 1 ? Math.min(2 + 1 / (rho - 1), LIMIT_RATIO) : LIMIT_RATIO;
  let lo = Math.log(1e-3);
  let hi = Math.log(1e6);
  for (let step = 0; step < 30; step++) {
    const mid = (lo + hi) / 2;
    const shape = Math.exp(mid);
    let g = limitTerms;
    for (let j = 0; j < values.length; j++) g += counts[j] * values[j] * (Math.log(shape * values[j]) - digamma(shape * values[j]));
    if (g > 0) lo = mid;
    else hi = mid;
  }
  return { p, q, pAtLimit: Math.exp((lo + hi) / 2) };
}

/** The likelier of the two starts (see `moments`), as search coordinates (ln p, ln q, ln pv/q). */
function startOf(search: Objective, start: { p: number; q: number; pAtLimit: number }): number[] {
  const at = (p: number, q: number) => [Math.log(p), Math.log(q), Math.log((q - 1) / q)];
  const limit = at(start.pAtLimit, LIMIT_RATIO);
  if (start.q >= LIMIT_RATIO) return limit;
  const inside = at(start.p, start.q);
  const scratch = new Float64Array(3);
  return search(Float64Array.from(limit), scratch) < search(Float64Array.from(inside), scratch) ? limit : inside;
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
