import { describe, expect, it } from "vitest";
import { analysisProblems, ruleProblems } from "../../../src/core/analysis/problems";
import { PREDICT_DEFAULTS } from "../../../src/core/analysis/predictions";
import type { Role } from "../../../src/core/analysis/roles";
import { runTiering } from "../../../src/core/analysis/run";
import { AnalysisSettingsError, type AnalysisOptions } from "../../../src/core/analysis/types";
import { CoreError } from "../../../src/core/cells/errors";
import { scoreSettings, shares } from "../../support/fixtures";

const OK: AnalysisOptions = {
  rfm: { bins: 5, scheme: "rfm" },
  abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" },
  clv: { margin: 0.3, retention: 0.8, discount: 0.1, years: 3 },
  tierBy: "segment",
};
const COLUMNS = { customers: ["a", "b", "a"], dates: [45000, 45010, 45020], amounts: [10, 20, 30] };
const codes = (options: AnalysisOptions, available: Role[] = []) => analysisProblems(options, available).map((p) => p.code);

describe("analysisProblems: the settings check, without running", () => {
  it("finds nothing in usable settings", () => {
    expect(analysisProblems(OK, [])).toEqual([]);
    expect(analysisProblems({ score: scoreSettings(["margin"], { bands: shares(0.2, 0.3) }), tierBy: "score" }, ["margin"])).toEqual([]);
  });

  it("lists every problem, as codes and facts, in the order runTiering meets them", () => {
    const options: AnalysisOptions = {
      ...OK,
      rfm: { bins: 11, scheme: "rfm", breakpoints: { recency: [30, 10] } },
      abc: { aCut: 0.9, bCut: 0.5, basis: "margin" },
      clv: { margin: 2, retention: 0.8, discount: 1, years: -1 },
      predict: { ...PREDICT_DEFAULTS, horizonMonths: 1.5, cantLoseShare: 0 },
      tierBy: "score",
    };
    expect(analysisProblems(options, [])).toEqual([
      { kind: "setting", code: "tierByNeedsScore", value: "" },
      { kind: "setting", code: "marginBasisNeedsColumn", value: "" },
      { kind: "setting", code: "clvMargin", value: 2 },
      { kind: "setting", code: "clvDiscount", value: 1 },
      { kind: "setting", code: "clvYears", value: -1 },
      { kind: "core", code: "badHorizon", details: { argument: "horizon_months", in: "months", value: 1.5 } },
      { kind: "setting", code: "cantLoseShare", value: 0 },
      { kind: "core", code: "binsOutOfRange", details: { value: 11 } },
      { kind: "core", code: "breakpointsOrder", details: { dimension: "recency" } },
      { kind: "core", code: "cutsOrder", details: { aCut: 0.9, bCut: 0.5 } },
    ]);
  });

  it("lists every problem a lower folder's check finds, not only its first", () => {
    const options: AnalysisOptions = { ...OK, abc: { aCut: 0, bCut: 2, basis: "revenue" }, predict: { ...PREDICT_DEFAULTS, monthlyDiscount: 1, newDays: -1 } };
    expect(analysisProblems(options, [])).toEqual([
      { kind: "core", code: "badDiscount", details: { value: 1 } },
      { kind: "core", code: "badLifecycle", details: { field: "newDays", value: -1 } },
      { kind: "core", code: "cutOutOfRange", details: { argument: "a_cut", value: 0 } },
      { kind: "core", code: "cutOutOfRange", details: { argument: "b_cut", value: 2 } },
    ]);
  });

  it("checks what the tiers are by against what is computed", () => {
    expect(codes({ tierBy: "segment" })).toEqual(["noAnalysis", "tierByNeedsRfm"]);
    expect(codes({ rfm: OK.rfm, tierBy: "abcClass" })).toEqual(["tierByNeedsAbc"]);
    expect(codes({ rfm: OK.rfm, score: scoreSettings([], { bands: shares(0.5) }), tierBy: "segment" })).toEqual(["tierByNeedsScore"]);
  });

  it("knows which score metrics this data and these settings can give", () => {
    const score = (metric: "clv" | "margin" | "extra" | "pAlive" | "recency") => scoreSettings([metric], { bands: shares(0.5) });
    expect(analysisProblems({ score: score("margin"), tierBy: "score" }, [])).toEqual([{ kind: "setting", code: "scoreMetricUnavailable", value: "margin" }]);
    expect(codes({ score: score("margin"), tierBy: "score" }, ["margin"])).toEqual([]);
    expect(codes({ score: score("extra"), tierBy: "score" }, ["margin"])).toEqual(["scoreMetricUnavailable"]);
    expect(codes({ score: score("clv"), tierBy: "score" })).toEqual(["scoreMetricUnavailable"]);
    expect(codes({ score: score("pAlive"), tierBy: "score" })).toEqual(["scoreMetricUnavailable"]);
    expect(codes({ score: score("pAlive"), predict: PREDICT_DEFAULTS, tierBy: "score" })).toEqual([]);
    expect(codes({ score: { ...score("recency"), bands: shares(0.8, 0.5) }, tierBy: "score" })).toEqual(["scoreBands"]);
  });

  it("takes the CLV horizon as the core does: 0 years and beyond 100 are allowed, negative or infinite are not", () => {
    const years = (y: number) => codes({ ...OK, clv: { ...OK.clv!, years: y } });
    expect(years(0)).toEqual([]);
    expect(years(150)).toEqual([]);
    expect(years(-0.5)).toEqual(["clvYears"]);
    expect(years(Infinity)).toEqual(["clvYears"]);
  });

  it("leaves the ABC cuts alone with the computed method, and reports an unknown scheme", () => {
    expect(codes({ ...OK, abc: { aCut: 2, bCut: 0, basis: "revenue", method: "computed" } })).toEqual([]);
    expect(codes({ ...OK, rfm: { bins: 5, scheme: "nope" as "rfm" } })).toEqual(["unknownScheme"]);
  });

  it("wants bins − 1 breakpoints in every dimension when breakpoints are given, said once per mistake", () => {
    const breakpoints = { recency: [30, 90, 180, 365], frequency: [1, 2, 5, 10], monetary: [100, 250, 500, 1000] };
    expect(codes({ ...OK, rfm: { bins: 5, breakpoints, scheme: "rfm" } })).toEqual([]);
    const short = analysisProblems({ ...OK, rfm: { bins: 5, breakpoints: { ...breakpoints, frequency: [1, 2, 5], monetary: undefined }, scheme: "rfm" } }, []);
    expect(short).toEqual([
      { kind: "core", code: "breakpointsCount", details: { dimension: "frequency", count: 3, expected: 4 } },
      { kind: "core", code: "breakpointsCount", details: { dimension: "monetary", count: 0, expected: 4 } },
    ]);
    // Not ascending is said as that, not also as a count; bins out of range are said as bins.
    expect(codes({ ...OK, rfm: { bins: 5, breakpoints: { ...breakpoints, recency: [90, 30] }, scheme: "rfm" } })).toEqual(["breakpointsOrder"]);
    expect(codes({ ...OK, rfm: { bins: 11, breakpoints, scheme: "rfm" } })).toEqual(["binsOutOfRange"]);
    expect(() => runTiering(COLUMNS, { ...OK, rfm: { bins: 3, breakpoints, scheme: "rfm" } })).toThrow(CoreError);
  });

  it("checks custom rules given as data as a grid's rows are read: one at least, a name, whole bounds, min ≤ max", () => {
    const rule = { name: "VIP", r: [4, 5] as const, f: [1, 5] as const, m: [1, 5] as const };
    expect(ruleProblems([rule, { ...rule, r: [-Infinity, Infinity] }])).toEqual([]);
    expect(ruleProblems([])).toEqual([{ code: "badRule", details: { row: 1, problem: "ruleNameBlank" } }]);
    expect(ruleProblems([rule, { ...rule, name: " " }, { ...rule, f: [1.5, 5], m: [5, 2] }, { ...rule, r: [1, NaN] }])).toEqual([
      { code: "badRule", details: { row: 2, problem: "ruleNameBlank" } },
      { code: "badRule", details: { row: 3, problem: "ruleBound", column: "F min", value: "1.5" } },
      { code: "badRule", details: { row: 3, problem: "ruleRange", column: "M" } },
      { code: "badRule", details: { row: 4, problem: "ruleBound", column: "R max", value: "NaN" } },
    ]);
    expect(analysisProblems({ ...OK, rfm: { bins: 5, scheme: [{ ...rule, name: "" }] } }, [])).toEqual([{ kind: "core", code: "badRule", details: { row: 1, problem: "ruleNameBlank" } }]);
    expect(() => runTiering(COLUMNS, { ...OK, rfm: { bins: 5, scheme: [] } })).toThrow(CoreError);
  });

  it("is what runTiering throws first: the same error class and code", () => {
    const first = (options: AnalysisOptions) => {
      try {
        runTiering(COLUMNS, options);
      } catch (error) {
        return error;
      }
      return null;
    };
    const cases: AnalysisOptions[] = [
      { ...OK, tierBy: "abcClass", abc: null },
      { ...OK, clv: { ...OK.clv!, retention: 1.5 } },
      { ...OK, rfm: { bins: 1, scheme: "rfm" } },
      { ...OK, abc: { aCut: 0, bCut: 0.5, basis: "revenue" } },
      { ...OK, predict: { ...PREDICT_DEFAULTS, silentMultiple: 0.5 } },
    ];
    for (const options of cases) {
      const [problem] = analysisProblems(options, []);
      const error = first(options);
      if (problem.kind === "setting") expect(error).toEqual(new AnalysisSettingsError(problem.code, problem.value));
      else expect(error).toEqual(expect.objectContaining({ name: "CoreError", code: problem.code, details: problem.details }));
      expect(error instanceof (problem.kind === "setting" ? AnalysisSettingsError : CoreError)).toBe(true);
    }
    expect(first(OK)).toBeNull();
  });
});
