/**
 * CSV text into rows as Excel opens a CSV file, for `addSheetFromCsv` (the preview's sample, the
 * tests' data sets). Dependency-free so the browser preview can load it.
 */

/** RFC 4180 CSV (quotes, doubled quotes, embedded newlines, CRLF), without dependencies. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** What Excel makes of a CSV field when it opens the file: a number, a date serial (with its format), or text. source? */
export function convertCsvField(text: string): { value: unknown; format?: string } {
  if (text === "") return { value: "" };
  if (NUMBER.test(text)) return { value: Number(text) };
  const m = ISO_DATE_TIME.exec(text);
  if (m) {
    const days = Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 + 25569;
    const time = m[4] ? (+m[4] * 3600 + +m[5] * 60 + +(m[6] ?? 0)) / 86400 : 0;
    return { value: days + time, format: m[4] ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd" };
  }
  return { value: text };
}
