/**
 * `tier history FILE.csv --every month|quarter|N`: the snapshots at every month-end (quarter-end, or
 * every N days) between --from and --to, as if the analysis had been run on each date, built in one
 * sweep (src/core/over-time/history.ts). One row per snapshot date × customer: as_of, customer, tier,
 * recency, frequency and monetary (over --window-months when given), the R/F/M scores with segments,
 * and the revenue of the period the snapshot closes. --freeze DATE keeps that snapshot's cut points.
 */
import { serialToIsoDate } from "../../core/cells/dates";
import type { Messages } from "../../i18n";
import { FORMAT_OPTION, choice, emit, type Command, type Out, type Parsed } from "../args";
import type { Cell } from "../output";
import { HISTORY_OPTIONS, HISTORY_SPECS, TX_SPECS, historyFromFile, tierText } from "../over-time";

function historyCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const { history, builtIn } = historyFromFile(p, m, err);
  const names = history.tierNames.map((key) => tierText(key, builtIn, m));
  const rows: Cell[][] = [];
  for (const s of history.snapshots) {
    const asOf = serialToIsoDate(s.asOf);
    for (let i = 0; i < s.customers.length; i++) {
      const row: Cell[] = [asOf, history.customerIds[s.customers[i]], s.tier[i] < 0 ? "" : names[s.tier[i]], s.recencyDays[i], s.frequency[i], s.monetary[i]];
      if (s.rfm) row.push(s.rfm.r[i] || "", s.rfm.f[i] || "", s.rfm.m[i] || "");
      row.push(s.periodRevenue[i]);
      rows.push(row);
    }
  }
  const header = ["as_of", "customer_id", "tier", "recency_days", "frequency", "monetary", ...(history.snapshots[0]?.rfm ? ["r", "f", "m"] : []), "period_revenue"];
  emit(header, rows, format, out);
}

export const history: Command = {
  options: [...Object.keys(TX_SPECS), ...HISTORY_OPTIONS, "--format"],
  help: {
    args: "FILE.csv",
    example: "tier history assets/sample/sample-orders.csv --every quarter",
    options: { ...TX_SPECS, ...HISTORY_SPECS, ...FORMAT_OPTION },
  },
  run: historyCommand,
};
