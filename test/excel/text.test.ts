/**
 * Text stays text. Excel reads a string written through `values` like typed input unless the cell is
 * formatted as text ("@") first: ids "00123" lose their zeros, "1-2" and RFM codes "10-3-5" become
 * dates, "+86 …" and "=…" become formulas. The stand-in does the same (typedInput), so these tests
 * catch a write that puts values before their text format.
 */
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { PREDICT_DEFAULTS as DEFAULT_PREDICT } from "../../src/core/analysis/predictions";
import { createStandIn, typedInput } from "../../src/standin";
import { bookWithTransactions, settingsFor } from "./helpers";


const TRICKY = ["00123", "1-2", "+86 138 0000 0000", '=HYPERLINK("http://example.com","click")', "10-3-5", "2024-01-05", "-x", "TRUE"];

describe("the stand-in reads text like Excel's typed input", () => {
  it("coerces text written to General cells: numbers, dates, formulas, booleans", () => {
    const today = new Date(2025, 5, 1);
    expect(typedInput("00123", today)).toEqual({ value: 123, formula: null, format: null });
    expect(typedInput("1,234.5", today).value).toBe(1234.5);
    expect(typedInput("12%", today)).toEqual({ value: 0.12, formula: null, format: "0%" });
    expect(typedInput("10-3-5", today)).toEqual({ value: 38628, formula: null, format: "m/d/yyyy" }); // 2005-10-03
    expect(typedInput("1-2", today).value).toBe(45659); // 2025-01-02
    expect(typedInput("2024-01-05", today).value).toBe(45296);
    expect(typedInput("+86 138 0000 0000", today)).toMatchObject({ value: "#NAME?", formula: "=+86 138 0000 0000" });
    expect(typedInput("=SUM(1,2)", today)).toMatchObject({ formula: "=SUM(1,2)" });
    expect(typedInput("TRUE", today).value).toBe(true);
    for (const text of ["C1", "13-40", "customer-7", "111a", "-", "张三"]) expect(typedInput(text, today)).toEqual({ value: text, formula: null, format: null });
  });

  it("keeps text verbatim in cells formatted as text, when the format is queued before the values", async () => {
    const book = createStandIn();
    book.addSheet("S");
    const column = TRICKY.map((t) => [t]);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const text = sheet.getRange(`A1:A${TRICKY.length}`);
      text.numberFormat = TRICKY.map(() => ["@"]);
      text.values = column;
      // Values first, format after: too late, as in Excel.
      const late = sheet.getRange(`B1:B${TRICKY.length}`);
      late.values = column;
      late.numberFormat = TRICKY.map(() => ["@"]);
      await context.sync();
    });
    expect(book.values("S", `A1:A${TRICKY.length}`)).toEqual(column);
    const late = book.values("S", `B1:B${TRICKY.length}`).flat();
    expect(late[0]).toBe(123);
    expect(typeof late[1]).toBe("number");
    expect(book.formulas("S", "B3:B4").flat()).toEqual(["=+86 138 0000 0000", TRICKY[3]]);
    expect(book.formulas("S", "A3:A4").flat()).toEqual(["", ""]);
  });
});

describe("a run writes text as text", () => {
  /** Customers with tricky ids (and plain ones, numeric ones too), several purchases each. */
  function data(): unknown[][] {
    const ids: unknown[] = [...TRICKY, 12345, 987];
    for (let c = 1; c <= 150; c++) ids.push(`C${c}`);
    const rows: unknown[][] = [];
    ids.forEach((id, k) => {
      const n = 1 + (k % 4);
      for (let j = 0; j < n; j++) rows.push([id, 45292 + ((k * 37 + j * 53) % 360), 10 + ((k * 13 + j * 7) % 500), k % 3 === 0 ? "=cmd|' /C calc'!A0" : "1-2", 1 + (k % 5)]);
    });
    return rows;
  }

  it("keeps ids, RFM codes (bins = 10), categories, strategies and headers verbatim, in text-formatted cells", async () => {
    const rows = data();
    const { book, port } = bookWithTransactions(rows);
    book.addSheet("Data2", [["=Customer", "+Date", "Amount", "Category", "-Rating"], ...rows]);
    const settings = settingsFor(rows.length, {
      source: { kind: "range", sheet: "Data2", address: `A1:E${rows.length + 1}` },
      rfm: { bins: 10, breakpoints: null, scheme: "rfm" },
      strategies: { A: "=HYPERLINK(\"http://evil\")", B: "+1 call" },
      predict: { ...DEFAULT_PREDICT },
    });
    const report = await port.run(settings, { locale: "en" });
    expect(report.customers).toBe(TRICKY.length + 2 + 150);
    const table = book.tables().find((t) => t.name === "TieringResults")!;
    const body = book.tableRows("TieringResults");
    const ids = body.map((r) => r[0]);
    for (const id of [...TRICKY, 12345, 987]) expect(ids).toContain(id);
    // No cell of the add-in's sheets holds a formula.
    for (const sheet of ["Tiers", "Tier Summary", "Churn warning"]) expect(book.formulas(sheet).flat().filter(Boolean)).toEqual([]);
    // Per-cell format in the id column: text for text ids, General for numbers.
    const idFormats = book.numberFormats("Tiers", `A2:A${body.length + 1}`).flat();
    body.forEach((r, k) => expect(idFormats[k]).toBe(typeof r[0] === "string" ? "@" : "General"));
    // RFM codes of ten bins are "r-f-m" text, never dates.
    const code = table.header.indexOf(en.workbook.columns.rfmCode);
    const codes = body.map((r) => r[code]);
    expect(codes.every((c) => typeof c === "string" && /^\d{1,2}-\d{1,2}-\d{1,2}$/.test(c))).toBe(true);
    expect(codes.some((c) => /^\d0?-/.test(c as string) && (c as string).startsWith("10-"))).toBe(true);
    // The main category and the extra column's header come from the data.
    const category = table.header.indexOf(en.workbook.columns.mainCategory);
    expect(new Set(body.map((r) => r[category]))).toEqual(new Set(["=cmd|' /C calc'!A0", "1-2"]));
    expect(table.header).toContain(en.workbook.columns.extraMean("-Rating"));
    // Text columns are text-formatted; the header row too.
    const segment = table.header.indexOf(en.workbook.columns.segment);
    expect(book.numberFormats("Tiers", "A1:C1")[0]).toEqual(["@", "@", "@"]);
    expect(book.numberFormats("Tiers").slice(1).every((row) => row[segment] === "@" && row[category] === "@" && row[code] === "@")).toBe(true);
    // Summary: strategies verbatim.
    const tiers = book.tableRows("TieringSummary");
    expect(tiers.find((t) => t[0] === "A")![1]).toBe("=HYPERLINK(\"http://evil\")");
    expect(tiers.find((t) => t[0] === "B")?.[1] ?? "+1 call").toBe("+1 call");
    // Churn warning: ids verbatim.
    const churn = book.tableRows("TieringChurn");
    for (const row of churn) expect(ids).toContain(row[1]);
  });
});
