/**
 * The pane's tiering in the rebuilt history (analysis/history-tiering.ts, issue 14 §2 "with the current
 * settings"): every rebuilt snapshot equals a Run's tiering as of that date, for score bands (on recency,
 * frequency, monetary, simple CLV, margin and the extra column, over a window or all history) and for ABC by
 * margin; a score on predictions is said, not rebuilt; other tierings go to the core's own.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { historyTiering, historyTieringProblem } from "../../../src/core/analysis/history-tiering";
import { readCustomers } from "../../../src/core/analysis/rows";
import { runTiering } from "../../../src/core/analysis/run";
import { PREDICT_DEFAULTS } from "../../../src/core/analysis/predictions";
import type { AnalysisColumns, AnalysisOptions } from "../../../src/core/analysis/types";
import { serialToIsoDate } from "../../../src/core/cells/dates";
import { buildHistory } from "../../../src/core/over-time/history";

/** Seeded rows over 2023–2024: ids, ISO dates, amounts (some returns), margins, an extra column with blanks. */
function rows(seed: number, n: number): AnalysisColumns {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const customers: string[] = [];
  const dates: string[] = [];
  const amounts: number[] = [];
  const margins: number[] = [];
  const extras: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    customers.push(`c${Math.floor(rand() * (n / 4))}`);
    const day = Math.floor(rand() * 700);
    dates.push(serialToIsoDate(44927 + day));
    const amount = Math.round((rand() < 0.05 ? -1 : 1) * (5 + rand() * 200) * 100) / 100;
    amounts.push(amount);
    margins.push(Math.round(amount * rand() * 40) / 100);
    extras.push(rand() < 0.3 ? null : Math.floor(rand() * 10));
  }
  return { customers, dates, amounts, margins, extras };
}

/** Per snapshot of the rebuilt history, id → tier key; and a Run as of that date, id → tier key. */
function compare(columns: AnalysisColumns, options: AnalysisOptions) {
  const read = readCustomers(columns, options);
  const history = buildHistory(read.tx, { every: "month", windowMonths: options.windowMonths ?? null, tiering: historyTiering(read, columns, options) });
  expect(history.snapshots.length).toBeGreaterThan(20);
  for (const s of history.snapshots) {
    const rebuilt = new Map<string, string>();
    s.customers.forEach((c, k) => rebuilt.set(String(history.customerIds[c]), s.tier[k] < 0 ? "" : history.tierNames[s.tier[k]]));
    const run = runTiering(columns, { ...options, asOf: s.asOf });
    const keys = new Map(run.tiers.map((t) => [t.index, t.key]));
    const asRun = new Map<string, string>();
    run.customerIds.forEach((id, c) => asRun.set(String(id), keys.get(run.tierOf[c]) ?? ""));
    expect(rebuilt, serialToIsoDate(s.asOf)).toEqual(asRun);
  }
  return history;
}

const SCORE: AnalysisOptions = {
  tierBy: "score",
  clv: { margin: 0.3, retention: 0.7, discount: 0.1, years: 3 },
  score: {
    metrics: [
      { metric: "recency", weight: 1, direction: "lower" },
      { metric: "frequency", weight: 1, direction: "higher" },
      { metric: "monetary", weight: 2, direction: "higher" },
      { metric: "clv", weight: 1, direction: "higher" },
      { metric: "margin", weight: 1, direction: "higher" },
      { metric: "extra", weight: 0.5, direction: "higher" },
    ],
    method: "percentile",
    bands: { kind: "shares", shares: [0.05, 0.15, 0.3, 0.3] },
  },
};

describe("historyTiering: a rebuilt snapshot is the Run as of its date", () => {
  it("score bands on every measure a Run scores without predictions, all history", () => {
    const h = compare(rows(7, 3000), SCORE);
    expect(h.ordered).toBe(true);
    expect(h.tierNames).toEqual(["diamond", "platinum", "gold", "silver", "bronze"]);
    expect(h.frozen).toBeNull();
  });

  it("score bands by minimum scores (min–max) over a 6-month window", () => {
    compare(rows(11, 2000), { ...SCORE, windowMonths: 6, score: { ...SCORE.score!, method: "minmax", bands: { kind: "thresholds", thresholds: [80, 60, 40, 20] } } });
  });

  it("ABC classes by margin", () => {
    compare(rows(3, 2000), { tierBy: "abcClass", abc: { aCut: 0.7, bCut: 0.9, basis: "margin" } });
  });

  it("property: any seed and window, score bands equal the Run's", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }), (seed, windowMonths) => {
        compare(rows(seed, 600), { ...SCORE, windowMonths });
      }),
      { numRuns: 4 },
    );
  });

  it("segments and ABC by revenue go to the core's tierings (cut points can be frozen there)", () => {
    const columns = rows(5, 300);
    const read = readCustomers(columns, { tierBy: "segment" });
    expect(historyTiering(read, columns, { tierBy: "segment", rfm: { bins: 4, scheme: "cn8" } })).toEqual({ by: "segment", bins: 4, breakpoints: null, scheme: "cn8" });
    expect(historyTiering(read, columns, { tierBy: "abcClass", abc: { aCut: 0.8, bCut: 0.95, basis: "orders" } })).toMatchObject({ by: "abcClass", basis: "orders" });
  });

  it("a score on predictions is named as the reason, not rebuilt", () => {
    const options: AnalysisOptions = { ...SCORE, predict: PREDICT_DEFAULTS, score: { ...SCORE.score!, metrics: [{ metric: "pAlive", weight: 1, direction: "higher" }] } };
    expect(historyTieringProblem(options)).toBe("scoreNeedsPredictions");
    expect(historyTieringProblem(SCORE)).toBeNull();
    const columns = rows(5, 300);
    expect(() => historyTiering(readCustomers(columns, options), columns, options)).toThrow(RangeError);
  });
});
