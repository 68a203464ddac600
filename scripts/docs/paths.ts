/**
 * Paths are relative to the repository root, the working directory of npm scripts and vitest; the
 * data sets are in ../shared/data beside the checkout.
 */
import { join } from "node:path";

export const ROOT = process.cwd();
export const HERE = join(ROOT, "scripts", "docs");
export const EXAMPLES = join(HERE, "examples");
export const DATA = join(ROOT, "..", "shared", "data");
