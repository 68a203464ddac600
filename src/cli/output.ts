/**
 * Tables to CSV or JSON text for the CLI, written as a stream: rows are joined into pieces of about
 * a megabyte and handed to `out` one piece at a time, so twenty million rows never become one string
 * (Node's strings stop at about 512 MB: "RangeError: Invalid string length").
 *
 * CSV injection (OWASP, https://owasp.org/www-community/attacks/CSV_Injection): a text cell that
 * begins with =, +, -, @, a tab or a carriage return is run as a formula when the CSV is opened in
 * Excel ("=HYPERLINK(…)", "@SUM(…)", "-2+3"). Such cells are written as OWASP advises: a single quote
 * before the text, the whole cell in double quotes, so Excel shows the text as it was. Text that is a
 * plain number ("-12", "+3.5") is left alone: Excel reads it as that number, not a formula, and ids
 * like "-1" stay comparable. Numbers are numbers and need nothing. JSON is data, not a sheet: it is
 * written as it is.
 */
export type Cell = string | number;

/** Numbers with at most 15 significant digits, so float noise in sums of cents prints as cents. */
export function formatNumber(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  const size = Math.abs(v);
  if (size >= 1e-6 && size < 1e15) {
    // toPrecision(15) without its trailing zeros: the same text as String(Number(v.toPrecision(15))), in
    // this range where neither writes an exponent, at a fifth of the cost (it runs for every number of a
    // ten-million-row output). A number whose shortest form has at most 15 digits reads the same either way.
    const text = v.toPrecision(15);
    if (text.indexOf(".") < 0) return text;
    let end = text.length;
    while (text.charCodeAt(end - 1) === 48) end--;
    if (text.charCodeAt(end - 1) === 46) end--;
    return text.slice(0, end);
  }
  const plain = String(v);
  // Short forms are already exact; only float noise ("3.0000000000000004e-7") is long.
  return plain.length <= 15 ? plain : String(Number(v.toPrecision(15)));
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether Excel would take a text cell for a formula (see the module comment). */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

export function csvField(cell: Cell): string {
  if (typeof cell === "number") return formatNumber(cell);
  if (isFormulaLike(cell)) return `"'${cell.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The CSV text of every cell after the first, each after a comma, and the line end. */
export function csvTail(cells: readonly Cell[]): string {
  let text = "";
  for (let k = 1; k < cells.length; k++) text += `,${csvField(cells[k])}`;
  return `${text}\n`;
}

/** Characters of output gathered before one write. */
const PIECE = 1 << 20;

/**
 * One table written row by row: CSV (a header line, then a line per row) or JSON (an array of
 * objects keyed by the header, laid out as JSON.stringify(rows, null, 2) lays it out).
 */
export class TableWriter {
  private parts: string[] = [];
  private size = 0;
  private rows = 0;

  constructor(private readonly header: readonly string[], private readonly format: "csv" | "json", private readonly out: (s: string) => void) {
    if (format === "csv") this.push(`${header.map(csvField).join(",")}\n`);
  }

  row(cells: readonly Cell[]): void {
    if (this.format === "csv") {
      let line = csvField(cells[0]);
      for (let k = 1; k < cells.length; k++) line += `,${csvField(cells[k])}`;
      this.push(`${line}\n`);
    } else {
      const object: Record<string, Cell | number | null> = {};
      this.header.forEach((h, k) => {
        const v = cells[k];
        object[h] = typeof v === "number" ? (Number.isFinite(v) ? Number(formatNumber(v)) : null) : v;
      });
      const text = JSON.stringify(object, null, 2).replace(/\n/g, "\n  ");
      this.push(`${this.rows === 0 ? "[\n  " : ",\n  "}${text}`);
    }
    this.rows++;
  }

  /**
   * One CSV line already made of csvField texts (with its line end): for a writer that reuses the text of
   * fields that repeat (`tier abc` writes a tie group's fields once). Only for CSV.
   */
  line(text: string): void {
    this.push(text);
    this.rows++;
  }

  end(): void {
    if (this.format === "json") this.push(this.rows === 0 ? "[]\n" : "\n]\n");
    this.flush();
  }

  private push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= PIECE) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const piece = this.parts.join("");
    this.parts = [];
    this.size = 0;
    this.out(piece);
  }
}

/** An Out that can also take bytes as they are (tier.ts's stdout): CsvBytes writes its pieces there without a string. */
export type ByteOut = ((s: string) => void) & { bytes?: (b: Uint8Array) => void };

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();
/** Bytes of output gathered before one write. */
const PIECE_BYTES = 1 << 20;

/**
 * CSV written as UTF-8 bytes into one reused buffer, for the ten-million-row path of `tier abc`: a
 * string per row, joined per megabyte and encoded again, was the larger part of its time (issue 12).
 * A caller writes each line's fields as text (csvField's), whole numbers as digits, or bytes it made
 * once (a tie group's fields); the text is the same as TableWriter's. Each full piece goes to
 * `out.bytes` when the Out takes bytes, otherwise to `out` as text.
 */
export class CsvBytes {
  private buffer = new Uint8Array(2 * PIECE_BYTES);
  private at = 0;

  constructor(header: readonly string[], private readonly out: ByteOut) {
    this.text(`${header.map(csvField).join(",")}\n`);
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = new Uint8Array(bytes);
  }

  /** Text as UTF-8 (a field's csvField text, or a line end). */
  text(text: string): void {
    this.room(text.length * 3);
    this.at += utf8Encoder.encodeInto(text, this.buffer.subarray(this.at)).written;
  }

  /** A number as csvField writes it; a whole number from 0 to 2⁵³ (a line number) straight as its digits. */
  digits(v: number): void {
    if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER && Number.isInteger(v))) return this.text(csvField(v));
    let size = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) size++;
    this.room(size);
    const b = this.buffer;
    let at = this.at + size;
    this.at = at;
    for (let x = v; ; ) {
      const q = x < 2147483648 ? (x / 10) | 0 : Math.floor(x / 10);
      b[--at] = 48 + (x - q * 10);
      if (q === 0) break;
      x = q;
    }
  }

  /** Bytes made once and written many times. */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length;
    this.room(n);
    const b = this.buffer;
    let at = this.at;
    for (let k = 0; k < n; k++) b[at++] = bytes[k];
    this.at = at;
  }

  /** After each line: a full piece is written. */
  endLine(): void {
    if (this.at >= PIECE_BYTES) this.flush();
  }

  end(): void {
    this.flush();
  }

  /** The UTF-8 bytes of a text, for `bytes`. */
  static encode(text: string): Uint8Array {
    return utf8Encoder.encode(text);
  }

  private flush(): void {
    if (this.at === 0) return;
    const piece = this.buffer.subarray(0, this.at);
    // The Out writes synchronously (tier.ts), so the buffer is free again when it returns.
    if (this.out.bytes) this.out.bytes(piece);
    else this.out(utf8Decoder.decode(piece));
    this.at = 0;
  }
}

export function formatCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  let text = "";
  const writer = new TableWriter(header, "csv", (s) => (text += s));
  for (const row of rows) writer.row(row);
  writer.end();
  return text;
}

/** An array of objects keyed by the header, one per row. */
export function formatJson(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  let text = "";
  const writer = new TableWriter(header, "json", (s) => (text += s));
  for (const row of rows) writer.row(row);
  writer.end();
  return text;
}
