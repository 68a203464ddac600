/** The stand-in's table column filters (src/standin/table-filter.ts): what the Movers sheet's "was A, now C" filter relies on. */
import { describe, expect, it } from "vitest";
import { createStandIn } from "../../src/standin";

function book() {
  const b = createStandIn();
  b.addSheet("S", [
    ["Customer", "Was", "Now"],
    ["c1", "A", "C"],
    ["c2", "A", "A"],
    ["c3", "B", "C"],
    [4, "A", "C"],
  ]);
  b.addTable("S", "A1:C5", "T");
  return b;
}

describe("stand-in table filters", () => {
  it("shows only the rows every column's value filter lets through, applied at sync", async () => {
    const b = book();
    await b.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.columns.getItem("Was").filter.applyValuesFilter(["A"]);
      table.columns.getItem("Now").filter.applyValuesFilter(["C"]);
      expect(b.tables()[0].shown).toBeNull();
      await context.sync();
    });
    const view = b.tables()[0];
    expect(view.filters).toEqual({ Was: ["A"], Now: ["C"] });
    expect(view.shown).toEqual([0, 3]);
    await b.run(async (context) => {
      const filter = context.workbook.tables.getItem("T").columns.getItem("Was").filter.load("criteria");
      await context.sync();
      expect(filter.criteria).toEqual({ filterOn: "Values", values: ["A"] });
    });
  });

  it("matches a number by its text, clears one column or the whole table", async () => {
    const b = book();
    await b.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.columns.getItem("Customer").filter.applyValuesFilter(["4", "c2"]);
      table.columns.getItem("Now").filter.applyValuesFilter(["C"]);
      await context.sync();
      expect(b.tables()[0].shown).toEqual([3]);
      table.columns.getItem("Now").filter.clear();
      await context.sync();
      expect(b.tables()[0].shown).toEqual([1, 3]);
      table.clearFilters();
      await context.sync();
    });
    expect(b.tables()[0].filters).toEqual({});
    expect(b.tables()[0].shown).toBeNull();
  });

  it("refuses a filter the stand-in does not model", async () => {
    const b = book();
    await expect(
      b.run(async (context) => {
        context.workbook.tables.getItem("T").columns.getItem("Was").filter.apply({ filterOn: "TopItems", values: [] } as never);
        await context.sync();
      }),
    ).rejects.toThrow(/value filters only/);
  });
});
