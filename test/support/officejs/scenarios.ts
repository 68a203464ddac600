/**
 * Every workbook job the harness drives through Microsoft's client, in the order a person would use them, and
 * the workbook they run on. A job added to the port (src/excel/port.ts) gets a line here; the harness test and
 * scripts/officejs-harness.ts both take this list, so the table in docs/PERFORMANCE.md grows with it.
 * No vitest here: the script runs it outside the test runner.
 */
import { PREDICT_DEFAULTS } from "../../../src/core/analysis/predictions";
import { CHECK_SYNCS, HISTORY_READ_SYNCS, PILOT_WRITE_SYNCS, READ_SYNCS, SNAPSHOT_SYNCS, WRITE_SYNCS, WRITE_SYNCS_PREDICT } from "../../../src/excel/host";
import { MODEL_CHECK_WRITE_SYNCS } from "../../../src/excel/jobs/model-check";
import { LEVELS_WRITE_SYNCS } from "../../../src/excel/jobs/levels";
import { CHART_KINDS, type AnalysisSettings, type WorkbookPort } from "../../../src/excel/port";
import { createStandIn, type StandIn } from "../../../src/standin";
import type { Harness } from "./harness";

export const HEADER = ["Customer", "Date", "Amount", "Category", "Rating"];
const MAPPING = { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: 3, extra: 4, order: -1 };

/**
 * `n` customers with one purchase each in the first half of 2024 ("H1"), and in the year ("Year") about two thirds of
 * them again and some new ones: the two periods the dynamic jobs compare (as test/excel/dynamic-syncs.test.ts).
 */
export function twoPeriodBook(n: number): { book: StandIn; h1Rows: number; yearRows: number } {
  const categories = ["toys", "books", "garden"];
  const h1 = Array.from({ length: n }, (_, i) => [`customer-${i + 1}`, 45292 + (i % 180), 10 + (i % 997) * 1.37, categories[i % 3], 1 + (i % 5)]);
  const year = [...h1];
  for (let i = 0; i < n; i++) {
    if (i % 3 !== 0) year.push([`customer-${i + 1 + (i % 7 === 0 ? n : 0)}`, 45480 + (i % 170), 5 + (i % 389) * 2.11, categories[(i + 1) % 3], 1 + (i % 4)]);
  }
  const book = createStandIn();
  book.addSheet("H1", [HEADER, ...h1]);
  book.addSheet("Year", [HEADER, ...year]);
  return { book, h1Rows: h1.length, yearRows: year.length };
}

export function settingsOn(sheet: string, rows: number, asOf: string, overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return {
    source: { kind: "range", sheet, address: `A1:E${rows + 1}` },
    hasHeader: true,
    mapping: MAPPING,
    asOf,
    rfm: { bins: 5, breakpoints: null, scheme: "rfm" },
    abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" },
    clv: { margin: 0.3, retention: 0.8, discount: 0.1, years: 3 },
    predict: null,
    score: null,
    summaryBy: "abcClass",
    strategies: {},
    ...overrides,
  };
}

/** What one job passes to the next (the snapshots and the pilot it made). */
interface State {
  h1Rows: number;
  yearRows: number;
  before: string;
  after: string;
  pilot: string;
}

export interface Job {
  name: string;
  /** The round trips docs/EXCEL.md ("Sync budget") promises, whatever the size; null where it promises none. */
  syncs: number | null;
  work(call: Harness["call"], state: State): Promise<unknown>;
}

type Call = Harness["call"];
const snapshotId = (report: Awaited<ReturnType<WorkbookPort["run"]>>) => {
  if (!report.snapshot) throw new Error(`the run saved no snapshot: ${report.snapshotNote ?? "no note"}`);
  return report.snapshot.id;
};

