/**
 * The words around people's overrides (issue 15 §2) that need the run's result: every name a tier has in
 * either language (so an overrides table typed in Chinese still matches after the pane switches to English, and
 * the other way), the known names a row problem lists, and a row problem's sentence. One place for the workbook
 * and `tier … --overrides`.
 */
import type { AnalysisResult } from "../core/analysis/types";
import { foldName } from "../core/cells/names";
import { ABC_LABELS } from "../core/tiers/abc";
import type { OverrideColumns, OverrideProblem, TierVocabulary } from "../core/tiers/overrides";
import { SCORE_TIER_KEYS } from "../core/tiers/score";
import type { Segmentation } from "../core/tiers/segments";
import type { Messages } from "./en";
import { catalogs } from "./index";
import { echoText } from "./describe";
import { segmentName } from "./tier-names";

/** Per tier index: the tier's key, then its name in each catalog (duplicates dropped). */
function withNames(keys: readonly string[], name: (k: number, m: Messages) => string): TierVocabulary {
  return keys.map((key, k) => [...new Set([key, ...Object.values(catalogs).map((m) => name(k, m))])].filter((n) => n !== ""));
}

/** The names of RFM segments (built-in keys translated, custom names as typed) in every language. */
export function segmentVocabulary(seg: Segmentation): TierVocabulary {
  return withNames(seg.names, (k, m) => segmentName(seg, k, m));
}

/** ABC classes: A, B, C in every language. */
export const ABC_VOCABULARY: TierVocabulary = ABC_LABELS.map((c) => [c]);

/** The first `bands` score bands: their keys and names in every language. */
export function bandVocabulary(bands: number): TierVocabulary {
  return withNames(SCORE_TIER_KEYS.slice(0, bands), (k, m) => m.scoreTiers[SCORE_TIER_KEYS[k]]);
}

/** Every tier a run's result can hold (all of the scheme's, not only those with customers), each with all its names. */
export function analysisVocabulary(a: AnalysisResult): TierVocabulary {
  if (a.tierBy === "segment") return segmentVocabulary(a.rfm.segmentation);
  if (a.tierBy === "abcClass") return ABC_VOCABULARY;
  return bandVocabulary(a.score ? a.score.bandCount : 0);
}

/** The run's tier names in the reader's language, as `unknownTier` lists them. */
export function knownNames(vocabulary: TierVocabulary, label: (k: number) => string, m: Messages): string {
  return vocabulary.map((_, k) => label(k)).filter((n) => n !== "").join(m.overrides.separator);
}

/** A row problem of the overrides table as a sentence: `where(row)` names the row (a table row, a file's line). */
export function overrideProblemText(p: OverrideProblem, where: (row: number) => string, known: string, m: Messages): string {
  const t = m.overrides.problems;
  const at = where(p.row);
  const value = echoText(p.value);
  switch (p.code) {
    case "blankCustomer":
      return t.blankCustomer(at, value);
    case "blankTier":
      return t.blankTier(at);
    case "unknownTier":
      return t.unknownTier(at, value, known);
    case "badUntil":
      return t.badUntil(at, value);
    case "duplicate":
      return t.duplicate(at, value, where(p.appliesRow ?? p.row));
    case "unknownCustomer":
      return t.unknownCustomer(at, value);
  }
}


/** Header words per field: both catalogs' headers (the workbook's table) and the CSV names `tier --overrides` documents. */
function headerWords(): Record<keyof OverrideColumns, Set<string>> {
  const words = { customers: ["customer", "customer_id", "customer id", "id"], tiers: ["tier", "level"], reasons: ["reason"], untils: ["until"] };
  for (const m of Object.values(catalogs)) {
    const h = m.overrides.headers;
    words.customers.push(h.customer);
    words.tiers.push(h.tier);
    words.reasons.push(h.reason);
    words.untils.push(h.until);
  }
  return Object.fromEntries(Object.entries(words).map(([k, list]) => [k, new Set(list.map(foldName))])) as Record<keyof OverrideColumns, Set<string>>;
}

const POSITION: Record<keyof OverrideColumns, number> = { customers: 0, tiers: 1, reasons: 2, untils: 3 };

/**
 * Where each field of an overrides table is, one rule for the workbook's table and `tier --overrides` (-1: none).
 * By header in either language when any header is recognised; a field whose header is not (a renamed "Until")
 * takes its position (customer, tier, reason, until) when that column is no other field's, so a renamed end date
 * still ends the override rather than making it last for ever, and "customer,reason" has no tier column. Without
 * a recognised header, every field by position.
 */
export function overrideColumnIndexes(header: readonly unknown[]): Record<keyof OverrideColumns, number> {
  const words = headerWords();
  const folded = header.map(foldName);
  const claimed = (h: string) => Object.values(words).some((set) => set.has(h));
  const byName = folded.some(claimed);
  const at = (field: keyof OverrideColumns): number => {
    const position = POSITION[field];
    const fallback = position < folded.length && !(byName && claimed(folded[position])) ? position : -1;
    if (!byName) return fallback;
    const k = folded.findIndex((h) => words[field].has(h));
    return k >= 0 ? k : fallback;
  };
  return { customers: at("customers"), tiers: at("tiers"), reasons: at("reasons"), untils: at("untils") };
}
