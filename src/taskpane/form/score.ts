/**
 * The weighted score section of the form: which metrics, their weights and directions, the method, and the bands
 * (shares of customers or minimum scores). A metric can need something another section or the mapping provides
 * (CLV, Predict, a margin or extra column): the editor lists what the data offers (`ScoreOffer`, not the whole form),
 * and when the core finds a metric without its source, `scoreMetricNeeds` says what to turn on.
 */
import type { AnalysisSettings, ColumnMapping, ScoreSettings } from "../../excel/port";
import { DEFAULT_BAND_SHARES, SCORE_METRICS, SCORE_TIER_KEYS, type ScoreDirection, type ScoreMethod, type ScoreMetric } from "../../core/tiers/score";
import { scoreMetricNeed, type ScoreMetricNeed } from "../../core/analysis/problems";
import { mappedRoles } from "../../core/analysis/roles";
import { parseNumber, percent, shown, type Read } from "./shared";

/** One metric of the weighted score as typed: included or not, its weight (text), and which way is better. */
export interface ScoreMetricDraft {
  on: boolean;
  weight: string;
  direction: ScoreDirection;
}

/** The band limits the pane offers: one per band but the last (Diamond … Silver; Bronze is the rest). */
export const SCORE_BAND_INPUTS = SCORE_TIER_KEYS.length - 1;

export interface ScoreDraft {
  /** The weighted score; on as well whenever the summary is by score bands. */
  scoreOn: boolean;
  scoreMetrics: Record<ScoreMetric, ScoreMetricDraft>;
  scoreMethod: ScoreMethod;
  bandKind: "shares" | "thresholds";
  /** Percentages of customers for Diamond … Silver, as shown (5 means 5 %); Bronze is the rest. */
  bandShares: string[];
  /** Minimum scores (0–100) for Diamond … Silver, descending; Bronze is below the last. */
  bandThresholds: string[];
}

/** What the rest of the form offers the score: the metrics that need CLV, Predict or a mapped column, and the summary. */
export interface ScoreOffer {
  clvOn: boolean;
  predictOn: boolean;
  mapping: ColumnMapping;
  summaryBy: AnalysisSettings["summaryBy"];
}


export type ScoreProblem =
  | { kind: "scoreNoMetric" }
  | { kind: "scoreWeight"; metric: ScoreMetric; value: string }
  | { kind: "scoreWeightsZero" }
  | { kind: "scoreMetric"; metric: ScoreMetric; needs: ScoreMetricNeed }
  | { kind: "bandShares" }
  | { kind: "bandThresholds" };

/** Recency, frequency and monetary, equally weighted; recency (days since the last purchase) and complaints are better lower. */
function defaultScoreMetrics(): Record<ScoreMetric, ScoreMetricDraft> {
  const drafts = {} as Record<ScoreMetric, ScoreMetricDraft>;
  for (const metric of SCORE_METRICS) {
    drafts[metric] = { on: metric === "recency" || metric === "frequency" || metric === "monetary", weight: "1", direction: metric === "recency" || metric === "complaints" ? "lower" : "higher" };
  }
  return drafts;
}

const DEFAULT_BAND_THRESHOLDS = ["80", "60", "40", "20"];

export const SCORE_DEFAULTS: ScoreDraft = {
  scoreOn: false,
  scoreMetrics: defaultScoreMetrics(),
  scoreMethod: "percentile",
  bandKind: "shares",
  bandShares: DEFAULT_BAND_SHARES.map(percent),
  bandThresholds: DEFAULT_BAND_THRESHOLDS,
};

/** Four band limits as text: the saved ones (padded with blanks, so a short list asks to be completed). */
const bandTexts = (values: readonly number[], show: (value: number) => string) =>
  Array.from({ length: SCORE_BAND_INPUTS }, (_, i) => (i < values.length ? show(values[i]) : ""));

