/**
 * The custom functions called exactly as Excel calls them: ranges as 2-D arrays, omitted optional
 * arguments as null, blanks as null / "" / 0, dates as serials, error cells as error objects.
 */
import { afterEach, describe, expect, it } from "vitest";
import { abcclass, clv, rfm, rfmscore } from "../support/excel-functions";
import { excelError, setDisplayLanguage } from "../support/custom-functions";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
/** Excel passes null for an omitted optional argument (the TypeScript signature says undefined). */
const omitted = null as unknown as undefined;
/** 2024-01-05 and the days after it, as Excel sends them. */
const JAN5 = 45296;

afterEach(() => setDisplayLanguage(undefined));

describe("=TIER.RFM", () => {
  const customers = col("A", "B", "A", "C", 101, "101");
  const dates = col(JAN5, JAN5 + 1, JAN5 + 10, "2024-01-02", "2024/1/3", JAN5 + 2);
  const amounts = col(10, 20, "1,000", "$5", 7, 3);

  it("spills a header and one row per customer, in order of first appearance", () => {
    const out = rfm(customers, dates, amounts, omitted, omitted, omitted, omitted);
    expect(out[0]).toEqual(["Customer", "Recency (days)", "Frequency", "Monetary", "R", "F", "M", "RFM", "Segment"]);
    expect(out.map((r) => r[0])).toEqual(["Customer", "A", "B", "C", 101]);
    const a = out[1];
    expect(a.slice(1, 4)).toEqual([0, 2, 1010]); // as_of defaults to the latest date (A's)
    const c101 = out[4];
    expect(c101.slice(1, 4)).toEqual([8, 2, 10]); // 101 and "101" are one customer; last buy Jan 7
    for (const row of out.slice(1)) {
      for (const k of [4, 5, 6]) expect(row[k]).toBeGreaterThanOrEqual(1);
      expect(row[7]).toBe(`${row[4]}${row[5]}${row[6]}`);
      expect(typeof row[8]).toBe("string");
      expect(row).not.toContain(null);
    }
  });

  it("takes as_of as a serial or text, bins and headers = FALSE", () => {
    const out = rfm(customers, dates, amounts, [[JAN5 + 20]], [[3]], omitted, [[false]]);
    expect(out).toHaveLength(4);
    expect(out[0][1]).toBe(10);
    expect(rfm(customers, dates, amounts, "2024-01-25", [[3]], omitted, false)).toEqual(out);
    for (const row of out) for (const k of [4, 5, 6]) expect(row[k]).toBeLessThanOrEqual(3);
  });

  it("skips trailing blank rows (null, \"\" and 0 from old builds)", () => {
    const out = rfm([...customers, [null], [""], [0]], [...dates, [null], [""], [0]], [...amounts, [null], [""], [0]], omitted, omitted, omitted, false);
    expect(out).toHaveLength(4);
  });

  it("names the argument, the row and the fix for a bad cell", () => {
    const bad = col(JAN5, JAN5, "2024-13-01", JAN5, "soon", JAN5);
    const e = excelError(() => rfm(customers, bad, amounts, omitted, omitted, omitted, omitted));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("argument 'dates', row 3");
    expect(e.message).toContain('"2024-13-01" is not a date');
    expect(e.message).toContain("(1 more row has a problem.)");
  });

  it("reports error cells and blank ids", () => {
    const withError = col(10, 20, { code: "#N/A" }, 1, 1, 1);
    expect(excelError(() => rfm(customers, dates, withError, omitted, omitted, omitted, omitted)).message).toContain("row 3: the cell holds the Excel error #N/A");
    const noId = col("A", "", "A", "C", 1, 1);
    expect(excelError(() => rfm(noId, dates, amounts, omitted, omitted, omitted, omitted)).message).toContain("argument 'customers', row 2: the customer is blank");
  });

  it("says both sizes when ranges differ", () => {
    const e = excelError(() => rfm(customers, dates.slice(0, 4), amounts, omitted, omitted, omitted, omitted));
    expect(e.message).toBe("'customers' has 6 rows but 'dates' has 4; select ranges of the same height.");
  });

  it("refuses bad options with what to type instead", () => {
    expect(excelError(() => rfm(customers, dates, amounts, omitted, [[11]], omitted, omitted)).message).toContain("use a whole number from 2 to 10");
    expect(excelError(() => rfm(customers, dates, amounts, "2023-01-01", omitted, omitted, omitted)).message).toContain("before the first purchase");
    expect(excelError(() => rfm(customers, dates, amounts, "someday", omitted, omitted, omitted)).message).toContain("'as_of' is \"someday\"");
    expect(excelError(() => rfm(customers, dates, amounts, omitted, omitted, [["rfmx"]], omitted)).message).toContain('use "rfm", "cn8"');
    expect(excelError(() => rfm(customers, dates, amounts, omitted, omitted, omitted, "maybe")).message).toContain("use TRUE or FALSE");
    expect(excelError(() => rfm([["A", "B"]], [[1, 2]], [[1, 2]].concat([[3, 4]]), omitted, omitted, omitted, omitted)).message).toContain("'amounts' has 2 columns");
  });

  it("uses custom segment rules from a range, header row included", () => {
    const rules = [
      ["Name", "R min", "R max", "F min", "F max", "M min", "M max"],
      ["Recent", 4, "", null, null, null, null],
      ["Everyone else", null, null, null, null, null, null],
    ];
    const out = rfm(customers, dates, amounts, omitted, omitted, rules, false);
    const names = new Set(out.map((r) => r[8]));
    expect([...names].every((n) => n === "Recent" || n === "Everyone else")).toBe(true);
    expect(out.find((r) => r[0] === "A")![8]).toBe("Recent");
  });

  it("speaks Chinese when Office does", () => {
    setDisplayLanguage("zh-CN");
    const out = rfm(customers, dates, amounts, omitted, omitted, [["cn8"]], omitted);
    expect(out[0][0]).toBe("客户");
    expect(out.slice(1).every((r) => String(r[8]).endsWith("客户"))).toBe(true);
    const e = excelError(() => rfm(customers, dates, amounts, omitted, [[1]], omitted, omitted));
    expect(e.message).toContain("请使用 2 到 10 之间的整数");
  });
});

