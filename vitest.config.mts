import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Two projects: every test as Excel on the web (the default host profile), and the function adapter and
    // workbook-job tests once more as Excel on Windows desktop (TIER_HOST=desktop: blank cells reach custom
    // functions as 0, no 5 MB request cap; src/standin/host-profile.ts), so each passes on both hosts.
    projects: [
      {
        extends: true,
        test: {
          name: "web",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          // test/e2e runs too: it builds the browser preview and drives it in Debian's Chromium (skipped, saying
          // why, only where /usr/bin/chromium is missing).
          exclude: ["node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "desktop",
          include: ["test/functions/**/*.test.ts", "test/excel/**/*.test.ts"],
          exclude: ["node_modules/**"],
          env: { TIER_HOST: "desktop" },
        },
      },
    ],
    setupFiles: ["test/support/setup.ts"],
    testTimeout: 30000,
  },
});