export const JOBS: Job[] = [
  { name: "listTables", syncs: 1, work: (call) => call("listTables", "en") },
  { name: "previewSource", syncs: 2, work: (call, s) => call("previewSource", { kind: "range", sheet: "H1", address: `A1:E${s.h1Rows + 1}` }, true, "en") },
  { name: "saveSettings", syncs: 1, work: (call, s) => call("saveSettings", settingsOn("H1", s.h1Rows, "2024-06-30"), "en") },
  { name: "loadSettings", syncs: 1, work: (call) => call("loadSettings", "en") },
  {
    name: "run",
    syncs: 1 + READ_SYNCS + CHECK_SYNCS + WRITE_SYNCS + 1 + SNAPSHOT_SYNCS,
    work: async (call: Call, s) => (s.before = snapshotId(await call("run", settingsOn("H1", s.h1Rows, "2024-06-30"), { locale: "en" }))),
  },
  ...CHART_KINDS.map((kind): Job => ({ name: `buildChart ${kind}`, syncs: kind === "heatmap" ? 3 : 4, work: (call) => call("buildChart", kind, "en") })),
  {
    name: "run with predict",
    syncs: 1 + READ_SYNCS + CHECK_SYNCS + WRITE_SYNCS_PREDICT + 1 + SNAPSHOT_SYNCS,
    work: async (call: Call, s) =>
      (s.after = snapshotId(await call("run", settingsOn("Year", s.yearRows, "2024-12-31", { predict: { ...PREDICT_DEFAULTS } }), { locale: "en" }))),
  },
  { name: "listSnapshots", syncs: 1, work: (call) => call("listSnapshots", "en") },
  { name: "compareSnapshots", syncs: 1 + HISTORY_READ_SYNCS + 1 + 1, work: (call, s) => call("compareSnapshots", s.before, s.after, "en") },
  {
    name: "pickPilot",
    syncs: 1 + HISTORY_READ_SYNCS + 1 + PILOT_WRITE_SYNCS,
    work: async (call: Call, s) =>
      (s.pilot = (await call("pickPilot", { snapshotId: s.before, tier: "C", share: 0.5, controlShare: 0.5, seed: 1, strategy: "Call them" }, "en")).id),
  },
  { name: "listPilots", syncs: 1, work: (call) => call("listPilots", "en") },
  { name: "comparePilot", syncs: 1 + HISTORY_READ_SYNCS + 1, work: (call, s) => call("comparePilot", s.pilot, s.after, "en") },
  {
    name: "checkModel",
    syncs: 1 + READ_SYNCS + MODEL_CHECK_WRITE_SYNCS,
    work: (call, s) => call("checkModel", settingsOn("Year", s.yearRows, "2024-12-31"), { calibrationEnd: null, holdoutEnd: null, unit: "week", model: "bgnbd" }, "en"),
  },
  // Issue 15 §1: the examples' read, then the three level sheets (added: no check syncs).
  { name: "levelExamples", syncs: 1 + READ_SYNCS, work: (call, s) => call("levelExamples", settingsOn("Year", s.yearRows, "2024-12-31"), { metric: "spend", windowMonths: 12 }, "en") },
  {
    name: "writeLevels",
    syncs: 1 + READ_SYNCS + 3 + LEVELS_WRITE_SYNCS,
    work: (call, s) =>
      call(
        "writeLevels",
        settingsOn("Year", s.yearRows, "2024-12-31"),
        { policy: { levels: [{ name: "银卡", entry: 100, keep: 80 }, { name: "金卡", entry: 1000, keep: 800 }], metric: "spend", windowMonths: 12, validityMonths: 12 }, asOf: null },
        "en",
      ),
  },
  // People's overrides (issue 15 §2): the table found (none yet), added, then read by a run in the syncs it already makes.
  { name: "findOverridesTable", syncs: 1, work: (call) => call("findOverridesTable", "en") },
  { name: "addOverridesTable", syncs: 2, work: (call) => call("addOverridesTable", "zh-CN") },
  {
    name: "run with overrides",
    syncs: 1 + READ_SYNCS + CHECK_SYNCS + WRITE_SYNCS + 1 + SNAPSHOT_SYNCS,
    work: (call: Call, s) => call("run", settingsOn("H1", s.h1Rows, "2024-06-30"), { locale: "en" }),
  },
];

export interface JobFigures {
  job: string;
  customers: number;
  requests: number;
  /** Requests that are our own context.sync() calls (the requests less Excel.run's release of tracked ranges). */
  syncs: number;
  promised: number | null;
  largestRequest: number;
  largestResponse: number;
  totalRequest: number;
  totalResponse: number;
  errors: string[];
  ms: number;
}

/** Runs every job on a fresh two-period book of `n` customers through the harness; one figure line per job. */
export async function runAll(harness: Harness, n: number, onJob?: (figures: JobFigures) => void): Promise<JobFigures[]> {
  const { book, h1Rows, yearRows } = twoPeriodBook(n);
  harness.use(book);
  const state: State = { h1Rows, yearRows, before: "", after: "", pilot: "" };
  const out: JobFigures[] = [];
  for (const job of JOBS) {
    harness.reset();
    const start = performance.now();
    await job.work(harness.call, state);
    const ms = performance.now() - start;
    await harness.settle(); // Excel.run's release of tracked ranges may still be on its way
    const records = harness.records;
    const figures: JobFigures = {
      job: job.name,
      customers: n,
      requests: records.length,
      syncs: records.filter((r) => !r.cleanup).length,
      promised: job.syncs,
      largestRequest: Math.max(0, ...records.map((r) => r.requestBytes)),
      largestResponse: Math.max(0, ...records.map((r) => r.responseBytes)),
      totalRequest: records.reduce((a, r) => a + r.requestBytes, 0),
      totalResponse: records.reduce((a, r) => a + r.responseBytes, 0),
      errors: records.flatMap((r) => (r.error ? [r.error] : [])),
      ms,
    };
    out.push(figures);
    onJob?.(figures);
  }
  return out;
}
