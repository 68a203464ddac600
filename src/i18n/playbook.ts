/**
 * The playbook's default texts: what to do for each tier, in the catalog's language (`workbook.strategies`).
 * Pure, so the pane (which lists the tiers before any run) and the workbook writer resolve them alike.
 */
import type { Messages } from "./en";

/**
 * The default strategy of a tier, by its key: built-in segments, "others", A/B/C and the score bands
 * ("diamond" …) have their own text; a custom segment (`builtIn` false) gets the prompt to describe one.
 */
export function defaultStrategy(key: string, builtIn: boolean, m: Messages): string {
  const texts = m.workbook.strategies as Record<string, string>;
  return (builtIn ? texts[key] : undefined) ?? texts.custom;
}

/**
 * The strategy a tier gets: the person's own text when they edited it (`strategies` by tier key, as saved in
 * `AnalysisSettings.strategies`), else the default.
 */
export function tierStrategy(strategies: Readonly<Record<string, string>>, key: string, builtIn: boolean, m: Messages): string {
  return Object.prototype.hasOwnProperty.call(strategies, key) ? strategies[key] : defaultStrategy(key, builtIn, m);
}
