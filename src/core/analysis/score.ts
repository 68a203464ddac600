/**
 * The weighted score in the analysis (src/core/tiers/score.ts): the chosen customer measures (recency,
 * frequency, monetary, simple CLV, margin, the extra column's mean, predicted CLV, P(alive)) weighted
 * into a 0–100 score and cut into bands; a customer without a measure (the extra column blank, no
 * prediction) is scored on the others (the blank rule). With `tierBy` "score" the tiers are the bands,
 * top first, keyed by SCORE_TIER_KEYS.
 *
 * A score that uses predicted CLV or P(alive) is computed by `withPredictions` (predictions.ts) once the
 * predictions exist; until then `score` is null and, with `tierBy` "score", there are no tiers yet. This
 * module sits below both run.ts and predictions.ts so that neither has to import the other.
 */
import { scoreCustomers as scoreMetrics, type ScoreMetric, type ScoreOptions, type ScoreResult } from "../tiers/score";
import { withTiers } from "./tiers";
import type { AnalysisResult, ScoreAnalysisOptions } from "./types";

/** The core's score options from the analysis settings. */
export function scoreOptionsOf(score: ScoreAnalysisOptions): ScoreOptions {
  return {
    weights: score.metrics.map((x) => x.weight),
    directions: score.metrics.map((x) => x.direction),
    method: score.method,
    bands: score.bands,
  };
}

/** Whether the score uses a metric that only the predictions give. */
export function scoreNeedsPredictions(score: ScoreAnalysisOptions): boolean {
  return score.metrics.some((x) => x.metric === "predictedClv" || x.metric === "pAlive");
}

/** A score metric's values per customer; NaN (blank) where the customer has none, e.g. no prediction. */
function scoreMetricValues(a: AnalysisResult, metric: ScoreMetric): ArrayLike<number> {
  const none = () => new Float64Array(a.customerIds.length).fill(NaN);
  switch (metric) {
    case "recency":
      return a.summary.recencyDays;
    case "frequency":
      return a.summary.orders;
    case "monetary":
      return a.summary.totalAmount;
    case "clv":
      return a.clv ?? none();
    case "margin":
      return a.margin ?? none();
    case "extra":
      return a.extra ?? none();
    case "predictedClv":
      return a.predict?.model?.clv ?? none();
    case "pAlive":
      return a.predict?.model?.pAlive ?? none();
    default:
      // Issue 15 §4, a voice field: each customer's answer (latest) or count (summed); NaN where none.
      return a.voice?.[metric] ?? none();
  }
}

/**
 * The analysis with its score computed now, and with tierBy "score" its tiers and upgrade gaps.
 * `runTiering` calls this for a score on the customers' own measures, `withPredictions` once the
 * predictions exist for a score that uses them.
 */
export function withScore(a: AnalysisResult): AnalysisResult {
  const settings = a.scoreSettings;
  if (!settings) return a;
  const score: ScoreResult = scoreMetrics(
    settings.metrics.map((x) => scoreMetricValues(a, x.metric)),
    scoreOptionsOf(settings),
  );
  const scored = { ...a, score };
  return scored.tierBy === "score" ? withTiers(scored) : scored;
}
