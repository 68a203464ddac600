/**
 * What can be wrong with the form, as data: text the sections could not read, and the core's problems with the
 * settings (form/core-problems.ts) put in the form's terms. Worded in the person's language elsewhere (`describeFormProblem`); `field`
 * names the control to fix. A file of its own so the sections stay unaware of each other.
 */
import type { AnalysisSettings } from "../../excel/port";
import type { AnalysisProblem } from "../../core/analysis/problems";
import type { MappingProblem } from "../../core/analysis/roles";
import type { AbcProblem } from "./abc";
import type { ClvProblem } from "./clv";
import type { PredictProblem } from "./predict";
import type { RfmProblem } from "./rfm";
import type { ScoreProblem } from "./score";
import type { EconomicsFormProblem } from "./economics";

export type FormProblem =
  | { kind: "noSource" }
  | { kind: "mapping"; problem: MappingProblem }
  | { kind: "noAnalysis" }
  | { kind: "asOf"; value: string }
  /** The window for frequency and monetary (issue 14): not a whole number of months from 1 to MAX_WINDOW_MONTHS. */
  | { kind: "window"; value: string }
  | RfmProblem
  | AbcProblem
  | ClvProblem
  | PredictProblem
  | ScoreProblem
  | EconomicsFormProblem
  | { kind: "summaryBy"; summaryBy: AnalysisSettings["summaryBy"] }
  /** A problem of the core's check with no field of its own in the form, worded as the port words it. */
  | { kind: "core"; problem: AnalysisProblem };
