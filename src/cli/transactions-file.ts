/**
 * A transactions file (customer, date, amount) for the commands that start from one: `tier rfm`,
 * `tier fit` and `tier predict`. One reader, so the column options, the two parsing paths and the
 * rows left out behave the same in every command.
 *
 * The file is read as a stream (input/source.ts): memory holds the customers and the transactions'
 * typed columns (24 bytes a row), never the file's bytes or its text. A UTF-8 file with commas whose
 * header line has no quotes takes the byte path (transactions-csv.ts) chunk by chunk until a chunk
 * holds a quote; from there, and for every other file (another encoding or delimiter, CR line ends),
 * the rows go through the general reader (input/dsv.ts). Both hand rows to one TransactionBuilder.
 */
import { CoreError } from "../core/cells/errors";
import { TransactionBuilder, type ReadOptions } from "../core/transactions/builder";
import type { Transactions } from "../core/transactions/model";
import type { Messages } from "../i18n";
import { inputOptions, position, reportProblems, type Out, type Parsed } from "./args";
import { UsageError } from "./errors";
import { DsvReader, MAX_ROW_CHARS, detectDelimiter } from "./input/dsv";
import { ChunkDecoder, FileChunks, detectEncoding } from "./input/source";
import { checkHeader, streamFile, type InputOptions } from "./input/table";
import { readRowsFast, type ColumnPositions } from "./transactions-csv";

export interface TransactionNames {
  customers: string;
  dates: string;
  amounts: string;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

function positionsIn(header: string[], file: string, names: TransactionNames, m: Messages): ColumnPositions {
  return {
    customer: position(header, file, names.customers, m),
    date: position(header, file, names.dates, m),
    amount: position(header, file, names.amounts, m),
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The byte path, or null when the file is not a UTF-8 comma file with a plain header line (then
 * nothing has been read into the builder and the general reader starts from the beginning).
 */
function readFast(file: string, names: TransactionNames, builder: TransactionBuilder, input: InputOptions, m: Messages): number | null {
  if (input.encoding !== undefined && input.encoding !== "utf-8") return null;
  if (input.delimiter !== undefined && input.delimiter !== ",") return null;
  const chunks = new FileChunks(file, m, input.chunkBytes);
  try {
    const first = chunks.next();
    if (!first || (input.encoding === undefined && detectEncoding(first, file, m).name !== "utf-8")) return null;
    const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
    const headerEnd = first.indexOf(LF);
    if (headerEnd < 0) return null;
    const headerBytes = first.subarray(bom, headerEnd);
    if (headerBytes.indexOf(QUOTE) >= 0 || headerBytes.subarray(0, -1).indexOf(CR) >= 0) return null;
    const headerText = new TextDecoder("utf-8").decode(headerBytes).replace(/\r$/, "");
    if (headerText.trim() === "" || (input.delimiter === undefined && detectDelimiter(headerText) !== ",")) return null;
    const header = headerText.split(",").map((h) => h.trim());
    checkHeader(header, file, m);
    const positions = positionsIn(header, file, names, m);
    let row = 0;
    let data: Uint8Array = first.slice(headerEnd + 1);
    for (;;) {
      if (data.indexOf(0) >= 0) throw new UsageError(m.cli.notText(file));
      if (data.indexOf(QUOTE) >= 0) return readRestGeneral(data, chunks, positions, builder, row, file, m);
      const next = chunks.next();
      if (!next) return readRowsFast(data, 0, data.length, positions, builder, row);
      const lastLf = data.lastIndexOf(LF);
      if (lastLf < 0) {
        if (data.length > MAX_ROW_CHARS) throw new UsageError(m.cli.rowTooLong(file, row + 2, MAX_ROW_CHARS >> 20));
        data = concat(data, next);
        continue;
      }
      row = readRowsFast(data, 0, lastLf + 1, positions, builder, row);
      data = concat(data.subarray(lastLf + 1), next);
    }
  } finally {
    chunks.close();
  }
}

/** From the first chunk with a quote on, the general reader: `data` starts at the beginning of a row. */
function readRestGeneral(data: Uint8Array, chunks: FileChunks, at: ColumnPositions, builder: TransactionBuilder, row: number, file: string, m: Messages): number {
  const decoder = new ChunkDecoder({ name: "utf-8", how: "default" }, file, m);
  const firstLine = row + 2;
  const reader = new DsvReader(",", (fields) => {
    builder.addCells(fields[at.customer] ?? null, fields[at.date] ?? null, fields[at.amount] ?? null, row++);
  }, file, m);
  // Lines from here on are counted from this row's line (the rows before had no quoted line ends).
  reader.startAt(firstLine);
  reader.feed(decoder.decode(data, chunks.offset - data.length));
  for (let chunk = chunks.next(); chunk; chunk = chunks.next()) reader.feed(decoder.decode(chunk, chunks.offset - chunk.length));
  reader.feed(decoder.decode(null, chunks.offset));
  reader.end();
  return row;
}

/** A transactions file into typed columns, read as a stream (exported for the tests, which read in small chunks). */
export function loadTransactions(file: string, names: TransactionNames, options: ReadOptions, input: InputOptions, m: Messages, note: Out): Transactions {
  const fastBuilder = new TransactionBuilder(1 << 16, options);
  const fastRows = readFast(file, names, fastBuilder, input, m);
  if (fastRows !== null) return fastBuilder.finish(fastRows);
  const builder = new TransactionBuilder(1 << 16, options);
  const rows = streamFile(file, input, m, note, (opened) => {
    const at = positionsIn(opened.header, file, names, m);
    return (fields, row) => builder.addCells(fields[at.customer] ?? null, fields[at.date] ?? null, fields[at.amount] ?? null, row);
  });
  return builder.finish(rows);
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
  const tx = loadTransactions(file, names, { fieldNames: names, dayOrder }, inputOptions(p, m), m, err);
  reportProblems(tx.problems, tx.inputRows, m, err);
  if (tx.validRows === 0) throw new CoreError("noData", { argument: file });
  return tx;
}
