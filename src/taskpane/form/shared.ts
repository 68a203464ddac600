/**
 * What every section of the pane's form shares: reading numbers as people type them, showing numbers as people
 * read them, and the shape of a section's answer. Kept below the sections so none of them imports another.
 */

/** The form's settings from what was typed, or every problem in it (worded later, in the person's language). */
export type Parsed<S, P> = { ok: true; settings: S } | { ok: false; problems: P[] };

/**
 * A section's settings as read from its text, and the text that could not be read (a number that is not a
 * number). Whether the numbers are usable is the core's one check (`analysisProblems`), asked by the form as
 * a whole, so the settings come back even with problems: NaN where a number could not be read.
 */
export interface Read<S, P> {
  settings: S;
  problems: P[];
}

/** Numbers as a person reads them: no float noise (0.8 × 100 is 80, not 80.00000000000001). */
export const shown = (value: number) => String(Number(value.toPrecision(12)));
export const percent = (fraction: number) => shown(fraction * 100);

/**
 * A number typed the way people type them, or NaN: "80", "12.5", "80%" and "80％" (the full-width sign of
 * Chinese input; a percent sign is only dropped, so "80%" is 80). " 0,5 " is not accepted (comma is ambiguous),
 * nor is "" or "0x10". The one parser of the pane's number fields (the analysis form, the score editor's
 * remaining share, the pilot form).
 */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(/[%％]$/, "").trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return NaN;
  return Number(trimmed);
}

/** A percentage as typed ("10", "12.5 %", "10％") as a share (0.1, 0.125), or NaN. */
export const parsePercent = (text: string): number => parseNumber(text) / 100;
