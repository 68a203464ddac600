/**
 * `tier trends FILE.csv`: the tier trends table over the history of a transactions file (the same
 * history as `tier history`, same options): per snapshot and tier the customers, share, revenue in the
 * period, revenue per customer, and of the tier's customers at the previous snapshot the retention,
 * repurchase, upgrade, downgrade and churn rates (src/core/over-time/trends.ts). A rate that is not
 * defined (the first snapshot; up and down without a tier order) is blank.
 */
import { serialToIsoDate } from "../../core/cells/dates";
import { tierTrends } from "../../core/over-time/trends";
import type { Messages } from "../../i18n";
import { FORMAT_OPTION, choice, emit, type Command, type Out, type Parsed } from "../args";
import type { Cell } from "../output";
import { HISTORY_OPTIONS, HISTORY_SPECS, TX_SPECS, historyFromFile, num, tierText } from "../over-time";

function trendsCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const { history, builtIn } = historyFromFile(p, m, err);
  const rows = tierTrends(history).map((r): Cell[] => [
    serialToIsoDate(r.asOf),
    tierText(r.tier, builtIn, m),
    r.customers,
    num(r.share),
    r.revenue,
    num(r.revenuePerCustomer),
    r.previousCustomers,
    num(r.retention),
    num(r.repurchaseRate),
    num(r.upgradeRate),
    num(r.downgradeRate),
    num(r.churnRate),
  ]);
  const header = ["as_of", "tier", "customers", "share", "revenue", "revenue_per_customer", "previous_customers", "retention", "repurchase_rate", "upgrade_rate", "downgrade_rate", "churn_rate"];
  emit(header, rows, format, out);
}

export const trends: Command = {
  options: [...Object.keys(TX_SPECS), ...HISTORY_OPTIONS, "--format"],
  help: {
    args: "FILE.csv",
    example: "tier trends assets/sample/sample-orders.csv --every quarter",
    options: { ...TX_SPECS, ...HISTORY_SPECS, ...FORMAT_OPTION },
  },
  run: trendsCommand,
};
