/**
 * Issue 12's second pass, over the features that landed with issues 13 and 14: sentences that name what the
 * person typed (a command-line option rather than a function's argument, the tier order's argument) and echo
 * no more than a few dozen characters of it. A part of its own (top-level key `hostileNew`) so it merges
 * beside the `hostile` part without overwriting it.
 */
import type { Widen } from "../widen";

export const hostileNew = {
  hostileNew: {
    /** A date option of `tier` (--from, --to, --freeze, --before …) that is not a date; `value` already cut to a few dozen characters. */
    badDateOption: (option: string, value: string) => `${option} is "${value}"; give a date such as 2024-01-05 (from 1900-03-01 to 9999-12-31).`,
    /** `tier`: an amount that takes a customer's total past the largest double; `option` names the column's option. */
    cliSumOverflow: (option: string, value: string) =>
      `The amount ${value} in the ${option} column takes a total beyond the largest number a spreadsheet holds (about 1.8E+308); check that column for a wrong exponent or unit.`,
    /** `tier`: a total (of customers' totals) past the largest double. */
    cliTotalOverflow: (option: string) =>
      `A total of the ${option} column passes the largest number a spreadsheet holds (about 1.8E+308); check that column for values with a wrong exponent or unit.`,
    /** The tier order (`argument`: 'order' in a function, --order in `tier`) leaves out a tier of the data; `order` is cut to a few dozen characters. */
    orderMissingTier: (argument: string, tier: string, order: string) =>
      `'${argument}' (${order}) does not name the tier "${tier}"; list every tier, best first, so that moves up and down can be counted.`,
    /** Every row is a return (amount below 0), so a cohort or a history has no purchase to show. */
    noPurchases: (argument: string, rows: number) =>
      `Every one of the ${rows} rows has an amount below 0 in '${argument}' (returns only), so there is no purchase to count; check that '${argument}' is the amounts column and that sales are positive.`,
    /** `tier history|trends|movers|cohort` on a file whose purchases (`first` to `last`) hold no snapshot date at this --every (they printed a header alone). */
    noSnapshot: (first: string, last: string) =>
      `No snapshot date falls between ${first} and ${last} (the purchases, or --from and --to); give a later --to, or --every with fewer days (such as --every 7).`,
    /** A cohort table whose dates span more than `max` periods (`by`: month or quarter): most likely a wrong date. */
    cohortSpan: (argument: string, periods: number, max: number, by: string, first: string, last: string) =>
      `'${argument}' runs from ${first} to ${last}: ${periods} ${by === "quarter" ? "quarters" : "months"} of cohorts, and a cohort table spans at most ${max}; check '${argument}' for a wrong date (a year such as 1900 or 9999), or take the rows of a shorter period.`,
    /** A customer table (score, clv, migrate, pilot, movers) with a header line and no data row. */
    headerOnly: (file: string) => `${file} has a header line but no data rows; give a file with one row per customer under its header.`,
    /** `tier movers FILE`: the history has fewer than two snapshots, so there is no move to show (it printed a header alone). */
    moversOneSnapshot: (count: number, dates: string) =>
      count === 0
        ? "The history has no snapshot, so nobody moved; give --from and --to around the purchases, or --every with fewer days."
        : `The history has one snapshot (${dates}), and movers need two; give an earlier --from or a later --to, or --every with fewer days (such as --every 7).`,
    /** `tier predict --margin-column`: a customer's margin over revenue passes the largest double (core/models/margin.ts reason "overflow"). */
    marginOverflowLine: (line: number, customer: string) =>
      `  line ${line}: customer ${customer}, margin over revenue beyond the largest number a spreadsheet holds (about 1.8E+308); check the margin and amount on this customer's lines for a wrong exponent or unit`,
    /** The run's warning when the first customer left out of Margin CLV has a margin rate that overflows. */
    marginOverflowNote: (count: number, customer: string, cell: string) =>
      `${count === 1 ? "One customer's" : `${count} customers'`} margin over revenue cannot be used (first: customer ${customer}, from ${cell}: the margin divided by the revenue passes the largest number a spreadsheet holds, about 1.8E+308), so their Margin CLV is left blank. Check that customer's Margin and Amount cells for a wrong exponent or unit.`,
  },
};

export type HostileNewMessages = Widen<typeof hostileNew>;
