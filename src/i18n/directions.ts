/**
 * The words people write for a weighted-score direction (src/core/tiers/score.ts takes only "higher" and
 * "lower"), per language, lower case. TIER.SCORE's `directions` and `tier score --directions` accept the
 * words of every language, whatever the display language (a sheet typed in Chinese still works in an
 * English Excel), and the numbers 1 / +1 (higher) and -1 (lower).
 */
import type { ScoreDirection } from "../core/tiers/score";
import type { Locale } from "./index";

export const DIRECTION_WORDS: Record<Locale, Record<ScoreDirection, readonly string[]>> = {
  en: {
    higher: ["higher", "high", "higher is better"],
    lower: ["lower", "low", "lower is better"],
  },
  "zh-CN": {
    higher: ["高", "越高越好", "较高"],
    lower: ["低", "越低越好", "较低"],
  },
};

/** Written as numbers, in any language. */
const NUMBERS: Record<string, ScoreDirection> = { "1": "higher", "+1": "higher", "-1": "lower" };

const BY_WORD = new Map<string, ScoreDirection>(Object.entries(NUMBERS));
for (const words of Object.values(DIRECTION_WORDS)) {
  for (const direction of ["higher", "lower"] as const) for (const word of words[direction]) BY_WORD.set(word, direction);
}

/** A direction as written ("higher", "Low", "-1", "越高越好" …), trimmed, case ignored; undefined when it is none. */
export function readScoreDirection(text: string): ScoreDirection | undefined {
  return BY_WORD.get(text.trim().toLowerCase());
}
