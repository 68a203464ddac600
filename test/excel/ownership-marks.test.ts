/**
 * Ownership that survives a reopen (issue 11): the add-in's sheets carry a marker (a hidden workbook-scoped name,
 * src/excel/ownership.ts) checked together with their ids. After a reopen that renews every id a run recognises its
 * sheets and its history and goes on in place; a sheet that inherits an owned id without the marker, a copy of an
 * owned sheet, and a sheet whose marker was deleted are the person's, and nothing of theirs is replaced.
 */
import { describe, expect, it } from "vitest";
import { formulaSheet, MARKS_KEY, MARK_PREFIX, resolveOwnership } from "../../src/excel/ownership";
import { HISTORY_KEY, OWNED_KEY, type History } from "../../src/excel/settings";
import { en } from "../../src/i18n/en";
import { settingsOn, twoPeriods } from "./dynamic-support";

const marks = (book: ReturnType<typeof twoPeriods>["book"]) => book.names().filter((n) => n.scope === null && n.name.startsWith(MARK_PREFIX));
const owned = (book: ReturnType<typeof twoPeriods>["book"]) => book.settings()[OWNED_KEY] as string[];

async function firstRun() {
  const made = twoPeriods();
  const settings = settingsOn("H1", made.h1.length, "2024-06-30");
  made.book.addSheet("Notes", [["mine", 1]]);
  const report = await made.port.run(settings, { locale: "en" });
  expect(report.snapshot).not.toBeNull();
  return { ...made, settings };
}

describe("the marker", () => {
  it("a run marks each sheet it owns with a hidden workbook name whose comment records the id", async () => {
    const { book } = await firstRun();
    const ids = owned(book);
    expect(ids).toHaveLength(3);
    expect(book.settings()[MARKS_KEY]).toBe(1);
    const found = marks(book);
    expect(found).toHaveLength(3);
    for (const mark of found) {
      expect(mark.visible).toBe(false);
      const sheet = book.sheet(formulaSheet(mark.formula)!)!;
      expect(ids).toContain(sheet.id);
      expect(mark.comment).toBe(`Tiering: owned sheet ${sheet.id}`);
    }
    expect(found.map((m) => book.sheet(formulaSheet(m.formula)!)!.name).sort()).toEqual(["Tier Summary", "Tier history", "Tiers"]);
  });

  it("reads the sheet of a name's formula, quoted or not, and none for #REF!", () => {
    expect(formulaSheet("=Tiers!$A$1")).toBe("Tiers");
    expect(formulaSheet("='Tier Summary'!$A$1")).toBe("Tier Summary");
    expect(formulaSheet("='It''s mine'!$A$1:$B$2")).toBe("It's mine");
    expect(formulaSheet("=#REF!$A$1")).toBeNull();
  });

  it("the rules, on their own: same id, renewed id, an id another sheet holds, no marker, before markers", () => {
    const sheets = [
      { name: "A", id: "a2" },
      { name: "B", id: "b1" },
      { name: "C", id: "x" },
      { name: "D", id: "d1" },
    ];
    const mark = (n: number, sheetName: string | null, recordedId: string) => ({ name: `${MARK_PREFIX}${n}`, sheetName, recordedId });
    const own = resolveOwnership(sheets, ["a1", "b1", "c1", "d1", "gone"], [mark(1, "A", "a1"), mark(2, "B", "b1"), mark(3, "C", "d1"), mark(7, null, "gone")], true);
    // A: renewed (a1 is nowhere now); B: as recorded; C: its recorded id is D's, so neither is owned; D: no marker.
    expect(own.owned).toEqual(["a2", "b1"]);
    expect([...own.renewed]).toEqual([["a1", "a2"]]);
    expect(own.stale).toEqual([`${MARK_PREFIX}3`, `${MARK_PREFIX}7`]);
    expect(own.next).toBe(8);
    // A workbook from before the markers trusts its recorded ids.
    expect(resolveOwnership(sheets, ["b1", "d1", "gone"], [], false).owned).toEqual(["b1", "d1"]);
  });
});

describe("after a reopen", () => {
  it("a run recognises its sheets and its history under their new ids, replaces them in place and goes on with the history", async () => {
    const { book, port, year } = await firstRun();
    const historyBefore = book.settings()[HISTORY_KEY] as History;
    const rowsBefore = book.tableRows("TieringHistory").length;
    const notes = book.values("Notes");
    book.reopen();
    const report = await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" });
    expect(report.sheets).toEqual({ results: "Tiers", summary: "Tier Summary" });
    expect(report.snapshot).not.toBeNull();
    expect(report.snapshotNote).toBeNull();
    expect(book.sheets().map((s) => s.name)).toEqual(["H1", "Year", "Notes", "Tier history", "Tiers", "Tier Summary"]);
    expect(book.values("Notes")).toEqual(notes);
    // The same history sheet, its index under the sheet's new id, the snapshot added to it.
    const history = book.settings()[HISTORY_KEY] as History;
    expect(history.sheetId).toBe(book.sheet("Tier history")!.id);
    expect(history.sheetId).not.toBe(historyBefore.sheetId);
    expect(history.snapshots.map((s) => s.id)).toEqual(["S1", "S2"]);
    expect(book.tableRows("TieringHistory").length).toBeGreaterThan(rowsBefore);
    // Ownership and the markers record the new ids.
    const ids = book.sheets().filter((s) => s.name.startsWith("Tier")).map((s) => s.id).sort();
    expect(owned(book).slice().sort()).toEqual(ids);
    expect(marks(book).map((m) => m.comment.replace("Tiering: owned sheet ", "")).sort()).toEqual(ids);
  });

  it("a person's sheet that inherits an owned id, without the marker, is never replaced; the marked sheet it was taken from is set aside", async () => {
    const { book, port, settings } = await firstRun();
    const tiersId = book.sheet("Tiers")!.id;
    const tiers = book.values("Tiers");
    book.reopen({ ids: "positional" });
    // The renumbering handed the person's sheet the id the add-in recorded for "Tiers" (office-js-docs #297).
    book.model.sheet("Notes")!.id = tiersId;
    const report = await port.run(settings, { locale: "en" });
    expect(book.values("Notes")).toEqual([["mine", 1]]);
    expect(book.sheet("Notes")!.id).toBe(tiersId);
    // Which of the two is the add-in's cannot be proven: neither is replaced, the results go beside them.
    expect(book.values("Tiers")).toEqual(tiers);
    expect(report.sheets.results).toBe("Tiers (2)");
    expect(report.sheets.summary).toBe("Tier Summary");
    expect(owned(book)).not.toContain(tiersId);
    expect(owned(book)).not.toContain(book.sheet("Tiers")!.id);
    expect(report.snapshotNote).toBeNull();
  });
});

