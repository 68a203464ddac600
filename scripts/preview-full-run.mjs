#!/usr/bin/env node
/**
 * A Run with Predict in the browser preview on all 541,909 rows of ../shared/data/online_retail.csv; prints its time,
 * syncs and report as JSON (docs/PERFORMANCE.md, "At full scale in the preview"). See scripts/preview-full-run.ts.
 * Needs Debian's Chromium (/usr/bin/chromium). Usage: node scripts/preview-full-run.mjs
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(join(root, "..", "shared", "data", "online_retail.csv"))) {
  console.error("../shared/data/online_retail.csv is missing: this script measures a run on that file.");
  process.exit(2);
}
const out = join(root, "dist-cli", "preview-full-run.cjs");
execFileSync(
  join(root, "node_modules", ".bin", "esbuild"),
  ["scripts/preview-full-run.ts", "--bundle", "--platform=node", "--target=node20", "--format=cjs", `--outfile=${out}`, "--external:webpack", "--external:playwright-core", "--external:esbuild", "--log-level=warning"],
  { cwd: root, stdio: "inherit" },
);
const { main } = createRequire(import.meta.url)(out);
process.exitCode = await main();
