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
import { hypergeometricSeries } from "../math/hyp2f1";
import { differencedGradient } from "../math/optimize";
import { fitRepeatModel, type RepeatColumns, type RepeatModelFit } from "./fit";
import { lnGammaRatio } from "../math/special";

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
  if (!(T > tx)) return -Infinity;
  const { r, alpha, s, beta } = p;
  const a = r + s + x;
  const big = Math.max(alpha, beta);
  const b0 = alpha >= beta ? s + 1 : r + x;
  const logF = (y: number): number => {
    const z = Math.abs(alpha - beta) / y;
    const series = hypergeometricSeries([1, a + 1 - b0], [a + 1], z, 20_000);
    if (!series.converged) return NaN;
    return (1 - b0) * Math.log1p(-z) + series.logValue - a * Math.log(y);
  };
  const first = logF(big + tx);
  const second = logF(big + T);
  // F(y₁) > F(y₂): A0 is the integral of a positive function over (t_x, T).
  return first + Math.log1p(-Math.exp(second - first));
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
  const { r, alpha, s, beta } = p;
  const alive = -r * Math.log1p(T / alpha) - x * Math.log(alpha + T) - s * Math.log1p(T / beta);
  const gone = Math.log(s / (r + s + x)) + r * Math.log(alpha) + s * Math.log(beta) + logA0(p, x, tx, T);
  return lnGammaRatio(r, x) + logAddExp(alive, gone);
}

/** The likelihood over distinct (x, t_x, T) rows, with their counts (summaries share many rows). */
function compress(data: RepeatColumns): { rows: RepeatColumns; counts: Float64Array } {
  const keys = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    const key = `${data.x[i]},${data.tx[i]},${data.T[i]}`;
    let k = keys.get(key);
    if (k === undefined) {
      k = x.length;
      keys.set(key, k);
      x.push(data.x[i]);
      tx.push(data.tx[i]);
      T.push(data.T[i]);
      counts.push(0);
    }
    counts[k]++;
  }
  return { rows: { x, tx, T }, counts: Float64Array.from(counts) };
}

function weightedLogLikelihood(p: ParetoNbdParams, rows: RepeatColumns, counts: Float64Array): number {
  let ll = 0;
  for (let i = 0; i < counts.length; i++) ll += counts[i] * rowLogLikelihood(p, rows.x[i], rows.tx[i], rows.T[i]);
  return ll;
}

/**
 * Maximum-likelihood fit by fitRepeatModel (fit.ts), in coordinates (ln r, ln α/r, ln s, ln β/s)
 * with times in units of the mean T, as fitBgNbd. The gradient is differenced: the likelihood's ₂F₁
 * terms have no convenient derivatives in their parameters.
 */
export function fitParetoNbd(data: RepeatColumns): ParetoNbdFit {
  return fitRepeatModel(data, {
    model: "paretoNbd",
    paramNames: ["r", "alpha", "s", "beta"],
    timeScaled: [false, true, false, true],
    limits: ([rEdge, , sEdge, dropEdge]) => [rEdge, rEdge, sEdge || dropEdge, sEdge || dropEdge],
    meanNegative: (scaled, n) => {
      const { rows, counts } = compress(scaled);
      return differencedGradient(
        (theta) =>
          -weightedLogLikelihood({ r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), s: Math.exp(theta[2]), beta: Math.exp(theta[3]) }, rows, counts) / n,
      );
    },
  });
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

