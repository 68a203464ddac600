/**
 * People's overrides in the workbook (issue 15 §2), on the stand-in under both host profiles: the pane's table
 * (added once, never overwritten), every run reading it by name with no sync of its own (the same count for 100
 * and 10,000 override rows), the Results sheet's final tier beside the run's own, the summary counting the final
 * tiers, the snapshot keeping the run's own, expiry at the analysis date, a re-run in the other language, the
 * table never rewritten, its problems named by sheet row.
 */
import { describe, expect, it } from "vitest";
import { isoDateSerial } from "../../src/core/cells/dates";
import { OVERRIDDEN_MARK, OVERRIDES_TABLE } from "../../src/excel/overrides";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { bookWithTransactions, expectSyncsUnderLimit, settingsFor, transactions } from "./helpers";

const rows = transactions(60);
const settings = settingsFor(rows.length);
const h = en.workbook.columns;
const o = en.overrides.columns;

/** The person's table as they would type it: `body` rows under the header, on a sheet of theirs. */
function withTable(book: ReturnType<typeof bookWithTransactions>["book"], body: unknown[][], header: unknown[] = ["Customer", "Tier or level", "Reason", "Until"], sheet = "Overrides") {
  book.addSheet(sheet, [header, ...body]);
  book.addTable(sheet, `A1:D${body.length + 1}`, OVERRIDES_TABLE);
}

/** The Results table as maps of header → cell per customer. */
function results(book: ReturnType<typeof bookWithTransactions>["book"]) {
  const table = book.tables().find((t) => t.name === "TieringResults")!;
  const byId = new Map(book.tableRows("TieringResults").map((r) => [r[0], Object.fromEntries(table.header.map((k, i) => [k, r[i]]))]));
  return { header: table.header, byId };
}

describe("the overrides table", () => {
  it("is added once with the pane's headers, then left as it is (never overwritten)", async () => {
    const { book, port } = bookWithTransactions(rows);
    expect(await port.findOverridesTable("en")).toBeNull();
    const added = await port.addOverridesTable("en");
    expect(added).toEqual({ sheet: "Overrides", address: "A1", rows: 1, created: true });
    expect(book.values("Overrides", "A1:D1")).toEqual([["Customer", "Tier or level", "Reason", "Until"]]);
    expect(book.tables().find((t) => t.name === OVERRIDES_TABLE)!.sheet).toBe("Overrides");
    const typed = [["C1", "C", "typed by the person", ""]];
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Overrides").getRange("A2:D2").values = typed;
      await context.sync();
    });
    const again = await port.addOverridesTable("zh-CN");
    expect(again.created).toBe(false);
    expect(again.sheet).toBe("Overrides");
    expect(book.values("Overrides", "A1:D2")).toEqual([["Customer", "Tier or level", "Reason", "Until"], ...typed]);
    expect(await port.findOverridesTable()).toEqual({ sheet: "Overrides", address: "A1", rows: 1 });
  });

  it("in Chinese: the sheet 人工调整 and Chinese headers; a sheet of the person's of that name is kept", async () => {
    const { book, port } = bookWithTransactions(rows);
    book.addSheet("人工调整", [["my notes"]]);
    const added = await port.addOverridesTable("zh-CN");
    expect(added.sheet).toBe("人工调整2");
    expect(book.values("人工调整")).toEqual([["my notes"]]);
    const z = zhCN.overrides.headers;
    expect(book.values("人工调整2", "A1:D1")).toEqual([[z.customer, z.tier, z.reason, z.until]]);
  });
});

