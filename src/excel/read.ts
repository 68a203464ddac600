/**
 * Reading from the workbook: the tables, a preview of a source for the column mapping, and the
 * mapped columns of a source for a run, in a fixed number of syncs (READ_SYNCS blocks of rows, more
 * only when the cells would exceed PAYLOAD_TARGET per response, as measured on a sample of the rows).
 */
import { columnOf, mappingProblems, ROLES, type MappingProblem, type Role } from "../core/analysis/roles";
import { looksLikeHeader } from "../core/cells/header";
import type { Messages } from "../i18n";
import { splitEvenly } from "./batch";
import { WorkbookError } from "./errors";
import { utf8Bytes } from "./bytes";
import { isPayloadTooLarge } from "./errors";
import { MIN_CELL_BYTES, PAYLOAD_TARGET, READ_MARGIN, READ_SYNCS, SAMPLE_ROWS } from "./host";
import type { ColumnMapping, HeaderChoice, SourcePreview, SourceRef, TableInfo } from "./port";

/** "A", "Z", "AA" from a 0-based column. The stand-in has its own copy on purpose (src/standin/addresses.ts): the add-in must not depend on the Excel it is tested against. */
export function columnLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "C17" from 0-based row and column. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** "A1:C9" from a 0-based top-left cell and a size. */
export function a1Range(row: number, column: number, rows: number, columns: number): string {
  return `${a1(row, column)}:${a1(row + rows - 1, column + columns - 1)}`;
}

/** An address as Excel gives it ("'Tier Summary'!A1:B2") without its sheet. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/** "A:D", "3:5", "A1:D1048576": every row (or every column) of the sheet, which Excel would read whole. */
export function isWholeLines(address: string): boolean {
  const a = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
  return /^[A-Z]{1,3}:[A-Z]{1,3}$/.test(a) || /^\d+:\d+$/.test(a) || /^[A-Z]{1,3}1:[A-Z]{1,3}1048576$/.test(a);
}

/**
 * The source's cells. A table: its header row and data body, never a shown totals row. A range of whole
 * columns or rows ("A:D"): only its part inside the sheet's used range, so 1,048,576 rows are never read
 * (the saved address stays "A:D", so rows added later are read by the next run); an empty one fails at sync.
 */
export function sourceRange(context: Excel.RequestContext, source: SourceRef): Excel.Range {
  if (source.kind === "table") {
    const table = context.workbook.tables.getItem(source.name);
    return table.getHeaderRowRange().getBoundingRect(table.getDataBodyRange());
  }
  const sheet = context.workbook.worksheets.getItem(source.sheet);
  const range = sheet.getRange(source.address);
  return isWholeLines(source.address) ? range.getIntersection(sheet.getUsedRange(true)) : range;
}

export function describeSource(source: SourceRef): string {
  return source.kind === "table" ? source.name : `${source.sheet}!${source.address}`;
}

/** Two syncs: the tables, then each one's sheet, address and row count. */
export async function listTables(context: Excel.RequestContext): Promise<TableInfo[]> {
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  // Header row and data body: a shown totals row is not data.
  const parts = tables.items.map((t) => ({ name: t.name, range: t.getHeaderRowRange().getBoundingRect(t.getDataBodyRange()).load("address"), sheet: t.worksheet.load("name"), rows: t.rows.load("count") }));
  await context.sync();
  return parts.map((p) => ({ name: p.name, sheet: p.sheet.name, address: localAddress(p.range.address), rows: p.rows.count }));
}

/** Header texts, or "Column A"… (the sheet's letters) when the source has no header row. */
export function headerTexts(first: readonly unknown[], hasHeader: boolean, firstColumn: number, m: Messages): string[] {
  return first.map((v, k) => (hasHeader && String(v ?? "").trim() !== "" ? String(v).trim() : m.workbook.columnLetter(columnLetters(firstColumn + k))));
}

