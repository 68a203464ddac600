/**
 * Reading from the workbook: the tables, a preview of a source for the column mapping, and the
 * mapped columns of a source for a run, in a fixed number of syncs (READ_SYNCS blocks of rows, more
 * only when the cells would exceed PAYLOAD_TARGET per response).
 */
import { looksLikeHeader } from "../core/header";
import type { Messages } from "../i18n";
import { splitEvenly } from "./batch";
import { WorkbookError } from "./errors";
import { PAYLOAD_TARGET, READ_CELL_BYTES, READ_SYNCS } from "./host";
import type { ColumnMapping, HeaderChoice, SourcePreview, SourceRef, TableInfo } from "./port";

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

export function sourceRange(context: Excel.RequestContext, source: SourceRef): Excel.Range {
  if (source.kind === "table") return context.workbook.tables.getItem(source.name).getRange();
  return context.workbook.worksheets.getItem(source.sheet).getRange(source.address);
}

export function describeSource(source: SourceRef): string {
  return source.kind === "table" ? source.name : `${source.sheet}!${source.address}`;
}

/** Two syncs: the tables, then each one's sheet, address and row count. */
export async function listTables(context: Excel.RequestContext): Promise<TableInfo[]> {
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const parts = tables.items.map((t) => ({ name: t.name, range: t.getRange().load("address"), sheet: t.worksheet.load("name"), rows: t.rows.load("count") }));
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

export type Role = keyof ColumnMapping;
export const ROLES: Role[] = ["customer", "date", "amount", "quantity", "margin", "category", "extra", "order"];
export const REQUIRED_ROLES: Role[] = ["customer", "date", "amount"];

/**
 * Reads the mapped columns of the data rows: `blocks` syncs, each loading every mapped column's
 * slice of rows. Returns one array of cells per mapped role.
 */
export async function readColumns(
  context: Excel.RequestContext,
  range: Excel.Range,
  shape: Shape,
  hasHeader: boolean,
  mapping: ColumnMapping,
  afterBlock: (k: number, blocks: number) => void,
): Promise<Partial<Record<Role, unknown[]>>> {
  const first = hasHeader ? 1 : 0;
  const rows = shape.rows - first;
  const roles = ROLES.filter((r) => mapping[r] >= 0);
  const estimate = rows * roles.length * READ_CELL_BYTES;
  const blocks = Math.max(READ_SYNCS, Math.ceil(estimate / PAYLOAD_TARGET));
  const starts = splitEvenly(rows, blocks);
  const out: Partial<Record<Role, unknown[]>> = {};
  for (const role of roles) out[role] = [];
  for (let k = 0; k < blocks; k++) {
    const from = starts[k];
    const count = starts[k + 1] - from;
    const loaded = count === 0 ? [] : roles.map((role) => ({ role, range: range.getCell(first + from, mapping[role]).getResizedRange(count - 1, 0).load("values") }));
    await context.sync();
    for (const { role, range: r } of loaded) {
      const target = out[role]!;
      for (const row of r.values) target.push(row[0]);
    }
    afterBlock(k, blocks);
  }
  return out;
}

export function checkMapping(mapping: ColumnMapping, columns: number, header: readonly string[] | null, m: Messages): void {
  const roleName = (role: Role) => m.workbook.roles[role];
  for (const role of REQUIRED_ROLES) if (!(mapping[role] >= 0)) throw new WorkbookError(m.workbook.errors.mappingMissing(roleName(role)));
  for (const role of ROLES) {
    if (mapping[role] >= columns) throw new WorkbookError(m.workbook.errors.mappingOutside(header?.[mapping[role]] ?? roleName(role), columns));
  }
}
