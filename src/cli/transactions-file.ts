/**
 * A transactions file (customer, date, amount) for the commands that start from one: `tier rfm`,
 * `tier fit` and `tier predict`. One reader, so the column options, the two parsing paths and the
 * rows left out behave the same in every command.
 */
import { CoreError } from "../core/cells/errors";
import { readPurchases } from "../core/analysis/rows";
import { readTransactions } from "../core/transactions/read";
import type { ReadOptions } from "../core/transactions/builder";
import type { Transactions } from "../core/transactions/model";
import type { Messages } from "../i18n";
import { position, readBytes, reportProblems, type Out, type Parsed } from "./args";
import { parseCsv } from "./csv";
import { readTransactionsCsv } from "./transactions-csv";

/**
 * A transactions file into typed columns: straight from the bytes when the file has no quotes
 * (transactions-csv.ts), else through the general CSV parser. Both paths read rows alike.
 */
function loadTransactions(file: string, names: { customers: string; dates: string; amounts: string }, options: ReadOptions, m: Messages): Transactions {
  const bytes = readBytes(file, m);
  const firstLine = bytes.indexOf(10);
  const header = parseCsv(bytes.toString("utf8", 0, firstLine < 0 ? bytes.length : firstLine)).header;
  const positions = {
    customer: position(header, file, names.customers, m),
    date: position(header, file, names.dates, m),
    amount: position(header, file, names.amounts, m),
  };
  const fast = readTransactionsCsv(bytes, positions, options);
  if (fast) return fast;
  const table = parseCsv(bytes.toString("utf8"));
  const column = (k: number) => table.columns[k] ?? [];
  return readTransactions({ customers: column(positions.customer), dates: column(positions.date), amounts: column(positions.amount) }, options);
}

/**
 * A line-item file (--quantity and/or --order) read as the pane reads a sheet, by the same core function
 * (src/core/analysis/rows.ts `readPurchases`): amount = quantity × the --amount column (the unit price), lines
 * with a negative amount (returns, cancellations such as Online Retail's "C…" invoices) left out and counted,
 * lines grouped into one order per customer and order id. So `tier` reproduces the pane's (and the preview's)
 * numbers on the same rows. Rows left out are listed by the file's column names.
 */
function readLineItems(file: string, names: { customers: string; dates: string; amounts: string; quantities?: string; orders?: string }, dayOrder: "mdy" | "dmy", m: Messages, err: Out): Transactions {
  const table = parseCsv(readBytes(file, m).toString("utf8"));
  const column = (name: string) => table.columns[position(table.header, file, name, m)] ?? [];
  const read = readPurchases(
    {
      customers: column(names.customers),
      dates: column(names.dates),
      amounts: column(names.amounts),
      ...(names.quantities ? { quantities: column(names.quantities) } : {}),
      ...(names.orders ? { orders: column(names.orders) } : {}),
    },
    { dayOrder },
  );
  const byRole: Record<string, string | undefined> = { customer: names.customers, date: names.dates, amount: names.amounts, quantity: names.quantities, order: names.orders };
  for (const problem of read.quality.problems.problems) problem.field = byRole[problem.field] ?? problem.field;
  reportProblems(read.quality.problems, read.lines.inputRows, m, err);
  const { returns } = read.quality;
  if (returns.rows > 0) err(m.predictRest.cli.returnsLeftOut(returns.rows, returns.firstRow + 2));
  return read.tx;
}

/**
 * The file's transactions, its columns named by --customer, --date and --amount (with --quantity and
 * --order: line items, read as the pane reads them, `readLineItems`); rows left out are listed on stderr,
 * and a file with no usable row is an error.
 */
export function readTransactionsFile(p: Parsed, file: string, dayOrder: "mdy" | "dmy", m: Messages, err: Out): Transactions {
  const names = {
    customers: p.options.get("--customer") ?? "customer_id",
    dates: p.options.get("--date") ?? "date",
    amounts: p.options.get("--amount") ?? "amount",
  };
  const quantities = p.options.get("--quantity");
  const orders = p.options.get("--order");
  if (quantities !== undefined || orders !== undefined) {
    const tx = readLineItems(file, { ...names, quantities, orders }, dayOrder, m, err);
    if (tx.validRows === 0) throw new CoreError("noData", { argument: file });
    return tx;
  }
  const tx = loadTransactions(file, names, { fieldNames: names, dayOrder }, m);
  reportProblems(tx.problems, tx.inputRows, m, err);
  if (tx.validRows === 0) throw new CoreError("noData", { argument: file });
  return tx;
}

