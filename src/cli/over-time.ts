/**
 * What the over-time commands share (`tier history | movers | trends | cohort`, and the as-of and
 * window options of `tier rfm | abc | score`): the date and window options, the history's tiering
 * options, tier names in the user's language, and number cells that are blank where the core says
 * "not defined" (NaN), so a CSV never holds NaN.
 */
import { isSerialInRange, parseDateText } from "../core/cells/dates";
import { CoreError } from "../core/cells/errors";
import { buildHistory, type History, type HistoryTiering } from "../core/over-time/history";
import type { SnapshotEvery } from "../core/over-time/snapshots";
import type { SegmentScheme } from "../core/tiers/segments";
import type { Transactions } from "../core/transactions/model";
import { summarizeCustomers, type CustomerSummary } from "../core/transactions/summary";
import type { Messages } from "../i18n";
import { UsageError, choice, numberOption, type Out, type Parsed } from "./args";
import type { Cell } from "./output";
import { readTransactionsFile } from "./transactions-file";

/** The options a transactions file is read with (columns, day order). */
export const TRANSACTION_OPTIONS = ["--customer", "--date", "--amount", "--day-order"] as const;
/** --as-of and --window-months, for every command that computes from transactions. */
export const AS_OF_OPTIONS = ["--as-of", "--window-months"] as const;
/** The history's range and tiering. */
export const HISTORY_OPTIONS = ["--every", "--from", "--to", "--window-months", "--tier-by", "--bins", "--segments", "--a-cut", "--b-cut", "--freeze"] as const;

/** A date option (YYYY-MM-DD or the other layouts parseDateText reads), undefined when absent. */
export function dateOption(p: Parsed, name: string, m: Messages): number | undefined {
  const text = p.options.get(name);
  if (text === undefined) return undefined;
  const serial = parseDateText(text);
  if (!isSerialInRange(serial)) throw new UsageError(m.errors.badAsOf(text));
  return serial;
}

/** --window-months N; the core checks N (a whole number 1..1200), named as the option. */
export function windowOption(p: Parsed, m: Messages): number | null {
  return numberOption(p, "--window-months", m) ?? null;
}

/** The core's window and period problems name the function's argument; on the command line it is an option. */
export function withOptionName<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    const option: Partial<Record<string, string>> = { badWindow: "--window-months", badEvery: "--every", badCohortBy: "--by", badCohortMeasure: "--measure" };
    const name = option[error.code];
    throw name ? new CoreError(error.code, { ...error.details, argument: name }) : error;
  }
}

/** The transactions file and its summary as of --as-of over --window-months. */
export function summaryFromFile(p: Parsed, m: Messages, err: Out): { tx: Transactions; summary: CustomerSummary } {
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  const asOf = dateOption(p, "--as-of", m);
  const windowMonths = windowOption(p, m);
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const tx = readTransactionsFile(p, file, dayOrder, m, err);
  return { tx, summary: withOptionName(() => summarizeCustomers(tx, { asOf, windowMonths })) };
}

/** Whether --as-of or --window-months was given (abc and score then read a transactions file). */
export function wantsTransactions(p: Parsed): boolean {
  return AS_OF_OPTIONS.some((o) => p.options.has(o));
}

function everyOption(p: Parsed): SnapshotEvery {
  const raw = p.options.get("--every") ?? "month";
  if (raw === "month" || raw === "quarter") return raw;
  // "30" or "30d": every 30 days (the core checks the number); any other word is refused here.
  if (!/^\s*\d+\s*d?\s*$/i.test(raw)) throw new CoreError("badEvery", { argument: "--every", value: raw });
  return { days: Number.parseInt(raw, 10) };
}

/** The history of a transactions file with the command line's range and tiering. */
export function historyFromFile(p: Parsed, m: Messages, err: Out): { tx: Transactions; history: History; builtIn: boolean } {
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  const tierBy = choice(p, "--tier-by", ["segment", "abc"], "segment", m);
  const from = dateOption(p, "--from", m);
  const to = dateOption(p, "--to", m);
  const freezeAt = dateOption(p, "--freeze", m) ?? null;
  const windowMonths = windowOption(p, m);
  const tiering: HistoryTiering =
    tierBy === "abc"
      ? { by: "abcClass", basis: "revenue", aCut: numberOption(p, "--a-cut", m) ?? 0.8, bCut: numberOption(p, "--b-cut", m) ?? 0.95 }
      : { by: "segment", bins: numberOption(p, "--bins", m) ?? 5, scheme: choice<SegmentScheme>(p, "--segments", ["rfm", "cn8"], "rfm", m) };
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const tx = readTransactionsFile(p, file, dayOrder, m, err);
  const history = withOptionName(() => buildHistory(tx, { every: everyOption(p), from, to, windowMonths, tiering, freezeAt }));
  return { tx, history, builtIn: tiering.by === "segment" };
}

/** A tier key in the user's language: built-in segment keys translated, A/B/C as they are. */
export function tierText(key: string, builtIn: boolean, m: Messages): string {
  if (key === "" || !builtIn) return key;
  return (m.segments as Record<string, string>)[key] ?? key;
}

/** A number, or "" where it is not defined (NaN, ±Infinity never reach a CSV). */
export function num(v: number): Cell {
  return Number.isFinite(v) ? v : "";
}
