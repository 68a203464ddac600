/**
 * The pilot options' bounds are the core's (src/core/over-time/pilot.ts `pilotOptionProblems`, the check
 * `pickPilot` itself runs), asked before anything is read so a refused pick costs no sync; the first refusal
 * is worded for the pane's fields (src/i18n/pilot-problems.ts), since the core's own sentences name a
 * function's arguments. The pane lists the same problems itself (src/taskpane/dynamic.ts `pilotFieldProblems`).
 */
import { CoreError } from "../core/cells/errors";
import { pilotOptionProblems } from "../core/over-time/pilot";
import type { Messages } from "../i18n";
import { pilotRequestSentence } from "../i18n/pilot-problems";
import { WorkbookError } from "./errors";
import type { PilotRequest } from "./port";

/** The request's shares and seed, before anything is read: the core's first refusal, worded for the pane's fields. */
export function checkPilotRequest(r: PilotRequest, m: Messages): void {
  const [problem] = pilotOptionProblems({ share: r.share, controlShare: r.controlShare, seed: r.seed });
  if (problem) throw new WorkbookError(pilotRequestSentence(problem, m), new CoreError(problem.code, problem.details));
}
