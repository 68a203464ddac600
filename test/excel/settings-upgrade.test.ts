/** Settings saved by the earlier shape (issue 10: one settings shape) still load, key their snapshots alike, and run as before. */
import { describe, expect, it } from "vitest";
import { CoreError } from "../../src/core/cells/errors";
import type { AnalysisSettings } from "../../src/excel/port";
import { en } from "../../src/i18n/en";
import { describeCoreError } from "../../src/i18n/describe";
import { isAnalysisSettings, SETTINGS_KEY, upgradeSettings, type SavedSettings } from "../../src/excel/settings";
import { tieringOf } from "../../src/excel/tiering";
import { bookWithTransactions, settingsFor, transactions } from "./helpers";

const BASE = settingsFor(5, { summaryBy: "segment" });
const RULE = { name: "VIP", r: [4, 5] as [number, number], f: [1, 5] as [number, number], m: [1, 5] as [number, number] };

/** The earlier shape's RFM settings: breakpoints by letter, "custom" and the grid rows. */
const oldSettings = (rfm: unknown): SavedSettings => ({ ...BASE, rfm: rfm as SavedSettings["rfm"] });

describe("upgradeSettings", () => {
  it("renames the breakpoints to the core's names", () => {
    const old = oldSettings({ bins: 4, breakpoints: { r: [30, 90, 180], f: [1, 2, 5], m: [50, 100, 500] }, scheme: "rfm", rules: [] });
    expect(upgradeSettings(old).rfm).toEqual({ bins: 4, breakpoints: { recency: [30, 90, 180], frequency: [1, 2, 5], monetary: [50, 100, 500] }, scheme: "rfm" });
  });

  it("reads the custom scheme and its grid rows as the rules (names trimmed), and drops a built-in scheme's leftover rules", () => {
    const custom = oldSettings({ bins: 5, breakpoints: null, scheme: "custom", rules: [{ ...RULE, name: " VIP " }, { name: "Rest", r: [1, 5], f: [1, 5], m: [1, 5] }] });
    expect(upgradeSettings(custom).rfm).toEqual({ bins: 5, breakpoints: null, scheme: [RULE, { name: "Rest", r: [1, 5], f: [1, 5], m: [1, 5] }] });
    expect(upgradeSettings(oldSettings({ bins: 5, breakpoints: null, scheme: "cn8", rules: [RULE] })).rfm).toEqual({ bins: 5, breakpoints: null, scheme: "cn8" });
  });

  it("leaves settings in the current shape as they are, and fills the fields added later", () => {
    const current = settingsFor(5, { rfm: { bins: 5, breakpoints: { recency: [1, 2, 3, 4] }, scheme: [RULE] } });
    expect(upgradeSettings(current)).toEqual(current);
    const { predict: _p, strategies: _s, ...older } = current;
    const { order: _o, ...mapping } = current.mapping;
    expect(upgradeSettings({ ...older, score: undefined, mapping })).toEqual({ ...current, score: null });
    expect(upgradeSettings({ ...current, rfm: null }).rfm).toBeNull();
  });

  it("keys the tiers of upgraded settings as the earlier shape's key, so old snapshots still compare", () => {
    const old = oldSettings({ bins: 5, breakpoints: { r: [1, 2, 3, 4], f: [1, 2, 3, 4], m: [1, 2, 3, 4] }, scheme: "custom", rules: [RULE] });
    expect(tieringOf(upgradeSettings(old))).toBe(
      '{"bins":5,"breakpoints":{"f":[1,2,3,4],"m":[1,2,3,4],"r":[1,2,3,4]},"rules":[["VIP",[4,5],[1,5],[1,5]]],"scheme":"custom","tierBy":"segment"}',
    );
    expect(tieringOf(upgradeSettings(oldSettings({ bins: 5, breakpoints: null, scheme: "rfm", rules: [RULE] })))).toBe(
      '{"bins":5,"breakpoints":null,"rules":[],"scheme":"rfm","tierBy":"segment"}',
    );
  });

  it("loads and runs a workbook's settings saved in the earlier shape as the same settings in the new one", async () => {
    const rows = transactions(40);
    const old = { ...settingsFor(rows.length, { summaryBy: "segment" }), rfm: { bins: 5, breakpoints: null, scheme: "custom", rules: [RULE, { name: "Rest", r: [1, 5], f: [1, 5], m: [1, 5] }] } };
    const current: AnalysisSettings = { ...old, rfm: { bins: 5, breakpoints: null, scheme: [RULE, { name: "Rest", r: [1, 5], f: [1, 5], m: [1, 5] }] } };
    expect(isAnalysisSettings(old)).toBe(true);
    const { book, port } = bookWithTransactions(rows);
    await book.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, old);
      await context.sync();
    });
    expect(await port.loadSettings()).toEqual(current);
    const fromOld = await port.run(old as unknown as AnalysisSettings, { locale: "en" });
    const summaryOld = book.values("Tier Summary");
    const again = bookWithTransactions(rows);
    const fromNew = await again.port.run(current, { locale: "en" });
    expect(again.book.values("Tier Summary")).toEqual(summaryOld);
    expect({ ...fromNew, snapshot: null }).toEqual({ ...fromOld, snapshot: null });
    expect(fromNew.snapshot?.tiering).toBe(fromOld.snapshot?.tiering);
  });

  it("reads a saved grid row's null bound as open and skips a row with nothing in it, as the grid reader did, so the rules still run", async () => {
    const rows = transactions(40);
    const rfm = {
      bins: 5,
      breakpoints: null,
      scheme: "custom",
      rules: [
        { name: "Recent", r: [4, null], f: [null, null], m: [null, 5] },
        { name: " ", r: [null, null], f: [null, null], m: [null, null] },
        { name: "Rest", r: [1, 5], f: [1, 5], m: [1, 5] },
      ],
    };
    const old = { ...settingsFor(rows.length, { summaryBy: "segment" }), rfm };
    const rules = [{ name: "Recent", r: [4, Infinity], f: [-Infinity, Infinity], m: [-Infinity, 5] }, { name: "Rest", r: [1, 5], f: [1, 5], m: [1, 5] }];
    expect(upgradeSettings(old as SavedSettings).rfm).toEqual({ bins: 5, breakpoints: null, scheme: rules });
    const { book, port } = bookWithTransactions(rows);
    await book.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, old);
      await context.sync();
    });
    const loaded = await port.loadSettings();
    expect(loaded?.rfm).toEqual({ bins: 5, breakpoints: null, scheme: rules });
    const report = await port.run(loaded!, { locale: "en" });
    expect(report.customers).toBeGreaterThan(0);
  });

  it("refuses custom rules that a grid would have refused (the run used to read them back from their grid), with the same sentence", async () => {
    const rows = transactions(10);
    const { port } = bookWithTransactions(rows);
    const settings = settingsFor(rows.length, { summaryBy: "segment", rfm: { bins: 5, breakpoints: null, scheme: [{ ...RULE, name: " " }] } });
    await expect(port.run(settings, { locale: "en" })).rejects.toThrow(describeCoreError(new CoreError("badRule", { row: 1, problem: "ruleNameBlank" }), en));
  });
});

