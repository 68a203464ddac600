/**
 * The core's problems with the analysis settings (src/core/analysis/problems.ts `analysisProblems`, the one check
 * the pane, the port and `runTiering` share) as the form's own problems, so they are worded with the pane's labels
 * and point at the field to fix ("Analysis date", "Years", a score metric's weight) rather than at the core's
 * argument names. A problem the form has no field for stays the core's (`kind: "core"`), worded as the port words it.
 */
import type { AnalysisProblem } from "../../core/analysis/problems";
import { SCORE_METRICS } from "../../core/tiers/score";
import { DEFAULT_BINS } from "../../core/tiers/rfm";
import type { ClvDraft } from "./clv";
import type { PredictDraft, PredictField } from "./predict";
import type { FormProblem } from "./problems";
import type { Dimension, RfmDraft } from "./rfm";
import { scoreMetricNeeds, type ScoreDraft, type ScoreOffer } from "./score";

/** What of the form the core's problems are worded from: the sections' text and the mapping. */
type PaneForm = RfmDraft & ClvDraft & PredictDraft & ScoreDraft & Pick<ScoreOffer, "mapping">;

const DIMENSION_OF: Readonly<Record<string, Dimension>> = { recency: "r", frequency: "f", monetary: "m" };
/** A rule's column as the core names it ("R min", "F"). */
const DIMENSION_OF_COLUMN: Readonly<Record<string, Dimension>> = { R: "r", F: "f", M: "m" };
const PREDICT_FIELDS: readonly string[] = ["horizonMonths", "monthlyDiscount", "newDays", "activeMultiple", "silentMultiple", "churnCapDays", "cantLoseShare", "cantLoseRisk"];

/** The score metrics the form sends, in its order (the core numbers weights by this position). */
const scoreMetricsOf = (form: PaneForm) => SCORE_METRICS.filter((metric) => form.scoreMetrics[metric].on);

function settingProblem(problem: Extract<AnalysisProblem, { kind: "setting" }>, form: PaneForm): FormProblem {
  switch (problem.code) {
    case "noAnalysis":
      return { kind: "noAnalysis" };
    case "tierByNeedsRfm":
      return { kind: "summaryBy", summaryBy: "segment" };
    case "tierByNeedsAbc":
      return { kind: "summaryBy", summaryBy: "abcClass" };
    case "tierByNeedsScore":
      return { kind: "scoreNoMetric" };
    case "marginBasisNeedsColumn":
      return { kind: "marginBasis" };
    case "clvMargin":
      return { kind: "percent", field: "clvMargin" };
    case "clvRetention":
      return { kind: "percent", field: "retention" };
    case "clvDiscount":
      return { kind: "percent", field: "discount" };
    case "clvYears":
      return { kind: "years", value: form.years };
    case "cantLoseShare":
    case "cantLoseRisk":
      return { kind: "predict", field: problem.code, value: form[problem.code] };
    case "predictMargin":
      return { kind: "predictMargin", field: "predictMargin", value: form.predictMargin };
    case "predictWithin":
      return { kind: "predictMargin", field: "withinMonths", value: form.withinMonths };
    case "predictMarginNeedsColumn":
      return { kind: "core", problem };
    case "scoreMetricUnavailable": {
      const metric = SCORE_METRICS.find((m) => m === problem.value);
      const needs = metric ? scoreMetricNeeds(metric, form) : null;
      return metric && needs ? { kind: "scoreMetric", metric, needs } : { kind: "core", problem };
    }
  }
}

