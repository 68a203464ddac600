/**
 * Every run's snapshot in the workbook's hidden history: saved, replaced by a same-date run, kept for a pilot,
 * the history sheet never a user's, a new history after a deletion, and a failing snapshot write that leaves
 * the tiers written.
 */
import { describe, expect, it, vi } from "vitest";
import { SNAPSHOT_SYNCS } from "../../src/excel/host";
import { OWNED_KEY } from "../../src/excel/settings";
import { en } from "../../src/i18n/en";
import { visibleSheetNames } from "./helpers";
import { MID, twoPeriods, settingsOn, historyOf, historySheet, snapshotRows, col } from "./dynamic-support";

describe("snapshots", () => {
  it("every run saves its tiers in a hidden history table the add-in owns; the same date and basis replaces the latest", async () => {
    const { book, port, h1, year } = twoPeriods();
    const first = await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" });
    expect(first.snapshotNote).toBeNull();
    expect(first.snapshot).toMatchObject({ id: "S1", asOf: "2024-06-30", tierBy: "abcClass", customers: first.customers });
    expect(Date.parse(first.snapshot!.savedAt)).not.toBeNaN();

    // Very hidden (not in Excel's Unhide list), owned, and out of the way of the user's sheets.
    const sheet = historySheet(book);
    expect(sheet).toMatchObject({ name: en.workbook.history.sheet, visibility: "VeryHidden" });
    expect(book.settings()[OWNED_KEY]).toContain(sheet.id);
    expect(visibleSheetNames(book)).toEqual(["H1", "Year", "Tiers", "Tier Summary"]);
    expect(book.activeSheet()).toBe("Tier Summary");

    // One row per customer, agreeing with the results sheet.
    const table = book.tables().find((t) => t.name === "TieringHistory")!;
    expect(table.sheet).toBe(en.workbook.history.sheet);
    const h = en.workbook.history.columns;
    expect(table.header).toEqual([h.snapshot, h.asOf, h.tierBy, h.customer, h.tierKey, h.tier, h.revenue, h.orders, h.lastPurchase]);
    expect(table.rows).toBe(first.customers);
    const results = new Map(book.tableRows("TieringResults").map((r) => [r[0], r]));
    const header = book.tables().find((t) => t.name === "TieringResults")!.header;
    const at = (name: string) => header.indexOf(name);
    for (const r of snapshotRows(book, "S1")) {
      const res = results.get(r[col("customer")])!;
      expect(r.slice(0, 3)).toEqual(["S1", MID, "abcClass"]);
      expect(r[col("tierKey")]).toBe(res[at(en.workbook.columns.abcClass)]);
      expect(r[col("tier")]).toBe(res[at(en.workbook.columns.abcClass)]);
      expect(r[col("revenue")]).toBe(res[at(en.workbook.columns.monetary)]);
      expect(r[col("orders")]).toBe(res[at(en.workbook.columns.frequency)]);
      expect(r[col("lastPurchase")]).toBe(res[at(en.workbook.columns.lastPurchase)]);
    }
    const formats = book.numberFormats(en.workbook.history.sheet, "A2:I2")[0];
    expect(formats).toEqual(["@", "yyyy-mm-dd", "@", "@", "@", "@", "#,##0.00", "0", "yyyy-mm-dd"]);
    expect(historyOf(book).snapshots).toEqual([expect.objectContaining({ id: "S1", row: 0, rows: first.customers, tiers: ["A", "B", "C"], builtIn: true })]);

    // The same date and basis again: the latest is replaced (a new id, the same rows).
    const again = await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" });
    expect(again.snapshot).toMatchObject({ id: "S2", asOf: "2024-06-30" });
    expect(historyOf(book).snapshots.map((s) => s.id)).toEqual(["S2"]);
    expect(book.tables().find((t) => t.name === "TieringHistory")!.rows).toBe(first.customers);

    // Another basis on the same date, and a later date: appended.
    const bySegment = await port.run(settingsOn("H1", h1.length, "2024-06-30", { summaryBy: "segment" }), { locale: "en" });
    const later = await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" });
    const list = await port.listSnapshots();
    expect(list.map((s) => [s.id, s.asOf, s.tierBy, s.customers])).toEqual([
      ["S2", "2024-06-30", "abcClass", first.customers],
      ["S3", "2024-06-30", "segment", bySegment.customers],
      ["S4", "2024-12-31", "abcClass", later.customers],
    ]);
    expect(list[2]).toEqual(later.snapshot);
    const records = historyOf(book).snapshots;
    expect(records.map((r) => r.row)).toEqual([0, first.customers, first.customers + bySegment.customers]);
    expect(book.tableRows("TieringHistory")).toHaveLength(first.customers + bySegment.customers + later.customers);
    expect(snapshotRows(book, "S3").every((r) => r[col("tierKey")] !== "" || r[col("tier")] === "")).toBe(true);
    // Segment keys are language-independent; the labels are the run's language.
    const seg = snapshotRows(book, "S3").find((r) => r[col("tierKey")] === records[1].tiers[0])!;
    expect(seg[col("tier")]).toBe(en.segments[records[1].tiers[0] as keyof typeof en.segments]);
    // The history sheet is never shown.
    expect(historySheet(book).visibility).toBe("VeryHidden");
  });

  it("a shorter replacement shrinks the table and clears the rows below it", async () => {
    const { book, port, year } = twoPeriods();
    await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" });
    const long = book.tableRows("TieringHistory").length;
    // Only the first 40 source rows (the others cleared): fewer customers, the same source and date.
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Year").getRange(`A42:E${year.length + 1}`).clear();
      await context.sync();
    });
    const short = await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" });
    expect(short.customers).toBeLessThan(long);
    expect(book.tableRows("TieringHistory")).toHaveLength(short.customers);
    expect(book.tables().find((t) => t.name === "TieringHistory")!.address).toBe(`A1:I${short.customers + 1}`);
    expect(book.values(en.workbook.history.sheet, `A${short.customers + 2}:I${long + 1}`).flat().every((v) => v === "")).toBe(true);
  });

  it("keeps the snapshot a pilot was picked from when the next run has the same date", async () => {
    const { book, port, h1 } = twoPeriods();
    const first = await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" });
    await port.pickPilot({ snapshotId: first.snapshot!.id, tier: "C", share: 0.2, controlShare: 0.2, seed: 1, strategy: "Call" }, "en");
    const again = await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" });
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual(["S1", "S2"]);
    expect(again.snapshot!.id).toBe("S2");
    expect(historyOf(book).snapshots[1].row).toBe(first.customers);
  });

  it("never touches a user's sheet named Tier history, and finds its own by id after a rename", async () => {
    const { book, port, h1 } = twoPeriods();
    book.addSheet("Tier history", [["my", "notes"]]);
    await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" });
    expect(historySheet(book).name).toBe("Tier history (2)");
    expect(book.values("Tier history")).toEqual([["my", "notes"]]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Tier history (2)").name = "Archive";
      await context.sync();
    });
    const second = await port.run(settingsOn("H1", h1.length, "2024-06-30", { summaryBy: "segment" }), { locale: "en" });
    expect(historySheet(book).name).toBe("Archive");
    expect(second.snapshot!.id).toBe("S2");
    expect(book.tables().find((t) => t.name === "TieringHistory")!.sheet).toBe("Archive");
    expect(book.values("Tier history")).toEqual([["my", "notes"]]);
  });

  it("starts a new history when its sheet was deleted, with ids that go on from the old ones", async () => {
    const { book, port, h1 } = twoPeriods();
    await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" });
    await book.run(async (context) => {
      // Excel deletes a very hidden sheet only once it is hidden or visible (office-js #365).
      const sheet = context.workbook.worksheets.getItem(historyOf(book).sheetId);
      sheet.visibility = "Hidden";
      sheet.delete();
      await context.sync();
    });
    expect(await port.listSnapshots()).toEqual([]);
    const next = await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" });
    expect(next.snapshot!.id).toBe("S2");
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual(["S2"]);
    expect(historySheet(book)).toMatchObject({ name: en.workbook.history.sheet, visibility: "VeryHidden" });
  });

  it("when the snapshot cannot be saved, the tiers are still written and the note says why", async () => {
    const { book, port, h1, year } = twoPeriods();
    const first = await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" });
    // Fail the second snapshot sync of the next run (the run's own syncs all succeed).
    const start = book.syncLog().length;
    const probe = twoPeriods();
    await probe.port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" });
    const runSyncs = probe.book.syncLog().length - SNAPSHOT_SYNCS;
    book.configure({ failSync: { index: start + runSyncs + 2, applied: 3, code: "GeneralException" } });
    // The reason is logged (with the error) as well as said.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const report = await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" });
    expect(report.snapshot).toBeNull();
    expect(report.snapshotNote).toMatch(/^The tiers were written, but this run was not saved/);
    expect(report.snapshotNote).toContain("configured failure");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][1]).toMatchObject({ code: "GeneralException" });
    // The tiers are there; the history still lists only what was saved whole.
    expect(book.tables().find((t) => t.name === "TieringResults")!.rows).toBe(report.customers);
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual([first.snapshot!.id]);
    book.configure({ failSync: null });
    const retry = await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "zh-CN" });
    expect(retry.snapshot).toMatchObject({ id: "S2", asOf: "2024-12-31" });
    expect(book.tableRows("TieringHistory")).toHaveLength(first.customers + retry.customers);
    expect(snapshotRows(book, "S2").map((r) => r[col("customer")])).toEqual(book.tableRows("TieringResults").map((r) => r[0]));


    // A same-date run that fails while saving: the snapshot it would replace stays listed and whole.
    const s2 = snapshotRows(book, "S2");
    for (const [k, applied] of [
      [2, 3],
      [SNAPSHOT_SYNCS, 1],
    ]) {
      const at = book.syncLog().length;
      book.configure({ failSync: { index: at + runSyncs + k, applied, code: "GeneralException" } });
      const failed = await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" });
      book.configure({ failSync: null });
      expect(failed.snapshot).toBeNull();
      expect((await port.listSnapshots()).map((s) => s.id)).toEqual(["S1", "S2"]);
      expect(snapshotRows(book, "S2")).toEqual(s2);
      await port.compareSnapshots("S1", "S2", "en");
    }
    expect(warn).toHaveBeenCalledTimes(3);
    // Saved at last: it takes the replaced snapshot's place, and the rows written by the failed tries are gone.
    const replaced = await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" });
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual(["S1", replaced.snapshot!.id]);
    expect(historyOf(book).snapshots[1].row).toBe(first.customers);
    expect(book.tableRows("TieringHistory")).toHaveLength(first.customers + replaced.customers);
    expect(snapshotRows(book, replaced.snapshot!.id).map((r) => r.slice(3))).toEqual(s2.map((r) => r.slice(3)));
    await port.compareSnapshots("S1", replaced.snapshot!.id, "en");
    warn.mockRestore();
  });
});