describe("=TIER.RFMSCORE", () => {
  it("gives aligned rows and keeps blank rows blank", () => {
    const out = rfmscore(col(5, 200, null, 40, 90), col(10, 1, null, 3, 2), col(900, 20, "", 300, 100), omitted, omitted);
    expect(out).toHaveLength(5);
    expect(out[2]).toEqual(["", "", "", "", ""]);
    expect(out[0].slice(0, 3)).toEqual([5, 5, 5]);
    expect(out[0][4]).toBe("Champions");
    expect(out[1][0]).toBe(1);
  });

  it("reports a half-filled row and negative recency", () => {
    expect(excelError(() => rfmscore(col(5, 6), col(1, null), col(1, 2), omitted, omitted)).message).toContain("argument 'frequency', row 2: the cell is blank");
    expect(excelError(() => rfmscore(col(5, -6), col(1, 2), col(1, 2), omitted, omitted)).message).toBe("argument 'recency_days', row 2: -6 is negative; days since the last purchase and purchase counts cannot be.");
  });
});

describe("blanks and error cells as Excel sends them, in every function", () => {
  it("RFMSCORE: a row of zeros (old Excel's blanks) stays blank and does not move the cut points", () => {
    const withZeros = rfmscore(col(5, 200, 0, 40, 90), col(10, 1, 0, 3, 2), col(900, 20, 0, 300, 100), omitted, omitted);
    const without = rfmscore(col(5, 200, 40, 90), col(10, 1, 3, 2), col(900, 20, 300, 100), omitted, omitted);
    expect(withZeros[2]).toEqual(["", "", "", "", ""]);
    expect([...withZeros.slice(0, 2), ...withZeros.slice(3)]).toEqual(without);
  });

  it("RFMSCORE: reports each bad row once, with the first bad cell", () => {
    const e = excelError(() => rfmscore(col(1, 50), col("5 orders", 1), col(100, 10), omitted, omitted));
    expect(e.message).toBe('argument \'frequency\', row 1: "5 orders" is not a number; type digits such as 1234.5.');
    expect(excelError(() => rfmscore(col(1, 2), col(1, { code: "#DIV/0!" }), col(1, 2), omitted, omitted)).message).toContain("row 2: the cell holds the Excel error #DIV/0!");
  });

  // Issue 11 changes 0 from class C to blank: on Windows an empty cell arrives as 0 (office-js #5262), and an
  // empty cell must be blank on every host; 0 holds no share of the total anyway.
  it("ABCCLASS: an error cell names its row; 0 is blank, like an empty cell, on every host", () => {
    expect(excelError(() => abcclass(col(5, { code: "#N/A" }), omitted, omitted, omitted)).message).toContain("argument 'values', row 2: the cell holds the Excel error #N/A");
    expect(abcclass(col(50, 0, null, 30), omitted, omitted, omitted)).toEqual(col("A", "", "", "A"));
  });

  it("CLV: error cells and text are named; a single-value argument is named once", () => {
    expect(excelError(() => clv(col(100, { code: "#REF!" }), [[4]], [[3]], [[0.3]], omitted)).message).toContain("argument 'avg_purchase', row 2: the cell holds the Excel error #REF!");
    expect(excelError(() => clv([[100]], [[4]], [[3]], [[0.3]], [[1]])).message).toBe("'discount_rate' is 1; use a yearly rate from 0 to 1 (10% is 0.1).");
  });
});

