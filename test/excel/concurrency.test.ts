/**
 * Jobs asked for at the same time (the pane's Run and a pilot, a comparison, the ribbon's chart): the port runs
 * them one after another, so none loses another's settings (owned sheets, the history's index, the pilots).
 */
import { describe, expect, it } from "vitest";
import type { ExcelHost } from "../../src/excel/host";
import type { AnalysisSettings } from "../../src/excel/port";
import { OWNED_KEY, PILOTS_KEY } from "../../src/excel/settings";
import { createWorkbookPort } from "../../src/excel/jobs";
import { en } from "../../src/i18n/en";
import { createStandIn } from "../../src/standin";
import { settingsFor, transactions } from "./helpers";

const HEADER = ["Customer", "Date", "Amount", "Category", "Rating"];

function book() {
  const year = transactions(120, 5);
  const h1 = year.filter((r) => (r[1] as number) <= 45473);
  const standIn = createStandIn();
  standIn.addSheet("H1", [HEADER, ...h1]);
  standIn.addSheet("Year", [HEADER, ...year]);
  const on = (sheet: string, rows: unknown[][], asOf: string, overrides: Partial<AnalysisSettings> = {}) =>
    settingsFor(rows.length, { source: { kind: "range", sheet, address: `A1:E${rows.length + 1}` }, asOf, ...overrides });
  return { standIn, port: createWorkbookPort(standIn.host), h1: on("H1", h1, "2024-06-30"), year: on("Year", year, "2024-12-31") };
}

const ownedNames = (standIn: ReturnType<typeof createStandIn>) => {
  const owned = standIn.settings()[OWNED_KEY] as string[];
  return standIn.sheets().filter((s) => owned.includes(s.id)).map((s) => s.name);
};

describe("jobs asked for together run one at a time", () => {
  it("a pilot picked while a run of the same date starts: the pilot's snapshot is kept, and every sheet stays owned", async () => {
    const { standIn, port, h1 } = book();
    const first = (await port.run(h1, { locale: "en" })).snapshot!;
    const pick = port.pickPilot({ snapshotId: first.id, tier: "C", share: 0.2, controlShare: 0.2, seed: 1, strategy: "Call" }, "en");
    const run = port.run(h1, { locale: "en" });
    const [pilot, report] = await Promise.all([pick, run]);
    // The run saw the pilot: both snapshots stay.
    expect(report.snapshot!.id).toBe("S2");
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual(["S1", "S2"]);
    expect((await port.listPilots()).map((p) => [p.id, p.snapshotId])).toEqual([[pilot.id, "S1"]]);
    expect(ownedNames(standIn)).toEqual(expect.arrayContaining([en.workbook.history.sheet, "Tiers", "Tier Summary", "Pilot"]));
  });

  it("a pilot asked for after a same-date run started waits for it, and then says its snapshot was replaced", async () => {
    const { standIn, port, h1 } = book();
    const first = (await port.run(h1, { locale: "en" })).snapshot!;
    const run = port.run(h1, { locale: "en" });
    const pick = port.pickPilot({ snapshotId: first.id, tier: "C", share: 0.2, controlShare: 0.2, seed: 1, strategy: "Call" }, "en");
    await expect(pick).rejects.toThrow(en.workbook.migration.errors.unknownSnapshot(first.id));
    expect((await run).snapshot!.id).toBe("S2");
    // No pilot names a snapshot the history no longer has.
    expect(standIn.settings()[PILOTS_KEY]).toBeUndefined();
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual(["S2"]);
  });

  it("a comparison asked for during a run: the migration sheet and the run's sheets are all owned", async () => {
    const { standIn, port, h1, year } = book();
    const before = (await port.run(h1, { locale: "en" })).snapshot!;
    const after = (await port.run(year, { locale: "en" })).snapshot!;
    const run = port.run({ ...year, summaryBy: "segment" }, { locale: "en" });
    const compare = port.compareSnapshots(before.id, after.id, "en");
    await Promise.all([run, compare]);
    expect(ownedNames(standIn)).toEqual(expect.arrayContaining([en.workbook.history.sheet, "Tiers", "Tier Summary", en.workbook.migration.sheet]));
    // Compared again: its own sheet is replaced, not doubled.
    await port.compareSnapshots(before.id, after.id, "en");
    expect(standIn.sheets().filter((s) => s.name.startsWith(en.workbook.migration.sheet)).map((s) => s.name)).toEqual([en.workbook.migration.sheet]);
  });

  it("ports over the same host (the pane's and the ribbon's) never run two batches at once, and run them in the order asked", async () => {
    const { standIn, h1, year } = book();
    let running = 0;
    let most = 0;
    const order: string[] = [];
    // One `run` function, as officeHost() gives every bundle the same host; two host objects, as two ports hold.
    const run = (async (batch: (context: Excel.RequestContext) => Promise<unknown>) => {
      running++;
      most = Math.max(most, running);
      try {
        return await standIn.host.run(batch);
      } finally {
        running--;
      }
    }) as ExcelHost["run"];
    const pane = createWorkbookPort({ run, isSetSupported: standIn.host.isSetSupported });
    const ribbon = createWorkbookPort({ run, isSetSupported: standIn.host.isSetSupported });
    await pane.run(h1, { locale: "en" });
    const tag = <T>(name: string, job: Promise<T>) => job.then((value) => (order.push(name), value));
    const [, lastChart, list, pie, second] = await Promise.all([
      tag("run", pane.run(year, { locale: "en" })),
      tag("chart", ribbon.buildLastChart("en")),
      tag("list", pane.listSnapshots("en")),
      tag("pie", ribbon.buildChart("pie", "en")),
      tag("run again", pane.run({ ...year, summaryBy: "segment" }, { locale: "en" })),
    ]);
    expect(most).toBe(1);
    expect(order).toEqual(["run", "chart", "list", "pie", "run again"]);
    // Each job saw the workbook as the jobs before it left it.
    expect(list.map((s) => s.id)).toEqual(["S1", "S2"]);
    expect(lastChart.sheet).toBe("Tier Summary");
    expect(pie.sheet).toBe("Tier Summary");
    expect(second.snapshot!.id).toBe("S3");
    expect(ownedNames(standIn)).toEqual(expect.arrayContaining([en.workbook.history.sheet, "Tiers", "Tier Summary"]));
  });

  it("a job that fails does not stop the ones queued after it", async () => {
    const { port, h1 } = book();
    const failing = port.compareSnapshots("S1", "S2", "en");
    const run = port.run(h1, { locale: "en" });
    await expect(failing).rejects.toThrow(en.workbook.history.gone);
    expect((await run).snapshot!.id).toBe("S1");
  });
});
