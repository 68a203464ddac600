/**
 * The exact sum of doubles, rounded once to nearest with ties to even, by integer arithmetic: every finite
 * double is an integer multiple of 2⁻¹⁰⁷⁴, so the terms scaled by 2¹⁰⁷⁴ are BigInts that add exactly. An
 * independent reference for src/core/math/exact-sum.ts (floating-point partials) in the tests.
 */
const view = new DataView(new ArrayBuffer(8));

/** t · 2¹⁰⁷⁴ as a BigInt (t finite). */
function scaled(t: number): bigint {
  if (t === 0) return 0n;
  view.setFloat64(0, t);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // value = mantissa · 2^(e − 1075), with e = 1 for subnormals; scaled by 2¹⁰⁷⁴: mantissa · 2^(e − 1).
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const magnitude = mantissa << BigInt((exponent === 0 ? 1 : exponent) - 1);
  return bits >> 63n ? -magnitude : magnitude;
}

/** s · 2⁻¹⁰⁷⁴ rounded to the nearest double, ties to even. */
function unscaled(s: bigint): number {
  if (s === 0n) return 0;
  const negative = s < 0n;
  let a = negative ? -s : s;
  const length = a.toString(2).length;
  let shift = 0;
  if (length > 53) {
    shift = length - 53;
    const q = a >> BigInt(shift);
    const rest = a - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    a = rest > half || (rest === half && (q & 1n) === 1n) ? q + 1n : q;
  }
  // Number(a) is exact (a ≤ 2⁵³) and 2^(shift − 1074) is a power of two within range (2⁻¹⁰⁷⁴ included):
  // the product is the double wanted, or Infinity past the largest.
  const value = Number(a) * 2 ** (shift - 1074);
  return negative ? -value : value;
}

export function referenceExactSum(terms: readonly number[]): number {
  let s = 0n;
  for (const t of terms) s += scaled(t);
  return unscaled(s);
}
