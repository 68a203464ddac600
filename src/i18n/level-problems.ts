/**
 * The level policy's problems (src/core/over-time/levels.ts `levelPolicyProblems`: code `levelPolicy`, a reason and
 * the level's 0-based index) worded with the pane's policy grid labels (catalog part `levelsPane`): "Level 2: the
 * Keep …" rather than the function's argument and row (levels-errors.ts words those). The pane shows them as the
 * person types and the workbook job refuses a policy with the same sentences, so the rule is written once, in the
 * core, and worded once here. `at` says which grid cell a problem is about, so the pane marks that input invalid.
 */
import type { CoreProblem } from "../core/cells/errors";
import type { Messages } from "./en";

/** Which field of the grid (or the fields under it) a problem is about; `row` 0-based. */
export interface LevelProblemAt {
  row: number | null;
  field: "name" | "entry" | "keep" | "metric" | "window" | "validity" | null;
}

export interface LevelProblemText {
  text: string;
  at: LevelProblemAt;
}

/** Each problem as a sentence and the cell it is about. `values` are the texts as typed, for the sentences to quote. */
export function levelProblems(problems: readonly CoreProblem[], m: Messages, typed?: { window?: string; validity?: string }): LevelProblemText[] {
  const p = m.levelsPane.problems;
  const cols = m.levelsPane.columns;
  return problems.map((problem) => {
    const d = problem.details;
    const row = typeof d.level === "number" ? d.level : null;
    const label = row === null ? "" : String(row + 1);
    switch (problem.code === "levelPolicy" ? String(d.reason) : "") {
      case "empty":
        return { text: p.noLevels, at: { row: null, field: null } };
      case "tooMany":
        return { text: p.tooMany(Number(d.count), Number(d.max)), at: { row: null, field: null } };
      case "blankName":
        return { text: p.blankName(label), at: { row, field: "name" } };
      case "duplicateName":
        return { text: p.duplicateName(label, String(d.name)), at: { row, field: "name" } };
      case "notFinite": {
        const field = d.field === "keep" ? "keep" : "entry";
        return { text: p.badNumber(label, cols[field], String(d.value)), at: { row, field } };
      }
      case "tooLarge": {
        const field = d.field === "keep" ? "keep" : "entry";
        return { text: p.tooLarge(label, cols[field], String(d.value), Number(d.max).toLocaleString(m.locale)), at: { row, field } };
      }
      case "keepAboveEntry":
        return { text: p.keepAboveEntry(label), at: { row, field: "keep" } };
      case "order":
        return { text: p.notAscending(label), at: { row, field: "entry" } };
      case "window":
        return { text: p.badWindow(typed?.window ?? String(d.value), Number(d.max)), at: { row: null, field: "window" } };
      case "validity":
        return { text: p.badValidity(typed?.validity ?? String(d.value), Number(d.max)), at: { row: null, field: "validity" } };
      default:
        return { text: p.other(String(d.reason ?? problem.code)), at: { row: null, field: "metric" } };
    }
  });
}

/** The sentences alone (the workbook job's refusal). */
export function levelProblemSentences(problems: readonly CoreProblem[], m: Messages): string[] {
  return levelProblems(problems, m).map((x) => x.text);
}
