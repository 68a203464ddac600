/**
 * Over time in the task pane and the workbook (issue 14): the analysis date "as it stood then" and the window,
 * "Rebuild history", the Movers, Tier trends and Cohorts sheets. One top-level key (`overTimePane`) so this part
 * never overwrites another when the parts are spread together; the core's words for the same feature (errors,
 * directions) are the `overTime` part.
 */
import type { Widen } from "../widen";

const n = (x: number) => x.toLocaleString("en-US");

export const overTimePane = {
  overTimePane: {
    /** The analysis section's date and window fields. */
    asOfHint: "Leave blank to use the latest purchase. An earlier date shows the tiers as they stood then: later purchases are left out.",
    window: "Window (months)",
    windowHint: "Frequency and monetary count only the last N months up to the analysis date (recency still counts from the last purchase); blank counts all history.",
    windowProblem: (value: string, max: number) => `The window "${value}" is not a whole number of months from 1 to ${max}; leave it blank to count all history.`,

    /** What differs between two snapshots' tierings when only their windows do (workbook.migration.errors.differentTiering). */
    windowDiffers: (before: number | null, after: number | null) =>
      `frequency and monetary over ${before === null ? "all history" : `${before} months`} and over ${after === null ? "all history" : `${after} months`}`,

    heading: "Over time",
    intro:
      "Rebuild the history as if the analysis had been run at every month-end, then see who moved between two snapshots, how each tier trends and how each cohort of new customers keeps buying.",
    needsSettings: "Choose the data and settings above first: the history is rebuilt with them.",

    rebuild: {
      heading: "Rebuild history",
      intro: "One snapshot per date, with the settings above, into the history Compare reads. Snapshots rebuilt before for the same dates are replaced; those your runs saved are kept.",
      every: "Take a snapshot at every",
      everyOptions: { month: "Month-end", quarter: "Quarter-end", days: "N days" },
      days: "Days between snapshots",
      from: "From",
      to: "To",
      fromHint: "Blank: the first purchase.",
      toHint: "Blank: the latest purchase.",
      freeze: "Cut points",
      freezeHint:
        "Quantile tiers move with the population. Freezing the cut points of one snapshot makes every snapshot use them, so a move means the customer's behaviour changed, not the thresholds.",
      freezeNone: "Each snapshot its own",
      freezeFirst: "Frozen at the first snapshot",
      freezeLast: "Frozen at the last snapshot",
      freezeAt: (asOf: string) => `Frozen at ${asOf}`,
      start: "Rebuild history",
      cancel: "Cancel",
      phases: { read: "Reading the data…", compute: "Building the snapshots…", write: "Writing the history…" },
      writingNoCancel: "Writing the history: this part cannot be cancelled.",
      done: (count: number, first: string, last: string) => `Saved ${n(count)} ${count === 1 ? "snapshot" : "snapshots"} from ${first} to ${last} in the history.`,
      replaced: (count: number) => `${n(count)} rebuilt before for the same dates ${count === 1 ? "was" : "were"} replaced.`,
      dropped: (count: number) => `${n(count)} older rebuilt ${count === 1 ? "snapshot was" : "snapshots were"} removed to make room.`,
      frozen: (asOf: string) => `Cut points frozen at ${asOf}.`,
      failed: "History not rebuilt",
      cancelled: "Cancelled before anything was written: the history is as it was.",
      problems: {
        days: (value: string) => `"${value}" is not a whole number of days (1 or more).`,
        from: (value: string) => `The start "${value}" is not a date; use a date such as 2024-01-31, or leave it blank.`,
        to: (value: string) => `The end "${value}" is not a date; use a date such as 2024-12-31, or leave it blank.`,
        order: "The start is after the end.",
      },
    },

    movers: {
      heading: "Who moved",
      intro: "Every customer of two snapshots on a sheet of its own: tier before and after, the direction and the revenue change. Sort and filter it as any Excel table.",
      before: "From snapshot",
      after: "To snapshot",
      write: "Write Movers sheet",
      writing: "Writing the Movers sheet…",
      failed: "No Movers sheet",
      done: (sheet: string, customers: number) => `${n(customers)} customers are on the sheet "${sheet}".`,
      filterHeading: "Show who was … and is now …",
      was: "Was",
      now: "Now",
      any: "Any tier",
      none: "No tier (new or gone)",
      apply: "Filter",
      clear: "Show all",
      filtering: "Filtering…",
      filterFailed: "Not filtered",
      shown: (customers: number) => `${n(customers)} ${customers === 1 ? "customer" : "customers"} shown.`,
      counts: { up: "Up", down: "Down", same: "Same", changed: "Changed", new: "New", gone: "Gone" },
    },

    trends: {
      heading: "Tier trends",
      intro: "Per snapshot and tier: customers, share, revenue, retention, repurchase, upgrades, downgrades and churn, with a line and a stacked-area chart.",
      write: "Write Tier trends sheet",
      writing: "Writing the Tier trends sheet…",
      failed: "No Tier trends sheet",
      done: (sheet: string, dates: number) => `${n(dates)} snapshots are on the sheet "${sheet}".`,
      skipped: (count: number) => `${n(count)} ${count === 1 ? "snapshot" : "snapshots"} tiered differently from the latest one ${count === 1 ? "was" : "were"} left out.`,
    },

    cohorts: {
      heading: "Cohorts",
      intro: "Customers grouped by the month (or quarter) of their first purchase, and the share of each group that bought in each later period.",
      by: "Cohorts by",
      byOptions: { month: "Month", quarter: "Quarter" },
      measure: "Measure",
      measureOptions: { customers: "Share of customers who bought", revenue: "Revenue, as a share of the first period's" },
      write: "Write Cohorts sheet",
      writing: "Writing the Cohorts sheet…",
      failed: "No Cohorts sheet",
      done: (sheet: string, cohorts: number) => `${n(cohorts)} cohorts are on the sheet "${sheet}".`,
    },

    /** The sheets the jobs write. */
    book: {
      moversSheet: "Movers",
      moversTitle: (before: string, after: string, basis: string) => `Who moved from ${before} to ${after} (${basis})`,
      noTier: "(none)",
      moversColumns: {
        customer: "Customer",
        was: "Was",
        now: "Now",
        direction: "Direction",
        revenueBefore: "Revenue before",
        revenueAfter: "Revenue after",
        revenueChange: "Revenue change",
      },
      trendsSheet: "Tier trends",
      trendsTitle: (first: string, last: string, basis: string) => `Tier trends from ${first} to ${last} (${basis})`,
      trendsNote:
        "Retention: the share of a tier's customers at the previous snapshot who bought again by this one. On snapshots over all history every customer stays in the data, so only purchases show who lapsed; a window (the analysis section) makes frequency and monetary fall to 0 for lapsed customers, so their tiers move down too.",
      trendsColumns: {
        date: "Snapshot",
        tier: "Tier",
        customers: "Customers",
        share: "Share",
        revenue: "Revenue",
        revenuePerCustomer: "Revenue per customer",
        retention: "Retention",
        repurchase: "Repurchase rate",
        upgrade: "Upgrade rate",
        downgrade: "Downgrade rate",
        churn: "Churn (gone)",
      },
      customersChart: "Customers per tier",
      shareChart: "Share of customers per tier",
      dateAxis: "Snapshot",
      customersAxis: "Customers",
      shareAxis: "Share",
      cohortsSheet: "Cohorts",
      cohortsTitle: (by: string, measure: string) => `Cohorts by ${by} of first purchase: ${measure}`,
      cohortsNote: "p0 is the period of the first purchase, p1 the next, and so on. Blank: that period is after the data ends.",
      cohortBy: { month: "month", quarter: "quarter" },
      cohortMeasure: { customers: "share of the cohort who bought in each period", revenue: "revenue in each period as a share of the first period's" },
      cohortColumns: { cohort: "Cohort", customers: "Customers" },
      cohortChart: "Retention by cohort",
      periodAxis: "Periods since the first purchase",
    },

    errors: {
      historyFull: (needed: number, free: number, capacity: number) =>
        `The rebuilt snapshots need ${n(needed)} rows in the history, but only ${n(free)} of its ${n(capacity)} are free once older rebuilt snapshots are removed (snapshots your runs saved, and those pilots use, are kept). Take snapshots less often (every quarter), or a shorter range.`,
      noSnapshots: "The history has no snapshots yet. Run the analysis or rebuild the history first.",
      noMovers: "There is no Movers sheet yet (or it was deleted). Write it first.",
      moversChanged: (sheet: string) => `The Movers table on "${sheet}" was changed (its columns renamed or removed). Write the Movers sheet again.`,
      notEarlier: (before: string, after: string) => `The earlier snapshot (${before}) must come before the later one (${after}).`,
      differentTiering: "The two snapshots were tiered differently; choose two tiered the same way.",
      scoreHistory:
        "The history cannot be rebuilt with a score that uses predicted CLV or P(alive): the models would have to be fitted again at every date. Take those measures out of the score, or summarise by RFM segments or ABC classes, to rebuild.",
      badFreeze: (value: string) => `The cut points cannot be frozen at "${value}": it is not a date. Choose a snapshot from the list.`,
      noCohorts: "No purchases to group into cohorts.",
    },
  },
};

export type OverTimePaneMessages = Widen<typeof overTimePane>;