/** The score fields of the form showing `score` (null: off, with the defaults ready). */
export function scoreFromSettings(score: ScoreSettings | null): ScoreDraft {
  if (!score) {
    const { scoreOn, scoreMethod, bandKind, bandShares, bandThresholds } = SCORE_DEFAULTS;
    return { scoreOn, scoreMetrics: defaultScoreMetrics(), scoreMethod, bandKind, bandShares, bandThresholds };
  }
  const scoreMetrics = defaultScoreMetrics();
  for (const metric of SCORE_METRICS) scoreMetrics[metric] = { ...scoreMetrics[metric], on: false };
  for (const { metric, weight, direction } of score.metrics) scoreMetrics[metric] = { on: true, weight: shown(weight), direction };
  const { bands } = score;
  return {
    scoreOn: true,
    scoreMetrics,
    scoreMethod: score.method,
    bandKind: bands.kind,
    bandShares: bands.kind === "shares" ? bandTexts(bands.shares, percent) : SCORE_DEFAULTS.bandShares,
    bandThresholds: bands.kind === "thresholds" ? bandTexts(bands.thresholds, shown) : SCORE_DEFAULTS.bandThresholds,
  };
}

/** Whether the score is computed: switched on, or needed because the summary is by score bands. */
export const scoreInUse = (form: { scoreOn: boolean; summaryBy: AnalysisSettings["summaryBy"] }) => form.scoreOn || form.summaryBy === "score";

/** What a score metric needs that the form does not have, or null when the data offers it. */
export function scoreMetricNeeds(metric: ScoreMetric, form: Omit<ScoreOffer, "summaryBy">): ScoreMetricNeed | null {
  return scoreMetricNeed(metric, { clv: form.clvOn, predict: form.predictOn, roles: new Set(mappedRoles(form.mapping)) });
}

/** The metrics the score editor lists: those the data offers, and any included one it no longer offers (to be left out). */
export function scoreMetricsShown(form: Pick<ScoreDraft, "scoreMetrics"> & Omit<ScoreOffer, "summaryBy">): ScoreMetric[] {
  return SCORE_METRICS.filter((metric) => scoreMetricNeeds(metric, form) === null || form.scoreMetrics[metric].on);
}

/** The last band's share as shown: "20" when the typed shares are numbers (as `parseNumber` reads them), else "?" (Run says what to fix). */
export function restShare(shares: readonly string[]): string {
  const values = shares.map(parseNumber);
  if (values.some((v) => !Number.isFinite(v))) return "?";
  return shown(100 - values.reduce((sum, v) => sum + v, 0));
}

/**
 * The score's settings (null when not in use) as read, and each weight that is not a number. Whether the weights,
 * bands and metrics are usable (a metric's source in this run included) is the core's check, asked by the form.
 */
export function scoreToSettings(form: ScoreDraft, offer: Pick<ScoreOffer, "summaryBy">): Read<ScoreSettings | null, ScoreProblem> {
  const problems: ScoreProblem[] = [];
  if (!scoreInUse({ scoreOn: form.scoreOn, summaryBy: offer.summaryBy })) return { settings: null, problems };
  const metrics: ScoreSettings["metrics"] = [];
  for (const metric of SCORE_METRICS) {
    const draft = form.scoreMetrics[metric];
    if (!draft.on) continue;
    const weight = parseNumber(draft.weight);
    if (Number.isNaN(weight)) problems.push({ kind: "scoreWeight", metric, value: draft.weight });
    metrics.push({ metric, weight, direction: draft.direction });
  }
  // Shares as fractions without float noise (5 % is 0.05, not 0.05000000000000001).
  const bands: ScoreSettings["bands"] =
    form.bandKind === "shares"
      ? { kind: "shares", shares: form.bandShares.map((text) => Number((parseNumber(text) / 100).toPrecision(12))) }
      : { kind: "thresholds", thresholds: form.bandThresholds.map(parseNumber) };
  return { settings: { metrics, method: form.scoreMethod, bands }, problems };
}
