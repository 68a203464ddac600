/**
 * The port's membership levels (issue 15 §1), beside port.ts because that contract is at the size limit of a source
 * file: port.ts re-exports these types, its `WorkbookPort` extends `LevelsPort` and its `AnalysisSettings` extends
 * `LevelsSettingsField`, so the pane still sees one contract. The settings type is a parameter (port.ts gives its
 * `AnalysisSettings`) so this file imports nothing back from port.ts (no import cycle, type-only ones included).
 *
 * The policy is plain data in the shape of the core's `LevelPolicy` (src/core/over-time/levels.ts), saved with the
 * analysis settings (optional: settings saved before levels existed have none), so it comes back when the workbook
 * is reopened and a run, which saves the settings, keeps it.
 */
import type { Locale } from "../i18n";
import type { KeptNotice } from "./port-shared";
import type { OverridesRunSummary } from "./port-overrides";

export type LevelsMetric = "spend" | "orders";

/** One row of the policy grid: a name in any language, the entry threshold and the keep threshold (keep ≤ entry). */
export interface LevelRow {
  name: string;
  entry: number;
  keep: number;
}

/** The level policy as the pane edits it and the settings keep it: levels lowest first, the metric, W and V in months. */
export interface LevelsSettings {
  levels: LevelRow[];
  metric: LevelsMetric;
  windowMonths: number;
  validityMonths: number;
}

/** The field `AnalysisSettings` gets: the last level policy used, or absent/null for none. */
export interface LevelsSettingsField {
  levelPolicy?: LevelsSettings | null;
}

/** What "Compute levels" asks: the policy, and the last review's date (ISO); null: the analysis date, else the last purchase. */
export interface LevelsRequest {
  policy: LevelsSettings;
  asOf: string | null;
}

export interface LevelsReport extends KeptNotice {
  /** The three sheets written (a new name beside a sheet of the person's of the same name). */
  sheets: { levels: string; changes: string; warnings: string };
  /** The last review (ISO) and the next one. */
  asOf: string;
  nextReview: string;
  reviews: { first: string; last: string; count: number };
  customers: number;
  /** Customers at each level of the policy (lowest first, names as given), and with no level. */
  perLevel: { level: string; customers: number }[];
  noLevel: number;
  /** Customers flagged "downgrades at next review" (the Downgrade warnings rows). */
  warnings: number;
  /** Rows of the Level changes sheet. */
  changes: number;
  /** People's overrides of levels (issue 15 §2): counts and unused rows; null or absent when the workbook has no overrides table. */
  overrides?: OverridesRunSummary | null;
}

/** What the examples are scaled to: the customers' metric over the window at the analysis date. */
export interface LevelExamplesRequest {
  metric: LevelsMetric;
  windowMonths: number;
}

export interface LevelExamples {
  /** The analysis date the metric was taken at (ISO). */
  asOf: string;
  /** Customers with a purchase in the window (the quantiles are over them). */
  customers: number;
  /** The metric at src/i18n/level-examples.ts `EXAMPLE_LEVEL_QUANTILES`, in that order; empty when no customer bought in the window. */
  quantiles: number[];
}

export interface LevelsPort<Settings> {
  /**
   * Reads the source as a run does, replays the policy at every month-end from the first purchase to the analysis
   * date (src/core/over-time/levels.ts) and writes the "Levels", "Level changes" and "Downgrade warnings" sheets;
   * saves the policy with the settings. Rejects with a sentence in the pane's words, before writing anything, when
   * the policy cannot be used.
   */
  writeLevels(settings: Settings, request: LevelsRequest, locale: Locale): Promise<LevelsReport>;
  /** Reads the source and gives the quantiles the pane scales its example levels to. Writes nothing. */
  levelExamples(settings: Settings, request: LevelExamplesRequest, locale: Locale): Promise<LevelExamples>;
}
