// @vitest-environment happy-dom
/**
 * Compare & pilot, clicked through against the fake port: the snapshot list and its default pair, the migration
 * report, a pilot picked from the form (strategy from the playbook), its comparison and what the interval says,
 * the port's errors as sentences, and both languages.
 */
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";
import { messages } from "../../src/i18n";
import type { PilotRequest, SnapshotInfo } from "../../src/excel/port";
import { bodyText, choose, cleanup, click, get, query, render, settle, type } from "./support/dom";
import { FakePort, MIGRATION, REPORT, SEGMENT_TIERING, SEGMENT_TIERS, SNAPSHOTS } from "./support/fake-port";

const ABC_TIERS: SnapshotInfo["tiers"] = ["A", "B", "C"].map((key) => ({ key, builtIn: true }));
import {
  DEFAULT_PILOT,
  defaultMeasureSnapshot,
  defaultPair,
  pilotRequest,
  pilotStrategy,
  tierChoices,
  verdict,
  type PilotProblem,
} from "../../src/taskpane/dynamic";
import { DEFAULT_FORM } from "../../src/taskpane/form";
import { describePilotProblem } from "../../src/taskpane/problems";

const en = messages("en");
const zh = messages("zh-CN");
const d = en.pane.dynamic;

afterEach(cleanup);

const compareButton = () => get("button", /^Compare$/);

async function pane(port = new FakePort(), locale: "en" | "zh-CN" = "en") {
  await render(<App initialLocale={locale} theme="light" port={port} />);
  return port;
}

