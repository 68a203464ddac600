/**
 * In-process timings of each stage on a transactions CSV (customer_id,date,amount), the median of
 * `repeat` runs. Whole-process comparisons with the pandas peer are made by scripts/bench.mjs.
 *   fast_read       bytes → typed columns, the path `tier rfm` takes for unquoted files
 *   csv_parse       the general CSV parser (uDSV) to string columns, for quoted files
 *   coercion        string columns → typed columns (readTransactions: what the add-in does with cells)
 *   summary, rfm (scores + segments), abc (on customers' totals), core_rfm_abc (the three together)
 *   clv_summary (calibration summary, days), bgnbd_fit, gamma_gamma_fit, clv_predict (P(alive), 12-month
 *   expectations and discounted CLV for every customer), clv_models (the four together)
 *   cdnow_fit: BG/NBD + Gamma-Gamma on ../shared/data's CDNOW summary (2,357 customers)
 * Dynamic tiering (issue 4), in a loop of their own, on the customers (104,021 in the bench file) and on
 * the 1,048,576 rows themselves (`_1m`: each row taken as a customer):
 *   score_percentile, score_minmax   the weighted score of recency (lower better), orders and revenue
 *                                    (rows: amount, date and the row's customer's orders), banded by the
 *                                    default shares, with the upgrade gaps
 *   abc_computed                     ABC with the limits computed from the ABC curve (revenue; rows: amount)
 *   migration                        migrationMatrix (with the revenue measure) + migrationRates + totals
 *                                    between two snapshots: the customers ABC-tiered on the transactions up
 *                                    to the median date, and on all of them (rows: ABC of the amount, then
 *                                    of the score, a tenth of the ids replaced: gone and new)
 *   pick_pilot                       a 10 % pilot and control in every tier of the earlier snapshot
 *   compare_pilot                    those groups' repurchase and revenue change (Newcombe, Welch)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fitBgNbd } from "../../core/models/bgnbd";
import { calibrationSummary } from "../../core/models/calibration";
import { fitGammaGamma } from "../../core/models/gammagamma";
import { predictCustomers } from "../../core/models/predict";
import { ABC_LABELS, classifyAbc } from "../../core/tiers/abc";
import { serialToIsoDate } from "../../core/cells/dates";
import { readTransactions } from "../../core/transactions/read";
import type { Transactions } from "../../core/transactions/model";
import { migrationMatrix, migrationRates, migrationTotals } from "../../core/over-time/migration";
import { comparePilot, pickPilot } from "../../core/over-time/pilot";
import { scoreCustomers } from "../../core/tiers/rfm";
import { scoreCustomers as weightedScore, type ScoreMethod } from "../../core/tiers/score";
import { segmentCustomers } from "../../core/tiers/segments";
import { summarizeCustomers } from "../../core/transactions/summary";
import { parseCsv } from "../csv";
import { UsageError, numberOption, position, readBytes, type Command, type Parsed } from "../args";
import type { Messages } from "../../i18n";
import { overTimeBench } from "../bench-over-time";
import { readTransactionsCsv } from "../transactions-csv";

/** ../shared/data's CDNOW summary (x, t_x, T, zbar), when it is there (the bench runs from the repository root). */
function readCdnowSummary() {
  const file = join(process.cwd(), "..", "shared", "data", "cdnow_customers_summary_with_transactions.csv");
  if (!existsSync(file)) return null;
  const rows = readFileSync(file, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
  const col = (k: number) => Float64Array.from(rows, (r) => r[k]);
  return { x: col(1), tx: col(2), T: col(3), zbar: col(4) };
}

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

/** The transactions on or before `cutoff` (the same customers list; a customer with none has 0 orders). */
function until(tx: Transactions, cutoff: number): Transactions {
  const keep: number[] = [];
  for (let i = 0; i < tx.validRows; i++) if (tx.date[i] <= cutoff) keep.push(i);
  const pick = <T extends Int32Array | Float64Array>(a: T, make: new (n: number) => T): T => {
    const out = new make(keep.length);
    keep.forEach((i, k) => (out[k] = a[i]));
    return out;
  };
  return { ...tx, customer: pick(tx.customer, Int32Array), date: pick(tx.date, Float64Array), amount: pick(tx.amount, Float64Array), sourceRow: pick(tx.sourceRow, Int32Array), validRows: keep.length };
}

/** ABC classes (fixed cuts) of `values` as tier labels; "" where `tiered` says no (no orders yet). */
function abcTiers(values: ArrayLike<number>, tiered: (i: number) => boolean): string[] {
  const classes = classifyAbc(values).classes;
  return Array.from(classes, (c, i) => (tiered(i) && c < 3 ? ABC_LABELS[c] : ""));
}

/** Medians of each stage of the dynamic tiering on the customers and on the rows (see the module comment). */
function dynamicBench(tx: Transactions, repeat: number) {
  const stages: Record<string, number[]> = {};
  for (const size of ["", "_1m"]) {
    for (const k of ["score_percentile", "score_minmax", "abc_computed", "migration", "pick_pilot", "compare_pilot"]) stages[k + size] = [];
  }
  // Two snapshots of the customers: up to the median purchase date, and all purchases.
  const dates = Float64Array.from(tx.date.subarray(0, tx.validRows)).sort();
  const cutoff = Math.floor(dates[Math.floor(dates.length / 2)]);
  const early = summarizeCustomers(until(tx, cutoff));
  const late = summarizeCustomers(tx);
  const ids = tx.customerIds.map(String);
  const beforeTiers = abcTiers(early.totalAmount, (c) => early.orders[c] > 0);
  const afterTiers = abcTiers(late.totalAmount, () => true);
  const revenueBefore = Float64Array.from(early.totalAmount, (v, c) => (early.orders[c] > 0 ? v : NaN));
  const repurchased = Float64Array.from(late.lastPurchase, (d) => (d > cutoff ? 1 : 0));
  const revenueChange = Float64Array.from(late.totalAmount, (v, c) => v - (early.orders[c] > 0 ? early.totalAmount[c] : 0));
  // The rows as a million customers: ids r0 … and, in the later snapshot, every tenth replaced (gone and new).
  const n = tx.validRows;
  const amount = tx.amount.subarray(0, n);
  const date = tx.date.subarray(0, n);
  const rowOrders = Float64Array.from(tx.customer.subarray(0, n), (c) => late.orders[c]);
  const rowIds = Array.from({ length: n }, (_, i) => `r${i}`);
  const laterIds = rowIds.map((id, i) => (i % 10 === 0 ? `n${i}` : id));
  const rowBefore = abcTiers(amount, () => true);
  const rowScore = weightedScore([amount, date, rowOrders], { weights: [1, 1, 1] }).score;
  const rowAfter = abcTiers(rowScore, () => true);
  const rowRepurchased = Float64Array.from({ length: n }, (_, i) => (Math.imul(i, 2654435761) >>> 0) % 3 === 0 ? 1 : 0);
  const rowChange = Float64Array.from(amount, (v, i) => v - rowScore[i]);
  const sides = [
    { size: "", metrics: [late.recencyDays, late.orders, late.totalAmount], directions: ["lower", "higher", "higher"] as const, abc: late.totalAmount,
      before: { ids, tiers: beforeTiers, measure: revenueBefore }, after: { ids, tiers: afterTiers, measure: late.totalAmount }, repurchased, revenueChange },
    { size: "_1m", metrics: [amount, date, rowOrders], directions: ["higher", "higher", "higher"] as const, abc: amount,
      before: { ids: rowIds, tiers: rowBefore, measure: amount }, after: { ids: laterIds, tiers: rowAfter, measure: rowScore }, repurchased: rowRepurchased, revenueChange: rowChange },
  ];
  let facts = { cutoff: "", customers_before: 0, customers_after: 0, pilot_before: 0, upgraded: 0 };
  for (let run = 0; run < repeat; run++) {
    for (const side of sides) {
      const z = side.size;
      for (const method of ["percentile", "minmax"] as ScoreMethod[]) {
        time(stages[`score_${method}${z}`], () => weightedScore(side.metrics, { weights: [1, 1, 1], directions: side.directions, method }));
      }
      time(stages[`abc_computed${z}`], () => classifyAbc(side.abc, { method: "computed" }));
      const rates = time(stages[`migration${z}`], () => {
        const matrix = migrationMatrix(side.before, side.after, ABC_LABELS);
        migrationTotals(matrix);
        return migrationRates(matrix);
      });
      const groups = time(stages[`pick_pilot${z}`], () => pickPilot(side.before.ids, side.before.tiers, { share: 0.1 }));
      time(stages[`compare_pilot${z}`], () => comparePilot(groups, side.repurchased, side.revenueChange));
      if (z === "") facts = { cutoff: serialToIsoDate(cutoff), customers_before: rates.customers, customers_after: rates.customers - rates.gone + rates.new, pilot_before: groups.reduce((a, g) => a + (g === 1 ? 1 : 0), 0), upgraded: rates.upgraded };
    }
  }
  return { facts, stages };
}

/** The bench file's columns (the generator's header, ../shared/peers/gen_transactions.py). */
const BENCH_COLUMNS = ["customer_id", "date", "amount"] as const;

function runBench(bytes: Buffer, file: string, m: Messages, rows?: number, repeat = 5) {
  const stages = {
    fast_read: [] as number[],
    csv_parse: [] as number[],
    coercion: [] as number[],
    summary: [] as number[],
    rfm: [] as number[],
    abc: [] as number[],
    core_rfm_abc: [] as number[],
    clv_summary: [] as number[],
    bgnbd_fit: [] as number[],
    gamma_gamma_fit: [] as number[],
    clv_predict: [] as number[],
    clv_models: [] as number[],
    cdnow_fit: [] as number[],
  };
  const cdnow = readCdnowSummary();
  let info = { rows: 0, customers: 0, problems: 0 };
  const text = bytes.toString("utf8");
  let transactions: ReturnType<typeof readTransactions> | null = null;
  // The columns by name, found once: a file without them is a usage error naming the column, not a TypeError.
  const header = parseCsv(text.slice(0, Math.max(0, text.indexOf("\n")) || text.length)).header;
  const [customerAt, dateAt, amountAt] = BENCH_COLUMNS.map((name) => position(header, file, name, m));
  for (let run = 0; run < repeat; run++) {
    const fast = time(stages.fast_read, () => readTransactionsCsv(bytes, { customer: customerAt, date: dateAt, amount: amountAt }));
    const table = time(stages.csv_parse, () => parseCsv(text));
    const n = Math.min(rows ?? table.rows, table.rows);
    const [customers, dates, amounts] = [customerAt, dateAt, amountAt].map((k) => table.columns[k].slice(0, n));
    const tx = time(stages.coercion, () => readTransactions({ customers, dates, amounts }));
    if (fast && rows === undefined && fast.validRows !== tx.validRows) throw new Error("fast and general readers disagree");
    const t0 = performance.now();
    const summary = time(stages.summary, () => summarizeCustomers(tx));
    time(stages.rfm, () => segmentCustomers(scoreCustomers(summary), "rfm"));
    time(stages.abc, () => classifyAbc(summary.totalAmount));
    stages.core_rfm_abc.push(performance.now() - t0);
    info = { rows: tx.validRows, customers: summary.customerIds.length, problems: tx.problems.count };
    transactions = tx;
  }
  // The models in their own loop, so that their allocations do not land in the readers' timings.
  for (let run = 0; run < repeat && transactions; run++) {
    const tx = transactions;
    const t1 = performance.now();
    const calibration = time(stages.clv_summary, () => calibrationSummary(tx, { unit: "day" }));
    const bgnbd = time(stages.bgnbd_fit, () => fitBgNbd(calibration));
    const spend = time(stages.gamma_gamma_fit, () => fitGammaGamma(calibration.x, calibration.zbar));
    time(stages.clv_predict, () => predictCustomers(bgnbd, spend, calibration, { unit: "day", horizon: 365.25, clvMonths: 12, monthlyDiscount: 0.01 }));
    stages.clv_models.push(performance.now() - t1);
    if (cdnow) time(stages.cdnow_fit, () => [fitBgNbd(cdnow), fitGammaGamma(cdnow.x, cdnow.zbar)]);
  }
  // Dynamic tiering in a loop of its own too.
  const dynamic = transactions ? dynamicBench(transactions, repeat) : null;
  // Over time (issue 14): history, trends, movers, cohorts (src/cli/bench-over-time.ts).
  const overTime = transactions ? overTimeBench(transactions, repeat) : null;
  const medians = (s: Record<string, number[]>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]));
  return {
    file,
    ...info,
    repeat,
    node: process.version,
    milliseconds: { ...medians(stages), ...(dynamic ? medians(dynamic.stages) : {}), ...(overTime ? medians(overTime.stages) : {}) },
    dynamic: dynamic?.facts ?? null,
    overTime: overTime?.facts ?? null,
  };
}

