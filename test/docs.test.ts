/**
 * docs/FUNCTIONS.md is generated from scripts/docs/FUNCTIONS.tmpl.md by running the functions and the
 * `tier` command: if the code's results or messages change, this fails until `npm run docs` is run
 * and the new reference is read and committed.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const ROOT = new URL("../", import.meta.url).pathname;

it("docs/FUNCTIONS.md is what the code produces today", async () => {
  // The doc's CLI examples run the bundled `tier`: bundle it from today's source, never a stale one.
  execFileSync("npm", ["run", "build:cli"], { cwd: ROOT });
  const { renderFunctionsDoc } = await import("../scripts/docs/functions-doc");
  const committed = readFileSync(join(ROOT, "docs/FUNCTIONS.md"), "utf8");
  expect(committed === renderFunctionsDoc(), "docs/FUNCTIONS.md is stale: run `npm run docs`, read the diff, commit it").toBe(true);
  // Rendering fits the models on CDNOW and runs `tier` some sixty times: well over the default 30 s on a busy machine.
}, 180_000);