describe("Compare & pilot: snapshots and migration", () => {
  it("lists the snapshots and compares the two latest of the same tier basis", async () => {
    const port = new FakePort();
    // The newest snapshot is of another basis: the default pair skips it for "earlier", not for "later".
    const abc: SnapshotInfo = { id: "s0", asOf: "2011-03-31", tierBy: "abcClass", customers: 2000, savedAt: "2011-04-01T08:00:00Z", tiers: ABC_TIERS, tiering: "abc" };
    port.snapshots = [abc, ...SNAPSHOTS];
    port.migration = {
      ...MIGRATION,
      effects: MIGRATION.effects.map((e) => ({ ...e, revenueChange: e.revenueAfter - e.revenueBefore })),
    };
    await pane(port);
    expect(port.called("listSnapshots")[0].args).toEqual(["en"]);
    expect(get("combobox", d.earlier).textContent).toContain(d.snapshotOption("2011-06-30", d.tierBy.segment, "2,950"));
    expect(get("combobox", d.later).textContent).toContain(d.snapshotOption("2011-12-09", d.tierBy.segment, "3,210"));
    await click(compareButton());
    expect(port.called("compareSnapshots")[0].args).toEqual(["s1", "s2", "en"]);
    const text = bodyText();
    expect(text).toContain(d.migrationDone("Tier migration"));
    expect(text).toContain(d.migrationCaption("2,950", "2011-06-30", "2011-12-09"));
    // Issue 17: a share is shown with one decimal everywhere (src/i18n/numbers.ts), so a table never mixes 18% and 12.5%.
    for (const [label, value] of [
      [d.rates.upgrade, "18.0%"],
      [d.rates.downgrade, "22.0%"],
      [d.rates.stay, "50.0%"],
      [d.rates.gone, "10.0%"],
      [d.rates.newCustomers, "555"],
    ]) {
      expect(text).toContain(`${label}${value}`);
    }
    const rows = Array.from(document.querySelectorAll("[data-testid=migration-effects] tbody tr")).map((tr) =>
      Array.from(tr.querySelectorAll("td")).map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ["Champions", "300", "95.0%", "80.0%", "+9K"],
      ["Loyal", "900", "90.0%", "60.0%", "-6K"],
      ["Lost", "1,750", "85.0%", "10.0%", "-24K"],
    ]);
  });

  it("shows moves between segments as changes, with a word on why there is no up or down", async () => {
    const port = new FakePort();
    port.migration = { ...MIGRATION, summary: { ...MIGRATION.summary, upgradeRate: Number.NaN, downgradeRate: Number.NaN, changeRate: 0.4 } };
    await pane(port);
    await click(compareButton());
    const text = bodyText();
    expect(text).toContain(`${d.rates.changed}40.0%`);
    expect(text).toContain(d.unordered);
    expect(text).not.toContain(d.rates.upgrade);
    expect(text).not.toContain("NaN");
  });

  it("compares the pair the person chooses", async () => {
    const port = new FakePort();
    port.snapshots = [...SNAPSHOTS, { id: "s3", asOf: "2012-06-30", tierBy: "segment", customers: 3300, savedAt: "2012-07-01T08:00:00Z", tiers: SEGMENT_TIERS, tiering: SEGMENT_TIERING }];
    await pane(port);
    expect(get("combobox", d.earlier).textContent).toContain("2011-12-09");
    await choose(get("combobox", d.earlier), d.snapshotOption("2011-06-30", d.tierBy.segment, "2,950"));
    await click(compareButton());
    expect(port.called("compareSnapshots")[0].args).toEqual(["s1", "s3", "en"]);
  });

  it("says the same snapshot cannot be compared with itself", async () => {
    const port = await pane();
    await choose(get("combobox", d.earlier), d.snapshotOption("2011-12-09", d.tierBy.segment, "3,210"));
    expect(bodyText()).toContain(d.sameSnapshot);
    expect(compareButton().hasAttribute("disabled")).toBe(true);
    expect(port.called("compareSnapshots")).toEqual([]);
  });

  it("shows the port's sentence when the comparison fails", async () => {
    const port = await pane();
    port.dynamicError = new Error("The snapshot of 2011-06-30 was deleted from the history; run the analysis again.");
    await click(compareButton());
    expect(bodyText()).toContain(d.compareFailed);
    expect(bodyText()).toContain("The snapshot of 2011-06-30 was deleted from the history; run the analysis again.");
    expect(query("button", d.pick)?.hasAttribute("disabled")).toBe(false);
  });

  it("shows the port's sentence when the history cannot be read", async () => {
    const port = new FakePort();
    port.dynamicError = new Error("The history sheet is damaged.");
    await pane(port);
    expect(bodyText()).toContain(d.listFailed);
    expect(bodyText()).toContain("The history sheet is damaged.");
  });

  it("says how to get snapshots when there are none, and offers no pilot yet", async () => {
    const port = new FakePort();
    port.snapshots = [];
    await pane(port);
    expect(bodyText()).toContain(d.noSnapshots);
    expect(query("button", /^Compare$/)).toBeNull();
    expect(query("button", d.pick)).toBeNull();
  });

  it("reads the list again after a run and compares the run's snapshot with the one before", async () => {
    const port = new FakePort();
    port.snapshots = [SNAPSHOTS[0]];
    await pane(port);
    expect(bodyText()).toContain(d.oneSnapshot);
    const fresh = SNAPSHOTS[1];
    port.report = { ...REPORT, snapshot: fresh };
    // The port keeps the run's snapshot in the history.
    const run = port.run.bind(port);
    port.run = async (...args) => {
      const report = await run(...args);
      port.snapshots.push(report.snapshot!);
      return report;
    };
    await click(get("button", en.pane.useSelection));
    await click(get("button", en.pane.run));
    expect(port.called("listSnapshots").length).toBe(2);
    expect(get("combobox", d.earlier).textContent).toContain("2011-06-30");
    expect(get("combobox", d.later).textContent).toContain("2011-12-09");
    expect(get("combobox", d.snapshot).textContent).toContain("2011-12-09");
  });

  it("reads the list again after a run that saved no snapshot, keeping the pair chosen", async () => {
    const port = new FakePort();
    port.snapshots = [...SNAPSHOTS, { id: "s3", asOf: "2012-06-30", tierBy: "segment", customers: 3300, savedAt: "2012-07-01T08:00:00Z", tiers: SEGMENT_TIERS, tiering: SEGMENT_TIERING }];
    port.report = { ...REPORT, snapshot: null, snapshotNote: "The history table is full." };
    await pane(port);
    await choose(get("combobox", d.earlier), d.snapshotOption("2011-06-30", d.tierBy.segment, "2,950"));
    await click(get("button", en.pane.useSelection));
    await click(get("button", en.pane.run));
    expect(port.called("listSnapshots").length).toBe(2);
    expect(get("combobox", d.earlier).textContent).toContain("2011-06-30");
    expect(get("combobox", d.later).textContent).toContain("2012-06-30");
  });
});

