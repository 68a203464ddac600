/**
 * A Run (RFM, ABC, CLV and Predict) in the browser preview on all 541,909 rows of ../shared/data/online_retail.csv
 * (`preview.html?data=retail-full`): the preview built as `npm start` builds it (development mode), served locally,
 * opened in Debian's headless Chromium, and the pane's own call (`port.run`) made on the stand-in workbook there.
 * Prints the time to load the file, the run's time and syncs, the largest request and response, and what the run
 * reports (rows read and used, customers, predictions), as JSON, for docs/PERFORMANCE.md. A script, not a test:
 * it takes minutes. Run by scripts/preview-full-run.mjs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack from "webpack";
import { PREDICT_DEFAULTS } from "../src/core/analysis/predictions";
import type { AnalysisSettings, RunReport } from "../src/excel/port";
import { serve } from "../test/e2e/support/preview-server";

const ROOT = resolve(__dirname, "..");
const CHROMIUM = "/usr/bin/chromium";

/** The columns of online_retail.csv: InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country. */
const SETTINGS: AnalysisSettings = {
  source: { kind: "table", name: "OnlineRetail" },
  hasHeader: true,
  // amount = Quantity × UnitPrice (the pane's "amount as unit price"), orders by invoice number.
  mapping: { customer: 6, date: 4, amount: 5, quantity: 3, margin: -1, category: -1, extra: -1, order: 0 },
  asOf: null,
  rfm: { bins: 5, breakpoints: null, scheme: "rfm" },
  abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" },
  clv: { margin: 0.3, retention: 0.8, discount: 0.1, years: 3 },
  predict: { ...PREDICT_DEFAULTS },
  score: null,
  summaryBy: "abcClass",
  strategies: {},
};

async function build(dir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, "webpack.config.js"));
  const config = await makeConfig({ TIERING_PREVIEW_ONLY: true, TIERING_PREVIEW_FULL: true }, { mode: "development" });
  config.context = ROOT;
  config.output = { ...config.output, path: dir };
  config.devtool = false;
  config.stats = "errors-only";
  config.infrastructureLogging = { level: "error" };
  await new Promise<void>((done, fail) =>
    webpack(config, (error, stats) => (error ? fail(error) : stats?.hasErrors() ? fail(new Error(stats.toString("errors-only"))) : done())),
  );
}

export async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "tiering-preview-full-"));
  const say = (text: string) => process.stderr.write(`preview-full-run: ${text}\n`);
  try {
    say("building the preview …");
    await build(dir);
    const { url, server } = await serve(dir);
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-background-networking", "--js-flags=--max-old-space-size=6144"] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      say("loading 541,909 rows into the stand-in …");
      const loadStart = Date.now();
      await page.goto(`${url}preview.html?data=retail-full&lang=en`);
      await page.waitForFunction(() => window.tieringPreview?.ready === true, null, { timeout: 15 * 60_000 });
      const loadSeconds = (Date.now() - loadStart) / 1000;
      const loadError = await page.evaluate(() => window.tieringPreview!.error);
      if (loadError) throw new Error(`the preview could not load the data: ${loadError}`);
      say(`loaded in ${loadSeconds.toFixed(1)} s; running …`);
      page.setDefaultTimeout(30 * 60_000);
      const outcome = await page.evaluate(async (settings) => {
        const { book, port } = window.tieringPreview!;
        const rows = book.tableRows("OnlineRetail").length;
        book.resetSyncLog();
        const start = performance.now();
        const report: RunReport = await port.run(settings, { locale: "en" });
        const ms = performance.now() - start;
        const log = book.syncLog();
        return {
          rows,
          ms,
          syncs: log.length,
          failedSyncs: log.filter((s) => s.error).length,
          largestRequest: Math.max(...log.map((s) => s.requestBytes)),
          largestResponse: Math.max(...log.map((s) => s.responseBytes)),
          quality: report.quality,
          customers: report.customers,
          tiers: report.tiers,
          sheets: report.sheets,
          predictNote: report.predictNote ?? null,
          snapshot: report.snapshot ? { customers: report.snapshot.customers } : null,
          snapshotNote: report.snapshotNote ?? null,
        };
      }, SETTINGS);
      const result = { data: "../shared/data/online_retail.csv", build: "development (as npm start)", loadSeconds, runSeconds: outcome.ms / 1000, ...outcome, pageErrors: errors };
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      const ok = outcome.rows === 541_909 && outcome.failedSyncs === 0 && errors.length === 0 && outcome.snapshot !== null;
      if (!ok) say("the run did not complete cleanly (see the JSON above)");
      return ok ? 0 : 1;
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
