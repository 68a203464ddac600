/**
 * The Levels job (issue 15 §1) as issue 12's hostile user runs it, on the stand-in under both host profiles: an
 * output that grows with the data in two dimensions (the Level changes sheet: customers × month-end reviews) is
 * refused before any sheet is touched, with a sentence that says which sheet, how far it may go and what to change.
 * It once wrote eighteen syncs of rows and then failed with Excel's own 'The address "A1026270:E1084181" is outside
 * the sheet'.
 */
import { describe, expect, it } from "vitest";
import { createWorkbookPort } from "../../src/excel/jobs";
import { SHEET_DATA_ROWS } from "../../src/excel/jobs/levels";
import { messages } from "../../src/i18n";
import { createStandIn } from "../../src/standin";
import { settingsFor } from "./helpers";

describe("the Levels job's sheets stay within a sheet", () => {
  it("a history of more changes than a sheet holds is refused before any write, in both languages", async () => {
    // 9,000 customers who bought once in January 2015, every one kept at each month-end to 2024 (validity 1 month,
    // a window of 100 years): 9,000 × 119 = 1,071,000 changes.
    const rows: unknown[][] = Array.from({ length: 9000 }, (_, c) => [`C${c}`, 42019, 1000, "x", 1]);
    rows.push(["Z", 45657, 1, "x", 1]);
    const book = createStandIn();
    book.addSheet("Data", [["Customer", "Date", "Amount", "Category", "Rating"], ...rows]);
    const port = createWorkbookPort(book.host);
    const request = { policy: { levels: [{ name: "M", entry: 1, keep: 0 }], metric: "spend" as const, windowMonths: 1200, validityMonths: 1 }, asOf: null };
    for (const locale of ["en", "zh-CN"] as const) {
      const m = messages(locale);
      book.resetSyncLog();
      await expect(port.writeLevels(settingsFor(rows.length), request, locale)).rejects.toThrow(m.hostile15.levelChangesTooMany(m.levelsPane.book.changesSheet, SHEET_DATA_ROWS));
      expect(book.sheets().map((s) => s.name)).toEqual(["Data"]);
      expect(book.syncLog().every((s) => s.requestBytes < 1000)).toBe(true);
    }
    // A validity of 12 months keeps each customer once a year: the same data fits.
    const fits = await port.writeLevels(settingsFor(rows.length), { ...request, policy: { ...request.policy, validityMonths: 12 } }, "en");
    expect(fits.changes).toBe(9000 * 10 + 1);
  }, 60_000);
});
