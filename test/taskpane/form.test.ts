/** The form as a whole: settings from the composed sections, the checks across them, and the problems worded. */
import { describe, expect, it } from "vitest";
import type { AnalysisSettings } from "../../src/excel/port";
import { messages } from "../../src/i18n";
import { describeFormProblem } from "../../src/taskpane/problems";
import { DEFAULT_FORM, formFromSettings, settingsFromForm } from "../../src/taskpane/form";
import type { FormProblem } from "../../src/taskpane/form/problems";
import { EMPTY_MAPPING } from "../../src/taskpane/mapping";
import { problemsOf, READY } from "./support/form";

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
      rfm: { bins: 5, breakpoints: null, scheme: "rfm" },
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
    // Years: the core's rule (≥ 0; issue 10), which replaced the pane's 1–100, so 0 years is a CLV of 0 and −1 is refused.
    const problems = problemsOf({ ...READY, bins: "11", asOf: "2024-02-30", aCut: "96", bCut: "95", discount: "100", years: "-1" });
    expect(problems).toEqual([
      { kind: "asOf", value: "2024-02-30" },
      { kind: "bins", value: "11" },
      { kind: "cuts" },
      { kind: "percent", field: "discount" },
      { kind: "years", value: "-1" },
    ]);
    expect(problemsOf({ ...READY, years: "0" })).toEqual([]);
    expect(problemsOf({ ...READY, asOf: "2011-12-09" })).toEqual([]);
    expect(problemsOf({ ...READY, aCut: "70%", bCut: "90" })).toEqual([]);
  });

  it("needs an analysis, the margin column for ABC on margin, and the analysis that the summary is by", () => {
    expect(problemsOf({ ...READY, rfmOn: false, abcOn: false, clvOn: false })).toContainEqual({ kind: "noAnalysis" });
    expect(problemsOf({ ...READY, basis: "margin" })).toEqual([{ kind: "marginBasis" }]);
    expect(problemsOf({ ...READY, rfmOn: false })).toEqual([{ kind: "summaryBy", summaryBy: "segment" }]);
    expect(problemsOf({ ...READY, abcOn: false, summaryBy: "abcClass" })).toEqual([{ kind: "summaryBy", summaryBy: "abcClass" }]);
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
    { kind: "mapping", problem: { kind: "outOfRange", role: "date", column: 5, columns: 3 } },
    { kind: "mapping", problem: { kind: "shared", roles: ["date", "amount"], column: 1 } },
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
    // The core's problems the form has no field for, worded as the port words them.
    { kind: "core", problem: { kind: "core", code: "unknownScheme", details: { value: "x" } } },
    { kind: "core", problem: { kind: "setting", code: "tierByNeedsScore", value: "" } },
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
