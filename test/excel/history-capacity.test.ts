/**
 * A history that runs out of rows. The sheet's 1,048,575 rows are too many to fill in a test, so the capacity is
 * made 300 rows here (host.ts HISTORY_CAPACITY, mocked for this file only); the rules are the same: the oldest
 * snapshots no pilot uses make room, their rows deleted and the later ones moved up, and a history whose pilots'
 * snapshots leave no room refuses the run's snapshot with a sentence saying how many must go.
 */
import { describe, expect, it, vi } from "vitest";
import type { AnalysisSettings } from "../../src/excel/port";
import { HISTORY_KEY, type History } from "../../src/excel/settings";
import type * as HostModule from "../../src/excel/host";
import { createWorkbookPort } from "../../src/excel/jobs";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { createStandIn, type StandIn } from "../../src/standin";
import { settingsFor, transactions } from "./helpers";

vi.mock("../../src/excel/host", async (importOriginal) => ({ ...(await importOriginal<typeof HostModule>()), HISTORY_CAPACITY: 300 }));

const HEADER = ["Customer", "Date", "Amount", "Category", "Rating"];

/** 80 customers' purchases in 2024; each run at a later month's end is one more snapshot of 80 rows. */
function book() {
  const rows = transactions(80, 9);
  const standIn = createStandIn();
  standIn.addSheet("Data", [HEADER, ...rows]);
  const at = (asOf: string, overrides: Partial<AnalysisSettings> = {}) => settingsFor(rows.length, { asOf, ...overrides });
  return { standIn, port: createWorkbookPort(standIn.host), at };
}

const MONTHS = ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30"];
const history = (standIn: StandIn) => standIn.settings()[HISTORY_KEY] as History;
const rowsOf = (standIn: StandIn, id: string) => standIn.tableRows("TieringHistory").filter((r) => r[0] === id);

describe("a full history", () => {
  it("drops its oldest snapshots to make room, moving the later ones up; they still read and compare", async () => {
    const { standIn, port, at } = book();
    for (const month of MONTHS.slice(0, 3)) await port.run(at(month), { locale: "en" });
    expect(history(standIn).snapshots.map((r) => [r.id, r.row])).toEqual([["S1", 0], ["S2", 80], ["S3", 160]]);
    const before = { S2: rowsOf(standIn, "S2"), S3: rowsOf(standIn, "S3") };

    // 240 rows held, 80 more do not fit in 300: S1 goes.
    const fourth = await port.run(at(MONTHS[3]), { locale: "en" });
    expect(fourth.snapshot!.id).toBe("S4");
    expect(fourth.snapshotNote).toBe(en.workbook.history.dropped(1, en.workbook.history.droppedItem(MONTHS[0], en.workbook.migration.basis.abcClass)));
    expect(history(standIn).snapshots.map((r) => [r.id, r.row])).toEqual([["S2", 0], ["S3", 80], ["S4", 160]]);
    expect(standIn.tableRows("TieringHistory")).toHaveLength(240);
    expect(rowsOf(standIn, "S2")).toEqual(before.S2);
    expect(rowsOf(standIn, "S3")).toEqual(before.S3);
    expect(standIn.values(en.workbook.history.sheet, "A242:I250").flat().every((v) => v === "")).toBe(true);
    // The rows moved up are where the index says: the reads' id check passes.
    await port.compareSnapshots("S2", "S4", "en");
    await port.compareSnapshots("S3", "S4", "zh-CN");
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual(["S2", "S3", "S4"]);
  });

  it("keeps the snapshots pilots use and drops the oldest others; refuses, saying how many must go, when pilots leave no room", async () => {
    const { standIn, port, at } = book();
    for (const month of MONTHS.slice(0, 3)) await port.run(at(month), { locale: "en" });
    const pilot = await port.pickPilot({ snapshotId: "S1", tier: "C", share: 0.2, controlShare: 0.2, seed: 1, strategy: "" }, "en");
    const fourth = await port.run(at(MONTHS[3]), { locale: "zh-CN" });
    expect(fourth.snapshotNote).toBe(zhCN.workbook.history.dropped(1, zhCN.workbook.history.droppedItem(MONTHS[1], zhCN.workbook.migration.basis.abcClass)));
    expect(history(standIn).snapshots.map((r) => [r.id, r.row])).toEqual([["S1", 0], ["S3", 80], ["S4", 160]]);
    await port.comparePilot(pilot.id, "S4", "en");

    // Pilots on every snapshot: nothing may go, so the run's snapshot is refused (its tiers are written).
    await port.pickPilot({ snapshotId: "S3", tier: "C", share: 0.2, controlShare: 0.2, seed: 1, strategy: "" }, "en");
    await port.pickPilot({ snapshotId: "S4", tier: "C", share: 0.2, controlShare: 0.2, seed: 1, strategy: "" }, "en");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const refused = await port.run(at(MONTHS[4]), { locale: "en" });
    warn.mockRestore();
    expect(refused.snapshot).toBeNull();
    expect(refused.snapshotNote).toBe(en.workbook.history.failed(en.workbook.history.full(80, 300, 3, 240, 1, '"Pilot", "Pilot (2)", "Pilot (3)"')));
    expect(refused.snapshotNote).toContain("one of them must go");
    expect(history(standIn).snapshots.map((r) => r.id)).toEqual(["S1", "S3", "S4"]);

    // A pilot whose sheet was deleted can no longer be measured, and no longer keeps its snapshot.
    await standIn.run(async (context) => {
      context.workbook.worksheets.getItem("Pilot").delete();
      await context.sync();
    });
    const after = await port.run(at(MONTHS[4]), { locale: "en" });
    expect(after.snapshot!.id).toBe("S5");
    expect(history(standIn).snapshots.map((r) => [r.id, r.row])).toEqual([["S3", 0], ["S4", 80], ["S5", 160]]);
  });

  it("a same-date replacement with no room for both drops the replaced snapshot first", async () => {
    const { standIn, port, at } = book();
    for (const month of MONTHS.slice(0, 3)) await port.run(at(month), { locale: "en" });
    const s3 = rowsOf(standIn, "S3");
    await port.pickPilot({ snapshotId: "S1", tier: "C", share: 0.2, controlShare: 0.2, seed: 1, strategy: "" }, "en");
    await port.pickPilot({ snapshotId: "S2", tier: "C", share: 0.2, controlShare: 0.2, seed: 1, strategy: "" }, "en");
    // 240 + 80 > 300: the replaced S3 goes in the first sync, nothing else needs to.
    const again = await port.run(at(MONTHS[2]), { locale: "en" });
    expect(again.snapshotNote).toBeNull();
    expect(history(standIn).snapshots.map((r) => [r.id, r.row])).toEqual([["S1", 0], ["S2", 80], ["S4", 160]]);
    expect(rowsOf(standIn, "S4").map((r) => r.slice(1))).toEqual(s3.map((r) => r.slice(1)));
  });
});
