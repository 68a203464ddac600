/**
 * The dynamic workflow in the workbook: every run's snapshot in the hidden history, two snapshots
 * compared on the "Tier migration" sheet (numbers checked against the core on the same rows), pilot and
 * control groups on "Pilot" sheets and their comparison, ownership, failure of the snapshot write, and
 * the round trips each job takes for 100 and 100,000 customers.
 */
import { describe, expect, it, vi } from "vitest";
import { migrationMatrix, migrationRates, tierEffects } from "../../src/core/over-time/migration";
import { comparePilot, CONTROL, PILOT, pickPilot } from "../../src/core/over-time/pilot";
import { HISTORY_READ_SYNCS, PILOT_WRITE_SYNCS, SNAPSHOT_SYNCS } from "../../src/excel/host";
import { HISTORY_FIELDS } from "../../src/excel/history";
import { HISTORY_KEY, OWNED_KEY, PILOTS_KEY, type History } from "../../src/excel/settings";
import type { AnalysisSettings, ScoreSettings } from "../../src/excel/port";
import { createWorkbookPort } from "../../src/excel/workbook";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { createStandIn, type StandIn } from "../../src/standin";
import { expectSyncsUnderLimit, settingsFor, transactions, visibleSheetNames } from "./helpers";

const HEADER = ["Customer", "Date", "Amount", "Category", "Rating"];
/** 2024-06-30 and 2024-12-31 as serials. */
const MID = 45473;
const END = 45657;

/** A book with the first half of the year's purchases ("H1") and the whole year's ("Year"). */
function twoPeriods(customers = 80): { book: StandIn; port: ReturnType<typeof createWorkbookPort>; h1: unknown[][]; year: unknown[][] } {
  const year = transactions(customers, 3);
  const h1 = year.filter((r) => (r[1] as number) <= MID);
  const book = createStandIn();
  book.addSheet("H1", [HEADER, ...h1]);
  book.addSheet("Year", [HEADER, ...year]);
  return { book, port: createWorkbookPort(book.host), h1, year };
}

function settingsOn(sheet: string, rows: number, asOf: string, overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return settingsFor(rows, { source: { kind: "range", sheet, address: `A1:E${rows + 1}` }, asOf, ...overrides });
}

const historyOf = (book: StandIn) => book.settings()[HISTORY_KEY] as History;
const historySheet = (book: StandIn) => book.sheet(historyOf(book).sheetId)!;
/** A snapshot's rows in the history table. */
const snapshotRows = (book: StandIn, id: string) => book.tableRows("TieringHistory").filter((r) => r[0] === id);
const col = (field: (typeof HISTORY_FIELDS)[number]) => HISTORY_FIELDS.indexOf(field);

