/**
 * The run's promises under the strict stand-in (issue 11): the history sheet is never deleted (Excel cannot
 * delete a very hidden sheet, office-js #365), an unreadable index sets the old history aside with a notice and
 * runs go on, and a sheet the person renames or adds during a run is never replaced (the check sync re-reads
 * the sheets before the first write).
 */
import { describe, expect, it } from "vitest";
import { createWorkbookPort } from "../../src/excel/jobs";
import { HISTORY_KEY, OWNED_KEY } from "../../src/excel/settings";
import { en } from "../../src/i18n/en";
import { actingAfter, twoPeriods, settingsOn } from "./dynamic-support";

describe("the history is never deleted", () => {
  it("an unreadable index: the old history is set aside, untouched, with a notice, and every later run goes on", async () => {
    const { book, port, h1 } = twoPeriods();
    const settings = settingsOn("H1", h1.length, "2024-06-30");
    const first = await port.run(settings, { locale: "en" });
    const oldSheet = book.sheet(en.workbook.history.sheet)!;
    const oldRows = book.tableRows("TieringHistory");
    expect(oldRows).toHaveLength(first.customers);
    await book.run(async (context) => {
      context.workbook.settings.add(HISTORY_KEY, { not: "an index" });
      await context.sync();
    });
    const second = await port.run(settings, { locale: "en" });
    expect(second.snapshot).not.toBeNull();
    expect(second.snapshotNote).toBe(en.excelLimits.historySetAside(en.workbook.history.sheet));
    // The old history sheet is there, very hidden, its rows as they were; the new one beside it.
    expect(book.sheet(oldSheet.id)).toMatchObject({ name: en.workbook.history.sheet, visibility: "VeryHidden" });
    expect(book.tableRows("TieringHistory")).toEqual(oldRows);
    const index = book.settings()[HISTORY_KEY] as { sheetId: string };
    expect(book.sheet(index.sheetId)).toMatchObject({ name: `${en.workbook.history.sheet} (2)`, visibility: "VeryHidden" });
    const third = await port.run(settings, { locale: "en" });
    expect(third.snapshot).not.toBeNull();
    expect(book.syncLog().every((s) => s.error === null)).toBe(true);
  });
});

