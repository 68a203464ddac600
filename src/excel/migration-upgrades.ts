/**
 * The Compare sheet's upgrade incentive lines (issue 15 §3): with a cost per upgrade in the saved settings, the
 * upgrades between the two snapshots × that cost against the upgraded customers' revenue change (the core's
 * upgradeEconomics, src/core/tiers/economics-upgrades.ts, on the snapshots' revenue). Segments have no order
 * from best to worst, so for them (as for any unordered tiers) the lines say the figures are not defined
 * rather than show a 0. Kept apart from jobs/migration.ts so that job gains three lines.
 */
import type { MigrationMatrix } from "../core/over-time/migration";
import { upgradeEconomics } from "../core/tiers/economics-upgrades";
import type { Messages } from "../i18n";
import { FORMAT } from "./formats";
import type { UpgradeEconomicsReport } from "./port-over-time";
import { isAnalysisSettings, upgradeSettings } from "./settings";
import { block, num, text, type Block, type Cell } from "./summary";

/** The saved settings' cost per upgrade (a loaded `tiering.settings` item), or null when none is set. */
export function savedCostPerUpgrade(item: { isNullObject: boolean; value: unknown }): number | null {
  if (item.isNullObject || !isAnalysisSettings(item.value)) return null;
  return upgradeSettings(item.value).economics?.costPerUpgrade ?? null;
}

/**
 * The caption and block below `row`, or null without a cost per upgrade. `ordered`: whether up and down mean
 * something for these tiers (false for segments).
 */
export function upgradeLines(
  row: number,
  cost: number | null,
  snapshots: { before: { ids: readonly string[]; tiers: readonly string[]; revenue: ArrayLike<number> }; after: { ids: readonly string[]; tiers: readonly string[]; revenue: ArrayLike<number> } },
  matrix: MigrationMatrix,
  ordered: boolean,
  m: Messages,
): { caption: { row: number; text: string }; block: Block; endRow: number; economics: UpgradeEconomicsReport } | null {
  if (cost === null) return null;
  const u = m.economics.upgrades;
  const e = upgradeEconomics(snapshots.before, snapshots.after, ordered && matrix.ordered ? matrix.tiers : null, cost);
  const money = (v: number | null): Cell => (v === null ? text(e.upgrades === null ? u.noOrder : u.noRevenue) : num(v, FORMAT.money, 2));
  const cells: Cell[][] = [
    [text(u.title), text("")],
    [text(u.upgrades), e.upgrades === null ? text(u.noOrder) : num(e.upgrades, FORMAT.whole)],
    [text(u.costPerUpgrade), num(e.costPerUpgrade, FORMAT.money, 2)],
    [text(u.cost), money(e.cost)],
    [text(u.revenueChange), money(e.revenueChange)],
    [text(u.net), money(e.net)],
    [text(u.caveat), text("")],
  ];
  const b = block(row + 1, 0, cells.slice(1));
  const economics = { upgrades: e.upgrades, costPerUpgrade: e.costPerUpgrade, cost: e.cost, revenueChange: e.revenueChange, net: e.net };
  return { caption: { row, text: u.title }, block: b, endRow: b.row + b.values.length + 1, economics };
}
