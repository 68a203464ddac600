/**
 * Issue 15 §3 on the Compare sheet: with a cost per upgrade in the saved settings, the upgrade incentive lines
 * (upgrades, cost per upgrade, upgrade cost, revenue change of the upgraded, net) equal the core's
 * upgradeEconomics on the two snapshots; segments say "not defined"; without the cost the sheet is as before and
 * the job's syncs are as many.
 */
import { describe, expect, it } from "vitest";
import { upgradeEconomics } from "../../src/core/tiers/economics-upgrades";
import type { EconomicsOptions } from "../../src/core/tiers/economics";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { END, MID, coreSnapshot, settingsOn, twoPeriods } from "./dynamic-support";

const ECONOMICS: EconomicsOptions = { costs: {}, otherTiers: { perCustomer: 1, perOrder: 0, fixed: 0 }, margin: 0.3, costPerUpgrade: 12.5 };

async function compared(economics: EconomicsOptions | null, summaryBy: "abcClass" | "segment" = "abcClass", locale: "en" | "zh-CN" = "en") {
  const { book, port, h1, year } = twoPeriods(120);
  const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30", { economics, summaryBy }), { locale })).snapshot!;
  const after = (await port.run(settingsOn("Year", year.length, "2024-12-31", { economics, summaryBy }), { locale })).snapshot!;
  const syncs = book.syncLog().length;
  const report = await port.compareSnapshots(before.id, after.id, locale);
  return { book, report, before, after, syncs: book.syncLog().length - syncs, values: book.values(report.sheet, "A1:M80") };
}

describe("the Compare sheet's upgrade incentives", () => {
  const u = en.economics.upgrades;

  it("equal the core's upgradeEconomics on the snapshots, below the effects; the report carries them for the pane", async () => {
    const { book, before, after, values, report } = await compared(ECONOMICS);
    const b = coreSnapshot(book, before.id, MID);
    const a = coreSnapshot(book, after.id, END);
    const e = upgradeEconomics(b, a, ["A", "B", "C"], 12.5);
    expect(e.upgrades).toBeGreaterThan(0);
    const at = values.findIndex((r) => r[0] === u.title);
    expect(at).toBeGreaterThan(values.findIndex((r) => r[0] === en.workbook.migration.effects));
    const line = (label: string) => values.find((r) => r[0] === label)![1];
    expect(line(u.upgrades)).toBe(e.upgrades);
    expect(line(u.costPerUpgrade)).toBe(12.5);
    expect(line(u.cost)).toBeCloseTo(e.cost!, 2);
    expect(line(u.revenueChange)).toBeCloseTo(e.revenueChange!, 2);
    expect(line(u.net)).toBeCloseTo(e.net!, 2);
    expect(values.some((r) => r[0] === u.caveat)).toBe(true);
    expect(report.upgradeEconomics).toEqual({ upgrades: e.upgrades, costPerUpgrade: 12.5, cost: e.cost, revenueChange: e.revenueChange, net: e.net });
  });

  it("segments: not defined, not 0; in Chinese too", async () => {
    const { values, report } = await compared(ECONOMICS, "segment", "zh-CN");
    expect(report.upgradeEconomics).toEqual({ upgrades: null, costPerUpgrade: 12.5, cost: null, revenueChange: null, net: null });
    const z = zhCN.economics.upgrades;
    expect(values.find((r) => r[0] === z.upgrades)![1]).toBe(z.noOrder);
    expect(values.find((r) => r[0] === z.net)![1]).toBe(z.noOrder);
  });

  it("without a cost per upgrade there are no such lines, and the job's syncs are as many", async () => {
    const none = await compared(null);
    expect(none.values.some((r) => r[0] === u.title)).toBe(false);
    expect(none.report.upgradeEconomics).toBeNull();
    const some = await compared(ECONOMICS);
    expect(some.syncs).toBe(none.syncs);
  });
});
