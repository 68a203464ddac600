import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsvFile, columnIndex } from "../../../src/cli/csv";
import { expectedIfAlive, fitBgNbd, pAlive } from "../../../src/core/models/bgnbd";
import { fitGammaGamma } from "../../../src/core/models/gammagamma";
import { calibrationSummary, DAYS_PER_UNIT } from "../../../src/core/models/calibration";
import { churnWarning } from "../../../src/core/models/churn";
import { parseDateText, serialFromParts } from "../../../src/core/cells/dates";
import { readTransactions } from "../../../src/core/transactions/read";
import type { Transactions } from "../../../src/core/transactions/model";
import { LIFECYCLE_STAGES, lifecycleOptionProblems, lifecycleStages } from "../../../src/core/models/lifecycle";
import { predictCustomers, predictOptionProblems, runClvModels } from "../../../src/core/models/predict";
import { expectCoreError } from "../../support/core-error";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;
const CDNOW = { model: "bgnbd", r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
const SPEND = { p: 6.25, q: 3.74, v: 15.44 };
const day = (iso: string) => parseDateText(iso);

function tx(rows: [string | number, string, number][]): Transactions {
  return readTransactions({ customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) });
}

describe("calibrationSummary", () => {
  const data = tx([
    ["a", "2024-01-01", 10],
    ["a", "2024-01-01", 5], // same day: one purchase of 15
    ["a", "2024-01-15", 20],
    ["a", "2024-01-29", 40],
    ["a", "2024-03-01", 99], // after the calibration end
    ["b", "2024-01-10", 7],
    ["c", "2024-02-20", 8], // first purchase after the end: not in the summary
  ]);

  it("counts repeat purchase days, times in the unit, and the mean repeat spend", () => {
    const s = calibrationSummary(data, { unit: "week", calibrationEnd: day("2024-02-12") });
    expect(s.customerIds).toEqual(["a", "b"]);
    expect([...s.x]).toEqual([2, 0]);
    expect([...s.tx]).toEqual([4, 0]);
    expect(s.T[0]).toBeCloseTo(6, 12);
    expect(s.T[1]).toBeCloseTo(33 / 7, 12);
    expect([...s.zbar]).toEqual([30, 0]);
    expect([...s.totalSpend]).toEqual([75, 7]);
    const inDays = calibrationSummary(data, { unit: "day", calibrationEnd: day("2024-02-12") });
    expect([...inDays.tx]).toEqual([28, 0]);
    const inMonths = calibrationSummary(data, { unit: "month", calibrationEnd: day("2024-02-12") });
    expect(inMonths.T[0]).toBeCloseTo(42 / 30.4375, 12);
  });

  it("leaves returns out: a refund is not a purchase and does not lower the repeat spend", () => {
    const withReturn = tx([
      ["a", "2024-01-01", 50],
      ["a", "2024-01-10", 30],
      ["a", "2024-01-11", -30],
      ["a", "2024-01-20", 0],
    ]);
    const s = calibrationSummary(withReturn, { unit: "day" });
    expect(s.returns).toBe(1);
    // Days 1, 10 and 20 (a zero amount is still a purchase), not day 11.
    expect([...s.x]).toEqual([2]);
    expect([...s.tx]).toEqual([19]);
    expect([...s.zbar]).toEqual([15]);
  });

  it("ends calibration at the latest purchase by default and refuses an end before the data", () => {
    expect(calibrationSummary(data, { unit: "day" }).calibrationEnd).toBe(day("2024-03-01"));
    expectCoreError(() => calibrationSummary(data, { unit: "day", calibrationEnd: day("2023-12-31") }), "calibrationBeforeData");
    expectCoreError(() => calibrationSummary(data, { unit: "fortnight" as "day" }), "badUnit");
  });

  it("is independent of row order", () => {
    const rows: [string, string, number][] = [];
    const u = (k: number) => ((k * 2654435761) >>> 0) % 97;
    for (let k = 0; k < 300; k++) rows.push([`c${u(k) % 23}`, `2024-0${1 + (u(k + 7) % 9)}-${10 + (u(k + 3) % 18)}`, 1 + (u(k + 1) % 50)]);
    const forward = calibrationSummary(tx(rows), { unit: "day" });
    const backward = calibrationSummary(tx([...rows].reverse()), { unit: "day" });
    const byId = (s: typeof forward) =>
      Object.fromEntries(s.customerIds.map((id, i) => [id, [s.x[i], s.tx[i], s.T[i], s.zbar[i].toFixed(9)]]));
    expect(byId(backward)).toEqual(byId(forward));
  });
});

