/**
 * Input coercion: cells as Excel or a CSV file gives them (numbers, text, blanks, error values) to
 * typed columns. Every unusable row is reported (row, field, reason) and left out, never read as 0.
 * This is the one place that decides what "blank" means.
 */
import { type DayOrder, isSerialInRange, parseDateText } from "../cells/dates";

export type ProblemCode =
  | "blankCustomer"
  | "blankDate"
  | "badDate"
  | "dateOutOfRange"
  | "blankAmount"
  | "badAmount"
  | "blankNumber"
  | "badNumber"
  | "excelError"
  | "nonPositiveValue"
  | "negativeValue";

export interface RowProblem {
  /** 0-based index of the row in the input columns. */
  row: number;
  /** Which input the problem is in (e.g. "dates"). */
  field: string;
  code: ProblemCode;
  /** The offending cell as text ("" for blanks). */
  value: string;
}

/** Keeps the first `limit` problems in full and counts all of them. */
export class ProblemLog {
  readonly problems: RowProblem[] = [];
  count = 0;
  readonly byCode: Partial<Record<ProblemCode, number>> = {};
  constructor(readonly limit = 1000) {}

  add(row: number, field: string, code: ProblemCode, value: unknown): void {
    this.count++;
    this.byCode[code] = (this.byCode[code] ?? 0) + 1;
    if (this.problems.length < this.limit) this.problems.push({ row, field, code, value: cellText(value) });
  }
}

/** null, undefined, and text that is empty or only white space (line breaks too). 0 is a value, not a blank. */
export function isBlank(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === "string" && cell.trim().length === 0;
}

const EXCEL_ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/i;

/**
 * The Excel error a cell holds, as its text ("#N/A"), or "" when it holds none. Errors reach the
 * core as error objects (custom functions: CustomFunctions.Error, with a `code`) or as their text
 * (range.values, CSV exports).
 */
export function excelErrorText(cell: unknown): string {
  if (typeof cell === "string") return cell.length <= 14 && cell.charCodeAt(0) === 35 && EXCEL_ERROR_TEXT.test(cell.trim()) ? cell.trim().toUpperCase() : "";
  if (cell !== null && typeof cell === "object") {
    const code = (cell as { code?: unknown; errorCode?: unknown }).code ?? (cell as { errorCode?: unknown }).errorCode;
    if (typeof code === "string" && code.startsWith("#")) return code;
    if (typeof code === "string") return `#${code}`;
    if (cell instanceof Error) return "#VALUE!";
  }
  return "";
}

export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.length > 60 ? `${cell.slice(0, 57)}...` : cell;
  const error = excelErrorText(cell);
  if (error) return error;
  return String(cell);
}

const CURRENCY = /^(?:[¥￥$€£]|CNY|RMB|USD|EUR|GBP|US\$|HK\$)\s*|\s*(?:[¥￥$€£元]|CNY|RMB|USD|EUR|GBP)$/i;
const GROUPED = /^[0-9]{1,3}(?:[,，][0-9]{3})+(?:\.[0-9]+)?$/;
const PLAIN = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * A number written as text: "1234.5", "1,234.50", "¥1,234", "$ 12", "12 元", "-5", "(5.00)"
 * (accounting negative), "−5" (Unicode minus), "12%" (= 0.12). Returns NaN for anything else,
 * including hexadecimal and "Infinity", which JavaScript's Number() would accept.
 */
export function parseNumberText(text: string): number {
  let s = text.trim();
  // Fast path: plain decimals, the form CSV files and most cells use.
  if (s.length > 0 && s.length < 24) {
    const c = s.charCodeAt(0);
    if ((c >= 48 && c <= 57) || c === 45 || c === 46) {
      const body = c === 45 ? s.slice(1) : s;
      if (PLAIN.test(body)) return Number(s);
    }
  }
  let sign = 1;
  if (s.startsWith("(") && s.endsWith(")")) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith("-") || s.startsWith("−")) {
    if (sign === -1) return NaN; // "(-5)": one sign only
    sign = -1;
    s = s.slice(1).trim();
  }
  const bare = s.replace(CURRENCY, "").trim();
  // A sign may also follow the currency ("$-5", "¥ −5"), but only one sign in all: "--5" is not a number.
  if (bare !== s && sign === 1 && (bare.startsWith("-") || bare.startsWith("−"))) {
    sign = -1;
    s = bare.slice(1).trim();
  } else s = bare;
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (GROUPED.test(s)) s = s.replace(/[,，]/g, "");
  if (!PLAIN.test(s)) return NaN;
  // Divide, not multiply by 0.01: 35 / 100 is exactly the double nearest 0.35.
  return percent ? (sign * Number(s)) / 100 : sign * Number(s);
}

