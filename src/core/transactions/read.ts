/**
 * Readers of whole cell columns as Excel sends them (a custom function's ranges, range.values): every
 * unusable row is reported (row, field, reason) and left out, never read as 0. The CLI reads CSV
 * bytes straight into TransactionBuilder, so only the column-shaped sources come through here.
 */
import { type CellRead, isBlankOrZero, readNumberCell } from "../cells/coerce";
import { ProblemLog } from "../cells/problems";
import { type ReadOptions, TransactionBuilder } from "./builder";
import type { Transactions } from "./model";

export interface TransactionColumns {
  customers: ArrayLike<unknown>;
  dates: ArrayLike<unknown>;
  amounts: ArrayLike<unknown>;
}

/** Transaction columns (one entry per row) to typed columns; see TransactionBuilder.addCells. */
export function readTransactions(columns: TransactionColumns, options: ReadOptions = {}): Transactions {
  const n = columns.customers.length;
  if (columns.dates.length !== n || columns.amounts.length !== n) {
    throw new RangeError(`columns differ in length: ${n}, ${columns.dates.length}, ${columns.amounts.length}`);
  }
  const builder = new TransactionBuilder(n, options);
  const { customers, dates, amounts } = columns;
  for (let row = 0; row < n; row++) builder.addCells(customers[row], dates[row], amounts[row], row);
  return builder.finish(n);
}


/**
 * Reads one numeric column (customer-level inputs such as recency or values): each entry a
 * number, NaN where the cell is blank (no problem recorded) or unusable (problem recorded).
 */
export function readNumberColumn(cells: ArrayLike<unknown>, field: string, problems: ProblemLog): Float64Array {
  const out = new Float64Array(cells.length);
  const cell: CellRead = { status: "ok", value: 0 };
  for (let i = 0; i < cells.length; i++) {
    readNumberCell(cells[i], cell);
    if (cell.status === "bad") problems.add(i, field, "badNumber", cells[i]);
    else if (cell.status === "error") problems.add(i, field, "excelError", cells[i]);
    out[i] = cell.status === "ok" ? cell.value : NaN;
  }
  return out;
}

export interface CustomerRows {
  /** Per row; NaN for a blank row. */
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  blankRows: number;
  problems: ProblemLog;
}

/**
 * Customer-level columns (days since the last purchase, purchases, amount spent), one entry per row.
 * A row of blanks (or zeros, as old Excel builds send blanks) is blank: NaN in every column. Any
 * other row needs three numbers, recency and frequency not negative; a row that has not is reported
 * once, for its first bad cell, and left NaN.
 */
export function readCustomerRows(
  columns: { recencyDays: ArrayLike<unknown>; frequency: ArrayLike<unknown>; monetary: ArrayLike<unknown> },
  fieldNames = { recencyDays: "recency_days", frequency: "frequency", monetary: "monetary" },
): CustomerRows {
  const n = columns.recencyDays.length;
  const out = [new Float64Array(n).fill(NaN), new Float64Array(n).fill(NaN), new Float64Array(n).fill(NaN)];
  const sources = [columns.recencyDays, columns.frequency, columns.monetary];
  const names = [fieldNames.recencyDays, fieldNames.frequency, fieldNames.monetary];
  const problems = new ProblemLog();
  const cell: CellRead = { status: "ok", value: 0 };
  const values = [0, 0, 0];
  let blankRows = 0;
  rows: for (let i = 0; i < n; i++) {
    if (isBlankOrZero(sources[0][i]) && isBlankOrZero(sources[1][i]) && isBlankOrZero(sources[2][i])) {
      blankRows++;
      continue;
    }
    for (let k = 0; k < 3; k++) {
      const raw = sources[k][i];
      readNumberCell(raw, cell);
      if (cell.status !== "ok") {
        problems.add(i, names[k], cell.status === "blank" ? "blankNumber" : cell.status === "error" ? "excelError" : "badNumber", raw);
        continue rows;
      }
      if (k < 2 && cell.value < 0) {
        problems.add(i, names[k], "negativeValue", raw);
        continue rows;
      }
      values[k] = cell.value;
    }
    for (let k = 0; k < 3; k++) out[k][i] = values[k];
  }
  return { recencyDays: out[0], frequency: out[1], monetary: out[2], blankRows, problems };
}
