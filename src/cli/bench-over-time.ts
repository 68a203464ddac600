/**
 * `tier bench`'s over-time stages (issue 14), on the bench file's transactions (1,048,576 rows,
 * 104,021 customers, two years), each the median of `repeat` runs:
 *   history_month_ends       buildHistory at every month-end (24), RFM segments (5 bins), all history
 *   history_month_ends_window  the same with a 12-month window for frequency and monetary
 *   history_frozen           the same, cut points frozen at the 12th month-end (two sweeps)
 *   trends                   tierTrends on that history
 *   movers                   historyMovers between the last two month-ends
 *   cohort_month             the monthly cohort table
 * The issue's budgets: the history ≤ 3 s, the cohort table ≤ 300 ms.
 */
import { buildHistory, type History, type HistoryTiering } from "../core/over-time/history";
import { cohortTable } from "../core/over-time/cohort";
import { historyMovers } from "../core/over-time/movers";
import { tierTrends } from "../core/over-time/trends";
import type { Transactions } from "../core/transactions/model";

const SEGMENTS: HistoryTiering = { by: "segment", bins: 5, scheme: "rfm" };

export function overTimeBench(tx: Transactions, repeat: number) {
  const stages: Record<string, number[]> = {
    history_month_ends: [],
    history_month_ends_window: [],
    history_frozen: [],
    trends: [],
    movers: [],
    cohort_month: [],
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
  }
  const last = history?.snapshots.at(-1);
  return {
    stages,
    facts: { snapshots: history?.snapshots.length ?? 0, customersAtLastSnapshot: last?.customers.length ?? 0, cohorts },
  };
}
