/**
 * Upgrade incentives (issue 15 §3): a programme pays for each customer it moves up a tier (a voucher, a
 * welcome gift), so finance asks whether the upgrades paid: the upgrade count × the cost per upgrade
 * against the revenue change of the upgraded customers between the two snapshots.
 *
 * "Up" is the migration's notion (src/core/over-time/migration.ts): a customer in both snapshots whose later
 * tier comes before their earlier one in the tier order, best first. This folder sits below over-time, so
 * the caller passes the order it got from `migrationMatrix` (`tiers`, when `ordered`); without a known order
 * nothing is up or down and the count is null, as the migration's rates are.
 *
 * Revenue change = Σ over the upgraded customers of (later revenue − earlier revenue), each snapshot's
 * revenue as it records it (the period each snapshot summarises). It is a change, not an effect: customers
 * who upgraded were already buying more, so this is what the upgraded did, not what the incentive caused
 * (a pilot group with a control, `tier pilot`, answers that). A snapshot without revenue gives null, never
 * a made-up 0.
 */
import { CoreError } from "../cells/errors";
import { isCost } from "./economics";

export interface UpgradeSnapshot {
  ids: readonly string[];
  /** "" = not tiered (not in the snapshot). */
  tiers: readonly string[];
  /** Per row; NaN or absent: unknown. */
  revenue?: ArrayLike<number>;
}

export interface UpgradeEconomics {
  /** Customers in both snapshots who moved to a better tier; null without a known order. */
  upgrades: number | null;
  costPerUpgrade: number;
  /** upgrades × costPerUpgrade; null with the count. */
  cost: number | null;
  /** Σ (later − earlier revenue) over the upgraded; null without revenue on both sides or without an order. */
  revenueChange: number | null;
  /** revenueChange − cost; null when either is. */
  net: number | null;
  /** Upgraded customers whose revenue is missing (NaN) on a side, left out of the revenue change. */
  missingRevenue: number;
}

/**
 * @param order the tiers best first (migrationMatrix's `tiers` when `ordered`), or null when the order is unknown.
 * Ids are canonical text (customerIdText); an id twice in one snapshot is CoreError "duplicateId".
 */
export function upgradeEconomics(before: UpgradeSnapshot, after: UpgradeSnapshot, order: readonly string[] | null, costPerUpgrade: number): UpgradeEconomics {
  if (!isCost(costPerUpgrade)) throw new CoreError("badCost", { tier: "", field: "perUpgrade", value: costPerUpgrade });
  if (!order) return { upgrades: null, costPerUpgrade, cost: null, revenueChange: null, net: null, missingRevenue: 0 };
  const rank = new Map(order.map((t, k) => [t, k]));
  const earlier = new Map<string, number>();
  for (let i = 0; i < before.ids.length; i++) {
    const id = before.ids[i];
    if (id === "") continue;
    const first = earlier.get(id);
    if (first !== undefined) throw new CoreError("duplicateId", { id, row: i, firstRow: first, snapshot: "before" });
    earlier.set(id, i);
  }
  const hasRevenue = !!before.revenue && !!after.revenue;
  const seen = new Set<string>();
  let upgrades = 0;
  let change = 0;
  let missingRevenue = 0;
  for (let j = 0; j < after.ids.length; j++) {
    const id = after.ids[j];
    if (id === "") continue;
    if (seen.has(id)) throw new CoreError("duplicateId", { id, row: j, firstRow: after.ids.indexOf(id), snapshot: "after" });
    seen.add(id);
    const i = earlier.get(id);
    if (i === undefined || before.tiers[i] === "" || after.tiers[j] === "") continue;
    const from = rank.get(before.tiers[i]);
    const to = rank.get(after.tiers[j]);
    if (from === undefined || to === undefined) throw new CoreError("orderMissingTier", { tier: from === undefined ? before.tiers[i] : after.tiers[j], order: order.join(", ") });
    if (to >= from) continue;
    upgrades++;
    if (!hasRevenue) continue;
    const d = after.revenue![j] - before.revenue![i];
    if (d === d) change += d;
    else missingRevenue++;
  }
  const cost = upgrades * costPerUpgrade;
  if (!Number.isFinite(cost) || !Number.isFinite(change)) throw new CoreError("sumOverflow", { field: "revenue", row: -1, value: Number.isFinite(cost) ? change : cost });
  const revenueChange = hasRevenue ? change : null;
  return { upgrades, costPerUpgrade, cost, revenueChange, net: revenueChange === null ? null : revenueChange - cost, missingRevenue };
}
