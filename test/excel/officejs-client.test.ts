/**
 * Every workbook job through Microsoft's own Office.js Excel client (excel-web-16.00.js, in Debian's headless
 * Chromium), answered from the stand-in by test/support/officejs: the bytes are those the client puts on the wire,
 * not the stand-in's estimate. At 100 customers here; the 100,000-customer table in docs/PERFORMANCE.md comes
 * from `npm run harness` (scripts/officejs-harness.ts), which runs the same list of jobs.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkbookPort } from "../../src/excel/jobs";
import { CHROMIUM, FIVE_MB, startHarness, type Harness } from "../support/officejs/harness";
import { JOBS, runAll, settingsOn, twoPeriodBook, type JobFigures } from "../support/officejs/scenarios";

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`officejs-client skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run does).`);

describe.runIf(haveChromium)("the workbook jobs through Microsoft's Office.js client", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(twoPeriodBook(10).book);
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  let figures: JobFigures[] = [];
  it("runs every job at 100 customers, each request under 5 MB, in the syncs docs/EXCEL.md promises", async () => {
    figures = await runAll(harness, 100);
    expect(figures.map((f) => f.job)).toEqual(JOBS.map((j) => j.name));
    for (const f of figures) {
      expect(f.errors, `${f.job}: no request refused`).toEqual([]);
      expect(f.largestRequest, `${f.job}: largest request`).toBeLessThan(FIVE_MB);
      expect(f.largestResponse, `${f.job}: largest response`).toBeLessThan(FIVE_MB);
      expect(f.requests, `${f.job} made round trips`).toBeGreaterThan(0);
      if (f.promised !== null) expect(f.syncs, `${f.job}: context.sync() round trips`).toBe(f.promised);
      // Excel.run releases the ranges it tracked in one more request, and only then.
      expect(f.requests - f.syncs, `${f.job}: cleanup requests`).toBeLessThanOrEqual(1);
    }
    expect(harness.pageErrors).toEqual([]);
    expect(harness.keptRanges, "Excel.run released every range it kept").toBe(0);
    const run = figures.find((f) => f.job === "run")!;
    // The result rows really crossed the wire: tens of kilobytes for 100 customers.
    expect(run.totalRequest).toBeGreaterThan(100 * 100);
  }, 60_000);

  it("leaves the same workbook as the jobs run on the stand-in directly", async () => {
    const n = 100;
    const wired = twoPeriodBook(n);
    const direct = twoPeriodBook(n);
    harness.use(wired.book);
    const settings = settingsOn("H1", wired.h1Rows, "2024-06-30");
    await harness.call("run", settings, { locale: "zh-CN" });
    await harness.call("buildChart", "pareto", "zh-CN");
    await harness.settle();
    const port = createWorkbookPort(direct.book.host);
    await port.run(settings, { locale: "zh-CN" });
    await port.buildChart("pareto", "zh-CN");

    const names = (book: typeof wired.book) => book.sheets().map((s) => [s.name, s.visibility]);
    expect(names(wired.book)).toEqual(names(direct.book));
    for (const { name } of direct.book.sheets()) {
      expect(wired.book.values(name), `values of ${name}`).toEqual(direct.book.values(name));
      expect(wired.book.numberFormats(name), `number formats of ${name}`).toEqual(direct.book.numberFormats(name));
    }
    expect(wired.book.tables()).toEqual(direct.book.tables());
    expect(wired.book.charts()).toEqual(direct.book.charts());
    expect(wired.book.pivots()).toEqual(direct.book.pivots());
    expect(wired.book.conditionalFormats()).toEqual(direct.book.conditionalFormats());
    // The ownership markers (hidden workbook names, src/excel/ownership.ts) crossed the wire as the direct run made them.
    expect(wired.book.names()).toEqual(direct.book.names());
    expect(wired.book.names().length).toBeGreaterThan(0);
    // The two runs happened at different moments: the snapshot's savedAt is the one field allowed to differ.
    const timeless = (book: typeof wired.book) => JSON.parse(JSON.stringify(book.settings()).replace(/"savedAt":"[^"]*"/g, '"savedAt":""'));
    expect(timeless(wired.book)).toEqual(timeless(direct.book));
  }, 60_000);

  it("reads the person's overrides table through the client as the stand-in does (issue 15 §2)", async () => {
    const n = 100;
    const wired = twoPeriodBook(n);
    const direct = twoPeriodBook(n);
    for (const { book } of [wired, direct]) {
      book.addSheet("Overrides", [["Customer", "Tier or level", "Reason", "Until"], ["customer-1", "A", "key account", ""], ["customer-2", "Gold", "", ""]]);
      book.addTable("Overrides", "A1:D3", "TieringOverrides");
    }
    harness.use(wired.book);
    const settings = settingsOn("H1", wired.h1Rows, "2024-06-30");
    const report = await harness.call("run", settings, { locale: "en" });
    await harness.settle();
    const expected = await createWorkbookPort(direct.book.host).run(settings, { locale: "en" });
    expect(report.overrides).toEqual(expected.overrides);
    expect(report.overrides).toMatchObject({ active: 1, problems: [{ cell: { sheet: "Overrides", address: "A3" } }] });
    expect(wired.book.tableRows("TieringResults")).toEqual(direct.book.tableRows("TieringResults"));
    expect(wired.book.values("Overrides")).toEqual(direct.book.values("Overrides"));
  }, 60_000);

  it("answers what the stand-in refuses as an Excel error the job reports, not as a silent success", async () => {
    const { book } = twoPeriodBook(10);
    harness.use(book);
    harness.reset();
    await expect(harness.call("previewSource", { kind: "range", sheet: "Nowhere", address: "A1:B2" }, true, "en")).rejects.toThrow(/Nowhere|no longer/);
    await harness.settle();
    expect(harness.records.length).toBeGreaterThan(0);
    expect(harness.records.some((r) => r.error === "ItemNotFound")).toBe(true);
  }, 30_000);
});
