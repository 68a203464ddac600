/**
 * Offline validation of an add-in-only manifest against Microsoft's XML Schemas in ../shared/schemas (see its
 * README: the last published XSDs, with Runtimes added), with xmllint (Debian's libxml2-utils, which .ci/run
 * installs). No network: Microsoft's own validator (`npm run validate`) needs it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const MANIFEST_SCHEMA = resolve(__dirname, "../../../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");

/** Fails with what to do when xmllint is missing, instead of letting the check pass unseen. */
export function requireXmllint(): void {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "pipe" });
  } catch {
    throw new Error("xmllint is missing: install Debian's libxml2-utils (apt-get install libxml2-utils; .ci/run does).");
  }
}

/** xmllint's verdict on a manifest's text: valid, or the lines it printed about what is wrong. */
export function validateManifest(xml: string): { valid: boolean; errors: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "tier-manifest-"));
  const file = join(dir, "manifest.xml");
  writeFileSync(file, xml);
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", MANIFEST_SCHEMA, file], { encoding: "utf8" });
  if (run.error) throw run.error;
  const errors = run.stderr
    .split("\n")
    .filter((line) => line.trim() && !/validates$/.test(line))
    .map((line) => line.replace(`${file}:`, "line "));
  return { valid: run.status === 0, errors };
}
