/** The tiers' pure checks: every problem as codes and facts, and the throwing entry points throw the first. */
import { describe, expect, it } from "vitest";
import { abcOptionProblems, classifyAbc } from "../../../src/core/tiers/abc";
import { breakpointProblems, checkBins, rfmOptionProblems, scoreRfm } from "../../../src/core/tiers/rfm";
import { checkScoreBands, checkScoreOptions, scoreBandProblems, scoreOptionProblems } from "../../../src/core/tiers/score";
import { schemeProblems, segmentCustomers } from "../../../src/core/tiers/segments";
import { expectCoreError } from "../../support/core-error";

describe("rfm and segments", () => {
  it("lists bins, then each dimension's breakpoints; scoreRfm throws the first", () => {
    const options = { bins: 11, breakpoints: { recency: [30, 10], monetary: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } };
    expect(rfmOptionProblems(options)).toEqual([
      { code: "binsOutOfRange", details: { value: 11 } },
      { code: "breakpointsOrder", details: { dimension: "recency" } },
      { code: "tooManyBreakpoints", details: { dimension: "monetary", count: 10 } },
    ]);
    expectCoreError(() => scoreRfm([1], [1], [1], options), "binsOutOfRange", { value: 11 });
    expectCoreError(() => checkBins(1), "binsOutOfRange", { value: 1 });
    expect(rfmOptionProblems({})).toEqual([]);
    expect(breakpointProblems([NaN, 1], "frequency")).toEqual([{ code: "breakpointsOrder", details: { dimension: "frequency" } }]);
    expect(breakpointProblems(undefined, "frequency")).toEqual([]);
  });

  it("knows the built-in schemes; custom rules are not its business", () => {
    expect(schemeProblems("rfm")).toEqual([]);
    expect(schemeProblems("cn8")).toEqual([]);
    expect(schemeProblems([])).toEqual([]);
    expect(schemeProblems("abc")).toEqual([{ code: "unknownScheme", details: { value: "abc" } }]);
    const scores = scoreRfm([1], [1], [1]);
    expectCoreError(() => segmentCustomers(scores, "abc" as never), "unknownScheme", { value: "abc" });
  });
});

describe("abc", () => {
  it("lists both cuts out of range, judges their order only when both are in range", () => {
    expect(abcOptionProblems({ aCut: 0, bCut: 2 })).toEqual([
      { code: "cutOutOfRange", details: { argument: "a_cut", value: 0 } },
      { code: "cutOutOfRange", details: { argument: "b_cut", value: 2 } },
    ]);
    expect(abcOptionProblems({ aCut: 2, bCut: 0.5 })).toEqual([{ code: "cutOutOfRange", details: { argument: "a_cut", value: 2 } }]);
    expect(abcOptionProblems({ aCut: 0.9, bCut: 0.5 })).toEqual([{ code: "cutsOrder", details: { aCut: 0.9, bCut: 0.5 } }]);
    expect(abcOptionProblems({ aCut: 2, bCut: 0, method: "computed" })).toEqual([]);
    expect(abcOptionProblems({ method: "x" as never, aCut: 2 })).toEqual([{ code: "unknownAbcMethod", details: { value: "x" } }]);
    expect(abcOptionProblems({ basis: "x" as never, aCut: 2 })).toEqual([{ code: "unknownBasis", details: { value: "x" } }]);
    expectCoreError(() => classifyAbc([1], { aCut: 0, bCut: 2 }), "cutOutOfRange", { argument: "a_cut", value: 0 });
  });
});

describe("score", () => {
  it("lists weights, directions, method and bands in that order; checkScoreOptions throws the first", () => {
    const options = { weights: [-1, NaN], directions: ["higher", "up"] as never, method: "rank" as never, bands: { kind: "shares" as const, shares: [0.5, 0] } };
    expect(scoreOptionProblems(2, options).map((p) => [p.code, p.details.reason ?? p.details.value])).toEqual([
      ["scoreWeights", "negative"],
      ["scoreWeights", "notFinite"],
      ["scoreDirections", "unknown"],
      ["scoreMethod", "rank"],
      ["scoreBands", "share"],
    ]);
    expectCoreError(() => checkScoreOptions(2, options), "scoreWeights", { reason: "negative", position: 1 });
    expect(scoreOptionProblems(2, { weights: [1] }).map((p) => p.details.reason)).toEqual(["count"]);
    expect(scoreOptionProblems(2, { weights: [0, 0] }).map((p) => p.details.reason)).toEqual(["allZero"]);
    expect(checkScoreOptions(2, { weights: [3, 1] })).toEqual(Float64Array.from([0.75, 0.25]));
  });

  it("judges a threshold's order only against a usable threshold before it, the shares' sum only when each share is usable", () => {
    expect(scoreBandProblems({ kind: "thresholds", thresholds: [120, 90, 95] }).map((p) => [p.details.reason, p.details.position])).toEqual([
      ["threshold", 1],
      ["thresholdOrder", 3],
    ]);
    expect(scoreBandProblems({ kind: "shares", shares: [0.6, 0.6] }).map((p) => p.details.reason)).toEqual(["shareSum"]);
    expect(scoreBandProblems({ kind: "shares", shares: [2, 0.6] }).map((p) => p.details.reason)).toEqual(["share"]);
    expect(scoreBandProblems({ kind: "shares", shares: [] }).map((p) => p.details.reason)).toEqual(["none"]);
    expectCoreError(() => checkScoreBands({ kind: "thresholds", thresholds: [120, 90, 95] }), "scoreBands", { reason: "threshold", position: 1 });
  });
});
