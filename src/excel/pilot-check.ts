/**
 * The pilot options' bounds, from one place: the core's own checks (src/core/over-time/pilot.ts `pickPilot`, asked with no
 * customers, so nothing is picked). The workbook port words the core's error for a request it is given
 * (dynamic.ts); the pane lists every field the core would refuse (`pilotOptionProblems`, through port.ts) and
 * adds its own rules on top (it always wants a control group).
 */
import { CoreError } from "../core/cells/errors";
import { pickPilot, type PilotOptions } from "../core/over-time/pilot";

/** The core's refusal of these options, or null when it takes them. */
export function pilotOptionsError(options: Required<PilotOptions>): CoreError | null {
  try {
    pickPilot([], [], options);
    return null;
  } catch (e) {
    if (e instanceof CoreError) return e;
    throw e;
  }
}

/** A field of the pilot options the core refuses: a share, the control share, the two together, or the seed. */
export type PilotOptionProblem = "share" | "controlShare" | "total" | "seed";

/**
 * Every field of `options` the core refuses, each asked on its own (the others set to values the core takes),
 * and "total" when each share passes alone but the two together do not.
 */
export function pilotOptionProblems(options: Required<PilotOptions>): PilotOptionProblem[] {
  const problems: PilotOptionProblem[] = [];
  if (pilotOptionsError({ share: options.share, controlShare: 0, seed: 1 })) problems.push("share");
  if (pilotOptionsError({ share: Number.MIN_VALUE, controlShare: options.controlShare, seed: 1 })) problems.push("controlShare");
  if (pilotOptionsError({ share: 1, controlShare: 0, seed: options.seed })) problems.push("seed");
  if (!problems.includes("share") && !problems.includes("controlShare") && pilotOptionsError({ ...options, seed: 1 })) problems.push("total");
  return problems;
}
