/**
 * The core's stages behind the whole-column functions' "most that fit" case (issue 12, docs/PERFORMANCE.md
 * "Whole-column formulas"): on bench-functions.ts's own transactions (4 rows per customer, dates over 700
 * days, seeded), the calibration summary and each model's fit, timed alone, in CPU ms, best of N, so a
 * change in the core can be measured without the custom-function path around it. Also how many distinct
 * (x, t_x, T) triples the data hold (what grouping the likelihood by triple can buy), for the bench data
 * for CDNOW's whole master file (23,570 customers, 69,659 rows: real data, which fit in 5 MB) and CDNOW's
 * published summary. Not a test.
 * Usage: npx esbuild scripts/bench-model-stages.ts --bundle --platform=node --format=cjs --outfile=dist-cli/bench/model-stages.cjs && node dist-cli/bench/model-stages.cjs [runs]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { calibrationSummary, type CalibrationSummary, type TimeUnit } from "../src/core/models/calibration";
import { fitBgNbd } from "../src/core/models/bgnbd";
import { fitParetoNbd } from "../src/core/models/paretonbd";
import { fitGammaGamma } from "../src/core/models/gammagamma";
import { readTransactions } from "../src/core/transactions/read";
import { serialFromParts } from "../src/core/cells/dates";
import { benchTransactions } from "./support/bench-transactions";
import { bestCpuMs } from "./support/cpu";

const RUNS = Number(process.argv[2] ?? 5);

/** Best CPU ms (user + system) of RUNS calls, rounded. */
const cpu = (run: () => unknown): number => Math.round(bestCpuMs(RUNS, run));

function triples(s: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> }): number {
  const keys = new Set<string>();
  for (let i = 0; i < s.x.length; i++) keys.add(`${s.x[i]},${s.tx[i]},${s.T[i]}`);
  return keys.size;
}

const lines = ["| data | customers | distinct (x, t_x, T) | summary | BG/NBD fit | Pareto/NBD fit | Gamma-Gamma fit |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"];
const row = (label: string, s: CalibrationSummary | { x: number[]; tx: number[]; T: number[] }, summaryMs: string, gg: boolean) => {
  const bg = cpu(() => fitBgNbd(s));
  const pareto = cpu(() => fitParetoNbd(s));
  const spend = gg && "zbar" in s ? `${cpu(() => fitGammaGamma(s.x, s.zbar))} ms` : "-";
  lines.push(`| ${label} | ${s.x.length} | ${triples(s)} | ${summaryMs} | ${bg} ms | ${pareto} ms | ${spend} |`);
  process.stderr.write(`${lines[lines.length - 1]}\n`);
};
// CLVPREDICT's and PALIVE's "most that fit" (171,469 and 313,881 rows), in weeks (the default) and days.
for (const rows of [171_469, 313_881]) {
  const tx = benchTransactions(rows);
  for (const unit of ["week", "day"] as TimeUnit[]) {
    const options = { unit, calibrationEnd: 44700 };
    const summaryMs = `${cpu(() => calibrationSummary(tx, options))} ms`;
    row(`bench ${rows.toLocaleString("en")} rows, ${unit}s`, calibrationSummary(tx, options), summaryMs, true);
  }
}
const shared = join(__dirname, "..", "..", "..", "shared", "data");
const master = readFileSync(join(shared, "CDNOW_master.txt"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.trim().split(/\s+/));
const cdnowTx = readTransactions({
  customers: master.map((f) => Number(f[0])),
  dates: master.map((f) => serialFromParts(Number(f[1].slice(0, 4)), Number(f[1].slice(4, 6)), Number(f[1].slice(6, 8)))),
  amounts: master.map((f) => Number(f[3])),
});
for (const unit of ["week", "day"] as TimeUnit[]) {
  const options = { unit };
  const summaryMs = `${cpu(() => calibrationSummary(cdnowTx, options))} ms`;
  row(`CDNOW master file (${master.length.toLocaleString("en")} rows), ${unit}s`, calibrationSummary(cdnowTx, options), summaryMs, true);
}
const cdnowRows = readFileSync(join(shared, "cdnow_customers_summary_with_transactions.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(",").map(Number));
row("CDNOW summary (weeks)", { x: cdnowRows.map((r) => r[1]), tx: cdnowRows.map((r) => r[2]), T: cdnowRows.map((r) => r[3]) }, "-", false);
process.stdout.write(`${lines.join("\n")}\n`);
