/**
 * Issue 13 §3–4: how long the pane's new columns cost on a run: `nextPurchase` (P(purchase within the
 * window), the waits, Overdue) for BG/NBD and Pareto/NBD, and the margin CLV from a Margin column
 * (`customerMarginRates` + `marginClvByCustomer`), on 100,000 seeded synthetic customers. Figures go to
 * docs/PERFORMANCE.md; not a test (timings vary with the machine and its load).
 * Usage: npx esbuild scripts/bench-next-purchase.ts --bundle --platform=node --outfile=dist-cli/bench-next-purchase.cjs && node dist-cli/bench-next-purchase.cjs
 */
import type { CountParams } from "../src/core/models/count-model";
import { customerMarginRates, marginClvByCustomer } from "../src/core/models/margin";
import { nextPurchase } from "../src/core/models/next-purchase";
import { rng } from "./support/rng";

const N = Number(process.env.CUSTOMERS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);

const random = rng(13);
// Shaped like CDNOW in weeks: T up to 78, most customers with few repeat purchases.
const x = new Float64Array(N);
const tx = new Float64Array(N);
const T = new Float64Array(N);
for (let i = 0; i < N; i++) {
  T[i] = 26 + random() * 52;
  x[i] = random() < 0.6 ? 0 : Math.floor(-Math.log(1 - random()) * 3) + 1;
  tx[i] = x[i] > 0 ? random() * T[i] : 0;
}
// The published CDNOW fits (Fader, Hardie & Lee 2005; the Pareto/NBD as docs/PERFORMANCE.md's issue 12 table).
const bgnbd: CountParams = { model: "bgnbd", r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const pareto: CountParams = { model: "paretoNbd", r: 0.5533, alpha: 10.578, s: 0.6062, beta: 11.668 };

function median(f: () => unknown): number {
  const ms: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return Math.round(ms[Math.floor(ms.length / 2)]);
}

// The Margin column: two rows per customer, a margin amount each (gross profit 20–40 % of the amount).
const rows = 2 * N;
const lines = {
  customer: Int32Array.from({ length: rows }, (_, k) => k >> 1),
  date: Float64Array.from({ length: rows }, (_, k) => 45000 + (k & 1) * 30),
  amount: Float64Array.from({ length: rows }, () => 10 + random() * 90),
  sourceRow: Int32Array.from({ length: rows }, (_, k) => k),
  validRows: rows,
  customerIds: Array.from({ length: N }, (_, i) => `C${i}`),
};
const profit = Float64Array.from(lines.amount, (a) => a * (0.2 + random() * 0.2));
const clv = Float64Array.from({ length: N }, () => random() * 500);

console.log(
  JSON.stringify(
    {
      customers: N,
      runs: RUNS,
      nextPurchaseBgNbdMs: median(() => nextPurchase(bgnbd, { x, tx, T }, 13)),
      nextPurchaseParetoMs: median(() => nextPurchase(pareto, { x, tx, T }, 13)),
      marginColumnMs: median(() => marginClvByCustomer(clv, customerMarginRates(lines, profit, "amount").rate)),
    },
    null,
    2,
  ),
);
