/**
 * A transactions file (customer, date, amount) for the commands that start from one: `tier rfm`,
 * `tier fit` and `tier predict`. One reader, so the column options, the two parsing paths and the
 * rows left out behave the same in every command.
 */
import { CoreError } from "../core/cells/errors";
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
 * The file's transactions, its columns named by --customer, --date and --amount; rows left out are
 * listed on stderr, and a file with no usable row is an error.
 */
export function readTransactionsFile(p: Parsed, file: string, dayOrder: "mdy" | "dmy", m: Messages, err: Out): Transactions {
  const names = {
    customers: p.options.get("--customer") ?? "customer_id",
    dates: p.options.get("--date") ?? "date",
    amounts: p.options.get("--amount") ?? "amount",
  };
  const tx = loadTransactions(file, names, { fieldNames: names, dayOrder }, m);
  reportProblems(tx.problems, tx.inputRows, m, err);
  if (tx.validRows === 0) throw new CoreError("noData", { argument: file });
  return tx;
}

