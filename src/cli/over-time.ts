/**
 * What the over-time commands share (`tier history | movers | trends | cohort`, and the as-of and
 * window options of `tier rfm | abc | score`): the date and window options, the history's tiering
 * options, tier names in the user's language, and number cells that are blank where the core says
 * "not defined" (NaN), so a CSV never holds NaN.
 */
import { isSerialInRange, parseDateText, serialToIsoDate } from "../core/cells/dates";
import { CoreError } from "../core/cells/errors";
import { buildHistory, type History, type HistoryTiering } from "../core/over-time/history";
import type { SnapshotEvery } from "../core/over-time/snapshots";
import type { SegmentScheme } from "../core/tiers/segments";
import type { Transactions } from "../core/transactions/model";
import { summarizeCustomers, type CustomerSummary } from "../core/transactions/summary";
import type { Messages } from "../i18n";
import { echoText } from "../i18n/describe";
import { TRANSACTION_OPTIONS, UsageError, choice, numberOption, type OptionSpec, type Out, type Parsed } from "./args";
import type { Cell } from "./output";
import { readTransactionsFile } from "./transactions-file";
import type { RowExtras } from "./voice-pass";

/** The columns of a transactions file and its day order: the over-time commands read purchases, not line items. */
export const TX_SPECS: Readonly<Record<string, OptionSpec>> = Object.fromEntries(
  ["--customer", "--date", "--amount", "--day-order"].map((name) => [name, TRANSACTION_OPTIONS[name]]),
);
/** --as-of and --window-months, for every command that computes from transactions. */
export const AS_OF_SPECS: Readonly<Record<string, OptionSpec>> = {
  "--as-of": { text: "asOfTx", kind: "date", default: { words: "latestPurchase" }, example: "1998-03-31" },
  "--window-months": { text: "windowMonths", kind: "number", default: { words: "allData" }, example: "12" },
};
export const AS_OF_OPTIONS = Object.keys(AS_OF_SPECS);
/** The history's range and tiering. */
export const HISTORY_SPECS: Readonly<Record<string, OptionSpec>> = {
  "--every": { text: "every", kind: "choice", choices: ["month", "quarter", "N"], default: "month", example: "quarter" },
  "--from": { text: "historyFrom", kind: "date", default: { words: "firstPurchaseMonth" }, example: "1997-03-31" },
  "--to": { text: "historyTo", kind: "date", default: { words: "latestPurchase" }, example: "1998-06-30" },
  "--window-months": AS_OF_SPECS["--window-months"],
  "--tier-by": { text: "tierBy", kind: "choice", choices: ["segment", "abc"], default: "segment", example: "abc" },
  "--bins": { text: "bins", kind: "number", default: "5", example: "4" },
  "--segments": { text: "historySegments", kind: "choice", choices: ["rfm", "cn8"], default: "rfm", example: "cn8" },
  "--a-cut": { text: "aCut", kind: "number", default: "0.8", example: "0.7" },
  "--b-cut": { text: "bCut", kind: "number", default: "0.95", example: "0.9" },
  "--freeze": { text: "freeze", kind: "date", default: { words: "offDefault" }, example: "1997-06-30" },
};
export const HISTORY_OPTIONS = Object.keys(HISTORY_SPECS);

/** A date option (YYYY-MM-DD or the other layouts parseDateText reads), undefined when absent. */
export function dateOption(p: Parsed, name: string, m: Messages): number | undefined {
  const text = p.options.get(name);
  if (text === undefined) return undefined;
  const serial = parseDateText(text);
  if (!isSerialInRange(serial)) throw new UsageError(m.hostileNew.badDateOption(name, echoText(text)));
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
export function summaryFromFile(p: Parsed, m: Messages, err: Out, extra: RowExtras | null = null): { tx: Transactions; summary: CustomerSummary } {
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  const asOf = dateOption(p, "--as-of", m);
  const windowMonths = windowOption(p, m);
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const tx = readTransactionsFile(p, file, dayOrder, m, err, extra);
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

/** The history's tiering from --bins and --segments (segment) or --a-cut and --b-cut (abc, of the revenue). */
export function tieringOption(p: Parsed, tierBy: "segment" | "abc", m: Messages): HistoryTiering {
  return tierBy === "abc"
    ? { by: "abcClass", basis: "revenue", aCut: numberOption(p, "--a-cut", m) ?? 0.8, bCut: numberOption(p, "--b-cut", m) ?? 0.95 }
    : { by: "segment", bins: numberOption(p, "--bins", m) ?? 5, scheme: choice<SegmentScheme>(p, "--segments", ["rfm", "cn8"], "rfm", m) };
}

/** The history of a transactions file with the command line's range and tiering. */
export function historyFromFile(p: Parsed, m: Messages, err: Out): { tx: Transactions; history: History; builtIn: boolean } {
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  const tierBy = choice(p, "--tier-by", ["segment", "abc"], "segment", m);
  const from = dateOption(p, "--from", m);
  const to = dateOption(p, "--to", m);
  const freezeAt = dateOption(p, "--freeze", m) ?? null;
  const windowMonths = windowOption(p, m);
  const tiering = tieringOption(p, tierBy, m);
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const tx = readTransactionsFile(p, file, dayOrder, m, err);
  const history = withOptionName(() => buildHistory(tx, { every: everyOption(p), from, to, windowMonths, tiering, freezeAt }));
  // No snapshot date among the purchases (a month's data at --every month): said, not printed as a header alone.
  if (history.snapshots.length === 0) {
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < tx.validRows; i++) {
      first = Math.min(first, tx.date[i]);
      last = Math.max(last, tx.date[i]);
    }
    throw new UsageError(m.hostileNew.noSnapshot(serialToIsoDate(from ?? first), serialToIsoDate(to ?? last)));
  }
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
