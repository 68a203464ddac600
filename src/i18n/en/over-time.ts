/**
 * Over time (issue 14): the words of the as-of / window options, the history, movers, trends and
 * cohorts, in the core's errors, the TIER.MOVERS / TIER.COHORT functions and the `tier history |
 * movers | trends | cohort` commands. One top-level key (`overTime`) so this part never overwrites
 * another when the parts are spread together.
 */
import type { Widen } from "../widen";

export const overTime = {
  overTime: {
    /** The over-time lines of `tier --help` (printed after the other commands'). */
    usage: `Over time (dates YYYY-MM-DD; transactions columns as for tier rfm: --customer, --date, --amount, --day-order):
  tier rfm|abc|score FILE.csv --as-of DATE [--window-months N]
      as it stood on DATE (later rows left out); frequency and monetary over the last N months, recency from
      all rows up to DATE. abc and score then read a transactions file: abc classes each customer's revenue,
      score takes --metrics among recency, frequency, monetary.
  tier history FILE.csv [--every month|quarter|N (days)] [--from DATE] [--to DATE] [--window-months N]
                    [--tier-by segment|abc] [--bins N] [--segments rfm|cn8] [--a-cut 0.8] [--b-cut 0.95]
                    [--freeze DATE (keep that snapshot's cut points)] [--format csv|json]
      one row per snapshot date × customer: as_of, customer, tier and the measures
  tier trends FILE.csv [history options]   per snapshot and tier: customers, share, revenue, retention, rates
  tier movers FILE.csv [history options] [--before DATE] [--after DATE]   (default: the last two snapshots)
                    [--predict [--unit day|week|month] [--model bgnbd|pareto]]   (P(alive), CLV as of --after)
  tier movers BEFORE.csv AFTER.csv --id COL --tier COL [--measure COL] [--order A,B,C]
  tier cohort FILE.csv [--by month|quarter] [--measure customers|revenue] [--quantity COL] [--format csv|json]
                    [--first-tier segment|abc (one triangle per tier at the end of the first period)]
      cohort, customers, p0, p1, …: the share of each cohort buying in each period since its first`,
    orderNeedsFiles: "--order gives the tier order of two snapshot files (tier movers BEFORE.csv AFTER.csv); a history orders its own tiers: leave --order out.",
    notSnapshot: (option: string, date: string, dates: string) => `${option} ${date} is not a snapshot date; the snapshots are: ${dates}.`,
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
    /** The header rows of TIER.MOVERS and TIER.COHORT. */
    columns: {
      before: "Before",
      after: "After",
      direction: "Direction",
      measureBefore: "Measure before",
      measureAfter: "Measure after",
      change: "Change",
      cohort: "Cohort",
      /** Period k since the cohort's first (month or quarter). */
      period: (k: number) => `P${k}`,
    },
    /** Argument problems of TIER.MOVERS and TIER.COHORT. */
    functionErrors: {
      revenueNeedsAmounts: "measure \"revenue\" needs the amounts: give the 'amounts' range, or use measure \"customers\".",
      orderTwice: (tier: string) => `'order' names "${tier}" twice; list each tier once, best first.`,
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
