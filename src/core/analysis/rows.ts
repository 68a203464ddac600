/**
 * Reading the mapped rows into purchases and customers: cell reading (every unusable row reported once,
 * `field` = its Role), returns set apart, lines grouped into orders, the customer summary. Kept apart
 * from the measures and tiers because it is the only step that sees cells; everything after works on
 * typed columns.
 *
 * Returns and cancellations: a row whose amount is negative (Online Retail's cancellations have a
 * negative quantity) is a return. Returns are counted (`returns`) and left out, so frequency counts
 * purchases and monetary is gross sales; a customer with only returns is not a customer here.
 *
 * Orders: with an order column (`orders`, e.g. InvoiceNo) the rows are line items, grouped into one
 * order per (customer, order id) by `groupOrders` (src/core/transactions/orders.ts): amount = the sum of its lines,
 * date = its earliest line. Everything that counts or sums purchases (the customer summary, so RFM
 * frequency and monetary, ABC, the simple CLV, the tiers' "Orders", and the predictions) then works on
 * orders. The return rule stays per line and comes first: a line with a negative amount is left out
 * before grouping, so an invoice of returns only (Online Retail's "C…" cancellations) forms no order and
 * an order that mixes purchases with a returned line counts its purchases (gross sales). The quality
 * counts stay in rows; `quality.orders` says how many orders the used rows formed. The margin, extra and
 * category columns are read per line, as without orders.
 *
 * Voice columns (issue 15 §4: NPS, satisfaction, complaints, referrals, engagement; src/core/tiers/voice.ts)
 * are read as the extra column is: blank is no answer (NaN, never 0); a cell that is not a number, or a
 * number the field cannot hold (an NPS of 11), is a row problem with the role as its field and leaves the
 * row out, so the person sees the row and fixes it rather than a tier's NPS being quietly wrong.
 */
import { CoreError } from "../cells/errors";
import { excelErrorText, readNumberCell, type CellRead, type CustomerId } from "../cells/coerce";
import { TransactionBuilder } from "../transactions/builder";
import type { Transactions } from "../transactions/model";
import { groupOrders } from "../transactions/orders";
import { summarizeCustomers, transactionsAsOf, type CustomerSummary } from "../transactions/summary";
import { VOICE_FIELDS, voiceValueProblem, type VoiceField } from "../tiers/voice";
import type { AnalysisColumns, AnalysisOptions, ReadQuality } from "./types";

const EXTRA_ROLES = ["margin", "extra"] as const;

/** Reads the rows: purchases, returns apart, every unusable row reported once (field = role). */
export function readAnalysisRows(columns: AnalysisColumns, options: Pick<AnalysisOptions, "dayOrder" | "problemLimit"> = {}) {
  const n = columns.customers.length;
  const voiceFields = VOICE_FIELDS.filter((field) => columns[field] !== undefined);
  for (const c of [columns.dates, columns.amounts, columns.quantities, columns.margins, columns.categories, columns.extras, columns.orders, ...voiceFields.map((f) => columns[f])]) {
    if (c && c.length !== n) throw new RangeError(`columns differ in length: ${n}, ${c.length}`);
  }
  const builder = new TransactionBuilder(n, {
    dayOrder: options.dayOrder,
    fieldNames: { customers: "customer", dates: "date", amounts: "amount" },
    problemLimit: options.problemLimit,
  });
  const { problems } = builder;
  const cell: CellRead = { status: "ok", value: 0 };
  const qty: CellRead = { status: "ok", value: 0 };
  const extras = { margin: columns.margins, extra: columns.extras };
  const perRow = { margin: columns.margins ? new Float64Array(n) : null, extra: columns.extras ? new Float64Array(n) : null };
  const voice: Partial<Record<VoiceField, Float64Array>> = {};
  for (const field of voiceFields) voice[field] = new Float64Array(n);
  rows: for (let row = 0; row < n; row++) {
    const id = columns.customers[row];
    const date = columns.dates[row];
    let amount: unknown = columns.amounts[row];
    // An order id that is an Excel error cannot be grouped: the row is left out (a blank id is its own order).
    if (columns.orders && excelErrorText(columns.orders[row])) {
      problems.add(row, "order", "excelError", columns.orders[row]);
      continue;
    }
    // Optional numeric cells: blank is "no value"; anything else unusable leaves the row out.
    for (const role of EXTRA_ROLES) {
      const source = extras[role];
      const values = perRow[role];
      if (!source || !values) continue;
      readNumberCell(source[row], cell);
      if (cell.status === "bad" || cell.status === "error") {
        problems.add(row, role, cell.status === "error" ? "excelError" : "badNumber", source[row]);
        continue rows;
      }
      values[row] = cell.value;
    }
    for (const field of voiceFields) {
      const source = columns[field]!;
      readNumberCell(source[row], cell);
      const code = cell.status === "error" ? "excelError" : cell.status === "bad" ? "badNumber" : cell.status === "ok" ? voiceValueProblem(field, cell.value) : null;
      if (code) {
        problems.add(row, field, code, source[row]);
        continue rows;
      }
      voice[field]![row] = cell.status === "ok" ? cell.value : NaN;
    }
    let quantityProblem = false;
    if (columns.quantities) {
      const q = columns.quantities[row];
      readNumberCell(q, qty);
      readNumberCell(amount, cell);
      if (qty.status === "blank" && cell.status === "blank") amount = null;
      else if (qty.status !== "ok") {
        amount = q; // addCells reports it (as the amount field; renamed below)
        quantityProblem = true;
      } else if (cell.status === "ok") amount = qty.value * cell.value;
    }
    const before = problems.count;
    builder.addCells(id, date, amount, row);
    if (quantityProblem && problems.count > before) {
      const last = problems.problems[problems.problems.length - 1];
      if (last && last.row === row && last.field === "amount") last.field = "quantity";
    }
  }
  const tx = builder.finish(n);
  return { tx, margins: perRow.margin, extras: perRow.extra, voice: voiceFields.length > 0 ? voice : null, problems };
}

