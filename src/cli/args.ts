/**
 * What every `tier` command shares: the parsed command line, option readers, CSV columns by name,
 * output as CSV or JSON, and rows left out listed on stderr. Problems the user can fix throw
 * UsageError (exit code 2).
 */
import { readFileSync } from "node:fs";
import type { ProblemLog } from "../core/cells/problems";
import { parseNumberText } from "../core/cells/coerce";
import type { Messages } from "../i18n";
import { problemText } from "../i18n/describe";
import { columnIndex, parseCsv, type CsvTable } from "./csv";
import { formatCsv, formatJson, type Cell } from "./output";

/** A problem the user can fix by changing the command line or the file; exits with code 2. */
export class UsageError extends Error {}

export interface Parsed {
  command: string;
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** Where a command writes: whole chunks of text (stdout), or one line at a time (stderr). */
export type Out = (s: string) => void;

/**
 * One `tier` command (a module under commands/): the options it takes (any other `--name` is refused
 * before it runs), the flags it reads, and the work. main.ts only looks the command up and runs it.
 */
export interface Command {
  options: readonly string[];
  flags?: readonly string[];
  run(p: Parsed, m: Messages, out: Out, err: Out): void;
}

export function numberOption(p: Parsed, name: string, m: Messages): number | undefined {
  const raw = p.options.get(name);
  if (raw === undefined) return undefined;
  const v = parseNumberText(raw);
  if (Number.isNaN(v)) throw new UsageError(m.cli.badNumberOption(name, raw));
  return v;
}

/** "30,90,180,365" → [30, 90, 180, 365]; undefined when the option is absent. */
export function listOption(p: Parsed, name: string, m: Messages): number[] | undefined {
  const raw = p.options.get(name);
  if (raw === undefined) return undefined;
  return raw.split(/[,;\s]+/).filter((t) => t !== "").map((t) => {
    const v = parseNumberText(t);
    if (Number.isNaN(v)) throw new UsageError(m.cli.badNumberOption(name, raw));
    return v;
  });
}

export function choice<T extends string>(p: Parsed, name: string, allowed: readonly T[], fallback: T, m: Messages): T {
  const raw = p.options.get(name) ?? fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(m.cli.badChoice(name, raw, allowed.join(", ")));
  return raw as T;
}

export function readTable(p: Parsed, m: Messages): { file: string; table: CsvTable } {
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  return { file, table: parseCsv(readBytes(file, m).toString("utf8")) };
}

export function position(header: readonly string[], file: string, name: string, m: Messages): number {
  if (header.length === 0) throw new UsageError(m.cli.emptyFile(file));
  const k = columnIndex(header, name);
  if (k === undefined) throw new UsageError(m.cli.missingColumn(name, file, header.join(", ")));
  return k;
}

export function pick(table: CsvTable, file: string, name: string, m: Messages): string[] {
  return table.columns[position(table.header, file, name, m)];
}

export function readBytes(file: string, m: Messages): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(m.cli.unreadable(file, error instanceof Error ? error.message : String(error)));
  }
}

/**
 * Rows left out (or flagged), on stderr: how many, then the first ten with their file line and column.
 * `firstLine` is the file line of data row 0 (2 below a header line, 1 in a file without one).
 */
export function reportProblems(log: ProblemLog, total: number, m: Messages, err: (s: string) => void, heading = m.cli.skippedRows, firstLine = 2): void {
  if (log.count === 0) return;
  err(heading(log.count, total));
  for (const p of log.problems.slice(0, 10)) err(m.cli.csvRow(p.row + firstLine, p.field, problemText(p.code, p.value, m)));
  if (log.count > 10) err(`  ${m.errors.moreProblems(log.count - 10)}`);
}

export function emit(header: string[], rows: Cell[][], format: string, out: (s: string) => void): void {
  out(format === "json" ? formatJson(header, rows) : formatCsv(header, rows));
}
