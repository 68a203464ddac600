/**
 * ABC (Pareto) classes. Values are ranked from largest to smallest. Basis "value": a value is A
 * while the share of the total held by all strictly larger values is below `aCut` (default 0.8),
 * B below `bCut` (default 0.95), else C — so the value that crosses 80 % is still A. Basis "count":
 * the same with the share of customers ranked strictly above (defaults 0.2 and 0.5: the 20 % /
 * 30 % / 50 % split). Equal values always share a class. Zero and negative values are C and are
 * reported; the total is the sum of the positive values.
 */
import { CoreError } from "./errors";

export type AbcBasis = "value" | "count";
export const ABC_LABELS = ["A", "B", "C"] as const;
/** Class index for a missing value. */
export const NO_CLASS = 255;

export interface AbcOptions {
  aCut?: number;
  bCut?: number;
  basis?: AbcBasis;
}

export interface AbcClassTotals {
  count: number;
  value: number;
  /** Share of the positive total (basis value) held by the class. */
  valueShare: number;
  countShare: number;
}

export interface AbcResult {
  /** Per value: 0 = A, 1 = B, 2 = C, NO_CLASS for missing (NaN). */
  classes: Uint8Array;
  /** Per value: share held by strictly larger values (basis value) or ranked above (basis count). */
  shareBefore: Float64Array;
  /** Per value: share held by it and everything ranked before it, ties included (0..1). */
  cumulativeShare: Float64Array;
  totals: [AbcClassTotals, AbcClassTotals, AbcClassTotals];
  /** Indices of zero or negative values (class C). */
  nonPositive: number[];
  aCut: number;
  bCut: number;
  basis: AbcBasis;
}

export function abcDefaults(basis: AbcBasis): { aCut: number; bCut: number } {
  return basis === "count" ? { aCut: 0.2, bCut: 0.5 } : { aCut: 0.8, bCut: 0.95 };
}

export function classifyAbc(values: ArrayLike<number>, options: AbcOptions = {}): AbcResult {
  const basis = options.basis ?? "value";
  if (basis !== "value" && basis !== "count") throw new CoreError("unknownBasis", { value: String(basis) });
  const defaults = abcDefaults(basis);
  const aCut = options.aCut ?? defaults.aCut;
  const bCut = options.bCut ?? defaults.bCut;
  for (const [name, cut] of [["a_cut", aCut], ["b_cut", bCut]] as const) {
    if (!(cut > 0 && cut <= 1)) throw new CoreError("cutOutOfRange", { argument: name, value: cut });
  }
  if (!(aCut < bCut)) throw new CoreError("cutsOrder", { aCut, bCut });

  const n = values.length;
  const order: number[] = [];
  let positiveTotal = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    order.push(i);
    if (v > 0) positiveTotal += v;
  }
  const counted = order.length;
  const ranked = Int32Array.from(order).sort((x, y) => values[y] - values[x]);
  const classes = new Uint8Array(n).fill(NO_CLASS);
  const shareBefore = new Float64Array(n).fill(NaN);
  const cumulativeShare = new Float64Array(n).fill(NaN);
  const nonPositive: number[] = [];
  // Walk tie groups: every member gets the share of what ranks strictly above the group.
  let above = 0; // value (or count) strictly above the current group
  for (let g = 0; g < counted; ) {
    const v = values[ranked[g]];
    let end = g + 1;
    while (end < counted && values[ranked[end]] === v) end++;
    const groupSize = end - g;
    const before = basis === "value" ? (positiveTotal > 0 ? above / positiveTotal : 0) : above / counted;
    const groupWeight = basis === "value" ? Math.max(v, 0) * groupSize : groupSize;
    const after = basis === "value" ? (positiveTotal > 0 ? (above + groupWeight) / positiveTotal : 0) : (above + groupWeight) / counted;
    const cls = v <= 0 ? 2 : before < aCut ? 0 : before < bCut ? 1 : 2;
    for (let k = g; k < end; k++) {
      const i = ranked[k];
      classes[i] = cls;
      shareBefore[i] = before;
      cumulativeShare[i] = Math.min(after, 1);
      if (v <= 0) nonPositive.push(i);
    }
    above += groupWeight;
    g = end;
  }
  const totals = [0, 1, 2].map(() => ({ count: 0, value: 0, valueShare: 0, countShare: 0 })) as AbcResult["totals"];
  for (let i = 0; i < n; i++) {
    const c = classes[i];
    if (c === NO_CLASS) continue;
    totals[c].count++;
    totals[c].value += values[i];
  }
  for (const t of totals) {
    t.valueShare = positiveTotal > 0 ? t.value / positiveTotal : 0;
    t.countShare = counted > 0 ? t.count / counted : 0;
  }
  nonPositive.sort((x, y) => x - y);
  return { classes, shareBefore, cumulativeShare, totals, nonPositive, aCut, bCut, basis };
}
