/**
 * Over time, the gaps closed after the first pass (issue 14): P(alive) and CLV on the Movers sheet and in
 * `tier movers --predict`, cohorts split by the first tier (=TIER.COHORT's first_tier, `tier cohort --first-tier`,
 * the pane's Cohorts option), and the rebuild's refusal to freeze score bands. One top-level key (`overTimeGaps`)
 * so this part never overwrites another when the parts are spread together.
 */
import type { Widen } from "../widen";

export const overTimeGaps = {
  overTimeGaps: {
    /** Rebuild history with score bands (or ABC by margin) and a freeze chosen. */
    freezeScore:
      'Cut points can be frozen for RFM segments and for ABC classes by revenue or orders. Score bands (and ABC classes by margin) are set within each snapshot, so there is nothing to freeze: choose "Each snapshot its own".',
    movers: {
      /** Movers sheet columns when the pane's settings predict. */
      pAlive: "P(alive)",
      clv: "Predicted CLV",
      /** The note above the table when the columns are there. */
      predicted: (asOf: string, model: string) =>
        `P(alive) and predicted CLV are as of the later snapshot (${asOf}): ${model} fitted on the data up to that date with the pane's Predict settings. A customer gone by then has none.`,
      /** The note when the settings predict but the columns are left out, and why. */
      notPredicted: (reason: string) => `P(alive) and predicted CLV are left out: ${reason}`,
      otherSource: "the later snapshot was made from another data source than the one the pane reads now.",
    },
    cli: {
      predictNeedsTransactions:
        "--predict fits the models on a transactions file as of the later snapshot: give one transactions file (tier movers FILE.csv --predict), not two snapshot files.",
    },
    cohorts: {
      /** The pane's option. */
      splitFirstTier: "Split by first tier",
      splitHint: "One triangle per tier the customers were in at the end of their first month (or quarter), tiered as the summary is.",
      /** Above each first tier's triangle on the sheet. */
      triangleTitle: (tier: string) => `First tier: ${tier}`,
      splitNote:
        "First tier: the customer's tier at the end of the period of their first purchase, tiered with everyone known then as a run on that date would tier them.",
      /** The pane's done line with the split. */
      doneSplit: (sheet: string, tiers: number) => `One triangle for each of ${tiers} first tiers is on the sheet "${sheet}".`,
      /** TIER.COHORT's header of the first-tier column. */
      pooledChart: "Retention by first tier (its cohorts together)",
      firstTierColumn: "First tier",
      badFirstTier: (value: string) => `'first_tier' is "${value}"; use segment (RFM segments) or abc (ABC classes by revenue), or leave it empty for whole cohorts.`,
    },
  },
};

export type OverTimeGapsMessages = Widen<typeof overTimeGaps>;