describe("the port's settings check", () => {
  it("refuses settings by the core's one check before reading the rows, worded as the run's error was (CLV years ≥ 0: 0 runs, −1 does not)", async () => {
    const rows = transactions(10);
    const { port } = bookWithTransactions(rows);
    const settings = settingsFor(rows.length);
    await expect(port.run({ ...settings, clv: { ...settings.clv!, years: -1 } }, { locale: "en" })).rejects.toThrow(en.workbook.errors.clvYears("-1"));
    await expect(port.run({ ...settings, abc: { ...settings.abc!, basis: "margin" } }, { locale: "en" })).rejects.toThrow(en.workbook.errors.marginBasisNeedsColumn);
    // The core's one mapping check: a column given two roles is refused by a run as by the pane.
    await expect(port.run({ ...settings, mapping: { ...settings.mapping, extra: 2 } }, { locale: "en" })).rejects.toThrow(
      en.workbook.errors.mappingShared(en.workbook.roles.amount, en.workbook.roles.extra),
    );
    await expect(port.run({ ...settings, mapping: { ...settings.mapping, date: -1 } }, { locale: "en" })).rejects.toThrow(en.workbook.errors.mappingMissing(en.workbook.roles.date));
    const report = await port.run({ ...settings, clv: { ...settings.clv!, years: 0 } }, { locale: "en" });
    expect(report.customers).toBeGreaterThan(0);
  });
});
