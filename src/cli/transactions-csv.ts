/**
 * A transactions CSV straight from its bytes into the core's typed columns: the fast path of
 * `tier rfm` on a million rows (see docs/PERFORMANCE.md: a general CSV parser spends most of the
 * run making strings for fields that become numbers).
 *
 * It reads only files without quote characters, where a comma always separates fields and a line
 * feed always ends a row; a file with quotes goes through the general parser (csv.ts) instead.
 * Within a row it reads the common forms itself — digit ids, YYYY-MM-DD dates with an optional
 * HH:MM:SS, plain decimal amounts — and hands any other field, as text, to the same
 * TransactionBuilder.addCells the general path uses, so both paths accept, key and report alike.
 */
import { isSerialInRange, serialFromParts } from "../core/cells/dates";
import { TransactionBuilder, type ReadOptions } from "../core/transactions/builder";
import type { Transactions } from "../core/transactions/model";

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const ZERO = 48;
const MINUS = 45;
const DOT = 46;
const SPACE = 32;
const COLON = 58;

/** Exact powers of ten: a decimal with ≤ 15 digits divided by one of these is correctly rounded. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function digit(b: number): number {
  const d = b - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

function twoDigits(bytes: Uint8Array, at: number): number {
  const a = digit(bytes[at]);
  const b = digit(bytes[at + 1]);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** The last date read (logs repeat one date over many consecutive rows): yyyymmdd → serial. */
let lastYmd = -1;
let lastDaySerial = NaN;

/**
 * Results of fastDate and fastAmount. They write here instead of returning a double: a double
 * returned from a call V8 does not inline is boxed, a heap allocation per row.
 */
const scratch = new Float64Array(2);
const SERIAL = 0;
const AMOUNT = 1;

/** YYYY-MM-DD or YYYY-MM-DD HH:MM:SS into scratch[SERIAL]; false for any other layout (left to the general reader). */
function fastDate(bytes: Uint8Array, start: number, end: number): boolean {
  const len = end - start;
  if ((len !== 10 && len !== 19) || bytes[start + 4] !== MINUS || bytes[start + 7] !== MINUS) return false;
  const hi = twoDigits(bytes, start);
  const lo = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  if (hi < 0 || lo < 0 || month < 0 || day < 0) return false;
  const ymd = ((hi * 100 + lo) * 100 + month) * 100 + day;
  if (ymd !== lastYmd) {
    lastYmd = ymd;
    lastDaySerial = serialFromParts(hi * 100 + lo, month, day);
  }
  if (len === 10) {
    scratch[SERIAL] = lastDaySerial;
    return lastDaySerial === lastDaySerial;
  }
  if (bytes[start + 10] !== SPACE || bytes[start + 13] !== COLON || bytes[start + 16] !== COLON) return false;
  const h = twoDigits(bytes, start + 11);
  const mi = twoDigits(bytes, start + 14);
  const s = twoDigits(bytes, start + 17);
  if (h < 0 || mi < 0 || s < 0) return false;
  if (h > 23 || mi > 59 || s > 59) return false;
  scratch[SERIAL] = lastDaySerial + (h * 3600 + mi * 60 + s) / 86400;
  return lastDaySerial === lastDaySerial;
}

/** -?digits(.digits)? with at most 15 digits into scratch[AMOUNT]; false for anything else. */
function fastAmount(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  let sign = 1;
  if (bytes[i] === MINUS) {
    sign = -1;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const b = bytes[i];
    if (b === DOT && decimals < 0) {
      decimals = 0;
      continue;
    }
    const d = digit(b);
    if (d < 0) return false;
    mantissa = mantissa * 10 + d;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0 || digits > 15) return false;
  scratch[AMOUNT] = decimals > 0 ? (sign * mantissa) / POW10[decimals] : sign * mantissa;
  return true;
}

/** A canonical positive integer id (no leading zero, ≤ 15 digits) as a number; -1 otherwise. */
function fastId(bytes: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len === 0 || len > 15 || bytes[start] === ZERO) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = digit(bytes[i]);
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Position of the next comma or line feed at or after i, or len (the end of the bytes to read). */
function nextDelimiter(bytes: Uint8Array, i: number, len: number): number {
  for (; i < len; i++) {
    const b = bytes[i];
    if (b === COMMA || b === LF) return i;
  }
  return len;
}

/**
 * The one field scanner of the byte path, for a set of wanted columns. `line` reads the fields of
 * the line that starts at `pos` (it ends at a line feed, or at `end` when the last line has none):
 * for each wanted column `columns[j]`, `bounds[2j]` and `bounds[2j + 1]` become where its field
 * starts and stops (a CR before the LF is not the field's), or both -1 when the line is shorter. A
 * column wanted twice gets the same bounds twice, as the general reader's `fields[k]` gives the same
 * cell twice. Past the last wanted column the line's end is found by indexOf (memchr), not field by
 * field. The bytes must hold no quote (the caller's rule: quoted files go to the general reader).
 */
export class FieldScanner {
  /** Where each wanted column's field goes: 2j into `bounds`, j the first slot for that column; then `next[j]`. */
  private readonly first: Int32Array;
  private readonly next: Int32Array;
  private readonly last: number;
  readonly bounds: number[];

  constructor(columns: readonly number[]) {
    this.last = Math.max(-1, ...columns);
    this.first = new Int32Array(this.last + 1).fill(-1);
    this.next = new Int32Array(columns.length).fill(-1);
    for (let j = columns.length - 1; j >= 0; j--) {
      const k = columns[j];
      if (k < 0) continue;
      this.next[j] = this.first[k];
      this.first[k] = j;
    }
    this.bounds = new Array<number>(2 * columns.length).fill(-1);
  }

