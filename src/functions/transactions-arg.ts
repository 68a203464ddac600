/**
 * The customers, dates and amounts ranges that =TIER.RFM and the model functions (CLVPREDICT,
 * CLVFIT, PALIVE, LIFECYCLE) take, read in one place so every function checks shapes, words row
 * problems and refuses an empty table the same way. Two steps, because TIER.RFM checks the ranges'
 * shapes before its other arguments and reads the rows after them (which error wins is behaviour).
 */
import { readTransactions } from "../core/transactions/read";
import type { Transactions } from "../core/transactions/model";
import type { Messages } from "../i18n";
import { column, sameLength, throwIfProblems, type Range } from "./coerce";
import { ArgumentError } from "./errors";

/** The three ranges as cell lists of one length (amounts all 0 when the caller needs no spend). */
export interface TransactionCells {
  customers: unknown[];
  dates: unknown[];
  amounts: unknown[];
}

/** Each range one column (or row), all of one height; no cell is read yet. */
export function transactionCells(customers: Range, dates: Range, amounts: Range | null, m: Messages): TransactionCells {
  // A customer id or a date of 0 is an empty cell from Excel on Windows (coerce.ts); an amount of 0 is a value.
  const c = { name: "customers", column: column(customers, "customers", m, true) };
  const d = { name: "dates", column: column(dates, "dates", m, true) };
  const cols = [c, d];
  const a = amounts === null ? null : { name: "amounts", column: column(amounts, "amounts", m) };
  if (a) cols.push(a);
  sameLength(m, ...cols);
  // Without amounts, every row spends 0: the purchase-count models do not look at spend.
  const amountCells = a ? a.column.cells : new Array<number>(c.column.cells.length).fill(0);
  return { customers: c.column.cells, dates: d.column.cells, amounts: amountCells };
}

/** The cells as transactions; the first row problem, or no valid row at all, is an error. */
export function readTransactionCells(cells: TransactionCells, m: Messages): Transactions {
  const tx = readTransactions(cells);
  throwIfProblems(tx.problems, m);
  if (tx.validRows === 0) throw new ArgumentError(m.errors.noData("customers"));
  return tx;
}

/** Both steps at once, for the functions with no argument to check in between. */
export function transactionsArg(customers: Range, dates: Range, amounts: Range | null, m: Messages): Transactions {
  return readTransactionCells(transactionCells(customers, dates, amounts, m), m);
}
