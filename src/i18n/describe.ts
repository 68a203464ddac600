/**
 * Sentences for the core's problem records and errors, in the reader's language. The core reports
 * codes and facts; this is the one place that words them, for the functions, the CLI and the pane.
 */
import type { ClvInputError } from "../core/tiers/clv";
import { capText, cellText, isOverflowingNumber } from "../core/cells/coerce";
import type { CoreError } from "../core/cells/errors";
import type { ProblemCode, RowProblem } from "../core/cells/problems";
import type { Messages } from "./en";
import { CORE_ERRORS } from "./core-errors";
import { catalogs } from "./index";

/** The score bands' labels in each language, top band first (`scoreTiers` lists them so): tier orders known by label. */
export function scoreTierLabels(): string[][] {
  return Object.values(catalogs).map((c) => Object.values(c.scoreTiers));
}

/**
 * An echo of text that is already a string (a rule name, an id, an option typed by the user), cut to
 * the same few dozen characters as every echoed cell (cellText, src/core/cells/coerce.ts).
 */
export function echoText(text: string): string {
  return capText(text);
}

/** Most names a message lists (a file's columns): a header of 200,000 columns once made a 2 MB sentence. */
export const LISTED_NAMES = 20;

/**
 * Names a message lists, each cut as `echoText` cuts it, at most LISTED_NAMES of them and "…" for the rest,
 * joined by `separator`.
 */
export function echoList(names: readonly string[], separator = ", "): string {
  const shown = names.slice(0, LISTED_NAMES).map(echoText);
  return (names.length > LISTED_NAMES ? [...shown, "…"] : shown).join(separator);
}

/** "is not a number", or for a number beyond a double ("1e400") that it is too large: the finite-number rule's words. */
export function badNumberText(cell: unknown, m: Messages): string {
  return isOverflowingNumber(cell) ? m.problems.notFinite(cellText(cell)) : m.problems.badNumber(cellText(cell));
}

/** What is wrong with a cell, without where it is: `m.problems` is keyed by the code (en/core.ts checks it has every one). */
export function problemText(code: ProblemCode, value: string, m: Messages): string {
  const sentence: string | ((value: string) => string) = m.problems[code];
  return typeof sentence === "string" ? sentence : sentence(value);
}

/**
 * "argument 'dates', row 7: "2024-13-01" is not a date (…)." for the first problem, plus how many
 * more rows have problems. `rowOffset` turns 0-based input rows into the numbers the user sees.
 */
export function describeProblems(problems: readonly RowProblem[], total: number, m: Messages, rowOffset = 1): string {
  const first = problems[0];
  const where = m.errors.at(first.field, first.row + rowOffset);
  const sentence = m.errors.rowProblem(where, problemText(first.code, first.value, m));
  return total > 1 ? `${sentence} ${m.errors.moreProblems(total - 1)}` : sentence;
}

/** Each CLV input problem's sentence; `where` is "" for a single value, whose name the sentence already says. */
const CLV_PROBLEMS: Record<ClvInputError, (argument: string, where: string, value: string, m: Messages) => string> = {
  margin: (_argument, where, value, m) => m.errors.marginOutOfRange(where, value),
  discount: (_argument, where, value, m) => m.errors.discountOutOfRange(where, value),
  negative: (argument, where, value, m) => m.errors.negativeInput(argument, where, value),
  overflow: (_argument, where, _value, m) => m.hostile.clvOverflow(where),
};

/** Why a CLV input cannot be used, at `where` (an argument and row, or a file line). */
export function describeClvProblem(error: ClvInputError, argument: string, where: string, value: string, m: Messages): string {
  return CLV_PROBLEMS[error](argument, where, value, m);
}

/** A CoreError as a sentence that says what to change. */
export function describeCoreError(error: CoreError, m: Messages): string {
  return CORE_ERRORS[error.code](error.details, m);
}
