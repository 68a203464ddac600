/**
 * People's overrides of membership levels (issue 15 §1 × §2): the Levels sheet's four columns beside the computed
 * level, the note that says what they are, and the pane's line after "Compute levels". One part under its own key
 * (`levelOverrides`), so it merges beside the levels and overrides parts.
 */
import type { Widen } from "../widen";

export const levelOverrides = {
  levelOverrides: {
    /** The Levels sheet's columns after the computed level (only when the workbook has an overrides table). */
    columns: { finalLevel: "Level (final)", overridden: "Overridden", reason: "Override reason", until: "Override until" },
    /** The Levels sheet's note when the overrides table was read: the sheet's own note, then what the final level is. */
    note: (levelsNote: string) => `${levelsNote} Level is the one the policy gives; Level (final) is the override from the overrides table where one holds today, else the same level. An override ends the day after its until date.`,
    /** The pane, after Compute levels, when the workbook has an overrides table. */
    counts: (active: number, expired: number, unmatched: number) => `Overrides of levels: ${active} applied, ${expired} expired, ${unmatched} not in the data.`,
  },
};

export type LevelOverridesMessages = Widen<typeof levelOverrides>;