function coreProblem(problem: Extract<AnalysisProblem, { kind: "core" }>, form: PaneForm): FormProblem {
  const d = problem.details;
  const predict = (field: PredictField): FormProblem => ({ kind: "predict", field, value: form[field] });
  switch (problem.code) {
    case "binsOutOfRange":
      return { kind: "bins", value: form.bins };
    case "breakpointsOrder":
    case "tooManyBreakpoints":
    case "breakpointsCount": {
      const dimension = DIMENSION_OF[String(d.dimension)];
      const bins = Number(form.bins);
      const expected = Number.isInteger(bins) ? bins - 1 : DEFAULT_BINS - 1;
      return dimension ? { kind: "breakpoints", dimension, expected } : { kind: "core", problem };
    }
    case "cutOutOfRange":
    case "cutsOrder":
      return { kind: "cuts" };
    case "badHorizon":
      return predict("horizonMonths");
    case "badDiscount":
      return predict("monthlyDiscount");
    case "badLifecycle":
      return PREDICT_FIELDS.includes(String(d.field)) ? predict(d.field as PredictField) : { kind: "core", problem };
    case "scoreWeights": {
      if (d.reason === "allZero") return { kind: "scoreWeightsZero" };
      if (d.reason === "count") return { kind: "scoreNoMetric" };
      const metric = scoreMetricsOf(form)[Number(d.position) - 1];
      return metric ? { kind: "scoreWeight", metric, value: form.scoreMetrics[metric].weight } : { kind: "core", problem };
    }
    case "badRule": {
      const row = Number(d.row);
      if (d.problem === "ruleNameBlank") return form.rules.length === 0 ? { kind: "noRules" } : { kind: "rule", row, what: "name" };
      const dimension = DIMENSION_OF_COLUMN[String(d.column).charAt(0)];
      if (!dimension) return { kind: "core", problem };
      return d.problem === "ruleRange" ? { kind: "rule", row, what: "range", dimension } : { kind: "rule", row, what: "bound", dimension };
    }
    case "scoreBands":
      return { kind: form.bandKind === "shares" ? "bandShares" : "bandThresholds" };
    default:
      return { kind: "core", problem };
  }
}

/** The core's problems as the form's, each once (a field the core refuses and the form could not read is one problem). */
export function formProblemsOf(problems: readonly AnalysisProblem[], form: PaneForm): FormProblem[] {
  // All off: "turn an analysis on" is the one thing to fix; what the summary is by follows from it.
  const noAnalysis = problems.some((p) => p.kind === "setting" && p.code === "noAnalysis");
  return problems
    .filter((p) => !(noAnalysis && p.kind === "setting" && p.code === "tierByNeedsRfm"))
    .map((p) => (p.kind === "setting" ? settingProblem(p, form) : coreProblem(p, form)));
}

/** The form's order of its problems: as the person reads the form, top to bottom. */
const ORDER: readonly FormProblem["kind"][] = [
  "noSource", "mapping", "noAnalysis", "asOf", "window", "bins", "breakpoints", "noRules", "rule", "cuts", "marginBasis", "percent", "years",
  "predict", "predictMargin", "scoreNoMetric", "scoreMetric", "scoreWeight", "scoreWeightsZero", "bandShares", "bandThresholds", "summaryBy",
  "economicsCost", "economicsRate", "economicsColumn", "economicsColumnWindow", "economicsUpgrade", "core",
];

/** Within a kind: the fields in the form's order. */
const FIELD_ORDER: readonly string[] = ["r", "f", "m", "clvMargin", "retention", "discount", ...PREDICT_FIELDS, "predictMargin", "withinMonths", ...SCORE_METRICS];

function fieldRank(problem: FormProblem): number {
  // The rules grid: by row, the name before the bounds, the bounds in the grid's order.
  if (problem.kind === "rule") return problem.row * 10 + (problem.dimension ? 1 + FIELD_ORDER.indexOf(problem.dimension) : 0);
  if ("field" in problem) return FIELD_ORDER.indexOf(problem.field);
  if ("dimension" in problem && problem.dimension) return FIELD_ORDER.indexOf(problem.dimension);
  if ("metric" in problem) return FIELD_ORDER.indexOf(problem.metric);
  return 0;
}

/** `problems` each once, in the form's order. */
export function inFormOrder(problems: readonly FormProblem[]): FormProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => ORDER.indexOf(a.problem.kind) - ORDER.indexOf(b.problem.kind) || fieldRank(a.problem) - fieldRank(b.problem) || a.index - b.index)
    .map(({ problem }) => problem);
}
