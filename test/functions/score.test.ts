/**
 * =TIER.SCORE called as Excel calls it: ranges as 2-D arrays, "" and null for blank cells, null for an
 * omitted optional argument, error cells as error objects, Office's display language for the labels.
 */
import { afterEach, describe, expect, it } from "vitest";
import { defaultHostProfile } from "../../src/standin";
import { score } from "../support/excel-functions";
import { excelError, setDisplayLanguage } from "../support/custom-functions";

/** Excel passes null for an omitted optional argument (the TypeScript signature says undefined). */
const omitted = null as unknown as undefined;

afterEach(() => setDisplayLanguage(undefined));

/** Spend, orders and days since the last purchase of five customers. */
const METRICS = [
  [100, 1, 60],
  [200, 2, 30],
  [300, 3, 10],
  [500, 5, 0],
  [50, 1, 90],
];

describe("=TIER.SCORE", () => {
  it("spills Score, Tier, Next tier and Points per row, in the default bands", () => {
    // Percentile ranks: spend 0.25, 0.5, 0.75, 1, 0; orders (1,1 tied) 0.125, 0.5, 0.75, 1, 0.125; days
    // (lower is better) 0.25, 0.5, 0.75, 1, 0. Weights 2 : 1 : 1.
    const out = score(METRICS, [[2, 1, 1]], [["higher", "higher", "lower"]], omitted, omitted);
    expect(out.map((r) => r[0])).toEqual([21.875, 50, 75, 100, 3.125]);
    // Default shares (cumulative 5 %, 20 %, 50 %, 80 %) of five customers: the top one is Diamond; the
    // second has 20 % above it, not below Platinum's 20 %, so Gold; Platinum stays empty and Gold looks
    // up to Diamond.
    expect(out.map((r) => r[1])).toEqual(["Silver", "Gold", "Gold", "Diamond", "Bronze"]);
    expect(out.map((r) => r[2])).toEqual(["Gold", "Diamond", "Diamond", "", "Silver"]);
    expect(out.map((r) => r[3])).toEqual([28.125, 50, 25, "", 18.75]);
    for (const row of out) expect(row).not.toContain(null);
  });

  it("labels the tiers in the display language", () => {
    setDisplayLanguage("zh-CN");
    const out = score(METRICS, [[2, 1, 1]], [["高", "越高越好", "低"]], omitted, omitted);
    expect(out.map((r) => r[1])).toEqual(["白银", "黄金", "黄金", "钻石", "青铜"]);
    expect(out[3][2]).toBe("");
  });

  it("takes directions as words, 1 / -1, or blanks (higher), and weights as a column", () => {
    const words = score(METRICS, [[2, 1, 1]], [["higher", "high", "lower"]], omitted, omitted);
    expect(score(METRICS, [[2], [1], [1]], [[1], [""], [-1]], omitted, omitted)).toEqual(words);
    expect(score(METRICS, [[2, 1, 1]], [["Higher is better", "HIGH", "Lower is better"]], omitted, omitted)).toEqual(words);
  });

  it("blank rows stay blank; a blank cell is left out of that row's score, not read as 0", () => {
    const out = score([[10, 1], ["", ""], [20, null], [30, 3]], [[1, 1]], omitted, omitted, "minmax");
    expect(out[1]).toEqual(["", "", "", ""]);
    // Row 3 has only the first metric: (20 − 10) / 20 → 50. Row 1: (0 + 0) / 2, row 4: 100.
    // Excel on Windows sends the empty cell as 0, a metric value of its own (docs/FUNCTIONS.md, "Blank cells on
    // every host"): there row 3 is (50 + 0) / 2 → 25 and row 1 (0 + 0) / 2 → 0 … as minmax reads 0 against 1..3.
    if (defaultHostProfile() === "web") expect(out.map((r) => r[0])).toEqual([0, "", 50, 100]);
    else expect(out).toEqual(score([[10, 1], ["", ""], [20, 0], [30, 3]], [[1, 1]], omitted, omitted, "minmax"));
  });

  it("takes band shares, minimum scores and the method", () => {
    const values = [[1], [2], [3], [4], [5], [6], [7], [8], [9], [10]];
    const shares = score(values, [[1]], omitted, [[0.1, 0.2, 0.3]], omitted);
    expect(shares.map((r) => r[1])).toEqual(["Silver", "Silver", "Silver", "Silver", "Gold", "Gold", "Gold", "Platinum", "Platinum", "Diamond"]);
    // Percent text is a share too; blanks in the range are skipped.
    expect(score(values, [[1]], omitted, [["10%"], [""], ["20%"], ["30%"]], omitted)).toEqual(shares);
    const thresholds = score(values, [[1]], omitted, [[90, 60]], "minmax");
    // minmax: (v − 1) / 9 · 100 → 0, 11.1, …, 100; ≥ 90 Diamond, ≥ 60 Platinum, else Gold.
    expect(thresholds.map((r) => r[1])).toEqual(["Gold", "Gold", "Gold", "Gold", "Gold", "Gold", "Platinum", "Platinum", "Platinum", "Diamond"]);
    expect(thresholds[5][3]).toBeCloseTo(60 - 500 / 9, 8);
    // A single number 1 or above is a minimum score: Diamond from 50, the rest Platinum.
    expect(score(values, [[1]], omitted, 50 as unknown as unknown[][], "MinMax").map((r) => r[1]).filter((t) => t === "Diamond")).toHaveLength(5);
  });

  it("a single customer and a single metric", () => {
    expect(score([[42]], [[1]], omitted, omitted, omitted)).toEqual([[50, "Diamond", "", ""]]);
    expect(score(42 as unknown as unknown[][], 1 as unknown as unknown[][], omitted, omitted, omitted)).toEqual([[50, "Diamond", "", ""]]);
  });
});

