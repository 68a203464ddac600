/**
 * Input coercion of one cell: cells as Excel or a CSV file gives them (numbers, text, blanks, error
 * values) to numbers, dates and customer keys. This is the one place that decides what "blank" means;
 * every reader (transaction columns, customer-level columns, the CLI's CSV, the header detector) asks
 * here, so a cell reads the same wherever it comes from.
 */
import { type DayOrder, parseDateText } from "./dates";

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

/**
 * The most characters of a cell a message echoes: enough to recognise a value, never a whole column
 * (a range where one cell belongs once made a 1,048,630-character message). Every echo goes through
 * cellText, or echoText (src/i18n/describe.ts) for text that is already a string.
 */
export const ECHO_LIMIT = 40;

/** Text cut to ECHO_LIMIT characters, with "…" when cut (a surrogate pair is never split). */
export function capText(text: string): string {
  if (text.length <= ECHO_LIMIT) return text;
  const cut = text.slice(0, ECHO_LIMIT - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** A cell as the text a message echoes, at most ECHO_LIMIT characters; a range is not a cell ("…"). */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return capText(cell);
  const error = excelErrorText(cell);
  if (error) return error;
  if (Array.isArray(cell)) return "…";
  return capText(String(cell));
}

const CURRENCY = /^(?:[¥￥$€£]|CNY|RMB|USD|EUR|GBP|US\$|HK\$)\s*|\s*(?:[¥￥$€£元]|CNY|RMB|USD|EUR|GBP)$/i;
const GROUPED = /^[0-9]{1,3}(?:[,，][0-9]{3})+(?:\.[0-9]+)?$/;
const PLAIN = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * A number written as text: "1234.5", "1,234.50", "¥1,234", "$ 12", "12 元", "-5", "(5.00)"
 * (accounting negative), "−5" (Unicode minus), "12%" (= 0.12). Returns NaN for anything else,
 * including hexadecimal and "Infinity", which JavaScript's Number() would accept, and text whose
 * value is beyond a double ("1e400"): the finite-number rule, see isOverflowingNumber.
 */
export function parseNumberText(text: string): number {
  const v = parseNumberTextUnbounded(text);
  return v - v === 0 ? v : NaN;
}

/**
 * The finite-number rule, in one place: a cell that looks like a number but is not a finite double
 * (a number cell of ±Infinity, which only a JS caller can send; text such as "1e400" or
 * "-9e999", which Number() reads as ±Infinity) is not a value. Excel itself holds nothing beyond
 * ±1.7976931348623157E+308 ("Excel specifications and limits": largest allowed positive number), so
 * such a cell is refused as a row problem ("notFinite") rather than read as Infinity and summed. (A NaN
 * cell is refused too, by readCell, as "not a number", which it is.)
 */
export function isOverflowingNumber(cell: unknown): boolean {
  if (typeof cell === "number") return cell === Infinity || cell === -Infinity;
  if (typeof cell !== "string") return false;
  const v = parseNumberTextUnbounded(cell);
  return v === Infinity || v === -Infinity;
}

function parseNumberTextUnbounded(text: string): number {
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

/** Old Excel builds send blank cells as 0, so a row of blanks and zeros is an empty row. */
export function isBlankOrZero(cell: unknown): boolean {
  return cell === 0 || isBlank(cell);
}

/** A customer id as a grouping key: numbers and canonical numeric text ("123") meet; "00123" stays text. */
export type CustomerId = string | number;

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
    // Other canonical numeric text ("-5", "0.5"; not "0123" or "1e3") meets the number too; 24 characters is the
    // longest a number's text runs (−1.2345678901234567e+100), so such a cell and the number are one customer.
    if (((c >= 48 && c <= 57) || c === 45) && s.length <= 24) {
      const v = Number(s);
      if (String(v) === s) return v;
    }
    return s;
  }
  if (typeof cell === "boolean") return String(cell);
  return null;
}
