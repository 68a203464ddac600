/**
 * How each tier trends over a history: per snapshot (period) and tier, its customers, share, revenue in
 * the period, revenue per customer, and how the tier's customers at the previous snapshot did since.
 *
 * The rates look back one snapshot, at the customers the tier held then ("of last period's gold
 * customers, how many…"):
 * - retention: the share still active at this snapshot, active meaning frequency > 0 in the snapshot's
 *   own measure. On cumulative snapshots (no window) frequency never falls, so every customer stays
 *   active and retention is always 100 %; with a window of N months, active means "bought in the last
 *   N months", which is what retention is meant to say. The history's window is the fix.
 * - churn: 1 − retention (lapsed: no purchase in the window).
 * - repurchase rate: the share that bought in the period itself (periodAfter, asOf], window or not.
 * - upgrade and downgrade rates: the share now in a better or worse tier (NaN without a known order);
 *   a customer now without a tier counts in neither.
 * The first snapshot has no previous one: its rates are NaN (written as blanks), as is any rate of a
 * tier that held nobody at the previous snapshot, and revenue per customer of an empty tier.
 */
import type { History } from "./history";

export interface TrendRow {
  /** Snapshot index and date. */
  snapshot: number;
  asOf: number;
  tier: string;
  customers: number;
  /** Of the snapshot's tiered customers. */
  share: number;
  /** In the period the snapshot closes. */
  revenue: number;
  revenuePerCustomer: number;
  /** Customers of this tier at the previous snapshot: the base of the rates below. */
  previousCustomers: number;
  retention: number;
  repurchaseRate: number;
  upgradeRate: number;
  downgradeRate: number;
  churnRate: number;
}

/** One row per snapshot × tier (tiers in the history's order; a tier empty now and before is left out). */
export function tierTrends(history: History): TrendRow[] {
  const tiers = history.tierNames.length;
  const rows: TrendRow[] = [];
  const position = new Int32Array(history.customerIds.length).fill(-1);
  for (let k = 0; k < history.snapshots.length; k++) {
    const s = history.snapshots[k];
    const prev = k > 0 ? history.snapshots[k - 1] : null;
    const customers = new Float64Array(tiers);
    const revenue = new Float64Array(tiers);
    let tiered = 0;
    for (let i = 0; i < s.tier.length; i++) {
      const t = s.tier[i];
      if (t < 0) continue;
      customers[t]++;
      revenue[t] += s.periodRevenue[i];
      tiered++;
    }
    const base = new Float64Array(tiers);
    const active = new Float64Array(tiers);
    const bought = new Float64Array(tiers);
    const up = new Float64Array(tiers);
    const down = new Float64Array(tiers);
    if (prev) {
      for (let i = 0; i < s.customers.length; i++) position[s.customers[i]] = i;
      for (let j = 0; j < prev.customers.length; j++) {
        const t = prev.tier[j];
        if (t < 0) continue;
        // Snapshots only add customers: everyone of the previous one is in this one.
        const i = position[prev.customers[j]];
        base[t]++;
        if (s.frequency[i] > 0) active[t]++;
        if (s.periodOrders[i] > 0) bought[t]++;
        const now = s.tier[i];
        if (now >= 0 && now !== t) {
          if (now < t) up[t]++;
          else down[t]++;
        }
      }
      for (let i = 0; i < s.customers.length; i++) position[s.customers[i]] = -1;
    }
    for (let t = 0; t < tiers; t++) {
      if (customers[t] === 0 && base[t] === 0) continue;
      const rate = (x: number) => (prev && base[t] > 0 ? x / base[t] : NaN);
      const ordered = (x: number) => (history.ordered ? rate(x) : NaN);
      rows.push({
        snapshot: k,
        asOf: s.asOf,
        tier: history.tierNames[t],
        customers: customers[t],
        share: tiered > 0 ? customers[t] / tiered : NaN,
        revenue: revenue[t],
        revenuePerCustomer: customers[t] > 0 ? revenue[t] / customers[t] : NaN,
        previousCustomers: base[t],
        retention: rate(active[t]),
        repurchaseRate: rate(bought[t]),
        upgradeRate: ordered(up[t]),
        downgradeRate: ordered(down[t]),
        churnRate: rate(base[t] - active[t]),
      });
    }
  }
  return rows;
}
