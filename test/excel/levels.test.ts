/**
 * Membership levels on the stand-in (issue 15 §1): "Compute levels" writes the Levels, Level changes and Downgrade
 * warnings sheets, each the core's result (src/core/over-time/levels.ts `computeLevels`, run here on the same rows)
 * cell for cell, on CDNOW_master; in a number of syncs that does not grow with the customers (100 and 10,000), each
 * request under Office's 5 MB; replacing its own three sheets, never the person's, keeping one the person edits
 * while it runs (issue 11), the policy saved with the settings. Run under both host profiles (vitest.config.mts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPurchases } from "../../src/core/analysis/rows";
import { computeLevels, levelAfterDowngrade, type LevelPolicy } from "../../src/core/over-time/levels";
import { createWorkbookPort } from "../../src/excel/jobs";
import type { AnalysisSettings, LevelsSettings } from "../../src/excel/port";
import { OWNED_KEY, SETTINGS_KEY } from "../../src/excel/settings";
import { messages } from "../../src/i18n";
import { cdnowAllSheets } from "../../src/preview/datasets";
import { createStandIn } from "../../src/standin";
import { actingAfter } from "./dynamic-support";
import { expectSyncsUnderLimit, settingsFor, transactions } from "./helpers";

const en = messages("en");
const zh = messages("zh-CN");
const DATA = new URL("../../../shared/data/", import.meta.url).pathname;

const THREE: LevelsSettings = {
  levels: [
    { name: "Silver", entry: 100, keep: 80 },
    { name: "Gold", entry: 300, keep: 240 },
    { name: "Platinum", entry: 1000, keep: 800 },
  ],
  metric: "spend",
  windowMonths: 12,
  validityMonths: 12,
};

function cdnowBook() {
  const [spec] = cdnowAllSheets(readFileSync(`${DATA}CDNOW_master.txt`, "utf8"));
  const b = createStandIn();
  b.addSheet(spec.sheet, spec.rows);
  const settings: AnalysisSettings = {
    ...settingsFor(spec.rows.length - 1),
    source: { kind: "range", sheet: spec.sheet, address: `A1:D${spec.rows.length}` },
    mapping: { customer: 0, date: 1, amount: 3, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 },
  };
  return { book: b, port: createWorkbookPort(b.host), rows: spec.rows.slice(1), settings };
}

/** The core on the same rows, as the job reads them. */
function core(rows: unknown[][], settings: AnalysisSettings, policy: LevelPolicy, asOf: number) {
  const m = settings.mapping;
  const { tx } = readPurchases({ customers: rows.map((r) => r[m.customer]), dates: rows.map((r) => r[m.date]), amounts: rows.map((r) => r[m.amount]) }, { keepReturns: true });
  return computeLevels(tx, policy, asOf);
}

const iso = (serial: number) => new Date((serial - 25569) * 86400000).toISOString().slice(0, 10);
const round2 = (v: number) => Math.round(v * 100) / 100;
/** The data rows of a sheet's table (its header at row 4). */
const tableOf = (b: ReturnType<typeof createStandIn>, sheet: string) => b.values(sheet).slice(4).filter((r) => r.some((v) => v !== "" && v !== null));

