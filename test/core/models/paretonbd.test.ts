/**
 * Pareto/NBD: the published CDNOW fit (Fader, Hardie & Lee 2005, "A note on implementing the Pareto/NBD
 * model in MATLAB": r = 0.55, α = 10.58, s = 0.61, β = 11.67, LL = −9,595.0), the likelihood against a
 * 30-digit mpmath integral, and properties of the predictions.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitParetoNbd, paretoExpectedIfAlive, paretoExpectedPurchases, paretoNbdLogLikelihood, paretoPAlive } from "../../../src/core/models/paretonbd";
import { expectCoreError } from "../../support/core-error";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;
const toPrinted = (value: number, printed: string) => expect(value.toFixed(printed.split(".")[1]?.length ?? 0)).toBe(printed);

describe("Pareto/NBD on CDNOW", () => {
  const rows = readFileSync(`${DATA}cdnow_customers_summary_with_transactions.csv`, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
  const data = { x: rows.map((r) => r[1]), tx: rows.map((r) => r[2]), T: rows.map((r) => r[3]) };
  const fit = fitParetoNbd(data);

  it("fits the published parameters and log-likelihood", () => {
    toPrinted(fit.r, "0.55");
    toPrinted(fit.alpha, "10.58");
    toPrinted(fit.s, "0.61");
    toPrinted(fit.beta, "11.67");
    toPrinted(fit.logLikelihood, "-9595.0");
    expect(fit.limits).toEqual([]);
    for (const se of Object.values(fit.standardErrors)) expect(se).toBeGreaterThan(0);
    // The maximum: the published (rounder) values are not above it.
    expect(paretoNbdLogLikelihood({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, data)).toBeLessThanOrEqual(fit.logLikelihood + 1e-9);
  });

  it("predicts customer 1 plausibly beside BG/NBD (P(alive) 0.73 there)", () => {
    const alive = paretoPAlive(fit, 2, 30.43, 38.86);
    expect(alive).toBeGreaterThan(0.7);
    expect(alive).toBeLessThan(1);
    expect(paretoExpectedPurchases(fit, 39, 2, 30.43, 38.86)).toBeGreaterThan(1);
  });
});

describe("Pareto/NBD likelihood against mpmath (30 digits, the integral form)", () => {
  // [r, α, s, β, x, t_x, T, ln L]
  const cases: [number, number, number, number, number, number, number, number][] = [
    [0.55, 10.58, 0.61, 11.67, 2, 30.43, 38.86, -9.5619812608429632],
    [0.55, 10.58, 0.61, 11.67, 0, 0, 38.86, -0.51702515088753828],
    [0.55, 10.58, 0.61, 11.67, 1, 1.71, 38.86, -4.4507725494538163],
    [0.55, 3.0, 0.61, 11.67, 3, 20, 38, -11.959120660050436],
    [2, 20, 3, 1.5, 3, 20, 38, -17.910423096775994],
  ];
  it.each(cases)("r %d, α %d, s %d, β %d, x %d, t_x %d, T %d", (r, alpha, s, beta, x, tx, T, reference) => {
    expect(paretoNbdLogLikelihood({ r, alpha, s, beta }, { x: [x], tx: [tx], T: [T] })).toBeCloseTo(reference, 9);
  });
});

describe("Pareto/NBD predictions", () => {
  const params = fc.record({
    r: fc.double({ min: 0.05, max: 5, noNaN: true }),
    alpha: fc.double({ min: 0.5, max: 100, noNaN: true }),
    s: fc.double({ min: 0.05, max: 5, noNaN: true }),
    beta: fc.double({ min: 0.5, max: 100, noNaN: true }),
  });
  const customer = fc
    .record({ x: fc.integer({ min: 0, max: 100 }), T: fc.double({ min: 0.5, max: 200, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : Math.max(1e-3, T * share) }));

  it("P(alive) is in [0, 1] and 1 right after a purchase; expectations grow with the horizon", () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.1, max: 500, noNaN: true }), (p, c, t) => {
        const alive = paretoPAlive(p, c.x, c.tx, c.T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        expect(paretoPAlive(p, c.x, c.T, c.T)).toBe(1);
        const shorter = paretoExpectedPurchases(p, t, c.x, c.tx, c.T);
        expect(Number.isFinite(shorter) && shorter >= 0).toBe(true);
        expect(paretoExpectedPurchases(p, t * 2, c.x, c.tx, c.T)).toBeGreaterThanOrEqual(shorter);
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it("is continuous at s = 1, where the textbook formula divides 0 by 0", () => {
    const at = paretoExpectedIfAlive({ r: 0.5, alpha: 10, s: 1, beta: 12 }, 52, 3, 40);
    expect(at).toBeCloseTo(paretoExpectedIfAlive({ r: 0.5, alpha: 10, s: 1 + 1e-10, beta: 12 }, 52, 3, 40), 8);
    expect(at).toBeCloseTo(((0.5 + 3) * (12 + 40)) / (10 + 40) * Math.log1p(52 / 52), 12);
  });

  it("recovers simulated parameters within 3 standard errors", () => {
    // Continuous time: λ ~ Gamma(r, α), μ ~ Gamma(s, β), lifetime ~ Exp(μ), Poisson purchases until then.
    let seed = 17;
    const u = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) || 1e-12;
    const gamma = (shape: number, rate: number): number => {
      if (shape < 1) return gamma(shape + 1, rate) * Math.pow(u(), 1 / shape);
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
        const v = (1 + c * z) ** 3;
        if (v > 0 && Math.log(u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
      }
    };
    const truth = { r: 0.6, alpha: 8, s: 0.8, beta: 12 };
    const n = 4000;
    const x: number[] = [];
    const tx: number[] = [];
    const T: number[] = [];
    for (let i = 0; i < n; i++) {
      const lambda = gamma(truth.r, truth.alpha);
      const mu = gamma(truth.s, truth.beta);
      const span = 52 + u() * 26;
      const end = Math.min(span, -Math.log(u()) / mu);
      let time = 0;
      let count = 0;
      let last = 0;
      for (;;) {
        time += -Math.log(u()) / lambda;
        if (time > end) break;
        count++;
        last = time;
      }
      x.push(count);
      tx.push(last);
      T.push(span);
    }
    const fit = fitParetoNbd({ x, tx, T });
    for (const key of ["r", "alpha", "s", "beta"] as const) {
      expect(Math.abs(fit[key] - truth[key])).toBeLessThan(3 * fit.standardErrors[key]);
    }
  });

  it("refuses data without repeat purchases", () => {
    expectCoreError(() => fitParetoNbd({ x: [0, 0], tx: [0, 0], T: [5, 6] }), "noRepeatPurchases");
  });
});
