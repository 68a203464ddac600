/**
 * ABC (Pareto) classes. Values are ranked from largest to smallest. Basis "value": a value is A
 * while the share of the total held by all strictly larger values is below `aCut` (default 0.8),
 * B below `bCut` (default 0.95), else C — so the value that crosses 80 % is still A. Basis "count":
 * the same with the share of customers ranked strictly above (defaults 0.2 and 0.5: the 20 % /
 * 30 % / 50 % split). Equal values always share a class. Zero and negative values are C and are
 * reported; the total is the sum of the positive values. A share within 1e-9 of a cut counts as at
 * the cut (see SHARE_TOLERANCE), so decimal data split exactly at 80 % is B, as on paper.
 *
 * Method "computed" (Ultsch & Lötsch 2015) reads the limits off the ABC curve instead of taking cuts
 * (the curve points are defined in abc-curve.ts: A/B at the Pareto or the break-even point, B/C at
 * the submarginal point). The curve has one point per counted value, a zero or negative value
 * counting as 0; the limits fall between ranked values: the values ranked 1 … aRank are A on the
 * curve, aRank + 1 … bRank B. Classes keep this module's tie rule: a tie group takes the class of
 * its best-ranked member, i.e. a value is A when fewer than aRank values are strictly larger, B when
 * fewer than bRank are, else C (zero and negative values are C). Where a tie group straddles a limit
 * the whole group gets the better class, so set sizes can differ from the reference's, which splits
 * such a group by position (SwissInhabitants: two communes of 710 inhabitants straddle the B/C
 * limit; CalculatedABC.jl gives A/B/C = 642/434/1820, here 642/435/1819). Blanks (NaN) are left out
 * of the curve, as out of the fixed method's shares. `aCut`/`bCut` of a computed result are the
 * limits' yields and `basis` is "value": a positive value is A when the share held by strictly
 * larger values is below aCut, as with fixed cuts (up to rounding: the shares are sums in input
 * order, the curve's yields running sums in rank order). The cuts and the basis given in the
 * options are ignored by the computed method.
 */
import { abcCurveLimits, type AbcLimits } from "./abc-curve";
import { CoreError, throwFirst, type CoreProblem } from "../cells/errors";
import { reachGap } from "../math/gaps";
import { tieGroups } from "../math/ties";
import { SHARE_TOLERANCE } from "../math/tolerance";
import type { UpgradeGaps } from "./upgrade";

export type AbcBasis = "value" | "count";
export type AbcMethod = "fixed" | "computed";
export const ABC_LABELS = ["A", "B", "C"] as const;
/** Class index for a missing value. */
export const NO_CLASS = 255;

export interface AbcOptions {
  aCut?: number;
  bCut?: number;
  basis?: AbcBasis;
  /** "fixed" (default): the cuts; "computed": limits from the ABC curve (cuts and basis ignored). */
  method?: AbcMethod;
  /**
   * The column the values total, when each value is a customer's sum of it (the over-time tierings, TIER.COHORT's
   * first tier): a sum of them that overflows is then that column's total ("A total of 'amounts' …"), not a row
   * of a 'values' argument the caller never had (issue 12: messages that blame the wrong thing).
   */
  totalOf?: string;
}

export interface AbcClassTotals {
  count: number;
  value: number;
  /**
   * Share of the positive total (basis value) held by the class; null when it is not defined: the quotient passes
   * every double (class C's −1 against a positive total of 5e-324 was −Infinity in `tier abc --summary`).
   */
  valueShare: number | null;
  countShare: number;
}

/** A class's value over the positive total (0 with none), or null when that quotient is no finite number. */
export function valueShareOf(value: number, positiveTotal: number): number | null {
  if (!(positiveTotal > 0)) return 0;
  const share = value / positiveTotal;
  return Number.isFinite(share) ? share : null;
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
  /**
   * Per value: its tie group (equal values share one, numbered by value ascending), −1 for a blank.
   * Everything written for a value is the same across its group, so a writer can format it once per group.
   */
  group: Int32Array;
  aCut: number;
  bCut: number;
  basis: AbcBasis;
  method?: AbcMethod;
  /** The curve points used (method "computed" only). */
  limits?: AbcLimits;
}

function below(share: number, cut: number): boolean {
  return share < cut - SHARE_TOLERANCE;
}

export function abcDefaults(basis: AbcBasis): { aCut: number; bCut: number } {
  return basis === "count" ? { aCut: 0.2, bCut: 0.5 } : { aCut: 0.8, bCut: 0.95 };
}

