import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClvInput, checkClvInput, simpleClv } from "../../../src/core/tiers/clv";

const base: ClvInput = { averagePurchase: 100, purchasesPerYear: 4, lifespanYears: 3, margin: 0.25 };

/** The discounted sum written out year by year, as the doc comment defines it. */
function clvBySum(x: ClvInput): number {
  const yearly = x.averagePurchase * x.purchasesPerYear * x.margin;
  const d = x.discountRate ?? 0;
  let sum = 0;
  const whole = Math.floor(x.lifespanYears);
  for (let t = 1; t <= whole; t++) sum += yearly / Math.pow(1 + d, t);
  const rest = x.lifespanYears - whole;
  if (rest > 0) sum += (rest * yearly) / Math.pow(1 + d, whole + 1);
  return sum;
}

const amount = fc.double({ min: 0, max: 1e5, noNaN: true });
const count = fc.double({ min: 0, max: 500, noNaN: true });
/** Lifespans in hundredths of a year: apart enough that ulp-level rounding cannot reorder two of them. */
const years = fc.integer({ min: 0, max: 6000 }).map((k) => k / 100);
const margin = fc.double({ min: 0, max: 1, noNaN: true });
/** Discount rates on a 1e-4 grid in [0, 0.99]: far enough apart that rounding cannot reorder them. */
const rateOnGrid = fc.integer({ min: 0, max: 9900 }).map((k) => k / 10000);
const input = fc.record({ averagePurchase: amount, purchasesPerYear: count, lifespanYears: years, margin, discountRate: rateOnGrid });

describe("simpleClv", () => {
  it("is the product formula exactly when d = 0", () => {
    expect(simpleClv(base)).toBe(300); // 100 × 4 × 3 × 0.25
    expect(simpleClv({ ...base, discountRate: 0 })).toBe(300);
    expect(simpleClv({ averagePurchase: 80, purchasesPerYear: 2.5, lifespanYears: 1.5, margin: 0.4 })).toBe(120);
    expect(simpleClv({ ...base, lifespanYears: 0 })).toBe(0);
    expect(simpleClv({ ...base, margin: 0 })).toBe(0);
  });

  it("discounts one year by 1 + d", () => {
    expect(simpleClv({ ...base, lifespanYears: 1, discountRate: 0.1 })).toBeCloseTo(100 / 1.1, 10);
  });

  it("discounts a fractional last year pro rata", () => {
    // yearly × (1/1.1 + 1/1.21 + 0.5/1.331)
    expect(simpleClv({ ...base, lifespanYears: 2.5, discountRate: 0.1 })).toBeCloseTo(100 * (1 / 1.1 + 1 / 1.21 + 0.5 / 1.331), 10);
    // Under a year: only the pro-rata part of year 1.
    expect(simpleClv({ ...base, lifespanYears: 0.5, discountRate: 0.1 })).toBeCloseTo(50 / 1.1, 10);
  });

  it("property: equals the year-by-year discounted sum", () => {
    fc.assert(
      fc.property(input, (x) => {
        const got = simpleClv(x);
        const want = clvBySum(x);
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      }),
      { numRuns: 500 },
    );
  });

  it("returns NaN when an input is out of range", () => {
    expect(simpleClv({ ...base, averagePurchase: -1 })).toBeNaN();
    expect(simpleClv({ ...base, margin: 1.5 })).toBeNaN();
    expect(simpleClv({ ...base, discountRate: 1 })).toBeNaN();
    expect(simpleClv({ ...base, lifespanYears: NaN })).toBeNaN();
  });

  it("property: non-decreasing in average purchase, purchases per year, lifespan and margin", () => {
    const fields = ["averagePurchase", "purchasesPerYear", "lifespanYears", "margin"] as const;
    const arbs = { averagePurchase: amount, purchasesPerYear: count, lifespanYears: years, margin };
    for (const field of fields) {
      fc.assert(
        fc.property(input, arbs[field], arbs[field], (x, a, b) => {
          const lo = simpleClv({ ...x, [field]: Math.min(a, b) });
          const hi = simpleClv({ ...x, [field]: Math.max(a, b) });
          expect(lo, field).toBeLessThanOrEqual(hi);
        }),
        { numRuns: 300 },
      );
    }
  });

  it("property: non-decreasing in the lifespan across whole-year boundaries (to within 1e-12)", () => {
    // Realistic magnitudes (cents, hundredths), so yearly is never subnormal.
    const realistic = fc.record({
      averagePurchase: fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
      purchasesPerYear: fc.integer({ min: 0, max: 50_000 }).map((c) => c / 100),
      lifespanYears: fc.constant(0),
      margin: fc.integer({ min: 0, max: 1000 }).map((c) => c / 1000),
      discountRate: rateOnGrid,
    });
    fc.assert(
      fc.property(realistic, fc.integer({ min: 1, max: 40 }), fc.double({ min: 1e-9, max: 0.5, noNaN: true }), (x, n, eps) => {
        // The closed-form annuity for n years and the sum "n − 1 years + pro-rata year n" can
        // differ by an ulp, so allow 1e-12 relative (the values must otherwise never go down).
        const slack = (v: number) => v * (1 + 1e-12);
        expect(simpleClv({ ...x, lifespanYears: n - eps })).toBeLessThanOrEqual(slack(simpleClv({ ...x, lifespanYears: n })));
        expect(simpleClv({ ...x, lifespanYears: n })).toBeLessThanOrEqual(slack(simpleClv({ ...x, lifespanYears: n + eps })));
      }),
      { numRuns: 300 },
    );
  });

  it("property: non-increasing in the discount rate", () => {
    fc.assert(
      fc.property(input, rateOnGrid, rateOnGrid, (x, a, b) => {
        const low = simpleClv({ ...x, discountRate: Math.min(a, b) });
        const high = simpleClv({ ...x, discountRate: Math.max(a, b) });
        expect(high).toBeLessThanOrEqual(low);
      }),
      { numRuns: 500 },
    );
  });

  // BUG (src/core/tiers/clv.ts, simpleClv): the annuity is computed as factor·(1 − factorⁿ)/(1 − factor)
  // with factor = 1/(1 + d). For a valid but tiny d (1 + d rounds to 1, e.g. d = 1e-17) this is
  // 0/0 = NaN; for small d (1e-9 … 1e-6) it cancels catastrophically, so CLV is off by up to ~70%
  // of the discount effect and rises as d rises (d = 5.0294e-8 → 729.99984721, d/1.001 →
  // 729.99984715 for 100 × 4 × 7.3 years × 0.25). Stable form: annuity = −expm1(−n·log1p(d)) / d.
  it("stays finite and close to the product for tiny discount rates", () => {
    for (const d of [1e-17, 1e-16, Number.MIN_VALUE]) {
      const v = simpleClv({ ...base, discountRate: d });
      expect(v, `d = ${d}`).toBeCloseTo(300, 9);
    }
  });

  it("is non-increasing in small discount rates", () => {
    const x = { averagePurchase: 100, purchasesPerYear: 4, lifespanYears: 7.3, margin: 0.25 };
    const d = 5.029411267555825e-8;
    expect(simpleClv({ ...x, discountRate: d })).toBeLessThanOrEqual(simpleClv({ ...x, discountRate: d / 1.001 }));
    // And near the exact sum: Σ (1 + d)^−t · w_t ≈ 7.3 − 30.4 d for small d.
    expect(simpleClv({ ...x, discountRate: 1e-9 })).toBeCloseTo(clvBySum({ ...x, discountRate: 1e-9 }), 7);
  });
});

