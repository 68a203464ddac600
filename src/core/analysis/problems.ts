/**
 * The one check of the analysis settings. It lives in the core, beside the analysis it guards, so the
 * pane (src/taskpane/form) and the workbook port (src/excel) can ask it before a run instead of each
 * keeping its own copy of the rules (three copies had drifted apart). `runTiering` runs it and throws the
 * first problem, with the same error and code as before it existed.
 *
 * A problem is a code and its facts, never prose: `kind` "setting" carries an AnalysisSettingProblem and
 * the offending value (thrown as AnalysisSettingsError), `kind` "core" a CoreErrorCode and the core
 * error's details (thrown as CoreError). The rules of the lower folders (bins, breakpoints, scheme, ABC
 * cuts, score weights and bands, predict and lifecycle options) are those folders' pure checks, which
 * return their problems and whose throwing entry points throw the first; this module only composes
 * them, so each rule stays written once and nothing is computed to find out.
 *
 * The CLV horizon rule is the core's: `years` ≥ 0 and finite, as TIER.CLV's lifespan (tiers/clv.ts);
 * 0 years is a CLV of 0, not an error (the pane's narrower 1–100 years went when it began showing these).
 *
 * Custom segment rules given as data (the settings' scheme) get the checks `readSegmentRules` makes of a
 * sheet's grid, with the same "badRule" code and facts, so rules that never passed through a grid (saved
 * settings, the port) are refused alike: at least one rule, a name, whole-number bounds, min ≤ max.
 */
import { abcOptionProblems } from "../tiers/abc";
import { CoreError, type CoreErrorCode, type CoreProblem } from "../cells/errors";
import { binsProblems, breakpointProblems, RFM_DIMENSIONS, rfmOptionProblems } from "../tiers/rfm";
import { scoreOptionProblems, SCORE_METRICS, type ScoreMetric } from "../tiers/score";
import { schemeProblems, type SegmentRule } from "../tiers/segments";
import { VOICE_FIELDS } from "../tiers/voice";
import { windowProblems } from "../transactions/window";
import { predictAnalysisProblems } from "./predictions";
import type { Role } from "./roles";
import { scoreOptionsOf } from "./score";
import { AnalysisSettingsError, type AnalysisOptions, type AnalysisSettingProblem } from "./types";

export type AnalysisProblem =
  | { kind: "setting"; code: AnalysisSettingProblem; value: number | string }
  | { kind: "core"; code: CoreErrorCode; details: Record<string, string | number> };

/** The error `runTiering` throws for a problem: the same class, code and facts as the check it replaces. */
export function analysisProblemError(problem: AnalysisProblem): AnalysisSettingsError | CoreError {
  return problem.kind === "setting" ? new AnalysisSettingsError(problem.code, problem.value) : new CoreError(problem.code, problem.details);
}

/** Which source a score metric needs in this run, when it is not always there. */
/** What a score metric needs besides the transactions, when it is missing: CLV on, Predict on, or a mapped column. */
export type ScoreMetricNeed = "clv" | "marginColumn" | "extraColumn" | "predict" | "voiceColumn";

/**
 * What this score metric still needs, or null when the run gives it. One rule for the check below and for the
 * pane's score editor, which lists the metrics the data offers and says what would offer the others.
 */
export function scoreMetricNeed(metric: ScoreMetric, has: { clv: boolean; predict: boolean; roles: ReadonlySet<Role> }): ScoreMetricNeed | null {
  if (metric === "clv") return has.clv ? null : "clv";
  if (metric === "margin") return has.roles.has("margin") ? null : "marginColumn";
  if (metric === "extra") return has.roles.has("extra") ? null : "extraColumn";
  if (metric === "predictedClv" || metric === "pAlive") return has.predict ? null : "predict";
  // Issue 15 §4: a voice metric needs its own column (the role has the metric's name).
  if ((VOICE_FIELDS as readonly string[]).includes(metric)) return has.roles.has(metric as Role) ? null : "voiceColumn";
  return null;
}

function metricAvailable(metric: ScoreMetric, options: AnalysisOptions, roles: ReadonlySet<Role>): boolean {
  return SCORE_METRICS.includes(metric) && scoreMetricNeed(metric, { clv: !!options.clv, predict: !!options.predict, roles }) === null;
}

const RULE_DIMENSIONS = [
  ["r", "R"],
  ["f", "F"],
  ["m", "M"],
] as const;

/** A bound of a rule: a whole score, or unbounded (±Infinity, a blank cell of a grid). */
const isBound = (v: number) => Number.isInteger(v) || v === Infinity || v === -Infinity;

/** Every problem of custom rules given as data, as `readSegmentRules` words a grid's ("badRule", row from 1). */
/**
 * The analysis scores every dimension on `bins` levels, and its segment rules (built in or custom) are ranges of
 * those levels: so breakpoints, when given, must make exactly `bins` levels in each dimension (bins − 1 of them).
 * TIER.RFM is freer (its breakpoints replace the bins); the analysis is not, or a custom rule over levels a
 * dimension does not have would never match and its customers would fall into "Others" unseen. Judged only
 * where the bins and that dimension's breakpoints are otherwise usable, so one mistake is said once.
 */