/**
 * The cuts the fixed method uses: the given ones, else the basis's defaults. A default is never judged
 * against a cut the user gave (issue 12: basis "count" with a_cut 0.9 was refused against a b_cut of 0.5
 * nobody typed): when only one cut is given and the other's default is on its wrong side, the other
 * takes the middle of the room left (b_cut halfway from a_cut to 1, a_cut half of b_cut).
 */
function cutsOf(options: AbcOptions, basis: AbcBasis): { aCut: number; bCut: number } {
  const defaults = abcDefaults(basis);
  const { aCut, bCut } = options;
  if (aCut !== undefined && bCut === undefined && aCut > 0 && aCut < 1 && !(aCut < defaults.bCut)) return { aCut, bCut: (aCut + 1) / 2 };
  if (bCut !== undefined && aCut === undefined && bCut > 0 && bCut <= 1 && !(defaults.aCut < bCut)) return { aCut: bCut / 2, bCut };
  return { aCut: aCut ?? defaults.aCut, bCut: bCut ?? defaults.bCut };
}

/**
 * Every problem of ABC options, in the order classifyAbc meets them. An unknown method or basis ends
 * the list (the cuts' defaults depend on the basis), and the cuts' order is only judged when both cuts
 * are in range. The computed method ignores cuts and basis, so it has none.
 */
export function abcOptionProblems(options: AbcOptions = {}): CoreProblem[] {
  const method = options.method ?? "fixed";
  if (method !== "fixed" && method !== "computed") return [{ code: "unknownAbcMethod", details: { value: String(method) } }];
  if (method === "computed") return [];
  const basis = options.basis ?? "value";
  if (basis !== "value" && basis !== "count") return [{ code: "unknownBasis", details: { value: String(basis) } }];
  const { aCut, bCut } = cutsOf(options, basis);
  const problems: CoreProblem[] = [];
  for (const [name, cut] of [["a_cut", aCut], ["b_cut", bCut]] as const) {
    if (!(cut > 0 && cut <= 1)) problems.push({ code: "cutOutOfRange", details: { argument: name, value: cut } });
  }
  if (problems.length === 0 && !(aCut < bCut)) problems.push({ code: "cutsOrder", details: { aCut, bCut } });
  return problems;
}

export function classifyAbc(values: ArrayLike<number>, options: AbcOptions = {}): AbcResult {
  throwFirst(abcOptionProblems(options));
  if (options.method === "computed") return classifyComputed(values, options.totalOf);
  const basis = options.basis ?? "value";
  const { aCut, bCut } = cutsOf(options, basis);

  const ranked = rankValues(values, basis, options.totalOf);
  const classes = ranked.assign((v, g) => {
    const before = ranked.groupBefore[g];
    return v <= 0 ? 2 : below(before, aCut) ? 0 : below(before, bCut) ? 1 : 2;
  });
  return { ...ranked.result(classes), aCut, bCut, basis, method: "fixed" };
}

/** The computed method (see the module comment and abc-curve.ts). */
function classifyComputed(values: ArrayLike<number>, totalOf?: string): AbcResult {
  const ranked = rankValues(values, "value", totalOf);
  const ascending = ranked.ascending();
  const counted = ascending.length;
  const descending = new Float64Array(counted);
  for (let k = 0; k < counted; k++) descending[k] = Math.max(ascending[counted - 1 - k], 0);
  const { limits, aRank, bRank } = abcCurveLimits(descending);
  const classes = ranked.assign((v, g) => {
    const above = ranked.groupAboveCount[g];
    return v <= 0 ? 2 : above < aRank ? 0 : above < bRank ? 1 : 2;
  });
  return { ...ranked.result(classes), aCut: limits.aYield, bCut: limits.bYield, basis: "value", method: "computed", limits };
}

/**
 * The values ranked from the largest down, per distinct value (ascending, the order binary search
 * needs): the share strictly above it and up to it (on `basis`), and how many values are strictly
 * larger. The values are grouped by tie (math/ties.ts), then the distinct values walked from the
 * largest down; each value's class and shares are its group's, with no search.
 */
