/**
 * The pilot options' bounds are the core's (src/core/over-time/pilot.ts `pilotOptionProblems`, the check
 * `pickPilot` itself runs): the pane lists every field the core would refuse (`pilotFieldProblems`) and adds
 * its own rules on top (it always wants a control group); the workbook port words the first refusal for the
 * pane's fields (`checkPilotRequest`), since the core's own sentences name a function's arguments.
 */
import { CoreError } from "../core/cells/errors";
import { pilotOptionProblems, type PilotOptions } from "../core/over-time/pilot";
import type { Messages } from "../i18n";
import { WorkbookError } from "./errors";
import type { PilotRequest } from "./port";

/** A field of the pilot options the core refuses: a share, the control share, the two together, or the seed. */
export type PilotField = "share" | "controlShare" | "total" | "seed";

const FIELD_ORDER: readonly PilotField[] = ["share", "controlShare", "seed", "total"];

/** Every field of `options` the core refuses; "total" when each share passes alone but the two together do not. */
export function pilotFieldProblems(options: Required<PilotOptions>): PilotField[] {
  const fields = new Set<PilotField>(
    pilotOptionProblems(options).map((p) =>
      p.code === "pilotShare" ? (p.details.argument === "control_share" ? "controlShare" : "share") : p.code === "pilotSharesOverOne" ? "total" : "seed",
    ),
  );
  return FIELD_ORDER.filter((f) => fields.has(f));
}

/** The request's shares and seed, before anything is read: the core's first refusal, worded for the pane's fields. */
export function checkPilotRequest(r: PilotRequest, m: Messages): void {
  const [problem] = pilotOptionProblems({ share: r.share, controlShare: r.controlShare, seed: r.seed });
  if (!problem) return;
  const error = new CoreError(problem.code, problem.details);
  const e = m.workbook.pilot.errors;
  switch (problem.code) {
    case "pilotShare":
      throw new WorkbookError(problem.details.argument === "control_share" ? e.controlShare(String(r.controlShare)) : e.share(String(r.share)), error);
    case "pilotSharesOverOne":
      throw new WorkbookError(e.shares(String(r.share + r.controlShare)), error);
    case "pilotSeed":
      throw new WorkbookError(e.seed(String(r.seed)), error);
  }
}
