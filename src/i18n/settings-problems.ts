/**
 * The analysis settings' problems (src/core/analysis/types.ts AnalysisSettingProblem) as sentences, for the
 * workbook jobs' errors. A table keyed by the problem, so a new problem without a sentence is a type error;
 * the words are the catalog's (`workbook.errors`), the one table serves every language.
 */
import type { AnalysisSettingProblem, AnalysisSettingsError } from "../core/analysis/types";
import type { Messages } from "./en";

const SETTINGS_PROBLEMS: Record<AnalysisSettingProblem, (value: string, m: Messages) => string> = {
  noAnalysis: (_v, m) => m.workbook.errors.noAnalysis,
  tierByNeedsRfm: (_v, m) => m.workbook.errors.tierByNeedsRfm,
  tierByNeedsAbc: (_v, m) => m.workbook.errors.tierByNeedsAbc,
  marginBasisNeedsColumn: (_v, m) => m.workbook.errors.marginBasisNeedsColumn,
  clvMargin: (v, m) => m.workbook.errors.clvMargin(v),
  clvRetention: (v, m) => m.workbook.errors.clvRetention(v),
  clvDiscount: (v, m) => m.workbook.errors.clvDiscount(v),
  clvYears: (v, m) => m.workbook.errors.clvYears(v),
  cantLoseShare: (v, m) => m.workbook.errors.cantLoseShare(v),
  cantLoseRisk: (v, m) => m.workbook.errors.cantLoseRisk(v),
  tierByNeedsScore: (_v, m) => m.workbook.errors.tierByNeedsScore,
  predictMargin: (v, m) => m.margin.settings.rate(v),
  predictMarginNeedsColumn: (_v, m) => m.margin.settings.needsColumn,
  predictWithin: (v, m) => m.margin.settings.within(v),
  // `v` is the ScoreMetric whose source the run lacks.
  scoreMetricUnavailable: (v, m) => {
    const x = m.workbook.errors;
    const metric = (m.scoreMetrics as Record<string, string>)[v] ?? v;
    return x.scoreMetricUnavailable(metric, (x.scoreMetricFixes as Record<string, string>)[v] ?? x.scoreMetricFixes.clv);
  },
};

/** An AnalysisSettingsError as a sentence that says what to change. */
export function settingsSentence(e: AnalysisSettingsError, m: Messages): string {
  return SETTINGS_PROBLEMS[e.problem](String(e.value), m);
}
