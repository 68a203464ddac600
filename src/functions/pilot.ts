/** Adapter for =TIER.PILOT. */
import { mergeTierCase } from "../core/over-time/migration";
import { CONTROL, PILOT, pickPilot } from "../core/over-time/pilot";
import type { Messages } from "../i18n";
import { isOmitted, optionalNumber, labelRows, type Range } from "./coerce";
import { ArgumentError } from "./errors";
import { duplicateIdError, readTierColumns } from "./migration";

/**
 * "pilot", "control" or "" per row (in the display language): per tier, round(share·n) customers in the
 * pilot and round(control_share·n) in the control group (default: as many as the pilot), picked by a
 * seeded hash of the id, so the same seed gives the same groups whatever the row order. Tiers are
 * compared as Excel compares text (case does not matter). Rows with a blank id or tier are "".
 */
export function pilotTable(ids: Range, tiers: Range, share: unknown, seed: unknown, controlShare: unknown, m: Messages): string[][] {
  const input = readTierColumns(ids, tiers, { ids: "ids", tiers: "tiers" }, m);
  mergeTierCase([input.tiers]);
  // share is required: a 0 (typed, or an empty cell on Windows) gets its own message, not "missing".
  if (isOmitted(share, true)) throw new ArgumentError(m.errors.dynamic.shareMissing("share"));
  const options = {
    share: optionalNumber(share, "share", undefined, m, true)!,
    // 0 is a seed and a control share of its own (coerce.ts: on Windows an empty cell there reads as 0).
    seed: optionalNumber(seed, "seed", 1, m, true),
    controlShare: optionalNumber(controlShare, "control_share", undefined, m, true),
  };
  let groups: Uint8Array;
  try {
    groups = pickPilot(input.ids, input.tiers, options);
  } catch (error) {
    throw duplicateIdError(error, "ids", m);
  }
  return labelRows(groups, (g) => (g === PILOT ? m.pilotGroups.pilot : g === CONTROL ? m.pilotGroups.control : ""), input.column.horizontal);
}
