/**
 * Figures for docs/PERFORMANCE.md "Overrides of levels" (issue 15 §1 × §2): what people's overrides add to
 * computeLevels on CDNOW_master (69,659 rows, 23,570 customers; the three-level spend policy of the replay test):
 * reading a table of N overrides (readOverrides against the policy's names, N of 100, 1,000 and 23,570: every
 * customer, a quarter of them expired) and applying it (withLevelOverrides: final levels, the "override" rows merged
 * into the history, the warnings); the median of --repeat runs after one warm-up, beside computeLevels itself.
 * Prints JSON.
 * Run: npx esbuild scripts/bench-level-overrides.ts --bundle --platform=node --outfile=.bench/level-overrides.cjs && node .bench/level-overrides.cjs [--repeat 7]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { levelVocabulary, withLevelOverrides } from "../src/core/over-time/level-overrides";
import { computeLevels } from "../src/core/over-time/levels";
import { readOverrides } from "../src/core/tiers/overrides";
import { readTransactions } from "../src/core/transactions/read";
import { BENCH_POLICY } from "./support/level-policy";

const args = process.argv.slice(2);
const repeat = Number(args.includes("--repeat") ? args[args.indexOf("--repeat") + 1] : "7");
const POLICY = BENCH_POLICY;

const lines = readFileSync(join(__dirname, "..", "..", "shared", "data", "CDNOW_master.txt"), "utf8").trim().split(/\r?\n/).slice(1);
const ids: string[] = [];
const dates: string[] = [];
const amounts: number[] = [];
for (const line of lines) {
  const f = line.trim().split(/\s+/);
  ids.push(f[0]);
  dates.push(`${f[1].slice(0, 4)}-${f[1].slice(4, 6)}-${f[1].slice(6, 8)}`);
  amounts.push(Number(f[3]));
}
const tx = readTransactions({ customers: ids, dates, amounts });
const asOf = Math.floor(Math.max(...Array.from(tx.date.subarray(0, tx.validRows))));
const median = (f: () => void) => {
  f();
  const t: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return Math.round(t[Math.floor(t.length / 2)] * 100) / 100;
};
const result = computeLevels(tx, POLICY, asOf);
const out: Record<string, unknown> = { customers: result.customerIds.length, computeLevelsMs: median(() => computeLevels(tx, POLICY, asOf)) };
const vocabulary = levelVocabulary(POLICY.levels);
for (const n of [100, 1000, result.customerIds.length]) {
  const step = result.customerIds.length / n;
  const rows = Array.from({ length: n }, (_, k) => result.customerIds[Math.floor(k * step)]);
  const table = {
    customers: rows,
    tiers: rows.map((_, k) => POLICY.levels[k % 3].name),
    reasons: rows.map(() => "account manager"),
    untils: rows.map((_, k) => (k % 4 === 0 ? asOf - 1 : asOf + 90)),
  };
  let active = 0;
  const readMs = median(() => void readOverrides(table, vocabulary));
  const overrides = readOverrides(table, vocabulary);
  const applyMs = median(() => {
    active = withLevelOverrides(result, overrides).applied.active;
  });
  out[`overrides${n}`] = { readMs, applyMs, active };
}
console.log(JSON.stringify(out, null, 2));
