/**
 * People's overrides of the tiers (issue 15 §2): the overrides table's sheet and headers, the Results columns
 * that show an override beside the run's own tier, the table's row problems, the pane's Overrides section and
 * `tier … --overrides`. One part, under its own key, so it merges beside the other features' parts.
 */
import type { Widen } from "../widen";

export const overrides = {
  overrides: {
    /** The sheet the pane adds the table on (the table's name, TieringOverrides, is the same in every language). */
    sheet: "Overrides",
    /** The table's header row, in the order customer, tier, reason, until. */
    headers: { customer: "Customer", tier: "Tier or level", reason: "Reason", until: "Until" },
    /** The Results sheet's columns beside the run's own tier. */
    columns: { finalTier: "Tier (final)", overridden: "Overridden", reason: "Override reason", until: "Override until" },
    /** A row problem's place: the table's row as the person sees it (sheet and row number), or a CSV file's line. */
    where: {
      tableRow: (sheet: string, row: number) => `${sheet} row ${row}`,
      line: (file: string, line: number) => `${file} line ${line}`,
    },
    problems: {
      blankCustomer: (where: string, value: string) => (value ? `${where}: the customer "${value}" is not an id; type the customer's id as it is in the data.` : `${where}: the customer is blank; type the customer's id or delete the row.`),
      blankTier: (where: string) => `${where}: the tier is blank; type one of the run's tiers or delete the row.`,
      unknownTier: (where: string, value: string, known: string) => `${where}: "${value}" is not one of this run's tiers (${known}); type one of those names.`,
      badUntil: (where: string, value: string) => `${where}: "${value}" is not a date; type the last day the override holds (e.g. 2026-12-31), or leave it blank for no end.`,
      duplicate: (where: string, customer: string, applies: string) => `${where}: customer ${customer} has another override at ${applies}, which applies (it lasts longer); delete one of them.`,
      unknownCustomer: (where: string, customer: string) => `${where}: customer ${customer} is not in this run's data; the override waits until they are.`,
    },
    /** How the names of the run's tiers are joined in `unknownTier`. */
    separator: ", ",
    /** More problems than the list shows. */
    more: (count: number) => `…and ${count} more.`,
    pane: {
      title: "Overrides",
      help: "Your own tier for a customer, with a reason and an end date, kept in the workbook and applied by every run. The run's own tier stays beside it.",
      add: "Add overrides table",
      open: "Go to overrides table",
      added: (sheet: string) => `The overrides table is on the sheet "${sheet}". Type a customer, a tier, a reason and an end date, then run again.`,
      exists: (sheet: string) => `The overrides table is already on the sheet "${sheet}"; it was left as it is.`,
      none: "No overrides table yet.",
      counts: (active: number, expired: number, unmatched: number) => `Overrides: ${active} applied, ${expired} expired, ${unmatched} not in the data.`,
      problemsTitle: "Rows of the overrides table that were not used",
    },
    cli: {
      /** stderr after the output: what the file did. */
      counts: (file: string, active: number, expired: number, unmatched: number) => `${file}: ${active} ${active === 1 ? "override" : "overrides"} applied, ${expired} expired, ${unmatched} not in the data.`,
      needsId: "--overrides matches customers by id: name the id column with --id.",
      missingColumn: (file: string, column: string) => `${file} has no "${column}" column; the overrides file needs customer,tier (or level) and may have reason,until.`,
    },
  },
};

export type OverridesMessages = Widen<typeof overrides>;
