/**
 * The Levels panel's policy grid as data (issue 15 §1): rows of text as typed (a name in any language, entry, keep),
 * the metric, the window and the validity, and how they become the port's `LevelsSettings`. The numbers are read by
 * the pane's one parser (form/shared.ts `parseNumber`) and the policy is checked by the core's one rule
 * (src/core/over-time/levels.ts `levelPolicyProblems`), worded with the grid's labels (src/i18n/level-problems.ts),
 * so the grid, `=TIER.LEVELS`, `tier levels` and the workbook job refuse the same policies. Pure.
 */
import { levelPolicyProblems, DEFAULT_LEVEL_MONTHS } from "../core/over-time/levels";
import { windowProblems } from "../core/transactions/window";
import type { LevelsMetric, LevelsSettings } from "../excel/port";
import type { Messages } from "../i18n";
import { EXAMPLE_KEEP_SHARE, EXAMPLE_LEVEL_NAMES } from "../i18n/level-examples";
import { levelProblems, type LevelProblemText } from "../i18n/level-problems";
import { parseNumber, shown } from "./form/shared";

export interface LevelRowDraft {
  name: string;
  entry: string;
  keep: string;
}

export interface LevelsDraft {
  rows: LevelRowDraft[];
  metric: LevelsMetric;
  window: string;
  validity: string;
}

/**
 * A first policy to edit: three levels named in the pane's language (silver, gold, platinum), spend over 12 months,
 * valid 12 months (the defaults); the thresholds are placeholders until "Examples" scales them to the data.
 */
export function defaultLevelsDraft(language: keyof typeof EXAMPLE_LEVEL_NAMES): LevelsDraft {
  const [, silver, gold, platinum] = EXAMPLE_LEVEL_NAMES[language];
  return {
    rows: [
      { name: silver, entry: "100", keep: "80" },
      { name: gold, entry: "300", keep: "240" },
      { name: platinum, entry: "1000", keep: "800" },
    ],
    metric: "spend",
    window: String(DEFAULT_LEVEL_MONTHS),
    validity: String(DEFAULT_LEVEL_MONTHS),
  };
}

export const emptyLevelRow = (): LevelRowDraft => ({ name: "", entry: "", keep: "" });

/** The grid that shows a saved policy. */
export function draftFromSettings(policy: LevelsSettings): LevelsDraft {
  return {
    rows: policy.levels.map((l) => ({ name: l.name, entry: shown(l.entry), keep: shown(l.keep) })),
    metric: policy.metric,
    window: String(policy.windowMonths),
    validity: String(policy.validityMonths),
  };
}

/** Whole months as typed, or NaN (the core says what is wrong with it). */
const months = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/**
 * The window the examples are measured over: the grid's window read as the policy reads it (`months`) when the core
 * takes it as a window (windowProblems), else the core's default (DEFAULT_LEVEL_MONTHS, the one =TIER.LEVELS and
 * `tier levels` fall back to), so examples can be scaled while the typed window is still being corrected.
 */
export function examplesWindowMonths(draft: Pick<LevelsDraft, "window">): number {
  const typed = months(draft.window);
  return windowProblems(typed).length === 0 ? typed : DEFAULT_LEVEL_MONTHS;
}

/** The policy the grid holds, or every problem in it, worded with the grid's labels (row numbers 1-based, lowest level first). */
export function policyFromDraft(draft: LevelsDraft, m: Messages): { ok: true; policy: LevelsSettings } | { ok: false; problems: LevelProblemText[] } {
  const policy: LevelsSettings = {
    levels: draft.rows.map((r) => ({ name: r.name.trim(), entry: parseNumber(r.entry), keep: parseNumber(r.keep) })),
    metric: draft.metric,
    windowMonths: months(draft.window),
    validityMonths: months(draft.validity),
  };
  const problems = levelProblems(levelPolicyProblems(policy), m, { window: draft.window, validity: draft.validity });
  // The core quotes the number it got (NaN); the person typed text: quote that.
  for (const p of problems) {
    const row = p.at.row;
    if (row === null || (p.at.field !== "entry" && p.at.field !== "keep") || Number.isFinite(policy.levels[row][p.at.field])) continue;
    p.text = m.levelsPane.problems.badNumber(String(row + 1), m.levelsPane.columns[p.at.field], draft.rows[row][p.at.field]);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policy };
}

/**
 * Round a threshold to a figure a programme would print: two significant digits (1,234.5 → 1,200; 48.04 → 48),
 * whole numbers at least 1 (orders are counted whole).
 */
export function roundThreshold(value: number): number {
  if (!(value > 0)) return 1;
  const digits = Math.max(0, Math.floor(Math.log10(value)) - 1);
  const step = 10 ** digits;
  return Math.max(1, Math.round(value / step) * step);
}

/**
 * Example levels scaled to the data: the names in `language`, entries at the quantiles the port measured (rounded,
 * and kept strictly rising where rounding made two equal), keep thresholds EXAMPLE_KEEP_SHARE of their entry.
 */
export function exampleDraft(current: LevelsDraft, quantiles: readonly number[], language: keyof typeof EXAMPLE_LEVEL_NAMES): LevelsDraft {
  const names = EXAMPLE_LEVEL_NAMES[language];
  const entries: number[] = [];
  for (const q of quantiles.slice(0, names.length)) {
    const previous = entries.length > 0 ? entries[entries.length - 1] : 0;
    const e = roundThreshold(q);
    entries.push(e > previous ? e : roundThreshold(previous * 1.25) > previous ? roundThreshold(previous * 1.25) : previous + 1);
  }
  return {
    ...current,
    rows: entries.map((entry, k) => ({ name: names[k], entry: shown(entry), keep: shown(current.metric === "orders" ? Math.max(1, Math.floor(entry * EXAMPLE_KEEP_SHARE)) : roundThreshold(entry * EXAMPLE_KEEP_SHARE)) })),
  };
}

/** Rows moved: `index` one place up (-1) or down (+1). */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}
