/**
 * Dates as Excel serial day numbers (1900 date system): 1 = 1900-01-01, 45296 = 2024-01-05,
 * the fraction is the time of day. Serials here are computed by the proleptic Gregorian calendar
 * from 1899-12-30, which equals Excel's numbering from 1900-03-01 on; Excel's phantom 1900-02-29
 * (serial 60) makes earlier serials one day off, so dates before 1900-03-01 are refused.
 *
 * Why not a date library: the hot path parses a million dates, and a hand-written parser of the
 * handful of layouts below is ~20x faster than general-purpose parsing; Excel serial arithmetic is
 * plain integer arithmetic that libraries do not offer.
 */

/** Days from 1970-01-01 for a proleptic Gregorian y-m-d (Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
/** First serial the core accepts: 1900-03-01 (see the module comment). */
export const MIN_SERIAL = 61;
/** Serial of 9999-12-31, Excel's last date. */
export const MAX_SERIAL = 2958465;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Serial for a calendar date and optional time, or NaN when the date does not exist. */
export function serialFromParts(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (month < 1 || month > 12 || day < 1) return NaN;
  const dim = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > dim || hour > 23 || minute > 59 || second > 59.999) return NaN;
  const serial = daysFromCivil(year, month, day) + UNIX_EPOCH_SERIAL;
  return serial + (hour * 3600 + minute * 60 + second) / 86400;
}

/** Calendar parts of a serial (the time of day is dropped). */
export function partsFromSerial(serial: number): { year: number; month: number; day: number } {
  // Hinnant's civil_from_days.
  const z = Math.floor(serial) - UNIX_EPOCH_SERIAL + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** "2024-01-05" for a serial. */
export function serialToIsoDate(serial: number): string {
  const { year, month, day } = partsFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

export type DayOrder = "mdy" | "dmy";

const CODE_0 = 48;

/** Reads an unsigned integer of 1..maxLen digits at pos; returns [value, nextPos] or [-1, pos]. */
function readInt(s: string, pos: number, maxLen: number): number {
  let value = 0;
  let i = pos;
  const end = Math.min(s.length, pos + maxLen);
  while (i < end) {
    const c = s.charCodeAt(i) - CODE_0;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
    i++;
  }
  scanEnd = i;
  return i === pos ? -1 : value;
}
/** End position of the last readInt (avoids allocating a tuple per call on the hot path). */
let scanEnd = 0;

/**
 * Parses the time part that may follow a date: " 13:00", " 13:00:05", "T13:00:05.123Z",
 * " 1:05 PM". Returns the fraction of a day, or NaN if the rest is not a time.
 */
function parseTimeTail(s: string, pos: number): number {
  if (pos >= s.length) return 0;
  const sep = s.charCodeAt(pos);
  if (sep !== 32 && sep !== 84 /* T */) return NaN;
  let i = pos + 1;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  if (i >= s.length) return 0;
  const hour = readInt(s, i, 2);
  if (hour < 0 || s.charCodeAt(scanEnd) !== 58 /* : */) return NaN;
  const minute = readInt(s, scanEnd + 1, 2);
  if (minute < 0) return NaN;
  let second = 0;
  i = scanEnd;
  if (s.charCodeAt(i) === 58) {
    second = readInt(s, i + 1, 2);
    if (second < 0) return NaN;
    i = scanEnd;
    if (s.charCodeAt(i) === 46 /* . */) {
      let j = i + 1;
      while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      second += Number(s.slice(i, j));
      i = j;
    }
  }
  let h = hour;
  const rest = s.slice(i).trim().toUpperCase();
  if (rest === "AM" || rest === "PM") {
    if (h < 1 || h > 12) return NaN;
    h = (h % 12) + (rest === "PM" ? 12 : 0);
  } else if (rest !== "" && rest !== "Z" && !/^[+-]\d\d:?\d\d$/.test(rest)) {
    // A UTC offset is accepted and ignored: dates are wall-clock dates, as a sheet shows them.
    return NaN;
  }
  if (h > 23 || minute > 59 || second >= 60) return NaN;
  return (h * 3600 + minute * 60 + second) / 86400;
}

/**
 * Parses a date written as text. Year-first layouts are unambiguous and always accepted:
 * 2024-01-05, 2024/1/5, 2024.1.5, 20240105, 2024年1月5日, each optionally followed by a time
 * (2024-01-05 13:00:00, 2024-01-05T13:00:00Z). Day/month-first layouts (1/5/2024) follow `dayOrder`
 * (month first by default, as en-US Excel writes them). Returns a serial, or NaN.
 */
export function parseDateText(text: string, dayOrder: DayOrder = "mdy"): number {
  const s = text.trim();
  const first = readInt(s, 0, 8);
  if (first < 0) return NaN;
  const firstLen = scanEnd;
  let pos = scanEnd;
  let year: number;
  let month: number;
  let day: number;
  if (firstLen === 8) {
    // 20240105 (CDNOW's layout)
    year = Math.floor(first / 10000);
    month = Math.floor(first / 100) % 100;
    day = first % 100;
  } else if (firstLen === 4) {
    year = first;
    const sep = s.charCodeAt(pos);
    if (sep === 0x5e74 /* 年 */) {
      month = readInt(s, pos + 1, 2);
      if (month < 0 || s.charCodeAt(scanEnd) !== 0x6708 /* 月 */) return NaN;
      day = readInt(s, scanEnd + 1, 2);
      if (day < 0) return NaN;
      pos = scanEnd;
      if (s.charCodeAt(pos) === 0x65e5 /* 日 */ || s.charCodeAt(pos) === 0x53f7 /* 号 */) pos++;
    } else if (sep === 45 || sep === 47 || sep === 46) {
      month = readInt(s, pos + 1, 2);
      if (month < 0 || s.charCodeAt(scanEnd) !== sep) return NaN;
      day = readInt(s, scanEnd + 1, 2);
      if (day < 0) return NaN;
      pos = scanEnd;
    } else {
      return NaN;
    }
  } else if (firstLen <= 2) {
    const sep = s.charCodeAt(pos);
    if (sep !== 47 && sep !== 45 && sep !== 46) return NaN;
    const second = readInt(s, pos + 1, 2);
    if (second < 0 || s.charCodeAt(scanEnd) !== sep) return NaN;
    const yearStart = scanEnd + 1;
    year = readInt(s, yearStart, 4);
    if (scanEnd - yearStart !== 4) return NaN;
    pos = scanEnd;
    if (dayOrder === "dmy") {
      day = first;
      month = second;
    } else {
      month = first;
      day = second;
    }
  } else {
    return NaN;
  }
  const time = parseTimeTail(s, pos);
  if (Number.isNaN(time)) return NaN;
  const serial = serialFromParts(year, month, day);
  return serial + time;
}

/** True when a serial lies in the range the core accepts. */
/**
 * The analysis date as settings keep it: a calendar date written YYYY-MM-DD (what the pane's date field gives and
 * what the workbook's saved settings hold), as a serial; NaN for any other layout or a date that does not exist.
 * One rule for the pane, which checks what is typed, and the workbook port, which reads what was saved.
 */
export function isoDateSerial(text: string): number {
  const s = text.trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? parseDateText(s) : NaN;
}

export function isSerialInRange(serial: number): boolean {
  return serial >= MIN_SERIAL && serial < MAX_SERIAL + 1;
}
