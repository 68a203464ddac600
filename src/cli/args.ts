/**
 * What every `tier` command shares: the parsed command line, option readers, CSV columns by name,
 * output as CSV or JSON, and rows left out listed on stderr. Problems the user can fix throw
 * UsageError (exit code 2).
 */
import { echoList, echoText } from "../i18n/describe";
import { readFileSync } from "node:fs";
import type { ProblemLog } from "../core/cells/problems";
import { parseNumberText } from "../core/cells/coerce";
import type { Messages } from "../i18n";
import { problemText } from "../i18n/describe";
import { columnIndex } from "./csv";
import { UsageError } from "./errors";
import { delimiterNamed, encodingOption, readTextTable, type InputOptions, type TextTable } from "./input/table";
import { TableWriter, type Cell } from "./output";

export { UsageError } from "./errors";

export interface Parsed {
  command: string;
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** Where a command writes: whole chunks of text (stdout), or one line at a time (stderr). */
export type Out = (s: string) => void;

/** What an option's value is: a placeholder in the help (cliHelp.kinds), a list of choices, or none (a flag). */
export type ValueKind = keyof Messages["cliHelp"]["kinds"] | "choice" | "flag";

/**
 * One option as the help shows it. The words are in the catalog (cliHelp.options[text], in every
 * language); the rest is the same in all: the value's kind, the default as typed on the command line
 * (or a key of cliHelp.defaults when it is words), and an example value.
 */
export interface OptionSpec {
  text: keyof Messages["cliHelp"]["options"];
  kind: ValueKind;
  choices?: readonly string[];
  default?: string | { words: keyof Messages["cliHelp"]["defaults"] };
  required?: boolean;
  /** An example value (a flag's example is the flag itself). */
  example?: string;
}

/**
 * One `tier` command (a module under commands/): the options it takes (any other `--name` is refused
 * before it runs), the flags it reads, how many files it reads (default 1; more is an error), its
 * help (the arguments' synopsis and a spec per option and flag), and the work. main.ts only looks
 * the command up and runs it.
 */
export interface Command {
  options: readonly string[];
  flags?: readonly string[];
  files?: number;
  /** The arguments' synopsis, a spec per option and flag, and a command line that runs from the repository root. */
  help?: { args: string; options: Readonly<Record<string, OptionSpec>>; example?: string };
  run(p: Parsed, m: Messages, out: Out, err: Out): void;
}

/** --encoding and --delimiter: every command that reads a file takes them (input/table.ts). */
export const INPUT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  "--encoding": { text: "encoding", kind: "encoding", default: { words: "detected" }, example: "gb18030" },
  "--delimiter": { text: "delimiter", kind: "delimiter", default: { words: "detected" }, example: "semicolon" },
};

/** The options every transactions file takes (--customer, --date, --amount, --day-order; --quantity and --order for line items). */
export const TRANSACTION_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  "--customer": { text: "customer", kind: "column", default: "customer_id", example: "client" },
  "--date": { text: "date", kind: "column", default: "date", example: "order_date" },
  "--amount": { text: "amount", kind: "column", default: "amount", example: "revenue" },
  "--day-order": { text: "dayOrder", kind: "choice", choices: ["mdy", "dmy"], default: "mdy", example: "dmy" },
  "--quantity": { text: "quantity", kind: "column", default: { words: "noDefault" }, example: "Quantity" },
  "--order": { text: "lineOrder", kind: "column", default: { words: "noDefault" }, example: "InvoiceNo" },
};

export const FORMAT_OPTION: Readonly<Record<string, OptionSpec>> = {
  "--format": { text: "format", kind: "choice", choices: ["csv", "json"], default: "csv", example: "json" },
};

export function numberOption(p: Parsed, name: string, m: Messages): number | undefined {
  const raw = p.options.get(name);
  if (raw === undefined) return undefined;
  const v = parseNumberText(raw);
  if (Number.isNaN(v)) throw new UsageError(m.cli.badNumberOption(name, echoText(raw)));
  return v;
}