/** The core's view of a snapshot, from the history table's rows. */
function coreSnapshot(book: StandIn, id: string, asOf: number) {
  const rows = snapshotRows(book, id);
  return {
    asOf,
    ids: rows.map((r) => String(r[col("customer")])),
    tiers: rows.map((r) => String(r[col("tierKey")])),
    revenue: rows.map((r) => r[col("revenue")] as number),
    orders: rows.map((r) => r[col("orders")] as number),
    lastPurchase: rows.map((r) => r[col("lastPurchase")] as number),
  };
}

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
    await book.run(async (context: any) => {
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
    await book.run(async (context: any) => {
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
    await book.run(async (context: any) => {
      context.workbook.worksheets.getItem(historyOf(book).sheetId).delete();
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

describe("tier migration", () => {
  it("compares two snapshots on the Tier migration sheet: matrices, rates and effects as the core computes them, and a 100% stacked chart", async () => {
    const { book, port, h1, year } = twoPeriods(120);
    const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const report = await port.compareSnapshots(before.id, after.id, "en");
    expect(report.sheet).toBe(en.workbook.migration.sheet);
    expect(report.before).toEqual(before);
    expect(report.after).toEqual(after);
    expect(book.activeSheet()).toBe(report.sheet);
    expect(book.settings()[OWNED_KEY]).toContain(book.sheets().find((s) => s.name === report.sheet)!.id);

    // The core on the same rows.
    const b = coreSnapshot(book, before.id, MID);
    const a = coreSnapshot(book, after.id, END);
    const matrix = migrationMatrix({ ids: b.ids, tiers: b.tiers, measure: b.revenue }, { ids: a.ids, tiers: a.tiers, measure: a.revenue }, ["A", "B", "C"]);
    const rates = migrationRates(matrix);
    const effects = tierEffects(b, a, ["A", "B", "C"]);
    const k = matrix.tiers.length;
    expect(report.tiers).toEqual(matrix.tiers);
    expect(report.summary).toEqual({
      customers: rates.customers,
      upgradeRate: rates.upgradeRate,
      downgradeRate: rates.downgradeRate,
      changeRate: rates.changeRate,
      stayRate: rates.stayRate,
      goneRate: rates.goneRate,
      newCustomers: rates.new,
    });
    expect(rates.upgraded + rates.downgraded).toBeGreaterThan(0);
    expect(report.effects.map((e) => [e.tier, e.customers, e.retentionRate, e.repurchaseRate, e.revenueBefore, e.revenueAfter, e.revenueChange])).toEqual(
      effects.map((e) => [e.tier, e.customers, e.retentionRate, e.repurchaseRate, e.revenueBefore, e.revenueAfter, e.revenueChange]),
    );

    const t = en.workbook.migration;
    const values = book.values(report.sheet, "A1:M60");
    expect(values[0][0]).toBe(t.title("2024-06-30", "2024-12-31", t.basis.abcClass));
    const countsAt = values.findIndex((r) => r[0] === t.counts);
    const head = values[countsAt + 1];
    expect(head.slice(0, k + 3)).toEqual([t.corner, ...matrix.tiers, t.goneColumn, t.total]);
    for (let i = 0; i <= k; i++) {
      const row = values[countsAt + 2 + i];
      expect(row[0]).toBe(i === k ? t.newRow : matrix.tiers[i]);
      for (let j = 0; j <= k; j++) expect(row[1 + j]).toBe(i === k && j === k ? "" : matrix.counts[i * (k + 1) + j]);
    }
    const totalRow = values[countsAt + 2 + k + 1];
    expect(totalRow[0]).toBe(t.total);
    // The grand total is every customer of either snapshot.
    expect(totalRow[k + 2]).toBe(new Set([...b.ids, ...a.ids]).size);
    const revenueAt = values.findIndex((r) => r[0] === t.revenue);
    for (let i = 0; i <= k; i++) {
      for (let j = 0; j <= k; j++) {
        if (i === k && j === k) continue;
        expect(values[revenueAt + 2 + i][1 + j]).toBeCloseTo(matrix.values![i * (k + 1) + j], 2);
      }
    }
    const ratesAt = values.findIndex((r) => r[0] === t.rates);
    expect(values.slice(ratesAt + 2, ratesAt + 8).map((r) => r.slice(0, 3))).toEqual([
      [t.rateRows.customers, rates.customers, 1],
      [t.rateRows.upgrade, rates.upgraded, expect.closeTo(rates.upgradeRate, 6)],
      [t.rateRows.downgrade, rates.downgraded, expect.closeTo(rates.downgradeRate, 6)],
      [t.rateRows.stay, rates.stayed, expect.closeTo(rates.stayRate, 6)],
      [t.rateRows.gone, rates.gone, expect.closeTo(rates.goneRate, 6)],
      [t.rateRows.newCustomers, rates.new, ""],
    ]);
    const effectsAt = values.findIndex((r) => r[0] === t.effects);
    effects.forEach((e, i) => {
      const row = values[effectsAt + 2 + i];
      expect(row.slice(0, 3)).toEqual([e.tier, e.customers, e.retained]);
      expect(row[3]).toBeCloseTo(e.retentionRate, 6);
      expect(row[4]).toBe(e.repurchased);
      expect(row[8]).toBeCloseTo(e.revenueChange, 2);
    });
    const formats = book.numberFormats(report.sheet, `A${countsAt + 3}:B${countsAt + 3}`)[0];
    expect(formats).toEqual(["@", "0"]);

    // The chart: for each earlier tier, the share going to each later tier and gone.
    const [chart] = book.charts(report.sheet);
    expect(chart.type).toBe("ColumnStacked100");
    expect(chart.title).toBe(t.chart);
    expect(chart.series.map((s) => s.name)).toEqual([...matrix.tiers, t.goneColumn]);
    for (const [j, s] of chart.series.entries()) {
      expect(s.categories).toEqual(matrix.tiers);
      expect(s.values).toEqual(matrix.tiers.map((_, i) => matrix.counts[i * (k + 1) + j]));
    }
    expect(chart.axisTitles).toEqual({ "Category/Primary": t.chartAxis, "Value/Primary": t.shareAxis });

    // Compared again (in Chinese): its own sheet replaced in place, one chart.
    await port.compareSnapshots(before.id, after.id, "zh-CN");
    expect(book.sheets().filter((s) => s.name.startsWith(en.workbook.migration.sheet))).toHaveLength(1);
    const zh = await port.compareSnapshots(before.id, after.id, "zh-CN");
    expect(zh.sheet).toBe(zhCN.workbook.migration.sheet);
    expect(book.charts().filter((c) => c.type === "ColumnStacked100")).toHaveLength(2);
  });

  it("names segments in the reader's language, counts moves between them as changes, and rejects with sentences: unknown id, different bases, wrong order", async () => {
    const { book, port, h1, year } = twoPeriods();
    const bySegment = (await port.run(settingsOn("H1", h1.length, "2024-06-30", { summaryBy: "segment" }), { locale: "en" })).snapshot!;
    const later = (await port.run(settingsOn("Year", year.length, "2024-12-31", { summaryBy: "segment" }), { locale: "en" })).snapshot!;
    const byClass = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const zh = await port.compareSnapshots(bySegment.id, later.id, "zh-CN");
    for (const label of zh.tiers) expect(Object.values(zhCN.segments)).toContain(label);
    // Segments have no order from best to worst: moves between them are changes, neither up nor down.
    expect(zh.summary.upgradeRate).toBeNaN();
    expect(zh.summary.downgradeRate).toBeNaN();
    expect(zh.summary.changeRate).toBeCloseTo(1 - zh.summary.stayRate - zh.summary.goneRate, 12);
    const sheet = book.values(zh.sheet, "A1:C60");
    const ratesAt = sheet.findIndex((r) => r[0] === zhCN.workbook.migration.rates);
    expect(sheet.slice(ratesAt + 2, ratesAt + 7).map((r) => r[0])).toEqual(
      (["customers", "changed", "stay", "gone", "newCustomers"] as const).map((k) => zhCN.workbook.migration.rateRows[k]),
    );
    expect(sheet[ratesAt + 3][2]).toBeCloseTo(zh.summary.changeRate, 6);
    const t = en.workbook.migration.errors;
    await expect(port.compareSnapshots("S99", later.id, "en")).rejects.toThrow(t.unknownSnapshot("S99"));
    await expect(port.compareSnapshots(bySegment.id, byClass.id, "en")).rejects.toThrow(t.differentBasis(en.workbook.migration.basis.segment, en.workbook.migration.basis.abcClass));
    await expect(port.compareSnapshots(later.id, bySegment.id, "en")).rejects.toThrow(t.notEarlier("2024-12-31", "2024-06-30"));
    await expect(port.compareSnapshots(later.id, later.id, "zh-CN")).rejects.toThrow(zhCN.workbook.migration.errors.notEarlier("2024-12-31", "2024-12-31"));
  });

  it("refuses snapshots of the same basis tiered differently, saying what differs: scheme, rules, ABC method, cuts and basis, score settings", async () => {
    const { port, h1, year } = twoPeriods();
    const t = en.workbook.migration;
    const d = t.differences;
    const pair = async (earlier: Partial<AnalysisSettings>, later: Partial<AnalysisSettings>) => {
      const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30", earlier), { locale: "en" })).snapshot!;
      const after = (await port.run(settingsOn("Year", year.length, "2024-12-31", later), { locale: "en" })).snapshot!;
      return [before, after] as const;
    };
    const rfm = settingsFor(1).rfm!;
    const seg = { summaryBy: "segment" } as const;
    let [b, a] = await pair({ ...seg }, { ...seg, rfm: { ...rfm, scheme: "cn8" } });
    expect(b.tiering).not.toBe(a.tiering);
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.scheme(en.pane.schemes.rfm, en.pane.schemes.cn8)));
    await expect(port.compareSnapshots(b.id, a.id, "zh-CN")).rejects.toThrow(
      zhCN.workbook.migration.errors.differentTiering(zhCN.workbook.migration.differences.scheme(zhCN.pane.schemes.rfm, zhCN.pane.schemes.cn8)),
    );
    const rules = (top: number) => ({ ...rfm, scheme: "custom" as const, rules: [{ name: "VIP", r: [top, 5] as [number, number], f: [1, 5] as [number, number], m: [1, 5] as [number, number] }] });
    [b, a] = await pair({ ...seg, rfm: rules(4) }, { ...seg, rfm: rules(3) });
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.rules));
    [b, a] = await pair({ ...seg, rfm: { ...rfm, bins: 4 } }, { ...seg });
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.scores));

    const abc = settingsFor(1).abc!;
    [b, a] = await pair({}, { abc: { ...abc, aCut: 0.7, bCut: 0.9 } });
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.abcCuts("80% / 95%", "70% / 90%")));
    [b, a] = await pair({}, { abc: { ...abc, method: "computed" } });
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.abcMethod(en.pane.abcMethods.fixed, en.pane.abcMethods.computed)));
    [b, a] = await pair({}, { abc: { ...abc, basis: "orders" } });
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.abcBasis(en.pane.bases.revenue, en.pane.bases.orders)));
    // Computed limits do not use the cuts: snapshots with other cuts are tiered the same way.
    [b, a] = await pair({ abc: { ...abc, method: "computed" } }, { abc: { ...abc, aCut: 0.5, method: "computed" } });
    expect(b.tiering).toBe(a.tiering);
    await port.compareSnapshots(b.id, a.id, "en");

    const score: ScoreSettings = {
      metrics: [
        { metric: "recency", weight: 1, direction: "lower" },
        { metric: "monetary", weight: 1, direction: "higher" },
      ],
      method: "percentile",
      bands: { kind: "shares", shares: [0.05, 0.15, 0.3, 0.3] },
    };
    const byScore = (s: ScoreSettings) => ({ summaryBy: "score" as const, score: s });
    [b, a] = await pair(byScore(score), byScore({ ...score, metrics: [score.metrics[0], { ...score.metrics[1], weight: 3 }] }));
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.scoreMetrics));
    [b, a] = await pair(byScore(score), byScore({ ...score, method: "minmax" }));
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.scoreMethod(en.pane.score.methods.percentile, en.pane.score.methods.minmax)));
    [b, a] = await pair(byScore(score), byScore({ ...score, bands: { kind: "thresholds", thresholds: [80, 60, 40, 20] } }));
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.scoreBands));
    // Weights in another scale and the metrics in another order are the same score.
    [b, a] = await pair(byScore(score), byScore({ ...score, metrics: [{ ...score.metrics[1], weight: 2 }, { ...score.metrics[0], weight: 2 }] }));
    expect(b.tiering).toBe(a.tiering);
    await port.compareSnapshots(b.id, a.id, "en");
  });

  it("a same-date run replaces the latest snapshot only from the same source and tiered the same way", async () => {
    const { book, port, h1 } = twoPeriods();
    book.addSheet("Copy", [HEADER, ...h1]);
    const first = (await port.run(settingsOn("Copy", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    // Another source (the same rows on another sheet), the same date and basis: kept beside it.
    const other = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    // Other cuts, the same source and date: kept too.
    const cuts = (await port.run(settingsOn("H1", h1.length, "2024-06-30", { abc: { aCut: 0.5, bCut: 0.9, basis: "revenue" } }), { locale: "en" })).snapshot!;
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual([first.id, other.id, cuts.id]);
    // The same source, date and tiering: replaced.
    const again = (await port.run(settingsOn("H1", h1.length, "2024-06-30", { abc: { aCut: 0.5, bCut: 0.9, basis: "revenue" } }), { locale: "en" })).snapshot!;
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual([first.id, other.id, again.id]);
    expect(historyOf(book).snapshots.map((r) => r.source)).toEqual([
      { kind: "range", sheet: "Copy", address: `A1:E${h1.length + 1}` },
      { kind: "range", sheet: "H1", address: `A1:E${h1.length + 1}` },
      { kind: "range", sheet: "H1", address: `A1:E${h1.length + 1}` },
    ]);
  });

  it("a snapshot saved before tierings were kept compares only with others of its kind", async () => {
    const { book, port, h1, year } = twoPeriods();
    const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const history = historyOf(book);
    await book.run(async (context: any) => {
      const [old, ...rest] = history.snapshots;
      const { tiering: _tiering, source: _source, ...legacy } = old;
      context.workbook.settings.add(HISTORY_KEY, { ...history, snapshots: [legacy, ...rest] });
      await context.sync();
    });
    const listed = await port.listSnapshots();
    expect(listed[0].tiering).not.toBe(listed[1].tiering);
    await expect(port.compareSnapshots(before.id, after.id, "en")).rejects.toThrow(en.workbook.migration.errors.differentTiering(en.workbook.migration.differences.unknown));
  });

  it("never overwrites a user's sheet named Tier migration", async () => {
    const { book, port, h1, year } = twoPeriods();
    book.addSheet("Tier migration", [["mine"]]);
    const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const first = await port.compareSnapshots(before.id, after.id, "en");
    expect(first.sheet).toBe("Tier migration (2)");
    const second = await port.compareSnapshots(before.id, after.id, "en");
    expect(second.sheet).toBe("Tier migration (2)");
    expect(book.values("Tier migration")).toEqual([["mine"]]);
    expect(visibleSheetNames(book).filter((n) => n.startsWith("Tier migration"))).toEqual(["Tier migration", "Tier migration (2)"]);
  });
});

describe("pilot groups", () => {
  it("picks pilot and control customers in one tier as the core does, lists them on a Pilot sheet, and compares them in a later snapshot", async () => {
    const { book, port, h1, year } = twoPeriods(200);
    const base = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const request = { snapshotId: base.id, tier: "C", share: 0.25, controlShare: 0.25, seed: 7, strategy: "A personal call and a coupon" };
    const info = await port.pickPilot(request, "en");
    const s = coreSnapshot(book, base.id, MID);
    const groups = pickPilot(s.ids, s.tiers.map((t) => (t === "C" ? t : "")), { share: 0.25, controlShare: 0.25, seed: 7 });
    const pilotIds = s.ids.filter((_, i) => groups[i] === PILOT);
    const controlIds = s.ids.filter((_, i) => groups[i] === CONTROL);
    expect(info).toEqual({ ...request, id: "P1", asOf: "2024-06-30", tierLabel: "C", pilot: pilotIds.length, control: controlIds.length, sheet: "Pilot" });
    expect(pilotIds.length).toBeGreaterThan(3);
    expect(await port.listPilots()).toEqual([info]);
    expect(book.activeSheet()).toBe("Pilot");
    expect(book.settings()[OWNED_KEY]).toContain(book.sheets().find((x) => x.name === "Pilot")!.id);

    const p = en.workbook.pilot;
    const values = book.values("Pilot", "A1:C400");
    expect(values[0][0]).toBe(p.title("C"));
    expect(values.slice(1, 9).map((r) => r.slice(0, 2))).toEqual([
      [p.parameters.strategy, request.strategy],
      [p.parameters.tier, "C"],
      [p.parameters.asOf, MID],
      [p.parameters.share, 0.25],
      [p.parameters.controlShare, 0.25],
      [p.parameters.seed, 7],
      [p.parameters.pilot, pilotIds.length],
      [p.parameters.control, controlIds.length],
    ]);
    expect(values[10]).toEqual([p.columns.customer, p.columns.tier, p.columns.group]);
    const list = values.slice(11, 11 + pilotIds.length + controlIds.length);
    expect(list.map((r) => r[0])).toEqual([...pilotIds, ...controlIds]);
    expect(list.every((r) => r[1] === "C")).toBe(true);
    expect(list.map((r) => r[2])).toEqual([...pilotIds.map(() => p.groups.pilot), ...controlIds.map(() => p.groups.control)]);
    expect(values[11 + list.length]).toEqual(["", "", ""]);

    // Six months on: the pilot against the control in the later snapshot.
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const report = await port.comparePilot(info.id, after.id, "en");
    const later = coreSnapshot(book, after.id, END);
    const where = new Map(later.ids.map((id, j) => [id, j]));
    const members = [...pilotIds, ...controlIds];
    const bought = members.map((id) => (where.has(id) && later.lastPurchase[where.get(id)!] > MID ? 1 : 0));
    const change = members.map((id) => (where.has(id) ? later.revenue[where.get(id)!] : 0) - s.revenue[s.ids.indexOf(id)]);
    const expected = comparePilot([...pilotIds.map(() => PILOT), ...controlIds.map(() => CONTROL)], bought, change);
    expect(report.pilot).toEqual(info);
    expect(report.after).toEqual(after);
    expect(report.sheet).toBe("Pilot");
    expect(report.confidence).toBe(0.95);
    for (const key of ["pilot", "control", "difference", "low", "high"] as const) {
      expect(report.repurchase[key]).toBeCloseTo(expected.repurchase[key], 12);
      expect(report.revenue[key]).toBeCloseTo(expected.revenue[key], 9);
    }
    // Beside the list: each customer's outcome; to the right, the comparison.
    const sheet = book.values("Pilot", "A1:N400");
    // Bought again: a purchase after the pilot's date, up to the later snapshot's (its last purchase is at most that date).
    expect(sheet[10].slice(3, 5)).toEqual([p.columns.repurchased("2024-06-30", "2024-12-31"), p.columns.revenueChange]);
    expect(p.columns.repurchased("2024-06-30", "2024-12-31")).toBe("Bought between 2024-06-30 and 2024-12-31");
    members.forEach((_, r) => {
      expect(sheet[11 + r][3]).toBe(bought[r] ? p.yes : p.no);
      expect(sheet[11 + r][4]).toBeCloseTo(change[r], 2);
    });
    const c = p.comparison;
    expect(sheet[0][6]).toBe(c.title("2024-12-31"));
    expect(sheet[1].slice(6, 14)).toEqual([c.measure, c.pilot, c.control, c.difference, c.low("95%"), c.high("95%"), c.nPilot, c.nControl]);
    expect(sheet[2][6]).toBe(c.repurchase);
    expect(sheet[2][7]).toBeCloseTo(expected.repurchase.pilot, 6);
    expect(sheet[2][12]).toBe(expected.repurchase.nPilot);
    expect(sheet[3][6]).toBe(c.revenue);
    expect(sheet[3][9]).toBeCloseTo(expected.revenue.difference, 2);
    expect(book.numberFormats("Pilot", "H3:H4").flat()).toEqual(["0.0%", "#,##0.00"]);
  });

  it("names a pilot's tier in the language it is asked in, not the one it was picked in", async () => {
    const { book, port, h1, year } = twoPeriods(200);
    const base = (await port.run(settingsOn("H1", h1.length, "2024-06-30", { summaryBy: "segment" }), { locale: "en" })).snapshot!;
    const tier = historyOf(book).snapshots[0].tiers[0];
    const picked = await port.pickPilot({ snapshotId: base.id, tier, share: 0.5, controlShare: 0.5, seed: 1, strategy: "" }, "zh-CN");
    const zh = zhCN.segments[tier as keyof typeof zhCN.segments];
    const english = en.segments[tier as keyof typeof en.segments];
    expect(picked.tierLabel).toBe(zh);
    expect((await port.listPilots("en"))[0].tierLabel).toBe(english);
    expect((await port.listPilots("zh-CN"))[0].tierLabel).toBe(zh);
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31", { summaryBy: "segment" }), { locale: "en" })).snapshot!;
    expect((await port.comparePilot(picked.id, after.id, "en")).pilot.tierLabel).toBe(english);
    // A pilot saved before its basis was kept is named from its snapshot.
    const [record] = book.settings()[PILOTS_KEY] as Record<string, unknown>[];
    const { tierBy: _tierBy, builtIn: _builtIn, ...legacy } = record;
    await book.run(async (context: any) => {
      context.workbook.settings.add(PILOTS_KEY, [legacy]);
      await context.sync();
    });
    expect((await port.listPilots("en"))[0].tierLabel).toBe(english);
  });

  it("one sheet per pilot (Pilot, Pilot (2) …), never a user's sheet named Pilot; sentences for impossible requests", async () => {
    const { book, port, h1, year } = twoPeriods(120);
    book.addSheet("Pilot", [["my pilot"]]);
    const base = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const request = { snapshotId: base.id, tier: "C", share: 0.2, controlShare: 0.2, seed: 1, strategy: "" };
    const first = await port.pickPilot(request, "en");
    const second = await port.pickPilot({ ...request, seed: 2 }, "zh-CN");
    expect([first.sheet, second.sheet]).toEqual(["Pilot (2)", zhCN.workbook.pilot.sheet]);
    const third = await port.pickPilot({ ...request, seed: 3 }, "en");
    expect(third.sheet).toBe("Pilot (3)");
    expect(book.values("Pilot")).toEqual([["my pilot"]]);
    expect((await port.listPilots()).map((x) => [x.id, x.sheet])).toEqual([["P1", "Pilot (2)"], ["P2", "试点"], ["P3", "Pilot (3)"]]);
    expect((book.settings()[PILOTS_KEY] as unknown[]).length).toBe(3);

    const e = en.workbook.pilot.errors;
    await expect(port.pickPilot({ ...request, share: 0 }, "en")).rejects.toThrow(e.share("0"));
    await expect(port.pickPilot({ ...request, controlShare: -0.1 }, "en")).rejects.toThrow(e.controlShare("-0.1"));
    await expect(port.pickPilot({ ...request, share: 0.7, controlShare: 0.5 }, "en")).rejects.toThrow(e.shares("1.2"));
    await expect(port.pickPilot({ ...request, seed: 1.5 }, "en")).rejects.toThrow(e.seed("1.5"));
    // The core's checks are the truth: its error travels as the cause, and a sum it takes is taken.
    await expect(port.pickPilot({ ...request, share: Number.NaN }, "en")).rejects.toMatchObject({ cause: { code: "pilotShare" } });
    const edge = await port.pickPilot({ ...request, share: 0.5, controlShare: 0.5 + 5e-10, seed: 4 }, "en");
    expect(edge.pilot + edge.control).toBeGreaterThan(0);
    await expect(port.pickPilot({ ...request, tier: "D" }, "en")).rejects.toThrow(e.unknownTier("D", "2024-06-30"));
    await expect(port.pickPilot({ ...request, snapshotId: "S9" }, "en")).rejects.toThrow(en.workbook.migration.errors.unknownSnapshot("S9"));
    await expect(port.pickPilot({ ...request, tier: "A", share: 0.001, controlShare: 0 }, "en")).rejects.toThrow(e.empty("A"));

    await expect(port.comparePilot("P9", base.id, "en")).rejects.toThrow(e.unknownPilot("P9"));
    await expect(port.comparePilot(first.id, base.id, "en")).rejects.toThrow(e.notLater("2024-06-30", "2024-06-30"));
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    // A renamed pilot sheet is still the pilot's; a deleted one is said so.
    await book.run(async (context: any) => {
      context.workbook.worksheets.getItem("Pilot (3)").name = "Coupon test";
      context.workbook.worksheets.getItem("Pilot (2)").delete();
      await context.sync();
    });
    expect((await port.comparePilot(third.id, after.id, "en")).sheet).toBe("Coupon test");
    expect((await port.listPilots())[2].sheet).toBe("Coupon test");
    await expect(port.comparePilot(first.id, after.id, "en")).rejects.toThrow(e.sheetGone("Pilot (2)"));
  });
});

/** Rewrites a block of a sheet as a person editing it would: `change` gets and returns its rows of [value, number format] cells. */
async function editRows(book: StandIn, sheet: string, address: string, change: (rows: [unknown, string][][]) => [unknown, string][][]) {
  await book.run(async (context: any) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values,numberFormat");
    await context.sync();
    const rows = change(range.values.map((row: unknown[], i: number) => row.map((v, j): [unknown, string] => [v, range.numberFormat[i][j]])));
    range.numberFormat = rows.map((row) => row.map((c) => c[1]));
    range.values = rows.map((row) => row.map((c) => c[0]));
    await context.sync();
  });
}

