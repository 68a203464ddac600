/**
 * Issue 11, every job that replaces a sheet of its own (compare, movers, trends, cohorts, model check): a cell the
 * person types into that sheet between the job's first sync and its replacing write is not lost. The sheet is
 * kept as it is, as the person's (no longer owned), the new result goes beside it, and the report says so in the
 * run's sentence (i18n part `ownership`). The watch (src/excel/edits.ts) rides on syncs the job already takes, so
 * each job's sync count is today's; a failure removes the handler, a failing removal travelling with it. Run under
 * both host profiles (vitest.config.mts).
 */
import { describe, expect, it } from "vitest";
import { createWorkbookPort } from "../../src/excel/jobs";
import type { KeptNotice } from "../../src/excel/port";
import { OWNED_KEY } from "../../src/excel/settings";
import { messages } from "../../src/i18n";
import type { StandIn } from "../../src/standin";
import { actingAfter, settingsOn, twoPeriods } from "./dynamic-support";

const en = messages("en");
const zh = messages("zh-CN");

type Port = ReturnType<typeof createWorkbookPort>;
interface Case {
  job: string;
  sheet: string;
  /** Runs the job on `port` (a book with two runs' snapshots, "H1" and "Year"). */
  go: (port: Port, ids: { before: string; after: string }, locale?: "en" | "zh-CN") => Promise<KeptNotice & { sheet: string }>;
}

const year = (n: number) => settingsOn("Year", n, "2024-12-31");
const CASES: Case[] = [
  { job: "compare", sheet: en.workbook.migration.sheet, go: (port, s, locale = "en") => port.compareSnapshots(s.before, s.after, locale) },
  { job: "movers", sheet: en.overTimePane.book.moversSheet, go: (port, s, locale = "en") => port.writeMovers(s.before, s.after, locale) },
  { job: "trends", sheet: en.overTimePane.book.trendsSheet, go: (port, _s, locale = "en") => port.writeTrends(locale) },
  { job: "cohorts", sheet: en.overTimePane.book.cohortsSheet, go: (port, _s, locale = "en") => port.writeCohorts(year(rowsOf(port)), { by: "month", measure: "customers" }, locale) },
  {
    job: "model check",
    sheet: en.trust.pane.checkSheet,
    go: (port, _s, locale = "en") => port.checkModel(year(rowsOf(port)), { calibrationEnd: null, holdoutEnd: null, unit: "week", model: "bgnbd" }, locale),
  },
];

/** The "Year" sheet's data rows, for the cohorts' and the model check's settings (kept beside each port). */
const rows = new WeakMap<Port, number>();
const rowsOf = (port: Port) => rows.get(port)!;

function setUp() {
  const { book, port, h1, year: y } = twoPeriods();
  rows.set(port, y.length);
  return { book, port, h1, y };
}

async function withSnapshots(): Promise<{ book: StandIn; port: Port; ids: { before: string; after: string }; acting: (act: () => void) => Port }> {
  const { book, port, h1, y } = setUp();
  const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
  const after = (await port.run(year(y.length), { locale: "en" })).snapshot!;
  const acting = (act: () => void) => {
    const p = createWorkbookPort(actingAfter(book, 1, act));
    rows.set(p, y.length);
    return p;
  };
  return { book, port, ids: { before: before.id, after: after.id }, acting };
}

describe.each(CASES)("$job: a sheet of its own the person edits while it runs", ({ sheet: sheetName, go }) => {
  it("is kept with the person's cell, becomes theirs, the result goes beside it, the report says so, in today's syncs", async () => {
    const { book, port, ids, acting } = await withSnapshots();
    await go(port, ids);
    // Today's count for replacing its own sheet (the check sync included), nobody acting.
    book.resetSyncLog();
    await go(port, ids);
    const replacing = book.syncLog().length;
    expect(book.model.changeListeners.size).toBe(0);
    const old = book.sheet(sheetName)!;
    // After the job's first sync (its reads still to come) the person types a note into last time's sheet.
    book.resetSyncLog();
    const report = await go(
      acting(() => book.model.sheet(old.id)!.setValue(0, 20, "ask Li about this")),
      ids,
    );
    expect(book.syncLog().length).toBe(replacing);
    expect(book.sheet(old.id)).toMatchObject({ name: sheetName });
    expect(book.values(sheetName)[0][20]).toBe("ask Li about this");
    const kept = book.values(sheetName);
    expect(report.sheet).toBe(`${sheetName} (2)`);
    expect(report.keptNote).toBe(en.ownership.keptEdited(1, `"${sheetName}"`, `"${sheetName} (2)"`));
    expect(book.settings()[OWNED_KEY]).not.toContain(old.id);
    expect(book.settings()[OWNED_KEY]).toContain(book.sheet(`${sheetName} (2)`)!.id);
    expect(book.model.changeListeners.size).toBe(0);
    // The next time the job replaces its own "(2)" in place, the person's sheet untouched, and says nothing.
    const next = await go(port, ids);
    expect(next.sheet).toBe(`${sheetName} (2)`);
    expect(next.keptNote).toBeUndefined();
    expect(book.values(sheetName)).toEqual(kept);
  });

  it("an edit elsewhere (the data, another sheet) replaces its sheet as before, with no notice", async () => {
    const { book, port, ids, acting } = await withSnapshots();
    await go(port, ids);
    const old = book.sheet(sheetName)!;
    const report = await go(
      acting(() => book.model.sheet("H1")!.setValue(0, 20, "a note on the data")),
      ids,
    );
    expect(report.sheet).toBe(sheetName);
    expect(report.keptNote).toBeUndefined();
    expect(book.sheet(old.id)).toBeNull();
  });
});

