/**
 * How many likelihood evaluations a BG/NBD fit takes, and its CPU time (issue 12, docs/PERFORMANCE.md
 * "Whole-column formulas"). Evaluations do not depend on the machine's load, which on a shared machine
 * moves CPU figures by ±30 %, so a change to the search (start, stopping rule) is judged by them; the
 * CPU time, best of N, judges a change to the cost of one evaluation. Data: CDNOW's published summary,
 * its master file in weeks and days, and bench-functions.ts's transactions at CLVPREDICT's and PALIVE's
 * "most that fit" (171,469 and 313,881 rows). Prints the fitted parameters so a change can be checked
 * against the last digits. Not a test.
 * Usage: npx esbuild scripts/bench-bgnbd-evals.ts --bundle --platform=node --format=cjs --outfile=dist-cli/bench/bgnbd-evals.cjs && node dist-cli/bench/bgnbd-evals.cjs [runs]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { calibrationSummary, type TimeUnit } from "../src/core/models/calibration";
import { BGNBD_SPEC } from "../src/core/models/bgnbd";
import { fitRepeatModel, type RepeatColumns } from "../src/core/models/fit";
import { readTransactions } from "../src/core/transactions/read";
import { serialFromParts } from "../src/core/cells/dates";
import { benchTransactions } from "./support/bench-transactions";
import { bestCpuMs } from "./support/cpu";

const RUNS = Number(process.argv[2] ?? 5);

let evaluations = 0;
const counted = {
  ...BGNBD_SPEC,
  meanNegative: (rows: RepeatColumns, counts: Float64Array, n: number) => {
    const f = BGNBD_SPEC.meanNegative(rows, counts, n);
    return (theta: Float64Array, grad: Float64Array) => {
      evaluations++;
      return f(theta, grad);
    };
  },
};

function measure(label: string, data: RepeatColumns): void {
  evaluations = 0;
  const fit = fitRepeatModel(data, counted);
  const evals = evaluations;
  const best = bestCpuMs(RUNS, () => fitRepeatModel(data, BGNBD_SPEC));
  const p = [fit.r, fit.alpha, fit.a, fit.b].map((v) => v.toPrecision(10)).join(", ");
  process.stdout.write(`| ${label} | ${data.x.length} | ${fit.iterations} | ${evals} | ${Math.round(best)} ms | ${p} | ${fit.logLikelihood.toFixed(6)} |\n`);
}

process.stdout.write("| data | customers | iterations | evaluations | CPU (best of " + RUNS + ") | r, α, a, b | LL |\n| --- | ---: | ---: | ---: | ---: | --- | ---: |\n");
const shared = join(__dirname, "..", "..", "..", "shared", "data");
const cdnowRows = readFileSync(join(shared, "cdnow_customers_summary_with_transactions.csv"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
measure("CDNOW summary (weeks)", { x: cdnowRows.map((r) => r[1]), tx: cdnowRows.map((r) => r[2]), T: cdnowRows.map((r) => r[3]) });
const master = readFileSync(join(shared, "CDNOW_master.txt"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.trim().split(/\s+/));
const cdnowTx = readTransactions({
  customers: master.map((f) => Number(f[0])),
  dates: master.map((f) => serialFromParts(Number(f[1].slice(0, 4)), Number(f[1].slice(4, 6)), Number(f[1].slice(6, 8)))),
  amounts: master.map((f) => Number(f[3])),
});
for (const unit of ["week", "day"] as TimeUnit[]) measure(`CDNOW master, ${unit}s`, calibrationSummary(cdnowTx, { unit }));
for (const rows of [171_469, 313_881]) {
  const tx = benchTransactions(rows);
  for (const unit of ["week", "day"] as TimeUnit[]) measure(`bench ${rows.toLocaleString("en")} rows, ${unit}s`, calibrationSummary(tx, { unit, calibrationEnd: 44700 }));
}
