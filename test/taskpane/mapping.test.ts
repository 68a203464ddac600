import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { mappingProblems } from "../../src/core/analysis/roles";
import { completeMapping, EMPTY_MAPPING, guessMapping, mappingFor, normalizeHeader } from "../../src/taskpane/mapping";

const firstLine = (file: string) =>
  readFileSync(resolve(__dirname, "../../../shared/data", file), "utf8").split(/\r?\n/, 1)[0].split(",").map((h) => h.replace(/"/g, ""));

describe("normalizeHeader", () => {
  it("compares header texts without case, spaces, underscores, dashes or full-width forms", () => {
    expect(normalizeHeader("Customer ID")).toBe("customerid");
    expect(normalizeHeader("customer_id")).toBe("customerid");
    expect(normalizeHeader("Order-Date")).toBe("orderdate");
    expect(normalizeHeader(" 客户 编号 ")).toBe("客户编号");
    expect(normalizeHeader("ＵｎｉｔＰｒｉｃｅ")).toBe("unitprice");
    expect(normalizeHeader(null)).toBe("");
  });
});

describe("guessMapping", () => {
  it("maps the Online Retail sample: amount is Quantity × UnitPrice, InvoiceNo the order, Country the category", () => {
    const header = firstLine("online_retail_sample_20k.csv");
    expect(header).toEqual(["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]);
    expect(guessMapping(header)).toEqual({ ...EMPTY_MAPPING, customer: 6, date: 4, amount: 5, quantity: 3, category: 7, order: 0 });
  });

  it("finds the order (invoice) column by its usual names in both languages, never the order date or amount", () => {
    for (const name of ["InvoiceNo", "Invoice", "Invoice Number", "order_id", "OrderID", "Order No.", "order number", "Transaction ID", "订单号", "订单编号", "单号", "发票号", "订单 ID", "流水号", "销售单号"]) {
      expect(guessMapping(["Customer", "Date", "Amount", name]).order, name).toBe(3);
    }
    for (const name of ["InvoiceDate", "Order Date", "Order Amount", "订单日期", "订单金额"]) {
      expect(guessMapping(["Customer", name]).order, name).toBe(-1);
    }
    expect(guessMapping(["订单号", "订单日期", "订单金额", "客户"])).toEqual({ ...EMPTY_MAPPING, customer: 3, date: 1, amount: 2, order: 0 });
  });

  it("maps the R rfm package's orders (customer_id, order_date, revenue)", () => {
    expect(guessMapping(firstLine("rfm_data_orders.csv"))).toEqual({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2 });
  });

  it("maps Chinese headers, with the quantity left out when there is an amount column", () => {
    const header = ["订单号", "会员编号", "下单时间", "数量", "单价", "实付金额", "毛利", "品类", "满意度"];
    // Issue 15 §4: 满意度 has its own role now (satisfaction), no longer the extra measure's.
    expect(guessMapping(header)).toEqual({ ...EMPTY_MAPPING, customer: 1, date: 2, amount: 5, quantity: -1, margin: 6, category: 7, satisfaction: 8, order: 0 });
  });

  it("maps Chinese quantity × unit price when there is no amount", () => {
    expect(guessMapping(["客户", "日期", "数量", "单价"])).toEqual({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 3, quantity: 2 });
  });

  it("prefers an exact name to one that merely contains the word, and never gives a column two roles", () => {
    const header = ["customer_name", "Customer ID", "Date", "Sales amount", "amount"];
    const mapping = guessMapping(header);
    expect(mapping.customer).toBe(1);
    expect(mapping.amount).toBe(4);
    expect(mapping.date).toBe(2);
    const used = Object.values(mapping).filter((c) => c >= 0);
    expect(new Set(used).size).toBe(used.length);
  });

  it("finds the date column from the sample when the header does not name it", () => {
    const header = ["Column A", "Column B", "Column C"];
    const sample = [
      ["C1", "2024-01-05", 10],
      ["C2", "2024/1/6", 12],
    ];
    expect(guessMapping(header, sample).date).toBe(1);
    expect(guessMapping(header, []).date).toBe(-1);
  });

  it("leaves roles unmapped when nothing fits", () => {
    expect(guessMapping(["foo", "bar"])).toEqual(EMPTY_MAPPING);
    expect(guessMapping([])).toEqual(EMPTY_MAPPING);
  });
});

describe("mappingProblems", () => {
  it("names the missing required roles, columns past the end and columns used twice", () => {
    expect(mappingProblems({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2 }, 3)).toEqual([]);
    expect(mappingProblems(EMPTY_MAPPING, 3).map((p) => p.kind === "missing" && p.role)).toEqual(["customer", "date", "amount"]);
    expect(mappingProblems({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 1 }, 3)).toEqual([{ kind: "shared", roles: ["date", "amount"], column: 1 }]);
    expect(mappingProblems({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 7 }, 3)).toEqual([{ kind: "outOfRange", role: "amount", column: 7, columns: 3 }]);
  });

  it("keeps a saved mapping that still fits and guesses again when it does not", () => {
    const saved = { ...EMPTY_MAPPING, customer: 2, date: 1, amount: 0 };
    expect(mappingFor(saved, ["a", "b", "c"], [])).toBe(saved);
    expect(mappingFor(saved, ["客户", "日期"], [])).toEqual({ ...EMPTY_MAPPING, customer: 0, date: 1 });
    expect(mappingFor(null, ["客户", "日期", "金额"], [])).toEqual({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2 });
  });

  it("reads a mapping saved before the order column existed with the order unmapped", () => {
    const old = { customer: 2, date: 1, amount: 0, quantity: -1, margin: -1, category: -1, extra: -1 };
    // Issue 15 §4: and the voice roles, added later, unmapped too.
    expect(completeMapping(old)).toEqual({ ...EMPTY_MAPPING, ...old, order: -1 });
    expect(mappingFor(old as typeof EMPTY_MAPPING, ["a", "b", "c"], [])).toEqual({ ...EMPTY_MAPPING, ...old, order: -1 });
  });
});

describe("guessMapping: dates sent as serial numbers", () => {
  // Excel sends date cells as serials: 45292 is 2024-01-01; 45292.69 an afternoon of that day.
  const sample = (dates: unknown[]) => dates.map((d, i) => [`C${i}`, d, 10 + i]);

  it("takes a column of plausible serials whose header speaks of time", () => {
    expect(guessMapping(["Client", "Day", "Spend"], sample([45292, 45300, 45301, 45400, 45500])).date).toBe(1);
    expect(guessMapping(["Client", "Purchased", "Spend"], sample([45292, "", 45301])).date).toBe(1);
    expect(guessMapping(["客户", "下单", "金额"], sample([45292, 45293])).date).toBe(1);
    // Date-times: fractions, with a header saying time.
    expect(guessMapping(["Client", "When", "Spend"], sample([45292.69, 45300.25, 45301.5])).date).toBe(1);
  });

  it("never takes numbers that merely fall in the serial range", () => {
    // No word of time in the header: a zip code, a count.
    expect(guessMapping(["Client", "Zip", "Spend"], sample([40001, 45300, 45301])).date).toBe(-1);
    // Out of range (before 1900-03-01 or after 9999-12-31), mostly fractional without "time", or text.
    expect(guessMapping(["Client", "Day", "Spend"], sample([12, 45300, 45301])).date).toBe(-1);
    expect(guessMapping(["Client", "Day", "Spend"], sample([3_000_000, 45300])).date).toBe(-1);
    expect(guessMapping(["Client", "Day", "Spend"], sample([45292.5, 45300.25, 45301.75])).date).toBe(-1);
    expect(guessMapping(["Client", "Day", "Spend"], sample(["n/a", 45300])).date).toBe(-1);
    expect(guessMapping(["Client", "Day", "Spend"], sample(["", ""])).date).toBe(-1);
  });
});