/** Transactions without the returns (negative amounts); customers renumbered in order of first purchase. */
function withoutReturns(tx: Transactions): { tx: Transactions; returns: ReadQuality["returns"] } {
  const returns = { rows: 0, amount: 0, firstRow: -1 };
  const keep = new Uint8Array(tx.validRows);
  for (let k = 0; k < tx.validRows; k++) {
    // −0 too: a negative quantity at price 0 (a cancelled free item) is a return, not a purchase.
    if (tx.amount[k] < 0 || Object.is(tx.amount[k], -0)) {
      returns.rows++;
      returns.amount += tx.amount[k];
      if (returns.firstRow < 0 || tx.sourceRow[k] < returns.firstRow) returns.firstRow = tx.sourceRow[k];
    } else keep[k] = 1;
  }
  if (returns.rows === 0) return { tx, returns };
  const kept = tx.validRows - returns.rows;
  const remap = new Int32Array(tx.customerIds.length).fill(-1);
  const customerIds: CustomerId[] = [];
  const out = { customer: new Int32Array(kept), date: new Float64Array(kept), amount: new Float64Array(kept), sourceRow: new Int32Array(kept) };
  let j = 0;
  for (let k = 0; k < tx.validRows; k++) {
    if (!keep[k]) continue;
    const c = tx.customer[k];
    if (remap[c] < 0) {
      remap[c] = customerIds.length;
      customerIds.push(tx.customerIds[c]);
    }
    out.customer[j] = remap[c];
    out.date[j] = tx.date[k];
    out.amount[j] = tx.amount[k];
    out.sourceRow[j] = tx.sourceRow[k];
    j++;
  }
  return { tx: { ...tx, ...out, customerIds, validRows: kept }, returns };
}

/** The rows read: purchase lines (returns out), orders (the lines grouped, with an order column), the summary. */
export interface ReadCustomers {
  /** Purchase lines, returns left out; the per-line columns (margin, extra, category) follow `sourceRow`. */
  lines: Transactions;
  /** What the measures count: the lines, or with an order column the orders (same customer numbering). */
  tx: Transactions;
  quality: ReadQuality;
  summary: CustomerSummary;
  /** Per source row: the margin and extra cells read (0 where blank); null without the column. */
  margins: Float64Array | null;
  extras: Float64Array | null;
  /** Per source row: the voice columns' values (NaN where blank); null without any voice column. */
  voice: Partial<Record<VoiceField, Float64Array>> | null;
}

/**
 * The purchases of line-item (or plain) columns as the pane reads them: amount = quantity × price with a
 * quantity column, returns and cancellations (negative lines) left out, lines grouped into orders with an
 * order column. `tier` reads a file with --quantity and --order through here too, so the pane and the
 * command count the same purchases (src/cli/transactions-file.ts).
 */
export function readPurchases(
  columns: AnalysisColumns,
  options: Pick<AnalysisOptions, "dayOrder" | "problemLimit" | "asOf"> & { keepReturns?: boolean } = {},
): Omit<ReadCustomers, "summary"> {
  const read = readAnalysisRows(columns, options);
  // Returns are left out per line, before the lines are grouped into orders; as of an earlier date than
  // the last purchase, the lines after it are left out first (the file as it stood then), so the orders,
  // the per-line columns and the summary all number the same customers. `keepReturns`: kept, for a reader
  // that nets them off itself (membership levels' spend, as =TIER.LEVELS and `tier levels` read it).
  const { tx: returnsOut, returns } = options.keepReturns ? { tx: read.tx, returns: { rows: 0, amount: 0, firstRow: -1 } } : withoutReturns(read.tx);
  const lines = transactionsAsOf(returnsOut, options.asOf);
  // Orders keep the lines' customer numbering, so the per-customer sums (made from lines) fit them.
  const tx = columns.orders ? groupOrders(lines, columns.orders).tx : lines;
  const quality: ReadQuality = {
    inputRows: lines.inputRows,
    blankRows: lines.blankRows,
    usedRows: lines.validRows,
    orders: columns.orders ? tx.validRows : null,
    problems: read.problems,
    returns,
  };
  return { lines, tx, quality, margins: read.margins, extras: read.extras, voice: read.voice };
}

export function readCustomers(columns: AnalysisColumns, options: AnalysisOptions): ReadCustomers {
  const read = readPurchases(columns, options);
  const first = read.quality.problems.problems[0];
  // No row usable and a reason in the rows: the first bad cell goes with the error, so the caller can name it.
  if (read.tx.validRows === 0 && first) throw new CoreError("noData", { row: first.row, field: first.field, code: first.code, value: String(first.value ?? "") });
  const summary = summarizeCustomers(read.tx, { asOf: options.asOf ?? null, windowMonths: options.windowMonths ?? null });
  return { ...read, summary };
}
