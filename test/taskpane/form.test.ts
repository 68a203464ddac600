import { describe, expect, it } from "vitest";
import { PREDICT_DEFAULTS as DEFAULT_PREDICT } from "../../src/core/analysis/predictions";
import type { AnalysisSettings } from "../../src/excel/port";
import { messages } from "../../src/i18n";
import {
  DEFAULT_FORM,
  describeFormProblem,
  formFromSettings,
  parseBreakpoints,
  parseNumber,
  parsePercent,
  restShare,
  settingsFromForm,
  starterRules,
  type FormProblem,
  type PaneForm,
} from "../../src/taskpane/form";
import { EMPTY_MAPPING } from "../../src/taskpane/mapping";

const READY: PaneForm = {
  ...DEFAULT_FORM,
  source: { kind: "table", name: "Orders" },
  mapping: { ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2 },
};

const problemsOf = (form: PaneForm, columns = 3): FormProblem[] => {
  const result = settingsFromForm(form, columns);
  return result.ok ? [] : result.problems;
};

describe("parseNumber: the one parser of the pane's number fields", () => {
  it("reads numbers as people type them, with a half-width or full-width percent sign", () => {
    for (const [text, value] of [
      ["80", 80],
      [" 12.5 ", 12.5],
      ["80%", 80],
      ["12.5 %", 12.5],
      ["80％", 80],
      ["10 ％", 10],
      [".5", 0.5],
      ["-3", -3],
      ["1e2", 100],
    ] as const) {
      expect(parseNumber(text), text).toBe(value);
    }
    for (const text of ["", " ", "%", "0,5", "1,000", "0x10", "abc", "8 0", "80%%", "％80"]) expect(parseNumber(text), text).toBeNaN();
    expect(parsePercent("12.5％")).toBe(0.125);
    expect(parsePercent("")).toBeNaN();
  });

  it("is what the analysis form, the score editor's remaining share and the pilot form read with", () => {
    expect(settingsFromForm({ ...READY, aCut: "70％", bCut: "90%" }, 3)).toMatchObject({ ok: true, settings: { abc: { aCut: 0.7, bCut: 0.9 } } });
    expect(restShare(["5％", "15", "30 %", "30"])).toBe("20");
    expect(restShare(["5", "", "30", "30"])).toBe("?");
    expect(restShare(["5", "0x10", "30", "30"])).toBe("?");
  });
});

