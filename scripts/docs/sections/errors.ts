/** The messages of TIER.RFM, TIER.RFMSCORE, TIER.ABCCLASS/ABCNEXT and TIER.CLV, one table per function and language. */
import { rfm, rfmscore, abcclass, abcnext, clv } from "../../../src/functions/functions";
import { O, col } from "../harness";
import { errTable, type Case, type Values } from "../markdown";

export function errorsSection(): Values {
  const V: Values = {};
  const C3 = col("C001", "C002", "C001"), D3 = col(45296, "2024/1/8", "2024-02-10"), A3 = col(120, "1,250", 80);
  const rfmCases: Case[] = [
    ["Date text that is not a real date (row 2 of `dates`)", "日期文本不是真实日期（`dates` 第 2 行）", rfm, C3, col(45296, "2024-13-01", 45300), A3, O, O, O, O],
    ["Two bad rows: the first is named, the rest counted", "两行有问题：指出第一行，其余计数", rfm, C3, col(45296, "2024-13-01", "soon"), A3, O, O, O, O],
    ["Day-first text (read month first, month 31 does not exist)", "日在前的文本（按月在前读取，不存在 31 月）", rfm, C3, col(45296, "31/01/2024", 45300), A3, O, O, O, O],
    ["An amount that is not a number", "金额不是数字", rfm, C3, D3, col(120, "twelve", 80), O, O, O, O],
    ["A blank customer (also NA, N/A, NaN, NULL, null, None)", "客户为空（NA、N/A、NaN、NULL、null、None 同样视为空）", rfm, col("C001", "", "C001"), D3, A3, O, O, O, O],
    ["A blank date", "日期为空", rfm, C3, col(45296, "", 45300), A3, O, O, O, O],
    ["A blank amount", "金额为空", rfm, C3, D3, col(120, null, 80), O, O, O, O],
    ["A cell holding an Excel error", "单元格包含 Excel 错误", rfm, C3, D3, col(120, { code: "#N/A" }, 80), O, O, O, O],
    ["A date before 1900-03-01", "早于 1900-03-01 的日期", rfm, C3, col(45296, "1899-12-31", 45300), A3, O, O, O, O],
    ["Ranges of different heights", "区域高度不同", rfm, C3, D3.slice(0, 2), A3, O, O, O, O],
    ["A range more than one column wide", "区域多于一列", rfm, C3, D3, [[1, 2], [3, 4], [5, 6]], O, O, O, O],
    ["Only blank rows", "只有空行", rfm, col(null, ""), col(null, ""), col(null, ""), O, O, O, O],
    ["`bins` outside 2..10 or not whole", "`bins` 不在 2..10 或不是整数", rfm, C3, D3, A3, O, 11, O, O],
    ["`bins` not a number", "`bins` 不是数字", rfm, C3, D3, A3, O, "many", O, O],
    ["`as_of` not a date", "`as_of` 不是日期", rfm, C3, D3, A3, "someday", O, O, O],
    ["`as_of` before the first purchase (an earlier date than the latest purchase is \"as it stood then\", section 16)", "`as_of` 早于第一次购买（早于最近一次购买的日期表示“按当时的状态”，见第 16 节）", rfm, C3, D3, A3, "2023-12-31", O, O, O],
    ["Unknown `segments` name", "未知的 `segments` 名称", rfm, C3, D3, A3, O, O, [["rfmx"]], O],
    ["Rule with a blank name", "规则名称为空", rfm, C3, D3, A3, O, O, [["VIP", 4, 5, 4, 5, 4, 5], ["", 1, 2, "", "", "", ""]], O],
    ["Rule bound that is not a whole number", "规则分值界限不是整数", rfm, C3, D3, A3, O, O, [["VIP", 4, 5, 4, 5, 4, 5], ["Lapsed", "low", 2, "", "", "", ""]], O],
    ["Rule minimum above its maximum", "规则最小值大于最大值", rfm, C3, D3, A3, O, O, [["VIP", 5, 4, 4, 5, 4, 5]], O],
    ["`headers` not TRUE/FALSE", "`headers` 不是 TRUE/FALSE", rfm, C3, D3, A3, O, O, O, "maybe"],
  ];
  const rsCases: Case[] = [
    ["A row with some but not all three values", "一行只填了部分数值", rfmscore, col(5, 6), col(1, null), col(1, 2), O, O],
    ["Negative recency or frequency", "最近购买天数或频次为负", rfmscore, col(5, -6), col(1, 2), col(1, 2), O, O],
    ["A value that is not a number", "数值不是数字", rfmscore, col(5, 6), col(1, "two"), col(1, 2), O, O],
    ["`bins` range that is neither three rows nor three columns", "`bins` 区域既不是三行也不是三列", rfmscore, col(5, 6), col(1, 2), col(1, 2), [[1, 2], [3, 4]], O],
    ["Breakpoints not increasing", "分界点不是递增的", rfmscore, col(5, 6), col(1, 2), col(1, 2), [[90, 30], [1, 2], [3, 4]], O],
    ["A breakpoint that is not a number (row 2 = frequency)", "分界点不是数字（第 2 行 = 频次）", rfmscore, col(5, 6), col(1, 2), col(1, 2), [[30, 90], [1, "x"], [3, 4]], O],
    ["More than 9 breakpoints for one dimension", "某个维度的分界点多于 9 个", rfmscore, col(5, 6), col(1, 2), col(1, 2), [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ["", "", "", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "", "", "", ""]], O],
  ];
  const abcCases: Case[] = [
    ["`a_cut` not below `b_cut`", "`a_cut` 不小于 `b_cut`", abcclass, col(1, 2), 0.9, 0.8, O],
    ["A cut written as a percentage number", "界限写成了百分数数字", abcclass, col(1, 2), 80, O, O],
    ["Unknown `basis`", "未知的 `basis`", abcclass, col(1, 2), O, O, "revenue"],
    ["A value that is not a number", "数值不是数字", abcclass, col(1, "x"), O, O, O],
    ["A cell holding an Excel error", "单元格包含 Excel 错误", abcclass, col(1, { code: "#DIV/0!" }), O, O, O],
    ["A block of several rows and columns", "多行多列的区域", abcclass, [[1, 2], [3, 4]], O, O, O],
    ["Unknown `method`", "未知的 `method`", abcclass, col(1, 2), O, O, O, "pareto"],
    ["TIER.ABCNEXT: `a_cut` not below `b_cut` (the cuts are checked as in TIER.ABCCLASS)", "TIER.ABCNEXT：`a_cut` 不小于 `b_cut`（界限的检查与 TIER.ABCCLASS 相同）", abcnext, col(1, 2), 0.9, 0.8, O, O],
  ];
  const clvCases: Case[] = [
    ["Margin above 1 in a range", "区域中的毛利率大于 1", clv, col(100, 200), [[4]], [[3]], col(0.3, 30), O],
    ["Margin above 1 as a single value", "单个数值的毛利率大于 1", clv, [[100]], [[4]], [[3]], [[30]], O],
    ["Discount rate of 1 or more", "折现率大于等于 1", clv, [[100]], [[4]], [[3]], [[0.3]], [[1]]],
    ["Ranges of different shapes", "区域形状不同", clv, col(1, 2), col(1, 2, 3), [[3]], [[0.3]], O],
    ["A negative input", "输入为负数", clv, [[-1]], [[4]], [[3]], [[0.3]], O],
    ["A negative input inside a 2-D range", "二维区域中的负数", clv, [[1, 2], [3, 4]], [[4]], [[1, -3], [3, 4]], [[0.3]], O],
    ["A value that is not a number", "数值不是数字", clv, [[1]], [["often"]], [[3]], [[0.3]], O],
    ["A cell holding an Excel error", "单元格包含 Excel 错误", clv, [[1]], [[{ code: "#REF!" }]], [[3]], [[0.3]], O],
  ];
  for (const l of ["en", "zh"] as const) {
    V[`err_rfm_${l}`] = errTable(rfmCases, l);
    V[`err_rs_${l}`] = errTable(rsCases, l);
    V[`err_abc_${l}`] = errTable(abcCases, l);
    V[`err_clv_${l}`] = errTable(clvCases, l);
  }
  return V;
}