describe("the history and a pilot's list changed by hand", () => {
  const blank: [unknown, string] = ["", "General"];

  it("a history sorted by hand is refused with a sentence, not read as other snapshots' customers", async () => {
    const { book, port, h1, year } = twoPeriods();
    const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const rows = historyOf(book).snapshots.reduce((n, r) => n + r.rows, 0);
    const sheet = historySheet(book).name;
    // Sorted by customer (column D), as Excel's Sort would: whole rows move, the snapshots' rows mix.
    await editRows(book, sheet, `A2:I${rows + 1}`, (r) => [...r].sort((x, y) => String(x[3][0]).localeCompare(String(y[3][0]))));
    const h = en.workbook.history;
    await expect(port.compareSnapshots(before.id, after.id, "en")).rejects.toThrow(h.changed(sheet, before.id, before.asOf));
    await expect(port.compareSnapshots(before.id, after.id, "zh-CN")).rejects.toThrow(zhCN.workbook.history.changed(sheet, before.id, before.asOf));
    await expect(port.pickPilot({ snapshotId: after.id, tier: "C", share: 0.2, controlShare: 0.2, seed: 1, strategy: "" }, "en")).rejects.toThrow(h.changed(sheet, after.id, after.asOf));
  });

  it("a row deleted from the history is refused too; a history hidden the old way becomes very hidden on the next save", async () => {
    const { book, port, h1, year } = twoPeriods();
    const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const rows = historyOf(book).snapshots.reduce((n, r) => n + r.rows, 0);
    const sheet = historySheet(book).name;
    // Row 5 deleted (the rows below move up, the last one is blank): the later snapshot's last row is now empty.
    await editRows(book, sheet, `A5:I${rows + 1}`, (r) => [...r.slice(1), r[0].map(() => blank)]);
    await expect(port.compareSnapshots(before.id, after.id, "en")).rejects.toThrow(en.workbook.history.changed(sheet, before.id, before.asOf));

    await book.run(async (context: any) => {
      context.workbook.worksheets.getItem(sheet).visibility = "Hidden";
      await context.sync();
    });
    await port.run(settingsOn("Year", year.length, "2024-12-31", { summaryBy: "segment" }), { locale: "en" });
    expect(historySheet(book).visibility).toBe("VeryHidden");
  });

  it("a pilot's list sorted by hand gets each customer's outcome beside it; a list edited by hand is refused", async () => {
    const { book, port, h1, year } = twoPeriods(200);
    const base = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const info = await port.pickPilot({ snapshotId: base.id, tier: "C", share: 0.3, controlShare: 0.3, seed: 3, strategy: "" }, "en");
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const n = info.pilot + info.control;
    const listAt = `A12:C${11 + n}`;
    const first = await port.comparePilot(info.id, after.id, "en");
    const outcome = new Map(book.values("Pilot", `A12:E${11 + n}`).map((r) => [r[0], [r[3], r[4]]]));

    // Sorted by customer, descending (the group column moves with them).
    await editRows(book, "Pilot", listAt, (r) => [...r].sort((x, y) => String(y[0][0]).localeCompare(String(x[0][0]))));
    const sorted = book.values("Pilot", `A12:E${11 + n}`);
    expect(sorted.map((r) => r[0])).not.toEqual([...outcome.keys()]);
    const again = await port.comparePilot(info.id, after.id, "en");
    expect(again.repurchase).toEqual(first.repurchase);
    expect(again.revenue).toEqual(first.revenue);
    for (const row of book.values("Pilot", `A12:E${11 + n}`)) expect([row[3], row[4]]).toEqual(outcome.get(row[0]));

    // A customer edited, or a row deleted: the list is no longer the pilot's.
    const p = en.workbook.pilot.errors;
    await editRows(book, "Pilot", "A12", () => [[["C99999", "@"]]]);
    await expect(port.comparePilot(info.id, after.id, "en")).rejects.toThrow(p.listChanged("Pilot"));
    await editRows(book, "Pilot", "A12", () => [[[sorted[0][0], "@"]]]);
    await port.comparePilot(info.id, after.id, "en");
    await editRows(book, "Pilot", listAt, (r) => [...r.slice(1), r[0].map(() => blank)]);
    await expect(port.comparePilot(info.id, after.id, "zh-CN")).rejects.toThrow(zhCN.workbook.pilot.errors.listChanged("Pilot"));
  });
});

