/**
 * People's overrides in the pane's analysis (issue 15 §2): the run's result with its final tiers beside its own.
 * The run's own `tierOf`, upgrade gaps and snapshot stay as computed (so a rebuilt history and Compare never see
 * a person's judgement as a move the data made); the final analysis has the overridden `tierOf` and its tier rows
 * (totals, means and, with predictions, the expectations) recomputed over it, for the Tier Summary and charts.
 */
import { applyOverrides, type AppliedOverrides, type Overrides } from "../tiers/overrides";
import { withTierPredictions } from "./predictions";
import { tierNames, tierRows } from "./tiers";
import type { AnalysisResult } from "./types";

export interface OverriddenAnalysis {
  /** The analysis with the final tiers (the run's own where no override is active). */
  final: AnalysisResult;
  applied: AppliedOverrides;
  overrides: Overrides;
}

/** Applies `overrides` (read against the tiers `a` can hold) as of the analysis date. */
export function withOverrides(a: AnalysisResult, overrides: Overrides): OverriddenAnalysis {
  const applied = applyOverrides(a.customerIds, a.tierOf, overrides, a.summary.asOf);
  if (applied.active === 0) return { final: a, applied, overrides };
  const rows = { ...a, tierOf: applied.tierOf, tiers: tierRows(a, applied.tierOf, tierNames(a)) };
  return { final: withTierPredictions(rows), applied, overrides };
}