describe("predictCustomers", () => {
  const customers = { x: [0, 2, 10, 1], tx: [0, 30.43, 37, 2], T: [38.86, 38.86, 38, 30], zbar: [0, 22.35, 40, 10] };

  it("sums each month's discounted expected purchases times the expected spend", () => {
    const months = 12;
    const out = predictCustomers(CDNOW, SPEND, customers, { unit: "week", horizon: 39, clvMonths: months, monthlyDiscount: 0.01 });
    const perMonth = DAYS_PER_UNIT.month / 7;
    for (let i = 0; i < 4; i++) {
      let expected = 0;
      let previous = 0;
      for (let k = 1; k <= months; k++) {
        const cumulative = expectedIfAlive(CDNOW, k * perMonth, customers.x[i], customers.T[i]);
        expected += (cumulative - previous) / 1.01 ** k;
        previous = cumulative;
      }
      const alive = pAlive(CDNOW, customers.x[i], customers.tx[i], customers.T[i]);
      expect(out.pAlive[i]).toBe(alive);
      expect(out.clv[i]).toBeCloseTo(alive * expected * out.expectedAverageSpend[i], 9);
      expect(out.clvIfAlive[i] * alive).toBeCloseTo(out.clv[i], 9);
    }
    // Customer 1 of CDNOW: the published 1.226 purchases in 39 weeks.
    expect(out.expectedPurchases[1]).toBeCloseTo(1.226, 3);
  });

  it("matches values computed independently with mpmath for CDNOW customer 1 (12 months, 1% a month)", () => {
    // The fit on the published summary; E, spend and CLV evaluated at 40 digits from the closed forms.
    const rows = readFileSync(`${DATA}cdnow_customers_summary_with_transactions.csv`, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
    const col = (k: number) => rows.map((r) => r[k]);
    const data = { x: col(1), tx: col(2), T: col(3), zbar: col(4) };
    const out = predictCustomers(fitBgNbd(data), fitGammaGamma(data.x, data.zbar), data, { unit: "week", horizon: 12 * (30.4375 / 7), clvMonths: 12, monthlyDiscount: 0.01 });
    expect(out.expectedPurchases[0] / out.pAlive[0]).toBeGreaterThan(0);
    // The fit itself is exact to about 1e-8, which bounds the agreement.
    expect(out.expectedPurchases[0]).toBeCloseTo(1.562962460244356, 6);
    expect(out.expectedAverageSpend[0]).toBeCloseTo(24.65861616893726, 6);
    expect(out.clv[0]).toBeCloseTo(36.30053782591178, 5);
  });

  it("CLV is non-negative, grows with the horizon and falls with the discount rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.constantFrom("day", "week", "month") as fc.Arbitrary<"day" | "week" | "month">,
        (months, rate, unit) => {
          const scale = DAYS_PER_UNIT.week / DAYS_PER_UNIT[unit];
          const params = { ...CDNOW, alpha: CDNOW.alpha * scale };
          const data = { ...customers, tx: customers.tx.map((t) => t * scale), T: customers.T.map((t) => t * scale) };
          const at = (m: number, d: number) => predictCustomers(params, SPEND, data, { unit, horizon: 1, clvMonths: m, monthlyDiscount: d }).clv;
          const base = at(months, rate);
          const longer = at(months + 1, rate);
          const dearer = at(months, rate + 0.05);
          for (let i = 0; i < 4; i++) {
            expect(base[i]).toBeGreaterThanOrEqual(0);
            expect(longer[i]).toBeGreaterThanOrEqual(base[i]);
            expect(dearer[i]).toBeLessThanOrEqual(base[i] + 1e-12);
          }
        },
      ),
      { seed: 4, numRuns: 60 },
    );
  });

  it("gives the same CLV in any time unit", () => {
    const weeks = predictCustomers(CDNOW, SPEND, customers, { unit: "week", horizon: 0, clvMonths: 24, monthlyDiscount: 0.01 });
    const inDays = { ...customers, tx: customers.tx.map((t) => t * 7), T: customers.T.map((t) => t * 7) };
    const days = predictCustomers({ ...CDNOW, alpha: CDNOW.alpha * 7 }, SPEND, inDays, { unit: "day", horizon: 0, clvMonths: 24, monthlyDiscount: 0.01 });
    for (let i = 0; i < 4; i++) expect(days.clv[i]).toBeCloseTo(weeks.clv[i], 9);
  });

  it("refuses a horizon or discount that cannot be", () => {
    const run = (o: object) => () => predictCustomers(CDNOW, SPEND, customers, { unit: "week", horizon: 1, clvMonths: 12, monthlyDiscount: 0.01, ...o });
    expectCoreError(run({ clvMonths: 2.5 }), "badHorizon", { argument: "horizon_months" });
    expectCoreError(run({ horizon: -1 }), "badHorizon", { argument: "horizon" });
    expectCoreError(run({ monthlyDiscount: -0.01 }), "badDiscount");
    expectCoreError(run({ clvMonths: 241 }), "badHorizon");
  });

  it("lists every problem of the options, the one it throws first", () => {
    const options = { unit: "week" as const, horizon: -1, clvMonths: 2.5, monthlyDiscount: 1 };
    expect(predictOptionProblems(options)).toEqual([
      { code: "badHorizon", details: { argument: "horizon_months", in: "months", value: 2.5 } },
      { code: "badHorizon", details: { argument: "horizon", in: "units", value: -1 } },
      { code: "badDiscount", details: { value: 1 } },
    ]);
    expectCoreError(() => predictCustomers(CDNOW, SPEND, customers, options), "badHorizon", { argument: "horizon_months", value: 2.5 });
  });
});