export type CellStatus = "ok" | "blank" | "bad" | "error";

/** Result of reading one cell; `value` is NaN unless status is "ok". */
export interface CellRead {
  status: CellStatus;
  value: number;
}

/** Reads a cell: numbers as they are, text by `parseText`, blanks and Excel errors by their status. */
function readCell(cell: unknown, out: CellRead, parseText: (text: string) => number): CellRead {
  out.value = NaN;
  if (typeof cell === "number") {
    out.value = cell;
    out.status = Number.isFinite(cell) ? "ok" : "bad";
  } else if (isBlank(cell)) out.status = "blank";
  else if (excelErrorText(cell)) out.status = "error";
  else if (typeof cell === "string") {
    out.value = parseText(cell);
    out.status = out.value === out.value ? "ok" : "bad";
  } else out.status = "bad";
  return out;
}

/** Reads a numeric cell: numbers as they are, numeric text as parseNumberText reads it. */
export function readNumberCell(cell: unknown, out: CellRead): CellRead {
  return readCell(cell, out, parseNumberText);
}

const SERIAL_TEXT = /^[0-9]{1,7}(?:\.[0-9]+)?$/;

/**
 * Date text in either day order. A serial written as text ("45296", "45296.5", as a CSV export of a
 * date column gives it) is read as a serial; eight digits were already read as YYYYMMDD.
 */
const DATE_TEXT: Record<DayOrder, (text: string) => number> = {
  mdy: (text) => dateOrSerialText(text, "mdy"),
  dmy: (text) => dateOrSerialText(text, "dmy"),
};

function dateOrSerialText(text: string, dayOrder: DayOrder): number {
  const serial = parseDateText(text, dayOrder);
  return serial === serial || !SERIAL_TEXT.test(text.trim()) ? serial : Number(text.trim());
}

/**
 * Reads a date cell: an Excel serial (a number, or a plain number written as text) or text in the
 * layouts parseDateText knows. A Date object (from a JS caller) is read as its UTC date and time.
 */
export function readDateCell(cell: unknown, out: CellRead, dayOrder: DayOrder = "mdy"): CellRead {
  if (cell instanceof Date) {
    out.value = cell.getTime() / 86400000 + 25569;
    out.status = Number.isFinite(out.value) ? "ok" : "bad";
    return out;
  }
  return readCell(cell, out, DATE_TEXT[dayOrder]);
}

/** A customer id as a grouping key: numbers and canonical numeric text ("123") meet; "00123" stays text. */
export type CustomerId = string | number;

export interface Transactions {
  /** Per valid row: index into customerIds. */
  customer: Int32Array;
  /** Per valid row: Excel serial. */
  date: Float64Array;
  /** Per valid row: amount (negative for returns). */
  amount: Float64Array;
  /** Per valid row: its 0-based index in the input. */
  sourceRow: Int32Array;
  /**
   * Distinct customers in order of first appearance, by key (customerKey): text trimmed, and
   * canonical numeric text ("123") as the number, so 123 and "123" are one customer however the
   * rows are ordered.
   */
  customerIds: CustomerId[];
  /** Rows in the input, rows read, rows entirely blank (skipped without a problem). */
  inputRows: number;
  validRows: number;
  blankRows: number;
  problems: ProblemLog;
}

export interface TransactionColumns {
  customers: ArrayLike<unknown>;
  dates: ArrayLike<unknown>;
  amounts: ArrayLike<unknown>;
}