function breakpointCountProblems(rfm: NonNullable<AnalysisOptions["rfm"]>): CoreProblem[] {
  const given = rfm.breakpoints;
  if (!given || binsProblems(rfm.bins).length > 0) return [];
  const expected = rfm.bins - 1;
  return RFM_DIMENSIONS.flatMap((dimension) => {
    const list = given[dimension] ?? [];
    if (list.length === expected || breakpointProblems(list, dimension).length > 0) return [];
    return [{ code: "breakpointsCount", details: { dimension, count: list.length, expected } }];
  });
}

export function ruleProblems(rules: readonly SegmentRule[]): CoreProblem[] {
  if (rules.length === 0) return [{ code: "badRule", details: { row: 1, problem: "ruleNameBlank" } }];
  const problems: CoreProblem[] = [];
  rules.forEach((rule, k) => {
    const row = k + 1;
    if (String(rule.name ?? "").trim() === "") problems.push({ code: "badRule", details: { row, problem: "ruleNameBlank" } });
    for (const [dimension, column] of RULE_DIMENSIONS) {
      const [low, high] = rule[dimension];
      if (!isBound(low)) problems.push({ code: "badRule", details: { row, problem: "ruleBound", column: `${column} min`, value: String(low) } });
      else if (!isBound(high)) problems.push({ code: "badRule", details: { row, problem: "ruleBound", column: `${column} max`, value: String(high) } });
      else if (low > high) problems.push({ code: "badRule", details: { row, problem: "ruleRange", column } });
    }
  });
  return problems;
}

/**
 * Every problem of `options` for a source whose mapped roles are `available`, in the order `runTiering`
 * meets them (its first is what it throws); [] when the analysis can run.
 */
export function analysisProblems(options: AnalysisOptions, available: Iterable<Role>): AnalysisProblem[] {
  const roles = new Set(available);
  const problems: AnalysisProblem[] = [];
  const setting = (code: AnalysisSettingProblem, value: number | string = "") => problems.push({ kind: "setting", code, value });
  const core = (found: readonly CoreProblem[]) => {
    for (const problem of found) problems.push({ kind: "core", ...problem });
  };

  if (!options.rfm && !options.abc && !options.score) setting("noAnalysis");
  if (options.tierBy === "segment" && !options.rfm) setting("tierByNeedsRfm");
  if (options.tierBy === "abcClass" && !options.abc) setting("tierByNeedsAbc");
  const score = options.score;
  if ((options.tierBy === "score" && !score) || (score && score.metrics.length === 0)) setting("tierByNeedsScore");
  if (score && score.metrics.length > 0) {
    for (const { metric } of score.metrics) if (!metricAvailable(metric, options, roles)) setting("scoreMetricUnavailable", metric);
    core(scoreOptionProblems(score.metrics.length, scoreOptionsOf(score)));
  }
  if (options.abc?.basis === "margin" && !roles.has("margin")) setting("marginBasisNeedsColumn");
  core(windowProblems(options.windowMonths));
  const clv = options.clv;
  if (clv) {
    if (!(clv.margin >= 0 && clv.margin <= 1)) setting("clvMargin", clv.margin);
    if (!(clv.retention >= 0 && clv.retention <= 1)) setting("clvRetention", clv.retention);
    if (!(clv.discount >= 0 && clv.discount < 1)) setting("clvDiscount", clv.discount);
    if (!(clv.years >= 0 && Number.isFinite(clv.years))) setting("clvYears", clv.years);
  }
  const predict = options.predict;
  if (predict) {
    core(predictAnalysisProblems(predict));
    if (!(predict.cantLoseShare > 0 && predict.cantLoseShare <= 1)) setting("cantLoseShare", predict.cantLoseShare);
    if (!(predict.cantLoseRisk >= 0 && predict.cantLoseRisk <= 1)) setting("cantLoseRisk", predict.cantLoseRisk);
    // Issue 13: the predicted CLV's margin (a rate, or the Margin column) and the next-purchase window.
    const margin = predict.margin;
    if (margin === "column") {
      if (!roles.has("margin")) setting("predictMarginNeedsColumn");
    } else if (margin !== undefined && margin !== null && !(margin >= 0 && margin <= 1)) setting("predictMargin", margin);
    const within = predict.withinMonths;
    if (within !== undefined && !(within > 0 && Number.isFinite(within))) setting("predictWithin", within);
  }
  // Checked while computing before analysisProblems existed, so they come last, as they did.
  const rfm = options.rfm;
  if (rfm) {
    core(rfmOptionProblems({ bins: rfm.bins, breakpoints: rfm.breakpoints ?? undefined }));
    core(breakpointCountProblems(rfm));
    core(schemeProblems(rfm.scheme));
    if (typeof rfm.scheme !== "string") core(ruleProblems(rfm.scheme));
  }
  // The analysis's bases (revenue, margin, orders) are all ABC on a value column.
  const abc = options.abc;
  if (abc) core(abcOptionProblems({ aCut: abc.aCut, bCut: abc.bCut, basis: "value", method: abc.method ?? "fixed" }));
  return problems;
}