describe("settingsFromForm", () => {
  it("turns the default form with a source into settings: percentages become fractions", () => {
    const result = settingsFromForm(READY, 3);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toEqual<AnalysisSettings>({
      source: { kind: "table", name: "Orders" },
      hasHeader: true,
      mapping: { ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2 },
      asOf: null,
      dayOrder: "mdy",
      rfm: { bins: 5, breakpoints: null, scheme: "rfm", rules: [] },
      abc: { aCut: 0.8, bCut: 0.95, basis: "revenue", method: "fixed" },
      clv: { margin: 0.3, retention: 0.8, discount: 0.1, years: 3 },
      predict: null,
      score: null,
      summaryBy: "segment",
      strategies: {},
    });
  });

  it("asks for a source first, then for each missing column", () => {
    expect(problemsOf(DEFAULT_FORM)).toEqual([{ kind: "noSource" }]);
    expect(problemsOf({ ...READY, mapping: { ...EMPTY_MAPPING, customer: 0 } })).toEqual([
      { kind: "mapping", problem: { kind: "missing", role: "date" } },
      { kind: "mapping", problem: { kind: "missing", role: "amount" } },
    ]);
  });

  it("rejects bins outside 2..10, bad dates, reversed cuts, and percentages out of range", () => {
    const problems = problemsOf({ ...READY, bins: "11", asOf: "2024-02-30", aCut: "96", bCut: "95", discount: "100", years: "0" });
    expect(problems).toEqual([
      { kind: "asOf", value: "2024-02-30" },
      { kind: "bins", value: "11" },
      { kind: "cuts" },
      { kind: "percent", field: "discount" },
      { kind: "years", value: "0" },
    ]);
    expect(problemsOf({ ...READY, asOf: "2011-12-09" })).toEqual([]);
    expect(problemsOf({ ...READY, aCut: "70%", bCut: "90" })).toEqual([]);
  });

  it("reads breakpoints typed with commas, Chinese commas or spaces, and checks their count and order", () => {
    expect(parseBreakpoints("30, 90，180 365")).toEqual([30, 90, 180, 365]);
    const form = { ...READY, breakpointsOn: true, breakpoints: { r: "30,90,180,365", f: "1,2,5", m: "500,100,1000,2000" } };
    expect(problemsOf(form)).toEqual([
      { kind: "breakpoints", dimension: "f", expected: 4 },
      { kind: "breakpoints", dimension: "m", expected: 4 },
    ]);
    const fixed = settingsFromForm({ ...form, breakpoints: { r: "30,90,180,365", f: "1,2,5,10", m: "100,250,500,1000" } }, 3);
    expect(fixed.ok && fixed.settings.rfm?.breakpoints).toEqual({ r: [30, 90, 180, 365], f: [1, 2, 5, 10], m: [100, 250, 500, 1000] });
  });

  it("checks custom rules row by row against the score levels", () => {
    const rules = starterRules(messages("en"));
    expect(problemsOf({ ...READY, scheme: "custom", rules })).toEqual([]);
    const bad = [
      { ...rules[0], name: " " },
      { ...rules[1], r: ["4", "2"] as [string, string] },
      { ...rules[2], m: ["1", "6"] as [string, string] },
    ];
    expect(problemsOf({ ...READY, scheme: "custom", rules: bad })).toEqual([
      { kind: "rule", row: 1, what: "name" },
      { kind: "rule", row: 2, what: "range", dimension: "r" },
      { kind: "rule", row: 3, what: "bound", dimension: "m" },
    ]);
    expect(problemsOf({ ...READY, scheme: "custom", rules: [] })).toEqual([{ kind: "noRules" }]);
  });

  it("needs an analysis, the margin column for ABC on margin, and the analysis that the summary is by", () => {
    expect(problemsOf({ ...READY, rfmOn: false, abcOn: false, clvOn: false })).toContainEqual({ kind: "noAnalysis" });
    expect(problemsOf({ ...READY, basis: "margin" })).toEqual([{ kind: "marginBasis" }]);
    expect(problemsOf({ ...READY, rfmOn: false })).toEqual([{ kind: "summaryBy", summaryBy: "segment" }]);
    expect(problemsOf({ ...READY, abcOn: false, summaryBy: "abcClass" })).toEqual([{ kind: "summaryBy", summaryBy: "abcClass" }]);
  });
});

describe("Predict CLV & churn in the form", () => {
  it("is off by default; on, it gives the defaults as settings (percentages as fractions, blank cap as null)", () => {
    const off = settingsFromForm(READY, 3);
    expect(off.ok && off.settings.predict).toBeNull();
    const on = settingsFromForm({ ...READY, predictOn: true }, 3);
    expect(on.ok && on.settings.predict).toEqual({ ...DEFAULT_PREDICT });
  });

  it("names each predict field that cannot be used", () => {
    const form = { ...READY, predictOn: true, horizonMonths: "1.5", monthlyDiscount: "x", newDays: "-1", activeMultiple: "2", silentMultiple: "1", churnCapDays: "0", cantLoseShare: "0", cantLoseRisk: "101" };
    expect(problemsOf(form)).toEqual([
      { kind: "predict", field: "horizonMonths", value: "1.5" },
      { kind: "predict", field: "monthlyDiscount", value: "x" },
      { kind: "predict", field: "newDays", value: "-1" },
      { kind: "predict", field: "silentMultiple", value: "1" },
      { kind: "predict", field: "churnCapDays", value: "0" },
      { kind: "predict", field: "cantLoseShare", value: "0" },
      { kind: "predict", field: "cantLoseRisk", value: "101" },
    ]);
    // Off, the same text is not checked.
    expect(problemsOf({ ...form, predictOn: false })).toEqual([]);
  });

  it("round-trips predict settings, and reads settings saved without them as Predict off", () => {
    const result = settingsFromForm({ ...READY, predictOn: true, unit: "day", horizonMonths: "6", monthlyDiscount: "1.5", churnCapDays: "400", cantLoseRisk: "70" }, 3);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.predict).toMatchObject({ unit: "day", horizonMonths: 6, monthlyDiscount: 0.015, churnCapDays: 400, cantLoseRisk: 0.7 });
    expect(settingsFromForm(formFromSettings(result.settings), 3)).toEqual(result);
    const { predict: _predict, ...old } = result.settings;
    const form = formFromSettings(old as AnalysisSettings);
    expect(form.predictOn).toBe(false);
    expect(form.horizonMonths).toBe("12");
  });
});