export interface ReadOptions {
  dayOrder?: DayOrder;
  /** Names for the fields in problems (default "customers", "dates", "amounts"). */
  fieldNames?: { customers: string; dates: string; amounts: string };
  problemLimit?: number;
}

/** Whole-number ids below this use a direct table (at most 64 MB of Int32). */
const SMALL_ID_LIMIT = 1 << 24;

/**
 * Accumulates transaction rows into typed columns, keying customers and logging problems. Readers
 * of different sources (cell columns here, CSV bytes in the CLI) share it, so every reader decides
 * blanks, ids, dates and amounts the same way.
 */
export class TransactionBuilder {
  private customer: Int32Array;
  private date: Float64Array;
  private amount: Float64Array;
  private sourceRow: Int32Array;
  private readonly index = new Map<CustomerId, number>();
  /** Small whole-number ids (most customer numbers) index a table instead of the map: index + 1, 0 = unseen. */
  private smallIds = new Int32Array(0);
  private readonly customerIds: CustomerId[] = [];
  private readonly cell: CellRead = { status: "ok", value: 0 };
  private valid = 0;
  private blankRows = 0;
  private lastDateText: string | null = null;
  private lastDateSerial = NaN;
  readonly problems: ProblemLog;
  private readonly names: { customers: string; dates: string; amounts: string };
  private readonly dayOrder: DayOrder;

  constructor(capacity: number, options: ReadOptions = {}) {
    this.customer = new Int32Array(capacity);
    this.date = new Float64Array(capacity);
    this.amount = new Float64Array(capacity);
    this.sourceRow = new Int32Array(capacity);
    this.problems = new ProblemLog(options.problemLimit);
    this.names = options.fieldNames ?? { customers: "customers", dates: "dates", amounts: "amounts" };
    this.dayOrder = options.dayOrder ?? "mdy";
  }

  /**
   * One row of cells. A row whose three cells are blank is skipped quietly (selections often run
   * past the data); a row with any unusable cell is reported once, for its first bad cell.
   */
  addCells(id: unknown, d: unknown, a: unknown, row: number): void {
    const key = customerKey(id);
    if (key === null || key === 0) {
      // Old Excel builds send blank cells as 0, so a row of blanks and zeros is an empty row.
      if (isBlankOrZero(id) && isBlankOrZero(d) && isBlankOrZero(a)) {
        this.blankRows++;
        return;
      }
    }
    const { problems, names, cell } = this;
    if (key === null) {
      problems.add(row, names.customers, excelErrorText(id) ? "excelError" : "blankCustomer", id);
      return;
    }
    if (typeof d === "string" && d === this.lastDateText) {
      // Logs repeat one date text over many consecutive rows: reuse its parse.
      cell.status = "ok";
      cell.value = this.lastDateSerial;
    } else {
      readDateCell(d, cell, this.dayOrder);
      if (typeof d === "string" && cell.status === "ok") {
        this.lastDateText = d;
        this.lastDateSerial = cell.value;
      }
    }
    if (cell.status !== "ok") {
      problems.add(row, names.dates, cell.status === "blank" ? "blankDate" : cell.status === "error" ? "excelError" : "badDate", d);
      return;
    }
    if (!isSerialInRange(cell.value)) {
      problems.add(row, names.dates, "dateOutOfRange", d);
      return;
    }
    const serial = cell.value;
    readNumberCell(a, cell);
    if (cell.status !== "ok") {
      problems.add(row, names.amounts, cell.status === "blank" ? "blankAmount" : cell.status === "error" ? "excelError" : "badAmount", a);
      return;
    }
    this.add(this.customerFor(key), serial, cell.value, row);
  }

  /** Index of the customer with this key, or -1 when it has not been seen. */
  findCustomer(key: CustomerId): number {
    if (typeof key === "number" && key >= 0 && key < SMALL_ID_LIMIT && Number.isInteger(key)) {
      return key < this.smallIds.length ? this.smallIds[key] - 1 : -1;
    }
    return this.index.get(key) ?? -1;
  }

