/**
 * =TIER.MIGRATION called as Excel calls it: ranges as 2-D arrays, blanks as null or "", the omitted
 * measure as null, ids as numbers or text, error cells as error objects.
 */
import { afterEach, describe, expect, it } from "vitest";
import { SCORE_TIER_KEYS } from "../../src/core/tiers/score";
import { migration } from "../support/excel-functions";
import { en } from "../../src/i18n/en";
import { scoreTierLabels } from "../../src/i18n/describe";
import { zhCN } from "../../src/i18n/zh-CN";
import { excelError, setDisplayLanguage } from "../support/custom-functions";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const omitted = null as unknown as undefined;

afterEach(() => setDisplayLanguage(undefined));

// 101 A→B, "102" A→A, C03 B→A, C04 B→gone, C05 C→C, 106 untiered before → new in A, C07 new in B.
const IDS_BEFORE = col(101, "102", "C03", "C04", "C05", 106, null);
const TIERS_BEFORE = col("A", "A", "B", " B ", "C", "", null);
const IDS_AFTER = col("C07", "106", "C05", "C03", 102, "101");
const TIERS_AFTER = col("B", "A", "C", "A", "A", "B");

describe("=TIER.MIGRATION", () => {
  it("spills the from→to counts with headers, New, Gone and Total", () => {
    expect(migration(IDS_BEFORE, TIERS_BEFORE, IDS_AFTER, TIERS_AFTER, omitted)).toEqual([
      ["From \\ To", "A", "B", "C", "Gone", "Total"],
      ["A", 1, 1, 0, 0, 2],
      ["B", 1, 0, 0, 1, 2],
      ["C", 0, 0, 1, 0, 1],
      ["New", 1, 1, 0, "", 2],
      ["Total", 3, 2, 1, 1, 7],
    ]);
  });

  it("sums the measure of the later snapshot; gone customers add 0, blank cells nothing", () => {
    const revenue = col(30, "1,000", 12, "$60", null, 5);
    const out = migration(IDS_BEFORE, TIERS_BEFORE, IDS_AFTER, TIERS_AFTER, revenue);
    expect(out.slice(1)).toEqual([
      ["A", 0, 5, 0, 0, 5], // 102 stays in A with a blank measure; 101 moves to B with 5
      ["B", 60, 0, 0, 0, 60],
      ["C", 0, 0, 12, 0, 12],
      ["New", 1000, 30, 0, "", 1030],
      ["Total", 1060, 35, 12, 0, 1107],
    ]);
  });

  it("refuses a measure that is blank in every row (a table of zeros would read as no revenue)", () => {
    const blank = excelError(() => migration(IDS_BEFORE, TIERS_BEFORE, IDS_AFTER, TIERS_AFTER, col(null, "", " ", null, "", null)));
    expect(blank.code).toBe("#VALUE!");
    expect(blank.message).toBe("'measure' is blank in every row of 'ids_after'; give a number for each customer (such as their revenue), or leave 'measure' out to count customers.");
    // Numbers only on rows that do not count (no tier) are blank too.
    expect(excelError(() => migration(col(1), col("A"), col(1, 2), col("A", ""), col(null, 7))).message).toContain("'measure' is blank in every row");
    setDisplayLanguage("zh-CN");
    expect(excelError(() => migration(IDS_BEFORE, TIERS_BEFORE, IDS_AFTER, TIERS_AFTER, col(null, null, null, null, null, null))).message).toBe(
      "“measure”在“ids_after”的每一行都为空；请为每位客户给出数值（如收入），或省略“measure”以统计客户数。",
    );
  });

  it("orders number tiers by number, the highest best, whatever the row order", () => {
    const out = migration(col(1, 2, 3), col("3", 12, "7"), col(3, 2, 1), col(12, "7", "3"), omitted);
    expect(out[0]).toEqual(["From \\ To", "12", "7", "3", "Gone", "Total"]);
    const reversed = migration(col(3, 2, 1), col("7", 12, "3"), col(1, 2, 3), col("3", "7", 12), omitted);
    expect(reversed).toEqual(out);
  });

  it("orders known tiers best first, score bands in English or Chinese, others as they first appear", () => {
    const bands = migration(col(1, 2, 3), col("Bronze", "gold", "Diamond"), col(1, 2, 3), col("Gold", "gold", "diamond"), omitted);
    // As in Excel, case does not matter: "Gold" and "gold" are one tier, shown as first written.
    expect(bands[0]).toEqual(["From \\ To", "Diamond", "gold", "Bronze", "Gone", "Total"]);
    expect(bands.slice(1, 4).map((r) => r.slice(1, 4))).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
    const zh = migration(col(1, 2), col("青铜", "钻石"), col(1, 2), col("白银", "钻石"), omitted);
    expect(zh[0].slice(1, 4)).toEqual(["钻石", "白银", "青铜"]);
    const free = migration(col(1, 2), col("VIP", "Regular"), col(1, 2), col("Regular", "Premium"), omitted);
    expect(free.map((r) => r[0])).toEqual(["From \\ To", "VIP", "Regular", "Premium", "New", "Total"]);
  });

  it("knows the band labels of both languages in band order", () => {
    expect(scoreTierLabels()).toEqual([en, zhCN].map((c) => SCORE_TIER_KEYS.map((k) => c.scoreTiers[k])));
  });

  it("speaks Chinese", () => {
    setDisplayLanguage("zh-CN");
    const out = migration(IDS_BEFORE, TIERS_BEFORE, IDS_AFTER, TIERS_AFTER, omitted);
    expect(out[0]).toEqual(["从 \\ 到", "A", "B", "C", "流失", "合计"]);
    expect(out.map((r) => r[0]).slice(4)).toEqual(["新增", "合计"]);
  });

  it("accepts snapshots given as rows", () => {
    const out = migration([[1, 2, 3]], [["A", "B", "B"]], [[3, 2]], [["A", "B"]], omitted);
    expect(out[1]).toEqual(["A", 0, 0, 1, 1]);
    expect(out[2]).toEqual(["B", 1, 1, 0, 2]);
  });

  it("names the argument and the row for mismatched heights, error cells, duplicates and bad measures", () => {
    const short = excelError(() => migration(IDS_BEFORE, TIERS_BEFORE.slice(1), IDS_AFTER, TIERS_AFTER, omitted));
    expect(short.code).toBe("#VALUE!");
    expect(short.message).toBe("'ids_before' has 7 rows but 'tiers_before' has 6; select ranges of the same height.");
    expect(excelError(() => migration(IDS_BEFORE, TIERS_BEFORE, IDS_AFTER, TIERS_AFTER, col(1, 2))).message).toBe(
      "'ids_after' has 6 rows but 'measure' has 2; select ranges of the same height.",
    );
    expect(excelError(() => migration(col(1, { code: "#N/A" }), col("A", "B"), col(1), col("A"), omitted)).message).toBe(
      "argument 'ids_before', row 2: the cell holds the Excel error #N/A; correct the formula behind it, or leave the row out.",
    );
    expect(excelError(() => migration(col(1), col("A"), col(1), col({ code: "#REF!" }), omitted)).message).toContain("argument 'tiers_after', row 1");
    // 7 and "7" are the same customer.
    expect(excelError(() => migration(col(1), col("A"), col(7, 8, "7"), col("A", "B", "C"), omitted)).message).toBe(
      'argument \'ids_after\', row 3: customer "7" is already in row 1; give each customer one row (one tier).',
    );
    expect(excelError(() => migration(col(1, 2), col("A", "B"), col(1, 2), col("A", "B"), col(5, "lots"))).message).toBe(
      "argument 'measure', row 2: \"lots\" is not a number; type digits such as 1234.5.",
    );
    expect(excelError(() => migration(col(1), col(""), col(2), col(null), omitted)).message).toBe(
      "'tiers_before' holds no usable rows; check that it covers the data rows.",
    );
    expect(excelError(() => migration([[1, 2], [3, 4]], [[1, 2], [3, 4]], col(1), col("A"), omitted)).message).toBe(
      "'ids_before' has 2 columns; select a single column.",
    );
  });

  it("words the duplicate in Chinese", () => {
    setDisplayLanguage("zh-CN");
    expect(excelError(() => migration(col("a", "a"), col("A", "B"), col(1), col("A"), omitted)).message).toBe(
      "参数“ids_before”第 2 行：客户“a”已在第 1 行出现；每位客户只能有一行（一个层级）。",
    );
  });
});
