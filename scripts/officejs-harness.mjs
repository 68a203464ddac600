#!/usr/bin/env node
/**
 * Every workbook job through Microsoft's Office.js Excel client (test/support/officejs) at 100 and 100,000
 * customers: the Markdown table of docs/PERFORMANCE.md ("Office.js client in the loop") on stdout, then the figures
 * as JSON. Too slow for the test suite at 100,000 customers (test/excel/officejs-client.test.ts runs 100).
 * Needs Debian's Chromium (/usr/bin/chromium). Usage: node scripts/officejs-harness.mjs [--sizes 100,100000]
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const k = args.indexOf("--sizes");
const sizes = (k >= 0 ? args[k + 1] : "100,100000").split(",").map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 10)) {
  console.error(`--sizes takes whole numbers of customers of at least 10, separated by commas (it is "${args[k + 1]}").`);
  process.exit(2);
}
const out = join(root, "dist-cli", "officejs-harness.cjs");
// Bundled from the current source each time: a stale bundle would measure old jobs.
execFileSync(
  join(root, "node_modules", ".bin", "esbuild"),
  ["test/support/officejs/report.ts", "--bundle", "--platform=node", "--target=node20", "--format=cjs", `--outfile=${out}`, "--external:esbuild", "--external:playwright-core", "--log-level=warning"],
  { cwd: root, stdio: "inherit" },
);
const { main } = createRequire(import.meta.url)(out);
process.exitCode = await main(sizes);
