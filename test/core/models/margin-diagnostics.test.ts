import { describe, expect, it } from "vitest";
import { CoreError } from "../../../src/core/cells/errors";
import { marginClv } from "../../../src/core/models/margin";
import { spendFitDiagnostics } from "../../../src/core/models/diagnostics";
import type { GammaGammaFit } from "../../../src/core/models/gammagamma";

describe("margin CLV", () => {
  it("one rate or one per customer; a missing CLV stays missing", () => {
    expect(Array.from(marginClv([100, 50, NaN], 0.3))).toEqual([30, 15, NaN]);
    expect(Array.from(marginClv([100, 50], [0.5, 0.1]))).toEqual([50, 5]);
  });
  it("names a bad rate, row or length", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof CoreError ? e.details : null;
      }
      return null;
    };
    expect(code(() => marginClv([1], 1.2))).toEqual({ argument: "margin", value: 1.2 });
    expect(code(() => marginClv([1, 2], [0.2, -1]))).toEqual({ argument: "margin", row: 1, value: -1 });
    expect(code(() => marginClv([1, 2], [0.2]))).toEqual({ argument: "margin", length: 1, customers: 2 });
  });
});

describe("spend diagnostics", () => {
  const fit = { p: 6, q: 4, v: 15, limits: [], frequencySpendCorrelation: 0.1 } as unknown as GammaGammaFit;
  it("flags |ρ| > 0.3 and parameters at a limit, nothing otherwise", () => {
    expect(spendFitDiagnostics(fit)).toEqual([]);
    expect(spendFitDiagnostics({ ...fit, frequencySpendCorrelation: -0.45 }).map((d) => d.code)).toEqual(["spend-frequency-correlated"]);
    expect(spendFitDiagnostics({ ...fit, limits: ["q", "v"] }).map((d) => d.code)).toEqual(["spend-parameter-at-limit"]);
  });
});
