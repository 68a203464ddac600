import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serialFromParts } from "../../../src/core/cells/dates";
import { customerKey } from "../../../src/core/cells/coerce";
import { ProblemLog } from "../../../src/core/cells/problems";
import { readNumberColumn, readTransactions } from "../../../src/core/transactions/read";
import { TransactionBuilder } from "../../../src/core/transactions/builder";
import { StandInCustomFunctionError } from "../../support/custom-functions";

/** Builds transaction columns from rows [customer, date, amount]. */
function columns(rows: readonly (readonly unknown[])[]) {
  return { customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) };
}

describe("readTransactions", () => {
  it("reuses a repeated date text's parse, but never for a blank or a different text", () => {
    const tx = readTransactions(columns([["a", "", 1], ["a", "2024-01-05", 2], ["b", "2024-01-05", 3], ["b", "2024-01-06", 4], ["c", "", 5]]));
    expect(tx.problems.problems.map((p) => [p.row, p.code])).toEqual([[0, "blankDate"], [4, "blankDate"]]);
    expect(Array.from(tx.date)).toEqual([45296, 45296, 45297]);
  });

  it("reads good rows into typed columns and keeps their source rows", () => {
    const tx = readTransactions(
      columns([
        ["A", "2024-01-05", "12.50"],
        ["B", 45297, 3],
        ["A", "2024/1/6 12:00", "$1,000"],
      ]),
    );
    expect(tx.validRows).toBe(3);
    expect(tx.inputRows).toBe(3);
    expect(tx.blankRows).toBe(0);
    expect(tx.customerIds).toEqual(["A", "B"]);
    expect([...tx.customer]).toEqual([0, 1, 0]);
    expect([...tx.date]).toEqual([45296, 45297, 45297.5]);
    expect([...tx.amount]).toEqual([12.5, 3, 1000]);
    expect([...tx.sourceRow]).toEqual([0, 1, 2]);
    expect(tx.problems.count).toBe(0);
  });

  it("skips blank rows (null, \"\", whitespace, old-Excel zeros) without a problem", () => {
    const tx = readTransactions(
      columns([
        [null, null, null],
        ["A", "2024-01-05", 1],
        ["", "", ""],
        ["  ", "\t", "\u3000"],
        [undefined, undefined, undefined],
        [0, 0, 0],
        [0, null, ""],
        ["B", 45300, 2],
      ]),
    );
    expect(tx.inputRows).toBe(8);
    expect(tx.blankRows).toBe(6);
    expect(tx.validRows).toBe(2);
    expect(tx.problems.count).toBe(0);
    expect([...tx.sourceRow]).toEqual([1, 7]);
  });

  it("reports each partial row once, for its first bad cell, with row index, field and code", () => {
    const rows: unknown[][] = [
      ["A", "2024-01-05", 1], // 0 ok
      [null, "2024-01-05", 1], // 1 blankCustomer
      ["A", null, 1], // 2 blankDate
      ["A", "2023-02-30", 1], // 3 badDate
      ["A", 10, 1], // 4 dateOutOfRange (1900-01-10)
      ["A", "1899-12-31", 1], // 5 dateOutOfRange
      ["A", 2958466, 1], // 6 dateOutOfRange (after 9999-12-31)
      ["A", "2024-01-05", null], // 7 blankAmount
      ["A", "2024-01-05", "abc"], // 8 badAmount
      ["#N/A", "2024-01-05", 1], // 9 excelError in customers (text)
      ["A", "#VALUE!", 1], // 10 excelError in dates (text)
      ["A", "2024-01-05", "#N/A"], // 11 excelError in amounts (text)
      [{ code: "#N/A" }, "2024-01-05", 1], // 12 excelError in customers (object)
      ["A", new StandInCustomFunctionError("#REF!"), 1], // 13 excelError in dates (object)
      ["A", "2024-01-05", { code: "#DIV/0!" }], // 14 excelError in amounts (object)
      [null, null, 5], // 15 blankCustomer (not a blank row)
      ["A", "garbage", "abc"], // 16 badDate only (first bad cell)
      ["A", "2024-01-05", "1,23"], // 17 badAmount
      ["A", "2024-01-05", Infinity], // 18 notFinite (issue 12: the finite-number rule names it)
      ["", "2024-01-05", ""], // 19 blankCustomer
    ];
    const tx = readTransactions(columns(rows));
    expect(tx.validRows).toBe(1);
    expect(tx.blankRows).toBe(0);
    expect(tx.problems.count).toBe(rows.length - 1);
    expect(tx.problems.problems.map((p) => [p.row, p.field, p.code, p.value])).toEqual([
      [1, "customers", "blankCustomer", ""],
      [2, "dates", "blankDate", ""],
      [3, "dates", "badDate", "2023-02-30"],
      [4, "dates", "dateOutOfRange", "10"],
      [5, "dates", "dateOutOfRange", "1899-12-31"],
      [6, "dates", "dateOutOfRange", "2958466"],
      [7, "amounts", "blankAmount", ""],
      [8, "amounts", "badAmount", "abc"],
      [9, "customers", "excelError", "#N/A"],
      [10, "dates", "excelError", "#VALUE!"],
      [11, "amounts", "excelError", "#N/A"],
      [12, "customers", "excelError", "#N/A"],
      [13, "dates", "excelError", "#REF!"],
      [14, "amounts", "excelError", "#DIV/0!"],
      [15, "customers", "blankCustomer", ""],
      [16, "dates", "badDate", "garbage"],
      [17, "amounts", "badAmount", "1,23"],
      [18, "amounts", "notFinite", "Infinity"],
      [19, "customers", "blankCustomer", ""],
    ]);
    expect(tx.problems.byCode).toEqual({
      blankCustomer: 3,
      blankDate: 1,
      badDate: 2,
      dateOutOfRange: 3,
      blankAmount: 1,
      badAmount: 2,
      notFinite: 1,
      excelError: 6,
    });
  });

  it("accepts the first and last dates of the range and negative amounts (returns)", () => {
    const tx = readTransactions(columns([["A", 61, -5], ["A", "9999-12-31", 0], ["A", "1900-03-01", "(2.50)"]]));
    expect(tx.validRows).toBe(3);
    expect([...tx.amount]).toEqual([-5, 0, -2.5]);
    expect([...tx.date]).toEqual([61, 2958465, 61]);
  });

  it("uses the given field names and day order", () => {
    const tx = readTransactions(columns([["A", "5/1/2024", 1], ["A", "x", 1]]), {
      dayOrder: "dmy",
      fieldNames: { customers: "Customer", dates: "Order date", amounts: "Revenue" },
    });
    expect([...tx.date]).toEqual([45296]);
    expect(tx.problems.problems[0]).toMatchObject({ row: 1, field: "Order date", code: "badDate" });
    expect(readTransactions(columns([["A", "5/1/2024", 1]])).date[0]).toBe(serialFromParts(2024, 5, 1));
  });

  it("treats numeric id 123 and text \"123\" as one customer, \"00123\" as another", () => {
    const tx = readTransactions(
      columns([
        [123, "2024-01-05", 1],
        ["123", "2024-01-06", 2],
        [" 123 ", "2024-01-07", 3],
        ["00123", "2024-01-08", 4],
      ]),
    );
    expect(tx.customerIds).toEqual([123, "00123"]);
    expect([...tx.customer]).toEqual([0, 0, 0, 1]);
  });

  it("lists customers by key in order of first appearance: text trimmed, canonical numeric text as the number", () => {
    const tx = readTransactions(columns([["  Bob ", 45296, 1], ["Bob", 45296, 1], ["123", 45296, 1], [123, 45296, 1], ["0123", 45296, 1]]));
    expect(tx.customerIds).toEqual(["Bob", 123, "0123"]);
    expect([...tx.customer]).toEqual([0, 0, 1, 1, 2]);
    // The same customers whichever way the first row writes the id.
    expect(readTransactions(columns([[123, 45296, 1], ["123", 45296, 1]])).customerIds).toEqual([123]);
  });

  it("keys small whole-number ids, large ids, fractional, negative and text ids without mixing them up", () => {
    const ids: unknown[] = [0, 1, 5000, 16777215, 16777216, 2 ** 31, 1.5, -3, "x", "5000", 1e15, "0", -0];
    const rows = [...ids, ...[...ids].reverse()].map((id, i) => [id, 45296 + i, 1]);
    const tx = readTransactions(columns(rows));
    // "5000" meets 5000, and -0 and "0" meet 0; everything else is its own customer.
    expect(tx.customerIds).toEqual([0, 1, 5000, 16777215, 16777216, 2 ** 31, 1.5, -3, "x", 1e15]);
    expect(tx.validRows).toBe(rows.length);
    const counts = new Map<number, number>();
    for (const c of tx.customer) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.get(0)).toBe(6); // 0, -0 and "0", and again reversed
    expect(counts.get(2)).toBe(4); // 5000 and "5000", twice
    expect(counts.get(1)).toBe(2);
  });

  it("TransactionBuilder grows past its initial capacity and keeps every row", () => {
    const builder = new TransactionBuilder(0);
    for (let i = 0; i < 100; i++) builder.addCells(`c${i % 7}`, 45296 + i, i, i);
    builder.addCells(null, null, null, 100);
    builder.addCells("c1", "bad", 1, 101);
    const tx = builder.finish(102);
    expect(tx.validRows).toBe(100);
    expect(tx.blankRows).toBe(1);
    expect(tx.inputRows).toBe(102);
    expect(tx.customerIds).toHaveLength(7);
    expect([...tx.amount]).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(tx.sourceRow[99]).toBe(99);
    expect(tx.problems.problems[0]).toMatchObject({ row: 101, code: "badDate" });
  });

  it("honours problemLimit while counting every problem", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ["A", "bad", i]);
    const tx = readTransactions(columns(rows), { problemLimit: 5 });
    expect(tx.problems.count).toBe(50);
    expect(tx.problems.problems).toHaveLength(5);
    expect(tx.problems.problems.map((p) => p.row)).toEqual([0, 1, 2, 3, 4]);
    expect(tx.validRows).toBe(0);
  });

  it("throws when the columns differ in length", () => {
    expect(() => readTransactions({ customers: ["A"], dates: [1, 2], amounts: [1] })).toThrow(RangeError);
  });

  it("property: valid + blank + problem rows = input rows, and valid rows keep their values", () => {
    const goodRow = fc.tuple(fc.constantFrom("A", "B", 7, "7", "C"), fc.integer({ min: 61, max: 80000 }), fc.integer({ min: -1000, max: 1000 }));
    const blankRow = fc.constantFrom([null, null, null], ["", " ", null], [0, 0, 0], [undefined, "", 0]);
    const badRow = fc.constantFrom(["A", "nope", 1], [null, 45296, 1], ["A", 45296, "x"], ["A", 5, 1], ["#N/A", 45296, 1]);
    fc.assert(
      fc.property(fc.array(fc.oneof(goodRow, blankRow, badRow), { maxLength: 60 }), (rows) => {
        const tx = readTransactions(columns(rows as unknown[][]));
        expect(tx.validRows + tx.blankRows + tx.problems.count).toBe(rows.length);
        for (let k = 0; k < tx.validRows; k++) {
          const row = rows[tx.sourceRow[k]] as unknown[];
          expect(tx.date[k]).toBe(row[1]);
          expect(tx.amount[k]).toBe(row[2]);
          expect(customerKey(tx.customerIds[tx.customer[k]])).toBe(customerKey(row[0]));
        }
        // "7" and 7 are one customer.
        const ids = tx.customerIds.map((id) => customerKey(id));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("readNumberColumn", () => {
  it("reads numbers, leaves blanks NaN quietly and reports bad and error cells", () => {
    const log = new ProblemLog();
    const out = readNumberColumn([1, "2,000", null, "", "abc", "#N/A", true, "(3)"], "values", log);
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(2000);
    expect(out[2]).toBeNaN();
    expect(out[3]).toBeNaN();
    expect(out[4]).toBeNaN();
    expect(out[5]).toBeNaN();
    expect(out[6]).toBeNaN();
    expect(out[7]).toBe(-3);
    expect(log.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [4, "values", "badNumber"],
      [5, "values", "excelError"],
      [6, "values", "badNumber"],
    ]);
  });
});