describe("checkClvInput", () => {
  it("accepts usable inputs", () => {
    expect(checkClvInput(base)).toBeNull();
    expect(checkClvInput({ ...base, margin: 1, discountRate: 0.99 })).toBeNull();
    expect(checkClvInput({ averagePurchase: 0, purchasesPerYear: 0, lifespanYears: 0, margin: 0, discountRate: 0 })).toBeNull();
  });

  it("names the first input out of range and why", () => {
    expect(checkClvInput({ ...base, averagePurchase: -0.01 })).toEqual({ field: "averagePurchase", error: "negative" });
    expect(checkClvInput({ ...base, purchasesPerYear: -1 })).toEqual({ field: "purchasesPerYear", error: "negative" });
    expect(checkClvInput({ ...base, lifespanYears: -1 })).toEqual({ field: "lifespanYears", error: "negative" });
    expect(checkClvInput({ ...base, margin: 1.01 })).toEqual({ field: "margin", error: "margin" });
    expect(checkClvInput({ ...base, margin: -0.1 })).toEqual({ field: "margin", error: "margin" });
    expect(checkClvInput({ ...base, discountRate: 1 })).toEqual({ field: "discountRate", error: "discount" });
    expect(checkClvInput({ ...base, discountRate: 1.5 })).toEqual({ field: "discountRate", error: "discount" });
    expect(checkClvInput({ ...base, discountRate: -0.05 })).toEqual({ field: "discountRate", error: "discount" });
    expect(checkClvInput({ ...base, averagePurchase: -1, margin: 2 })).toEqual({ field: "averagePurchase", error: "negative" });
  });

  it("refuses NaN in every field", () => {
    for (const field of ["averagePurchase", "purchasesPerYear", "lifespanYears", "margin", "discountRate"] as const) {
      expect(checkClvInput({ ...base, [field]: NaN })?.field).toBe(field);
    }
  });

  it("property: simpleClv is NaN exactly when checkClvInput reports a problem, otherwise ≥ 0", () => {
    const loose = fc.record({
      averagePurchase: fc.double({ min: -10, max: 1e4, noNaN: true }),
      purchasesPerYear: fc.double({ min: -10, max: 100, noNaN: true }),
      lifespanYears: fc.double({ min: -1, max: 30, noNaN: true }),
      margin: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
      discountRate: rateOnGrid.map((d) => d * 1.2 - 0.1),
    });
    fc.assert(
      fc.property(loose, (x) => {
        const v = simpleClv(x);
        if (checkClvInput(x) === null) expect(v).toBeGreaterThanOrEqual(0);
        else expect(v).toBeNaN();
      }),
      { numRuns: 500 },
    );
  });
});