describe("sheets the person changes during a run", () => {
  it("a results sheet renamed during the run is kept, and a sheet added under a name the run uses is never replaced", async () => {
    const { book, port, h1 } = twoPeriods();
    const settings = settingsOn("H1", h1.length, "2024-06-30");
    await port.run(settings, { locale: "en" });
    const tiers = book.sheet("Tiers")!;
    const summary = book.sheet("Tier Summary")!;
    const kept = book.values("Tiers");
    let acted = false;
    // While the run computes (between its reads and its writes), the person keeps last run's sheets by renaming
    // them (the guide's snapshot workflow) and starts a sheet of their own named "Tier Summary".
    const report = await port.run(settings, {
      locale: "en",
      onProgress: ({ phase }) => {
        if (acted || phase === "read") return;
        acted = true;
        book.model.sheet(tiers.id)!.name = "Tiers Jan";
        book.model.sheet(summary.id)!.name = "Summary Jan";
        book.addSheet("Tier Summary", [["my notes"]]);
      },
    });
    expect(acted).toBe(true);
    expect(book.sheet(tiers.id)).toMatchObject({ name: "Tiers Jan" });
    expect(book.values("Tiers Jan")).toEqual(kept);
    expect(book.sheet(summary.id)).toMatchObject({ name: "Summary Jan" });
    expect(book.values("Tier Summary")).toEqual([["my notes"]]);
    expect(report.sheets).toMatchObject({ results: "Tiers", summary: "Tier Summary (2)" });
    // The person's new sheet is not the add-in's.
    expect(book.settings()[OWNED_KEY]).not.toContain(book.sheet("Tier Summary")!.id);
  });

  it("a sheet renamed, one created and one edited during the run are all there afterwards with their content; the edited one is the person's now", async () => {
    const { book, port, h1 } = twoPeriods();
    const settings = settingsOn("H1", h1.length, "2024-06-30");
    await port.run(settings, { locale: "en" });
    const tiers = book.sheet("Tiers")!;
    const summary = book.sheet("Tier Summary")!;
    const renamed = book.values("Tiers");
    let acted = false;
    const report = await port.run(settings, {
      locale: "en",
      onProgress: ({ phase }) => {
        if (acted || phase === "read") return;
        acted = true;
        book.model.sheet(tiers.id)!.name = "Tiers Jan";
        book.addSheet("Plans", [["call A-tier customers"]]);
        // The person types a note into last run's summary while the run computes.
        book.model.sheet(summary.id)!.setValue(0, 8, "ask Li about this");
      },
    });
    expect(acted).toBe(true);
    const edited = book.values("Tier Summary");
    expect(book.sheet(summary.id)).toMatchObject({ name: "Tier Summary" });
    expect(edited[0][8]).toBe("ask Li about this");
    expect(book.values("Tiers Jan")).toEqual(renamed);
    expect(book.values("Plans")).toEqual([["call A-tier customers"]]);
    expect(report.sheets).toMatchObject({ results: "Tiers", summary: "Tier Summary (2)" });
    expect(report.keptNote).toBe(en.ownership.keptEdited(1, '"Tier Summary"', '"Tier Summary (2)"'));
    expect(book.settings()[OWNED_KEY]).not.toContain(summary.id);
    // The next run replaces its own "Tier Summary (2)" in place and still leaves the edited sheet alone.
    const next = await port.run(settings, { locale: "en" });
    expect(next.sheets).toMatchObject({ results: "Tiers", summary: "Tier Summary (2)" });
    expect(next.keptNote).toBeUndefined();
    expect(book.values("Tier Summary")).toEqual(edited);
  });

  it("after a reopen that renews every sheet id, a run replaces only the sheets its markers prove its own, in place", async () => {
    // Issue 11 changed this: the run no longer leaves its own sheets to write "Tiers (2)" after a reopen; the
    // markers (ownership-marks.test.ts) prove them its own. Every other sheet keeps its cells.
    const { book, port, h1 } = twoPeriods();
    const settings = settingsOn("H1", h1.length, "2024-06-30");
    await port.run(settings, { locale: "en" });
    const others = book.sheets().filter((s) => !s.name.startsWith("Tier")).map((s) => [s.name, book.values(s.name)] as const);
    book.reopen();
    const report = await port.run(settings, { locale: "en" });
    expect(report.snapshot).not.toBeNull();
    expect(report.sheets).toEqual({ results: "Tiers", summary: "Tier Summary" });
    for (const [name, values] of others) expect(book.values(name)).toEqual(values);
  });
  it("the edits watch is gone after every run; a run stopped before its check sync removes it in one more sync, whose failure travels with the original error", async () => {
    const { book, port, h1 } = twoPeriods();
    const settings = settingsOn("H1", h1.length, "2024-06-30");
    await port.run(settings, { locale: "en" });
    expect(book.model.changeListeners.size).toBe(0);
    // Cancelled while it computes: after the reads, before the check sync.
    const controller = new AbortController();
    const cancelled = port.run(settings, {
      locale: "en",
      signal: controller.signal,
      onProgress: ({ phase }) => {
        if (phase !== "read") controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ name: "AbortError", message: en.workbook.errors.cancelled });
    expect(book.model.changeListeners.size).toBe(0);
    // The second read sync fails (sync 1 registered the watch), and so does the sync that removes the watch.
    const first = book.syncLog().length + 1;
    book.configure({ failSync: { index: [first + 1, first + 2], applied: 0, code: "GeneralException" } });
    const error = (await port.run(settings, { locale: "en" }).catch((e: unknown) => e)) as Error & { cause?: { message: string; suppressed?: unknown[] } };
    expect(error.cause!.message).toMatch(new RegExp(`sync ${first + 1},`));
    expect(error.cause!.suppressed).toHaveLength(1);
    expect(String((error.cause!.suppressed![0] as Error).message)).toMatch(new RegExp(`sync ${first + 2},`));
    book.configure({ failSync: null });
    const again = await port.run(settings, { locale: "en" });
    expect(again.sheets).toEqual({ results: "Tiers", summary: "Tier Summary" });
  });
});

describe("a job that replaces its own sheet (compare, trends, cohorts, movers)", () => {
  it("checks before deleting it: renamed or shadowed by a new sheet of its name meanwhile, it stays and the new result goes beside", async () => {
    const { book, port, h1, year } = twoPeriods();
    const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const sheetName = en.workbook.migration.sheet;
    book.resetSyncLog();
    await port.compareSnapshots(before.id, after.id, "en");
    const fresh = book.syncLog().length;
    book.resetSyncLog();
    await port.compareSnapshots(before.id, after.id, "en");
    // Replacing its own sheet costs the check sync, and only then.
    expect(book.syncLog().length).toBe(fresh + 1);
    const old = book.sheet(sheetName)!;
    const oldValues = book.values(sheetName);
    // While the compare reads the history (after its first sync), the person keeps the sheet under another name
    // and starts a sheet of their own under the old one.
    const acting = createWorkbookPort(
      actingAfter(book, 1, () => {
        book.model.sheet(old.id)!.name = "Migration Jan";
        book.addSheet(sheetName, [["my plan"]]);
      }),
    );
    const report = await acting.compareSnapshots(before.id, after.id, "en");
    expect(report.sheet).toBe(`${sheetName} (2)`);
    expect(book.sheet(old.id)).toMatchObject({ name: "Migration Jan" });
    expect(book.values("Migration Jan")).toEqual(oldValues);
    expect(book.values(sheetName)).toEqual([["my plan"]]);
    expect(book.settings()[OWNED_KEY]).not.toContain(book.sheet(sheetName)!.id);
    // And the next compare replaces its own "(2)" in place, the person's two sheets untouched.
    const next = await port.compareSnapshots(before.id, after.id, "en");
    expect(next.sheet).toBe(`${sheetName} (2)`);
    expect(book.values("Migration Jan")).toEqual(oldValues);
    expect(book.values(sheetName)).toEqual([["my plan"]]);
  });

  it("keeps its sheet when the person deleted the sheet's marker meanwhile", async () => {
    const { book, port, h1, year } = twoPeriods();
    const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const sheetName = en.workbook.migration.sheet;
    await port.compareSnapshots(before.id, after.id, "en");
    const old = book.sheet(sheetName)!;
    const oldValues = book.values(sheetName);
    const marker = book.names().find((n) => n.scope === null && n.comment.endsWith(old.id))!;
    expect(marker).toBeDefined();
    // The person deletes it in the Name Manager (hidden names show once made visible) while the compare reads.
    const acting = createWorkbookPort(
      actingAfter(book, 1, () =>
        book.run(async (context) => {
          context.workbook.names.getItem(marker.name).delete();
          await context.sync();
        }),
      ),
    );
    const report = await acting.compareSnapshots(before.id, after.id, "en");
    expect(report.sheet).toBe(`${sheetName} (2)`);
    expect(book.sheet(old.id)).toMatchObject({ name: sheetName });
    expect(book.values(sheetName)).toEqual(oldValues);
  });
});