describe("the notice and the handler", () => {
  it("the notice is in the job's language", async () => {
    const { book, port, ids, acting } = await withSnapshots();
    await port.writeTrends("zh-CN");
    const name = zh.overTimePane.book.trendsSheet;
    const old = book.sheet(name)!;
    const report = await acting(() => book.model.sheet(old.id)!.setValue(1, 20, 42)).writeTrends("zh-CN");
    expect(report.sheet).toBe(`${name} (2)`);
    expect(report.keptNote).toBe(zh.ownership.keptEdited(1, `“${name}”`, `“${name} (2)”`));
    void ids;
  });

  it("a job that fails after its first sync removes the watch in one more sync, and that sync's failure travels with the original", async () => {
    const { book, port, ids } = await withSnapshots();
    await port.compareSnapshots(ids.before, ids.after, "en");
    // The history read (sync 2) fails: the watch, registered with sync 1, is removed in sync 3.
    let first = book.syncLog().length + 1;
    book.configure({ failSync: { index: [first + 1], applied: 0, code: "GeneralException" } });
    await expect(port.compareSnapshots(ids.before, ids.after, "en")).rejects.toThrow();
    expect(book.syncLog().length).toBe(first + 2);
    expect(book.model.changeListeners.size).toBe(0);
    // And when the removal's sync fails too, its error is the original's `suppressed`.
    book.configure({ failSync: null });
    first = book.syncLog().length + 1;
    book.configure({ failSync: { index: [first + 1, first + 2], applied: 0, code: "GeneralException" } });
    const error = (await port.compareSnapshots(ids.before, ids.after, "en").catch((e: unknown) => e)) as Error & { cause?: { message: string; suppressed?: unknown[] } };
    expect(error.cause!.message).toMatch(new RegExp(`sync ${first + 1},`));
    expect(error.cause!.suppressed).toHaveLength(1);
    expect(String((error.cause!.suppressed![0] as Error).message)).toMatch(new RegExp(`sync ${first + 2},`));
    book.configure({ failSync: null });
    expect((await port.compareSnapshots(ids.before, ids.after, "en")).sheet).toBe(en.workbook.migration.sheet);
  });

  it("a refusal after the first sync (snapshots of different tierings) leaves no handler either", async () => {
    const { book, port, ids } = await withSnapshots();
    await expect(port.compareSnapshots(ids.after, ids.before, "en")).rejects.toThrow(en.workbook.migration.errors.notEarlier("2024-12-31", "2024-06-30"));
    expect(book.model.changeListeners.size).toBe(0);
  });
});

describe("measure a pilot: its sheet edited while the job reads", () => {
  it("is not written on: the list as read and its outcomes go on a sheet beside it, one sync more, the report says so", async () => {
    const { book, port, ids, acting } = await withSnapshots();
    const pilot = await port.pickPilot({ snapshotId: ids.before, tier: "C", share: 0.25, controlShare: 0.25, seed: 7, strategy: "Call" }, "en");
    const name = en.workbook.pilot.sheet;
    const sheetId = book.sheet(name)!.id;
    // Measured once, nobody acting: today's count, and the outcomes it writes.
    book.resetSyncLog();
    const plain = await port.comparePilot(pilot.id, ids.after, "en");
    const measuring = book.syncLog().length;
    expect(plain.sheet).toBe(name);
    const written = book.values(name);
    const listRow = 10;
    // Measured again while the person types a note into the pilot's sheet after the job's first sync.
    book.resetSyncLog();
    const report = await acting(() => book.model.sheet(sheetId)!.setValue(3, 20, "called 12 so far")).comparePilot(pilot.id, ids.after, "en");
    expect(book.syncLog().length).toBe(measuring + 1);
    expect(report.sheet).toBe(`${name} (2)`);
    expect(report.keptNote).toBe(en.ownership.keptEdited(1, `"${name}"`, `"${name} (2)"`));
    // The pilot's sheet is as the person left it: last measure's cells and the note.
    const mine = book.values(name);
    expect(mine[3][20]).toBe("called 12 so far");
    expect(mine.map((r) => r.slice(0, 14))).toEqual(written.map((r) => r.slice(0, 14)));
    // Beside it: the list as read (customer, tier, group) and the same outcomes and comparison.
    const beside = book.values(`${name} (2)`);
    const rows = pilot.pilot + pilot.control;
    const cols = (v: unknown[][], from: number, to: number) => v.slice(listRow, listRow + rows + 1).map((r) => r.slice(from, to));
    expect(cols(beside, 0, 5)).toEqual(cols(written, 0, 5));
    expect(beside.slice(0, 4).map((r) => r.slice(6, 14))).toEqual(written.slice(0, 4).map((r) => r.slice(6, 14)));
    expect(book.model.changeListeners.size).toBe(0);
    // The pilot keeps its sheet (nothing replaces a pilot's list): measured again, it writes there.
    expect((await port.listPilots("en"))[0].sheet).toBe(name);
    expect((await port.comparePilot(pilot.id, ids.after, "en")).sheet).toBe(name);
  });
});
