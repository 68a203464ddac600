#!/usr/bin/env node
/**
 * `npm run bench`: JSON figures for the core on 1,048,576 transaction rows (RFM, ABC, the
 * BG/NBD + Gamma-Gamma CLV models, and dynamic tiering: the weighted score, computed ABC, migration
 * between two snapshots, pilot picks and comparisons, on the customers and on the rows) and whole-process timings of `tier` beside the pandas peer (../shared/peers/pandas_rfm.py) on the same file.
 * The file is made once by ../shared/peers/gen_transactions.py (seeded, byte-identical) in .bench/.
 * Usage: node scripts/bench.mjs [--runs 5] [--file PATH]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : fallback;
};
const runs = Number(opt("--runs", "5"));
const file = opt("--file", join(root, ".bench", "tx_1m.csv"));
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const EXPECTED_SHA256 = "a6a8470703fb1ffe0aae7f3394eb20c04b24b02247d3e78c6a78179af96e514c";

if (!existsSync(file)) {
  mkdirSync(dirname(file), { recursive: true });
  process.stderr.write(`bench: generating ${file} with gen_transactions.py …\n`);
  execFileSync(python, [join(shared, "peers", "gen_transactions.py"), file], { stdio: ["ignore", "ignore", "inherit"] });
}
const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
// Bundle `tier` from the current source: a stale bundle would time old code.
execFileSync("npm", ["run", "build:cli"], { cwd: root, stdio: "ignore" });
const tier = join(root, "bin", "tier.cjs");

/** Median wall time in seconds of a whole process, its output sent to /dev/null. */
function wall(command, argv) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command, argv, { stdio: ["ignore", "ignore", "pipe"] });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed: ${r.stderr}`);
    times.push(seconds);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 1000) / 1000;
}

const inProcess = JSON.parse(execFileSync("node", [tier, "bench", file, "--repeat", String(runs)], { encoding: "utf8" }));
const processes = {
  tier_rfm_summary: wall("node", [tier, "rfm", file, "--summary"]),
  tier_rfm_table: wall("node", [tier, "rfm", file]),
  tier_abc_table: wall("node", [tier, "abc", file, "--value", "amount"]),
  tier_fit_days: wall("node", [tier, "fit", file, "--unit", "day"]),
  tier_predict_table_days: wall("node", [tier, "predict", file, "--unit", "day"]),
  tier_cohort: wall("node", [tier, "cohort", file]),
};
const hasPandas = spawnSync(python, ["-c", "import pandas"]).status === 0;
if (hasPandas) {
  processes.pandas_rfm = wall(python, [join(shared, "peers", "pandas_rfm.py"), file]);
  processes.ratio_tier_rfm_summary_to_pandas = Math.round((processes.tier_rfm_summary / processes.pandas_rfm) * 100) / 100;
  processes.ratio_tier_rfm_table_to_pandas = Math.round((processes.tier_rfm_table / processes.pandas_rfm) * 100) / 100;
}
console.log(
  JSON.stringify(
    {
      file,
      sha256_matches_generator: sha256 === EXPECTED_SHA256,
      runs,
      in_process_ms: inProcess.milliseconds,
      rows: inProcess.rows,
      customers: inProcess.customers,
      dynamic_snapshots: inProcess.dynamic,
      over_time: inProcess.overTime,
      whole_process_seconds: processes,
      pandas: hasPandas ? "measured" : "not installed (apt-get install python3-pandas)",
      node: process.version,
    },
    null,
    2,
  ),
);
