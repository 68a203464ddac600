/**
 * `tier cohort FILE.csv --by month|quarter [--measure customers|revenue]`: the cohort triangle of a
 * transactions file (src/core/over-time/cohort.ts): per cohort (month or quarter of first purchase)
 * its customers and p0, p1, … the share active in each period since (or revenue over period 0's).
 * Periods a cohort has not reached yet are blank. `--first-tier segment|abc` splits each cohort by
 * the tier its customers were in at the end of their first period (src/core/over-time/first-tier.ts;
 * --bins/--segments or --a-cut/--b-cut as for `tier history`): one triangle per tier, a first_tier
 * column after cohort. `--quantity COL` multiplies the amount column by a
 * quantity column first (Online Retail's Quantity × UnitPrice); rows with a negative amount (returns,
 * cancellations) are not purchases.
 */
import { parseNumberText } from "../../core/cells/coerce";
import { cohortTable, type CohortMeasure, type CohortRow } from "../../core/over-time/cohort";
import { cohortsByFirstTier } from "../../core/over-time/first-tier";
import { readTransactions } from "../../core/transactions/read";
import type { Transactions } from "../../core/transactions/model";
import type { CalendarPeriod } from "../../core/transactions/window";
import type { Messages } from "../../i18n";
import { FORMAT_OPTION, UsageError, choice, emit, pick, readTable, reportProblems, type Command, type Out, type Parsed } from "../args";
import type { Cell } from "../output";
import { HISTORY_SPECS, TX_SPECS, num, tierText, tieringOption, withOptionName } from "../over-time";
import { readTransactionsFile } from "../transactions-file";

/** With --quantity: amount = quantity × the amount column, read through the general CSV parser. */
function readWithQuantity(p: Parsed, quantityName: string, dayOrder: "mdy" | "dmy", m: Messages, err: Out): Transactions {
  const { file, table } = readTable(p, m);
  const names = { customers: p.options.get("--customer") ?? "customer_id", dates: p.options.get("--date") ?? "date", amounts: p.options.get("--amount") ?? "amount" };
  const quantity = pick(table, file, quantityName, m);
  const price = pick(table, file, names.amounts, m);
  // A product of two numbers; a cell that is not one passes through, so the reader reports it by line.
  const amounts = price.map((cell, i) => {
    const q = parseNumberText(quantity[i]);
    const v = parseNumberText(cell);
    return Number.isNaN(q) ? quantity[i] : Number.isNaN(v) ? cell : q * v;
  });
  const tx = readTransactions({ customers: pick(table, file, names.customers, m), dates: pick(table, file, names.dates, m), amounts }, { fieldNames: names, dayOrder });
  reportProblems(tx.problems, tx.inputRows, m, err);
  return tx;
}

function cohortCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const by = (p.options.get("--by") ?? "month") as CalendarPeriod;
  const measure = (p.options.get("--measure") ?? "customers") as CohortMeasure;
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  if (!p.positional[0]) throw new UsageError(m.cli.missingFile);
  const quantityName = p.options.get("--quantity");
  const tx = quantityName ? readWithQuantity(p, quantityName, dayOrder, m, err) : readTransactionsFile(p, p.positional[0], dayOrder, m, err);
  const periods = (width: number) => Array.from({ length: width }, (_, k) => `p${k}`);
  const values = (r: CohortRow, width: number) => Array.from({ length: width }, (_, k) => (k < r.values.length ? num(r.values[k]) : ""));
  const firstTier = p.options.has("--first-tier") ? choice(p, "--first-tier", ["segment", "abc"], "segment", m) : null;
  if (firstTier) {
    // One triangle per first tier (src/core/over-time/first-tier.ts), tiers best first, stacked.
    const split = withOptionName(() => cohortsByFirstTier(tx, { by, measure }, tieringOption(p, firstTier, m)));
    const builtIn = firstTier === "segment";
    const rows = split.triangles.flatMap((t) => t.rows.map((r): Cell[] => [r.cohort, tierText(t.tier, builtIn, m), r.customers, ...values(r, split.table.width)]));
    emit(["cohort", "first_tier", "customers", ...periods(split.table.width)], rows, format, out);
    return;
  }
  const table = withOptionName(() => cohortTable(tx, { by, measure }));
  emit(["cohort", "customers", ...periods(table.width)], table.rows.map((r): Cell[] => [r.cohort, r.customers, ...values(r, table.width)]), format, out);
}

export const cohort: Command = {
  options: [...Object.keys(TX_SPECS), "--by", "--measure", "--quantity", "--first-tier", "--bins", "--segments", "--a-cut", "--b-cut", "--format"],
  help: {
    args: "FILE.csv",
    example: "tier cohort assets/sample/online_retail_customers.csv --customer CustomerID --date InvoiceDate --amount UnitPrice --quantity Quantity",
    options: {
      ...TX_SPECS,
      "--by": { text: "cohortBy", kind: "choice", choices: ["month", "quarter"], default: "month", example: "quarter" },
      "--measure": { text: "cohortMeasure", kind: "choice", choices: ["customers", "revenue"], default: "customers", example: "revenue" },
      "--quantity": { text: "quantity", kind: "column", default: { words: "noDefault" }, example: "Quantity" },
      "--first-tier": { text: "firstTier", kind: "choice", choices: ["segment", "abc"], default: { words: "offDefault" }, example: "abc" },
      "--bins": HISTORY_SPECS["--bins"],
      "--segments": HISTORY_SPECS["--segments"],
      "--a-cut": HISTORY_SPECS["--a-cut"],
      "--b-cut": HISTORY_SPECS["--b-cut"],
      ...FORMAT_OPTION,
    },
  },
  run: cohortCommand,
};
