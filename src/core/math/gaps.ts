/**
 * Gaps that hold as computed, not only on paper: the amount a customer needs to reach the next tier
 * must, added in floating point, actually land there (see src/core/tiers/upgrade.ts for the tier
 * rules that use them). They live below tiers/ because both ABC classes (tiers/abc.ts) and RFM
 * scores (tiers/upgrade.ts) use them; kept in upgrade.ts they closed the cycle abc → upgrade → score → abc.
 */

/** The next double above a finite x (no BigInt: the core also runs in older webviews). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  // The bit pattern as a 64-bit magnitude: one step away from zero for x > 0, towards it for x < 0.
  let high = view.getUint32(0);
  let low = view.getUint32(4);
  if (x > 0) {
    low = (low + 1) >>> 0;
    if (low === 0) high++;
  } else {
    if (low === 0) high--;
    low = (low - 1) >>> 0;
  }
  view.setUint32(0, high);
  view.setUint32(4, low);
  return view.getFloat64(0);
}

/**
 * The least gap that takes `value` to `target` (value < target): target − value, raised by the
 * smallest steps floating point needs so that value + gap ≥ target holds as computed.
 */
export function reachGap(value: number, target: number): number {
  let g = target - value;
  while (value + g < target) g = nextUp(g);
  return g;
}

/**
 * The least whole number of cents (a multiple of 0.01, at least 0.01) that takes `value` above
 * `limit` (value ≤ limit), value + gap > limit as computed.
 */
export function exceedGap(value: number, limit: number): number {
  let cents = Math.max(1, Math.floor((limit - value) * 100) + 1);
  // Floating point: up until value + gap passes the limit (in growing steps, for values so large a
  // cent is below their precision), then down while one cent fewer still passes it.
  for (let step = 1; !(value + cents / 100 > limit); step *= 2) cents += step;
  while (cents > 1 && value + (cents - 1) / 100 > limit) cents--;
  return cents / 100;
}