/** A loaded range's shape (after sync). */
export interface Shape {
  sheet: string;
  sheetId: string;
  address: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export function loadShape(range: Excel.Range): () => Shape {
  range.load("address,rowIndex,columnIndex,rowCount,columnCount");
  const sheet = range.worksheet.load("name,id");
  return () => ({ sheet: sheet.name, sheetId: sheet.id, address: localAddress(range.address), row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount });
}

/** Rows looked at to detect the header: the first row and up to this many below it. */
export const DETECT_ROWS = 20;

/**
 * Whether the source starts with a header: the choice when it is one; for "auto", an Excel table always
 * has a header (its range includes the header row) and a range is decided by `looksLikeHeader` on its
 * first rows.
 */
export function decideHeader(choice: HeaderChoice, source: SourceRef, top: readonly (readonly unknown[])[]): boolean {
  if (choice !== "auto") return choice;
  return source.kind === "table" || looksLikeHeader(top);
}

/** One sync after the shape is known: the first rows (header detection) and the sample of five. */
export async function previewRange(context: Excel.RequestContext, range: Excel.Range, shape: Shape, source: SourceRef, choice: HeaderChoice, m: Messages): Promise<SourcePreview> {
  const take = Math.min(shape.rows, 1 + DETECT_ROWS);
  const top = range.getCell(0, 0).getResizedRange(take - 1, shape.columns - 1).load("values");
  await context.sync();
  const values = top.values;
  const hasHeader = decideHeader(choice, source, values);
  const header = headerTexts(values[0] ?? [], hasHeader, shape.column, m);
  const sample = values.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + 5);
  return { source, header, hasHeader, headerDetected: choice === "auto", sample, rows: Math.max(0, shape.rows - (hasHeader ? 1 : 0)) };
}

/** The first data rows of each mapped column, read in a run's first sync; `rows` is how many were read. */
export interface Sample {
  rows: number;
  cells: Partial<Record<Role, unknown[]>>;
}

/** The last row of a sheet (1,048,576 rows). */
const SHEET_ROWS = 1048576;

/**
 * How many rows the sample may span below the first data row without running off the sheet: the
 * source's top row is known from a range's address ("A1:D9", "A:D" → row 1); a table's is not before
 * the first sync, so a table whose data start within SAMPLE_ROWS rows of the sheet's last row is not
 * supported (nobody keeps one there).
 */
export function sampleRows(source: SourceRef, hasHeader: boolean): number {
  if (source.kind === "table") return SAMPLE_ROWS;
  const digits = /^\$?[A-Za-z]{0,3}\$?(\d*)/.exec(source.address.slice(source.address.lastIndexOf("!") + 1))?.[1];
  const top = digits ? Number(digits) : 1;
  return Math.max(0, Math.min(SAMPLE_ROWS, SHEET_ROWS - (top + (hasHeader ? 1 : 0)) + 1));
}

/**
 * Queues the sample (no sync): up to `rows` cells of each mapped column from the first data row. Read
 * before the source's size is known, so it may reach below the source; the caller clips it.
 */
export function loadSample(range: Excel.Range, hasHeader: boolean, mapping: ColumnMapping, rows: number): (dataRows: number) => Sample {
  const first = hasHeader ? 1 : 0;
  const roles = ROLES.filter((r) => columnOf(mapping, r) >= 0);
  const loaded = rows === 0 ? [] : roles.map((role) => ({ role, range: range.getCell(first, columnOf(mapping, role)).getResizedRange(rows - 1, 0).load("values") }));
  return (dataRows) => {
    const take = Math.min(rows, Math.max(0, dataRows));
    const cells: Partial<Record<Role, unknown[]>> = {};
    for (const { role, range: r } of loaded) cells[role] = r.values.slice(0, take).map((row) => row[0]);
    return { rows: take, cells };
  };
}

/** Bytes one cell takes in a read response: its JSON in UTF-8 inside `[…],`. */
export function responseCellBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value ?? "")) + 3;
}