/** "30,90,180,365" → [30, 90, 180, 365]; undefined when the option is absent. */
export function listOption(p: Parsed, name: string, m: Messages): number[] | undefined {
  const raw = p.options.get(name);
  if (raw === undefined) return undefined;
  return raw.split(/[,;\s]+/).filter((t) => t !== "").map((t) => {
    const v = parseNumberText(t);
    if (Number.isNaN(v)) throw new UsageError(m.cli.badNumberOption(name, echoText(raw)));
    return v;
  });
}

export function choice<T extends string>(p: Parsed, name: string, allowed: readonly T[], fallback: T, m: Messages): T {
  const raw = p.options.get(name) ?? fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(m.cli.badChoice(name, echoText(raw), allowed.join(", ")));
  return raw as T;
}

/** How the command line says to read its files: --encoding, --delimiter (else detected), a header line or not. */
export function inputOptions(p: Parsed, m: Messages, header = true): InputOptions {
  const encoding = p.options.get("--encoding");
  const delimiter = p.options.get("--delimiter");
  return {
    encoding: encoding === undefined ? undefined : encodingOption(encoding, m),
    delimiter: delimiter === undefined ? undefined : delimiterNamed(delimiter, m),
    header,
  };
}

/**
 * How a side file is read (--policy, --costs, --segments RULES.csv; --overrides reads the same way): its own
 * encoding and delimiter detected, never FILE's --encoding or --delimiter. People's side files come from
 * elsewhere than their data (a policy typed in UTF-8 beside a GBK export from Excel on Chinese Windows, a comma
 * costs file beside a semicolon export): `--encoding gb18030` once turned a UTF-8 policy's 普通 into 鏅€�
 * without a word, and `--delimiter semicolon` made a comma policy "have no column level" (issue 12's hostile
 * pass over issue 15). Detection reads every encoding and delimiter the options name (source.ts, dsv.ts).
 */
export function sideFileOptions(): InputOptions {
  return { header: true };
}

/** The command's file (its first argument) as a table of text, read as a stream; detection notes on `err`. */
export function readTable(p: Parsed, m: Messages, err: Out = () => {}): { file: string; table: TextTable } {
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  return { file, table: readTextTable(file, inputOptions(p, m), m, err) };
}

/** An option the command cannot run without: "--value is required" when it is absent or empty. */
export function requiredOption(p: Parsed, name: string, m: Messages): string {
  const value = p.options.get(name);
  if (!value) throw new UsageError(m.cli.requiredOption(name));
  return value;
}

export function position(header: readonly string[], file: string, name: string, m: Messages): number {
  if (header.length === 0) throw new UsageError(m.cli.emptyFile(file));
  const k = columnIndex(header, name);
  if (k === undefined) throw new UsageError(m.cli.missingColumn(echoText(name), file, echoList(header)));
  return k;
}

export function pick(table: { header: string[]; columns: string[][] }, file: string, name: string, m: Messages): string[] {
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
  // The functions' sentence for a bad date suggests "a date cell"; a file has no cells.
  const what = (p: ProblemLog["problems"][number]) => (p.code === "badDate" ? m.cli.badDateText(String(p.value)) : problemText(p.code, p.value, m));
  for (const p of log.problems.slice(0, 10)) err(m.cli.csvRow(p.row + firstLine, p.field, what(p)));
  if (log.count > 10) err(`  ${m.errors.moreProblems(log.count - 10)}`);
}

/** A small table (a summary) written at once; long ones go row by row through a TableWriter. */
export function emit(header: string[], rows: Cell[][], format: string, out: (s: string) => void): void {
  const writer = new TableWriter(header, format === "json" ? "json" : "csv", out);
  for (const row of rows) writer.row(row);
  writer.end();
}
