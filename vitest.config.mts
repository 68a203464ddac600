import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // test/e2e runs too: it builds the browser preview and drives it in Debian's Chromium (skipped, saying
    // why, only where /usr/bin/chromium is missing).
    exclude: ["node_modules/**"],
    setupFiles: ["test/support/setup.ts"],
    testTimeout: 30000,
  },
});
