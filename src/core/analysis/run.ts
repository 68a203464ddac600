/**
 * The analysis behind the pane's Run: mapped transaction columns and settings in, one row per
 * customer (dates, recency, frequency, monetary, R/F/M, segment, ABC class, CLV) and one row per
 * tier out. Only the order of the steps lives here (check → rows → measures → tiers → score, then the
 * predictions); each step is its own module, and none holds text.
 */
import { analysisProblemError, analysisProblems } from "./problems";
import { withPredictions } from "./predictions";
import { columnRoles } from "./roles";
import { readCustomers } from "./rows";
import { columnMeasures, customerClv, rfGridOf } from "./measures";
import { scoreNeedsPredictions, withScore } from "./score";
import { abcOf, rfmOf, tagged, withTiers } from "./tiers";
import type { AnalysisBase, AnalysisColumns, AnalysisOptions, AnalysisResult } from "./types";

/** The whole analysis: tiers, then (with `options.predict`) the predictions. */
export function runAnalysis(columns: AnalysisColumns, options: AnalysisOptions): AnalysisResult {
  const tiered = runTiering(columns, options);
  return options.predict ? withPredictions(tiered, options.predict) : tiered;
}

/**
 * The analysis without the predictions (`predict` null), settings checked (analysisProblems, predict
 * settings included; the first problem is thrown): a caller that reports progress runs this, then
 * `withPredictions` (predictions.ts).
 */
export function runTiering(columns: AnalysisColumns, options: AnalysisOptions): AnalysisResult {
  const [problem] = analysisProblems(options, columnRoles(columns));
  if (problem) throw analysisProblemError(problem);
  const read = readCustomers(columns, options);
  const { summary, tx } = read;
  const { margin, extra, mainCategory, voice } = columnMeasures(columns, read);
  const rfm = options.rfm ? rfmOf(summary, options.rfm) : null;
  const base: AnalysisBase = {
    quality: read.quality,
    customerIds: tx.customerIds,
    summary,
    rfm,
    abc: options.abc ? abcOf(summary, margin, options.abc) : null,
    clv: options.clv ? customerClv(summary, options.clv) : null,
    margin,
    mainCategory,
    extra,
    voice,
    tierOf: new Int32Array(tx.customerIds.length).fill(-1),
    tiers: [],
    score: null,
    scoreSettings: options.score ?? null,
    upgrade: null,
    rfGrid: rfm ? rfGridOf(rfm, summary) : null,
    predict: null,
    transactions: tx,
  };
  const untiered = tagged(base, options.tierBy);
  // A score on predictions waits for them (withPredictions); the tiers by score wait with it.
  const scoreNow = !!options.score && !scoreNeedsPredictions(options.score);
  const scored = scoreNow ? withScore(untiered) : untiered;
  // withScore makes the tiers by score itself; the other tierings never wait for the score.
  return scored.tierBy === "score" ? scored : withTiers(scored);
}
