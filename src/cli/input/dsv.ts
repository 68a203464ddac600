/**
 * Delimiter-separated text to rows, fed chunk by chunk (RFC 4180 quoting: a field in double quotes
 * may hold delimiters, line ends and "" for a quote). A state machine over the characters, so a
 * row, a quoted field or a CRLF split between two chunks reads as if the file were whole, and the
 * whole file is never one string.
 *
 * Why not uDSV's streaming mode, which the CLI used for whole files: it fixes the row delimiter from
 * the first chunk (a file whose lines mix LF and CR, as files pasted together do, splits wrongly),
 * gives no line numbers (a problem must name its file line, and a quoted field with a line end moves
 * every later line), cannot tell an unclosed quote from a long field (it reads to the end of the
 * file silently), and has no whitespace-separated mode (CDNOW_master.txt). Those four are the point
 * of this reader; the parsing itself is forty lines.
 *
 * Line ends are LF, CRLF and a lone CR (Excel for Mac), mixed freely. With the WHITESPACE delimiter
 * fields are separated by runs of spaces and tabs and a line's leading and trailing blanks are not
 * fields (fixed-width and space-aligned exports).
 */
import type { Messages } from "../../i18n";
import { UsageError } from "../errors";

/** The delimiter value meaning "runs of spaces and tabs". */
export const WHITESPACE = "whitespace";

/** A row longer than this (characters) is not a row: an unclosed quote, or not a delimited file. */
export const MAX_ROW_CHARS = 16 << 20;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** Receives each row's fields and the file line the row starts on (1-based). */
export type RowSink = (fields: string[], line: number) => void;

export class DsvReader {
  private readonly delimiter: number;
  private readonly whitespace: boolean;
  private fields: string[] = [];
  /** Text of the current field so far, when it spans chunks or holds quotes. */
  private field = "";
  /** Whether anything of the current row has been read (so an empty last line is no row). */
  private started = false;
  private inQuote = false;
  /** Just read a quote inside a quoted field: the next character says whether it was "" or the end. */
  private quoteSeen = false;
  /** The last character was a CR: an LF right after it is the same line end. */
  private afterCr = false;
  /** In whitespace mode: between fields, skipping blanks. */
  private betweenFields = true;
  private line = 1;
  private rowLine = 1;
  private quoteLine = 1;
  private rowChars = 0;

  constructor(delimiter: string, private readonly onRow: RowSink, private readonly file: string, private readonly m: Messages) {
    this.whitespace = delimiter === WHITESPACE;
    this.delimiter = this.whitespace ? SPACE : delimiter.charCodeAt(0);
  }

  /** Numbers lines from `line` on (a reader that takes over part way through a file). */
  startAt(line: number): void {
    this.line = line;
    this.rowLine = line;
  }

  /** Reads a chunk of text; rows it completes go to the sink. */
  feed(s: string): void {
    const n = s.length;
    const D = this.delimiter;
    const ws = this.whitespace;
    let seg = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (this.inQuote) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === QUOTE) {
            // "" inside quotes: one quote character; the segment goes on after it.
            seg = i;
            continue;
          }
          this.inQuote = false;
          // The closing quote was the character before: fall through to read c outside quotes.
        } else {
          if (c === QUOTE) {
            this.field += s.slice(seg, i);
            seg = i + 1;
            this.quoteSeen = true;
          } else if (c === LF) {
            if (!this.afterCr) this.line++;
            this.afterCr = false;
          } else if (c === CR) {
            this.line++;
            this.afterCr = true;
          } else this.afterCr = false;
          continue;
        }
      }
      if (c === LF || c === CR) {
        const second = c === LF && this.afterCr;
        this.afterCr = c === CR;
        if (second) {
          seg = i + 1;
          continue;
        }
        if (this.started || this.fields.length > 0 || i > seg) this.endRow(s, seg, i);
        else this.emptyLine();
        this.line++;
        this.rowLine = this.line;
        seg = i + 1;
        continue;
      }
      this.afterCr = false;
      if (ws && (c === SPACE || c === TAB)) {
        if (!this.betweenFields) {
          this.fields.push(this.field + s.slice(seg, i));
          this.field = "";
          this.betweenFields = true;
        }
        seg = i + 1;
        continue;
      }
      if (!ws && c === D) {
        this.fields.push(this.field + s.slice(seg, i));
        this.field = "";
        this.started = true;
        seg = i + 1;
        continue;
      }
      if (c === QUOTE && i === seg && this.field === "") {
        // A quote opens a quoted field only at the field's start (elsewhere it is a character).
        this.inQuote = true;
        this.quoteLine = this.line;
        this.started = true;
        this.betweenFields = false;
        seg = i + 1;
        continue;
      }
      this.started = true;
      this.betweenFields = false;
    }
    if (seg < n) this.field += s.slice(seg, n);
    this.rowChars += n;
    if (this.field.length > MAX_ROW_CHARS || this.rowChars > MAX_ROW_CHARS * 4) this.tooLong();
  }

  /** The end of the file: the last row, if it has no line end, and an unclosed quote is an error. */
  end(): void {
    if (this.inQuote && !this.quoteSeen) throw new UsageError(this.m.cli.unclosedQuote(this.file, this.quoteLine));
    this.inQuote = false;
    this.quoteSeen = false;
    if (this.started || this.fields.length > 0 || this.field !== "") this.endRow("", 0, 0);
  }

  private endRow(s: string, seg: number, i: number): void {
    if (!this.whitespace || !this.betweenFields) this.fields.push(this.field + s.slice(seg, i));
    const fields = this.fields;
    this.fields = [];
    this.field = "";
    this.started = false;
    this.betweenFields = true;
    this.rowChars = 0;
    this.onRow(fields, this.rowLine);
  }

  /** A line with nothing on it: a row of one empty field, so later rows keep their line numbers. */
  private emptyLine(): void {
    this.rowChars = 0;
    this.onRow([""], this.rowLine);
  }

  private tooLong(): never {
    if (this.inQuote) throw new UsageError(this.m.cli.unclosedQuote(this.file, this.quoteLine));
    throw new UsageError(this.m.cli.rowTooLong(this.file, this.rowLine, MAX_ROW_CHARS >> 20));
  }
}

/**
 * The delimiter of a file from its first line: the most frequent of comma, semicolon, tab and bar
 * outside quotes; none of them and blanks between words: whitespace; else a comma (one column).
 */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0], ["|", 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  let most = 0;
  for (const [d, n] of counts) {
    if (n > most) {
      best = d;
      most = n;
    }
  }
  if (most > 0) return best;
  return /\S[ \t]+\S/.test(firstLine.trim()) ? WHITESPACE : ",";
}

/** The text up to the first line end (the header line, for detection). */
export function firstLineOf(text: string): string {
  const lf = text.indexOf("\n");
  const cr = text.indexOf("\r");
  const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  return end < 0 ? text : text.slice(0, end);
}
