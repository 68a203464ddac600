/**
 * Segments from R, F and M scores. Built-in schemes name segments by key (e.g. "champions"); the
 * layer that shows them looks the key up in src/i18n. Custom rules carry the user's own names.
 */
import { CoreError, throwFirst, type CoreProblem } from "../cells/errors";
import { cellText, excelErrorText, isBlank, parseNumberText, readNumberCell, type CellRead } from "../cells/coerce";
import type { RfmScores } from "./rfm";

export type SegmentScheme = "rfm" | "cn8";
export const SEGMENT_SCHEMES: readonly SegmentScheme[] = ["rfm", "cn8"];

/** Inclusive score bounds; a rule matches when all three scores are inside. */
export interface SegmentRule {
  name: string;
  r: readonly [number, number];
  f: readonly [number, number];
  m: readonly [number, number];
}

/**
 * The R rfm package vignette's segments, checked in this order, first match wins, else "others".
 * Bounds are on the 1..5 scale; scores on another scale are mapped onto it first.
 */
export const RFM_VIGNETTE_RULES: readonly SegmentRule[] = [
  { name: "champions", r: [5, 5], f: [5, 5], m: [5, 5] },
  { name: "potentialLoyalist", r: [3, 5], f: [3, 5], m: [2, 5] },
  { name: "loyalCustomers", r: [2, 4], f: [2, 4], m: [2, 4] },
  { name: "promising", r: [3, 4], f: [1, 3], m: [3, 5] },
  { name: "newCustomers", r: [4, 5], f: [1, 3], m: [1, 5] },
  { name: "cantLoseThem", r: [1, 2], f: [3, 4], m: [4, 5] },
  { name: "atRisk", r: [1, 2], f: [2, 5], m: [4, 5] },
  { name: "needAttention", r: [1, 3], f: [3, 5], m: [3, 5] },
  { name: "aboutToSleep", r: [2, 3], f: [1, 3], m: [1, 4] },
  { name: "lost", r: [1, 1], f: [1, 5], m: [1, 5] },
];

/** The Chinese 8-class model, indexed by (M low ? 4 : 0) + (R low ? 2 : 0) + (F low ? 1 : 0). */
export const CN8_SEGMENTS = [
  "importantValue",
  "importantDevelop",
  "importantKeep",
  "importantRetain",
  "generalValue",
  "generalDevelop",
  "generalKeep",
  "generalRetain",
] as const;

export const OTHERS = "others";
/** Index value for a customer without scores (missing inputs). */
export const NO_SEGMENT = 0xffff;

export interface Segmentation {
  /** Per customer: index into `names`, or NO_SEGMENT. */
  index: Uint16Array;
  /** Segment names: i18n keys when `builtIn`, the user's names otherwise. */
  names: string[];
  builtIn: boolean;
  /** Index of the "others" segment (an i18n key even among custom names), when the scheme has one. */
  othersIndex?: number;
  /** cn8 only: the mean R, F and M scores that split high from low. */
  means?: { r: number; f: number; m: number };
}

/**
 * A score on a `levels` scale mapped linearly onto 1..5, ends onto ends (identity when levels = 5):
 * with 10 levels 9–10 → 5, with 3 levels 1, 2, 3 → 1, 3, 5, so every built-in segment stays reachable.
 */
export function toFivePointScale(score: number, levels: number): number {
  return levels === 5 ? score : Math.round(1 + ((score - 1) * 4) / (levels - 1));
}

/** First matching rule wins; no match is "others". Built-in rules see scores on the 1..5 scale. */
export function segmentByRules(scores: RfmScores, rules: readonly SegmentRule[], builtIn: boolean): Segmentation {
  const { r, f, m } = scores;
  const n = r.scores.length;
  const index = new Uint16Array(n);
  const others = rules.length;
  for (let i = 0; i < n; i++) {
    let rs = r.scores[i];
    let fs = f.scores[i];
    let ms = m.scores[i];
    if (rs === 0 || fs === 0 || ms === 0) {
      index[i] = NO_SEGMENT;
      continue;
    }
    if (builtIn) {
      rs = toFivePointScale(rs, r.levels);
      fs = toFivePointScale(fs, f.levels);
      ms = toFivePointScale(ms, m.levels);
    }
    index[i] = ruleIndex(rules, rs, fs, ms);
  }
  return { index, names: [...rules.map((rule) => rule.name), OTHERS], builtIn, othersIndex: others };
}

/** The first rule that the scores (on the rules' scale) match, or `rules.length` ("others"). */
export function ruleIndex(rules: readonly SegmentRule[], rs: number, fs: number, ms: number): number {
  let k = 0;
  for (; k < rules.length; k++) {
    const rule = rules[k];
    if (rs >= rule.r[0] && rs <= rule.r[1] && fs >= rule.f[0] && fs <= rule.f[1] && ms >= rule.m[0] && ms <= rule.m[1]) break;
  }
  return k;
}

/** The cn8 class of R, F and M scores, against the mean scores that split high from low. */
export function cn8Index(means: { r: number; f: number; m: number }, rs: number, fs: number, ms: number): number {
  return (ms > means.m ? 0 : 4) + (rs > means.r ? 0 : 2) + (fs > means.f ? 0 : 1);
}

