/**
 * Golden: the holdout check on CDNOW_sample (Fader, Hardie & Lee 2005: 2,357 customers, calibration to
 * 1997-09-30, 39 weeks of holdout to 1998-06-30). The issue quotes lifetimes 0.11.3's numbers: total
 * predicted 1,653.4 against 1,882 actual; x = 0: 1,411 customers, predicted 0.2251, actual 0.2367;
 * x = 7+: 64, 6.157, 6.359; MAE 0.785, RMSE 1.608. Those digits are the maximum-likelihood fit's (the
 * paper's rounded parameters r = 0.243, α = 4.414, a = 0.793, b = 2.426 give 1,653.9 and 0.2255), so
 * the golden is the check as the product runs it: fitted on the calibration part.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { holdoutCheck } from "../../../src/core/models/holdout";
import { parseDateText } from "../../../src/core/cells/dates";
import { readTransactions } from "../../../src/core/transactions/read";
import { CoreError } from "../../../src/core/cells/errors";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;

function toPrinted(value: number, printed: string): void {
  const decimals = printed.split(".")[1]?.length ?? 0;
  expect(value.toFixed(decimals)).toBe(printed);
}

export function readCdnowSample() {
  const rows = readFileSync(`${DATA}CDNOW_sample.txt`, "utf8").trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
  return readTransactions({ customers: rows.map((r) => r[1]), dates: rows.map((r) => r[2]), amounts: rows.map((r) => r[4]) });
}

describe("holdout check, golden: CDNOW_sample (FHL 2005)", () => {
  const tx = readCdnowSample();
  const options = { unit: "week" as const, calibrationEnd: parseDateText("1997-09-30"), holdoutEnd: parseDateText("1998-06-30") };
  const check = holdoutCheck(tx, options);

  it("totals, errors and the groups table to the printed digits", () => {
    expect(check.summary.x.length).toBe(2357);
    toPrinted(check.holdoutLength, "39");
    toPrinted(check.totalPredicted, "1653.4");
    expect(check.totalActual).toBe(1882);
    toPrinted(check.mae, "0.785");
    toPrinted(check.rmse, "1.608");
    expect(check.bias).toBeCloseTo((check.totalPredicted - check.totalActual) / 2357, 12);
    expect(check.groups.map((g) => g.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const [zero] = check.groups;
    expect(zero.customers).toBe(1411);
    toPrinted(zero.predictedMean, "0.2251");
    toPrinted(zero.actualMean, "0.2367");
    const seven = check.groups[7];
    expect(seven.customers).toBe(64);
    toPrinted(seven.predictedMean, "6.157");
    toPrinted(seven.actualMean, "6.359");
    expect(check.groups.reduce((s, g) => s + g.customers, 0)).toBe(2357);
    expect(check.diagnostics).toEqual([]);
  });

  it("the paper's parameters give the same table to about 0.1 %", () => {
    const published = holdoutCheck(tx, options, { model: "bgnbd", r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    expect(Math.abs(published.totalPredicted - 1653.4) / 1653.4).toBeLessThan(1e-3);
    expect(published.totalActual).toBe(1882);
  });

  it("tracks cumulative repeat purchases week by week over 78 weeks", () => {
    const t = check.tracking;
    expect(t).toHaveLength(78);
    expect(t.filter((p) => !p.holdout)).toHaveLength(39);
    for (let i = 1; i < t.length; i++) {
      expect(t[i].actual).toBeGreaterThanOrEqual(t[i - 1].actual);
      expect(t[i].expected).toBeGreaterThanOrEqual(t[i - 1].expected);
    }
    // All repeat purchases of the cohort by the holdout end: calibration x plus holdout actual.
    const calibrationRepeats = check.summary.x.reduce((s, v) => s + v, 0);
    expect(t[77].actual).toBe(calibrationRepeats + 1882);
    // The model tracks the total within 5 % (FHL 2005, Figure 2).
    expect(Math.abs(t[77].expected - t[77].actual) / t[77].actual).toBeLessThan(0.05);
    expect(t[38].actual).toBe(calibrationRepeats);
  });

  it("P(alive) deciles: ten groups, mean P(alive) rising, shares in [0, 1]", () => {
    const d = check.aliveDeciles;
    expect(d).toHaveLength(10);
    expect(d.reduce((s, g) => s + g.customers, 0)).toBe(2357);
    for (let i = 1; i < d.length; i++) expect(d[i].meanPAlive).toBeGreaterThanOrEqual(d[i - 1].meanPAlive);
    for (const g of d) expect(g.boughtShare >= 0 && g.boughtShare <= 1).toBe(true);
  });

  it("refuses a holdout that ends at or before the calibration end", () => {
    let error: unknown;
    try {
      holdoutCheck(tx, { ...options, holdoutEnd: options.calibrationEnd });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe("holdoutEmpty");
  });
});
