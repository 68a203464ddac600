/**
 * The playbook in the pane: the tiers of the chosen tier basis (before any run, from the form) and how an
 * edited strategy text is kept. Pure. Only texts that differ from the language's default are stored, so the
 * others follow the language the run is written in.
 */
import { SCORE_TIER_KEYS } from "../core/tiers/score";
import { CN8_SEGMENTS, OTHERS, RFM_VIGNETTE_RULES } from "../core/tiers/segments";
import type { Messages } from "../i18n";
import { defaultStrategy } from "../i18n/playbook";
import type { PaneForm } from "./form";

export interface PlaybookTier {
  /** The key strategies are saved under: a segment key, a custom segment's name, "A"/"B"/"C" or a band key. */
  key: string;
  /** The tier's name in the person's language. */
  label: string;
  /** The language's default text for it. */
  defaultText: string;
}

/** The tiers the summary will have, best first as far as the basis has an order (segments in the scheme's order). */
export function playbookTiers(form: Pick<PaneForm, "summaryBy" | "scheme" | "rules">, m: Messages): PlaybookTier[] {
  const builtIn = (key: string, label: string): PlaybookTier => ({ key, label, defaultText: defaultStrategy(key, true, m) });
  const segment = (key: string) => builtIn(key, m.segments[key as keyof Messages["segments"]]);
  switch (form.summaryBy) {
    case "abcClass":
      return ["A", "B", "C"].map((key) => builtIn(key, key));
    case "score":
      return SCORE_TIER_KEYS.map((key) => builtIn(key, m.scoreTiers[key]));
    case "segment":
      if (form.scheme === "cn8") return CN8_SEGMENTS.map(segment);
      if (form.scheme === "rfm") return [...RFM_VIGNETTE_RULES.map((rule) => rule.name), OTHERS].map(segment);
      {
        // Custom rules: the names as the run will trim them, each once (the first rule of a name wins), then Others.
        const names = [...new Set(form.rules.map((rule) => rule.name.trim()).filter((name) => name !== ""))];
        const custom = names.map((name): PlaybookTier => ({ key: name, label: name, defaultText: defaultStrategy(name, false, m) }));
        return [...custom, segment(OTHERS)];
      }
  }
}

/** The saved texts after the person typed `text` for `tier`: kept when it differs from the default, dropped when it is the default again. */
export function editStrategy(strategies: Readonly<Record<string, string>>, tier: PlaybookTier, text: string): Record<string, string> {
  const next = { ...strategies };
  if (text === tier.defaultText) delete next[tier.key];
  else next[tier.key] = text;
  return next;
}

/** The saved texts without the person's text for `tier` (Reset to default). */
export function resetStrategy(strategies: Readonly<Record<string, string>>, tier: PlaybookTier): Record<string, string> {
  const next = { ...strategies };
  delete next[tier.key];
  return next;
}
