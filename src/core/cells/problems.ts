/**
 * Row problems: every unusable row is reported (row, field, reason) and left out, never read as 0.
 * Problems carry a code and the cell, not prose, so the layer that talks to a person words them
 * (src/i18n/describe.ts), and a log keeps the first few in full while counting all of them.
 */
import { cellText, isOverflowingNumber } from "./coerce";

export type ProblemCode =
  | "blankCustomer"
  | "blankDate"
  | "badDate"
  | "dateOutOfRange"
  | "blankAmount"
  | "badAmount"
  | "blankNumber"
  | "badNumber"
  | "notFinite"
  | "sumOverflow"
  | "excelError"
  | "nonPositiveValue"
  | "negativeValue"
  /** Issue 15 §4, the voice columns (src/core/tiers/voice.ts): an NPS answer that is not a whole number 0–10, */
  | "npsRange"
  /** a satisfaction rating outside 0–100, a complaints or referrals count that is not a whole number ≥ 0. */
  | "satisfactionRange"
  | "countRange";

export interface RowProblem {
  /** 0-based index of the row in the input columns. */
  row: number;
  /** Which input the problem is in (e.g. "dates"). */
  field: string;
  code: ProblemCode;
  /** The offending cell as text ("" for blanks). */
  value: string;
}

/** Keeps the first `limit` problems in full and counts all of them. */
export class ProblemLog {
  readonly problems: RowProblem[] = [];
  count = 0;
  readonly byCode: Partial<Record<ProblemCode, number>> = {};
  constructor(readonly limit = 1000) {}

  add(row: number, field: string, given: ProblemCode, value: unknown): void {
    // The finite-number rule (coerce.ts isOverflowingNumber) is worded here once for every reader: a
    // cell refused as "not a number" that is a number too large for a double says so.
    const code = (given === "badNumber" || given === "badAmount") && isOverflowingNumber(value) ? "notFinite" : given;
    this.count++;
    this.byCode[code] = (this.byCode[code] ?? 0) + 1;
    if (this.problems.length < this.limit) this.problems.push({ row, field, code, value: cellText(value) });
  }
}