describe("formFromSettings", () => {
  it("round-trips saved settings through the form", () => {
    const result = settingsFromForm(
      {
        ...READY,
        asOf: "2011-12-09",
        bins: "4",
        breakpointsOn: true,
        breakpoints: { r: "30, 90, 180", f: "1, 2, 5", m: "100, 500, 1000" },
        scheme: "custom",
        rules: [{ name: "Best", r: ["3", "4"], f: ["3", "4"], m: ["1", "4"] }],
        abcOn: true,
        aCut: "70",
        bCut: "90",
        basis: "orders",
        clvMargin: "25",
        strategies: { A: "Call them" },
      },
      3,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const again = settingsFromForm(formFromSettings(result.settings), 3);
    expect(again).toEqual(result);
    expect(formFromSettings(result.settings).aCut).toBe("70");
  });
});

describe("describeFormProblem", () => {
  const all: FormProblem[] = [
    { kind: "noSource" },
    { kind: "mapping", problem: { kind: "missing", role: "customer" } },
    { kind: "mapping", problem: { kind: "outOfRange", role: "date" } },
    { kind: "mapping", problem: { kind: "shared", roles: ["date", "amount"] } },
    { kind: "noAnalysis" },
    { kind: "asOf", value: "x" },
    { kind: "bins", value: "11" },
    { kind: "breakpoints", dimension: "f", expected: 4 },
    { kind: "noRules" },
    { kind: "rule", row: 2, what: "name" },
    { kind: "rule", row: 2, what: "bound", dimension: "m" },
    { kind: "rule", row: 2, what: "range", dimension: "r" },
    { kind: "cuts" },
    { kind: "marginBasis" },
    { kind: "percent", field: "retention" },
    { kind: "years", value: "0" },
    { kind: "summaryBy", summaryBy: "segment" },
    { kind: "summaryBy", summaryBy: "abcClass" },
    { kind: "predict", field: "horizonMonths", value: "0" },
    { kind: "predict", field: "churnCapDays", value: "-5" },
  ];

  it("words every problem in both languages, naming the control", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const m = messages(locale);
      const sentences = all.map((problem) => describeFormProblem(problem, m));
      expect(new Set(sentences).size).toBe(all.length);
      expect(sentences[1]).toContain(m.pane.roles.customer);
      expect(sentences[3]).toContain(m.pane.roles.amount);
      expect(sentences[7]).toContain(m.pane.dimensionNames.f);
      expect(sentences[14]).toContain(m.pane.clv.retention);
    }
  });
});

describe("ABC method in the form", () => {
  it("passes the computed method on, and does not check the cuts it does not use", () => {
    const reversed = { ...READY, abcMethod: "computed" as const, aCut: "97", bCut: "20" };
    const result = settingsFromForm(reversed, 3);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.settings.abc).toMatchObject({ method: "computed", basis: "revenue" });
    expect(problemsOf({ ...reversed, abcMethod: "fixed" })).toContainEqual({ kind: "cuts" });
  });

  it("reads settings saved before the method existed as fixed cuts, and round-trips computed", () => {
    const saved = settingsFromForm(READY, 3);
    if (!saved.ok) throw new Error("the ready form must give settings");
    const { method: _method, ...old } = saved.settings.abc!;
    expect(formFromSettings({ ...saved.settings, abc: old }).abcMethod).toBe("fixed");
    expect(formFromSettings({ ...saved.settings, abc: { ...old, method: "computed" } }).abcMethod).toBe("computed");
  });
});