/** --rows and --repeat: whole numbers of at least 1 (a bad one is a sentence, not a stack trace). */
function countOption(p: Parsed, name: string, m: Messages): number | undefined {
  const v = numberOption(p, name, m);
  if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw new UsageError(m.cli.badNumberOption(name, p.options.get(name) ?? ""));
  return v;
}

/**
 * `tier bench [FILE.csv] [--rows N] [--repeat N]`: the medians above as JSON. The file is read whole:
 * the bench times the in-memory stages, so it takes files that fit in a string (the 1M-row file).
 */
export const bench: Command = {
  options: ["--rows", "--repeat"],
  help: {
    args: "[FILE.csv]",
    example: "tier bench assets/sample/sample-orders.csv --repeat 3",
    options: {
      "--rows": { text: "rows", kind: "number", default: { words: "allData" }, example: "100000" },
      "--repeat": { text: "repeat", kind: "number", default: "5", example: "3" },
    },
  },
  run: (p, m, out) => {
    const rows = countOption(p, "--rows", m);
    const repeat = countOption(p, "--repeat", m);
    const file = p.positional[0] ?? ".bench/tx_1m.csv";
    out(`${JSON.stringify(runBench(readBytes(file, m), file, m, rows, repeat), null, 2)}\n`);
  },
};