  /** Reads one line's wanted fields into `bounds`; returns where the next line starts. */
  line(bytes: Uint8Array, pos: number, end: number): number {
    const bounds = this.bounds;
    const first = this.first;
    const next = this.next;
    const last = this.last;
    for (let j = 0; j < bounds.length; j++) bounds[j] = -1;
    let k = 0;
    let start = pos;
    for (;;) {
      if (k > last) {
        const lf = bytes.indexOf(LF, start);
        return lf < 0 || lf >= end ? end : lf + 1;
      }
      const at = nextDelimiter(bytes, start, end);
      const b = at < end ? bytes[at] : LF;
      let j = first[k];
      if (j >= 0) {
        const stop = b === LF && at > start && bytes[at - 1] === CR ? at - 1 : at;
        for (; j >= 0; j = next[j]) {
          bounds[2 * j] = start;
          bounds[2 * j + 1] = stop;
        }
      }
      k++;
      start = at + 1;
      if (b !== COMMA) return start;
    }
  }
}

export interface ColumnPositions {
  customer: number;
  date: number;
  amount: number;
}

/** Field text for the rows the fast path hands on: UTF-8, strictly (a bad byte is the caller's error to word). */
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads the complete lines in bytes[pos, end) into the builder, numbering rows from `row`; returns
 * the next row number. The bytes must hold no quote character (the caller checks: quoted files go
 * through the general reader). A last line without its line end ends at `end`.
 */
export function readRowsFast(bytes: Uint8Array, pos: number, end: number, columns: ColumnPositions, builder: TransactionBuilder, row: number, extra: ExtraColumns | null = null): number {
  const field = (s: number, e: number) => utf8.decode(bytes.subarray(s, e));
  const cell = (s: number, e: number) => (s < 0 ? null : field(s, e));
  const scanner = new FieldScanner(extra ? [columns.customer, columns.date, columns.amount, ...extra.at] : [columns.customer, columns.date, columns.amount]);
  const at = scanner.bounds;
  while (pos < end) {
    pos = scanner.line(bytes, pos, end);
    const cs = at[0], ce = at[1], ds = at[2], de = at[3], as = at[4], ae = at[5];
    const id = cs >= 0 ? fastId(bytes, cs, ce) : -1;
    let idText: string | null = null;
    let dateText: string | null = null;
    if (id >= 0 && ds >= 0 && as >= 0 && fastDate(bytes, ds, de) && isSerialInRange(scratch[SERIAL]) && fastAmount(bytes, as, ae)) {
      let c = builder.findCustomer(id);
      if (c < 0) c = builder.newCustomer(id);
      builder.add(c, scratch[SERIAL], scratch[AMOUNT], row);
    } else {
      idText = cell(cs, ce);
      dateText = cell(ds, de);
      builder.addCells(idText, dateText, cell(as, ae), row);
    }
    if (extra) {
      const cells = extra.cells;
      for (let j = 0; j < cells.length; j++) {
        const s = at[6 + 2 * j];
        const e = at[7 + 2 * j];
        cells[j] = s < e ? field(s, e) : "";
      }
      extra.row(cells, row, idText, dateText);
    }
    row++;
  }
  return row;
}

/** Columns read beside the three (the voice columns, src/cli/voice-pass.ts): their positions, a reused row of their cells, and where a row goes. */
export interface ExtraColumns {
  at: readonly number[];
  cells: string[];
  row(cells: readonly string[], row: number, id: string | null, date: string | null): void;
}

/**
 * Reads the data rows (everything after the first line) of an unquoted CSV held whole. Returns null
 * when the file has a quote character, so the caller uses the general parser. Row numbers in
 * problems are 0-based data rows (file line − 2), as the general path gives them.
 */
export function readTransactionsCsv(bytes: Uint8Array, columns: ColumnPositions, options: ReadOptions = {}): Transactions | null {
  if (bytes.indexOf(QUOTE) >= 0) return null;
  const len = bytes.length;
  const headerEnd = bytes.indexOf(LF);
  if (headerEnd < 0 || headerEnd + 1 >= len) return new TransactionBuilder(0, options).finish(0);
  // Rows ≈ bytes / 20; the builder grows if that is short.
  const builder = new TransactionBuilder(Math.max(16, Math.ceil((len - headerEnd) / 20)), options);
  return builder.finish(readRowsFast(bytes, headerEnd + 1, len, columns, builder, 0));
}

/** Where readNumberLines puts a row: its value (NaN for a blank or bad cell, which `bad` hears of) and its id text. */
export interface NumberLineSink {
  value(row: number, v: number): void;
  /** The value cell's text when the bytes are not a plain decimal: the caller reads it as any cell. */
  text(row: number, text: string): void;
  id?(row: number, text: string): void;
}

/**
 * Complete lines of an unquoted comma file to one number column (and optionally an id column), for
 * `tier abc` on ten million rows: plain decimals are read from the bytes, any other cell is decoded
 * and handed to `sink.text`. Returns the next row number.
 */
export function readNumberLines(bytes: Uint8Array, pos: number, end: number, valueColumn: number, idColumn: number, sink: NumberLineSink, row: number): number {
  const scanner = new FieldScanner([valueColumn, idColumn]);
  const at = scanner.bounds;
  while (pos < end) {
    pos = scanner.line(bytes, pos, end);
    const vs = at[0], ve = at[1], is = at[2], ie = at[3];
    if (vs >= 0 && fastAmount(bytes, vs, ve)) sink.value(row, scratch[AMOUNT]);
    else sink.text(row, vs < 0 ? "" : utf8.decode(bytes.subarray(vs, ve)));
    if (sink.id) sink.id(row, is < 0 ? "" : utf8.decode(bytes.subarray(is, ie)).trim());
    row++;
  }
  return row;
}
