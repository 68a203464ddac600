/** Sources as people give them: a table showing its totals row, whole columns selected (A:E). */
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { FIVE_MB, bookWithTransactions, settingsFor, transactions } from "./helpers";


describe("a table with its totals row shown", () => {
  it("reads the header and the data body only: the totals row is no customer", async () => {
    const rows = transactions(30);
    const { book, port } = bookWithTransactions(rows);
    const total = rows.reduce((s, r) => s + (r[2] as number), 0);
    // The totals row: "Total" under the customers, the sum under the amounts.
    book.addSheet("Sales", [["Customer", "Date", "Amount", "Category", "Rating"], ...rows, ["Total", "", total, "", ""]]);
    book.addTable("Sales", `A1:E${rows.length + 2}`, "Sales", { showTotals: true });
    expect(await port.listTables()).toEqual([{ name: "Sales", sheet: "Sales", address: `A1:E${rows.length + 1}`, rows: rows.length }]);
    const preview = await port.previewSource({ kind: "table", name: "Sales" }, "auto", "en");
    expect(preview.rows).toBe(rows.length);
    const report = await port.run(settingsFor(rows.length, { source: { kind: "table", name: "Sales" } }), { locale: "en" });
    expect(report.quality.rowsRead).toBe(rows.length);
    expect(report.customers).toBe(new Set(rows.map((r) => r[0])).size);
    expect(book.tableRows("TieringResults").map((r) => r[0])).not.toContain("Total");
  });
});

describe("whole columns selected (A:E)", () => {
  it("previews and reads only the rows with data, and keeps A:E so the next run reads rows added since", async () => {
    const rows = transactions(50);
    const { book, port } = bookWithTransactions(rows);
    book.select("Data", "A:E");
    const preview = await port.previewSelection("auto", "en");
    expect(preview.source).toEqual({ kind: "range", sheet: "Data", address: "A:E" });
    expect(preview.rows).toBe(rows.length);
    expect(preview.header).toEqual(["Customer", "Date", "Amount", "Category", "Rating"]);
    book.resetSyncLog();
    const settings = settingsFor(rows.length, { source: preview.source });
    const report = await port.run(settings, { locale: "en" });
    expect(report.quality.rowsRead).toBe(rows.length);
    for (const s of book.syncLog()) expect(s.responseBytes).toBeLessThan(64 * 1024);
    // Rows added below: the same source reads them.
    const more = transactions(10, 7).map((r) => [`N${String(r[0])}`, ...r.slice(1)]);
    more.forEach((r, i) => r.forEach((v, j) => book.model.sheet("Data")!.setValue(rows.length + 1 + i, j, v)));
    const again = await port.run(settings, { locale: "en" });
    expect(again.quality.rowsRead).toBe(rows.length + more.length);
    for (const s of book.syncLog()) expect(s.responseBytes).toBeLessThan(FIVE_MB);
  });

  it("says there are no rows when the selected columns are empty", async () => {
    const { book, port } = bookWithTransactions(transactions(5));
    book.select("Data", "H:J");
    await expect(port.previewSelection("auto", "en")).rejects.toThrow(en.workbook.errors.noRows);
  });
});
