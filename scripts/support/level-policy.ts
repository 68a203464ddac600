/** The levels benches' policy: the three-level spend policy of the replay test (test/core/over-time/levels.test.ts). */
import type { LevelPolicy } from "../../src/core/over-time/levels";

export const BENCH_POLICY: LevelPolicy = {
  levels: [
    { name: "Silver", entry: 50, keep: 30 },
    { name: "Gold", entry: 200, keep: 150 },
    { name: "Platinum", entry: 500, keep: 400 },
  ],
  metric: "spend",
  windowMonths: 12,
  validityMonths: 12,
};
