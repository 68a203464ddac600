/**
 * A transactions file (customer, date, amount) for the commands that start from one: `tier rfm`,
 * `tier fit` and `tier predict`. One reader, so the column options, the two parsing paths and the
 * rows left out behave the same in every command.
 *
 * The file is read as a stream (input/source.ts), never held as bytes or text. readTransactionsFile keeps
 * the transactions' typed columns (24 bytes a row) for the commands that need the rows; streamCustomersFile
 * (rfm, fit, predict) keeps none: each row is added to the core's per-customer summary as it is read. A UTF-8 file with commas whose
 * header line has no quotes takes the byte path (transactions-csv.ts) chunk by chunk until a chunk
 * holds a quote; from there, and for every other file (another encoding or delimiter, CR line ends),
 * the rows go through the general reader (input/dsv.ts). Both hand rows to one TransactionBuilder.
 */
import { CoreError, throwFirst } from "../core/cells/errors";
import { readPurchases, type ReadCustomers } from "../core/analysis/rows";
import { TransactionBuilder, type ReadOptions } from "../core/transactions/builder";
import type { Transactions } from "../core/transactions/model";
import { CustomerStream, type StreamPlan } from "../core/transactions/stream";
import { summarizeCustomers, summaryFromStream, summaryPlan, type CustomerSummary, type SummaryOptions } from "../core/transactions/summary";
import { windowProblems } from "../core/transactions/window";
import type { CustomerId } from "../core/cells/coerce";
import type { Messages } from "../i18n";
import { inputOptions, position, readTable, reportProblems, type Out, type Parsed } from "./args";
import { readFast } from "./input/fast";
import { streamFile, type InputOptions } from "./input/table";
import { readRowsFast, type ColumnPositions, type ExtraColumns } from "./transactions-csv";
import type { RowExtras } from "./voice-pass";

export interface TransactionNames {
  customers: string;
  dates: string;
  amounts: string;
}

function positionsIn(header: string[], file: string, names: TransactionNames, m: Messages): ColumnPositions {
  return {
    customer: position(header, file, names.customers, m),
    date: position(header, file, names.dates, m),
    amount: position(header, file, names.amounts, m),
  };
}

/**
 * A builder that keeps no row: each row read goes to a CustomerStream (the core's per-customer summary),
 * so memory grows with the customers (and, for distinct days, the customer-days), not with the rows.
 * Its `finish` gives the customers, the problems and the row counts, with empty columns.
 */
export class StreamingBuilder extends TransactionBuilder {
  constructor(private readonly stream: CustomerStream, options: ReadOptions) {
    super(0, options);
  }

  override add(customer: number, serial: number, amount: number, row: number): void {
    this.stream.add(customer, serial, amount, row);
  }
}

/** A transactions file into typed columns, read as a stream (exported for the tests, which read in small chunks). */
export function loadTransactions(
  file: string,
  names: TransactionNames,
  options: ReadOptions,
  input: InputOptions,
  m: Messages,
  note: Out,
  makeBuilder: (options: ReadOptions) => TransactionBuilder = (o) => new TransactionBuilder(1 << 16, o),
  extra: RowExtras | null = null,
): Transactions {
  const make = () => withPurchases(makeBuilder(options), extra);
  const fastBuilder = make();
  const fastRows = readFast(file, input, m, (header) => {
    const at = positionsIn(header, file, names, m);
    const more = extraColumns(header, file, extra, m);
    return {
      lines: (bytes, start, end, row) => readRowsFast(bytes, start, end, at, fastBuilder, row, more),
      row: (fields, row) => addRow(fastBuilder, fields, at, more, row),
    };
  });
  const builder = fastRows === null ? make() : fastBuilder;
  const rows =
    fastRows ??
    streamFile(file, input, m, note, (opened) => {
      const at = positionsIn(opened.header, file, names, m);
      const more = extraColumns(opened.header, file, extra, m);
      return (fields, row) => addRow(builder, fields, at, more, row);
    });
  const tx = builder.finish(rows);
  extra?.end(tx.customerIds);
  return tx;
}

/** A row of fields from the general reader: the purchase to the builder, then the extra columns' cells (voice-pass.ts). */
function addRow(builder: TransactionBuilder, fields: string[], at: ColumnPositions, more: ExtraColumns | null, row: number): void {
  const id = fields[at.customer] ?? null;
  const date = fields[at.date] ?? null;
  builder.addCells(id, date, fields[at.amount] ?? null, row);
  if (!more) return;
  for (let j = 0; j < more.at.length; j++) more.cells[j] = fields[more.at[j]] ?? "";
  more.row(more.cells, row, id, date);
}

