import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { paretoRows } from "../../src/excel/charts";
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
