/**
 * A tier's name in a language, for every layer that shows one (the workbook's sheets, the history, the pane's
 * pilot and migration lists): from a run's result, or from the language-independent key the history keeps.
 * One place, so a snapshot's tiers read the same in the pane as on the sheets, in whichever language is asked.
 */
import type { AnalysisResult, AnalysisTierBy, TierRow } from "../core/analysis/types";
import { ABC_LABELS } from "../core/tiers/abc";
import { SCORE_TIER_KEYS } from "../core/tiers/score";
import { NO_SEGMENT, type Segmentation } from "../core/tiers/segments";
import type { Messages } from "./en";

/** The name of segment k in the reader's language: built-in keys translated, custom names as written. */
export function segmentName(seg: Segmentation, k: number, m: Messages): string {
  if (k === NO_SEGMENT) return "";
  const name = seg.names[k];
  if (!seg.builtIn && k !== seg.othersIndex) return name;
  return m.segments[name as keyof Messages["segments"]] ?? name;
}

/** A score band's name in the user's language ("" for no band). */
export function scoreBandLabel(band: number, m: Messages): string {
  const key = SCORE_TIER_KEYS[band];
  return key ? m.scoreTiers[key] : "";
}

/**
 * A tier's name from its language-independent key (as the history keeps it): built-in segment keys and
 * band keys translated, custom segment names as typed (`builtIn` false), A/B/C as is.
 */
export function keyLabel(tierBy: AnalysisTierBy, key: string, builtIn: boolean, m: Messages): string {
  if (tierBy === "score") return (m.scoreTiers as Record<string, string>)[key] ?? key;
  if (tierBy === "segment" && (builtIn || key === "others")) return (m.segments as Record<string, string>)[key] ?? key;
  return key;
}

/** A tier's name in the user's language: segment names translated, custom names as typed, A/B/C as is, bands translated. */
export function tierLabel(a: AnalysisResult, t: TierRow, m: Messages): string {
  if (a.tierBy === "segment") return segmentName(a.rfm.segmentation, t.index, m);
  return keyLabel(a.tierBy, t.key, true, m);
}

/**
 * The name of the next tier up, from `AnalysisResult.upgrade.next`: an ABC class, a score band, or with
 * segments the better segment the purchases move the customer into (src/core/tiers/upgrade-segment.ts).
 */
export function nextTierLabel(a: AnalysisResult, next: number, m: Messages): string {
  if (a.tierBy === "abcClass") return ABC_LABELS[next] ?? "";
  if (a.tierBy === "score") return scoreBandLabel(next, m);
  return segmentName(a.rfm.segmentation, next, m);
}
