/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real arguments and z < 1, as the BG/NBD
 * expectations need it.
 *
 * The power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ converges for |z| < 1 but slowly near 1, and its terms can
 * grow by hundreds of orders of magnitude before they shrink when a or b is large (a customer with
 * hundreds of purchases). So:
 * - z < 0 is mapped into [0, 1) by Pfaff's transformation ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1));
 * - when the series for (a, b) cancels badly (Σ|terms| ≫ |Σ terms|), Euler's transformation
 *   (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) is summed too and the better-conditioned result kept (for the
 *   BG/NBD arguments Euler's form has no growth phase at all, see bgnbd.ts);
 * - terms are summed in a scaled accumulator, so large intermediate values do not overflow;
 * - when the sum has not settled within `maxTerms` (z very close to 1), the result is NaN and
 *   `converged` false, so the caller can use its fallback (the BG/NBD code integrates instead).
 *
 * @example hyp2f1(1, 1, 2, 0.5) // = −ln(1 − 0.5)/0.5 = 1.386294…
 */

export interface SeriesResult {
  /** ln |value|; −Infinity for 0. */
  logValue: number;
  sign: number;
  converged: boolean;
  terms: number;
  /**
   * ln(Σ|termₙ| / |Σ termₙ|): how much cancellation the sum suffered. The relative rounding error is
   * about 1e-16 times its exponential.
   */
  logCondition: number;
}

const EPS = 1e-16;

/**
 * ln of the generalized hypergeometric series Σₙ≥₀ Πᵢ(upperᵢ)ₙ / (Πⱼ(lowerⱼ)ₙ n!) zⁿ for 0 ≤ z < 1, with
 * one more upper than lower parameter (₂F₁, ₃F₂), so consecutive terms tend to the ratio z. Summed
 * term by term from that ratio, rescaling the running sum whenever it grows past 1e250.
 */
export function hypergeometricSeries(
  upper: readonly number[],
  lower: readonly number[],
  z: number,
  maxTerms = 100_000,
): SeriesResult {
  const ratioAt = (n: number): number => {
    let r = z / (n + 1);
    for (const u of upper) r *= u + n;
    for (const l of lower) r /= l + n;
    return r;
  };
  let term = 1;
  let sum = 1;
  let absSum = 1;
  let logScale = 0;
  let n = 0;
  for (; n < maxTerms; n++) {
    if (upper.some((u) => u + n === 0)) return finish(sum, absSum, logScale, true, n); // a polynomial: the series ends
    if (lower.some((l) => l + n === 0)) return { logValue: NaN, sign: NaN, converged: false, terms: n, logCondition: NaN };
    term *= ratioAt(n);
    sum += term;
    absSum += Math.abs(term);
    if (absSum > 1e250) {
      sum /= 1e250;
      absSum /= 1e250;
      term /= 1e250;
      logScale += 250 * Math.LN10;
    }
    // Stop once the terms shrink and the last one no longer moves the sum.
    const ratio = Math.abs(ratioAt(n + 1));
    if (ratio < 1 && Math.abs(term) <= EPS * Math.abs(sum)) {
      // Later ratios tend to z, from above (then each is below this one) or from below (then below z),
      // so the tail is at most term·q/(1 − q) with q the larger of the two.
      const q = Math.max(ratio, z);
      const tail = (Math.abs(term) * q) / (1 - q);
      if (tail <= 4 * EPS * Math.abs(sum)) return finish(sum, absSum, logScale, true, n + 1);
    }
  }
  return { logValue: NaN, sign: Math.sign(sum), converged: false, terms: n, logCondition: NaN };
}

/** ln ₂F₁ by its power series; see hypergeometricSeries. */
export function hyp2f1Series(a: number, b: number, c: number, z: number, maxTerms = 100_000): SeriesResult {
  return hypergeometricSeries([a, b], [c], z, maxTerms);
}

function finish(sum: number, absSum: number, logScale: number, converged: boolean, terms: number): SeriesResult {
  const logAbs = Math.log(Math.abs(sum));
  return { logValue: logAbs + logScale, sign: Math.sign(sum), converged, terms, logCondition: Math.log(absSum) - logAbs };
}

/** ₂F₁(a, b; c; z) for z < 1; NaN when c is a non-positive integer or the series does not settle. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) return NaN;
  if (z === 0) return 1;
  if (z < 0) {
    // Pfaff: (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)), with z/(z−1) in (0, 1).
    const w = z / (z - 1);
    const inner = hyp2f1(a, c - b, c, w);
    return Math.exp(-a * Math.log1p(-z)) * inner;
  }
  // Sum the series as given; when it cancelled badly (or did not settle), try Euler's form too and
  // keep whichever lost fewer digits.
  const direct = hyp2f1Series(a, b, c, z);
  if (direct.converged && direct.logCondition < Math.log(1e3)) return direct.sign * Math.exp(direct.logValue);
  const euler = hyp2f1Series(c - a, c - b, c, z);
  const useEuler = euler.converged && (!direct.converged || euler.logCondition < direct.logCondition);
  if (useEuler) return euler.sign * Math.exp(euler.logValue + (c - a - b) * Math.log1p(-z));
  return direct.converged ? direct.sign * Math.exp(direct.logValue) : NaN;
}
