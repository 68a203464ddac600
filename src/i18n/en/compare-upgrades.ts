/**
 * The Compare panel's one line on the upgrade incentives (issue 15 §3 in the pane): the Compare sheet has the
 * full lines (economics.upgrades); the pane says the gist so a manager sees whether the upgrades paid without
 * opening the sheet. One top-level key, `compareUpgrades`, so the part spreads beside the others.
 */
import type { Widen } from "../widen";

export const compareUpgrades = {
  compareUpgrades: {
    /** count, cost per upgrade, cost, revenue change, net: already formatted. */
    line: (count: string, per: string, cost: string, change: string, net: string) =>
      `Upgrade incentives: ${count} upgrades × ${per} = ${cost}; the upgraded customers' revenue changed by ${change}; net ${net}.`,
    noRevenue: (count: string, per: string, cost: string) =>
      `Upgrade incentives: ${count} upgrades × ${per} = ${cost}; the revenue change is not defined because the snapshots hold no revenue.`,
    noOrder: "Upgrade incentives: not defined, because these tiers have no order from best to worst.",
  },
};

export type CompareUpgradesMessages = Widen<typeof compareUpgrades>;
