/**
 * In-process timings of each stage on a transactions CSV (customer_id,date,amount), the median of
 * `repeat` runs. Whole-process comparisons with the pandas peer are made by scripts/bench.mjs.
 *   fast_read       bytes → typed columns, the path `tier rfm` takes for unquoted files
 *   csv_parse       the general CSV parser (uDSV) to string columns, for quoted files
 *   coercion        string columns → typed columns (readTransactions: what the add-in does with cells)
 *   summary, rfm (scores + segments), abc (on customers' totals), core_rfm_abc (the three together)
 *   clv_summary (calibration summary, days), bgnbd_fit, gamma_gamma_fit, clv_predict (P(alive), 12-month
 *   expectations and discounted CLV for every customer), clv_models (the four together)
 *   cdnow_fit: BG/NBD + Gamma-Gamma on ../shared/data's CDNOW summary (2,357 customers)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fitBgNbd } from "../core/bgnbd";
import { calibrationSummary } from "../core/calibration";
import { fitGammaGamma } from "../core/gammagamma";
import { predictCustomers } from "../core/predict";
import { classifyAbc } from "../core/abc";
import { readTransactions } from "../core/input";
import { scoreCustomers } from "../core/rfm";
import { segmentCustomers } from "../core/segments";
import { summarizeCustomers } from "../core/summary";
import { parseCsv } from "./csv";
import { readTransactionsCsv } from "./transactions-csv";

/** ../shared/data's CDNOW summary (x, t_x, T, zbar), when it is there (the bench runs from the repository root). */
function readCdnowSummary() {
  const file = join(process.cwd(), "..", "shared", "data", "cdnow_customers_summary_with_transactions.csv");
  if (!existsSync(file)) return null;
  const rows = readFileSync(file, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
  const col = (k: number) => Float64Array.from(rows, (r) => r[k]);
  return { x: col(1), tx: col(2), T: col(3), zbar: col(4) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(samples: number[], body: () => T): T {
  const t0 = performance.now();
  const result = body();
  samples.push(performance.now() - t0);
  return result;
}

export function runBench(file = ".bench/tx_1m.csv", rows?: number, repeat = 5) {
  const stages = {
    fast_read: [] as number[],
    csv_parse: [] as number[],
    coercion: [] as number[],
    summary: [] as number[],
    rfm: [] as number[],
    abc: [] as number[],
    core_rfm_abc: [] as number[],
    clv_summary: [] as number[],
    bgnbd_fit: [] as number[],
    gamma_gamma_fit: [] as number[],
    clv_predict: [] as number[],
    clv_models: [] as number[],
    cdnow_fit: [] as number[],
  };
  const cdnow = readCdnowSummary();
  let info = { rows: 0, customers: 0, problems: 0 };
  const bytes = readFileSync(file);
  const text = bytes.toString("utf8");
  let transactions: ReturnType<typeof readTransactions> | null = null;
  for (let run = 0; run < repeat; run++) {
    const fast = time(stages.fast_read, () => readTransactionsCsv(bytes, { customer: 0, date: 1, amount: 2 }));
    const table = time(stages.csv_parse, () => parseCsv(text));
    const n = Math.min(rows ?? table.rows, table.rows);
    const [customers, dates, amounts] = ["customer_id", "date", "amount"].map((name) => table.columns[table.header.indexOf(name)].slice(0, n));
    const tx = time(stages.coercion, () => readTransactions({ customers, dates, amounts }));
    if (fast && rows === undefined && fast.validRows !== tx.validRows) throw new Error("fast and general readers disagree");
    const t0 = performance.now();
    const summary = time(stages.summary, () => summarizeCustomers(tx));
    time(stages.rfm, () => segmentCustomers(scoreCustomers(summary), "rfm"));
    time(stages.abc, () => classifyAbc(summary.totalAmount));
    stages.core_rfm_abc.push(performance.now() - t0);
    info = { rows: tx.validRows, customers: summary.customerIds.length, problems: tx.problems.count };
    transactions = tx;
  }
  // The models in their own loop, so that their allocations do not land in the readers' timings.
  for (let run = 0; run < repeat && transactions; run++) {
    const tx = transactions;
    const t1 = performance.now();
    const calibration = time(stages.clv_summary, () => calibrationSummary(tx, { unit: "day" }));
    const bgnbd = time(stages.bgnbd_fit, () => fitBgNbd(calibration));
    const spend = time(stages.gamma_gamma_fit, () => fitGammaGamma(calibration.x, calibration.zbar));
    time(stages.clv_predict, () => predictCustomers(bgnbd, spend, calibration, { unit: "day", horizon: 365.25, clvMonths: 12, monthlyDiscount: 0.01 }));
    stages.clv_models.push(performance.now() - t1);
    if (cdnow) time(stages.cdnow_fit, () => [fitBgNbd(cdnow), fitGammaGamma(cdnow.x, cdnow.zbar)]);
  }
  return {
    file,
    ...info,
    repeat,
    node: process.version,
    milliseconds: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(median(v) * 10) / 10])),
  };
}