describe("sync budget of the dynamic jobs", () => {
  /** `n` customers with one purchase each in the first half, and in the year about two thirds of them again (and some new). */
  function periods(n: number) {
    const h1 = Array.from({ length: n }, (_, i) => [`customer-${i + 1}`, 45292 + (i % 180), 10 + (i % 997) * 1.37, "", ""]);
    const year = [...h1];
    for (let i = 0; i < n; i++) if (i % 3 !== 0) year.push([`customer-${i + 1 + (i % 7 === 0 ? n : 0)}`, 45480 + (i % 170), 5 + (i % 389) * 2.11, "", ""]);
    return { h1, year };
  }
  const mapping = { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 };

  it("compare, pick and compare a pilot take the same number of sync() calls for 100 and 100,000 customers, each under 5 MB", async () => {
    const counts: Record<string, number[]> = { run: [], compare: [], pick: [], comparePilot: [] };
    for (const n of [100, 100_000]) {
      const { h1, year } = periods(n);
      const book = createStandIn();
      book.addSheet("H1", [HEADER, ...h1]);
      book.addSheet("Year", [HEADER, ...year]);
      const port = createWorkbookPort(book.host);
      const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30", { mapping }), { locale: "en" })).snapshot!;
      book.resetSyncLog();
      const after = (await port.run(settingsOn("Year", year.length, "2024-12-31", { mapping }), { locale: "en" })).snapshot!;
      counts.run.push(book.syncLog().length);
      expectSyncsUnderLimit(book.syncLog());
      const measure = async (job: string, work: () => Promise<unknown>) => {
        book.resetSyncLog();
        await work();
        counts[job].push(book.syncLog().length);
        expectSyncsUnderLimit(book.syncLog());
      };
      await measure("compare", () => port.compareSnapshots(before.id, after.id, "en"));
      let pilot = "";
      await measure("pick", async () => (pilot = (await port.pickPilot({ snapshotId: before.id, tier: "C", share: 0.5, controlShare: 0.5, seed: 1, strategy: "x" }, "en")).id));
      await measure("comparePilot", () => port.comparePilot(pilot, after.id, "en"));
      if (n === 100_000) {
        expect(after.customers).toBeGreaterThan(100_000);
        // The history reads were big: more than 1 MB in some response.
        expect(Math.max(...book.syncLog().map((s) => s.responseBytes))).toBeGreaterThan(1024 * 1024);
      }
    }
    expect(counts.compare[0]).toBe(1 + HISTORY_READ_SYNCS + 2);
    expect(counts.pick[0]).toBe(1 + HISTORY_READ_SYNCS + 1 + PILOT_WRITE_SYNCS);
    expect(counts.comparePilot[0]).toBe(1 + HISTORY_READ_SYNCS + 1);
    console.info("sync counts (100, 100,000 customers):", JSON.stringify(counts));
    for (const job of Object.keys(counts)) expect(counts[job][1]).toBe(counts[job][0]);
  }, 300_000);
});
