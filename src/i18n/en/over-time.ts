/**
 * Over time (issue 14): the words of the as-of / window options, the history, movers, trends and
 * cohorts, in the core's errors, the TIER.MOVERS / TIER.COHORT functions and the `tier history |
 * movers | trends | cohort` commands. One top-level key (`overTime`) so this part never overwrites
 * another when the parts are spread together.
 */
import type { Widen } from "../widen";

export const overTime = {
  overTime: {
    errors: {
      badWindow: (argument: string, value: string, max: number) =>
        `'${argument}' is ${value}; use a whole number of months from 1 to ${max}, or leave it empty for all history.`,
      badEvery: (argument: string, value: string) =>
        `'${argument}' is "${value}"; use month, quarter, or a whole number of days (1 or more).`,
      historyRange: (from: string, to: string) => `The history starts (${from}) after it ends (${to}); give a start on or before the end.`,
      freezeNotSnapshot: (date: string, first: string, last: string) =>
        `Cut points can be frozen only at one of the snapshots; ${date} is not one (snapshots run from ${first} to ${last}). Pick a snapshot date.`,
      tooManySnapshots: (count: number, max: number) =>
        `That makes ${count} snapshots; at most ${max} are built at once. Shorten the range or take them less often.`,
      badCohortBy: (argument: string, value: string) => `'${argument}' is "${value}"; use month or quarter.`,
      badCohortMeasure: (argument: string, value: string) => `'${argument}' is "${value}"; use customers or revenue.`,
    },
    /** Movers' directions, as TIER.MOVERS and `tier movers` write them. */
    directions: {
      up: "up",
      down: "down",
      same: "same",
      new: "new",
      gone: "gone",
      changed: "changed",
    },
  },
};

export type OverTimeMessages = Widen<typeof overTime>;
