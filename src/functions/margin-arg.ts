/**
 * =TIER.CLVPREDICT's `margin`: one rate for every customer (one cell), or a rate per transaction row (a
 * range as tall as the rows), which the core weights by each row's amount into the customer's own rate
 * (src/core/models/margin.ts customerMarginRates). A range of rates rather than of profit amounts, because
 * the one cell is a rate too (as TIER.CLV's `margin`), and one argument should not mean two things.
 *
 * Blank cells follow coerce.ts's rule for ranges where 0 is a value: Excel on Windows sends an empty cell
 * as 0, which is a rate of 0 (office-js #4702); Excel on the web sends null, which is refused here, naming
 * the row, on every transaction row (a row left blank throughout is skipped like any blank row).
 */
import { cellText, readNumberCell, type CellRead, type CustomerId } from "../core/cells/coerce";
import type { Transactions } from "../core/transactions/model";
import { customerMarginRates, marginClv, marginClvByCustomer, ratesFor } from "../core/models/margin";
import type { Messages } from "../i18n";
import { badNumberText, problemText } from "../i18n/describe";
import { column, isOmitted, optionalNumber, sameLength, scalar, type Range } from "./coerce";
import { ArgumentError } from "./errors";

/** No margin, one rate, or one cell per input row (the cells, not read yet). */
export type MarginArg = { kind: "none" } | { kind: "rate"; rate: number } | { kind: "rows"; cells: unknown[] };

/** Reads the argument's shape: a range of more than one cell must be one column (or row) as tall as `customers`. */
export function marginArg(arg: unknown, customers: Range, m: Messages): MarginArg {
  if (isOmitted(arg)) return { kind: "none" };
  if (!Array.isArray(scalar(arg))) return { kind: "rate", rate: optionalNumber(arg, "margin", undefined, m)! };
  const rows = { name: "margin", column: column(arg, "margin", m) };
  sameLength(m, { name: "customers", column: column(customers, "customers", m) }, rows);
  return { kind: "rows", cells: rows.column.cells };
}

/** The rows' rates as numbers; a transaction row's cell that is blank or not a number is an error naming it. */
function rowRates(cells: unknown[], tx: Transactions, m: Messages): Float64Array {
  const out = new Float64Array(cells.length).fill(NaN);
  const read: CellRead = { status: "ok", value: 0 };
  for (let k = 0; k < tx.validRows; k++) {
    const row = tx.sourceRow[k];
    readNumberCell(cells[row], read);
    if (read.status === "ok") out[row] = read.value;
    else {
      // Text beyond a double ("1e400") says so, as every other number argument does (describe.ts badNumberText).
      const what = read.status === "blank" ? problemText("blankNumber", "", m) : read.status === "error" ? problemText("excelError", cellText(cells[row]), m) : badNumberText(cells[row], m);
      throw new ArgumentError(m.errors.rowProblem(m.errors.at("margin", row + 1), what));
    }
  }
  return out;
}

/**
 * Margin CLV for the models' customers (`ids`, a subset of `tx`'s), from their CLV; null without a margin.
 * Per-row rates are read up to the calibration end, as the models read the rows.
 */
export function marginClvColumn(margin: MarginArg, clv: Float64Array, tx: Transactions, ids: readonly CustomerId[], calibrationEnd: number, m: Messages): Float64Array | null {
  if (margin.kind === "none") return null;
  if (margin.kind === "rate") return marginClv(clv, margin.rate);
  const rates = customerMarginRates(tx, rowRates(margin.cells, tx, m), "rate", { lastDay: calibrationEnd, argument: "margin" });
  return marginClvByCustomer(clv, ratesFor(rates.rate, tx.customerIds, ids));
}
