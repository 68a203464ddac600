import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { format } from "numfmt";
import { paretoRows } from "../../src/excel/charts";
import { allocate, customerSample, evenPositions, logHelps, MAX_SERIES, MIN_PER_TIER, SCATTER_SAMPLE } from "../../src/excel/scatter";
import { excelCompactFormat } from "../../src/i18n/numbers";
import { emptyLevels } from "../../src/excel/summary";
import { messages } from "../../src/i18n";

const en = messages("en");
const zhCN = messages("zh-CN");

describe("paretoRows (issue 17: a Pareto is sorted by the value it plots)", () => {
  it("puts Platinum 104k before Diamond 94k, as the score bands' summary order did not", () => {
    const rows = paretoRows(["Diamond", "Platinum", "Gold", "Silver"], [94_000, 104_000, 50_000, 2_000]);
    expect(rows.labels).toEqual(["Platinum", "Diamond", "Gold", "Silver"]);
    expect(rows.revenue).toEqual([104_000, 94_000, 50_000, 2_000]);
    expect(rows.cumulative[0]).toBeCloseTo(104 / 250, 12);
    expect(rows.cumulative.at(-1)).toBe(1);
  });

  it("counts blanks and text as 0, keeps ties in summary order, and never returns NaN when all revenue is 0", () => {
    expect(paretoRows(["A", "B", "C"], [5, "", 5]).labels).toEqual(["A", "C", "B"]);
    expect(paretoRows(["A", "B"], [0, null]).cumulative).toEqual([0, 0]);
  });

  it("is non-increasing in revenue and non-decreasing in cumulative share, ending at 1", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 30 }), (revenue) => {
        const rows = paretoRows(revenue.map((_, k) => `T${k}`), revenue);
        for (let k = 1; k < rows.revenue.length; k++) {
          expect(rows.revenue[k]).toBeLessThanOrEqual(rows.revenue[k - 1]);
          expect(rows.cumulative[k]).toBeGreaterThanOrEqual(rows.cumulative[k - 1] - 1e-12);
        }
        if (revenue.some((v) => v > 0)) expect(rows.cumulative.at(-1)).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe("emptyLevels (issue 17: an empty score level in the R×F heat map says why)", () => {
  it("names the R rows and F columns without a customer, highest R first", () => {
    // 3 × 3 grid, row-major by R then F: nobody at F 2 (tied frequencies), nobody at R 3.
    const customers = [4, 0, 2, 5, 0, 1, 0, 0, 0];
    expect(emptyLevels(3, 3, customers)).toEqual(["R 3", "F 2"]);
    expect(emptyLevels(2, 2, [1, 1, 1, 1])).toEqual([]);
  });

  it("has a sentence in both languages naming the levels", () => {
    expect(en.chartText.heatEmpty("F 2")).toContain("F 2");
    expect(zhCN.chartText.heatEmpty("F 2")).toContain("F 2");
    expect(zhCN.chartText.heatEmpty("F 2")).not.toMatch(/[。，：；！？] /);
  });
});

describe("the scatter's sample of customers (issue 17: the scatter shows customers)", () => {
  /** `sizes[k]` customers in tier k (index 10 + k), revenue skewed (a few large), orders 1.. */
  const population = (sizes: number[]) => {
    const tierOf: number[] = [];
    const frequency: number[] = [];
    const monetary: number[] = [];
    sizes.forEach((n, k) => {
      for (let i = 0; i < n; i++) {
        tierOf.push(10 + k);
        frequency.push(1 + ((i * 7) % 13 === 0 ? 40 + (i % 60) : i % 4));
        monetary.push(i % 50 === 0 ? 50_000 + i : 20 + ((i * 37) % 900));
      }
    });
    return { tierOf, frequency, monetary, tiers: sizes.map((_, k) => ({ index: 10 + k, label: `T${k}` })) };
  };

  it("draws at most SCATTER_SAMPLE customers, every tier with customers represented, the same sample every time", () => {
    const input = population([30_000, 5_000, 40, 3, 12_000]);
    const sample = customerSample(input);
    expect(sample.frequency.length).toBeLessThanOrEqual(SCATTER_SAMPLE);
    expect(sample.frequency.length).toBeGreaterThan(SCATTER_SAMPLE - 5);
    expect(sample.customers).toBe(47_043);
    expect(sample.series.map((s) => s.label)).toEqual(["T0", "T1", "T2", "T3", "T4"]);
    expect(sample.series.find((s) => s.label === "T3")!.count).toBe(3);
    expect(sample.series.find((s) => s.label === "T2")!.count).toBeGreaterThanOrEqual(MIN_PER_TIER);
    expect(customerSample(input)).toEqual(sample);
    // Series are contiguous and in order.
    sample.series.reduce((at, s) => (expect(s.start).toBe(at), at + s.count), 0);
  });

  it("takes each tier's smallest and largest revenue (evenly spaced by revenue), and a log scale for skewed values", () => {
    const input = population([10_000]);
    const sample = customerSample(input);
    expect(Math.min(...sample.monetary)).toBe(Math.min(...input.monetary));
    expect(Math.max(...sample.monetary)).toBe(Math.max(...input.monetary));
    expect(sample.logMonetary).toBe(true);
    expect(sample.logFrequency).toBe(true);
    expect(logHelps([1, 2, 3, 2, 1])).toBe(false);
    expect(logHelps([0, 0, 0])).toBe(false);
  });

  it("leaves out customers a log axis cannot show (no positive revenue) and counts them; keeps them on a linear axis", () => {
    const input = population([5_000]);
    input.monetary[1] = 0;
    input.monetary[2] = -35;
    const sample = customerSample(input);
    expect(sample.logMonetary).toBe(true);
    expect(sample.leftOut).toBe(2);
    expect(sample.monetary.every((v) => v > 0)).toBe(true);
    const flat = { tierOf: [1, 1, 1], frequency: [1, 2, 3], monetary: [0, 10, 20], tiers: [{ index: 1, label: "A" }] };
    const linear = customerSample(flat);
    expect([linear.logMonetary, linear.leftOut, linear.monetary]).toEqual([false, 0, [0, 10, 20]]);
    expect(en.chartRules.scatter.leftOut(2)).toContain("2 customers");
    expect(zhCN.chartRules.scatter.leftOut(2)).not.toMatch(/[。，：；！？] /);
  });

  it(`past ${MAX_SERIES} tiers, the smallest share one "Other" series so the legend can name every series`, () => {
    const sizes = Array.from({ length: 20 }, (_, k) => 100 + k * 10);
    const sample = customerSample(population(sizes));
    expect(sample.series).toHaveLength(MAX_SERIES);
    expect(sample.series.at(-1)!.label).toBeNull();
    expect(sample.series.slice(0, -1).map((s) => s.label)).toEqual(Array.from({ length: MAX_SERIES - 1 }, (_, k) => `T${k + 9}`));
  });

  it("allocates within the limit, at least one point per non-empty tier, never more than a tier has", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 40, max: 3000 }), (sizes, limit) => {
        const q = allocate(sizes, limit);
        expect(q.reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(Math.max(limit, 0));
        q.forEach((n, k) => {
          expect(n).toBeLessThanOrEqual(sizes[k]);
          if (sizes[k] > 0) expect(n).toBeGreaterThanOrEqual(1);
        });
        if (sizes.reduce((s, n) => s + n, 0) >= limit) expect(q.reduce((s, n) => s + n, 0)).toBe(limit);
      }),
    );
    expect(evenPositions(10, 4)).toEqual([0, 3, 6, 9]);
    expect(evenPositions(5, 1)).toEqual([2]);
  });
});

describe("excelCompactFormat (issue 17: compact K/M and 万/亿 as Excel shows them)", () => {
  // numfmt renders Excel number format codes as Excel does (conditions, "," scaling by 1000, "\\" literals).
  it("shows K and M in English", () => {
    const code = excelCompactFormat("en");
    expect([999, 1500, 123_456, 2_500_000].map((v) => format(code, v))).toEqual(["999", "1.5K", "123.5K", "2.5M"]);
  });

  it("shows 万 and 亿 in Chinese: a comma scales by 10³, the escaped point makes it 10⁴ and 10⁸", () => {
    const code = excelCompactFormat("zh-CN");
    expect([9_999, 10_000, 123_456, 99_999_999, 123_456_789, 100_000_000].map((v) => format(code, v))).toEqual(["9999", "1.0万", "12.3万", "10000.0万", "1.23亿", "1.00亿"]);
  });
});
