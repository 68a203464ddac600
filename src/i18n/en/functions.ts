/**
 * What the TIER functions write into cells (TIER.MIGRATION's headers, TIER.PILOT's marks): short
 * words, since they land in a spill range the person may reference in formulas.
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
