/**
 * Figures for docs/PERFORMANCE.md "Over time in the workbook" (issue 14): the pane's jobs on the stand-in with
 * CDNOW_master's 18 months (69,659 rows, 23,570 customers) — Rebuild history at every month-end (18 snapshots,
 * 424,260 history rows), Movers between the last two (and again with Predict on: P(alive) and CLV as of the later
 * month), its filter, Tier trends over the 18, Cohorts by month (and split by first tier) — each
 * job's wall time, sync() calls, request and response bytes (the largest of each).
 * Run: npx esbuild scripts/bench-over-time.ts --bundle --platform=node --outfile=.bench/over-time.cjs && node .bench/over-time.cjs
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PREDICT_DEFAULTS } from "../src/core/analysis/predictions";
import { createWorkbookPort } from "../src/excel/jobs";
import type { AnalysisSettings } from "../src/excel/port";
import { cdnowAllSheets, CDNOW_ALL } from "../src/preview/datasets";
import { createStandIn } from "../src/standin";

async function main() {
  const text = readFileSync(join(__dirname, "..", "..", "shared", "data", "CDNOW_master.txt"), "utf8");
  const [sheet] = cdnowAllSheets(text);
  const book = createStandIn();
  book.addSheet(sheet.sheet, sheet.rows);
  book.addTable(sheet.sheet, `A1:D${sheet.rows.length}`, CDNOW_ALL.table);
  const port = createWorkbookPort(book.host);
  const settings: AnalysisSettings = {
    source: { kind: "table", name: CDNOW_ALL.table },
    hasHeader: true,
    mapping: { customer: 0, date: 1, amount: 3, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 },
    asOf: null,
    rfm: { bins: 5, breakpoints: null, scheme: "rfm" },
    abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" },
    clv: null,
    predict: null,
    score: null,
    summaryBy: "abcClass",
    strategies: {},
  };
  const figures: Record<string, unknown> = {};
  const measure = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    book.resetSyncLog();
    const start = performance.now();
    const result = await work();
    const seconds = (performance.now() - start) / 1000;
    const log = book.syncLog();
    const mb = (n: number) => Math.round((n / 1048576) * 100) / 100;
    figures[name] = {
      seconds: Math.round(seconds * 100) / 100,
      syncs: log.length,
      requestMB: mb(log.reduce((n, s) => n + s.requestBytes, 0)),
      largestRequestMB: mb(Math.max(...log.map((s) => s.requestBytes))),
      largestResponseMB: mb(Math.max(...log.map((s) => s.responseBytes))),
    };
    return result;
  };
  const rebuilt = await measure("rebuildHistory (18 month-ends)", () => port.rebuildHistory(settings, { every: "month", from: null, to: null, freezeAt: null }, { locale: "en" }));
  const ids = rebuilt.snapshots.map((s) => s.id);
  await measure("writeMovers (last two)", () => port.writeMovers(ids.at(-2)!, ids.at(-1)!, "en"));
  await measure("filterMovers (was A, now B)", () => port.filterMovers("A", "B", "en"));
  await measure("writeTrends (18 snapshots)", () => port.writeTrends("en"));
  await measure("writeCohorts (by month)", () => port.writeCohorts(settings, { by: "month", measure: "customers" }, "en"));
  await measure("writeMovers with Predict (last two)", () => port.writeMovers(ids.at(-2)!, ids.at(-1)!, "en", { ...settings, predict: PREDICT_DEFAULTS }));
  await measure("writeCohorts split by first tier", () => port.writeCohorts(settings, { by: "month", measure: "customers", firstTier: true }, "en"));
  await measure("rebuildHistory again (replaces 18)", () => port.rebuildHistory(settings, { every: "month", from: null, to: null, freezeAt: null }, { locale: "en" }));
  console.log(JSON.stringify({ snapshots: ids.length, historyRows: rebuilt.snapshots.reduce((n, s) => n + s.customers, 0), figures }, null, 2));
}

void main();
