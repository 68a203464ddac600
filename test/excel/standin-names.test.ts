/**
 * The stand-in's named items, sheet copies and changed events (src/standin/names.ts, worksheet.ts), each rule as
 * Excel has it (cited in the modules): what the add-in's ownership markers and edits watch stand on.
 */
import { describe, expect, it } from "vitest";
import { createStandIn } from "../../src/standin";

function book() {
  const b = createStandIn();
  b.addSheet("Data", [[1, 2]]);
  b.addSheet("Tiers", [["x"]]);
  return b;
}

describe("named items", () => {
  it("a workbook name refers to cells: it follows a rename, survives a reopen, and turns to #REF! when its sheet is deleted", async () => {
    const b = book();
    await b.run(async (context) => {
      const item = context.workbook.names.add("Marker_1", context.workbook.worksheets.getItem("Tiers").getRange("A1"), "a note");
      item.visible = false;
      await context.sync();
      context.workbook.worksheets.getItem("Tiers").name = "Tier Summary";
      await context.sync();
      const loaded = context.workbook.names.getItem("Marker_1").load("name,formula,comment,visible,type,scope");
      await context.sync();
      expect(loaded.toJSON()).toMatchObject({ name: "Marker_1", formula: "='Tier Summary'!$A$1", comment: "a note", visible: false, type: "Range", scope: "Workbook" });
    });
    b.reopen();
    expect(b.names()).toEqual([{ name: "Marker_1", scope: null, formula: "='Tier Summary'!$A$1", comment: "a note", visible: false }]);
    await b.run(async (context) => {
      context.workbook.worksheets.getItem("Tier Summary").delete();
      await context.sync();
      const item = context.workbook.names.getItem("Marker_1").load("formula,type,value");
      await context.sync();
      expect([item.formula, item.type, item.value]).toEqual(["=#REF!$A$1", "Error", "#REF!"]);
    });
  });

  it("a sheet's own names die with it; names are unique in their scope in any case, and must look like names", async () => {
    const b = book();
    await b.run(async (context) => {
      const tiers = context.workbook.worksheets.getItem("Tiers");
      tiers.names.add("Local", tiers.getRange("A1"));
      context.workbook.names.add("Local", tiers.getRange("A1"));
      await context.sync();
      context.workbook.names.add("LOCAL", tiers.getRange("B1"));
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      for (const bad of ["A1", "R1C1", "has space", "1st", "c"]) {
        context.workbook.names.add(bad, tiers.getRange("A1"));
        await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      }
      tiers.delete();
      await context.sync();
    });
    expect(b.names()).toEqual([{ name: "Local", scope: null, formula: "=#REF!$A$1", comment: "", visible: true }]);
  });
});

describe("copying a sheet (Worksheet.copy, ExcelApi 1.7)", () => {
  it("copies cells and the sheet's own names; a workbook name on the original stays there and the copy gets a sheet-scoped twin", async () => {
    const b = book();
    await b.run(async (context) => {
      const tiers = context.workbook.worksheets.getItem("Tiers");
      tiers.names.add("Own", tiers.getRange("B2"));
      context.workbook.names.add("Global", tiers.getRange("A1"), "mine");
      await context.sync();
      const copy = tiers.copy("After", tiers).load("name,id");
      await context.sync();
      expect(copy.name).toBe("Tiers (2)");
    });
    expect(b.sheets().map((s) => s.name)).toEqual(["Data", "Tiers", "Tiers (2)"]);
    expect(b.values("Tiers (2)")).toEqual([["x"]]);
    expect(b.names()).toEqual([
      { name: "Own", scope: "Tiers", formula: "=Tiers!$B$2", comment: "", visible: true },
      { name: "Global", scope: null, formula: "=Tiers!$A$1", comment: "mine", visible: true },
      { name: "Own", scope: "Tiers (2)", formula: "='Tiers (2)'!$B$2", comment: "", visible: true },
      { name: "Global", scope: "Tiers (2)", formula: "='Tiers (2)'!$A$1", comment: "mine", visible: true },
    ]);
  });
});

describe("changed events", () => {
  it("WorksheetCollection.onChanged (ExcelApi 1.9) names the changed sheet after the change, until it is removed", async () => {
    const b = book();
    const seen: string[] = [];
    const tiersId = b.sheet("Tiers")!.id;
    await b.run(async (context) => {
      const handler = context.workbook.worksheets.onChanged.add(async (event) => void seen.push(event.worksheetId));
      await context.sync();
      b.model.sheet("Tiers")!.setValue(3, 3, "typed");
      expect(seen).toEqual([]); // delivered after the change, not during it
      await Promise.resolve();
      expect(seen).toEqual([tiersId]);
      handler.remove();
      await context.sync();
      b.model.sheet("Data")!.setValue(0, 0, 5);
      await Promise.resolve();
      expect(seen).toEqual([tiersId]);
    });
    const old = createStandIn({ excelApi: "1.8" });
    await old.run(async (context) => {
      expect(() => context.workbook.worksheets.onChanged).toThrow(/1\.9/);
    });
  });
});

describe("reopen", () => {
  it("with positional ids, as office-js-docs #297 saw them, a sheet can get an id another sheet had", () => {
    const b = book();
    b.reopen({ ids: "positional" });
    expect(b.sheets().map((s) => s.id)).toEqual(["{00000000-0001-0000-0000-000000000000}", "{00000000-0001-0000-0001-000000000000}"]);
    const tiersId = b.sheet("Tiers")!.id;
    b.model.sheets.reverse();
    b.reopen({ ids: "positional" });
    expect(b.sheet("Data")!.id).toBe(tiersId);
  });
});
