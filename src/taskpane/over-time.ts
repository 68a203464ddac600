/**
 * "Rebuild history", the pure part: the form as typed (text, as typed) and how it becomes the port's
 * `HistoryRequest`, with every problem as data (worded in the person's language by the component). Dates are read
 * by the core's one rule for an ISO date (`isoDateSerial`), as the analysis date is.
 */
import { isoDateSerial } from "../core/cells/dates";
import type { HistoryEvery, HistoryRequest } from "../excel/port";

export interface RebuildDraft {
  every: HistoryEvery;
  days: string;
  from: string;
  to: string;
  /** "none", "first", "last", or a snapshot date (ISO) to freeze the cut points at. */
  freeze: string;
}

export const DEFAULT_REBUILD: RebuildDraft = { every: "month", days: "30", from: "", to: "", freeze: "none" };

export type RebuildProblem = { kind: "days"; value: string } | { kind: "from"; value: string } | { kind: "to"; value: string } | { kind: "order" };

export function historyRequest(draft: RebuildDraft): { ok: true; request: HistoryRequest } | { ok: false; problems: RebuildProblem[] } {
  const problems: RebuildProblem[] = [];
  let days: number | undefined;
  if (draft.every === "days") {
    const text = draft.days.trim();
    days = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(Number.isInteger(days) && days >= 1)) problems.push({ kind: "days", value: draft.days });
  }
  const date = (text: string, kind: "from" | "to") => {
    const t = text.trim();
    if (t === "") return null;
    if (Number.isNaN(isoDateSerial(t))) {
      problems.push({ kind, value: text });
      return null;
    }
    return t;
  };
  const from = date(draft.from, "from");
  const to = date(draft.to, "to");
  if (from !== null && to !== null && from > to) problems.push({ kind: "order" });
  if (problems.length > 0) return { ok: false, problems };
  const freezeAt = draft.freeze === "none" ? null : draft.freeze;
  return { ok: true, request: { every: draft.every, ...(days !== undefined ? { days } : {}), from, to, freezeAt } };
}
