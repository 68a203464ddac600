/**
 * Whole-column inputs to every TIER function (issue 12, "What it must show": under 0.5 s where they are
 * within Excel's data limit). Each function is called as Excel calls it, through its declaration in
 * src/functions/functions.ts (runFunction: trimming, the 5 MB check, the adapter, the spill check), with
 * 1,048,576-row ranges shaped as test/support/custom-functions.ts `excelCall` delivers a whole column
 * (`=TIER.RFM(A:A,B:B,C:C)`) on each host. The time is the function's alone: excelCall's own copying of a
 * million rows (the stand-in's, not Excel's) is left out of it.
 * - desktop, 5,000 rows of data then blank cells, which Excel on Windows sends as 0 (office-js #4702, #5262);
 * - web, the same with blanks as null. Excel on the web refuses a call over 5 MB itself (#CALC!, office-js
 *   #4613), and a whole column of nulls is over 6 MB as JSON, so there the function never runs; the time
 *   is the function's on those arguments (as Excel on Windows, which has no such cap, would run it);
 * - desktop, as many rows of data as fit in 5 MB (size.ts rowsThatFit), then blanks;
 * - desktop, every row data: over 5 MB, which must be answered with the size message at once.
 * The arguments are parsed from their JSON text before each call, as the custom-functions runtime delivers them
 * (the call's values cross from Excel to the JavaScript runtime serialised, which is why the 5 MB cap is counted in
 * JSON: office-js #4654). Built in place they were rows scattered through the heap, 3–10× slower to read than
 * JSON.parse's, so the bench had charged the trim and the size count for the way it made its data.
 * Prints a Markdown table (function × case → wall / CPU ms, best of two, and the outcome) for docs/PERFORMANCE.md,
 * with the same function on the 5,000 rows alone for comparison (what the model itself costs). Not a test.
 * Usage: npx esbuild scripts/bench-functions.ts --bundle --platform=node --format=cjs "--banner:js=const __bundleUrl = require('url').pathToFileURL(__filename).href;" --define:import.meta.url=__bundleUrl --outfile=dist-cli/bench/bench-functions.cjs && node --expose-gc dist-cli/bench/bench-functions.cjs
 * (with --expose-gc; the bundle sits two folders down so that the stand-in's `../../scripts/function-error-inputs.cjs` resolves.)
 * Arguments narrow a run (for profiling one function with `node --cpu-prof`): function names (`clvpredict palive`)
 * keep only those rows, and `--fit` times only the "most that fit" case (the other cells print as "-").
 */
import * as functions from "../src/functions/functions";
import { installCustomFunctionsStandIn, StandInCustomFunctionError } from "../test/support/custom-functions";
import { rng } from "./support/rng";

installCustomFunctionsStandIn();

const ROWS = 1_048_576;
const FEW = 5_000;
/** Runs per case; the best is kept. */
const RUNS = 2;

type Cell = unknown;
/** A column of `data` rows made by `cell(i)`, then blank (`blank`) to the sheet's last row. */
function column(data: number, cell: (i: number) => Cell, blank: Cell): Cell[][] {
  const out: Cell[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) out[i] = [i < data ? cell(i) : blank];
  return out;
}
/** A block of `width` columns in the same way (SCORE's metrics). */
function block(data: number, width: number, cell: (i: number, k: number) => Cell, blank: Cell): Cell[][] {
  const out: Cell[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) out[i] = Array.from({ length: width }, (_, k) => (i < data ? cell(i, k) : blank));
  return out;
}

/** Each function's arguments for `data` rows of data and blanks as `blank`. */
function argumentsOf(name: string, data: number, blank: Cell): unknown[] {
  const r = rng(7);
  const customers = Math.max(1, Math.floor(data / 4));
  const tx = () => {
    const r2 = rng(11);
    return [
      column(data, (i) => 1 + (i % customers), blank),
      column(data, () => 44000 + Math.floor(r2() * 700), blank),
      column(data, () => Math.round(r2() * 20000) / 100, blank),
    ];
  };
  const ids = column(data, (i) => i + 1, blank);
  const tiers = column(data, (i) => "ABC"[i % 3], blank);
  switch (name) {
    case "rfm":
      return [...tx(), 44700];
    case "rfmscore":
      return [column(data, () => Math.floor(r() * 365), blank), column(data, () => 1 + Math.floor(r() * 9), blank), column(data, () => Math.round(r() * 5000), blank)];
    case "abcclass":
    case "abcnext":
      return [column(data, () => Math.round(r() * 10000) / 10, blank)];
    case "clv":
      return [column(data, () => 10 + Math.round(r() * 100), blank), column(data, () => 1 + Math.floor(r() * 6), blank), [[3]], [[0.25]], [[0.1]]];
    case "clvpredict":
      return [...tx(), 44700, 12, 0.01];
    case "clvfit":
      return [...tx(), 44700];
    case "palive":
    case "nextpurchase":
    case "lifecycle":
      return [...tx().slice(0, 2), 44700];
    case "cohort":
      return tx();
    case "migration":
      return [ids, tiers, ids, column(data, (i) => "ABC"[(i + 1) % 3], blank)];
    case "movers":
      return [ids, tiers, ids, column(data, (i) => "ABC"[(i + 1) % 3], blank), [["A", "B", "C"]]];
    case "pilot":
      return [ids, tiers, 0.1, 7];
    case "score":
      return [block(data, 3, () => Math.round(r() * 1000), blank), [[1, 1, 2]]];
    case "levels":
      return [...tx(), [["Silver", 50, 30], ["Gold", 200, 150], ["Platinum", 500, 400]], 44700];
    default:
      throw new Error(`no arguments for ${name}`);
  }
}

