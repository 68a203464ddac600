/**
 * Tier snapshots on file (an id column and a tier column), for `tier migrate` and `tier pilot`: read
 * and keyed as the functions key them, with the core's duplicate-id error turned into file lines.
 */
import { CoreError } from "../core/cells/errors";
import { customerIdText } from "../core/over-time/migration";
import type { Messages } from "../i18n";
import { UsageError, pick, type Parsed } from "./args";
import type { CsvTable } from "./csv";
import { readTextTable, type InputOptions } from "./input/table";

export interface Snapshot {
  file: string;
  table: CsvTable;
  ids: string[];
  tiers: string[];
}

/** An option the command cannot run without; given empty, it is missing too. */
export function required(p: Parsed, name: string, m: Messages): string {
  const value = p.options.get(name);
  if (!value) throw new UsageError(m.cli.requiredOption(name));
  return value;
}

/** A snapshot file's ids (keyed as everywhere: 123 and "123" meet) and tiers (trimmed; "" = not tiered). */
export function readSnapshot(file: string, idColumn: string, tierColumn: string, m: Messages, input: InputOptions = { header: true }, note: (line: string) => void = () => {}): Snapshot {
  const table = readTextTable(file, input, m, note);
  const ids = pick(table, file, idColumn, m).map((cell) => customerIdText(cell) ?? "");
  const tiers = pick(table, file, tierColumn, m).map((cell) => cell.trim());
  return { file, table, ids, tiers };
}

/** A duplicate id as a sentence naming the file and both lines (row i is line i + 2). */
export function withFileLines<T>(run: () => T, files: Record<string, string>, m: Messages): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CoreError) || error.code !== "duplicateId") throw error;
    const d = error.details;
    const file = files[String(d.snapshot ?? "before")];
    throw new UsageError(m.errors.dynamic.duplicateLine(file, Number(d.row) + 2, String(d.id), Number(d.firstRow) + 2));
  }
}
