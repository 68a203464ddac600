/**
 * The sample workbook's transactions: a cut of the CDNOW sample (../shared/data/CDNOW_sample.txt, the 1/10 sample
 * of Fader, Hardie & Lee 2005 whose BG/NBD fit is published), kept in the repository as
 * assets/sample/sample-orders.csv so the workbook can be rebuilt from the repository alone. The cut is every
 * STEP-th customer (sample ids 1, 1 + STEP, 1 + 2·STEP, …: the sample is ordered by first purchase, so the cut spans
 * the three monthly cohorts of Q1 1997) with every one of their purchases: whole histories, so recency, frequency
 * and the fitted models describe real customers (a cut of lines would not, see scripts/sample-online-retail.mjs).
 * Small enough that every function's spilled result fits on one worked sheet a person can scroll, big enough for
 * the BG/NBD fit to run (its diagnostics say that so few customers cannot pin every parameter down, and the
 * workbook shows that as the functions do). The R `rfm` package's order data were tried first: they are
 * simulated, and the purchase model runs to its limits on them, which would make a poor first example.
 *
 * The columns are named as `tier` expects by default (customer_id, date, amount), so the same file serves the
 * command's help examples (`tier rfm assets/sample/sample-orders.csv`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const STEP = 15;
export const SAMPLE_ORDERS = join("assets", "sample", "sample-orders.csv");
const SOURCE = join("..", "shared", "data", "CDNOW_sample.txt");

export interface Order {
  customer: string;
  /** ISO date, as in the file. */
  date: string;
  amount: number;
}

/** Rewrites assets/sample/sample-orders.csv from the shared data (run from the repository root). */
export function cutSampleOrders(root: string): void {
  // Whitespace-separated, no header: master id, sample id (the customer), YYYYMMDD, CDs, dollars.
  const lines = readFileSync(join(root, SOURCE), "utf8").trim().split(/\r?\n/);
  const out = ["customer_id,date,amount"];
  lines.forEach((line, i) => {
    const f = line.trim().split(/\s+/);
    if (f.length !== 5 || !/^\d{8}$/.test(f[2])) throw new Error(`${SOURCE} line ${i + 1}: expected master id, sample id, YYYYMMDD, CDs, dollars`);
    const id = Number(f[1]);
    if ((id - 1) % STEP === 0) out.push(`${id},${f[2].slice(0, 4)}-${f[2].slice(4, 6)}-${f[2].slice(6)},${f[4]}`);
  });
  writeFileSync(join(root, SAMPLE_ORDERS), out.join("\n") + "\n");
}

/** The orders of assets/sample/sample-orders.csv. */
export function readSampleOrders(root: string): Order[] {
  const lines = readFileSync(join(root, SAMPLE_ORDERS), "utf8").trim().split("\n").slice(1);
  return lines.map((line, i) => {
    const [customer, date, amount] = line.split(",");
    const n = Number(amount);
    if (!customer || !/^\d{4}-\d\d-\d\d$/.test(date) || !Number.isFinite(n)) throw new Error(`${SAMPLE_ORDERS} line ${i + 2}: expected customer,YYYY-MM-DD,amount`);
    return { customer, date, amount: n };
  });
}