  /** Registers a customer not seen before; returns its index. */
  newCustomer(key: CustomerId): number {
    const c = this.customerIds.length;
    this.customerIds.push(key);
    if (typeof key === "number" && key >= 0 && key < SMALL_ID_LIMIT && Number.isInteger(key)) {
      if (key >= this.smallIds.length) {
        const grown = new Int32Array(Math.min(SMALL_ID_LIMIT, Math.max(key + 1, this.smallIds.length * 2, 1024)));
        grown.set(this.smallIds);
        this.smallIds = grown;
      }
      this.smallIds[key] = c + 1;
    } else this.index.set(key, c);
    return c;
  }

  /** Index of the customer with this key, registering it when new. */
  customerFor(key: CustomerId): number {
    const c = this.findCustomer(key);
    return c >= 0 ? c : this.newCustomer(key);
  }

  /** A row already read: customer index, date serial (in range) and amount. */
  add(customer: number, serial: number, amount: number, row: number): void {
    const k = this.valid++;
    if (k === this.customer.length) this.grow();
    this.customer[k] = customer;
    this.date[k] = serial;
    this.amount[k] = amount;
    this.sourceRow[k] = row;
  }

  private grow(): void {
    const size = Math.max(16, this.customer.length * 2);
    const resize = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.customer = resize(this.customer, (n) => new Int32Array(n));
    this.date = resize(this.date, (n) => new Float64Array(n));
    this.amount = resize(this.amount, (n) => new Float64Array(n));
    this.sourceRow = resize(this.sourceRow, (n) => new Int32Array(n));
  }

  finish(inputRows: number): Transactions {
    const valid = this.valid;
    return {
      customer: this.customer.subarray(0, valid),
      date: this.date.subarray(0, valid),
      amount: this.amount.subarray(0, valid),
      sourceRow: this.sourceRow.subarray(0, valid),
      customerIds: this.customerIds,
      inputRows,
      validRows: valid,
      blankRows: this.blankRows,
      problems: this.problems,
    };
  }
}

/**
 * The transactions on or before `lastDay` (a serial; the whole day counts), with only the customers
 * who bought by then, in their original order. Returns `tx` itself when nothing is later.
 */
export function transactionsUpTo(tx: Transactions, lastDay: number): Transactions {
  const end = Math.floor(lastDay) + 1;
  let kept = 0;
  for (let i = 0; i < tx.validRows; i++) if (tx.date[i] < end) kept++;
  if (kept === tx.validRows) return tx;
  const newIndex = new Int32Array(tx.customerIds.length).fill(-1);
  for (let i = 0; i < tx.validRows; i++) if (tx.date[i] < end) newIndex[tx.customer[i]] = 0;
  const customerIds: CustomerId[] = [];
  newIndex.forEach((flag, c) => {
    if (flag === 0) newIndex[c] = customerIds.push(tx.customerIds[c]) - 1;
  });
  const customer = new Int32Array(kept);
  const date = new Float64Array(kept);
  const amount = new Float64Array(kept);
  const sourceRow = new Int32Array(kept);
  for (let i = 0, k = 0; i < tx.validRows; i++) {
    if (!(tx.date[i] < end)) continue;
    customer[k] = newIndex[tx.customer[i]];
    date[k] = tx.date[i];
    amount[k] = tx.amount[i];
    sourceRow[k++] = tx.sourceRow[i];
  }
  return { ...tx, customer, date, amount, sourceRow, customerIds, validRows: kept };
}

/** Transaction columns (one entry per row) to typed columns; see TransactionBuilder.addCells. */
export function readTransactions(columns: TransactionColumns, options: ReadOptions = {}): Transactions {
  const n = columns.customers.length;
  if (columns.dates.length !== n || columns.amounts.length !== n) {
    throw new RangeError(`columns differ in length: ${n}, ${columns.dates.length}, ${columns.amounts.length}`);
  }
  const builder = new TransactionBuilder(n, options);
  const { customers, dates, amounts } = columns;
  for (let row = 0; row < n; row++) builder.addCells(customers[row], dates[row], amounts[row], row);
  return builder.finish(n);
}

