/**
 * Golden tests: the published CDNOW numbers.
 * - BG/NBD: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science:
 *   r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9,582.4; customer 1 (x = 2, t_x = 30.43,
 *   T = 38.86) expects 1.226 purchases in the next 39 weeks, P(alive) = 0.7266 (Hardie's note 027 /
 *   the Excel implementation note).
 * - Gamma-Gamma: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value": p = 6.25, q = 3.74,
 *   v = 15.44 (the likelihood's maximum is at v ≈ 15.448; lifetimes prints 15.45).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedPurchases, fitBgNbd, pAlive } from "../../../src/core/models/bgnbd";
import { calibrationSummary } from "../../../src/core/models/calibration";
import { parseDateText } from "../../../src/core/cells/dates";
import { expectedAverageSpend, fitGammaGamma } from "../../../src/core/models/gammagamma";
import { readTransactions } from "../../../src/core/transactions/read";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;

/** Asserts `value` rounds to `printed` at the printed number of decimals. */
function toPrinted(value: number, printed: string): void {
  const decimals = printed.split(".")[1]?.length ?? 0;
  expect(value.toFixed(decimals)).toBe(printed);
}

function readSummary() {
  const rows = readFileSync(`${DATA}cdnow_customers_summary_with_transactions.csv`, "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").map(Number));
  return {
    id: rows.map((r) => r[0]),
    x: Float64Array.from(rows, (r) => r[1]),
    tx: Float64Array.from(rows, (r) => r[2]),
    T: Float64Array.from(rows, (r) => r[3]),
    zbar: Float64Array.from(rows, (r) => r[4]),
  };
}

/** CDNOW_sample.txt: master id, sample id, YYYYMMDD, CDs, dollars; customers are the sample ids. */
function readRawSample() {
  const rows = readFileSync(`${DATA}CDNOW_sample.txt`, "utf8")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/));
  return readTransactions({ customers: rows.map((r) => r[1]), dates: rows.map((r) => r[2]), amounts: rows.map((r) => r[4]) });
}

describe("golden: CDNOW (Fader, Hardie & Lee 2005; Fader & Hardie 2013)", () => {
  const summary = readSummary();
  const bgnbd = fitBgNbd(summary);
  const gg = fitGammaGamma(summary.x, summary.zbar);

  it("fits BG/NBD to the published parameters and log-likelihood", () => {
    expect(summary.x.length).toBe(2357);
    toPrinted(bgnbd.r, "0.243");
    toPrinted(bgnbd.alpha, "4.414");
    toPrinted(bgnbd.a, "0.793");
    toPrinted(bgnbd.b, "2.426");
    toPrinted(bgnbd.logLikelihood, "-9582.4");
    // Standard errors as lifetimes reports them for the same data.
    toPrinted(bgnbd.standardErrors.r, "0.013");
    toPrinted(bgnbd.standardErrors.alpha, "0.38");
    toPrinted(bgnbd.standardErrors.a, "0.19");
    toPrinted(bgnbd.standardErrors.b, "0.71");
  });

  it("predicts customer 1: 1.226 purchases in 39 weeks, P(alive) 0.7266", () => {
    toPrinted(expectedPurchases(bgnbd, 39, 2, 30.43, 38.86), "1.226");
    toPrinted(pAlive(bgnbd, 2, 30.43, 38.86), "0.7266");
  });

  it("fits Gamma-Gamma to the published p, q, v", () => {
    expect(gg.customers).toBe(946);
    toPrinted(gg.p, "6.25");
    toPrinted(gg.q, "3.74");
    // The paper prints 15.44; the maximum is at 15.448 (to the printed precision: 15.44 or 15.45).
    expect(gg.v).toBeGreaterThan(15.44);
    expect(gg.v).toBeLessThan(15.45 + 0.005);
    toPrinted(gg.v, "15.448");
    // Fader & Hardie 2013: a customer with x = 2 repeat purchases averaging $22.35 is expected to spend
    // between the population mean and their own mean.
    const population = (gg.p * gg.v) / (gg.q - 1);
    const spend = expectedAverageSpend(gg, 2, 22.35);
    expect(spend).toBeGreaterThan(Math.min(population, 22.35));
    expect(spend).toBeLessThan(Math.max(population, 22.35));
  });

  it("rebuilds the summary from the raw CDNOW sample (calibration 1997-01-01 .. 1997-09-30) and gets the same fit", () => {
    const tx = readRawSample();
    expect(tx.problems.count).toBe(0);
    const rebuilt = calibrationSummary(tx, { unit: "week", calibrationEnd: parseDateText("1997-09-30") });
    expect(rebuilt.customerIds.length).toBe(2357);
    // Row by row equal to the published summary, which rounds t_x, T and z̄ to 2 decimals.
    for (let i = 0; i < 2357; i++) {
      expect(Number(rebuilt.customerIds[i])).toBe(summary.id[i]);
      expect(rebuilt.x[i]).toBe(summary.x[i]);
      expect(Math.abs(rebuilt.tx[i] - summary.tx[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(rebuilt.T[i] - summary.T[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(rebuilt.zbar[i] - summary.zbar[i])).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    const fit = fitBgNbd(rebuilt);
    toPrinted(fit.r, "0.243");
    toPrinted(fit.alpha, "4.414");
    toPrinted(fit.a, "0.793");
    toPrinted(fit.b, "2.426");
    toPrinted(fit.logLikelihood, "-9582.4");
    const spend = fitGammaGamma(rebuilt.x, rebuilt.zbar);
    toPrinted(spend.p, "6.25");
    toPrinted(spend.q, "3.74");
    toPrinted(spend.v, "15.44");
  });

  it("gives the same model whatever the time unit: α scales, r, a, b and P(alive) do not", () => {
    const tx = readRawSample();
    const end = parseDateText("1997-09-30");
    const days = fitBgNbd(calibrationSummary(tx, { unit: "day", calibrationEnd: end }));
    expect(days.r).toBeCloseTo(bgnbd.r, 3);
    expect(days.a).toBeCloseTo(bgnbd.a, 3);
    expect(days.b).toBeCloseTo(bgnbd.b, 3);
    expect(days.alpha / 7).toBeCloseTo(4.414, 2);
    expect(pAlive(days, 2, 213, 272)).toBeCloseTo(pAlive(bgnbd, 2, 213 / 7, 272 / 7), 4);
    expect(expectedPurchases(days, 273, 2, 213, 272)).toBeCloseTo(expectedPurchases(bgnbd, 39, 2, 213 / 7, 272 / 7), 4);
  });
});
