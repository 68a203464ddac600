/**
 * A customer table read as a stream, keeping only the columns a command names: `tier score`, `clv`,
 * `migrate` and `pilot` work on one row per customer, so they may hold a number or an id per row, but
 * never the file's text (issue 12: their whole-column text made memory grow with the file's bytes, and
 * a file's text over ~512 MB cannot be one string in Node at all).
 *
 * The file is read as `tier abc` reads it: a UTF-8 comma file with a plain header line on the byte
 * path (input/fast.ts, fields found by transactions-csv.ts's FieldScanner and only the named ones
 * decoded), anything else (another encoding or delimiter, quotes, CR line ends) through the general
 * reader (input/table.ts streamFile), with the same detection, notes, errors and exit codes. The named
 * cells of each data row are handed to the caller with the row number; `lineOf(row)` gives the row's
 * file line even when a quoted field held a line end.
 *
 * Text the caller keeps is copied out of the reader's chunk: a field of the general reader is a slice
 * of the megabyte it was decoded from, and V8 keeps the whole chunk alive for a slice of 13 characters
 * or more (a SlicedString), so keeping one id per row would keep the file's text after all.
 */
import type { Messages } from "../i18n";
import type { ProblemLog } from "../core/cells/problems";
import { position, reportProblems, UsageError, type Out } from "./args";
import { readFast } from "./input/fast";
import { streamFile, type InputOptions } from "./input/table";
import { FieldScanner } from "./transactions-csv";

/** The rows read and where each one is in the file. */
export interface KeptRows {
  file: string;
  rows: number;
  /** File line of data row 0 (2 below a header line). */
  firstLine: number;
  /** File line of a data row. */
  lineOf(row: number): number;
}

/** Receives the named cells of one data row (text; "" for an empty or missing cell). The array is reused: copy what to keep. */
export type KeptRow = (cells: readonly string[], row: number) => void;

/** A fresh copy of text that may be a slice of a decoded chunk (see the module comment). */
export function ownText(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Row → file line, stored only from the first row whose line is not row + firstLine (a quoted line end). */
class Lines {
  private lines: Int32Array | null = null;
  firstLine = 2;

  track(row: number, line: number): void {
    if (this.lines === null && line === row + this.firstLine) return;
    if (this.lines === null) this.lines = Int32Array.from({ length: Math.max(16, row * 2) }, (_, i) => i + this.firstLine);
    if (row >= this.lines.length) {
      const grown = new Int32Array(Math.max(row + 1, this.lines.length * 2));
      grown.set(this.lines);
      for (let i = this.lines.length; i < grown.length; i++) grown[i] = i + this.firstLine;
      this.lines = grown;
    }
    this.lines[row] = line;
  }

  lineOf(row: number): number {
    return this.lines !== null && row < this.lines.length ? this.lines[row] : row + this.firstLine;
  }
}

/**
 * Reads `file`, handing each data row's cells of the columns `names` (looked up as every command looks
 * columns up: a missing one is an error naming the file's columns) to `row`.
 */
export function readKeptColumns(file: string, names: readonly string[], input: InputOptions, m: Messages, note: Out, row: KeptRow): KeptRows {
  const lines = new Lines();
  const cells = names.map(() => "");
  const fromFields = (at: number[], fields: string[], dataRow: number, line: number) => {
    for (let j = 0; j < at.length; j++) cells[j] = ownText(fields[at[j]] ?? "");
    lines.track(dataRow, line);
    row(cells, dataRow);
  };
  let rows = readFast(file, input, m, (header) => {
    const at = names.map((name) => position(header, file, name, m));
    const scanner = new FieldScanner(at);
    const bounds = scanner.bounds;
    return {
      lines: (bytes, start, end, next) => {
        while (start < end) {
          start = scanner.line(bytes, start, end);
          for (let j = 0; j < at.length; j++) cells[j] = bounds[2 * j] < 0 ? "" : utf8.decode(bytes.subarray(bounds[2 * j], bounds[2 * j + 1]));
          row(cells, next++);
        }
        return next;
      },
      row: (fields, dataRow, line) => fromFields(at, fields, dataRow, line),
    };
  });
  rows ??= streamFile(file, input, m, note, (opened) => {
    lines.firstLine = opened.firstLine;
    const at = names.map((name) => position(opened.header, file, name, m));
    return (fields, dataRow, line) => fromFields(at, fields, dataRow, line);
  });
  // A header alone: nothing to score, pick or compare, said rather than printed as a header alone with exit 0
  // (as rfm and the transactions readers say it; issue 12).
  if (rows === 0) throw new UsageError(m.hostileNew.headerOnly(file));
  return { file, rows, firstLine: lines.firstLine, lineOf: (r) => lines.lineOf(r) };
}

/** A column of numbers that grows as rows arrive (NaN where nothing was set). */
export class GrowingNumbers {
  private values = new Float64Array(1 << 12).fill(NaN);

  set(row: number, v: number): void {
    if (row >= this.values.length) {
      const grown = new Float64Array(Math.max(row + 1, this.values.length * 2)).fill(NaN);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[row] = v;
  }

  /** The first `rows` values (a view: no copy). */
  finish(rows: number): Float64Array {
    if (rows > this.values.length) this.set(rows - 1, NaN);
    return this.values.subarray(0, rows);
  }
}

/** Rows left out, on stderr (args.ts reportProblems), each at its file line even after a quoted line end. */
export function reportKeptProblems(log: ProblemLog, read: KeptRows, m: Messages, err: Out, heading?: Parameters<typeof reportProblems>[4]): void {
  for (const problem of log.problems) problem.row = read.lineOf(problem.row) - read.firstLine;
  reportProblems(log, read.rows, m, err, heading, read.firstLine);
}