function isBlankOrZero(cell: unknown): boolean {
  return cell === 0 || isBlank(cell);
}

/** "0" or digits without a leading zero, at most 15 of them: exactly a double's whole number. */
function isPlainWholeNumber(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 15 || (s.charCodeAt(0) === 48 && n > 1)) return false;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/** How R, pandas and database exports write a missing id. */
const MISSING_ID = new Set(["NA", "N/A", "NaN", "NULL", "null", "None"]);

/** Grouping key for a customer cell, or null when the cell is blank or an error. */
export function customerKey(cell: unknown): CustomerId | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "string") {
    if (isBlank(cell) || excelErrorText(cell)) return null;
    const s = cell.trim();
    if (MISSING_ID.has(s)) return null;
    const c = s.charCodeAt(0);
    if (isPlainWholeNumber(s)) return Number(s);
    // Other canonical numeric text ("-5", "0.5"; not "0123" or "1e3") meets the number too.
    if (((c >= 48 && c <= 57) || c === 45) && s.length < 24) {
      const v = Number(s);
      if (String(v) === s) return v;
    }
    return s;
  }
  if (typeof cell === "boolean") return String(cell);
  return null;
}

/**
 * Reads one numeric column (customer-level inputs such as recency or values): each entry a
 * number, NaN where the cell is blank (no problem recorded) or unusable (problem recorded).
 */
export function readNumberColumn(cells: ArrayLike<unknown>, field: string, problems: ProblemLog): Float64Array {
  const out = new Float64Array(cells.length);
  const cell: CellRead = { status: "ok", value: 0 };
  for (let i = 0; i < cells.length; i++) {
    readNumberCell(cells[i], cell);
    if (cell.status === "bad") problems.add(i, field, "badNumber", cells[i]);
    else if (cell.status === "error") problems.add(i, field, "excelError", cells[i]);
    out[i] = cell.status === "ok" ? cell.value : NaN;
  }
  return out;
}

export interface CustomerRows {
  /** Per row; NaN for a blank row. */
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  blankRows: number;
  problems: ProblemLog;
}

/**
 * Customer-level columns (days since the last purchase, purchases, amount spent), one entry per row.
 * A row of blanks (or zeros, as old Excel builds send blanks) is blank: NaN in every column. Any
 * other row needs three numbers, recency and frequency not negative; a row that has not is reported
 * once, for its first bad cell, and left NaN.
 */
export function readCustomerRows(
  columns: { recencyDays: ArrayLike<unknown>; frequency: ArrayLike<unknown>; monetary: ArrayLike<unknown> },
  fieldNames = { recencyDays: "recency_days", frequency: "frequency", monetary: "monetary" },
): CustomerRows {
  const n = columns.recencyDays.length;
  const out = [new Float64Array(n).fill(NaN), new Float64Array(n).fill(NaN), new Float64Array(n).fill(NaN)];
  const sources = [columns.recencyDays, columns.frequency, columns.monetary];
  const names = [fieldNames.recencyDays, fieldNames.frequency, fieldNames.monetary];
  const problems = new ProblemLog();
  const cell: CellRead = { status: "ok", value: 0 };
  const values = [0, 0, 0];
  let blankRows = 0;
  rows: for (let i = 0; i < n; i++) {
    if (isBlankOrZero(sources[0][i]) && isBlankOrZero(sources[1][i]) && isBlankOrZero(sources[2][i])) {
      blankRows++;
      continue;
    }
    for (let k = 0; k < 3; k++) {
      const raw = sources[k][i];
      readNumberCell(raw, cell);
      if (cell.status !== "ok") {
        problems.add(i, names[k], cell.status === "blank" ? "blankNumber" : cell.status === "error" ? "excelError" : "badNumber", raw);
        continue rows;
      }
      if (k < 2 && cell.value < 0) {
        problems.add(i, names[k], "negativeValue", raw);
        continue rows;
      }
      values[k] = cell.value;
    }
    for (let k = 0; k < 3; k++) out[k][i] = values[k];
  }
  return { recencyDays: out[0], frequency: out[1], monetary: out[2], blankRows, problems };
}
