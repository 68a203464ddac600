/**
 * The pane's problems as sentences. The pane reports what is wrong as data (form/problems.ts FormProblem, the
 * core's MappingProblem, dynamic.ts PilotProblem); these tables (here and not in src/i18n, which sits
 * below every layer and so cannot name the pane's types), keyed by the problem's
 * `kind`, word each one from the catalog (`pane.problems`, `pane.dynamic.problems`), so a new kind without
 * a sentence is a type error. One table serves every language: which words a problem's facts fill in is
 * the same in each.
 */
import { MAX_WINDOW_MONTHS } from "../core/transactions/window";
import { AnalysisSettingsError } from "../core/analysis/types";
import { CoreError } from "../core/cells/errors";
import { MAX_CLV_MONTHS } from "../core/models/predict";
import type { Messages } from "../i18n";
import { describeCoreError } from "../i18n/describe";
import { settingsSentence } from "../i18n/settings-problems";
import type { PilotProblem } from "./dynamic";
import type { FormProblem } from "./form/problems";
import type { MappingProblem } from "../core/analysis/roles";

/** One sentence per kind, each given its own record (`Extract` by `kind`). */
type Table<P extends { kind: string }> = { [K in P["kind"]]: (problem: Extract<P, { kind: K }>, m: Messages) => string };

function sentence<P extends { kind: string }>(table: Table<P>, problem: P, m: Messages): string {
  return (table[problem.kind as P["kind"]] as (problem: P, m: Messages) => string)(problem, m);
}

const MAPPING_PROBLEMS: Table<MappingProblem> = {
  missing: (p, m) => m.pane.problems.missingRole(m.pane.roles[p.role]),
  outOfRange: (p, m) => m.pane.problems.roleOutOfRange(m.pane.roles[p.role]),
  shared: (p, m) => m.pane.problems.sharedColumn(m.pane.roles[p.roles[0]], m.pane.roles[p.roles[1]]),
};

const FORM_PROBLEMS: Table<FormProblem> = {
  noSource: (_p, m) => m.pane.problems.noSource,
  mapping: (p, m) => sentence(MAPPING_PROBLEMS, p.problem, m),
  noAnalysis: (_p, m) => m.pane.problems.noAnalysis,
  asOf: (p, m) => m.pane.problems.asOf(p.value),
  window: (p, m) => m.overTimePane.windowProblem(p.value, MAX_WINDOW_MONTHS),
  bins: (p, m) => m.pane.problems.bins(p.value),
  breakpoints: (p, m) => m.pane.problems.breakpoints(m.pane.dimensionNames[p.dimension], String(p.expected)),
  noRules: (_p, m) => m.pane.problems.noRules,
  rule: (p, m) => {
    if (p.what === "name") return m.pane.problems.ruleName(String(p.row));
    const dimension = m.pane.dimensionNames[p.dimension ?? "r"];
    return p.what === "bound" ? m.pane.problems.ruleBound(String(p.row), dimension) : m.pane.problems.ruleRange(String(p.row), dimension);
  },
  cuts: (_p, m) => m.pane.problems.cuts,
  marginBasis: (_p, m) => m.pane.problems.marginBasis,
  percent: (p, m) => m.pane.problems.percent(m.pane.clv[p.field]),
  years: (p, m) => m.pane.problems.years(p.value),
  predict: (p, m) => {
    const rules = m.pane.problems.predictRules;
    return m.pane.problems.predict(m.pane.predict[p.field], p.value, p.field === "horizonMonths" ? rules.horizonMonths(MAX_CLV_MONTHS) : rules[p.field]);
  },
  predictMargin: (p, m) => (p.field === "predictMargin" ? m.margin.pane.problems.rate(p.value) : m.margin.pane.problems.within(p.value)),
  summaryBy: (p, m) => (p.summaryBy === "segment" ? m.pane.problems.summaryBySegment : m.pane.problems.summaryByClass),
  scoreNoMetric: (_p, m) => m.pane.score.problems.noMetric,
  scoreWeight: (p, m) => m.pane.score.problems.weight(m.scoreMetrics[p.metric], p.value),
  scoreWeightsZero: (_p, m) => m.pane.score.problems.weightsZero,
  scoreMetric: (p, m) => m.pane.score.problems.unavailable(m.scoreMetrics[p.metric], m.pane.score.needs[p.needs]),
  bandShares: (_p, m) => m.pane.score.problems.shares(m.scoreTiers.bronze),
  bandThresholds: (_p, m) => m.pane.score.problems.thresholds(m.scoreTiers.bronze),
  economicsCost: (p, m) => m.economics.pane.problems.cost(p.tier === "*" ? m.economics.pane.otherTiers : p.tier, m.economics.pane[p.field], p.value),
  economicsRate: (p, m) => m.economics.pane.problems.rate(p.value),
  economicsColumn: (_p, m) => m.economics.pane.problems.needsColumn,
  economicsColumnWindow: (_p, m) => m.economics.pane.problems.columnWindow,
  economicsUpgrade: (p, m) => m.economics.pane.problems.upgrade(p.value),
  core: (p, m) => (p.problem.kind === "setting" ? settingsSentence(new AnalysisSettingsError(p.problem.code, p.problem.value), m) : describeCoreError(new CoreError(p.problem.code, p.problem.details), m)),
};

const PILOT_PROBLEMS: Table<PilotProblem> = {
  noSnapshot: (_p, m) => m.pane.dynamic.problems.noSnapshot,
  noTier: (_p, m) => m.pane.dynamic.problems.noTier,
  share: (p, m) => m.pane.dynamic.problems.share(p.value),
  controlShare: (p, m) => m.pane.dynamic.problems.controlShare(p.value),
  total: (_p, m) => m.pane.dynamic.problems.total,
  seed: (p, m) => m.pane.dynamic.problems.seed(p.value),
};

/** A sentence that says what to fix in the analysis form. */
export function describeFormProblem(problem: FormProblem, m: Messages): string {
  return sentence(FORM_PROBLEMS, problem, m);
}

/** A sentence that says what to fix in the pilot form. */
export function describePilotProblem(problem: PilotProblem, m: Messages): string {
  return sentence(PILOT_PROBLEMS, problem, m);
}
