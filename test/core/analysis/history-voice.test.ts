/**
 * Issue 15 §4 in the rebuilt history: a score with voice metrics (NPS answers, complaints) rebuilt per snapshot
 * equals a Run's score bands as of that date, each customer's answers read as they stood then (the latest
 * answer on or before the date, the counts summed to it).
 */
import { describe, expect, it } from "vitest";
import { historyTiering } from "../../../src/core/analysis/history-tiering";
import { readCustomers } from "../../../src/core/analysis/rows";
import { runTiering } from "../../../src/core/analysis/run";
import type { AnalysisColumns, AnalysisOptions } from "../../../src/core/analysis/types";
import { serialToIsoDate } from "../../../src/core/cells/dates";
import { buildHistory } from "../../../src/core/over-time/history";

/** Seeded rows over 2023–2024 with an NPS answer on some rows and complaint counts on others (blanks elsewhere). */
function rows(seed: number, n: number): AnalysisColumns {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out = { customers: [] as string[], dates: [] as string[], amounts: [] as number[], nps: [] as (number | null)[], complaints: [] as (number | null)[] };
  for (let i = 0; i < n; i++) {
    out.customers.push(`c${Math.floor(rand() * (n / 4))}`);
    out.dates.push(serialToIsoDate(44927 + Math.floor(rand() * 700)));
    out.amounts.push(Math.round((5 + rand() * 200) * 100) / 100);
    out.nps.push(rand() < 0.5 ? null : Math.floor(rand() * 11));
    out.complaints.push(rand() < 0.7 ? null : Math.floor(rand() * 3));
  }
  return out;
}

const OPTIONS: AnalysisOptions = {
  tierBy: "score",
  score: {
    metrics: [
      { metric: "monetary", weight: 2, direction: "higher" },
      { metric: "nps", weight: 1, direction: "higher" },
      { metric: "complaints", weight: 1, direction: "lower" },
    ],
    method: "percentile",
    bands: { kind: "shares", shares: [0.05, 0.15, 0.3, 0.3] },
  },
};

describe("historyTiering with voice metrics", () => {
  it("every rebuilt snapshot's bands are a Run's as of its date", () => {
    const columns = rows(5, 1500);
    const read = readCustomers(columns, OPTIONS);
    const history = buildHistory(read.tx, { every: "month", windowMonths: null, tiering: historyTiering(read, columns, OPTIONS) });
    expect(history.snapshots.length).toBeGreaterThan(20);
    for (const snap of history.snapshots) {
      const rebuilt = new Map<string, string>();
      snap.customers.forEach((c, k) => rebuilt.set(String(history.customerIds[c]), snap.tier[k] < 0 ? "" : history.tierNames[snap.tier[k]]));
      const run = runTiering(columns, { ...OPTIONS, asOf: snap.asOf });
      const keys = new Map(run.tiers.map((t) => [t.index, t.key]));
      const asRun = new Map<string, string>();
      run.customerIds.forEach((id, c) => asRun.set(String(id), keys.get(run.tierOf[c]) ?? ""));
      expect(rebuilt, serialToIsoDate(snap.asOf)).toEqual(asRun);
    }
  });
});