const ALL_NAMES = ["rfm", "rfmscore", "abcclass", "abcnext", "clv", "clvpredict", "clvfit", "palive", "nextpurchase", "lifecycle", "cohort", "migration", "movers", "pilot", "score", "levels"] as const;
const argv = process.argv.slice(2);
const ONLY_FIT = argv.includes("--fit");
// Names in any case: PALIVE, palive, TIER.PALIVE.
const chosen = argv.filter((a) => !a.startsWith("--")).map((a) => a.toLowerCase().replace(/^tier\./, ""));
const unknown = chosen.filter((a) => !(ALL_NAMES as readonly string[]).includes(a));
if (unknown.length > 0) throw new Error(`unknown function ${unknown.join(", ")}; the names are ${ALL_NAMES.join(" ")}`);
const NAMES = chosen.length > 0 ? ALL_NAMES.filter((n) => chosen.includes(n)) : ALL_NAMES;

/** What a call gave: rows spilled, the size message, or another error's first words. */
function outcome(run: () => unknown): string {
  try {
    const result = run() as unknown[][];
    return `${result.length} rows`;
  } catch (error) {
    if (error instanceof StandInCustomFunctionError) {
      const text = error.message ?? "";
      if (/MB/.test(text) && /rows|行/.test(text)) return `${error.code} size message (${/^The result/.test(text) ? "result" : "arguments"})`;
      return `${error.code} ${text.slice(0, 50)}`;
    }
    return `threw ${String(error).slice(0, 60)}`;
  }
}

/** Wall time and the process's CPU time (user + system): on a shared, loaded machine the wall time waits for a core. */
function time(run: () => string): { ms: number; cpu: number; what: string } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const what = run();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, what };
}

/** Its arguments with `data` rows of data and no blank rows after them. */
function dataOnly(name: string, data: number): unknown[] {
  return argumentsOf(name, data, 0).map((a) => (Array.isArray(a) && a.length === ROWS ? a.slice(0, data) : a));
}

/**
 * Rows of data for which both this function's arguments and its result stay within 5 MB, a little under:
 * JSON bytes per row measured at 20,000 rows, then again at the figure found (ids and dates grow in digits).
 */
function rowsThatFit(name: string, fn: (...args: unknown[]) => unknown): number {
  const cap = 5 * 1024 * 1024;
  const sample = 20_000;
  const args = dataOnly(name, sample);
  // The result's bytes per row, from a call on the sample (a spilled table grows with the data too).
  let resultPerRow = 0;
  try {
    resultPerRow = JSON.stringify(fn(...args)).length / sample;
  } catch {
    // refused or failed at 20,000 rows: the arguments' figure stands
  }
  let rows = sample;
  for (let pass = 0; pass < 2; pass++) {
    const perRow = Math.max(JSON.stringify(dataOnly(name, rows)).length / rows, resultPerRow);
    rows = Math.min(ROWS, Math.floor((cap / perRow) * 0.95));
  }
  return rows;
}

const lines = [
  "| function | 5,000 rows alone (no blanks) | desktop: 5,000 rows + 0s | web: 5,000 rows + nulls | desktop: most that fit + 0s | desktop: 1,048,576 rows (over 5 MB) |",
  "| --- | --- | --- | --- | --- | --- |",
];
for (const name of NAMES) {
  const fn = functions[name] as (...args: unknown[]) => unknown;
  const call = (args: unknown[]) => outcome(() => fn(...args));
  const fit = rowsThatFit(name, fn);
  const cases: [string, () => unknown[]][] = [
    ["", () => dataOnly(name, FEW)],
    ["", () => argumentsOf(name, FEW, 0)],
    // What the web sends (Excel itself answers #CALC! before calling: see the module comment).
    ["", () => argumentsOf(name, FEW, null)],
    [`${fit.toLocaleString("en")} rows: `, () => argumentsOf(name, fit, 0)],
    ["", () => argumentsOf(name, ROWS, 0)],
  ];
  const cells = cases.map(([label, make], k) => {
    if (ONLY_FIT && k !== 3) return "-";
    // The best of RUNS, each on fresh arguments (a call trims its own) after a collection (node --expose-gc),
    // so a run times the function and not the garbage of building the previous million-row arguments.
    let best = { ms: Infinity, cpu: Infinity, what: "" };
    for (let run = 0; run < RUNS; run++) {
      // As Excel's runtime hands them over: parsed from the call's JSON (see the module comment).
      const args = JSON.parse(JSON.stringify(make())) as unknown[];
      (globalThis as { gc?: () => void }).gc?.();
      const t = time(() => call(args));
      if (t.ms < best.ms) best = t;
    }
    return `${Math.round(best.ms)} / ${Math.round(best.cpu)} ms (${label}${best.what})`;
  });
  lines.push(`| TIER.${name.toUpperCase()} | ${cells.join(" | ")} |`);
  process.stderr.write(`${lines[lines.length - 1]}\n`);
}
process.stdout.write(`${lines.join("\n")}\n`);
