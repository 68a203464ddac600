import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeHeader } from "../../../src/core/cells/header";

const RETAIL_HEADER = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];
/** As Excel sends them: numbers, serials, text. */
const RETAIL_EXCEL = [
  [546306, 21733, "RED HANGING HEART T-LIGHT HOLDER", 2, 40612.67777, 2.95, "", "United Kingdom"],
  [557055, 23203, "JUMBO BAG DOILEY PATTERNS", 20, 40710.61458, 2.08, 12621, "Germany"],
  ["C536379", "D", "Discount", -1, 40513.4, 27.5, 14527, "United Kingdom"],
  [536365, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 40513.35, 2.55, 17850, "United Kingdom"],
];
/** As a CSV gives them: text everywhere. */
const RETAIL_CSV = [
  ["546306", "21733", "RED HANGING HEART T-LIGHT HOLDER", "2", "2011-03-10 16:16:00", "2.95", "NA", "United Kingdom"],
  ["557055", "23203", "JUMBO BAG DOILEY PATTERNS", "20", "2011-06-16 14:45:00", "2.08", "12621", "Germany"],
];

describe("looksLikeHeader", () => {
  it("finds the header of line-item data, as Excel sends it and as a CSV gives it", () => {
    expect(looksLikeHeader([RETAIL_HEADER, ...RETAIL_EXCEL])).toBe(true);
    expect(looksLikeHeader([RETAIL_HEADER, ...RETAIL_CSV])).toBe(true);
  });

  it("finds no header when the first row is data", () => {
    expect(looksLikeHeader(RETAIL_EXCEL)).toBe(false);
    expect(looksLikeHeader(RETAIL_CSV)).toBe(false);
    expect(
      looksLikeHeader([
        ["C1", 45292, 12.5],
        ["C2", 45293, 7],
        ["C1", 45300, 3],
      ]),
    ).toBe(false);
  });

  it("reads Chinese headers over Chinese data, and Chinese data without a header", () => {
    const data = [
      ["张三", "2024/1/5", "¥1,234.50", "华东"],
      ["李四", 45300, 88, "华北"],
      ["王五", "2024年2月1日", "12 元", "华东"],
    ];
    expect(looksLikeHeader([["客户", "日期", "金额", "地区"], ...data])).toBe(true);
    expect(looksLikeHeader([["客户编号", "订单号", "下单时间", "实付金额"], ["KH001", "DD2024001", 45300, 10], ["KH002", "DD2024002", 45301, 20]])).toBe(true);
    expect(looksLikeHeader(data)).toBe(false);
  });

  it("decides all-text data (ids and names) by the ids' pattern", () => {
    expect(looksLikeHeader([["Customer ID", "Name"], ["C001", "Alice"], ["C002", "Bob"], ["C017", "Carol"]])).toBe(true);
    expect(looksLikeHeader([["C001", "Alice"], ["C002", "Bob"], ["C017", "Carol"]])).toBe(false);
    // A repeated category below the first row: that row is data.
    expect(looksLikeHeader([["toys", "Alice"], ["books", "Bob"], ["toys", "Carol"]])).toBe(false);
    // Words over words are no evidence: distinct text in the first row is taken as names (the checkbox can say otherwise).
    expect(looksLikeHeader([["Name", "City"], ["Alice", "Paris"], ["Bob", "Lyon"]])).toBe(true);
    expect(looksLikeHeader([["Alice", "Alice"], ["Bob", "Lyon"]])).toBe(false);
  });

  it("takes a header with a few unnamed columns, but not a first row that is mostly blank or numbers", () => {
    expect(looksLikeHeader([["Customer", "", "Amount"], ["C1", "x", 3], ["C2", "y", 4]])).toBe(true);
    expect(looksLikeHeader([["C1", "", ""], ["C2", 45292, 12]])).toBe(false);
    expect(looksLikeHeader([["Year", 2023, 2024], ["Sales", 10, 20]])).toBe(false);
  });

  it("says no for nothing, and yes for a lone row of names", () => {
    expect(looksLikeHeader([])).toBe(false);
    expect(looksLikeHeader([[]])).toBe(false);
    expect(looksLikeHeader([["Customer", "Date", "Amount"]])).toBe(true);
    expect(looksLikeHeader([[1, 2, 3]])).toBe(false);
  });

  it("finds the header above any numeric data, and none when the numbers start at the top", () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,11}$/).filter((s) => s.trim() !== "");
    const cell = fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 40000, max: 46000 }).map(String));
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 8, selector: (s) => s.trim().toLowerCase() }), fc.integer({ min: 1, max: 10 }), fc.infiniteStream(cell), (names, rows, cells) => {
        const data = Array.from({ length: rows }, () => names.map(() => cells.next().value));
        expect(looksLikeHeader([names, ...data])).toBe(true);
        expect(looksLikeHeader(data)).toBe(false);
      }),
    );
  });
});
