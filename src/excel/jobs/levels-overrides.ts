/**
 * People's overrides in "Compute levels" (issue 15 §1 × §2): the `TieringOverrides` table the run reads is read by
 * the Levels job too, in the same read sync (jobs/run.ts `read` brings its rows with the first read block: no round
 * trip of its own), matched against the policy's own level names (core: src/core/over-time/level-overrides.ts), and
 * shown on the Levels sheet as four columns after the computed level: the final level, a mark, the reason and the
 * until date. The Level changes sheet gets the "override" rows, the Downgrade warnings sheet leaves out a customer
 * whose override holds through the next review, and the report counts customers per final level and lists the
 * table's unused rows as the run's report does (overrides.ts `overridesSummary`, each a link to its row).
 */
import { levelVocabulary, withLevelOverrides, type LevelsWithOverrides } from "../../core/over-time/level-overrides";
import type { LevelPolicy, LevelsResult } from "../../core/over-time/levels";
import { readOverrides } from "../../core/tiers/overrides";
import type { Messages } from "../../i18n";
import { knownNames } from "../../i18n/override-words";
import { FORMAT } from "../formats";
import { OVERRIDDEN_MARK, overrideColumns, overridesSummary, type OverridesCells } from "../overrides";
import type { OverridesRunSummary } from "../port-overrides";
import type { ColumnSpec } from "../results";

export interface LevelsOverridden {
  applied: LevelsWithOverrides;
  summary: OverridesRunSummary;
}

/** The table's overrides applied to the computed levels as of the last review; null without a table. */
export function levelsOverrides(r: LevelsResult, policy: LevelPolicy, cells: OverridesCells | null | undefined, dayOrder: "mdy" | "dmy" | undefined, m: Messages): LevelsOverridden | null {
  if (!cells) return null;
  const vocabulary = levelVocabulary(policy.levels);
  const applied = withLevelOverrides(r, readOverrides(overrideColumns(cells), vocabulary, dayOrder));
  const known = knownNames(vocabulary, (k) => policy.levels[k].name, m);
  return { applied, summary: overridesSummary(applied.overrides, applied.applied, cells, known, m) };
}

/** The Levels sheet's columns with the four of the overrides after the computed level (which is unchanged). */
export function withLevelOverrideColumns(columns: ColumnSpec[], policy: LevelPolicy, o: LevelsWithOverrides, m: Messages): ColumnSpec[] {
  const h = m.levelOverrides.columns;
  const entry = (c: number) => (o.applied.entryOf[c] < 0 ? null : o.overrides.entries[o.applied.entryOf[c]]);
  const name = (k: number) => (k >= 0 && k < policy.levels.length ? policy.levels[k].name : m.levelsPane.book.none);
  const added: ColumnSpec[] = [
    { key: "finalLevel", header: h.finalLevel, format: FORMAT.text, value: (c) => name(o.finalLevel[c]) },
    { key: "overridden", header: h.overridden, format: FORMAT.text, value: (c) => (o.applied.entryOf[c] < 0 ? "" : OVERRIDDEN_MARK) },
    { key: "overrideReason", header: h.reason, format: FORMAT.text, value: (c) => entry(c)?.reason ?? "" },
    { key: "overrideUntil", header: h.until, format: FORMAT.date, value: (c) => entry(c)?.until ?? "" },
  ];
  const k = columns.findIndex((c) => c.key === "level");
  return [...columns.slice(0, k + 1), ...added, ...columns.slice(k + 1)];
}