describe("Compare & pilot: one workbook job at a time", () => {
  const runButton = () => get("button", en.pane.run);
  const chartButton = () => get("button", en.pane.buildChart);
  const isOff = (el: HTMLElement) => el.hasAttribute("disabled") || el.getAttribute("aria-disabled") === "true";

  it("Run and chart building wait while a comparison is under way", async () => {
    const port = await pane();
    await click(get("button", en.pane.useSelection));
    const release = port.holdJobs();
    await click(compareButton());
    expect(bodyText()).toContain(d.comparing);
    expect(isOff(runButton())).toBe(true);
    expect(isOff(chartButton())).toBe(true);
    await click(runButton());
    expect(port.called("run")).toEqual([]);
    release();
    await settle();
    expect(isOff(runButton())).toBe(false);
    expect(isOff(chartButton())).toBe(false);
  });

  it("Run and chart building wait while a pilot is picked or measured", async () => {
    const port = await pane();
    await choose(get("combobox", d.tier), en.segments.champions);
    let release = port.holdJobs();
    await click(get("button", d.pick));
    expect(isOff(runButton())).toBe(true);
    expect(isOff(chartButton())).toBe(true);
    release();
    await settle();
    release = port.holdJobs();
    await click(get("button", d.measure));
    expect(isOff(runButton())).toBe(true);
    expect(isOff(chartButton())).toBe(true);
    release();
    await settle();
    expect(isOff(runButton())).toBe(false);
  });

  it("Compare, Pick and Measure wait while the analysis runs or a chart is built", async () => {
    const port = await pane();
    await choose(get("combobox", d.tier), en.segments.champions);
    await click(get("button", d.pick));
    await click(get("button", en.pane.useSelection));
    port.holdRun();
    await click(runButton());
    for (const name of [/^Compare$/, d.pick, d.measure]) expect(isOff(get("button", name))).toBe(true);
    expect(isOff(chartButton())).toBe(true);
    port.finishRun();
    await settle();
    const release = port.holdJobs();
    await click(chartButton());
    for (const name of [/^Compare$/, d.pick, d.measure]) expect(isOff(get("button", name))).toBe(true);
    expect(isOff(runButton())).toBe(true);
    release();
    await settle();
    for (const name of [/^Compare$/, d.pick, d.measure]) expect(isOff(get("button", name))).toBe(false);
    expect(port.called("compareSnapshots")).toEqual([]);
  });
});

