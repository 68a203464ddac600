/**
 * Figures for docs/PERFORMANCE.md "Membership levels in the workbook" (issue 15 §1): the pane's Compute levels on
 * the stand-in with CDNOW_master's 18 months (69,659 rows, 23,570 customers; a three-level spend policy, W = V = 12)
 * and on a synthetic 100,000 customers (about 250,000 rows over 2024, scripts/support/rng.ts), first time and again
 * (replacing its three sheets), and the examples' read — each job's wall time, sync() calls, request and response
 * bytes (the largest of each), and the rows of the three sheets.
 * Run: npx esbuild scripts/bench-levels-job.ts --bundle --platform=node --outfile=.bench/levels-job.cjs && node .bench/levels-job.cjs
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createWorkbookPort } from "../src/excel/jobs";
import type { AnalysisSettings, LevelsSettings } from "../src/excel/port";
import { cdnowAllSheets, CDNOW_ALL } from "../src/preview/datasets";
import { createStandIn } from "../src/standin";
import { rng } from "./support/rng";

const POLICY: LevelsSettings = {
  levels: [
    { name: "银卡", entry: 100, keep: 80 },
    { name: "金卡", entry: 300, keep: 240 },
    { name: "铂金", entry: 1000, keep: 800 },
  ],
  metric: "spend",
  windowMonths: 12,
  validityMonths: 12,
};

function settingsOn(table: string): AnalysisSettings {
  return {
    source: { kind: "table", name: table },
    hasHeader: true,
    mapping: { customer: 0, date: 1, amount: 3, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 },
    asOf: null,
    rfm: { bins: 5, breakpoints: null, scheme: "rfm" },
    abc: null,
    clv: null,
    predict: null,
    score: null,
    summaryBy: "segment",
    strategies: {},
  };
}

async function measureBook(label: string, rows: unknown[][], table: string, figures: Record<string, unknown>) {
  const book = createStandIn();
  book.addSheet("Data", rows);
  book.addTable("Data", `A1:D${rows.length}`, table);
  const port = createWorkbookPort(book.host);
  const settings = settingsOn(table);
  const measure = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    book.resetSyncLog();
    const start = performance.now();
    const result = await work();
    const seconds = (performance.now() - start) / 1000;
    const log = book.syncLog();
    const mb = (n: number) => Math.round((n / 1048576) * 100) / 100;
    figures[`${label}: ${name}`] = {
      seconds: Math.round(seconds * 100) / 100,
      syncs: log.length,
      requestMB: mb(log.reduce((n, s) => n + s.requestBytes, 0)),
      largestRequestMB: mb(Math.max(...log.map((s) => s.requestBytes))),
      largestResponseMB: mb(Math.max(...log.map((s) => s.responseBytes))),
      ...(result && typeof result === "object" && "customers" in result ? { customers: (result as { customers: number }).customers } : {}),
      ...(result && typeof result === "object" && "changes" in result ? { changes: (result as { changes: number }).changes, warnings: (result as unknown as { warnings: number }).warnings } : {}),
    };
    return result;
  };
  await measure("levelExamples", () => port.levelExamples(settings, { metric: "spend", windowMonths: 12 }, "en"));
  await measure("writeLevels", () => port.writeLevels(settings, { policy: POLICY, asOf: null }, "en"));
  await measure("writeLevels again (replaces its 3 sheets)", () => port.writeLevels(settings, { policy: POLICY, asOf: null }, "en"));
}

/** 100,000 customers, 1 to 4 purchases each over 2024, amounts 5 to 600. */
function synthetic(customers: number): unknown[][] {
  const next = rng(15);
  const rows: unknown[][] = [["customer", "date", "n", "amount"]];
  for (let c = 1; c <= customers; c++) {
    const n = 1 + Math.floor(next() * 4);
    for (let k = 0; k < n; k++) rows.push([`C${c}`, 45292 + Math.floor(next() * 366), 1, Math.round((5 + next() * 595) * 100) / 100]);
  }
  return rows;
}

async function main() {
  const figures: Record<string, unknown> = {};
  const [sheet] = cdnowAllSheets(readFileSync(join(__dirname, "..", "..", "shared", "data", "CDNOW_master.txt"), "utf8"));
  await measureBook("CDNOW_master", sheet.rows, CDNOW_ALL.table, figures);
  await measureBook("100,000 customers", synthetic(100_000), "Synthetic", figures);
  console.log(JSON.stringify(figures, null, 2));
}

void main();
