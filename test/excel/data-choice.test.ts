/**
 * The port as the pane's data choice meets it (issue 17 "Pane"): the add-in's own tables are not offered as data;
 * a mapping that reads no row names its column, the first bad cell and its value; the core's errors speak the
 * pane's labels ("analysis date"), never a function's argument names ('as_of'), in both languages.
 */
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { bookWithTransactions, settingsFor, transactions } from "./helpers";

describe("the Excel table list", () => {
  it("leaves out the results, summary and history tables the add-in wrote, and keeps the user's own", async () => {
    const rows = transactions(40);
    const { book, port } = bookWithTransactions(rows);
    book.addTable("Data", `A1:E${rows.length + 1}`, "Sales");
    await port.run(settingsFor(rows.length), { locale: "en" });
    // The run wrote its tables (results, summary, the hidden history) on sheets it owns.
    expect(book.tables().length).toBeGreaterThan(2);
    expect((await port.listTables()).map((t) => t.name)).toEqual(["Sales"]);
  });
});

describe("a mapping that reads no row", () => {
  it("names the column, its first cell and the value, as tier names a bad line", async () => {
    const rows = transactions(10).map((r) => [r[0], r[1], r[2], "Brion", r[4]]);
    const { port } = bookWithTransactions(rows);
    // Amount mapped to the Category column, which holds text.
    const settings = settingsFor(rows.length, { mapping: { customer: 0, date: 1, amount: 3, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 } });
    const error = await port.run(settings, { locale: "en" }).then(() => null, (e: Error) => e);
    expect(error?.message).toBe(en.predictRest.data.noUsableRows("Amount", "Category", "D2", en.problems.badAmount("Brion")));
    expect(error?.message).toContain('"Brion"');
    const zhError = await port.run(settings, { locale: "zh-CN" }).then(() => null, (e: Error) => e);
    expect(zhError?.message).toContain("Category");
    expect(zhError?.message).toContain("D2");
    expect(zhError?.message).toContain(zhCN.pane.roles.amount);
  });

  it("a date mapped to a text column names it too", async () => {
    const rows = transactions(10);
    const { port } = bookWithTransactions(rows);
    const settings = settingsFor(rows.length, { mapping: { customer: 0, date: 3, amount: 2, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 } });
    const error = await port.run(settings, { locale: "en" }).then(() => null, (e: Error) => e);
    expect(error?.message).toContain('the Date column is "Category"');
    expect(error?.message).toContain("D2");
  });
});

describe("the core's errors in the pane's words", () => {
  it("an analysis date before the first purchase is the 'analysis date', not 'as_of', in both languages", async () => {
    const rows = transactions(20);
    const { port } = bookWithTransactions(rows);
    const settings = settingsFor(rows.length, { asOf: "2000-01-02" });
    for (const [locale, m] of [["en", en], ["zh-CN", zhCN]] as const) {
      const error = await port.run(settings, { locale }).then(() => null, (e: Error) => e);
      expect(error?.message).toContain(locale === "en" ? "analysis date" : m.pane.asOf);
      expect(error?.message).not.toContain("as_of");
    }
  });
});
