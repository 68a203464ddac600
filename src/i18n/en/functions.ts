/**
 * Words the TIER functions spill into cells beyond the shared column names: TIER.MIGRATION's matrix
 * headers and TIER.PILOT's marks (`tier pilot` prints the same marks). The workbook's migration and pilot
 * sheets word the same things at more length, in workbook.ts; these stay short for a spill range.
 */
import type { Widen } from "../widen";

export const functions = {
  /** TIER.MIGRATION's headers and the migration sheet's: the from→to corner, customers only in the later snapshot, customers no longer in it. */
  migration: {
    fromTo: "From \\ To",
    new: "New",
    gone: "Gone",
    total: "Total",
  },
  /** TIER.PILOT's marks (src/core/over-time/pilot.ts PILOT, CONTROL). */
  pilotGroups: {
    pilot: "pilot",
    control: "control",
  },
};

export type FunctionsMessages = Widen<typeof functions>;