/**
 * Read blocks for `rows` data rows of `roles.length` mapped columns, from the sample:
 *   bytes per row = max(sampled bytes ÷ sampled rows, roles × MIN_CELL_BYTES) × READ_MARGIN
 *   blocks = max(READ_SYNCS, ⌈rows × bytes per row ÷ PAYLOAD_TARGET⌉)
 * so the count stays READ_SYNCS until the source's cells come to READ_SYNCS × PAYLOAD_TARGET ÷
 * READ_MARGIN (about 10 MB of cells), and grows by one per PAYLOAD_TARGET beyond. A block whose response
 * is refused all the same (rows far longer than the sample) is read again in halves.
 */
export function readBlockCount(rows: number, roles: readonly Role[], sample: Sample): number {
  let bytes = 0;
  for (const role of roles) for (const v of sample.cells[role] ?? []) bytes += responseCellBytes(v);
  const perRow = Math.max(sample.rows > 0 ? bytes / sample.rows : 0, roles.length * MIN_CELL_BYTES) * READ_MARGIN;
  return Math.max(READ_SYNCS, Math.ceil((rows * perRow) / PAYLOAD_TARGET));
}

/**
 * Reads the mapped columns of the data rows: `readBlockCount` syncs, each loading every mapped column's
 * slice of rows. Returns one array of cells per mapped role.
 */
export async function readColumns(
  context: Excel.RequestContext,
  range: Excel.Range,
  shape: Shape,
  hasHeader: boolean,
  mapping: ColumnMapping,
  sample: Sample,
  afterBlock: (k: number, blocks: number) => void,
): Promise<Partial<Record<Role, unknown[]>>> {
  const first = hasHeader ? 1 : 0;
  const rows = shape.rows - first;
  const roles = ROLES.filter((r) => columnOf(mapping, r) >= 0);
  const blocks = readBlockCount(rows, roles, sample);
  const starts = splitEvenly(rows, blocks);
  const out: Partial<Record<Role, unknown[]>> = {};
  for (const role of roles) out[role] = [];
  const read = async (from: number, count: number): Promise<void> => {
    const loaded = count === 0 ? [] : roles.map((role) => ({ role, range: range.getCell(first + from, columnOf(mapping, role)).getResizedRange(count - 1, 0).load("values") }));
    try {
      await context.sync();
    } catch (e) {
      // Rows far longer than the sample: this block's response was refused; read it in halves.
      if (!isPayloadTooLarge(e) || count < 2) throw e;
      const half = Math.ceil(count / 2);
      await read(from, half);
      await read(from + half, count - half);
      return;
    }
    for (const { role, range: r } of loaded) {
      const target = out[role]!;
      for (const row of r.values) target.push(row[0]);
    }
  };
  for (let k = 0; k < blocks; k++) {
    await read(starts[k], starts[k + 1] - starts[k]);
    afterBlock(k, blocks);
  }
  return out;
}

/** The mapping problems as the port's sentences, keyed by kind (a new kind without one is a type error). */
const MAPPING_SENTENCES: { [K in MappingProblem["kind"]]: (problem: Extract<MappingProblem, { kind: K }>, header: readonly string[] | null, m: Messages) => string } = {
  missing: (p, _header, m) => m.workbook.errors.mappingMissing(m.workbook.roles[p.role]),
  outOfRange: (p, header, m) => m.workbook.errors.mappingOutside(header?.[p.column] ?? m.workbook.roles[p.role], p.columns),
  shared: (p, _header, m) => m.workbook.errors.mappingShared(m.workbook.roles[p.roles[0]], m.workbook.roles[p.roles[1]]),
};

/** The core's mapping check (src/core/analysis/roles.ts), its first problem thrown as a sentence. */
export function checkMapping(mapping: ColumnMapping, columns: number, header: readonly string[] | null, m: Messages): void {
  const problem = mappingProblems(mapping, columns)[0];
  if (!problem) return;
  const sentence = MAPPING_SENTENCES[problem.kind] as (problem: MappingProblem, header: readonly string[] | null, m: Messages) => string;
  throw new WorkbookError(sentence(problem, header, m));
}