describe("lifecycleStages", () => {
  const asOf = day("2024-12-31");
  // a: buys every 30 days, last 20 days ago → Active; b: every 30 days, last 60 days ago → Silent;
  // c: every 10 days, last 100 days ago → Churned; d: first purchase 10 days ago → New;
  // e: one purchase 40 days ago, judged by the median of the others' gaps (30, 30, 10, 7 → 20):
  //    40 > 1.5 × 20 but ≤ 3 × 20 → Silent.
  const serial = (daysAgo: number) => asOf - daysAgo;
  const rows: [string, number, number][] = [];
  for (const ago of [140, 110, 80, 50, 20]) rows.push(["a", serial(ago), 1]);
  for (const ago of [150, 120, 90, 60]) rows.push(["b", serial(ago), 1]);
  for (const ago of [120, 110, 100]) rows.push(["c", serial(ago), 1]);
  rows.push(["d", serial(10), 1], ["d", serial(3), 1], ["e", serial(40), 1]);
  const data = readTransactions({ customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) });

  it("judges each customer against their own rhythm, one-time buyers against the median", () => {
    const life = lifecycleStages(data, { asOf });
    const stages = Object.fromEntries(life.customerIds.map((id, i) => [id, LIFECYCLE_STAGES[life.stage[i]]]));
    expect(stages).toEqual({ a: "active", b: "silent", c: "churned", d: "new", e: "silent" });
    expect(life.medianGapDays).toBe(20);
    expect([...life.gapDays]).toEqual([30, 30, 10, 7, 20]);
  });

  it("takes every threshold as an argument, with a cap in days", () => {
    const strict = lifecycleStages(data, { asOf, newDays: 5, activeMultiple: 0.5, silentMultiple: 1, churnCapDays: 45 });
    const stages = strict.customerIds.map((_, i) => LIFECYCLE_STAGES[strict.stage[i]]);
    expect(stages).toEqual(["silent", "churned", "churned", "active", "churned"]);
    expectCoreError(() => lifecycleStages(data, { activeMultiple: 2, silentMultiple: 1 }), "badLifecycle", { field: "silentMultiple" });
    expectCoreError(() => lifecycleStages(data, { newDays: -1 }), "badLifecycle", { field: "newDays" });
    expectCoreError(() => lifecycleStages(data, { churnCapDays: 0 }), "badLifecycle", { field: "churnCapDays" });
  });

  it("lists every threshold problem; the silent multiple is held to the active one only when that one is usable", () => {
    expect(lifecycleOptionProblems({ newDays: -1, activeMultiple: 0, silentMultiple: 2, churnCapDays: 0 })).toEqual([
      { code: "badLifecycle", details: { field: "newDays", value: -1 } },
      { code: "badLifecycle", details: { field: "activeMultiple", value: 0 } },
      { code: "badLifecycle", details: { field: "churnCapDays", value: 0 } },
    ]);
    expect(lifecycleOptionProblems({ activeMultiple: 2, silentMultiple: 1 }).map((p) => p.details.field)).toEqual(["silentMultiple"]);
    expect(lifecycleOptionProblems({})).toEqual([]);
    expectCoreError(() => lifecycleStages(data, { newDays: -1, activeMultiple: 0 }), "badLifecycle", { field: "newDays" });
  });

  it("as of a past date, does not see later purchases (as the models' calibration end)", () => {
    const then = asOf - 55;
    const life = lifecycleStages(data, { asOf: then });
    const stages = Object.fromEntries(life.customerIds.map((id, i) => [id, LIFECYCLE_STAGES[life.stage[i]]]));
    // d and e had not bought yet; a's last purchase then was 80 days before the end (25 before `then`).
    expect(Object.keys(stages).sort()).toEqual(["a", "b", "c"]);
    expect(life.recencyDays[0]).toBe(25);
    expectCoreError(() => lifecycleStages(data, { asOf: asOf - 1000 }), "calibrationBeforeData");
    // Without an analysis date there is no "before the data": no usable row is no data (it was a date of NaN).
    expectCoreError(() => lifecycleStages(readTransactions({ customers: ["a"], dates: ["not a date"], amounts: [1] })), "noData");
  });

  it("falls back to new_days as the gap when nobody bought on two days", () => {
    const once = readTransactions({ customers: ["x", "y"], dates: [serial(10), serial(100)], amounts: [1, 1] });
    const life = lifecycleStages(once, { asOf, newDays: 20 });
    expect(Number.isNaN(life.medianGapDays)).toBe(true);
    expect([...life.stage].map((k) => LIFECYCLE_STAGES[k])).toEqual(["new", "churned"]);
  });
});

