#!/usr/bin/env node
/**
 * Builds assets/tiering-sample.xlsx, the workbook a new user opens to see every TIER function at work: the Orders
 * table, a Customers table, and a Functions sheet with one worked formula per function, its captions in English
 * and Chinese and its result cached in the file (computed by the add-in's own functions, so the cells show results
 * before the add-in loads). The work is in scripts/sample-workbook/ (TypeScript, bundled here with esbuild as
 * `npm run docs` does); test/sample-workbook.test.ts checks the committed file against it.
 *
 *   node scripts/make-sample-workbook.mjs          rebuild the workbook from assets/sample/sample-orders.csv
 *   node scripts/make-sample-workbook.mjs --cut    first recut that file from ../shared/data/CDNOW_sample.txt
 *
 * Run from the repository root after a change to a function's results; commit the workbook.
 */
import { build } from "esbuild";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = resolve(ROOT, "dist-cli", "sample-workbook.cjs");
await build({
  entryPoints: [resolve(ROOT, "scripts/sample-workbook/main.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  outfile: OUT,
  external: ["exceljs", "jszip"],
  logLevel: "warning",
});
process.chdir(ROOT);
await createRequire(import.meta.url)(OUT).main(ROOT, process.argv.slice(2));