function meanScore(scores: Uint8Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] > 0) {
      sum += scores[i];
      count++;
    }
  }
  return count === 0 ? NaN : sum / count;
}

/** cn8: a dimension is "high" when the customer's score is above that dimension's mean score. */
export function segmentCn8(scores: RfmScores): Segmentation {
  const means = { r: meanScore(scores.r.scores), f: meanScore(scores.f.scores), m: meanScore(scores.m.scores) };
  const n = scores.r.scores.length;
  const index = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const rs = scores.r.scores[i];
    const fs = scores.f.scores[i];
    const ms = scores.m.scores[i];
    if (rs === 0 || fs === 0 || ms === 0) {
      index[i] = NO_SEGMENT;
      continue;
    }
    index[i] = cn8Index(means, rs, fs, ms);
  }
  return { index, names: [...CN8_SEGMENTS], builtIn: true, means };
}

/**
 * A scheme named by a word that is not a built-in one (settings read from a sheet or a saved file can
 * hold any word); custom rules are checked where they are read (readSegmentRules).
 */
export function schemeProblems(scheme: unknown): CoreProblem[] {
  return typeof scheme === "string" && !(SEGMENT_SCHEMES as readonly string[]).includes(scheme) ? [{ code: "unknownScheme", details: { value: scheme } }] : [];
}

/**
 * The most custom rules a segmentation takes: far more than anyone writes by hand, and below the 65,535
 * that the Uint16Array index (NO_SEGMENT = 0xFFFF) can tell apart, so a rule's index can never read as
 * "no segment" or wrap around to another rule.
 */
export const MAX_SEGMENT_RULES = 1000;

function tooManyRules(count: number): CoreError {
  return new CoreError("badRule", { row: MAX_SEGMENT_RULES + 1, problem: "tooManyRules", count, max: MAX_SEGMENT_RULES });
}

export function segmentCustomers(scores: RfmScores, scheme: SegmentScheme | readonly SegmentRule[]): Segmentation {
  throwFirst(schemeProblems(scheme));
  if (typeof scheme !== "string" && scheme.length > MAX_SEGMENT_RULES) throw tooManyRules(scheme.length);
  if (scheme === "rfm") return segmentByRules(scores, RFM_VIGNETTE_RULES, true);
  if (scheme === "cn8") return segmentCn8(scores);
  return segmentByRules(scores, scheme, false);
}

const RULE_COLUMNS = ["R min", "R max", "F min", "F max", "M min", "M max"];

/**
 * Custom rules from a table (a sheet range or a CSV): name, R min, R max, F min, F max, M min,
 * M max; a blank bound is open. A first row whose bounds are not numbers is taken as the header.
 * Fully blank rows are skipped. Row numbers in errors are 1-based rows of the table.
 */
export function readSegmentRules(table: readonly (readonly unknown[])[]): SegmentRule[] {
  const rules: SegmentRule[] = [];
  const cell: CellRead = { status: "ok", value: 0 };
  for (let row = 0; row < table.length; row++) {
    const cells = table[row];
    if (cells.every((c) => isBlank(c))) continue;
    const bounds: number[] = [];
    let problem: Record<string, string | number> | null = null;
    for (let k = 0; k < 6; k++) {
      const raw = cells[k + 1];
      readNumberCell(raw, cell);
      if (cell.status === "blank") bounds.push(k % 2 === 0 ? -Infinity : Infinity);
      else if (cell.status === "ok" && Number.isInteger(cell.value)) bounds.push(cell.value);
      else {
        problem ??= { row: row + 1, problem: "ruleBound", column: RULE_COLUMNS[k], value: cellText(raw) };
        bounds.push(NaN);
      }
    }
    // A header row: the first row, every filled cell a word ("name", "R min" …). A row with any
    // number in it is a rule, and its unreadable bound is reported, never skipped.
    if (problem && row === 0 && cells.every((c) => isBlank(c) || (typeof c === "string" && Number.isNaN(parseNumberText(c))))) continue;
    if (problem) throw new CoreError("badRule", problem);
    if (isBlank(cells[0])) throw new CoreError("badRule", { row: row + 1, problem: "ruleNameBlank" });
    // An error cell is not a name: it would become a segment called "#N/A".
    if (excelErrorText(cells[0])) throw new CoreError("badRule", { row: row + 1, problem: "ruleNameError", value: excelErrorText(cells[0]) });
    if (rules.length === MAX_SEGMENT_RULES) throw tooManyRules(table.filter((r) => !r.every((c) => isBlank(c))).length);
    for (let k = 0; k < 6; k += 2) {
      if (bounds[k] > bounds[k + 1]) throw new CoreError("badRule", { row: row + 1, problem: "ruleRange", column: RULE_COLUMNS[k][0] });
    }
    rules.push({
      // The user's name in full (cellText would cut it to an echo's length).
      name: typeof cells[0] === "string" ? cells[0].trim() : cellText(cells[0]).trim(),
      r: [bounds[0], bounds[1]],
      f: [bounds[2], bounds[3]],
      m: [bounds[4], bounds[5]],
    });
  }
  if (rules.length === 0) throw new CoreError("badRule", { row: 1, problem: "ruleNameBlank" });
  return rules;
}
