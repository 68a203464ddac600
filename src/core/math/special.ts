/**
 * Differences of lnΓ and ψ that the likelihoods need, accurate when the first argument is huge (a
 * model drifting to its no-heterogeneity limit), where lnΓ(q+s) − lnΓ(q) computed as written would
 * cancel to noise. Built on stdlib's lnΓ and ψ (ports of Cephes/Boost).
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import digamma from "@stdlib/math-base-special-digamma";

/** Beyond this the Stirling series below is accurate to about 1e-16. */
const LARGE = 1e4;

/** lnΓ(q + s) − lnΓ(q) for q > 0, s ≥ 0. */
export function lnGammaRatio(q: number, s: number): number {
  if (s === 0) return 0;
  if (q < LARGE) return gammaln(q + s) - gammaln(q);
  // Stirling: lnΓ(z) = (z − ½) ln z − z + ½ ln 2π + 1/(12z) − 1/(360z³) + …
  const qs = q + s;
  const main = (q - 0.5) * Math.log1p(s / q) + s * Math.log(qs) - s;
  const correction = 1 / (12 * qs) - 1 / (12 * q) - (1 / (360 * qs ** 3) - 1 / (360 * q ** 3));
  return main + correction;
}

/** ψ(q + s) − ψ(q) for q > 0, s ≥ 0. */
export function digammaDiff(q: number, s: number): number {
  if (s === 0) return 0;
  if (q < LARGE) return digamma(q + s) - digamma(q);
  // ψ(z) = ln z − 1/(2z) − 1/(12z²) + 1/(120z⁴) − …
  const qs = q + s;
  return Math.log1p(s / q) - (1 / (2 * qs) - 1 / (2 * q)) - (1 / (12 * qs * qs) - 1 / (12 * q * q));
}

export { gammaln, digamma };
