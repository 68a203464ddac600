// @vitest-environment happy-dom
/**
 * Membership levels in the pane (issue 15 §1), against the fake port: the policy grid (names in any language, add,
 * remove, reorder), its problems worded with the grid's labels as the person types (the core's rule), examples scaled
 * to the data's quantiles in English or Chinese names, the request sent with the form's settings, the report (per
 * level, downgrade warnings, the kept-sheet notice), the policy carried into the run's saved settings and back from
 * saved settings, and Chinese.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { AnalysisSettings, LevelsRequest, LevelsSettings } from "../../src/excel/port";
import { messages } from "../../src/i18n";
import { App } from "../../src/taskpane/App";
import { DEFAULT_LEVEL_MONTHS } from "../../src/core/over-time/levels";
import { defaultLevelsDraft, exampleDraft, examplesWindowMonths, policyFromDraft, roundThreshold } from "../../src/taskpane/levels";
import { all, bodyText, choose, cleanup, click, get, query, render, type } from "./support/dom";
import { FakePort } from "./support/fake-port";
import { lastRun, paneWithSelection } from "./support/pane";
import { READY } from "./support/form";
import { settingsFromForm } from "../../src/taskpane/form";

const en = messages("en");
const zh = messages("zh-CN");
const p = en.levelsPane;

afterEach(cleanup);

const cell = (row: number, column: keyof typeof p.columns, m = en) => get("textbox", m.levelsPane.cell(String(row), m.levelsPane.columns[column]));

describe("the policy grid as data", () => {
  it("measures the examples over the grid's window as the policy reads it, else the core's default (as =TIER.LEVELS and tier levels)", () => {
    const draft = defaultLevelsDraft("en");
    for (const window of ["6", " 24 ", "1", "1200"]) {
      const policy = policyFromDraft({ ...draft, window }, en);
      expect(policy.ok).toBe(true);
      expect(examplesWindowMonths({ window })).toBe(policy.ok ? policy.policy.windowMonths : NaN);
    }
    for (const window of ["", "0", "abc", "12.5", "-3", "1201"]) {
      expect(policyFromDraft({ ...draft, window }, en).ok).toBe(false);
      expect(examplesWindowMonths({ window })).toBe(DEFAULT_LEVEL_MONTHS);
    }
  });
  it("reads the grid into the core's policy, and words each problem with the grid's labels", () => {
    const draft = defaultLevelsDraft("zh-CN");
    expect(policyFromDraft(draft, en)).toEqual({
      ok: true,
      policy: { levels: [{ name: "银卡", entry: 100, keep: 80 }, { name: "金卡", entry: 300, keep: 240 }, { name: "铂金", entry: 1000, keep: 800 }], metric: "spend", windowMonths: 12, validityMonths: 12 },
    });
    const bad = { ...draft, rows: [{ name: "A", entry: "100", keep: "120" }, { name: " ", entry: "abc", keep: "1" }, { name: "a", entry: "50", keep: "40" }, { name: "D", entry: "40", keep: "10" }], window: "0" };
    const result = policyFromDraft(bad, en);
    expect(result.ok).toBe(false);
    const texts = result.ok ? [] : result.problems.map((x) => x.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        p.problems.keepAboveEntry("1"),
        p.problems.blankName("2"),
        p.problems.badNumber("2", p.columns.entry, "abc"),
        p.problems.duplicateName("3", "a"),
        p.problems.notAscending("4"),
        p.problems.badWindow("0", 1200),
      ]),
    );
    const huge = policyFromDraft({ ...draft, rows: [{ name: "A", entry: "1e16", keep: "1" }] }, en);
    expect(huge.ok ? [] : huge.problems.map((x) => x.text)).toEqual([p.problems.tooLarge("1", p.columns.entry, "10000000000000000", "1,000,000,000,000,000")]);
  });

  it("scales examples to the quantiles: rounded, rising, keep at 80% of entry", () => {
    expect([48.04, 1234.5, 99.6, 0.3].map(roundThreshold)).toEqual([48, 1200, 100, 1]);
    const ex = exampleDraft(defaultLevelsDraft("en"), [480.4, 1234.5, 3190, 8421.7], "zh-CN");
    expect(ex.rows).toEqual([
      { name: "普通", entry: "480", keep: "380" },
      { name: "银卡", entry: "1200", keep: "960" },
      { name: "金卡", entry: "3200", keep: "2600" },
      { name: "铂金", entry: "8400", keep: "6700" },
    ]);
    expect(policyFromDraft(ex, en).ok).toBe(true);
    // Equal quantiles (orders: many customers with one order) still give rising entries.
    const orders = exampleDraft({ ...defaultLevelsDraft("en"), metric: "orders" }, [1, 1, 2, 2], "en");
    expect(policyFromDraft(orders, en).ok).toBe(true);
    expect(orders.rows.map((r) => r.name)).toEqual(["Member", "Silver", "Gold", "Platinum"]);
  });
});

describe("Membership levels in the pane", () => {
  it("edits the grid (names in any language, add, reorder, remove) and sends the policy with the form's settings", async () => {
    const port = await paneWithSelection();
    await type(cell(1, "name"), "普通会员");
    await click(get("button", p.addLevel));
    await type(cell(4, "name"), "钻石");
    await type(cell(4, "entry"), "5000");
    await type(cell(4, "keep"), "4000");
    // Move the new top level up and back down: order is what the person sees.
    await click(get("button", p.moveUp("4")));
    expect((cell(3, "name") as HTMLInputElement).value).toBe("钻石");
    expect(bodyText()).toContain(p.problems.notAscending("4"));
    expect(get("button", p.run).hasAttribute("disabled") || get("button", p.run).getAttribute("aria-disabled") === "true").toBe(true);
    await click(get("button", p.moveDown("3")));
    expect(query("button", p.moveDown("4"))?.hasAttribute("disabled") || query("button", p.moveDown("4"))?.getAttribute("aria-disabled") === "true").toBe(true);
    await click(get("button", p.removeLevel("2")));
    await choose(get("combobox", p.metric), p.metricOptions.orders);
    await type(get("textbox", p.validity), "6");
    expect(bodyText()).not.toContain(p.problems.notAscending("4"));
    await click(get("button", p.run));
    const [settings, request, locale] = port.called("writeLevels")[0].args as [AnalysisSettings, LevelsRequest, string];
    expect(settings.source).toEqual({ kind: "range", sheet: "Orders", address: "A1:F20001" });
    expect(request).toEqual({
      policy: {
        levels: [
          { name: "普通会员", entry: 100, keep: 80 },
          { name: "Platinum", entry: 1000, keep: 800 },
          { name: "钻石", entry: 5000, keep: 4000 },
        ],
        metric: "orders",
        windowMonths: 12,
        validityMonths: 6,
      },
      asOf: null,
    });
    expect(locale).toBe("en");
    // The report: the sheet, customers per level (top first), the warnings.
    const result = document.querySelector('[data-testid="levels-result"]')!;
    expect(result.textContent).toContain(p.done("Levels", "3,210", "2011-12-09"));
    expect(result.textContent).toContain(p.warnings("42", "Downgrade warnings"));
    const rows = [...result.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(rows).toEqual([["Gold", "300"], ["Silver", "700"], ["Member", "1,500"], [p.noLevel, "710"]]);
    // The policy goes into the run's saved settings.
    await click(get("button", en.pane.run));
    expect(lastRun(port).levelPolicy).toEqual(request.policy);
  });

  it("shows the problems as typed and sends nothing while the policy cannot be used", async () => {
    const port = await paneWithSelection();
    await type(cell(2, "keep"), "500");
    await type(cell(3, "entry"), "lots");
    await type(get("textbox", p.window), "0");
    const problems = document.querySelector('[data-testid="levels-problems"]')!.textContent!;
    expect(problems).toContain(p.problems.keepAboveEntry("2"));
    expect(problems).toContain(p.problems.badNumber("3", p.columns.entry, "lots"));
    expect(bodyText()).toContain(p.problems.badWindow("0", 1200));
    expect(cell(2, "keep").getAttribute("aria-invalid")).toBe("true");
    expect(cell(2, "entry").getAttribute("aria-invalid")).toBeNull();
    await click(get("button", p.run));
    expect(port.called("writeLevels")).toEqual([]);
  });

  it("fills examples from the data's quantiles, says how, and shows the port's sentence when it fails", async () => {
    const port = await paneWithSelection();
    expect(bodyText()).toContain(p.examplesHint);
    await click(get("button", p.examplesChinese));
    expect(port.called("levelExamples")[0].args[1]).toEqual({ metric: "spend", windowMonths: 12 });
    expect(all("textbox").filter((t) => (t.getAttribute("aria-label") ?? "").endsWith(p.columns.name)).map((t) => (t as HTMLInputElement).value)).toEqual(["普通", "银卡", "金卡", "铂金"]);
    expect((cell(4, "entry") as HTMLInputElement).value).toBe("8400");
    port.levelsError = new Error("The data sheet is gone.");
    await click(get("button", p.examplesEnglish));
    expect(bodyText()).toContain(p.suggestFailed);
    expect(bodyText()).toContain("The data sheet is gone.");
    await click(get("button", p.run));
    expect(bodyText()).toContain(p.failed);
  });

  it("asks for the data first, and shows the kept-sheet notice", async () => {
    const port = new FakePort();
    await render(<App initialLocale="en" theme="light" port={port} />);
    await click(get("button", p.run));
    expect(bodyText()).toContain(p.needsSettings);
    expect(port.called("writeLevels")).toEqual([]);
    await click(get("button", en.pane.useSelection));
    port.keptNote = "The sheet \"Levels\" changed while the add-in was working on it.";
    await click(get("button", p.run));
    expect(document.querySelector('[data-testid="levels-result"] [data-testid="kept-note"]')).not.toBeNull();
  });

  it("shows what came of people's overrides of levels: the counts and the table's unused rows; nothing without a table", async () => {
    const port = new FakePort();
    await render(<App initialLocale="en" theme="light" port={port} />);
    await click(get("button", en.pane.useSelection));
    await click(get("button", p.run));
    expect(document.querySelector('[data-testid="levels-overrides"]')).toBeNull();
    const unused = 'Overrides row 3: "Platinum" is not one of this run\'s tiers (Member, Silver, Gold); type one of those names.';
    port.levels = { ...port.levels, overrides: { sheet: "Overrides", active: 2, expired: 1, unmatched: 0, problems: [{ cell: { sheet: "Overrides", address: "A3" }, message: unused }], moreProblems: 0 } };
    await click(get("button", p.run));
    expect(document.querySelector('[data-testid="levels-overrides"]')!.textContent).toBe(en.levelOverrides.counts(2, 1, 0));
    expect(document.querySelector('[data-testid="levels-overrides-problems"]')!.textContent).toContain(unused);
  });

  it("brings the saved policy back into the grid", async () => {
    const saved: LevelsSettings = { levels: [{ name: "Bronze", entry: 10, keep: 5 }], metric: "orders", windowMonths: 6, validityMonths: 3 };
    const form = settingsFromForm(READY, 3);
    if (!form.ok) throw new Error("READY is ready");
    await render(<App initialLocale="en" theme="light" port={new FakePort({ ...form.settings, levelPolicy: saved })} />);
    expect((cell(1, "name") as HTMLInputElement).value).toBe("Bronze");
    expect((get("textbox", p.window) as HTMLInputElement).value).toBe("6");
    expect(all("textbox").filter((t) => (t.getAttribute("aria-label") ?? "").endsWith(p.columns.name))).toHaveLength(1);
  });

  it("speaks Chinese", async () => {
    const port = new FakePort();
    await render(<App initialLocale="zh-CN" theme="light" port={port} />);
    await click(get("button", zh.pane.useSelection));
    const z = zh.levelsPane;
    expect(bodyText()).toContain(z.heading);
    expect((cell(1, "name", zh) as HTMLInputElement).value).toBe("银卡");
    await click(get("button", z.run));
    expect(port.called("writeLevels")[0].args[2]).toBe("zh-CN");
    expect(bodyText()).toContain(z.done("Levels", "3,210", "2011-12-09"));
  });
});
