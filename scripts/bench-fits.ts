/**
 * Fit times on small and published data (issue 12): the CDNOW Pareto/NBD fit, and 150 random small
 * transaction sets (10–44 rows, seeded) fitted with Pareto/NBD and BG/NBD, each fit's wall time, how many
 * failed and how. Figures go to docs/PERFORMANCE.md; not a test (timings vary with the machine).
 * Usage: npx esbuild scripts/bench-fits.ts --bundle --platform=node --outfile=dist-cli/bench-fits.cjs && node dist-cli/bench-fits.cjs
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CoreError } from "../src/core/cells/errors";
import { calibrationSummary } from "../src/core/models/calibration";
import { fitBgNbd } from "../src/core/models/bgnbd";
import { fitParetoNbd } from "../src/core/models/paretonbd";
import { readTransactions } from "../src/core/transactions/read";
import { rng } from "./support/rng";

const shared = join(__dirname, "..", "..", "shared", "data");

function time<T>(f: () => T): { ms: number; result: T | string } {
  const t0 = performance.now();
  let result: T | string;
  try {
    result = f();
  } catch (e) {
    result = e instanceof CoreError ? e.code : String(e);
  }
  return { ms: performance.now() - t0, result };
}

const rows = readFileSync(join(shared, "cdnow_customers_summary_with_transactions.csv"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
const cdnow = { x: rows.map((r) => r[1]), tx: rows.map((r) => r[2]), T: rows.map((r) => r[3]) };
const cd = [0, 1, 2].map(() => time(() => fitParetoNbd(cdnow)));
const cdBg = [0, 1, 2].map(() => time(() => fitBgNbd(cdnow)));

const random = rng(12);
const small: { model: string; n: number; ms: number; outcome: string }[] = [];
// SETS=30 times the first 30 only (the code before issue 12 took minutes on some sets).
const sets = Number(process.env.SETS ?? 150);
for (let set = 0; set < sets; set++) {
  const n = 10 + Math.floor(random() * 35);
  const customers = 2 + Math.floor(random() * Math.max(1, n / 2));
  const ids: number[] = [];
  const dates: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(1 + Math.floor(random() * customers));
    dates.push(45000 + Math.floor(random() * 365));
  }
  const tx = readTransactions({ customers: ids, dates, amounts: ids.map(() => 10) });
  const summary = calibrationSummary(tx, { unit: "week" });
  for (const [model, fit] of [["paretoNbd", fitParetoNbd], ["bgnbd", fitBgNbd]] as const) {
    const t = time(() => fit(summary));
    if (process.env.VERBOSE) console.error(set, model, n, Math.round(t.ms), typeof t.result === "string" ? t.result : "fitted");
    small.push({ model, n, ms: t.ms, outcome: typeof t.result === "string" ? t.result : "fitted" });
  }
}
const summarise = (model: string) => {
  const runs = small.filter((s) => s.model === model);
  const ms = runs.map((s) => s.ms).sort((a, b) => a - b);
  const outcomes: Record<string, number> = {};
  for (const s of runs) outcomes[s.outcome] = (outcomes[s.outcome] ?? 0) + 1;
  const fitted = runs.filter((s) => s.outcome === "fitted").map((s) => s.ms);
  return { sets: runs.length, fittedMaxMs: +Math.max(0, ...fitted).toFixed(1), medianMs: +ms[Math.floor(ms.length / 2)].toFixed(1), maxMs: +ms[ms.length - 1].toFixed(1), over2s: ms.filter((v) => v > 2000).length, outcomes };
};
const cdFit = cd[cd.length - 1].result;
console.log(
  JSON.stringify(
    {
      cdnowParetoMs: cd.map((t) => +t.ms.toFixed(1)),
      cdnowPareto: typeof cdFit === "string" ? cdFit : { r: cdFit.r, alpha: cdFit.alpha, s: cdFit.s, beta: cdFit.beta, ll: cdFit.logLikelihood, iterations: cdFit.iterations },
      cdnowBgNbdMs: cdBg.map((t) => +t.ms.toFixed(1)),
      smallPareto: summarise("paretoNbd"),
      smallBgNbd: summarise("bgnbd"),
    },
    null,
    1,
  ),
);