function rankValues(values: ArrayLike<number>, basis: AbcBasis, totalOf?: string) {
  const n = values.length;
  let counted = 0;
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    counted++;
    if (v > 0) positiveTotal += v;
    else negativeTotal += v;
    // The finite-number rule for sums: the shares and the class totals are sums of these; one that
    // passes the largest double is a problem of the row that took it there, never a silent Infinity.
    if (positiveTotal === Infinity || negativeTotal === -Infinity) {
      throw new CoreError("sumOverflow", totalOf ? { field: totalOf, row: -1, value: "" } : { field: "values", row: i, value: v });
    }
  }
  // Tie groups (math/ties.ts: hashed, only the distinct values sorted; on ten million values V8's
  // numeric sort of a Float64Array took seconds). Equal values (−0 and 0 too) are one group.
  const { distinct, size, group } = tieGroups(values);
  const groups = distinct.length;
  // Per group (numbered by value ascending): the share strictly above it and up to it, how many are larger.
  const groupBefore = new Float64Array(groups);
  const groupAfter = new Float64Array(groups);
  const groupAboveCount = new Int32Array(groups);
  const shareOf = (weight: number) => (basis === "value" ? (positiveTotal > 0 ? weight / positiveTotal : 0) : weight / counted);
  let above = 0; // value (or count) strictly above the current group
  let larger = 0;
  for (let g = groups - 1; g >= 0; g--) {
    const v = distinct[g];
    const weight = basis === "value" ? Math.max(v, 0) * size[g] : size[g];
    groupBefore[g] = shareOf(above);
    groupAfter[g] = Math.min(shareOf(above + weight), 1);
    groupAboveCount[g] = larger;
    above += weight;
    larger += size[g];
  }
  /** The counted values ascending, each as often as it occurs (the computed method's curve). */
  const ascending = (): Float64Array => {
    const out = new Float64Array(counted);
    for (let g = 0, k = 0; g < groups; g++) out.fill(distinct[g], k, (k += size[g]));
    return out;
  };
  const shareBefore = new Float64Array(n).fill(NaN);
  const cumulativeShare = new Float64Array(n).fill(NaN);
  const nonPositive: number[] = [];
  /** Classes from a rule on (value, its distinct group), decided once per group; NaN is NO_CLASS. Fills the shares too. */
  const assign = (classOf: (v: number, group: number) => number): Uint8Array => {
    const groupClass = new Uint8Array(groups);
    for (let g = 0; g < groups; g++) groupClass[g] = classOf(distinct[g], g);
    const classes = new Uint8Array(n).fill(NO_CLASS);
    for (let i = 0; i < n; i++) {
      const g = group[i];
      if (g < 0) continue;
      classes[i] = groupClass[g];
      shareBefore[i] = groupBefore[g];
      cumulativeShare[i] = groupAfter[g];
      if (values[i] <= 0) nonPositive.push(i);
    }
    return classes;
  };
  const result = (classes: Uint8Array) => {
    const totals = [0, 1, 2].map(() => ({ count: 0, value: 0, valueShare: 0, countShare: 0 })) as AbcResult["totals"];
    for (let i = 0; i < n; i++) {
      const c = classes[i];
      if (c === NO_CLASS) continue;
      totals[c].count++;
      totals[c].value += values[i];
    }
    for (const t of totals) {
      t.valueShare = valueShareOf(t.value, positiveTotal);
      t.countShare = counted > 0 ? t.count / counted : 0;
    }
    return { classes, shareBefore, cumulativeShare, group, totals, nonPositive };
  };
  return { ascending, groupBefore, groupAboveCount, assign, result };
}

/**
 * The next class up for each value and the gap to it: the smallest value already in that class
 * minus the value (what the customer needs to add to tie with it; ties share a class, so reaching it
 * is enough). A class that holds no value is skipped (C → A when B is empty). `next` is −1 and `gap`
 * NaN for class A, for blanks (NaN), and when no better class holds a value. The gap is rounded up
 * where floating point needs it, so value + gap ≥ that smallest value always holds: with the limits
 * held fixed (a class starts at its smallest value) value + gap lands in the class above. Re-running
 * the fixed-cut method with that one value raised by its gap also puts it at least that high: the
 * values above the new tie are unchanged and the total only grows.
 */
export function abcUpgrade(values: ArrayLike<number>, abc: AbcResult): UpgradeGaps {
  const n = values.length;
  const smallest = [Infinity, Infinity, Infinity];
  for (let i = 0; i < n; i++) {
    const c = abc.classes[i];
    if (c === NO_CLASS) continue;
    if (values[i] < smallest[c]) smallest[c] = values[i];
  }
  const next = new Int32Array(n).fill(-1);
  const gap = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const c = abc.classes[i];
    const v = values[i];
    if (c === NO_CLASS || v !== v) continue;
    let k = c - 1;
    while (k >= 0 && smallest[k] === Infinity) k--;
    if (k < 0) continue;
    next[i] = k;
    gap[i] = reachGap(v, smallest[k]);
  }
  return { next, gap };
}
