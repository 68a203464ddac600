/**
 * The round trips each dynamic job (compare, pick, compare a pilot) takes for 100 and 100,000 customers.
 */
import { describe, expect, it } from "vitest";
import { HISTORY_READ_SYNCS, PILOT_WRITE_SYNCS, READ_SYNCS, SNAPSHOT_SYNCS } from "../../src/excel/host";
import { MOVERS_WRITE_SYNCS } from "../../src/excel/jobs/movers";
import { createWorkbookPort } from "../../src/excel/jobs";
import { createStandIn } from "../../src/standin";
import { expectSyncsUnderLimit } from "./helpers";
import { HEADER, settingsOn } from "./dynamic-support";

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

  it("rebuild history, Movers, its filter, Tier trends and Cohorts take the same number of sync() calls for 100 and 10,000 customers, each under 5 MB", async () => {
    const counts: Record<string, number[]> = { rebuild: [], movers: [], filter: [], trends: [], cohorts: [] };
    for (const n of [100, 10_000]) {
      const { year } = periods(n);
      const book = createStandIn();
      book.addSheet("Year", [HEADER, ...year]);
      const port = createWorkbookPort(book.host);
      const settings = settingsOn("Year", year.length, "2024-12-31", { mapping, asOf: null });
      const measure = async (job: string, work: () => Promise<unknown>) => {
        book.resetSyncLog();
        await work();
        counts[job].push(book.syncLog().length);
        expectSyncsUnderLimit(book.syncLog());
      };
      let ids: string[] = [];
      await measure("rebuild", async () => (ids = (await port.rebuildHistory(settings, { every: "month", from: "2024-07-01", to: "2024-12-31", freezeAt: null }, { locale: "en" })).snapshots.map((s) => s.id)));
      expect(ids.length).toBe(6);
      await measure("movers", () => port.writeMovers(ids[0], ids[5], "en"));
      await measure("filter", () => port.filterMovers("A", "C", "en"));
      await measure("trends", () => port.writeTrends("en"));
      await measure("cohorts", () => port.writeCohorts(settings, { by: "month", measure: "customers" }, "en"));
    }
    // A run's read, the history sheet added and the tables' names, then the rows of every snapshot together.
    expect(counts.rebuild[0]).toBe(1 + READ_SYNCS + 1 + 1 + SNAPSHOT_SYNCS);
    expect(counts.movers[0]).toBe(1 + HISTORY_READ_SYNCS + 1 + MOVERS_WRITE_SYNCS);
    expect(counts.filter[0]).toBe(4);
    expect(counts.trends[0]).toBe(1 + HISTORY_READ_SYNCS + 2);
    expect(counts.cohorts[0]).toBe(1 + READ_SYNCS + 2);
    console.info("over-time sync counts (100, 10,000 customers):", JSON.stringify(counts));
    for (const job of Object.keys(counts)) expect(counts[job][1]).toBe(counts[job][0]);
  }, 60_000);
});
