#!/usr/bin/env node
// The `tier` command. The TypeScript in src/cli is bundled by `npm run build:cli` (run by `npm install`).
try {
  require("../dist-cli/tier.cjs");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("dist-cli")) {
    process.stderr.write("tier: the command is not built yet; run `npm run build:cli` (npm install does it too).\n");
    process.exit(2);
  }
  throw error;
}
