/**
 * Per-tier totals (a segment, an ABC class, any labelling of customers): customers, orders and
 * revenue, with shares. Used by the CLI's --summary and, later, by the summary sheet.
 */
export interface TierTotals {
  tier: string;
  customers: number;
  orders: number;
  revenue: number;
  customerShare: number;
  revenueShare: number;
}

/**
 * @param tierOf per customer, an index into `names`; indices ≥ names.length are not counted.
 * @param orders per customer, orders (or any count to add up)
 * @param revenue per customer, revenue
 * @returns one row per name in the order given, tiers without customers included
 */
export function tierTotals(
  tierOf: ArrayLike<number>,
  names: readonly string[],
  orders: ArrayLike<number>,
  revenue: ArrayLike<number>,
): TierTotals[] {
  const rows = names.map((tier) => ({ tier, customers: 0, orders: 0, revenue: 0, customerShare: 0, revenueShare: 0 }));
  let customers = 0;
  let total = 0;
  for (let i = 0; i < tierOf.length; i++) {
    const row = rows[tierOf[i]];
    if (!row) continue;
    row.customers++;
    row.orders += orders[i];
    row.revenue += revenue[i];
    customers++;
    total += revenue[i];
  }
  for (const row of rows) {
    row.customerShare = customers > 0 ? row.customers / customers : 0;
    row.revenueShare = total !== 0 ? row.revenue / total : 0;
  }
  return rows;
}
