/**
 * Upgrade candidates: the customers closest to moving up a tier, for the pane's list.
 *
 * "Closest" is the gap relative to where the customer stands: gap ÷ value, where value is what the gap
 * is measured in (a customer with 900 of revenue and a 100 gap is nearer than one with 100 and a gap of
 * 50). A customer whose value is 0 or less (or not a number) has no relative gap: such customers come
 * after every customer with one, by the gap itself. Ties go to the smaller gap, then the earlier row.
 * Customers without a gap (NaN: the top tier, or no tier) are never candidates; a gap is above 0.
 *
 *   closestToUpgrade([50, 100, NaN], [100, 900, 5], 2) // → [1, 0]: 100/900 < 50/100
 */

/** Indices of at most `limit` customers with the smallest relative gap, closest first. O(n log limit). */
export function closestToUpgrade(gap: ArrayLike<number>, value: ArrayLike<number>, limit = 20): number[] {
  if (value.length !== gap.length) throw new RangeError(`gap and value differ in length: ${gap.length}, ${value.length}`);
  if (!(limit >= 1)) return [];
  // The kept candidates, sorted closest first; a new one goes in by binary search when it beats the last.
  const kept: { i: number; relative: number; gap: number }[] = [];
  const before = (a: { i: number; relative: number; gap: number }, b: { i: number; relative: number; gap: number }) =>
    a.relative !== b.relative ? a.relative < b.relative : a.gap !== b.gap ? a.gap < b.gap : a.i < b.i;
  for (let i = 0; i < gap.length; i++) {
    const g = gap[i];
    if (!(g > 0) || !Number.isFinite(g)) continue;
    const v = value[i];
    const candidate = { i, relative: v > 0 && Number.isFinite(v) ? g / v : Infinity, gap: g };
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