/** The extra columns' positions in the header (a missing one is the usual error), or null without extras. */
function extraColumns(header: string[], file: string, extra: RowExtras | null, m: Messages): ExtraColumns | null {
  if (!extra) return null;
  return { at: extra.names.map((name) => position(header, file, name, m)), cells: extra.names.map(() => ""), row: (cells, row, id, date) => extra.row(cells, row, id, date) };
}

/** The builder, telling `extra` of each row it takes as a purchase (its customer number and date) before keeping it. */
function withPurchases(builder: TransactionBuilder, extra: RowExtras | null): TransactionBuilder {
  if (!extra) return builder;
  const keep = builder.add.bind(builder);
  builder.add = (customer, serial, amount, row) => {
    extra.purchase(customer, serial, row);
    keep(customer, serial, amount, row);
  };
  return builder;
}

/**
 * A line-item file (--quantity and/or --order) read as the pane reads a sheet, by the same core function
 * (src/core/analysis/rows.ts `readPurchases`): amount = quantity × the --amount column (the unit price), lines
 * with a negative amount (returns, cancellations such as Online Retail's "C…" invoices) left out and counted,
 * lines grouped into one order per customer and order id. So `tier` reproduces the pane's (and the preview's)
 * numbers on the same rows. Rows left out are listed by the file's column names.
 */
function readLineItems(
  p: Parsed,
  names: { customers: string; dates: string; amounts: string; quantities?: string; orders?: string; margins?: string },
  dayOrder: "mdy" | "dmy",
  m: Messages,
  err: Out,
  extra: RowExtras | null = null,
): Pick<ReadCustomers, "tx" | "lines" | "margins"> {
  // The columns as text (any encoding or delimiter, read as a stream): the pane's reader takes whole columns.
  const { file, table } = readTable(p, m, err);
  const column = (name: string) => table.columns[position(table.header, file, name, m)] ?? [];
  const read = readPurchases(
    {
      customers: column(names.customers),
      dates: column(names.dates),
      amounts: column(names.amounts),
      ...(names.quantities ? { quantities: column(names.quantities) } : {}),
      ...(names.orders ? { orders: column(names.orders) } : {}),
      ...(names.margins ? { margins: column(names.margins) } : {}),
    },
    { dayOrder },
  );
  const byRole: Record<string, string | undefined> = { customer: names.customers, date: names.dates, amount: names.amounts, quantity: names.quantities, order: names.orders, margin: names.margins };
  for (const problem of read.quality.problems.problems) problem.field = byRole[problem.field] ?? problem.field;
  reportProblems(read.quality.problems, read.lines.inputRows, m, err);
  const { returns } = read.quality;
  if (returns.rows > 0) err(m.predictRest.cli.returnsLeftOut(returns.rows, returns.firstRow + 2));
  if (extra) {
    // The extra columns of the same text columns: every row matched by its id and date (no purchase numbering here).
    const ids = column(names.customers);
    const dates = column(names.dates);
    const extras = extra.names.map(column);
    const cells = extra.names.map(() => "");
    for (let i = 0; i < table.rows; i++) {
      for (let j = 0; j < extras.length; j++) cells[j] = extras[j][i] ?? "";
      extra.row(cells, i, ids[i] ?? null, dates[i] ?? null);
    }
    extra.end(read.tx.customerIds);
  }
  return read;
}

/**
 * The file's transactions, its columns named by --customer, --date and --amount (with --quantity and
 * --order: line items, read as the pane reads them, `readLineItems`); rows left out are listed on stderr,
 * and a file with no usable row is an error.
 */
export function readTransactionsFile(p: Parsed, file: string, dayOrder: "mdy" | "dmy", m: Messages, err: Out, extra: RowExtras | null = null): Transactions {
  const names = transactionNames(p);
  const quantities = p.options.get("--quantity");
  const orders = p.options.get("--order");
  if (quantities !== undefined || orders !== undefined) {
    const { tx } = readLineItems(p, { ...names, quantities, orders }, dayOrder, m, err, extra);
    if (tx.validRows === 0) throw new CoreError("noData", { argument: file });
    return tx;
  }
  const tx = loadTransactions(file, names, { fieldNames: names, dayOrder }, inputOptions(p, m), m, err, undefined, extra);
  reportProblems(tx.problems, tx.inputRows, m, err);
  if (tx.validRows === 0) throw new CoreError("noData", { argument: file });
  return tx;
}

