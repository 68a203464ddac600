/**
 * `tier bench`'s over-time stages (issue 14), on the bench file's transactions (1,048,576 rows,
 * 104,021 customers, two years), each the median of `repeat` runs:
 *   history_month_ends       buildHistory at every month-end (24), RFM segments (5 bins), all history
 *   history_month_ends_window  the same with a 12-month window for frequency and monetary
 *   history_frozen           the same, cut points frozen at the 12th month-end (two sweeps)
 *   trends                   tierTrends on that history
 *   movers                   historyMovers between the last two month-ends
 *   cohort_month             the monthly cohort table
 *   cohort_first_tier        the monthly cohorts split by first tier (ABC at each month-end: a history, then the split)
 *   movers_predict           P(alive) and CLV on the last two month-ends' movers (one BG/NBD + Gamma-Gamma fit)
 * The budgets: the history ≤ 3 s, the cohort table ≤ 300 ms.
 */
import { buildHistory, type History, type HistoryTiering } from "../core/over-time/history";
import { cohortTable } from "../core/over-time/cohort";
import { historyMovers } from "../core/over-time/movers";
import { cohortsByFirstTier } from "../core/over-time/first-tier";
import { moverPredictions } from "../core/over-time/movers-predict";
import { tierTrends } from "../core/over-time/trends";
import type { Transactions } from "../core/transactions/model";

const SEGMENTS: HistoryTiering = { by: "segment", bins: 5, scheme: "rfm" };
const ABC: HistoryTiering = { by: "abcClass", basis: "revenue", aCut: 0.8, bCut: 0.95 };

export function overTimeBench(tx: Transactions, repeat: number) {
  const stages: Record<string, number[]> = {
    history_month_ends: [],
    history_month_ends_window: [],
    history_frozen: [],
    trends: [],
    movers: [],
    cohort_month: [],
    cohort_first_tier: [],
    movers_predict: [],
  };
  const time = <T>(key: string, body: () => T): T => {
    const t0 = performance.now();
    const result = body();
    stages[key].push(performance.now() - t0);
    return result;
  };
  let history: History | null = null;
  let cohorts = 0;
  for (let run = 0; run < repeat; run++) {
    history = time("history_month_ends", () => buildHistory(tx, { every: "month", tiering: SEGMENTS }));
    const windowed = time("history_month_ends_window", () => buildHistory(tx, { every: "month", tiering: SEGMENTS, windowMonths: 12 }));
    time("history_frozen", () => buildHistory(tx, { every: "month", tiering: SEGMENTS, freezeAt: windowed.snapshots[11]?.asOf ?? null }));
    time("trends", () => tierTrends(windowed));
    time("movers", () => historyMovers(windowed));
    cohorts = time("cohort_month", () => cohortTable(tx, { by: "month" })).rows.length;
    time("cohort_first_tier", () => cohortsByFirstTier(tx, { by: "month" }, ABC));
    const movers = historyMovers(history);
    time("movers_predict", () => moverPredictions(movers, tx, history!.snapshots.at(-1)!.asOf, { unit: "week", horizonMonths: 12, monthlyDiscount: 0.01 }));
  }
  const last = history?.snapshots.at(-1);
  return {
    stages,
    facts: { snapshots: history?.snapshots.length ?? 0, customersAtLastSnapshot: last?.customers.length ?? 0, cohorts },
  };
}
