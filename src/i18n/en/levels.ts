/**
 * Membership levels (issue 15 §1, src/core/over-time/levels.ts): the level policy's problems, the headers of
 * TIER.LEVELS and the words of `tier levels`. One top-level key (`levels`) so this part never overwrites
 * another when the parts are spread together.
 */
import type { Widen } from "../widen";

export const levels = {
  levels: {
    /** Where a policy problem is: a function's argument and row, or a file's line. */
    where: {
      row: (argument: string, row: number) => `'${argument}', row ${row}`,
      line: (file: string, line: number) => `${file}, line ${line}`,
      policy: (argument: string) => `'${argument}'`,
    },
    errors: {
      empty: (where: string) => `${where} holds no level; give one row per level: name, entry threshold, keep threshold, lowest level first.`,
      tooMany: (where: string, count: number, max: number) => `${where} has ${count} levels; a policy takes at most ${max}. Merge some levels.`,
      blankName: (where: string) => `${where}: the level has no name; write a name in the first column (any language).`,
      duplicateName: (where: string, name: string) => `${where}: the level name "${name}" is used twice; give each level its own name.`,
      notFinite: (where: string, field: string, value: string) =>
        `${where}: the ${field === "entry" ? "entry" : "keep"} threshold "${value}" is not a number; write a number such as 200.`,
      keepAboveEntry: (where: string, name: string, keep: number, entry: number) =>
        `${where}: level "${name}" has keep ${keep} above its entry ${entry}; the threshold to keep a level cannot be above the one to enter it. Lower keep or raise entry.`,
      order: (where: string, name: string, entry: number, previousName: string, previous: number) =>
        `${where}: level "${name}" enters at ${entry}, not above "${previousName}" (${previous}); list the levels lowest first, each entry higher than the one before.`,
      metric: (argument: string, value: string) => `'${argument}' is "${value}"; use spend or orders.`,
      months: (argument: string, value: string, max: number) => `'${argument}' is ${value}; use a whole number of months from 1 to ${max}.`,
      range: (from: string, to: string) => `The reviews start (${from}) after the as-of date (${to}); give a start on or before the as-of date.`,
      tooManyReviews: (from: string, to: string, max: number) =>
        `From ${from} to ${to} there are more than ${max} month-end reviews; shorten the range (a later start or an earlier as-of date).`,
    },
    /** TIER.LEVELS's header row and `tier levels`'s JSON reasons, in the caller's language. */
    headers: ["Customer", "Level", "Since", "Expires", "Metric", "Gap to next", "Gap to keep", "Downgrades at next review"],
    /** The "downgrades at next review" flag. */
    yes: "yes",
    no: "no",
    reasons: { upgrade: "upgrade", kept: "kept", downgrade: "downgrade", override: "override" },
    /** Header words that mark the policy's first row as a header (any catalog's, lower case). */
    policyHeader: ["level", "name", "entry", "keep"],
    cli: {
      missingPolicy: "tier levels needs --policy POLICY.csv: a file with the columns level,entry,keep, one row per level, lowest first.",
      policyColumns: (file: string, missing: string) => `${file} has no column "${missing}"; the policy file's columns are level,entry,keep.`,
      policyNumber: (file: string, line: number, column: string, value: string) =>
        `${file}, line ${line}: ${column} "${value}" is not a number; write a number such as 200.`,
      help: {
        policy: "The level policy: a CSV file with the columns level,entry,keep, one row per level, lowest first (keep ≤ entry).",
        levelsFrom: "The first review: month-ends from this date (and the as-of date) are reviews.",
        levelsTo: "The as-of date: the last review.",
        metric: "What the thresholds count over the window: spend (net of returns) or orders.",
        levelWindow: "The trailing window of the metric, in months.",
        validity: "How many months a level holds before it is reviewed for keeping.",
        changes: "Also write the history of level changes (customer,date,from,to,reason) to this file.",
      },
      usage: `Levels (issue 15):
  tier levels FILE.csv --policy POLICY.csv [--from DATE] [--to DATE] [--metric spend|orders]
                    [--window-months 12] [--validity-months 12] [--format csv|json] [--changes CHANGES.csv]
      per customer: level, since, expires, metric, gap_to_next, gap_to_keep, downgrades_next_review`,
    },
  },
};

export type LevelsMessages = Widen<typeof levels>;