/**
 * The file's transactions with a margin column (`tier predict --margin-column`): read as the pane reads a
 * sheet with a Margin column (readLineItems, so --quantity and --order apply too): a margin amount (gross
 * profit) per row, blank = 0, a cell that is not a number leaves its row out (listed). The purchase lines
 * and the margins by row go with the transactions, for the customers' margin rates (core/models/margin.ts).
 */
export function readTransactionsWithMargins(p: Parsed, file: string, marginColumn: string, dayOrder: "mdy" | "dmy", m: Messages, err: Out): { tx: Transactions; lines: Transactions; margins: Float64Array } {
  const names = {
    ...transactionNames(p),
    quantities: p.options.get("--quantity"),
    orders: p.options.get("--order"),
    margins: marginColumn,
  };
  const read = readLineItems(p, names, dayOrder, m, err);
  if (read.tx.validRows === 0) throw new CoreError("noData", { argument: file });
  // A blank margin cell is read as NaN ("no value"); it adds nothing, as the pane's margin total reads it (measures.ts).
  const margins = read.margins ?? new Float64Array(read.lines.inputRows);
  for (let i = 0; i < margins.length; i++) if (margins[i] !== margins[i]) margins[i] = 0;
  return { tx: read.tx, lines: read.lines, margins };
}

/** A file's customers as the core's streaming summary sees them: the stream, and the ids of its customer numbering. */
export interface StreamedCustomers {
  stream: CustomerStream;
  customerIds: CustomerId[];
}

/**
 * The file's transactions summed per customer as they are read (`plan` says what to keep and count):
 * what `tier rfm`, `fit` and `predict` need, in memory that grows with customers, not rows. Rows left
 * out are listed on stderr as readTransactionsFile lists them, and a file with no usable row is an error.
 * Line items (--quantity, --order) are read whole as the pane reads them (readLineItems), then summed.
 */
export function streamCustomersFile(p: Parsed, file: string, dayOrder: "mdy" | "dmy", plan: StreamPlan, m: Messages, err: Out, extra: RowExtras | null = null): StreamedCustomers {
  const stream = new CustomerStream(plan);
  if (p.options.has("--quantity") || p.options.has("--order")) {
    const tx = readTransactionsFile(p, file, dayOrder, m, err, extra);
    for (let i = 0; i < tx.validRows; i++) stream.add(tx.customer[i], tx.date[i], tx.amount[i], tx.sourceRow[i]);
    return { stream, customerIds: tx.customerIds };
  }
  const names = transactionNames(p);
  const read = loadTransactions(file, names, { fieldNames: names, dayOrder }, inputOptions(p, m), m, err, (o) => new StreamingBuilder(stream, o), extra);
  reportProblems(read.problems, read.inputRows, m, err);
  if (stream.rows === 0) throw new CoreError("noData", { argument: file });
  return { stream, customerIds: read.customerIds };
}

/**
 * The file's customer summary (`tier rfm`, and `tier abc` by customer). Streamed (memory grows with
 * customers, not rows) whenever the plan is known before the first row: with --as-of, or without a
 * window. A window without --as-of starts N months before the latest purchase, which only the file's
 * end tells: those runs keep the rows. `days`: count distinct purchase days (RFM's frequency by days).
 * `extra`: columns gathered in the same pass (the voice columns, voice-pass.ts).
 */
export function readCustomerSummary(p: Parsed, file: string, dayOrder: "mdy" | "dmy", options: SummaryOptions, days: boolean, m: Messages, err: Out, extra: RowExtras | null = null): CustomerSummary {
  if (options.asOf === undefined && options.windowMonths !== null && options.windowMonths !== undefined) {
    return summarizeCustomers(readTransactionsFile(p, file, dayOrder, m, err, extra), options);
  }
  throwFirst(windowProblems(options.windowMonths));
  const { stream, customerIds } = streamCustomersFile(p, file, dayOrder, summaryPlan(options.asOf ?? 0, options, days), m, err, extra);
  return summaryFromStream(stream, customerIds, options);
}

/** The file's column names: --customer, --date, --amount. */
function transactionNames(p: Parsed): TransactionNames {
  return {
    customers: p.options.get("--customer") ?? "customer_id",
    dates: p.options.get("--date") ?? "date",
    amounts: p.options.get("--amount") ?? "amount",
  };
}
