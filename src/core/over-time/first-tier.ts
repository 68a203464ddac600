/**
 * Cohorts split by the first tier (issue 14 §5): which tier each customer was in when they were new.
 *
 * The definition, one for every caller (=TIER.COHORT, `tier cohort --first-tier`, the pane's Cohorts sheet): a
 * customer's first tier is their tier at the end of the period (month or quarter, the cohorts' own) of their first
 * purchase, tiered with everyone else as of that date (the history's snapshot at that period end, so quantile
 * tiers are cut over the customers known then, as a run on that day would cut them). Taking the first period's
 * end rather than the first purchase's day puts every customer of a cohort on the same footing: all are tiered
 * on the same date against the same population.
 *
 * The history is built at every period end from the first purchase's period to the last's (the last one ends
 * after the data, so its snapshot is asked for explicitly: the history's default range stops at the last ended
 * period). A customer without a tier at that snapshot (a custom rule set that matches nobody) has no group: they
 * count in their whole cohort only, so the groups then sum to less than the cohort (said by the callers' notes).
 */
import type { Transactions } from "../transactions/model";
import { periodEnd, periodIndex, type CalendarPeriod } from "../transactions/window";
import { throwFirst } from "../cells/errors";
import { checkCohortSpan, cohortOptionProblems, cohortTable, type CohortOptions, type CohortRow, type CohortTable } from "./cohort";
import { buildHistory, type HistoryTiering } from "./history";

export interface FirstTiers {
  /** Per customer of the table (index into tx.customerIds): index into `names`, −1 none (returns only, or untiered). */
  groupOf: Int32Array;
  /** Tier keys, best first when `ordered`. */
  names: string[];
  ordered: boolean;
}

const isPurchase = (amount: number) => amount > 0 || Object.is(amount, 0);

/** Each customer's tier at the end of the period of their first purchase (see the module comment). */
export function firstTiers(tx: Transactions, by: CalendarPeriod, tiering: HistoryTiering, windowMonths: number | null = null): FirstTiers {
  const customers = tx.customerIds.length;
  const firstDay = new Float64Array(customers).fill(Infinity);
  let last = -Infinity;
  for (let i = 0; i < tx.validRows; i++) {
    const d = tx.date[i];
    if (d > last) last = d;
    if (isPurchase(tx.amount[i]) && d < firstDay[tx.customer[i]]) firstDay[tx.customer[i]] = d;
  }
  const history = buildHistory(tx, { every: by, to: periodEnd(periodIndex(Math.floor(last), by), by), windowMonths, tiering });
  // Per customer, the period of the first purchase; per snapshot, the period it closes.
  const cohortOf = Int32Array.from(firstDay, (d) => (d === Infinity ? -1 : periodIndex(Math.floor(d), by)));
  const groupOf = new Int32Array(customers).fill(-1);
  for (const s of history.snapshots) {
    const period = periodIndex(s.asOf, by);
    for (let k = 0; k < s.customers.length; k++) {
      const c = s.customers[k];
      if (cohortOf[c] === period) groupOf[c] = s.tier[k];
    }
  }
  return { groupOf, names: history.tierNames, ordered: history.ordered };
}

export interface FirstTierCohorts {
  table: CohortTable;
  /** The split's rows, one triangle per first tier (in `tiers` order), each cohorts oldest first. */
  triangles: { tier: string; rows: CohortRow[] }[];
  tiers: string[];
  ordered: boolean;
}

/**
 * The cohort table split by first tier: `table` holds the whole cohorts and the split rows (cohortTable's
 * order), `triangles` the split rows regrouped one triangle per tier, tiers with no customer left out.
 */
export function cohortsByFirstTier(tx: Transactions, options: Omit<CohortOptions, "split">, tiering: HistoryTiering, windowMonths: number | null = null): FirstTierCohorts {
  const by = options.by ?? "month";
  // The options checked before the history is built (a bad `by` would otherwise be worded as a history's error).
  throwFirst(cohortOptionProblems(options));
  // The span before the history: a wrong date (1900 beside 2024) is named as the dates' span, not as too many snapshots.
  checkCohortSpan(tx, by);
  const first = firstTiers(tx, by, tiering, windowMonths);
  const table = cohortTable(tx, { ...options, split: { groupOf: first.groupOf, names: first.names } });
  const triangles = first.names
    .map((tier) => ({ tier, rows: table.rows.filter((r) => r.group === tier) }))
    .filter((t) => t.rows.length > 0);
  return { table, triangles, tiers: first.names, ordered: first.ordered };
}

/**
 * Each first tier's retention pooled over its cohorts: per period since the first, the customers active over
 * the customers of the cohorts that have reached it (measure customers), or their revenue over those cohorts'
 * first-period revenue (measure revenue). One curve per tier, for a chart that compares tiers rather than
 * cohorts; NaN where no cohort has reached the period (or, for revenue, the first period had none).
 */
export function pooledRetention(split: FirstTierCohorts): { tier: string; values: number[] }[] {
  const width = split.table.width;
  const revenue = split.table.measure === "revenue";
  return split.triangles.map((t) => {
    const values: number[] = [];
    for (let k = 0; k < width; k++) {
      let top = 0;
      let base = 0;
      for (const r of t.rows) {
        if (k >= r.values.length) continue;
        top += revenue ? r.revenue[k] : r.active[k];
        base += revenue ? r.revenue[0] : r.customers;
      }
      values.push(base > 0 ? top / base : NaN);
    }
    return { tier: t.tier, values };
  });
}
