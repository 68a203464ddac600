/**
 * The transactions model: one row per purchase as parallel typed columns (customer index, serial,
 * amount, source row), so a million rows sort and group without an object per row.
 */
import type { CustomerId } from "../cells/coerce";
import type { ProblemLog } from "../cells/problems";

export interface Transactions {
  /** Per valid row: index into customerIds. */
  customer: Int32Array;
  /** Per valid row: Excel serial. */
  date: Float64Array;
  /** Per valid row: amount (negative for returns). */
  amount: Float64Array;
  /** Per valid row: its 0-based index in the input. */
  sourceRow: Int32Array;
  /**
   * Distinct customers in order of first appearance, by key (customerKey): text trimmed, and
   * canonical numeric text ("123") as the number, so 123 and "123" are one customer however the
   * rows are ordered.
   */
  customerIds: CustomerId[];
  /** Rows in the input, rows read, rows entirely blank (skipped without a problem). */
  inputRows: number;
  validRows: number;
  blankRows: number;
  problems: ProblemLog;
}


/**
 * The transactions on or before `lastDay` (a serial; the whole day counts), with only the customers
 * who bought by then, in their original order. Returns `tx` itself when nothing is later.
 */
export function transactionsUpTo(tx: Transactions, lastDay: number): Transactions {
  const end = Math.floor(lastDay) + 1;
  let kept = 0;
  for (let i = 0; i < tx.validRows; i++) if (tx.date[i] < end) kept++;
  if (kept === tx.validRows) return tx;
  const newIndex = new Int32Array(tx.customerIds.length).fill(-1);
  for (let i = 0; i < tx.validRows; i++) if (tx.date[i] < end) newIndex[tx.customer[i]] = 0;
  const customerIds: CustomerId[] = [];
  newIndex.forEach((flag, c) => {
    if (flag === 0) newIndex[c] = customerIds.push(tx.customerIds[c]) - 1;
  });
  const customer = new Int32Array(kept);
  const date = new Float64Array(kept);
  const amount = new Float64Array(kept);
  const sourceRow = new Int32Array(kept);
  for (let i = 0, k = 0; i < tx.validRows; i++) {
    if (!(tx.date[i] < end)) continue;
    customer[k] = newIndex[tx.customer[i]];
    date[k] = tx.date[i];
    amount[k] = tx.amount[i];
    sourceRow[k++] = tx.sourceRow[i];
  }
  return { ...tx, customer, date, amount, sourceRow, customerIds, validRows: kept };
}
