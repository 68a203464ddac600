/**
 * Sums whose result does not depend on the order of their terms, bit for bit, kept per slot (one per
 * customer) as the terms stream in (issue 12: a customer's mean repeat spend z̄ summed in row order moved
 * its last bits, and Gamma-Gamma's fit after it, with the rows' order).
 *
 * Why this and not the alternatives: sorting a customer's amounts before adding them needs every row held
 * until the end, and the per-customer stream (transactions/stream.ts) keeps no row, so that `tier fit`
 * reads any file in memory that grows with customers; a compensated sum (Kahan, Neumaier) is only more
 * accurate, and its result can still move with the order. So each slot keeps the exact sum as Shewchuk's
 * non-overlapping partials (J. R. Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust
 * Geometric Predicates", 1997, the GROW-EXPANSION step; the `msum` of Python's math.fsum), and `value`
 * rounds that exact sum once, to nearest with ties to even (fsum's final step), so the result is a
 * function of the multiset of terms alone. Amounts in cents below a billion need two or three partials;
 * a slot holds INLINE of them side by side and spills to a list only beyond (terms spanning more than
 * about 150 binary orders of magnitude), so memory stays a few doubles a customer.
 *
 * A running sum past the largest double is not kept: the slot becomes Infinity (callers refuse it as the
 * finite-number rule says, like any overflowing total; with terms of one sign, as amounts are, that is
 * exactly when the whole sum overflows).
 */

/** Partials held inline per slot; a slot needing more moves its partials to `spilled`. */
const INLINE = 3;
/** `count` marking a slot whose partials live in `spilled`; or one whose sum overflowed. */
const SPILLED = 255;
const OVERFLOWED = 254;

export class ExactSums {
  private parts: Float64Array;
  private count: Uint8Array;
  private readonly spilled = new Map<number, number[]>();

  constructor(slots = 0) {
    this.parts = new Float64Array(Math.max(1, slots) * INLINE);
    this.count = new Uint8Array(Math.max(1, slots));
  }

  /** Slots held (grows on demand). */
  get slots(): number {
    return this.count.length;
  }

  private ensure(slot: number): void {
    if (slot < this.count.length) return;
    const size = Math.max(slot + 1, this.count.length * 2);
    const parts = new Float64Array(size * INLINE);
    parts.set(this.parts);
    const count = new Uint8Array(size);
    count.set(this.count);
    this.parts = parts;
    this.count = count;
  }

  /** Adds a finite term to the slot's exact sum. */
  add(slot: number, term: number): void {
    this.ensure(slot);
    const n = this.count[slot];
    if (n === OVERFLOWED) return;
    if (n === SPILLED) {
      if (!growExpansion(this.spilled.get(slot)!, term)) this.overflow(slot);
      return;
    }
    // The inline partials, ascending in magnitude and non-overlapping; x carries what is left to place.
    const parts = this.parts;
    const at = slot * INLINE;
    let x = term;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      let y = parts[at + i];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) parts[at + kept++] = lo;
      x = hi;
    }
    if (x - x !== 0) {
      this.overflow(slot);
      return;
    }
    if (kept < INLINE) {
      parts[at + kept] = x;
      this.count[slot] = kept + 1;
      return;
    }
    const list = Array.from(parts.subarray(at, at + kept));
    list.push(x);
    this.spilled.set(slot, list);
    this.count[slot] = SPILLED;
  }

  /** Adds the exact sum of `from`'s slot to `to`'s, and empties `from`'s. */
  move(from: number, to: number): void {
    this.ensure(Math.max(from, to));
    const n = this.count[from];
    if (n === 0) return;
    if (n === OVERFLOWED) this.overflow(to);
    else if (n === SPILLED) for (const part of this.spilled.get(from)!) this.add(to, part);
    // Read in place (no copy: this runs for most customers whose rows come out of date order); adding to
    // another slot neither moves nor changes these partials (the room is there already).
    else for (let i = 0; i < n; i++) this.add(to, this.parts[from * INLINE + i]);
    this.clear(from);
  }

  /** Empties the slot. */
  clear(slot: number): void {
    if (slot >= this.count.length) return;
    if (this.count[slot] === SPILLED) this.spilled.delete(slot);
    this.count[slot] = 0;
  }

  /** The slot's exact sum rounded once to the nearest double (ties to even); Infinity when it overflowed. */
  value(slot: number): number {
    if (slot >= this.count.length) return 0;
    const n = this.count[slot];
    if (n === OVERFLOWED) return Infinity;
    if (n === SPILLED) {
      const list = this.spilled.get(slot)!;
      return roundExpansion(list, 0, list.length);
    }
    return roundExpansion(this.parts, slot * INLINE, n);
  }

  private overflow(slot: number): void {
    if (this.count[slot] === SPILLED) this.spilled.delete(slot);
    this.count[slot] = OVERFLOWED;
  }
}

/** Shewchuk's GROW-EXPANSION in place on a list of partials; false when the sum overflowed. */
function growExpansion(partials: number[], term: number): boolean {
  let x = term;
  let kept = 0;
  for (let i = 0; i < partials.length; i++) {
    let y = partials[i];
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) partials[kept++] = lo;
    x = hi;
  }
  partials.length = kept;
  partials.push(x);
  return x - x === 0;
}

/**
 * The exact sum of non-overlapping partials (ascending magnitude), rounded to the nearest double with ties
 * to even (`length` of them from `from`): add from the top until a rounding error appears, then correct a tie that the partials below
 * would break (Python's math.fsum, Objects/mathmodule.c).
 */
export function roundExpansion(partials: ArrayLike<number>, from = 0, length = partials.length): number {
  let n = length;
  if (n === 0) return 0;
  n--;
  let hi = partials[from + n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    n--;
    const y = partials[from + n];
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && partials[from + n - 1] < 0) || (lo > 0 && partials[from + n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    const yr = x - hi;
    if (y === yr) hi = x;
  }
  return hi;
}

/** The exact sum of finite terms, correctly rounded (order-free); Infinity when it overflows. */
export function exactSum(terms: ArrayLike<number>): number {
  const partials: number[] = [];
  for (let i = 0; i < terms.length; i++) if (!growExpansion(partials, terms[i])) return Infinity;
  return roundExpansion(partials);
}
