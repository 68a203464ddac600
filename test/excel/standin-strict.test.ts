/**
 * The stand-in's strict rules, one test each, each failing against the generous stand-in it replaced: the
 * rules are Excel's documented limits and known behaviour (each cited where the stand-in models it).
 */
import { describe, expect, it } from "vitest";
import { createStandIn, FIVE_MB, HOST_PROFILES } from "../../src/standin";

describe("strict stand-in", () => {
  it("refuses to delete a very hidden sheet (GeneralException, office-js #365) but deletes a hidden one", async () => {
    const book = createStandIn();
    book.addSheet("Data", [[1]]);
    book.addSheet("Secret");
    book.addSheet("Aside");
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Secret").visibility = "VeryHidden";
      context.workbook.worksheets.getItem("Aside").visibility = "Hidden";
      await context.sync();
      context.workbook.worksheets.getItem("Secret").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      context.workbook.worksheets.getItem("Aside").delete();
      await context.sync();
      // Office's own way out: make it hidden first, then delete it (office-js #365).
      const secret = context.workbook.worksheets.getItem("Secret");
      secret.visibility = "Hidden";
      secret.delete();
      await context.sync();
    });
    expect(book.sheets().map((s) => s.name)).toEqual(["Data"]);
  });

  it("caps the document settings at 2 MB in all (InvalidArgument at sync, office-js #621, #3957), keeping the old value", async () => {
    const book = createStandIn();
    book.addSheet("S");
    await book.run(async (context) => {
      context.workbook.settings.add("a", "x".repeat(1024 * 1024));
      await context.sync();
      context.workbook.settings.add("b", "y".repeat(1024 * 1024));
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      // Replacing a value counts the new value, not both.
      context.workbook.settings.add("a", "z".repeat(2 * 1024 * 1024 - 100));
      await context.sync();
    });
    expect(Object.keys(book.settings())).toEqual(["a"]);
    expect((book.settings().a as string)[0]).toBe("z");
  });

  it("gives every sheet a new id when the workbook is reopened (office-js #1390); names, cells and settings stay", async () => {
    const book = createStandIn();
    book.addSheet("Data", [[1, 2]]);
    const before = book.sheet("Data")!.id;
    await book.run(async (context) => {
      context.workbook.settings.add("owned", [before]);
      await context.sync();
    });
    book.reopen();
    const after = book.sheet("Data")!.id;
    expect(after).not.toBe(before);
    expect(book.values("Data")).toEqual([[1, 2]]);
    expect(book.settings()).toEqual({ owned: [before] });
    await book.run(async (context) => {
      const old = context.workbook.worksheets.getItemOrNullObject(before);
      await context.sync();
      expect(old.isNullObject).toBe(true);
    });
  });

  it("sends NaN and Infinity as null, which leaves the cell as it was, and records them", async () => {
    const book = createStandIn();
    book.addSheet("S", [[1, 2, 3]]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:C1").values = [[Number.NaN, Infinity, 9]];
      await context.sync();
    });
    expect(book.values("S")).toEqual([[1, 2, 9]]);
    expect(book.syncLog().at(-1)!.nonFiniteCells).toBe(2);
  });

  it("counts formatted cells in the used range unless valuesOnly (Worksheet.getUsedRange)", async () => {
    const book = createStandIn();
    book.addSheet("S", [[1, 2]]);
    book.addSheet("Empty");
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("D5").numberFormat = [["0.00"]];
      await context.sync();
      const all = sheet.getUsedRange().load("address");
      const values = sheet.getUsedRange(true).load("address");
      const inRange = sheet.getRange("A1:Z9").getUsedRange(true).load("address");
      const none = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
      await context.sync();
      expect(all.address).toBe("S!A1:D5");
      expect(values.address).toBe("S!A1:B1");
      expect(inRange.address).toBe("S!A1:B1");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("has a secondary value axis only once a series is on it", async () => {
    const book = createStandIn();
    book.addSheet("S", [["", "Count", "Share"], ["A", 3, 0.5], ["B", 2, 1]]);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C3"), "Columns");
      chart.axes.getItem("Value", "Secondary").title.text = "Share";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      chart.series.getItemAt(1).axisGroup = "Secondary";
      chart.axes.getItem("Value", "Secondary").title.text = "Share";
      await context.sync();
    });
  });

  it("starts a PivotTable data field on text as \"Count of\", on numbers as \"Sum of\"", async () => {
    const book = createStandIn();
    book.addSheet("S", [["Customer", "Class", "Revenue"], ["a", "A", 10], ["b", "B", 5], ["c", "A", 1]]);
    book.addTable("S", "A1:C4", "T");
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const pivot = sheet.pivotTables.add("P", context.workbook.tables.getItem("T"), sheet.getRange("F1"));
      pivot.rowHierarchies.add(pivot.hierarchies.getItem("Class"));
      pivot.dataHierarchies.add(pivot.hierarchies.getItem("Customer"));
      pivot.dataHierarchies.add(pivot.hierarchies.getItem("Revenue"));
      await context.sync();
    });
    expect(book.pivots()[0].data.map((d) => [d.name, d.summarizeBy])).toEqual([
      ["Count of Customer", "Count"],
      ["Sum of Revenue", "Sum"],
    ]);
  });

  it("refuses a request over 5 MB on the web only (the cap is Excel on the web's)", async () => {
    for (const host of HOST_PROFILES) {
      const book = createStandIn({ host });
      expect(book.profile).toBe(host);
      book.addSheet("S");
      const big = "x".repeat(FIVE_MB);
      const sync = book.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [[big]];
        await context.sync();
      });
      if (host === "web") await expect(sync).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
      else await expect(sync).resolves.toBeUndefined();
    }
  });
});
