/**
 * In-process timings of each stage on a transactions CSV (customer_id,date,amount), the median of
 * `repeat` runs. Whole-process comparisons with the pandas peer are made by scripts/bench.mjs.
 *   fast_read       bytes → typed columns, the path `tier rfm` takes for unquoted files
 *   csv_parse       the general CSV parser (uDSV) to string columns, for quoted files
 *   coercion        string columns → typed columns (readTransactions: what the add-in does with cells)
 *   summary, rfm (scores + segments), abc (on customers' totals), core_rfm_abc (the three together)
 */
import { readFileSync } from "node:fs";
import { classifyAbc } from "../core/abc";
import { readTransactions } from "../core/input";
import { scoreCustomers } from "../core/rfm";
import { segmentCustomers } from "../core/segments";
import { summarizeCustomers } from "../core/summary";
import { parseCsv } from "./csv";
import { readTransactionsCsv } from "./transactions-csv";

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
  };
  let info = { rows: 0, customers: 0, problems: 0 };
  const bytes = readFileSync(file);
  const text = bytes.toString("utf8");
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
  }
  return {
    file,
    ...info,
    repeat,
    node: process.version,
    milliseconds: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(median(v) * 10) / 10])),
  };
}
