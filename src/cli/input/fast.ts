/**
 * The byte path for the common file: UTF-8, commas, a header line without quotes. Its data lines are
 * handed over as bytes, chunk by chunk (whole lines only), to a reader that picks its fields without
 * making strings (transactions-csv.ts for transactions, abc's value column): on ten million rows the
 * general reader's strings are most of the time. From the first chunk that holds a quote on, the rest
 * goes through the general reader (dsv.ts) to the same consumer's `row`, so quoting anywhere works.
 */
import type { Messages } from "../../i18n";
import { UsageError } from "../errors";
import { DsvReader, MAX_ROW_CHARS, detectDelimiter } from "./dsv";
import { ChunkDecoder, FileChunks, detectEncoding } from "./source";
import { checkHeader, type InputOptions } from "./table";

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** What the byte path feeds: whole lines as bytes (returns the next row number), or a row of fields from the general reader. */
export interface FastConsumer {
  lines(bytes: Uint8Array, start: number, end: number, row: number): number;
  row(fields: string[], row: number, line: number): void;
}

/**
 * The unread tail of one chunk followed by the next, in one reused buffer: a new buffer per chunk
 * would be an external allocation per megabyte, and V8 answers those with full collections.
 */
class Window {
  private buffer = new Uint8Array(0);

  join(tail: Uint8Array, next: Uint8Array): Uint8Array {
    const size = tail.length + next.length;
    if (size > this.buffer.length) {
      const grown = new Uint8Array(Math.max(size, this.buffer.length * 2));
      grown.set(tail);
      this.buffer = grown;
    } else this.buffer.copyWithin(0, tail.byteOffset - this.buffer.byteOffset, tail.byteOffset - this.buffer.byteOffset + tail.length);
    this.buffer.set(next, tail.length);
    return this.buffer.subarray(0, size);
  }
}

/**
 * Reads `file` on the byte path and returns its number of data rows, or null when the file is not a
 * UTF-8 comma file with a plain header line (then nothing was handed to the consumer, and the caller
 * reads it with streamFile). `begin` gets the header and returns the consumer.
 */
export function readFast(file: string, input: InputOptions, m: Messages, begin: (header: string[]) => FastConsumer): number | null {
  if (!input.header) return null;
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
    const consumer = begin(header);
    let row = 0;
    const window = new Window();
    let data: Uint8Array = window.join(new Uint8Array(0), first.subarray(headerEnd + 1));
    // Where `data` starts in the file, for the byte a bad UTF-8 sequence is at.
    let offset = headerEnd + 1;
    const lines = (end: number) => {
      try {
        return consumer.lines(data, 0, end, row);
      } catch (error) {
        if (!(error instanceof TypeError) || (error as { code?: string }).code !== "ERR_ENCODING_INVALID_ENCODED_DATA") throw error;
        throw new UsageError(m.cli.badUtf8(file, offset + firstBadUtf8(data.subarray(0, end))));
      }
    };
    for (;;) {
      if (data.indexOf(0) >= 0) throw new UsageError(m.cli.notText(file));
      // A quote, or a line ended by CR alone (Excel for Mac), is the general reader's from here on.
      if (data.indexOf(QUOTE) >= 0 || hasLoneCr(data)) return readRestGeneral(data, chunks, consumer, row, file, m);
      const next = chunks.next();
      if (!next) return lines(data.length);
      const lastLf = data.lastIndexOf(LF);
      if (lastLf < 0) {
        if (data.length > MAX_ROW_CHARS) throw new UsageError(m.cli.rowTooLong(file, row + 2, MAX_ROW_CHARS >> 20));
        data = window.join(data, next);
        continue;
      }
      row = lines(lastLf + 1);
      offset += lastLf + 1;
      data = window.join(data.subarray(lastLf + 1), next);
    }
  } finally {
    chunks.close();
  }
}

/** Whether a CR in `data` is not followed by LF (a CR that ends the data may be a CRLF split by the chunk: it is not counted). */
function hasLoneCr(data: Uint8Array): boolean {
  for (let at = data.indexOf(CR); at >= 0 && at + 1 < data.length; at = data.indexOf(CR, at + 1)) {
    if (data[at + 1] !== LF) return true;
  }
  return false;
}

/** The position of the first byte that is not valid UTF-8 (the data is known to hold one): fed a byte at a time, only on an error. */
function firstBadUtf8(data: Uint8Array): number {
  const strict = new TextDecoder("utf-8", { fatal: true });
  for (let i = 0; i < data.length; i++) {
    try {
      strict.decode(data.subarray(i, i + 1), { stream: true });
    } catch {
      return i;
    }
  }
  return data.length;
}

/** From the first chunk with a quote on, the general reader: `data` starts at the beginning of a row. */
function readRestGeneral(data: Uint8Array, chunks: FileChunks, consumer: FastConsumer, row: number, file: string, m: Messages): number {
  const decoder = new ChunkDecoder({ name: "utf-8", how: "default" }, file, m);
  const reader = new DsvReader(",", (fields, line) => consumer.row(fields, row++, line), file, m);
  // Lines from here on are counted from this row's line (the rows before had no quoted line ends).
  reader.startAt(row + 2);
  reader.feed(decoder.decode(data, chunks.offset - data.length));
  for (let chunk = chunks.next(); chunk; chunk = chunks.next()) reader.feed(decoder.decode(chunk, chunks.offset - chunk.length));
  reader.feed(decoder.decode(null, chunks.offset));
  reader.end();
  return row;
}