describe("Compare & pilot: pilot groups", () => {
  it("picks a pilot in a tier with the tier's strategy, lists it, and measures it against a later snapshot", async () => {
    const port = await pane();
    expect(bodyText()).toContain(d.noPilots);
    await choose(get("combobox", d.snapshot), d.snapshotOption("2011-06-30", d.tierBy.segment, "2,950"));
    await choose(get("combobox", d.tier), en.segments.champions);
    const strategy = get("textbox", d.strategy) as HTMLTextAreaElement;
    expect(strategy.value).toBe(en.workbook.strategies.champions);
    await type(get("textbox", d.share), "15");
    await type(get("textbox", d.seed), "7");
    await type(strategy, "Free shipping for a month");
    await click(get("button", d.pick));
    const [request, locale] = port.called("pickPilot")[0].args as [PilotRequest, string];
    expect(locale).toBe("en");
    expect(request).toEqual({ snapshotId: "s1", tier: "champions", share: 0.15, controlShare: 0.1, seed: 7, strategy: "Free shipping for a month" });
    // The fake picks in a tier of 200: 30 pilot and 20 control customers.
    expect(bodyText()).toContain(d.pilotDone("30", "20", en.segments.champions, "Pilot"));
    expect(get("combobox", d.pilot).textContent).toContain(d.pilotOption(en.segments.champions, "2011-06-30", "15%", "7"));
    // Measured in the snapshot after the pilot's date.
    expect(get("combobox", d.measureIn).textContent).toContain("2011-12-09");
    await click(get("button", d.measure));
    expect(port.called("comparePilot")[0].args).toEqual(["p1", "s2", "en"]);
    const text = bodyText();
    expect(text).toContain(d.measureDone("Pilot"));
    const rows = Array.from(document.querySelectorAll("[data-testid=pilot-comparison] tbody tr")).map((tr) =>
      Array.from(tr.querySelectorAll("td")).map((td) => td.textContent),
    );
    expect(rows).toEqual([
      [d.measures.repurchase, "42.0%", "30.0%", "+12.0%", d.interval("+2.0%", "+22.0%")],
      [d.measures.revenue, "85", "60", "+25", d.interval("-5", "+55")],
    ]);
    expect(text).toContain(d.comparison.interval("95%"));
    // Repurchase: the interval excludes 0; revenue: it does not.
    expect(text).toContain(d.verdicts.higher(d.measures.repurchase, "95%"));
    expect(text).toContain(d.verdicts.unclear(d.measures.revenue, "95%"));
  });

  it("names the pilots' tiers in the pane's language after it changes: the lists are read again", async () => {
    const port = await pane();
    await choose(get("combobox", d.tier), en.segments.champions);
    await click(get("button", d.pick));
    await click(get("button", d.measure));
    expect(get("combobox", d.pilot).textContent).toContain(en.segments.champions);
    await click(get("radio", en.pane.languageChinese));
    const z = zh.pane.dynamic;
    expect(port.called("listPilots").at(-1)?.args).toEqual(["zh-CN"]);
    expect(port.called("listSnapshots").at(-1)?.args).toEqual(["zh-CN"]);
    expect(get("combobox", z.pilot).textContent).toContain(zh.segments.champions);
    expect(bodyText()).toContain(z.pilotDone("20", "20", zh.segments.champions, "Pilot"));
    expect(document.querySelector("[data-testid=pilot-comparison] table")?.getAttribute("aria-label")).toBe(
      z.comparisonCaption(zh.segments.champions, "2011-12-09", "2011-12-09"),
    );
    expect(bodyText()).not.toContain(en.segments.champions);
  });

  it("lists what to fix in the pilot form and does not ask the port", async () => {
    const port = await pane();
    await type(get("textbox", d.share), "0");
    await type(get("textbox", d.seed), "1.5");
    await click(get("button", d.pick));
    const text = bodyText();
    expect(text).toContain(d.cannotPick);
    expect(text).toContain(d.problems.noTier);
    expect(text).toContain(d.problems.share("0"));
    expect(text).toContain(d.problems.seed("1.5"));
    await type(get("textbox", d.share), "60");
    await type(get("textbox", d.controlShare), "50");
    await choose(get("combobox", d.tier), en.segments.lost);
    await click(get("button", d.pick));
    expect(bodyText()).toContain(d.problems.total);
    expect(port.called("pickPilot")).toEqual([]);
  });

  it("shows the port's sentence when the pilot cannot be picked or measured", async () => {
    const port = await pane();
    await choose(get("combobox", d.tier), en.segments.lost);
    port.dynamicError = new Error("The tier Lost has no customers in the snapshot of 2011-12-09.");
    await click(get("button", d.pick));
    expect(bodyText()).toContain(d.pickFailed);
    expect(bodyText()).toContain("The tier Lost has no customers in the snapshot of 2011-12-09.");
    port.dynamicError = null;
    await click(get("button", d.pick));
    port.dynamicError = new Error("The snapshot is older than the pilot.");
    await click(get("button", d.measure));
    expect(bodyText()).toContain(d.measureFailed);
    expect(bodyText()).toContain("The snapshot is older than the pilot.");
  });

  it("says so when an interval lies below 0 or one group is empty", async () => {
    const port = await pane();
    port.pilotComparison = {
      ...port.pilotComparison,
      repurchase: { pilot: 0.1, control: 0.3, difference: -0.2, low: -0.3, high: -0.1 },
      revenue: { pilot: 10, control: Number.NaN, difference: Number.NaN, low: Number.NaN, high: Number.NaN },
    };
    await choose(get("combobox", d.tier), en.segments.champions);
    await click(get("button", d.pick));
    await click(get("button", d.measure));
    expect(bodyText()).toContain(d.verdicts.lower(d.measures.repurchase, "95%"));
    expect(bodyText()).toContain(d.verdicts.none(d.measures.revenue));
    expect(bodyText()).toContain(d.interval(d.missing, d.missing));
  });

  it("offers ABC classes for a snapshot of ABC classes", async () => {
    const port = new FakePort();
    port.snapshots = [{ id: "a1", asOf: "2011-06-30", tierBy: "abcClass", customers: 100, savedAt: "2011-07-01T00:00:00Z", tiers: ABC_TIERS, tiering: "abc" }];
    await pane(port);
    await choose(get("combobox", d.tier), "B");
    expect((get("textbox", d.strategy) as HTMLTextAreaElement).value).toBe(en.workbook.strategies.B);
    await click(get("button", d.pick));
    expect((port.called("pickPilot")[0].args[0] as PilotRequest).tier).toBe("B");
  });

  it("speaks Chinese", async () => {
    const port = await pane(new FakePort(), "zh-CN");
    const z = zh.pane.dynamic;
    expect(bodyText()).toContain(z.heading);
    await click(get("button", z.compare));
    expect(bodyText()).toContain(z.migrationDone("Tier migration"));
    await choose(get("combobox", z.tier), zh.segments.champions);
    expect((get("textbox", z.strategy) as HTMLTextAreaElement).value).toBe(zh.workbook.strategies.champions);
    await click(get("button", z.pick));
    await click(get("button", z.measure));
    expect(port.called("comparePilot")[0].args[2]).toBe("zh-CN");
    expect(bodyText()).toContain(z.verdicts.higher(z.measures.repurchase, "95%"));
  });
});

