/**
 * Membership levels in the task pane and the workbook (issue 15 §1): the policy grid, the Levels, Level changes and
 * Downgrade warnings sheets, and the pane's report line. One top-level key (`levelsPane`) so this part never
 * overwrites another when the parts are spread together; the core's and the CLI's words for levels are s-levels'
 * parts.
 */
import type { Widen } from "../widen";

export const levelsPane = {
  levelsPane: {
    heading: "Membership levels",
    intro:
      "A membership programme customers live in: a level is entered when the spend (or orders) over the last months reaches its entry, kept at each review while it stays at or above its keep threshold, and lost otherwise. Reviews are at every month-end.",
    needsSettings: "Choose the data and settings above first: the levels are computed on the same data.",

    /** The policy grid. */
    gridCaption: "Levels, lowest first. Entry: what the metric must reach to move up to the level. Keep: what it must stay at or above, at the review after the validity ends, to keep it.",
    columns: { name: "Level", entry: "Entry", keep: "Keep" },
    cell: (row: string, column: string) => `Level ${row}: ${column}`,
    addLevel: "Add level",
    removeLevel: (row: string) => `Remove level ${row}`,
    moveUp: (row: string) => `Move level ${row} up`,
    moveDown: (row: string) => `Move level ${row} down`,
    metric: "Metric",
    metricOptions: { spend: "Spend", orders: "Orders" },
    window: "Metric window (months)",
    windowHint: "The metric counts the purchases of the last N months up to each review.",
    validity: "Validity (months)",
    validityHint: "A level holds for this long after it is reached or kept; then the next review decides.",
    review: "Review: every month-end.",

    /** Examples, scaled to the data. */
    examples: "Examples",
    examplesEnglish: "English names",
    examplesChinese: "Chinese names",
    examplesHint:
      "Fills the grid with four levels whose entries are the median, 75th, 90th and 97th percentile of the customers' metric over the window at the analysis date (rounded), and whose keep thresholds are 80% of their entry. Edit them as you like.",
    suggesting: "Reading the data…",
    suggestFailed: "The examples could not be computed",
    noCustomers: "There are no purchases in the window at the analysis date, so there is nothing to scale the examples to.",

    /** Problems as the person types (the core's levelPolicyProblems worded with the grid's labels). */
    problems: {
      noLevels: "Add at least one level.",
      blankName: (row: string) => `Level ${row} has no name.`,
      duplicateName: (row: string, name: string) => `Level ${row}: the name "${name}" is used by another level; give each level its own name.`,
      badNumber: (row: string, column: string, value: string) => `Level ${row}: the ${column} "${value}" is not a number; write a number such as 200.`,
      tooLarge: (row: string, column: string, value: string, max: string) => `Level ${row}: the ${column} ${value} is beyond what can be compared exactly (±${max}); use a smaller number.`,
      tooMany: (count: number, max: number) => `The grid has ${count} levels; a policy takes at most ${max}.`,
      keepAboveEntry: (row: string) => `Level ${row}: the keep threshold is above the entry; keep must be at or below entry.`,
      notAscending: (row: string) => `Level ${row}: the entry must be higher than the entry of the level above it in the grid (lowest level first).`,
      badWindow: (value: string, max: number) => `The window "${value}" is not a whole number of months from 1 to ${max}.`,
      badValidity: (value: string, max: number) => `The validity "${value}" is not a whole number of months from 1 to ${max}.`,
      other: (code: string) => `The policy cannot be used (${code}).`,
    },

    run: "Compute levels",
    running: "Computing levels…",
    failed: "The levels could not be computed",
    /** The report line. */
    done: (sheet: string, customers: string, asOf: string) => `Wrote "${sheet}": ${customers} customers, levels as of ${asOf}.`,
    perLevel: "Customers per level",
    customersColumn: "Customers",
    noLevel: "(no level)",
    warnings: (count: string, sheet: string) => `${count} customers will drop a level at the next review unless they buy more: see "${sheet}".`,
    noWarnings: "No customer drops a level at the next review.",
    changes: (count: string, sheet: string) => `${count} level changes since the first review are in "${sheet}".`,

    /** The sheets. */
    book: {
      levelsSheet: "Levels",
      changesSheet: "Level changes",
      warningsSheet: "Downgrade warnings",
      levelsTitle: (asOf: string, metric: string, window: number, validity: number) =>
        `Membership levels as of ${asOf}: ${metric} over the last ${window} months, a level valid for ${validity} months, reviewed at every month-end`,
      levelsNote:
        "Gap to next: what the metric must still grow by to enter the next level (blank at the top level). Gap to keep: what it must grow by to keep the level at its expiry review. Since and expires are blank for a customer with no level.",
      changesTitle: (first: string, last: string, reviews: string) => `Level changes at the ${reviews} reviews from ${first} to ${last} (every month-end, and the analysis date when it is not one)`,
      warningsTitle: (next: string) => `Customers who drop a level at the next review (${next}) unless their metric grows, smallest gap first`,
      levelsColumns: {
        customer: "Customer",
        level: "Level",
        since: "Since",
        expires: "Expires",
        metric: (metric: string) => `${metric} (window)`,
        gapToNext: "Gap to next",
        gapToKeep: "Gap to keep",
        downgrades: "Downgrades at next review",
      },
      changesColumns: { customer: "Customer", date: "Date", from: "From", to: "To", reason: "Reason" },
      warningsColumns: { customer: "Customer", level: "Level", expires: "Expires", metric: (metric: string) => `${metric} (window)`, keep: "Keep threshold", need: "Needed to keep", dropsTo: "Drops to" },
      reasons: { upgrade: "Upgrade", kept: "Kept", downgrade: "Downgrade", override: "Override" },
      yes: "Yes",
      none: "(none)",
    },
    errors: {
      noPurchases: "No purchase in the data is on or before the analysis date, so no customer has a level yet.",
      policy: (problems: string) => `The level policy cannot be used: ${problems}`,
    },
  },
};

export type LevelsPaneMessages = Widen<typeof levelsPane>;
