/**
 * A delimited file as a header and a stream of rows: the one way every `tier` command opens a file.
 * It decides the encoding and the delimiter (given by `--encoding` and `--delimiter`, or detected,
 * and then said on stderr when it is not plain UTF-8 with commas, so a surprise is visible), checks
 * the header (a name twice is an error: which column would be meant?), and hands each data row to
 * the caller with its file line. What the caller keeps is its business: a column of numbers, the
 * three columns of a transaction, or (readTable) every column as text for the small files.
 */
import { ownValue } from "../../core/cells/words";
import type { Messages } from "../../i18n";
import { UsageError } from "../errors";
import { DsvReader, WHITESPACE, detectDelimiter, firstLineOf } from "./dsv";
import { ChunkDecoder, FileChunks, detectEncoding, encodingNamed, type Encoding } from "./source";
import { foldName } from "../../core/cells/names";

/** How to read a file: from --encoding, --delimiter and whether it has a header line. */
export interface InputOptions {
  encoding?: string;
  delimiter?: string;
  header: boolean;
  /** For tests: read in chunks of this many bytes. */
  chunkBytes?: number;
}

/** What was decided about a file, and its header (numbered "1", "2", … without a header line). */
export interface OpenedFile {
  file: string;
  encoding: Encoding;
  delimiter: string;
  header: string[];
  /** File line of the first data row. */
  firstLine: number;
}

const DELIMITER_NAMES: Record<string, string> = { ",": ",", comma: ",", ";": ";", semicolon: ";", tab: "\t", "\\t": "\t", "\t": "\t", "|": "|", pipe: "|", space: WHITESPACE, whitespace: WHITESPACE };

/** --delimiter's value as a delimiter; an unknown one is an error listing the known ones. */
export function delimiterNamed(value: string, m: Messages): string {
  const d = ownValue(DELIMITER_NAMES, value) ?? ownValue(DELIMITER_NAMES, value.toLowerCase());
  if (d === undefined) throw new UsageError(m.cli.badDelimiter(value));
  return d;
}

/** --encoding's value as TextDecoder's name; an unknown label is an error with examples. */
export function encodingOption(value: string, m: Messages): string {
  const name = encodingNamed(value);
  if (!name) throw new UsageError(m.cli.badEncoding(value));
  return name;
}

/** The delimiter as a person names it, for the detection note. */
function delimiterLabel(d: string, m: Messages): string {
  return d === "\t" ? m.cli.delimiterNames.tab : d === ";" ? m.cli.delimiterNames.semicolon : d === "|" ? m.cli.delimiterNames.bar : d === WHITESPACE ? m.cli.delimiterNames.whitespace : m.cli.delimiterNames.comma;
}

/** The header checked: no name (other than blank) twice, folded as column lookup folds it (foldName). */
export function checkHeader(header: string[], file: string, m: Messages): void {
  const seen = new Map<string, number>();
  header.forEach((name, k) => {
    const key = foldName(name);
    if (key === "") return;
    const first = seen.get(key);
    if (first !== undefined) throw new UsageError(m.cli.duplicateHeader(file, name, first + 1, k + 1));
    seen.set(key, k);
  });
}

/**
 * Reads `file` row by row. `begin` gets the opened file (header decided) before any data row and
 * returns the consumer of data rows: `row(fields, dataRow, line)`. Returns the number of data rows.
 * `note` receives the one line saying what was detected, when it is not UTF-8 with commas.
 */
export function streamFile(
  file: string,
  options: InputOptions,
  m: Messages,
  note: (line: string) => void,
  begin: (opened: OpenedFile) => (fields: string[], dataRow: number, line: number) => void,
): number {
  const chunks = new FileChunks(file, m, options.chunkBytes);
  try {
    const first = chunks.next();
    if (!first) throw new UsageError(m.cli.emptyFile(file));
    const encoding: Encoding = options.encoding ? { name: options.encoding, how: "given" } : detectEncoding(first, file, m);
    const decoder = new ChunkDecoder(encoding, file, m);
    let text = decoder.decode(first, 0);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const delimiter = options.delimiter ?? detectDelimiter(firstLineOf(text.trimStart()));
    if (encoding.how !== "default" && encoding.how !== "given" && !(encoding.how === "bom" && encoding.name === "utf-8")) {
      note(m.cli.detected(file, encoding.name.toUpperCase(), delimiterLabel(delimiter, m)));
    } else if (delimiter !== "," && options.delimiter === undefined) note(m.cli.detected(file, encoding.name.toUpperCase(), delimiterLabel(delimiter, m)));
    let consumer: ((fields: string[], dataRow: number, line: number) => void) | null = null;
    let rows = 0;
    const reader = new DsvReader(
      delimiter,
      (fields, line) => {
        if (consumer) {
          consumer(fields, rows++, line);
          return;
        }
        // Blank lines before the header are not the header.
        if (fields.length === 1 && fields[0].trim() === "") return;
        const header = options.header ? fields.map((f) => f.trim()) : fields.map((_, k) => String(k + 1));
        if (options.header) checkHeader(header, file, m);
        consumer = begin({ file, encoding, delimiter, header, firstLine: options.header ? line + 1 : line });
        if (!options.header) consumer(fields, rows++, line);
      },
      file,
      m,
    );
    reader.feed(text);
    for (let chunk = chunks.next(); chunk; chunk = chunks.next()) reader.feed(decoder.decode(chunk, chunks.offset - chunk.length));
    reader.feed(decoder.decode(null, chunks.offset));
    reader.end();
    if (!consumer) throw new UsageError(m.cli.emptyFile(file));
    return rows;
  } finally {
    chunks.close();
  }
}

/** Every column of a file as text: for the commands whose files are customers or snapshots (small). */
export interface TextTable {
  header: string[];
  /** Columns of cells as text; "" for an empty cell; short rows padded. */
  columns: string[][];
  rows: number;
  /** File line of data row 0. */
  firstLine: number;
}

export function readTextTable(file: string, options: InputOptions, m: Messages, note: (line: string) => void): TextTable {
  let columns: string[][] = [];
  let header: string[] = [];
  let firstLine = 2;
  const rows = streamFile(file, options, m, note, (opened) => {
    header = opened.header;
    firstLine = opened.firstLine;
    columns = header.map(() => []);
    return (fields, row) => {
      for (let k = 0; k < columns.length; k++) columns[k][row] = fields[k] ?? "";
    };
  });
  return { header, columns, rows, firstLine };
}

/** Thrown by peekHeader's reader to stop after the header. */
class HeaderRead extends Error {}

/** Only the header of a file (the first chunk or so is read), as streamFile would give it. */
export function peekHeader(file: string, options: InputOptions, m: Messages): OpenedFile {
  let opened: OpenedFile | null = null;
  try {
    streamFile(file, options, m, () => {}, (o) => {
      opened = o;
      throw new HeaderRead();
    });
  } catch (error) {
    if (!(error instanceof HeaderRead)) throw error;
  }
  if (!opened) throw new UsageError(m.cli.emptyFile(file));
  return opened;
}
