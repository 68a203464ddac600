/** What the `tier` command tests share: running `main` in-process, and writing input files to a temporary folder. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

/** `tier …argv` with the environment `env` (LANG …): its exit code and what it wrote to stdout and stderr. */
export function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = main(argv, env, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

/** A temporary folder of its own for a test file (each test file loads this module afresh). */
export const dir = mkdtempSync(join(tmpdir(), "tier-cli-"));

/** Writes `text` to `name` in `dir` and returns its path. */
export function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
