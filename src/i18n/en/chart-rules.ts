/**
 * Issue 17, "Charts and numbers", second part: the scatter of customers (a sample of them, coloured by tier) and the
 * over-time charts (migration, tier trends, cohorts) worded by the chart rules — titles in the pane's wording with
 * the tier basis, axis titles on both axes. One top-level key, `chartRules`, so the part spreads beside the others
 * (`chartText` holds the tier charts' titles and basis words, which these reuse).
 */
import type { Widen } from "../widen";

const n = (x: number) => x.toLocaleString("en-US");

export const chartRules = {
  chartRules: {
    scatter: {
      /** The chart's title: the tier charts' scatter title, then how many customers it draws. */
      title: (title: string, shown: number, customers: number) => (shown === customers ? `${title} (${n(customers)} customers)` : `${title} (${n(shown)} of ${n(customers)} customers)`),
      frequencyAxis: (log: boolean): string => (log ? "Orders per customer (log scale)" : "Orders per customer"),
      monetaryAxis: (log: boolean): string => (log ? "Revenue per customer (log scale)" : "Revenue per customer"),
      frequencyHeader: "Orders",
      monetaryHeader: "Revenue",
      /** The note above the sample's block. */
      block: (shown: number, customers: number) =>
        shown === customers
          ? `Scatter data: all ${n(customers)} customers.`
          : `Scatter data: ${n(shown)} of ${n(customers)} customers, taken evenly by revenue within each tier so that every tier shows.`,
      leftOut: (count: number) => `${n(count)} ${count === 1 ? "customer" : "customers"} with no orders or no positive revenue ${count === 1 ? "is" : "are"} left out: a log scale cannot show 0 or less.`,
      /** The series of the smallest tiers when there are too many to name each in the legend. */
      other: "Other tiers",
      needsRun: "The scatter of customers is drawn from data the run writes beside the charts; run the analysis again, then build the chart.",
    },
    migration: {
      title: (basis: string, before: string, after: string) => `Tier migration by ${basis}, ${before} to ${after}`,
      categoryAxis: (basisAxis: string) => `${basisAxis} in the earlier snapshot`,
      valueAxis: (basis: string) => `Share of the ${basis}'s customers`,
    },
    trends: {
      customersTitle: (basis: string) => `Tier trends: customers by ${basis}`,
      shareTitle: (basis: string) => `Tier trends: share of customers by ${basis}`,
      customersAxis: "Customers",
      shareAxis: "Share of customers",
    },
    cohorts: {
      title: (by: string, measure: string) => `${measure}, cohorts by ${by} of first purchase`,
      valueAxis: { customers: "Share of the cohort who bought", revenue: "Revenue as a share of the first period's" },
    },
  },
};

export type ChartRulesMessages = Widen<typeof chartRules>;
