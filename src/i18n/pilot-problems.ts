/**
 * The core's pilot option problems (src/core/over-time/pilot.ts PilotOptionProblem) as the workbook's
 * sentences, for a pick the pane asked for: they name the pane's fields (the pilot share, the control share),
 * where the core's own sentences (core-errors.ts) name a function's arguments. Keyed by the problem's code and
 * typed by its details, so a new code without a sentence is a type error; one table for every language.
 */
import type { PilotOptionProblem } from "../core/over-time/pilot";
import type { Messages } from "./en";

type Code = PilotOptionProblem["code"];
type Details<C extends Code> = Extract<PilotOptionProblem, { code: C }>["details"];
type PilotErrors = Messages["workbook"]["pilot"]["errors"];

export const PILOT_REQUEST_PROBLEMS: { [C in Code]: (d: Details<C>, e: PilotErrors) => string } = {
  pilotShare: (d, e) => (d.field === "controlShare" ? e.controlShare(String(d.value)) : e.share(String(d.value))),
  pilotSharesOverOne: (d, e) => e.shares(String(d.share + d.controlShare)),
  pilotSeed: (d, e) => e.seed(String(d.value)),
};

/** A pilot option problem as the workbook's sentence in `m`'s language. */
export function pilotRequestSentence(problem: PilotOptionProblem, m: Messages): string {
  const sentence = PILOT_REQUEST_PROBLEMS[problem.code] as (d: PilotOptionProblem["details"], e: PilotErrors) => string;
  return sentence(problem.details, m.workbook.pilot.errors);
}