describe("Compare & pilot: the pure rules (dynamic.ts)", () => {
  const snap = (
    id: string,
    asOf: string,
    tierBy: SnapshotInfo["tierBy"] = "segment",
    tiers: SnapshotInfo["tiers"] = tierBy === "abcClass" ? ABC_TIERS : SEGMENT_TIERS,
    tiering: string = tierBy === "segment" ? SEGMENT_TIERING : tierBy,
  ): SnapshotInfo => ({
    id,
    asOf,
    tierBy,
    customers: 1,
    savedAt: `${asOf}T00:00:00Z`,
    tiers,
    tiering,
  });

  it("pairs the latest snapshot with the latest earlier one tiered the same way", () => {
    expect(defaultPair([])).toEqual({ before: null, after: null });
    expect(defaultPair([snap("a", "2011-01-31")])).toEqual({ before: null, after: "a" });
    expect(defaultPair([snap("a", "2011-01-31"), snap("b", "2011-02-28", "abcClass"), snap("c", "2011-03-31")])).toEqual({ before: "a", after: "c" });
    // The same basis but another scheme (or other cuts, or other score settings): skipped too.
    const cn8 = snap("b", "2011-02-28", "segment", SEGMENT_TIERS, '{"scheme":"cn8","tierBy":"segment"}');
    expect(defaultPair([snap("a", "2011-01-31"), cn8, snap("c", "2011-03-31")])).toEqual({ before: "a", after: "c" });
    expect(defaultPair([cn8, snap("c", "2011-03-31")])).toEqual({ before: null, after: "c" });
  });

  it("measures a pilot in the latest snapshot after its date, else in the latest", () => {
    const list = [snap("a", "2011-01-31"), snap("b", "2011-02-28"), snap("c", "2011-03-31")];
    expect(defaultMeasureSnapshot(list, "2011-01-31")).toBe("c");
    expect(defaultMeasureSnapshot(list, "2011-03-31")).toBe("c");
    expect(defaultMeasureSnapshot([], "2011-03-31")).toBeNull();
  });

  it("turns the typed pilot form into a request: percentages become shares", () => {
    const draft = { ...DEFAULT_PILOT, snapshotId: "a", tier: "A", share: "12.5 %", controlShare: "10", seed: " 7 ", strategy: " Call them " };
    expect(pilotRequest(draft)).toEqual({ ok: true, request: { snapshotId: "a", tier: "A", share: 0.125, controlShare: 0.1, seed: 7, strategy: "Call them" } });
    expect(pilotRequest({ ...draft, share: "50", controlShare: "50" }).ok).toBe(true);
    // The form's parser: a full-width percent sign as from Chinese input; no hexadecimal.
    expect(pilotRequest({ ...draft, share: "12.5％", controlShare: "10 ％" })).toMatchObject({ ok: true, request: { share: 0.125, controlShare: 0.1 } });
    expect(pilotRequest({ ...draft, share: "0x10" })).toMatchObject({ ok: false, problems: [{ kind: "share", value: "0x10" }] });
    expect(pilotRequest({ ...draft, share: "50", controlShare: "50.5" })).toEqual({ ok: false, problems: [{ kind: "total" }] });
    expect(pilotRequest({ ...DEFAULT_PILOT, share: "abc", controlShare: "0", seed: "" })).toEqual({
      ok: false,
      problems: [{ kind: "noSnapshot" }, { kind: "noTier" }, { kind: "share", value: "abc" }, { kind: "controlShare", value: "0" }, { kind: "seed", value: "" }],
    });
    for (const problem of (pilotRequest({ ...DEFAULT_PILOT, share: "abc", controlShare: "0", seed: "" }) as { problems: PilotProblem[] }).problems) {
      expect(describePilotProblem(problem, zh)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("reads an interval: above 0, below 0, across 0, or not there", () => {
    const g = (low: number, high: number) => ({ pilot: 0, control: 0, difference: (low + high) / 2, low, high });
    expect(verdict(g(0.01, 0.2))).toBe("higher");
    expect(verdict(g(-0.2, -0.01))).toBe("lower");
    expect(verdict(g(-0.2, 0.1))).toBe("unclear");
    expect(verdict(g(0, 0.1))).toBe("unclear");
    expect(verdict(g(Number.NaN, Number.NaN))).toBe("none");
  });

  it("offers the snapshot's own tiers, and starts the pilot's strategy from the playbook: the person's text, the default, nothing for an unwritten custom segment", () => {
    const form = { ...DEFAULT_FORM, strategies: { lost: "Let them go" } };
    const custom = snap("a", "2011-01-31", "segment", [
      { key: "VIP", builtIn: false },
      { key: "others", builtIn: true },
    ]);
    const tiers = tierChoices(custom, en);
    expect(tiers.map((t) => [t.key, t.label])).toEqual([["VIP", "VIP"], ["others", "Others"]]);
    expect(pilotStrategy(tiers[0], form, en)).toBe("");
    expect(pilotStrategy(tiers[1], form, en)).toBe(en.workbook.strategies.others);
    const rfm = tierChoices(snap("a", "2011-01-31"), en);
    expect(rfm.map((t) => t.key)).toEqual(["champions", "loyalCustomers", "lost"]);
    expect(pilotStrategy(rfm.find((t) => t.key === "lost")!, form, en)).toBe("Let them go");
    expect(pilotStrategy(rfm.find((t) => t.key === "champions")!, form, en)).toBe(en.workbook.strategies.champions);
    expect(tierChoices(snap("a", "2011-01-31", "abcClass"), en).map((t) => t.key)).toEqual(["A", "B", "C"]);
    expect(tierChoices(undefined, en)).toEqual([]);
  });
});