describe("Compute levels on CDNOW_master (three spend levels)", () => {
  it("writes the three sheets as the core computes them, the policy with the settings", async () => {
    const { book: b, port, rows, settings } = cdnowBook();
    const report = await port.writeLevels(settings, { policy: THREE, asOf: "1998-06-30" }, "en");
    expectSyncsUnderLimit(b.syncLog());
    const asOf = 35976; // 1998-06-30
    expect(iso(asOf)).toBe("1998-06-30");
    const r = core(rows, settings, THREE, asOf);
    expect(report.customers).toBe(23570);
    expect(report.customers).toBe(r.customerIds.length);
    expect(report.asOf).toBe("1998-06-30");
    expect(report.reviews).toEqual({ first: iso(r.reviews.first), last: iso(r.reviews.last), count: r.reviews.count });
    expect(report.reviews.count).toBe(18);
    expect(report.sheets).toEqual({ levels: "Levels", changes: "Level changes", warnings: "Downgrade warnings" });

    // Levels: one row per customer, in the core's order, every cell the core's.
    const levels = tableOf(b, "Levels");
    expect(b.values("Levels")[3]).toEqual(Object.values(en.levelsPane.book.levelsColumns).map((h) => (typeof h === "string" ? h : h("Spend"))));
    expect(levels.length).toBe(r.customerIds.length);
    const name = (k: number) => (k < 0 ? en.levelsPane.book.none : THREE.levels[k].name);
    levels.forEach((row, i) => {
      const k = r.level[i];
      expect(row).toEqual([
        r.customerIds[i],
        name(k),
        k < 0 ? "" : r.since[i],
        k < 0 ? "" : r.expires[i],
        round2(r.metric[i]),
        k === THREE.levels.length - 1 ? "" : round2(r.gapToNext[i]),
        k < 0 ? "" : round2(r.gapToKeep[i]),
        r.downgradesNextReview[i] ? en.levelsPane.book.yes : "",
      ]);
    });
    expect(b.numberFormats("Levels", "C5:C5")[0][0]).toBe("yyyy-mm-dd");
    expect(b.numberFormats("Levels", "E5:E5")[0][0]).toBe("#,##0.00");
    const counts = THREE.levels.map((_, k) => r.level.filter((x) => x === k).length);
    expect(report.perLevel).toEqual(THREE.levels.map((l, k) => ({ level: l.name, customers: counts[k] })));
    expect(report.noLevel).toBe(r.level.filter((x) => x < 0).length);
    expect(counts.every((c) => c > 0)).toBe(true);

    // Level changes: every change, as the core listed them, reasons in words.
    const changes = tableOf(b, "Level changes");
    expect(changes.length).toBe(r.changes.length);
    expect(report.changes).toBe(r.changes.length);
    changes.forEach((row, i) => {
      const c = r.changes[i];
      expect(row).toEqual([r.customerIds[c.customer], c.date, name(c.from), name(c.to), en.levelsPane.book.reasons[c.reason]]);
    });
    expect(new Set(changes.map((row) => row[4]))).toEqual(new Set(["Upgrade", "Kept", "Downgrade"]));

    // Downgrade warnings: exactly the flagged customers, smallest gap to keep first, what they need to keep the level.
    const warnings = tableOf(b, "Downgrade warnings");
    const flagged = [...r.downgradesNextReview.keys()].filter((i) => r.downgradesNextReview[i]);
    expect(warnings.length).toBe(flagged.length);
    expect(report.warnings).toBe(flagged.length);
    expect(flagged.length).toBeGreaterThan(0);
    expect(new Set(warnings.map((row) => row[0]))).toEqual(new Set(flagged.map((i) => r.customerIds[i])));
    const need = warnings.map((row) => row[5] as number);
    expect(need).toEqual([...need].sort((x, y) => x - y));
    const byId = new Map(r.customerIds.map((id, i) => [id, i]));
    for (const row of warnings) {
      const i = byId.get(row[0] as string)!;
      expect(row).toEqual([r.customerIds[i], name(r.level[i]), r.expires[i], round2(r.metric[i]), THREE.levels[r.level[i]].keep, round2(r.gapToKeep[i]), name(levelAfterDowngrade(THREE.levels, r.level[i], r.metric[i]))]);
      expect(row[5]).toBeGreaterThan(0);
    }

    // Three Excel tables, the sheets the add-in's, the policy saved with the settings.
    expect(b.tables().map((t) => t.name)).toEqual(expect.arrayContaining(["TieringLevels", "TieringLevelChanges", "TieringDowngradeWarnings"]));
    const owned = b.settings()[OWNED_KEY] as string[];
    for (const s of ["Levels", "Level changes", "Downgrade warnings"]) expect(owned).toContain(b.sheet(s)!.id);
    expect((b.settings()[SETTINGS_KEY] as AnalysisSettings).levelPolicy).toEqual(THREE);
    const reloaded = await port.loadSettings("en");
    expect(reloaded?.levelPolicy).toEqual(THREE);
  }, 20_000);
});

