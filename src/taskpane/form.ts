/**
 * The form's problems worded in the person's language. The form itself is in `form/` (one module per section,
 * composed by `form/index.ts`); this sentence switch stays here until it becomes a message table keyed by code.
 */
import type { Messages } from "../i18n";
import type { FormProblem } from "./form/problems";
import type { Role } from "./mapping";

/** The label of a mapping role in the person's language. */
export function roleLabel(role: Role, m: Messages): string {
  return m.pane.roles[role];
}

/** A sentence that says what to fix. */
export function describeFormProblem(problem: FormProblem, m: Messages): string {
  const p = m.pane.problems;
  switch (problem.kind) {
    case "noSource":
      return p.noSource;
    case "mapping": {
      const mp = problem.problem;
      if (mp.kind === "missing") return p.missingRole(roleLabel(mp.role, m));
      if (mp.kind === "outOfRange") return p.roleOutOfRange(roleLabel(mp.role, m));
      return p.sharedColumn(roleLabel(mp.roles[0], m), roleLabel(mp.roles[1], m));
    }
    case "noAnalysis":
      return p.noAnalysis;
    case "asOf":
      return p.asOf(problem.value);
    case "bins":
      return p.bins(problem.value);
    case "breakpoints":
      return p.breakpoints(m.pane.dimensionNames[problem.dimension], String(problem.expected));
    case "noRules":
      return p.noRules;
    case "rule":
      if (problem.what === "name") return p.ruleName(String(problem.row));
      if (problem.what === "bound") return p.ruleBound(String(problem.row), m.pane.dimensionNames[problem.dimension ?? "r"]);
      return p.ruleRange(String(problem.row), m.pane.dimensionNames[problem.dimension ?? "r"]);
    case "cuts":
      return p.cuts;
    case "marginBasis":
      return p.marginBasis;
    case "percent":
      return p.percent(m.pane.clv[problem.field]);
    case "years":
      return p.years(problem.value);
    case "predict":
      return p.predict(m.pane.predict[problem.field], problem.value, p.predictRules[problem.field]);
    case "summaryBy":
      return problem.summaryBy === "segment" ? p.summaryBySegment : p.summaryByClass;
    case "scoreNoMetric":
      return m.pane.score.problems.noMetric;
    case "scoreWeight":
      return m.pane.score.problems.weight(m.scoreMetrics[problem.metric], problem.value);
    case "scoreWeightsZero":
      return m.pane.score.problems.weightsZero;
    case "scoreMetric":
      return m.pane.score.problems.unavailable(m.scoreMetrics[problem.metric], m.pane.score.needs[problem.needs]);
    case "bandShares":
      return m.pane.score.problems.shares(m.scoreTiers.bronze);
    case "bandThresholds":
      return m.pane.score.problems.thresholds(m.scoreTiers.bronze);
  }
}