describe("a run with overrides", () => {
  it("shows the final tier, the mark, reason and until beside the run's own tier; the summary counts the final tiers; the snapshot keeps the run's own", async () => {
    const { book, port } = bookWithTransactions(rows);
    const plain = await port.run(settings, { locale: "en" });
    const before = results(book);
    const own = before.byId.get("C1")![h.abcClass];
    const target = own === "C" ? "A" : "C";
    const summaryBefore = new Map(book.tableRows("TieringSummary").map((t) => [t[0], t[2] as number]));
    expect(plain.overrides).toBeNull();
    expect(before.header).not.toContain(o.finalTier);

    withTable(book, [["C1", target, "key account", isoDateSerial("2099-12-31")]]);
    const table = book.values("Overrides");
    const report = await port.run(settings, { locale: "en" });
    expect(report.overrides).toEqual({ sheet: "Overrides", active: 1, expired: 0, unmatched: 0, problems: [], moreProblems: 0 });
    const after = results(book);
    // The run's own columns keep their order; the four follow the tier column.
    const k = after.header.indexOf(h.abcClass);
    expect(after.header.slice(k, k + 5)).toEqual([h.abcClass, o.finalTier, o.overridden, o.reason, o.until]);
    expect(after.header.filter((x) => !Object.values(o).includes(x))).toEqual(before.header);
    const c1 = after.byId.get("C1")!;
    expect([c1[h.abcClass], c1[o.finalTier], c1[o.overridden], c1[o.reason], c1[o.until]]).toEqual([own, target, OVERRIDDEN_MARK, "key account", isoDateSerial("2099-12-31")]);
    const c2 = after.byId.get("C2")!;
    expect([c2[o.finalTier], c2[o.overridden], c2[o.reason], c2[o.until]]).toEqual([c2[h.abcClass], "", "", ""]);
    // The Tier Summary counts the final tiers: one customer moved, none lost.
    const summaryAfter = new Map(book.tableRows("TieringSummary").map((t) => [t[0], t[2] as number]));
    expect(summaryAfter.get(own)).toBe(summaryBefore.get(own)! - 1);
    expect(summaryAfter.get(target)).toBe((summaryBefore.get(target) ?? 0) + 1);
    // The PivotTable groups by the final tier.
    expect(book.pivots("Tier Summary")[0].rows).toEqual([o.finalTier]);
    // The history keeps the run's own class (the run replaced the snapshot of the same date).
    const history = book.tableRows("TieringHistory").filter((r) => r[3] === "C1");
    expect(history.map((r) => r[4])).toEqual([own]);
    // The table is the person's: never rewritten, never marked as the add-in's.
    expect(book.values("Overrides")).toEqual(table);
    const owned = book.settings()["tiering.ownedSheets"] as string[];
    expect(owned).not.toContain(book.sheet("Overrides")!.id);

    // It survives a re-run, and one in the other language reads the English table the same way.
    await port.run(settings, { locale: "en" });
    expect(results(book).byId.get("C1")![o.finalTier]).toBe(target);
    const zh = await port.run(settings, { locale: "zh-CN" });
    expect(zh.overrides?.active).toBe(1);
    // The English sheets stay (their names are not the Chinese run's); its results are a table of their own.
    const zt = book.tables().find((t) => t.sheet === zh.sheets.results)!;
    const zrow = book.tableRows(zt.name).find((r) => r[0] === "C1")!;
    expect(zrow[zt.header.indexOf(zhCN.overrides.columns.finalTier)]).toBe(target);
    expect(book.values("Overrides")).toEqual(table);
  });

  it("survives a rebuilt history: the table is untouched, the rebuilt snapshots hold the run's own tiers, the next run applies it", async () => {
    const { book, port } = bookWithTransactions(rows);
    await port.run(settings, { locale: "en" });
    const own = results(book).byId.get("C1")![h.abcClass];
    const target = own === "A" ? "B" : "A";
    withTable(book, [["C1", target, "kept by hand", ""]]);
    const table = book.values("Overrides");
    await port.rebuildHistory(settings, { every: "month", from: "2024-10-01", to: "2024-12-31", freezeAt: null }, { locale: "en" });
    expect(book.values("Overrides")).toEqual(table);
    const latest = await port.run(settings, { locale: "en" });
    expect(latest.overrides?.active).toBe(1);
    expect(results(book).byId.get("C1")![o.finalTier]).toBe(target);
    // Every snapshot, rebuilt or the run's, has C1 in a class the data gave it, never the override's unless the data did.
    const snapshots = await port.listSnapshots("en");
    expect(snapshots.length).toBeGreaterThan(1);
    const c1 = book.tableRows("TieringHistory").filter((r) => r[3] === "C1" && r[0] === latest.snapshot!.id);
    expect(c1.map((r) => r[4])).toEqual([own]);
  });

  it("never deletes the table: one the person put on the add-in's own Tiers sheet keeps that sheet, the results go beside it", async () => {
    const { book, port } = bookWithTransactions(rows);
    await port.run(settings, { locale: "en" });
    book.addTable("Tiers", "AA1:AD3", OVERRIDES_TABLE);
    const tiers = book.values("Tiers");
    const report = await port.run(settings, { locale: "en" });
    expect(report.sheets.results).not.toBe("Tiers");
    expect(book.values("Tiers")).toEqual(tiers);
    expect(book.tables().find((t) => t.name === OVERRIDES_TABLE)!.sheet).toBe("Tiers");
  });

  it("tiers named in Chinese in a table with Chinese headers apply to an English run by segment", async () => {
    const { book, port } = bookWithTransactions(rows);
    const bySegment = { ...settings, summaryBy: "segment" as const };
    const z = zhCN.overrides.headers;
    // Columns in another order: found by their (Chinese) headers.
    withTable(book, [["", "冠军客户", "C3", "vip"]], [z.until, z.tier, z.customer, z.reason]);
    const report = await port.run(bySegment, { locale: "en" });
    expect(report.overrides).toMatchObject({ active: 1, problems: [] });
    const c3 = results(book).byId.get("C3")!;
    expect([c3[o.finalTier], c3[o.overridden], c3[o.reason]]).toEqual([en.segments.champions, OVERRIDDEN_MARK, "vip"]);
  });

  it("an override that ended before the analysis date is not applied; until is inclusive", async () => {
    const { book, port } = bookWithTransactions(rows);
    const asOf = "2024-12-01";
    withTable(book, [
      ["C1", "A", "ended", isoDateSerial("2024-11-30")],
      ["C2", "C", "ends today", "2024-12-01"],
    ]);
    const report = await port.run({ ...settings, asOf }, { locale: "en" });
    expect(report.overrides).toMatchObject({ active: 1, expired: 1 });
    const r = results(book).byId;
    expect(r.get("C1")![o.overridden]).toBe("");
    expect(r.get("C1")![o.finalTier]).toBe(r.get("C1")![h.abcClass]);
    expect([r.get("C2")![o.finalTier], r.get("C2")![o.overridden]]).toEqual(["C", OVERRIDDEN_MARK]);
  });

  it("names the table's bad rows by sheet row in the run's language, and runs all the same", async () => {
    const { book, port } = bookWithTransactions(rows);
    withTable(book, [
      ["C1", "Gold", "", ""],
      ["Nobody", "A", "", ""],
      ["C2", "B", "", "someday"],
      ["", "", "", ""],
    ]);
    const report = await port.run(settings, { locale: "en" });
    expect(report.overrides?.active).toBe(0);
    expect(report.overrides?.problems).toEqual([
      { cell: { sheet: "Overrides", address: "A2" }, message: en.overrides.problems.unknownTier("Overrides row 2", "Gold", "A, B, C") },
      { cell: { sheet: "Overrides", address: "A3" }, message: en.overrides.problems.unknownCustomer("Overrides row 3", "Nobody") },
      { cell: { sheet: "Overrides", address: "A4" }, message: en.overrides.problems.badUntil("Overrides row 4", "someday") },
    ]);
    const zh = await port.run(settings, { locale: "zh-CN" });
    expect(zh.overrides?.problems[0].message).toBe(zhCN.overrides.problems.unknownTier("Overrides第2行", "Gold", "A、B、C"));
  });

  it("reads the table in the syncs a run already makes: the same count without it, with 100 and with 10,000 rows, each under 5 MB", async () => {
    const counts: number[] = [];
    for (const n of [0, 100, 10_000]) {
      const { book, port } = bookWithTransactions(rows);
      if (n > 0) withTable(book, Array.from({ length: n }, (_, i) => [`C${(i % 60) + 1}`, "B", `reason ${i}`, ""]));
      book.resetSyncLog();
      const report = await port.run(settings, { locale: "en" });
      if (n > 0) expect(report.overrides!.active).toBe(60);
      expectSyncsUnderLimit(book.syncLog());
      counts.push(book.syncLog().length);
    }
    expect(new Set(counts).size).toBe(1);
  });
});