describe("syncs, ownership and words", () => {
  const small = (customers: number) => {
    const rows = transactions(customers, 3);
    const b = createStandIn();
    b.addSheet("Data", [["Customer", "Date", "Amount", "Category", "Rating"], ...rows]);
    return { book: b, port: createWorkbookPort(b.host), settings: settingsFor(rows.length) };
  };
  const POLICY: LevelsSettings = { ...THREE, levels: [{ name: "Silver", entry: 200, keep: 150 }, { name: "Gold", entry: 600, keep: 500 }] };

  it("nets a return off the spend as =TIER.LEVELS and tier levels do: a refunded purchase gives no level", async () => {
    const b = createStandIn();
    const rows = [["r", 45300, 300], ["r", 45310, -300], ["k", 45300, 300]];
    b.addSheet("Data", [["Customer", "Date", "Amount"], ...rows]);
    const settings: AnalysisSettings = {
      ...settingsFor(rows.length),
      source: { kind: "range", sheet: "Data", address: "A1:C4" },
      mapping: { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 },
    };
    await createWorkbookPort(b.host).writeLevels(settings, { policy: POLICY, asOf: null }, "en");
    const level = new Map(tableOf(b, "Levels").map((r) => [r[0], r[1]]));
    // r bought 300 and returned it (net 0): no level; k kept 300: Silver.
    expect(level.get("r")).toBe(en.levelsPane.book.none);
    expect(level.get("k")).toBe("Silver");
  });

  it("takes the same number of syncs for 100 and 10,000 customers, each request under 5 MB, the first time and replacing its sheets", async () => {
    const counts: number[][] = [];
    for (const n of [100, 10_000]) {
      const { book: b, port, settings } = small(n);
      await port.writeLevels(settings, { policy: POLICY, asOf: null }, "en");
      expectSyncsUnderLimit(b.syncLog());
      const first = b.syncLog().length;
      b.resetSyncLog();
      const again = await port.writeLevels(settings, { policy: POLICY, asOf: null }, "en");
      expectSyncsUnderLimit(b.syncLog());
      counts.push([first, b.syncLog().length]);
      // Replaced in place: no "(2)" sheets, the same table names.
      expect(again.sheets).toEqual({ levels: "Levels", changes: "Level changes", warnings: "Downgrade warnings" });
      expect(b.sheets().filter((s) => s.name.startsWith("Level")).map((s) => s.name).sort()).toEqual(["Level changes", "Levels"]);
      expect(b.tables().map((t) => t.name).filter((t) => t.startsWith("Tiering")).sort()).toEqual(["TieringDowngradeWarnings", "TieringLevelChanges", "TieringLevels"]);
    }
    expect(counts[1]).toEqual(counts[0]);
  }, 20_000);

  it("never replaces the person's sheet of the same name, and keeps one the person edits while it runs", async () => {
    const { book: b, port, settings } = small(80);
    b.addSheet("Levels", [["my own notes"]]);
    const first = await port.writeLevels(settings, { policy: POLICY, asOf: null }, "en");
    expect(first.sheets.levels).toBe("Levels (2)");
    expect(b.values("Levels")).toEqual([["my own notes"]]);
    // The person types into the Level changes sheet after the job's first sync.
    const old = b.sheet("Level changes")!;
    const acting = createWorkbookPort(actingAfter(b, 1, () => b.model.sheet(old.id)!.setValue(0, 10, "call these")));
    const report = await acting.writeLevels(settings, { policy: POLICY, asOf: null }, "en");
    expect(report.sheets).toEqual({ levels: "Levels (2)", changes: "Level changes (2)", warnings: "Downgrade warnings" });
    expect(b.values("Level changes")[0][10]).toBe("call these");
    expect(report.keptNote).toBe(en.ownership.keptEdited(1, `"Level changes"`, `"Level changes (2)"`));
    expect(b.settings()[OWNED_KEY]).not.toContain(old.id);
    expect(b.model.changeListeners.size).toBe(0);
  });

  it("names the sheets, headers and reasons in Chinese, and refuses a bad policy in the grid's words before writing", async () => {
    const { book: b, port, settings } = small(80);
    const zhPolicy: LevelsSettings = { ...POLICY, levels: [{ name: "银卡", entry: 200, keep: 150 }, { name: "金卡", entry: 600, keep: 500 }] };
    const report = await port.writeLevels(settings, { policy: zhPolicy, asOf: null }, "zh-CN");
    expect(report.sheets).toEqual({ levels: "会员等级", changes: "等级变动", warnings: "降级预警" });
    expect(b.values("会员等级")[3].slice(0, 2)).toEqual(["客户", "等级"]);
    const reasons = new Set(tableOf(b, "等级变动").map((row) => row[4]));
    expect([...reasons].every((x) => Object.values(zh.levelsPane.book.reasons).includes(x as string))).toBe(true);
    const sheets = b.sheets().length;
    const bad: LevelsSettings = { ...POLICY, levels: [{ name: "Silver", entry: 200, keep: 250 }, { name: "", entry: 100, keep: 50 }] };
    await expect(port.writeLevels(settings, { policy: bad, asOf: null }, "en")).rejects.toThrow(en.levelsPane.problems.keepAboveEntry("1"));
    await expect(port.writeLevels(settings, { policy: bad, asOf: null }, "en")).rejects.toThrow(en.levelsPane.problems.blankName("2"));
    expect(b.sheets().length).toBe(sheets);
  });

  it("offers example thresholds at the quantiles of the customers' spend over the window", async () => {
    const { port, settings } = small(200);
    const ex = await port.levelExamples(settings, { metric: "spend", windowMonths: 12 }, "en");
    expect(ex.customers).toBe(200);
    expect(ex.quantiles).toHaveLength(4);
    // The values the job gave with its own PERCENTILE.INC before it took the core's type 7 quantile (unchanged).
    expect(ex.quantiles).toEqual([584.935, 842.49, 1124.119, 1341.8591]);
    expect(ex.quantiles.every((q, k) => k === 0 || q >= ex.quantiles[k - 1])).toBe(true);
    const orders = await port.levelExamples(settings, { metric: "orders", windowMonths: 12 }, "en");
    expect(orders.quantiles.every((q) => q >= 1 && q <= 4)).toBe(true);
    expect(orders.quantiles).toEqual([3, 3, 4, 4]);
    // No customer bought in the window: no quantile, never NaN.
    const none = await port.levelExamples({ ...settings, asOf: "2050-06-30" }, { metric: "spend", windowMonths: 1 }, "en");
    expect(none).toMatchObject({ customers: 0, quantiles: [] });
  });
});

describe("the saved policy", () => {
  it("loads with the settings, and a policy not in the shape the pane reads is dropped, the rest loading as before", async () => {
    const b = createStandIn();
    const port = createWorkbookPort(b.host);
    const settings = settingsFor(10);
    await port.saveSettings({ ...settings, levelPolicy: THREE }, "en");
    expect((await port.loadSettings("en"))?.levelPolicy).toEqual(THREE);
    for (const broken of [{ levels: "gold" }, { ...THREE, metric: "visits" }, { ...THREE, levels: [{ name: 1, entry: 1, keep: 1 }] }]) {
      await port.saveSettings({ ...settings, levelPolicy: broken as unknown as LevelsSettings }, "en");
      const loaded = await port.loadSettings("en");
      expect(loaded).not.toBeNull();
      expect(loaded!.levelPolicy).toBeUndefined();
      expect(loaded!.mapping).toEqual(settings.mapping);
    }
    // Settings saved before levels existed load unchanged (no field).
    await port.saveSettings(settings, "en");
    expect("levelPolicy" in (await port.loadSettings("en"))!).toBe(false);
  });
});