describe("churnWarning", () => {
  it("ranks by CLV at risk and marks top-value, high-risk customers as can't lose", () => {
    const alive = [0.9, 0.2, 0.5, 0.1, 1];
    const value = [100, 500, 80, 20, 1000];
    const w = churnWarning(alive, value, { valueShare: 0.4, risk: 0.5 });
    // at risk: 10, 400, 40, 18, 0
    expect([...w.order]).toEqual([1, 2, 3, 0, 4]);
    expect(w.valueThreshold).toBe(500);
    expect([...w.cantLose]).toEqual([0, 1, 0, 0, 0]);
    expect(w.clvAtRisk[1]).toBeCloseTo(400, 12);
  });

  it("puts customers without a prediction (NaN) last, with no risk", () => {
    const w = churnWarning([0.5, NaN, 0.2], [100, NaN, 50]);
    // CLV at risk: 50, none, 40.
    expect([...w.order]).toEqual([0, 2, 1]);
    expect(w.risk[1]).toBe(0);
    expect(Number.isFinite(w.valueThreshold)).toBe(true);
  });
});

/** Every transactions data set in ../shared/data that a BG/NBD model can take. */
function sharedDataSets(): { name: string; data: Transactions }[] {
  const lines = (file: string) => readFileSync(`${DATA}${file}`, "utf8").trim().split(/\r?\n/);
  const master = lines("CDNOW_master.txt").slice(1).map((l) => l.trim().split(/\s+/));
  const orders = readCsvFile(`${DATA}rfm_data_orders.csv`);
  const col = (t: ReturnType<typeof readCsvFile>, name: string) => t.columns[columnIndex(t.header, name)!];
  const retail = readCsvFile(`${DATA}online_retail_sample_20k.csv`);
  const qty = col(retail, "Quantity").map(Number);
  const price = col(retail, "UnitPrice").map(Number);
  // Keep sales (quantity > 0, a customer id); cancellations and missing ids are the reader's problems.
  const keep = qty.map((q, i) => q > 0 && col(retail, "CustomerID")[i] !== "NA");
  const pick = <T,>(xs: T[]) => xs.filter((_, i) => keep[i]);
  const example = readCsvFile(`${DATA}example_transactions.csv`);
  const sets = [
    { name: "CDNOW_master", data: readTransactions({ customers: master.map((r) => r[0]), dates: master.map((r) => r[1]), amounts: master.map((r) => r[3]) }) },
    { name: "rfm_data_orders", data: readTransactions({ customers: col(orders, "customer_id"), dates: col(orders, "order_date"), amounts: col(orders, "revenue") }) },
    {
      name: "online_retail_sample_20k",
      data: readTransactions({ customers: pick(col(retail, "CustomerID")), dates: pick(col(retail, "InvoiceDate")), amounts: pick(qty.map((q, i) => q * price[i])) }),
    },
    { name: "example_transactions", data: readTransactions({ customers: col(example, "id"), dates: col(example, "date"), amounts: col(example, "id").map(() => 1) }) },
  ];
  return sets;
}

