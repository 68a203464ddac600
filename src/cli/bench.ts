/**
 * In-process timings of each stage on a transactions CSV (customer_id,date,amount), the median of
 * `repeat` runs. Whole-process comparisons with the pandas peer are made by scripts/bench.mjs.
 */
import { classifyAbc } from "../core/abc";
import { readTransactions } from "../core/input";
import { scoreCustomers } from "../core/rfm";
import { segmentCustomers } from "../core/segments";
import { summarizeCustomers } from "../core/summary";
import { readCsvFile } from "./csv";

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
  const stages = { csv_parse: [] as number[], coercion: [] as number[], summary: [] as number[], rfm: [] as number[], abc: [] as number[], core_rfm_abc: [] as number[] };
  let info = { rows: 0, customers: 0, problems: 0 };
  for (let run = 0; run < repeat; run++) {
    const table = time(stages.csv_parse, () => readCsvFile(file));
    const n = Math.min(rows ?? table.rows, table.rows);
    const [customers, dates, amounts] = ["customer_id", "date", "amount"].map((name) => table.columns[table.header.indexOf(name)].slice(0, n));
    const tx = time(stages.coercion, () => readTransactions({ customers, dates, amounts }));
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
