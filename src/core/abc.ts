/**
 * ABC (Pareto) classes. Values are ranked from largest to smallest. Basis "value": a value is A
 * while the share of the total held by all strictly larger values is below `aCut` (default 0.8),
 * B below `bCut` (default 0.95), else C — so the value that crosses 80 % is still A. Basis "count":
 * the same with the share of customers ranked strictly above (defaults 0.2 and 0.5: the 20 % /
 * 30 % / 50 % split). Equal values always share a class. Zero and negative values are C and are
 * reported; the total is the sum of the positive values. A share within 1e-9 of a cut counts as at
 * the cut (see SHARE_TOLERANCE), so decimal data split exactly at 80 % is B, as on paper.
 */
import { bisectLeft } from "d3-array";
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

/**
 * Shares are sums of floating-point values, so a share that is exactly 80 % in decimal (9.2 of 11.5)
 * can come out as 0.7999999999999999. A share within this of a cut counts as at the cut, not below.
 */
const SHARE_TOLERANCE = 1e-9;

function below(share: number, cut: number): boolean {
  return share < cut - SHARE_TOLERANCE;
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
  // Rank by value with a native numeric sort (no index comparator: a million values sort in tens
  // of milliseconds), then walk the distinct values from the largest down.
  const sorted = new Float64Array(n);
  let counted = 0;
  let positiveTotal = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    sorted[counted++] = v;
    if (v > 0) positiveTotal += v;
  }
  const ascending = sorted.subarray(0, counted).sort();
  // Per distinct value, in ascending order (the order binary search needs).
  const distinct: number[] = [];
  const groupBefore: number[] = [];
  const groupAfter: number[] = [];
  const shareOf = (weight: number) => (basis === "value" ? (positiveTotal > 0 ? weight / positiveTotal : 0) : weight / counted);
  let above = 0; // value (or count) strictly above the current group
  for (let end = counted; end > 0; ) {
    const v = ascending[end - 1];
    let start = end - 1;
    while (start > 0 && ascending[start - 1] === v) start--;
    const groupSize = end - start;
    const weight = basis === "value" ? Math.max(v, 0) * groupSize : groupSize;
    distinct.push(v);
    groupBefore.push(shareOf(above));
    groupAfter.push(Math.min(shareOf(above + weight), 1));
    above += weight;
    end = start;
  }
  distinct.reverse();
  groupBefore.reverse();
  groupAfter.reverse();
  const classes = new Uint8Array(n).fill(NO_CLASS);
  const shareBefore = new Float64Array(n).fill(NaN);
  const cumulativeShare = new Float64Array(n).fill(NaN);
  const nonPositive: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    const g = bisectLeft(distinct, v);
    const before = groupBefore[g];
    classes[i] = v <= 0 ? 2 : below(before, aCut) ? 0 : below(before, bCut) ? 1 : 2;
    shareBefore[i] = before;
    cumulativeShare[i] = groupAfter[g];
    if (v <= 0) nonPositive.push(i);
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
  return { classes, shareBefore, cumulativeShare, totals, nonPositive, aCut, bCut, basis };
}
