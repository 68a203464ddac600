/**
 * The level policy's problems (src/core/over-time/levels.ts `levelPolicyProblems`, code `levelPolicy` with a
 * reason) as sentences: where the level is (a function's argument and row, or a policy file's line, as the
 * caller put in the details: `argument` + `row`, or `file` + `line`; else the policy's own 1-based position)
 * and what to do. core-errors.ts points both codes here, so the table stays one line per code.
 */
import type { CoreError } from "../core/cells/errors";
import type { Messages } from "./en";
import { capText } from "../core/cells/coerce";

type Details = CoreError["details"];

function where(d: Details, m: Messages): string {
  if (d.file !== undefined && d.line !== undefined) return m.levels.where.line(String(d.file), Number(d.line));
  const argument = String(d.argument ?? "policy");
  if (d.level === undefined) return m.errors.argument(argument);
  return m.errors.at(argument, d.row !== undefined ? Number(d.row) : Number(d.level) + 1);
}

const REASONS: Readonly<Record<string, (d: Details, m: Messages) => string>> = {
  empty: (d, m) => m.levels.errors.empty(where(d, m)),
  tooMany: (d, m) => m.levels.errors.tooMany(where(d, m), Number(d.count), Number(d.max)),
  blankName: (d, m) => m.levels.errors.blankName(where(d, m)),
  duplicateName: (d, m) => m.levels.errors.duplicateName(where(d, m), capText(String(d.name))),
  notFinite: (d, m) => m.levels.errors.notFinite(where(d, m), String(d.field), capText(String(d.value))),
  tooLarge: (d, m) => m.levels.errors.tooLarge(where(d, m), String(d.field), String(d.value), Number(d.max)),
  keepAboveEntry: (d, m) => m.levels.errors.keepAboveEntry(where(d, m), capText(String(d.name)), Number(d.keep), Number(d.entry)),
  order: (d, m) => m.levels.errors.order(where(d, m), capText(String(d.name)), Number(d.entry), capText(String(d.previousName)), Number(d.previous)),
  metric: (d, m) => m.levels.errors.metric(String(d.option ?? "metric"), String(d.value)),
  window: (d, m) => m.levels.errors.months(String(d.option ?? "window_months"), String(d.value), Number(d.max)),
  validity: (d, m) => m.levels.errors.months(String(d.option ?? "validity_months"), String(d.value), Number(d.max)),
};

/** The sentence of a `levelPolicy` problem. */
export function levelPolicySentence(d: Details, m: Messages): string {
  const reason = String(d.reason);
  return (Object.prototype.hasOwnProperty.call(REASONS, reason) ? REASONS[reason] : REASONS.empty)(d, m);
}

/** The sentence of a `levelReviews` error: the range is backwards, or holds too many month-ends. */
export function levelReviewsSentence(d: Details, m: Messages): string {
  return d.reason === "range" ? m.levels.errors.range(String(d.from), String(d.to)) : m.levels.errors.tooManyReviews(String(d.from), String(d.to), Number(d.max));
}
