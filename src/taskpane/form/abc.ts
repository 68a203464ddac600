/**
 * The ABC section of the form: the cuts as percentages as shown (80 means 0.8), the basis, and whether the limits
 * are fixed or computed from the ABC curve. Only the text is read here: the cuts' rule and the margin basis's need of a
 * margin column are the core's (`analysisProblems`), asked by the form as a whole.
 */
import type { AbcSettings } from "../../excel/port";
import type { AbcMethod } from "../../core/tiers/abc";
import { parseNumber, percent, type Read } from "./shared";

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

/** The ABC settings (null when off) as read; a cut that is not a number is the cuts' problem (the computed method does not use them). */
export function abcToSettings(form: AbcDraft): Read<AbcSettings | null, AbcProblem> {
  const problems: AbcProblem[] = [];
  if (!form.abcOn) return { settings: null, problems };
  const aCut = parseNumber(form.aCut) / 100;
  const bCut = parseNumber(form.bCut) / 100;
  if (form.abcMethod === "fixed" && (Number.isNaN(aCut) || Number.isNaN(bCut))) problems.push({ kind: "cuts" });
  return { settings: { aCut, bCut, basis: form.basis, method: form.abcMethod }, problems };
}
