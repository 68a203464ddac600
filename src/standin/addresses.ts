/**
 * A1-style addresses, kept apart from the workbook data: the preview draws column letters with them
 * and parsing needs no sheet, so the lowest modules can use them without the model.
 */
import { StandInError } from "./errors";

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** "A", "Z", "AA" from a 0-based column. Written here apart from src/excel/read.ts on purpose: the stand-in models Excel and imports nothing of the add-in. */
export function columnLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// The sheet's size: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

/** "A1", "B2:D9", "C:C", "3:5", optionally "Sheet!…" or "'My sheet'!…". */
export function parseAddress(address: string): { sheet: string | null; box: Box } {
  let sheet: string | null = null;
  let body = address.trim();
  const bang = body.lastIndexOf("!");
  if (bang >= 0) {
    sheet = body.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    body = body.slice(bang + 1);
  }
  const parts = body.replace(/\$/g, "").split(":");
  if (parts.length > 2) throw new StandInError("InvalidArgument", `The address "${address}" is not valid.`);
  const ends = parts.map((p) => {
    const m = /^([A-Za-z]{0,3})([0-9]{0,7})$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new StandInError("InvalidArgument", `The address "${address}" is not valid.`);
    return { c: m[1] ? columnIndex(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null };
  });
  const a = ends[0];
  const b = ends[1] ?? a;
  const box = {
    r0: a.r ?? 0,
    c0: a.c ?? 0,
    r1: b.r ?? (a.r === null ? MAX_ROWS - 1 : a.r),
    c1: b.c ?? (a.c === null ? MAX_COLUMNS - 1 : a.c),
  };
  if (box.r0 > box.r1) [box.r0, box.r1] = [box.r1, box.r0];
  if (box.c0 > box.c1) [box.c0, box.c1] = [box.c1, box.c0];
  if (box.r0 < 0 || box.c0 < 0 || box.r1 >= MAX_ROWS || box.c1 >= MAX_COLUMNS) {
    throw new StandInError("InvalidArgument", `The address "${address}" is outside the sheet.`);
  }
  return { sheet, box };
}

/** "B2:D9"; whole columns as Excel gives them ("A:D"), whole rows too ("3:5"). source? */
export function boxAddress(box: Box): string {
  if (box.r0 === 0 && box.r1 === MAX_ROWS - 1 && !(box.c0 === 0 && box.c1 === MAX_COLUMNS - 1)) return `${columnLetters(box.c0)}:${columnLetters(box.c1)}`;
  if (box.c0 === 0 && box.c1 === MAX_COLUMNS - 1) return `${box.r0 + 1}:${box.r1 + 1}`;
  const a = `${columnLetters(box.c0)}${box.r0 + 1}`;
  return box.r0 === box.r1 && box.c0 === box.c1 ? a : `${a}:${columnLetters(box.c1)}${box.r1 + 1}`;
}

/**
 * Excel quotes a sheet name in an address unless it is letters, digits and underscores (a simplification:
 * Excel's rule is unpublished; observed rules in https://github.com/jmcnamara/XlsxWriter/issues/1078). source?
 */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function refAddress(ref: Box & { sheet: { name: string } }): string {
  return `${quoteSheet(ref.sheet.name)}!${boxAddress(ref)}`;
}
