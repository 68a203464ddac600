/** The stand-in behaves as Office.js does where the add-in depends on it. */
import { describe, expect, it } from "vitest";
import { createStandIn, StandInError } from "../../src/standin";


describe("Excel stand-in", () => {
  it("refuses to read a property before load() and sync(), and applies writes only at sync", async () => {
    const book = createStandIn();
    book.addSheet("S", [[1, 2]]);
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B1");
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load("values, address");
      expect(() => range.address).toThrow(StandInError);
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      expect(range.address).toBe("S!A1:B1");
      const target = context.workbook.worksheets.getItem("S").getRange("A2");
      target.values = [["new"]];
      expect(book.values("S", "A2")).toEqual([[""]]);
      await context.sync();
      expect(book.values("S", "A2")).toEqual([["new"]]);
    });
    expect(book.syncLog().length).toBe(2);
  });

  it("gives null objects, rejects a sync with a missing item, and a wrong-sized array", async () => {
    const book = createStandIn();
    book.addSheet("S");
    await book.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("s");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      context.workbook.worksheets.getItem("S").getRange("A1:B1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[{ not: "a value" }]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("measures each sync's payload and refuses one over the limit, as Office does over 5 MB", async () => {
    const book = createStandIn({ payloadLimit: 1000 });
    book.addSheet("S");
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:A10").values = Array.from({ length: 10 }, () => ["x".repeat(200)]);
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    const last = book.syncLog().at(-1)!;
    expect(last.requestBytes).toBeGreaterThan(2000);
    expect(book.values("S", "A1")).toEqual([[""]]);
    book.configure({ payloadLimit: null });
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [["中"]];
      await context.sync();
    });
    // UTF-8 bytes: [["中"]] is 9 bytes.
    expect(book.syncLog().at(-1)!.requestBytes).toBe(9 + '{"values":}'.length);
  });

  it("makes chart series from a source range as Excel does (header names, text categories)", async () => {
    const book = createStandIn();
    book.addSheet("S", [["Tier", "Customers", "Revenue"], ["A", 2, 900], ["B", 5, 100]]);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C3"), "Columns");
      chart.title.text = "T";
      chart.series.getItemAt(1).axisGroup = "Secondary";
      await context.sync();
    });
    const [chart] = book.charts("S");
    expect(chart.series.map((s) => [s.name, s.values, s.categories, s.axisGroup])).toEqual([
      ["Customers", [2, 5], ["A", "B"], "Primary"],
      ["Revenue", [900, 100], ["A", "B"], "Secondary"],
    ]);
    expect(chart.title).toBe("T");
  });

  it("stores settings as JSON and hides APIs the configured host lacks", async () => {
    const book = createStandIn({ excelApi: "1.7" });
    book.addSheet("S");
    await book.run(async (context) => {
      context.workbook.settings.add("k", { a: [1, "x"], d: null });
      await context.sync();
      const s = context.workbook.settings.getItem("k").load("value");
      await context.sync();
      expect(s.value).toEqual({ a: [1, "x"], d: null });
      expect(() => context.workbook.worksheets.getItem("S").pivotTables).toThrow(/ExcelApi 1.8/);
    });
    expect(book.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(book.isSetSupported("ExcelApi", "1.8")).toBe(false);
    expect(book.settings()).toEqual({ k: { a: [1, "x"], d: null } });
  });

  it("loads CSV as Excel opens it: numbers, date-time serials with a format, text kept", () => {
    const book = createStandIn();
    book.addSheetFromCsv("Data", '"id","when","n"\r\n"007","2011-03-10 16:16:00",-2.5\n"NA","x, y",""\n');
    expect(book.values("Data")).toEqual([
      ["id", "when", "n"],
      [7, 40612 + 16 / 24 + 16 / 1440, -2.5],
      ["NA", "x, y", ""],
    ]);
    expect(book.numberFormats("Data", "B2")).toEqual([["yyyy-mm-dd hh:mm"]]);
  });

  it("hides sheets as Excel does (never the last visible one; a hidden one is not activated) and shows them to the inspection API", async () => {
    const book = createStandIn();
    book.addSheet("S", [[1]]);
    await book.run(async (context) => {
      const hidden = context.workbook.worksheets.add("H");
      hidden.visibility = "Hidden";
      hidden.getRange("A1").values = [["kept"]];
      await context.sync();
      // A value outside Excel.SheetVisibility, as plain JavaScript could send it.
      (context.workbook.worksheets.getItem("H") as { visibility: string }).visibility = "Sideways";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      context.workbook.worksheets.getItem("H").activate();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      context.workbook.worksheets.getItem("S").visibility = "Hidden";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(book.sheet("h")).toMatchObject({ name: "H", visibility: "Hidden", used: "A1" });
    // Very hidden (out of Excel's Unhide list) is reported as such, and is not activated either.
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("H");
      sheet.visibility = "VeryHidden";
      const read = sheet.load("visibility");
      await context.sync();
      expect(read.visibility).toBe("VeryHidden");
      sheet.activate();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(book.sheet("h")).toMatchObject({ name: "H", visibility: "VeryHidden" });
    expect(book.sheet("S")!.visibility).toBe("Visible");
    expect(book.sheet("nope")).toBeNull();
    expect(book.values("H")).toEqual([["kept"]]);
  });

  it("turns a table into a range (cells kept, name free), and clears whole columns cheaply", async () => {
    const book = createStandIn();
    book.addSheet("S", [["k", "v"], ["a", 1], ["b", 2], ["c", 3]]);
    book.addTable("S", "A1:B3", "T");
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      context.workbook.tables.getItem("T").convertToRange();
      sheet.getRange("A4:B1048576").clear();
      const again = sheet.tables.add("A1:B2", true);
      again.name = "T";
      await context.sync();
    });
    expect(book.tables().map((t) => [t.name, t.address, t.rows])).toEqual([["T", "A1:B2", 1]]);
    expect(book.values("S")).toEqual([["k", "v"], ["a", 1], ["b", 2]]);
  });

  it("deletes cells and moves the ones below up, with the tables they hold; refuses to move part of a table", async () => {
    const book = createStandIn();
    book.addSheet("S", [["k", "v", "x"], ["a", 1, "keep"], ["b", 2, "keep"], ["c", 3, "keep"], ["d", 4, "keep"], ["e", 5, "keep"]]);
    book.addTable("S", "A1:B5", "T");
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A2:B2").numberFormat = [["@", "0.0"]];
      // Rows 2 and 4 of the table, the cells below in A:B moving up; column C stays.
      sheet.getRange("A4:B4").delete("Up");
      sheet.getRange("A2:B2").delete("Up");
      await context.sync();
      sheet.getRange("A1:C1").delete("Up");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      sheet.getRange("A2:A3").delete("Up");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      // Whole rows: the table loses them too.
      sheet.getRange("3:3").delete("Up");
      await context.sync();
    });
    expect(book.values("S", "A1:C6")).toEqual([
      ["k", "v", "x"],
      ["b", 2, "keep"],
      ["e", 5, "keep"],
      ["", "", "keep"],
      ["", "", "keep"],
      ["", "", ""],
    ]);
    expect(book.numberFormats("S", "A2:B2")).toEqual([["General", "General"]]);
    // "e" was below the table; "d" went with the whole row.
    expect(book.tables().map((t) => [t.name, t.address, t.rows])).toEqual([["T", "A1:B2", 1]]);
  });

  it("draws a 100% stacked column chart from series set one by one", async () => {
    const book = createStandIn();
    book.addSheet("S", [["", "A", "Gone"], ["A", 3, 1], ["B", 2, 2]]);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const chart = sheet.charts.add("ColumnStacked100", sheet.getRange("B1:B3"), "Columns");
      chart.series.getItemAt(0).setXAxisValues(sheet.getRange("A2:A3"));
      const gone = chart.series.add("Gone");
      gone.setValues(sheet.getRange("C2:C3"));
      gone.setXAxisValues(sheet.getRange("A2:A3"));
      await context.sync();
    });
    const [chart] = book.charts("S");
    expect(chart.type).toBe("ColumnStacked100");
    expect(chart.series.map((s) => [s.name, s.values, s.categories])).toEqual([
      ["A", [3, 2], ["A", "B"]],
      ["Gone", [1, 2], ["A", "B"]],
    ]);
  });
});
