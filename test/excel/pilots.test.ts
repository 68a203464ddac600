/**
 * Pilot and control groups on "Pilot" sheets and their comparison in a later snapshot, and the history or
 * a pilot's list changed by hand.
 */
import { describe, expect, it } from "vitest";
import { comparePilot, CONTROL, PILOT, pickPilot } from "../../src/core/over-time/pilot";
import { OWNED_KEY, PILOTS_KEY } from "../../src/excel/settings";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { type StandIn } from "../../src/standin";
import { MID, END, twoPeriods, settingsOn, historyOf, historySheet, coreSnapshot } from "./dynamic-support";

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
    await book.run(async (context) => {
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
    await book.run(async (context) => {
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
  await book.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values,numberFormat");
    await context.sync();
    const rows = change(range.values.map((row: unknown[], i: number) => row.map((v, j): [unknown, string] => [v, String(range.numberFormat[i][j])])));
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

    await book.run(async (context) => {
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
