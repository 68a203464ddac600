/**
 * The ABC section of the form: the cuts as percentages as shown (80 means 0.8), the basis, and whether the limits
 * are fixed or computed from the ABC curve. The margin basis needs a margin column, so the check takes the mapping's word.
 */
import type { AbcSettings } from "../../excel/port";
import type { AbcMethod } from "../../core/tiers/abc";
import { parsed, parseNumber, percent, type Parsed } from "./shared";

export interface AbcDraft {
  abcOn: boolean;
  /** Percentages, as shown: 80 means 0.8. */
  aCut: string;
  bCut: string;
  basis: AbcSettings["basis"];
  /** Fixed cuts (aCut, bCut) or limits computed from the ABC curve. */
  abcMethod: AbcMethod;
}

export type AbcProblem = { kind: "cuts" } | { kind: "marginBasis" };

export const ABC_DEFAULTS: AbcDraft = { abcOn: true, aCut: "80", bCut: "95", basis: "revenue", abcMethod: "fixed" };

/** The ABC fields showing saved settings (null: off, with the defaults ready). */
export function abcFromSettings(abc: AbcSettings | null): AbcDraft {
  return {
    abcOn: abc !== null,
    aCut: abc ? percent(abc.aCut) : ABC_DEFAULTS.aCut,
    bCut: abc ? percent(abc.bCut) : ABC_DEFAULTS.bCut,
    basis: abc?.basis ?? "revenue",
    abcMethod: abc?.method ?? "fixed",
  };
}

/** The ABC settings (null when off), or every problem; `hasMarginColumn`: the mapping names a margin column. */
export function abcToSettings(form: AbcDraft, hasMarginColumn: boolean): Parsed<AbcSettings | null, AbcProblem> {
  const problems: AbcProblem[] = [];
  if (!form.abcOn) return parsed(null, problems);
  const aCut = parseNumber(form.aCut) / 100;
  const bCut = parseNumber(form.bCut) / 100;
  // The computed method does not use the cuts, so they cannot be wrong for it.
  if (form.abcMethod === "fixed" && !(aCut > 0 && bCut <= 1 && aCut < bCut)) problems.push({ kind: "cuts" });
  if (form.basis === "margin" && !hasMarginColumn) problems.push({ kind: "marginBasis" });
  return parsed({ aCut, bCut, basis: form.basis, method: form.abcMethod }, problems);
}
