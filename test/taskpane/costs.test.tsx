// @vitest-environment happy-dom
/** Issue 15 §3 in the pane: the Costs section's grid by tier, margin and cost per upgrade, sent as settings and shown again. */
import { afterEach, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n";
import { economicsSettingsProblem } from "../../src/excel/summary-economics";
import { economicsFromSettings, economicsToSettings, ECONOMICS_DEFAULTS } from "../../src/taskpane/form/economics";
import { bodyText, choose, cleanup, click, get, type } from "./support/dom";
import { exactly, lastRun, paneWithSelection } from "./support/pane";

const en = messages("en");
afterEach(cleanup);

describe("pane: the Costs section", () => {
  it("off by default: no economics in the settings", async () => {
    const port = await paneWithSelection();
    await click(get("button", en.pane.run));
    expect(lastRun(port)).not.toHaveProperty("economics");
  });

  it("a grid row per tier of the basis plus every other tier; sends costs by tier key, the rate and the cost per upgrade", async () => {
    const port = await paneWithSelection();
    const w = en.economics.pane;
    await click(get("switch", w.enabled));
    const champions = en.segments.champions;
    await type(get("textbox", `${champions}: ${w.perCustomer}`), "12");
    await type(get("textbox", `${champions}: ${w.perOrder}`), "1.5");
    await type(get("textbox", `${champions}: ${w.fixed}`), "300");
    await type(get("textbox", `${w.otherTiers}: ${w.perCustomer}`), "2");
    await type(get("textbox", exactly(w.marginRate)), "35");
    await type(get("textbox", w.costPerUpgrade), "20");
    await click(get("button", en.pane.run));
    expect(lastRun(port).economics).toEqual({
      costs: { champions: { perCustomer: 12, perOrder: 1.5, fixed: 300 } },
      otherTiers: { perCustomer: 2, perOrder: 0, fixed: 0 },
      margin: 0.35,
      costPerUpgrade: 20,
    });
  });

  it("names a bad cost by its tier and column, and the Margin column without a mapped Margin; Run is held", async () => {
    const port = await paneWithSelection();
    const w = en.economics.pane;
    await click(get("switch", w.enabled));
    await type(get("textbox", `${w.otherTiers}: ${w.perOrder}`), "-3");
    await choose(get("combobox", w.marginSource), w.marginSources.column);
    expect(bodyText()).toContain(w.noColumn);
    const runs = port.called("run").length;
    await click(get("button", en.pane.run));
    expect(port.called("run").length).toBe(runs);
    expect(bodyText()).toContain(w.problems.cost(w.otherTiers, w.perOrder, "-3"));
    expect(bodyText()).toContain(w.problems.needsColumn);
  });
});

describe("form/economics", () => {
  it("shows saved settings again as they were sent", () => {
    const saved = { costs: { A: { perCustomer: 1, perOrder: 0.5, fixed: 100 } }, otherTiers: { perCustomer: 0, perOrder: 0, fixed: 0 }, margin: 0.3, costPerUpgrade: null };
    const draft = economicsFromSettings(saved);
    expect(draft).toMatchObject({ costsOn: true, costMarginRate: "30", costPerUpgrade: "" });
    expect(economicsToSettings(draft, false)).toEqual({ settings: saved, problems: [] });
    expect(economicsFromSettings(undefined)).toBe(ECONOMICS_DEFAULTS);
  });

  it("a rate above 100 % and a negative cost per upgrade are the core's problems, worded with the typed text", () => {
    const r = economicsToSettings({ ...ECONOMICS_DEFAULTS, costsOn: true, costMarginRate: "130", costPerUpgrade: "-1" }, true);
    expect(r.problems).toEqual([
      { kind: "economicsRate", value: "130" },
      { kind: "economicsUpgrade", value: "-1" },
    ]);
    expect(economicsToSettings({ ...ECONOMICS_DEFAULTS, costsOn: true, costMargin: "column" }, true, true).problems).toEqual([{ kind: "economicsColumnWindow" }]);
    expect(economicsToSettings({ ...ECONOMICS_DEFAULTS, costsOn: true, costMargin: "column" }, true, false).problems).toEqual([]);
  });

  it("the pane's form and the workbook's port refuse a Margin column with a window alike (one rule: the core's economicsProblems)", () => {
    const columnWindow = en.economics.pane.problems.columnWindow;
    for (const costMargin of ["rate", "column"] as const) {
      for (const hasColumn of [true, false]) {
        for (const windowed of [true, false]) {
          const form = economicsToSettings({ ...ECONOMICS_DEFAULTS, costsOn: true, costMargin }, hasColumn, windowed);
          const pane = form.problems.some((p) => p.kind === "economicsColumnWindow");
          const port = economicsSettingsProblem(form.settings, hasColumn, en, windowed) === columnWindow;
          expect([costMargin, hasColumn, windowed, pane]).toEqual([costMargin, hasColumn, windowed, costMargin === "column" && hasColumn && windowed]);
          expect(port).toBe(pane);
        }
      }
    }
  });
});
