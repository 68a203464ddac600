/**
 * Membership levels (issue 15 §1, src/core/over-time/levels.ts): the level policy's problems, the headers of
 * TIER.LEVELS and the words of `tier levels`. One top-level key (`levels`) so this part never overwrites
 * another when the parts are spread together.
 */
import type { Widen } from "../widen";

export const levels = {
  levels: {
    /** Where a policy problem is in a policy file (a function's argument and row are worded by errors.at). */
    where: {
      line: (file: string, line: number) => `${file}, line ${line}`,
    },
    errors: {
      empty: (where: string) => `${where} holds no level; give one row per level: name, entry threshold, keep threshold, lowest level first.`,
      tooMany: (where: string, count: number, max: number) => `${where} has ${count} levels; a policy takes at most ${max}. Merge some levels.`,
      blankName: (where: string) => `${where}: the level has no name; write a name in the first column (any language).`,
      duplicateName: (where: string, name: string) => `${where}: the level name "${name}" is used twice; give each level its own name.`,
      notFinite: (where: string, field: string, value: string) =>
        `${where}: the ${field === "entry" ? "entry" : "keep"} threshold "${value}" is not a number; write a number such as 200.`,
      tooLarge: (where: string, field: string, value: string, max: number) =>
        `${where}: the ${field === "entry" ? "entry" : "keep"} threshold ${value} is beyond ±${max.toExponential()}; no spend or order count reaches it. Check the number.`,
      keepAboveEntry: (where: string, name: string, keep: number, entry: number) =>
        `${where}: level "${name}" has keep ${keep} above its entry ${entry}; the threshold to keep a level cannot be above the one to enter it. Lower keep or raise entry.`,
      order: (where: string, name: string, entry: number, previousName: string, previous: number) =>
        `${where}: level "${name}" enters at ${entry}, not above "${previousName}" (${previous}); list the levels lowest first, each entry higher than the one before.`,
      missing: (where: string, field: string) =>
        `${where}: the ${field === "entry" ? "entry" : "keep"} threshold is empty; write a number such as 200 (or delete the row if it is no level).`,
      notPolicyShape: (argument: string, columns: number) =>
        `'${argument}' has ${columns} column${columns === 1 ? "" : "s"}; give three: level name, entry threshold, keep threshold (one row per level, lowest first, a header row optional).`,
      metric: (argument: string, value: string) => `'${argument}' is "${value}"; use spend or orders.`,
      months: (argument: string, value: string, max: number) => `'${argument}' is ${value}; use a whole number of months from 1 to ${max}.`,
      range: (from: string, to: string) => `The reviews start (${from}) after the as-of date (${to}); give a start on or before the as-of date.`,
      tooManyReviews: (from: string, to: string, max: number) =>
        `From ${from} to ${to} there are more than ${max} month-end reviews; shorten the range (a later start or an earlier as-of date).`,
    },
    /** TIER.LEVELS's header row, in the caller's language. */
    headers: ["Customer", "Level", "Since", "Expires", "Metric", "Gap to next", "Gap to keep", "Downgrades at next review"],
    /** The reasons of a level change, for the pane's Level changes sheet (`tier levels --changes` writes the codes). */
    reasons: { upgrade: "upgrade", kept: "kept", downgrade: "downgrade", override: "override" },
    cli: {
      missingPolicy: "tier levels needs --policy POLICY.csv: a file with the columns level,entry,keep, one row per level, lowest first.",
      policyColumns: (file: string, missing: string) => `${file} has no column "${missing}"; the policy file's columns are level,entry,keep.`,
      policyNumber: (file: string, line: number, column: string, value: string) =>
        `${file}, line ${line}: ${column} "${value}" is not a number; write a number such as 200.`,
      summaryWithChanges: "tier levels --summary prints one line per level and writes no history: run it again without --summary to write --changes.",
    },
  },
};

export type LevelsMessages = Widen<typeof levels>;