describe("=TIER.SCORE messages", () => {
  const message = (...args: unknown[]) => excelError(() => (score as (...a: unknown[]) => unknown)(...args)).message;

  it("names the row and column of a cell that is not a number, and counts the rest", () => {
    const e = excelError(() => score([[1, 2], [3, "three"], ["x", 4]], [[1, 1]], omitted, omitted, omitted));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(`argument 'metrics', row 2, column 2: "three" is not a number; type digits such as 1234.5. (1 more row has a problem.)`);
    expect(message([[1], [{ code: "#N/A" }]], [[1]], omitted, omitted, omitted)).toContain("row 2, column 1: the cell holds the Excel error #N/A");
  });

  it("refuses a header row of text", () => {
    expect(message([["Spend", "Orders"], [1, 2]], [[1, 1]], omitted, omitted, omitted)).toBe(
      "'metrics' starts with a row of text (column names?); select the numbers only, without the header row.",
    );
  });

  it("says what is wrong with the weights", () => {
    expect(message(METRICS, [[1, 1]], omitted, omitted, omitted)).toBe("'weights' has 2 weights for 3 metrics; give one weight per metric (0 leaves a metric out).");
    expect(message(METRICS, [[1, -1, 1]], omitted, omitted, omitted)).toContain("'weights' weight 2 is -1; a weight cannot be negative");
    expect(message(METRICS, [[1, "much", 1]], omitted, omitted, omitted)).toBe(`'weights' weight 2 is "much"; use a number, 0 or more.`);
    expect(message(METRICS, [[0, 0, 0]], omitted, omitted, omitted)).toContain("Every weight in 'weights' is 0");
    expect(message(METRICS, [[1, 1], [1, 1]], omitted, omitted, omitted)).toContain("'weights' is a 2×2 range; give one row or one column");
  });

  it("says that the weights are missing, or which weight is blank", () => {
    const missing = "'weights' is missing or blank; give one weight per metric column (such as 1, 1, 1 for equal weights; 0 leaves a metric out).";
    expect(message(METRICS, omitted, omitted, omitted, omitted)).toBe(missing);
    expect(message(METRICS, [[null]], omitted, omitted, omitted)).toBe(missing);
    expect(message(METRICS, [["", null, " "]], omitted, omitted, omitted)).toBe(missing);
    expect(message(METRICS, [[1, "", 1]], omitted, omitted, omitted)).toBe("'weights' weight 2 is blank; give it a number, 0 or more (0 leaves that metric out).");
    // On Windows the empty cell arrives as 0, a weight of its own that leaves the metric out (docs/FUNCTIONS.md).
    if (defaultHostProfile() === "web") expect(message(METRICS, [[1], [1], [null]], omitted, omitted, omitted)).toContain("'weights' weight 3 is blank");
    else expect(score(METRICS, [[1], [1], [null]], omitted, omitted, omitted)).toEqual(score(METRICS, [[1], [1], [0]], omitted, omitted, omitted));
  });

  it("says that band shares are fractions when they are typed as percentages", () => {
    const percent = "'bands' is 5, 15, 30, 30: these look like percentages of customers, but shares are fractions: use 0.05 for 5% (such as 0.05, 0.15, 0.3, 0.3). Minimum scores go from the top band down (such as 90, 75, 50, 25).";
    expect(message(METRICS, [[1, 1, 1]], omitted, [[5, 15, 30, 30]], omitted)).toBe(percent);
    expect(message(METRICS, [[1, 1, 1]], omitted, [[20, 80]], omitted)).toContain("shares are fractions: use 0.05 for 5%");
    // "5%" is 0.05: a share, as asked.
    expect(score(METRICS, [[1, 1, 1]], omitted, [["5%", "15%"]], omitted)).toEqual(score(METRICS, [[1, 1, 1]], omitted, [[0.05, 0.15]], omitted));
    // Minimum scores from the top down are minimum scores, even when they add up to 100.
    expect(score(METRICS, [[1, 1, 1]], omitted, [[40, 30, 20, 10]], omitted).map((r) => r[1])).toHaveLength(5);
    // Not descending but adding up to more than 100: minimum scores in the wrong order.
    expect(message(METRICS, [[1, 1, 1]], omitted, [[50, 75]], omitted)).toContain("is not below the one before it");
    setDisplayLanguage("zh-CN");
    expect(message(METRICS, [[1, 1, 1]], omitted, [[5, 15, 30, 30]], omitted)).toBe(
      "“bands”为 5, 15, 30, 30：看起来是客户的百分比，但比例要写成小数：5% 请写 0.05（如 0.05、0.15、0.3、0.3）。最低分则从最高档往下列出（如 90、75、50、25）。",
    );
    expect(message(METRICS, [[1, 1]], omitted, omitted, omitted)).toContain("“weights”有 2 个权重");
    expect(message(METRICS, omitted, omitted, omitted, omitted)).toBe("“weights”缺失或为空；请为每个指标列给一个权重（如 1、1、1 表示权重相同；0 表示不计入该指标）。");
    expect(message(METRICS, [[1, "", 1]], omitted, omitted, omitted)).toBe("“weights”第 2 个权重为空；请填写 0 或更大的数字（0 表示不计入该指标）。");
  });

  it("says what is wrong with the directions, bands and method", () => {
    expect(message(METRICS, [[1, 1, 1]], [["up", "higher", "lower"]], omitted, omitted)).toBe(
      `'directions' entry 1 is "up"; use "higher" (higher is better) or "lower" (lower is better).`,
    );
    expect(message(METRICS, [[1, 1, 1]], [["higher", "lower"]], omitted, omitted)).toContain("'directions' has 2 directions for 3 metrics");
    expect(message(METRICS, [[1, 1, 1]], omitted, [[0.6, 0.5]], omitted)).toBe("The shares in 'bands' add up to 1.1; the last band takes the rest, so they must add up to at most 1.");
    expect(message(METRICS, [[1, 1, 1]], omitted, [[0.5, 101]], omitted)).toContain("'bands' minimum score 2 is 101; use scores from 0 to 100");
    expect(message(METRICS, [[1, 1, 1]], omitted, [[50, 75]], omitted)).toContain("'bands' minimum score 2 (75) is not below the one before it (50)");
    expect(message(METRICS, [[1, 1, 1]], omitted, [[0.1, 0.1, 0.1, 0.1, 0.1]], omitted)).toContain("'bands' has 5 numbers; give at most 4");
    expect(message(METRICS, [[1, 1, 1]], omitted, [["many"]], omitted)).toContain(`argument 'bands', row 1, column 1: "many" is not a number`);
    expect(message(METRICS, [[1, 1, 1]], omitted, omitted, "zscore")).toBe(`'method' is "zscore"; use "percentile" or "minmax".`);
  });

  it("speaks Chinese", () => {
    setDisplayLanguage("zh-CN");
    expect(message(METRICS, [[1, 1]], omitted, omitted, omitted)).toBe("“weights”有 2 个权重，而指标有 3 个；请为每个指标给一个权重（0 表示不计入该指标）。");
    expect(message([["消费", "订单"], [1, 2]], [[1, 1]], omitted, omitted, omitted)).toContain("第一行是文字");
  });
});
