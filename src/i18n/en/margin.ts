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
      noRate: "no revenue to weigh the margin by",
    },
  },
};

export type MarginMessages = Widen<typeof margin>;