describe("fits converge on every data set in ../shared/data", () => {
  for (const { name, data } of sharedDataSets()) {
    it(name, () => {
      expect(data.problems.count).toBe(0);
      for (const unit of ["day", "week"] as const) {
        const fit = fitBgNbd(calibrationSummary(data, { unit }));
        for (const key of ["r", "alpha", "a", "b"] as const) {
          expect(Number.isFinite(fit[key]) && fit[key] > 0).toBe(true);
          // A parameter at a limit of the model has no standard error; every other one has.
          if (!fit.limits.includes(key)) expect(fit.standardErrors[key]).toBeGreaterThan(0);
        }
      }
      if (name !== "example_transactions") {
        const run = runClvModels(data, { unit: "week", horizonMonths: 12, monthlyDiscount: 0.01 });
        expect(run.gammaGamma.q).toBeGreaterThan(1);
        for (const v of run.predictions.clv) expect(Number.isFinite(v) && v >= 0).toBe(true);
      }
    });
  }

  it("donations (BG/BB data, rows weighted by donors) as a discrete-time approximation", () => {
    const rows = readFileSync(`${DATA}donations.csv`, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
    const x: number[] = [];
    const tx: number[] = [];
    const T: number[] = [];
    for (const [frequency, recency, periods, weight] of rows) {
      for (let k = 0; k < weight; k++) {
        x.push(frequency);
        tx.push(recency);
        T.push(periods);
      }
    }
    const fit = fitBgNbd({ x, tx, T });
    expect(fit.customers).toBe(11104);
    for (const v of [fit.r, fit.alpha, fit.a, fit.b]) expect(Number.isFinite(v) && v > 0).toBe(true);
  });

  const python = "/usr/bin/python3";
  it.skipIf(!existsSync(python))("the generator's BG/NBD data (100,000 rows, days)", () => {
    const file = join(mkdtempSync(join(tmpdir(), "tier-gen-")), "tx.csv");
    execFileSync(python, [`${DATA}../peers/gen_transactions.py`, "--rows", "100000", file]);
    const lines = readFileSync(file, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const data = readTransactions({ customers: lines.map((l) => l[0]), dates: lines.map((l) => l[1]), amounts: lines.map((l) => l[2]) });
    const run = runClvModels(data, { unit: "day", horizonMonths: 12, monthlyDiscount: 0.01 });
    // The generator's truth is r = 0.5, α = 6 (days), a = 0.8, b = 6; purchases on one day merge, so
    // the fit is close but not exact (see docs/PERFORMANCE.md).
    expect(run.counts.r).toBeGreaterThan(0.4);
    expect(run.counts.r).toBeLessThan(0.7);
    expect(run.counts.a).toBeGreaterThan(0.6);
    expect(run.counts.a).toBeLessThan(1);
    for (const v of run.predictions.clv) expect(Number.isFinite(v) && v >= 0).toBe(true);
    expect(serialFromParts(2000, 1, 1)).toBeLessThan(run.summary.calibrationEnd);
  });
});