describe("after a reopen, the dynamic workflow", () => {
  it("a pilot picked before the reopen is still found, measured and kept, and compare still writes its own sheet in place", async () => {
    const { book, port, h1, year } = twoPeriods(200);
    const base = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const later = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const pilot = await port.pickPilot({ snapshotId: base.id, tier: "C", share: 0.25, controlShare: 0.25, seed: 7, strategy: "Call" }, "en");
    const migration = await port.compareSnapshots(base.id, later.id, "en");
    const pilotSheet = book.values("Pilot");
    book.reopen();
    expect(await port.listPilots("en")).toEqual([pilot]);
    const measured = await port.comparePilot(pilot.id, later.id, "en");
    expect(measured.pilot).toEqual(pilot);
    expect(measured.sheet).toBe("Pilot");
    expect(book.values("Pilot", "A1:B9")).toEqual(pilotSheet.slice(0, 9).map((r) => r.slice(0, 2)));
    const again = await port.compareSnapshots(base.id, later.id, "en");
    expect(again.sheet).toBe(migration.sheet);
    expect(book.sheets().filter((s) => s.name.startsWith("Tier migration"))).toHaveLength(1);
    // A run after the reopen keeps the pilot's snapshot (a pilot whose sheet is there keeps it).
    await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" });
    expect((await port.listSnapshots("en")).map((x) => x.id)).toContain(base.id);
  });
});

describe("sheets that are the person's", () => {
  it("a copy of an owned sheet is not owned: the next run replaces the original and leaves the copy", async () => {
    const { book, port, settings } = await firstRun();
    const tiers = book.values("Tiers");
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Tiers").copy("End");
      await context.sync();
    });
    const copy = book.sheet("Tiers (2)")!;
    expect(book.values("Tiers (2)")).toEqual(tiers);
    // Excel gives the copy a sheet-scoped twin of the workbook name; the workbook name stays on the original.
    expect(book.names().filter((n) => n.scope === "Tiers (2)").map((n) => n.formula)).toEqual(["='Tiers (2)'!$A$1"]);
    expect(marks(book).some((m) => m.formula === "=Tiers!$A$1")).toBe(true);
    book.model.sheet(copy.id)!.setValue(0, 0, "my copy");
    const report = await port.run(settings, { locale: "en" });
    expect(report.sheets.results).toBe("Tiers");
    expect(book.sheet(copy.id)).toMatchObject({ name: "Tiers (2)" });
    expect(book.values("Tiers (2)")[0][0]).toBe("my copy");
    expect(owned(book)).not.toContain(copy.id);
  });

  it("a sheet whose marker was deleted is the person's: kept, the results beside it, and those replaced in place next time", async () => {
    const { book, port, settings } = await firstRun();
    const tiers = book.sheet("Tiers")!;
    const kept = book.values("Tiers");
    const name = marks(book).find((m) => m.formula === "=Tiers!$A$1")!.name;
    await book.run(async (context) => {
      context.workbook.names.getItem(name).delete();
      await context.sync();
    });
    const second = await port.run(settings, { locale: "en" });
    expect(second.sheets.results).toBe("Tiers (2)");
    expect(book.sheet(tiers.id)).toMatchObject({ name: "Tiers" });
    expect(book.values("Tiers")).toEqual(kept);
    expect(owned(book)).not.toContain(tiers.id);
    const third = await port.run(settings, { locale: "en" });
    expect(third.sheets.results).toBe("Tiers (2)");
    expect(book.values("Tiers")).toEqual(kept);
    expect(book.sheets().filter((s) => s.name.startsWith("Tiers"))).toHaveLength(2);
  });

  it("a workbook from before the markers keeps its recorded sheets, and its next run marks them", async () => {
    const { book, port, settings } = await firstRun();
    const ids = owned(book).slice().sort();
    await book.run(async (context) => {
      for (const mark of marks(book)) context.workbook.names.getItem(mark.name).delete();
      context.workbook.settings.getItem(MARKS_KEY).delete();
      await context.sync();
    });
    expect(marks(book)).toHaveLength(0);
    const report = await port.run(settings, { locale: "en" });
    expect(report.sheets).toEqual({ results: "Tiers", summary: "Tier Summary" });
    expect(report.snapshotNote).toBeNull();
    expect(book.sheet(ids.find((id) => book.sheet(id)?.name === "Tier history")!)).not.toBeNull();
    expect(marks(book)).toHaveLength(3);
    expect(book.settings()[MARKS_KEY]).toBe(1);
    expect(en.workbook.sheets.results).toBe("Tiers");
  });
});
