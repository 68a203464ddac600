/**
 * Fixtures that the core, workbook and pane tests used to type out each in their own words, built here
 * once so they read as what they mean ("monetary twice as heavy as recency, recency lower-is-better")
 * and cannot drift apart. The defaults are written out as numbers, not imported from the code under
 * test, so a test comparing against a fixture still notices when the code's own defaults change.
 */
import type { ScoreAnalysisOptions } from "../../src/core/analysis/types";
import type { ScoreBands, ScoreDirection, ScoreMethod, ScoreMetric } from "../../src/core/tiers/score";

/** One score metric: its name (weight 1, higher is better) or [name, weight, direction (default "higher")]. */
export type ScoreMetricSpec = ScoreMetric | readonly [ScoreMetric, number, ScoreDirection?];

/** Top-first shares of customers per band; the rest is the last band. */
export const shares = (...list: number[]): ScoreBands => ({ kind: "shares", shares: list });

/** Descending minimum scores per band; below the last is the last band. */
export const thresholds = (...list: number[]): ScoreBands => ({ kind: "thresholds", thresholds: list });

/**
 * Weighted-score settings, as the pane sends them and the core takes them (ScoreSettings in
 * src/excel/port.ts is the same shape): percentile ranks and the 5 / 15 / 30 / 30 % bands unless given.
 */
export function scoreSettings(metrics: readonly ScoreMetricSpec[], options: { method?: ScoreMethod; bands?: ScoreBands } = {}): ScoreAnalysisOptions {
  return {
    metrics: metrics.map((spec) => {
      const [metric, weight, direction] = typeof spec === "string" ? [spec, 1, "higher" as const] : spec;
      return { metric, weight, direction: direction ?? "higher" };
    }),
    method: options.method ?? "percentile",
    bands: options.bands ?? shares(0.05, 0.15, 0.3, 0.3),
  };
}
