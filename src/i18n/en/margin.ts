/**
 * Margin CLV from a per-customer margin (issue 13, section 4): `tier predict --margin-column`, the pane's
 * margin setting for predicted CLV, and the Tier Summary's revenue and margin CLV; plus the next-purchase
 * columns of the pane's Tiers and Churn warning sheets (section 3). One top-level key, `margin`, so the part
 * spreads beside the others without overwriting one.
 */
import type { Widen } from "../widen";

export const margin = {
  margin: {
    cli: {
      both: "Give --margin (one rate for every customer) or --margin-column (a margin amount on each row), not both.",
      summaryFile: (file: string) =>
        `--margin-column reads a margin amount on each transaction row, and ${file} is a customer summary: give one rate with --margin instead.`,
      rateProblems: (count: number) =>
        `${count} ${count === 1 ? "customer's" : "customers'"} margin is not between 0 and 100% of their revenue, so clv_margin is left empty for ${count === 1 ? "that customer" : "them"}:`,
      rateProblem: (line: number, customer: string, rate: string) => `  line ${line}: customer ${customer}, margin ${rate} of revenue`,
      noRevenue: (line: number, customer: string) => `  line ${line}: customer ${customer}, no revenue to weigh the margin by`,
      noRate: "no revenue to weigh the margin by",
    },
    /** The settings' problems (src/i18n/settings-problems.ts), for the workbook port and the pane. */
    settings: {
      rate: (value: string) => `The margin of the predicted CLV is ${value}; use a share from 0 to 1 (30% is 0.3).`,
      needsColumn: "The margin of the predicted CLV is to come from the Margin column, but no column is mapped to Margin: map one under Data, or give one rate.",
      within: (value: string) => `The next-purchase window is ${value} months; use a number of months above 0, such as 3.`,
    },
    /** The Predict section's fields (src/taskpane/components/PredictMarginFields.tsx). */
    pane: {
      source: "Margin of predicted CLV",
      sourceHint: "Adds Margin CLV beside the predicted (revenue) CLV, on the Tiers sheet and per tier in the Tier Summary.",
      sources: { none: "None", rate: "One rate for all", column: "From the Margin column" },
      columnHint: "Each customer's margin over their revenue, from the column mapped to Margin.",
      noColumn: "Map a column to Margin under Data to use it here.",
      rate: "Margin rate of predicted CLV (%)",
      within: "Next purchase within (months)",
      withinHint: "The window of P(purchase within) on the Tiers and Churn warning sheets.",
      problems: {
        rate: (value: string) => `Margin of predicted CLV: "${value}" is not a percentage from 0 to 100.`,
        within: (value: string) => `Next purchase within: "${value}" is not a number of months above 0.`,
      },
    },
    /** Sheet headers (the waits and Overdue reuse trust.columns, as =TIER.NEXTPURCHASE heads them). */
    columns: {
      pPurchaseWithin: (months: string) => `P(purchase within ${months} months)`,
    },
    /** The run's warning when customers' margin rates are outside 0–100 % (shown with the fit's diagnostics). */
    workbook: {
      rateProblems: (count: number, customer: string, cell: string, rate: string) =>
        `${count === 1 ? "One customer's" : `${count} customers'`} margin is not between 0 and 100% of their revenue (first: customer ${customer}, from ${cell}: ${rate}), so their Margin CLV is left blank. Check the Margin column holds gross profit in the amount's currency.`,
    },
  },
};

export type MarginMessages = Widen<typeof margin>;
