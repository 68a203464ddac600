/**
 * Upgrade candidates: the customers closest to moving up a tier, for the pane's list.
 *
 * A candidate is a customer with a next tier up (`next` ≥ 0) and a finite gap to it. Every gap is a
 * reach amount (src/core/tiers/upgrade.ts): above 0, and for a customer exactly on an RFM breakpoint the cent
 * that takes them over it, so nobody with a next tier is left out for a gap of 0.
 *
 * "Closest" is the gap relative to where the customer stands: gap ÷ value, where value is what the gap
 * is measured in (a customer with 900 of revenue and a 100 gap is nearer than one with 100 and a gap of
 * 50). A customer whose value is 0 or less (or not a number) has no relative gap: such customers come
 * after every customer with one, by the gap itself. Ties go to the smaller gap, then the customer with the
 * larger value, then the earlier row.
 *
 *   closestToUpgrade({ next: [1, 1, -1], gap: [50, 100, NaN] }, [100, 900, 5], 2) // → [1, 0]: 100/900 < 50/100
 *
 * The gaps alone (a plain column) are accepted too: then a candidate is any customer with a finite gap
 * of 0 or more (NaN marks "no next tier").
 */
/**
 * `UpgradeGaps` (src/core/tiers/upgrade.ts) or anything shaped like it; with `orders` (segments: the
 * purchases it takes, src/core/tiers/upgrade-segment.ts) the fewest purchases come first, then the gap
 * relative to the value: one purchase is one thing to ask of a customer, whatever its size.
 */
type Gaps = { readonly next: ArrayLike<number>; readonly gap: ArrayLike<number>; readonly orders?: ArrayLike<number> };
type Kept = { i: number; steps: number; relative: number; gap: number; value: number };

/** Indices of at most `limit` customers with the smallest relative gap, closest first. O(n log limit). */
export function closestToUpgrade(up: Gaps | ArrayLike<number>, value: ArrayLike<number>, limit = 20): number[] {
  const withNext = "next" in up && "gap" in up;
  const gap: ArrayLike<number> = withNext ? (up as Gaps).gap : (up as ArrayLike<number>);
  const next: ArrayLike<number> | null = withNext ? (up as Gaps).next : null;
  if (value.length !== gap.length) throw new RangeError(`gap and value differ in length: ${gap.length}, ${value.length}`);
  if (next && next.length !== gap.length) throw new RangeError(`next and gap differ in length: ${next.length}, ${gap.length}`);
  if (!(limit >= 1)) return [];
  // The kept candidates, sorted closest first; a new one goes in by binary search when it beats the last.
  const orders = withNext ? ((up as Gaps).orders ?? null) : null;
  const kept: Kept[] = [];
  // Equal relative gaps (a gap of 0: "a purchase now" moves them): the customer worth more first.
  const before = (a: Kept, b: Kept) =>
    a.steps !== b.steps
      ? a.steps < b.steps
      : a.relative !== b.relative
        ? a.relative < b.relative
        : a.gap !== b.gap
          ? a.gap < b.gap
          : a.value !== b.value
            ? a.value > b.value
            : a.i < b.i;
  for (let i = 0; i < gap.length; i++) {
    if (next && !(next[i] >= 0)) continue;
    const g = gap[i];
    if (!(g >= 0) || !Number.isFinite(g)) continue;
    const v = value[i];
    const worth = v > 0 && Number.isFinite(v) ? v : 0;
    const candidate: Kept = { i, steps: orders ? orders[i] : 0, relative: worth > 0 ? g / worth : Infinity, gap: g, value: worth };
    if (kept.length === limit && !before(candidate, kept[limit - 1])) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(kept[mid], candidate)) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, candidate);
    if (kept.length > limit) kept.pop();
  }
  return kept.map((k) => k.i);
}