describe("breakpoints in the bins argument", () => {
  // The seeds' example: recency ≤ 30 days → 5, ≤ 90 → 4, ≤ 180 → 3, ≤ 365 → 2; monetary > 1000 → 5 …
  const breaks = [
    [30, 90, 180, 365],
    [1, 2, 5, 10],
    [100, 250, 500, 1000],
  ];

  it("scores with three rows of breakpoints (recency, frequency, monetary)", () => {
    const out = rfmscore(col(30, 31, 400), col(1, 11, 3), col(1001, 1000, 50), breaks, omitted);
    expect(out.map((r) => r.slice(0, 3))).toEqual([
      [5, 1, 5],
      [4, 5, 4],
      [1, 3, 1],
    ]);
  });

  it("takes three columns as well, with blank cells skipped", () => {
    const columns = [
      [30, 1, 100],
      [90, 2, 250],
      ["", 5, 500],
      [null, 10, 1000],
    ];
    const out = rfmscore(col(30, 60, 400), col(1, 11, 3), col(1001, 1000, 50), columns, omitted);
    expect(out.map((r) => r[0])).toEqual([3, 2, 1]);
  });

  it("says what shape it needs, and which breakpoints are out of order", () => {
    expect(excelError(() => rfmscore(col(1), col(1), col(1), [[1, 2], [3, 4]], omitted)).message).toContain("'bins' is a 2×2 range");
    expect(excelError(() => rfmscore(col(1), col(1), col(1), [[30, 20], [1, 2], [1, 2]], omitted)).message).toContain("recency breakpoints must be increasing");
    expect(excelError(() => rfmscore(col(1), col(1), col(1), [[30, "soon"], [1, 2], [1, 2]], omitted)).message).toContain('"soon" is not a number');
  });
});

describe("messages in Chinese read as Chinese", () => {
  it("quotes arguments the Chinese way and names dimensions in Chinese", () => {
    setDisplayLanguage("zh-CN");
    expect(excelError(() => clv([[1, 2]], [[4]], [[3]], [[0.3, 30]], omitted)).message).toBe("参数“margin”第 1 行第 2 列：“margin”为 30；请使用 0 到 1 之间的比例（30% 即 0.3）。");
    expect(excelError(() => rfmscore(col(1), col(1), col(1), [[30, 20], [1, 2], [1, 2]], omitted)).message).toBe("“bins”：最近购买的分界点必须是递增的数字。"); // issue 12: names the argument
    expect(excelError(() => abcclass(col(1, 2), [["many"]], omitted, omitted)).message).toBe("“a_cut”：“many”不是数字；请输入数字，例如 1234.5。");
  });
});

describe("=TIER.ABCCLASS", () => {
  it("classes a column, keeping its shape and blanks", () => {
    expect(abcclass(col(50, 30, "", 15, 5), omitted, omitted, omitted)).toEqual(col("A", "A", "", "B", "C"));
    expect(abcclass([[50, 30, 15, 5]], omitted, omitted, omitted)).toEqual([["A", "A", "B", "C"]]);
    expect(abcclass(col(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), omitted, omitted, "count")).toEqual(col("C", "C", "C", "C", "C", "B", "B", "B", "A", "A"));
  });

  it("explains bad cuts and bad cells", () => {
    expect(excelError(() => abcclass(col(1, 2), 0.9, 0.8, omitted)).message).toContain("'a_cut' (0.9) must be below 'b_cut' (0.8)");
    expect(excelError(() => abcclass(col(1, 2), 80, omitted, omitted)).message).toContain("80% is 0.8");
    expect(excelError(() => abcclass(col(1, "x"), omitted, omitted, omitted)).message).toContain("argument 'values', row 2");
    expect(excelError(() => abcclass(col(1, 2), omitted, omitted, "revenue")).message).toContain('use "value" or "count"');
  });
});

describe("=TIER.CLV", () => {
  it("computes one value from scalars (as 1×1 ranges)", () => {
    expect(clv([[100]], [[4]], [[3]], [[0.25]], omitted)).toEqual([[300]]);
  });

  it("broadcasts scalars over ranges of one shape and leaves blanks blank", () => {
    const out = clv(col(100, 200, ""), [[4]], [[3]], [[0.25]], [[0.1]]);
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBeCloseTo(100 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331), 10);
    expect(out[1][0]).toBeCloseTo(2 * (out[0][0] as number), 10);
    expect(out[2][0]).toBe("");
  });

  it("says which cell is out of range and how to write it", () => {
    expect(excelError(() => clv(col(1, 2), [[4]], [[3]], col(0.3, 30), omitted)).message).toContain("argument 'margin', row 2: 'margin' is 30; use a fraction from 0 to 1 (30% is 0.3)");
    expect(excelError(() => clv(col(1, 2), col(1, 2, 3), [[3]], [[0.3]], omitted)).message).toContain("'avg_purchase' is 2×1 but 'frequency' is 3×1");
    expect(excelError(() => clv([[-1]], [[4]], [[3]], [[0.3]], omitted)).message).toContain("'avg_purchase' is -1");
    expect(excelError(() => clv([[1]], [["often"]], [[3]], [[0.3]], omitted)).message).toContain('"often" is not a number');
  });
});
