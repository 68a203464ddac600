/**
 * Figures for docs/PERFORMANCE.md "Membership levels" (issue 15 §1): computeLevels (src/core/over-time/levels.ts)
 * in process, the transactions already read, on CDNOW_master (69,659 rows, 23,570 customers, 18 month-end
 * reviews) and on the 1M-row file of `npm run bench` (1,048,576 rows, 104,021 customers, 24 reviews), with the
 * three-level spend policy of the replay test (entry 50/200/500, keep 30/150/400, W 12, V 12); the median of
 * --repeat runs after one warm-up. Prints JSON.
 * Run: npx esbuild scripts/bench-levels.ts --bundle --platform=node --outfile=.bench/levels.cjs && node .bench/levels.cjs [--repeat 7] [--file .bench/tx_1m.csv]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { computeLevels } from "../src/core/over-time/levels";
import { readTransactions } from "../src/core/transactions/read";
import type { Transactions } from "../src/core/transactions/model";
import { BENCH_POLICY } from "./support/level-policy";

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const repeat = Number(opt("--repeat", "7"));
const root = join(__dirname, "..");
const big = opt("--file", join(root, ".bench", "tx_1m.csv"));

const POLICY = BENCH_POLICY;

/** Whitespace- or comma-separated id, date, …, amount (the amount is the last field). */
function read(path: string, dateField: number, toIso: (s: string) => string): Transactions {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/).slice(1);
  const ids: string[] = [];
  const dates: string[] = [];
  const amounts: number[] = [];
  for (const line of lines) {
    const f = line.trim().split(/[\s,]+/);
    ids.push(f[0]);
    dates.push(toIso(f[dateField]));
    amounts.push(Number(f[f.length - 1]));
  }
  return readTransactions({ customers: ids, dates, amounts });
}

function time(tx: Transactions): { ms: number; customers: number; reviews: number; changes: number } {
  let last = -Infinity;
  for (let i = 0; i < tx.validRows; i++) if (tx.date[i] > last) last = tx.date[i];
  let result = computeLevels(tx, POLICY, Math.floor(last));
  const times: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const start = performance.now();
    result = computeLevels(tx, POLICY, Math.floor(last));
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(times.length / 2)] * 10) / 10, customers: result.customerIds.length, reviews: result.reviews.count, changes: result.changes.length };
}

const cdnow = read(join(root, "..", "shared", "data", "CDNOW_master.txt"), 1, (s) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);
const oneMillion = read(big, 1, (s) => s);
console.log(JSON.stringify({ node: process.version, repeat, cdnow_master: { rows: cdnow.validRows, ...time(cdnow) }, tx_1m: { rows: oneMillion.validRows, ...time(oneMillion) } }, null, 2));
