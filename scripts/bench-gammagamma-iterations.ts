/**
 * How many iterations a Gamma-Gamma fit takes, and its CPU time (issue 12, docs/PERFORMANCE.md "Eighth pass"): the
 * companion of bench-bgnbd-evals.ts. Iterations do not depend on the machine's load, so a change to the start or
 * the search is judged by them; the CPU time, best of N, judges a change to the cost of one evaluation. Data:
 * CDNOW's published summary (x, z̄), its master file in weeks, and bench-functions.ts's transactions at
 * CLVPREDICT's and PALIVE's "most that fit" (171,469 and 313,881 rows). Prints the fitted p, q, v, the limits
 * and the log-likelihood so that a change can be checked against the last digits. Not a test.
 * Usage: npx esbuild scripts/bench-gammagamma-iterations.ts --bundle --platform=node --format=cjs --outfile=dist-cli/bench/gg-iterations.cjs && node dist-cli/bench/gg-iterations.cjs [runs]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { calibrationSummary } from "../src/core/models/calibration";
import { fitGammaGamma } from "../src/core/models/gammagamma";
import { readTransactions } from "../src/core/transactions/read";
import { serialFromParts } from "../src/core/cells/dates";
import { benchTransactions } from "./support/bench-transactions";
import { bestCpuMs } from "./support/cpu";

const RUNS = Number(process.argv[2] ?? 5);

function measure(label: string, x: ArrayLike<number>, zbar: ArrayLike<number>): void {
  const fit = fitGammaGamma(x, zbar);
  const best = bestCpuMs(RUNS, () => fitGammaGamma(x, zbar));
  const p = [fit.p, fit.q, fit.v].map((v) => v.toPrecision(10)).join(", ");
  process.stdout.write(`| ${label} | ${fit.customers} | ${fit.iterations} | ${best.toFixed(1)} ms | ${p} | ${fit.limits.join(", ")} | ${fit.logLikelihood.toFixed(6)} |\n`);
}

process.stdout.write(`| data | repeat customers | iterations | CPU (best of ${RUNS}) | p, q, v | limits | LL |\n| --- | ---: | ---: | ---: | --- | --- | ---: |\n`);
const shared = join(__dirname, "..", "..", "..", "shared", "data");
const summary = readFileSync(join(shared, "cdnow_customers_summary_with_transactions.csv"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
measure("CDNOW summary", summary.map((r) => r[1]), summary.map((r) => r[4]));
const master = readFileSync(join(shared, "CDNOW_master.txt"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.trim().split(/\s+/));
const cdnowTx = readTransactions({
  customers: master.map((f) => Number(f[0])),
  dates: master.map((f) => serialFromParts(Number(f[1].slice(0, 4)), Number(f[1].slice(4, 6)), Number(f[1].slice(6, 8)))),
  amounts: master.map((f) => Number(f[3])),
});
const cdnow = calibrationSummary(cdnowTx, { unit: "week" });
measure("CDNOW master", cdnow.x, cdnow.zbar);
for (const rows of [171_469, 313_881]) {
  const s = calibrationSummary(benchTransactions(rows), { unit: "day", calibrationEnd: 44700 });
  measure(`bench ${rows.toLocaleString("en")} rows`, s.x, s.zbar);
}
