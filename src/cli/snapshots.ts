/**
 * Tier snapshots on file (an id column and a tier column), for `tier migrate`, `tier pilot` and
 * `tier movers`: read as a stream (kept-columns.ts), keyed as the functions key them, with the core's
 * duplicate-id error turned into file lines.
 */
import { readDateCell, readNumberCell, type CellRead } from "../core/cells/coerce";
import { isSerialInRange } from "../core/cells/dates";
import { CoreError } from "../core/cells/errors";
import type { ProblemLog } from "../core/cells/problems";
import { customerIdText } from "../core/over-time/migration";
import type { Messages } from "../i18n";
import { UsageError, type Parsed } from "./args";
import type { InputOptions } from "./input/table";
import { GrowingNumbers, readKeptColumns, type KeptRows } from "./kept-columns";

export interface Snapshot {
  file: string;
  rows: number;
  /** Per row, keyed as everywhere ("" for no id). */
  ids: string[];
  /** Per row, the id cell as written (trimmed), only when asked for: what `tier pilot` writes back. */
  idCells: string[] | null;
  /** Per row, trimmed ("" = not tiered); one string per distinct tier. */
  tiers: string[];
  /** The extra columns asked for, in order: numbers, or dates as serials (NaN for blanks and bad cells). */
  columns: Float64Array[];
  /** Where each row is in the file. */
  read: KeptRows;
}

/** A column read beside the id and tier: numbers or dates, its bad cells logged in `log` (columns may share one). */
export interface ExtraColumn {
  name: string;
  kind: "number" | "date";
  log: ProblemLog;
}

/** An option the command cannot run without; given empty, it is missing too. */
export function required(p: Parsed, name: string, m: Messages): string {
  const value = p.options.get(name);
  if (!value) throw new UsageError(m.cli.requiredOption(name));
  return value;
}

/**
 * A snapshot file's ids (keyed as everywhere: 123 and "123" meet) and tiers (trimmed; "" = not tiered),
 * and any extra columns, read as a stream: memory holds a few values per customer, not the file's text.
 */
export function readSnapshot(
  file: string,
  idColumn: string,
  tierColumn: string,
  m: Messages,
  input: InputOptions = { header: true },
  note: (line: string) => void = () => {},
  options: { extra?: readonly ExtraColumn[]; idCells?: boolean } = {},
): Snapshot {
  const extra = options.extra ?? [];
  const ids: string[] = [];
  const idCells: string[] | null = options.idCells ? [] : null;
  const tiers: string[] = [];
  // Tiers are few: one string each, however many rows name it.
  const tierNames = new Map<string, string>();
  const values = extra.map(() => new GrowingNumbers());
  const cell: CellRead = { status: "ok", value: 0 };
  const read = readKeptColumns(file, [idColumn, tierColumn, ...extra.map((c) => c.name)], input, m, note, (cells, row) => {
    ids.push(customerIdText(cells[0]) ?? "");
    if (idCells) idCells.push(cells[0].trim());
    const tier = cells[1].trim();
    let name = tierNames.get(tier);
    if (name === undefined) tierNames.set(tier, (name = tier));
    tiers.push(name);
    for (let k = 0; k < extra.length; k++) {
      const text = cells[k + 2];
      const column = extra[k];
      if (column.kind === "date") {
        readDateCell(text, cell);
        const ok = cell.status === "ok" && isSerialInRange(cell.value);
        if (cell.status === "bad" || (cell.status === "ok" && !ok)) column.log.add(row, column.name, "badDate", text);
        values[k].set(row, ok ? cell.value : NaN);
      } else {
        readNumberCell(text, cell);
        if (cell.status === "bad") column.log.add(row, column.name, "badNumber", text);
        else if (cell.status === "error") column.log.add(row, column.name, "excelError", text);
        values[k].set(row, cell.status === "ok" ? cell.value : NaN);
      }
    }
  });
  return { file, rows: read.rows, ids, idCells, tiers, columns: values.map((v) => v.finish(read.rows)), read };
}

/** A duplicate id as a sentence naming the file and both lines (of a file name alone, row i is line i + 2). */
export function withFileLines<T>(run: () => T, files: Record<string, string | Snapshot>, m: Messages): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CoreError) || error.code !== "duplicateId") throw error;
    const d = error.details;
    const snapshot = files[String(d.snapshot ?? "before")];
    const line = (row: number) => (typeof snapshot === "string" ? row + 2 : snapshot.read.lineOf(row));
    throw new UsageError(m.errors.dynamic.duplicateLine(typeof snapshot === "string" ? snapshot : snapshot.file, line(Number(d.row)), String(d.id), line(Number(d.firstRow))));
  }
}
