/**
 * People's overrides of membership levels (issue 15 §1 × §2): "an overridden customer shows the override, marked
 * as such, with its reason, until it expires; the run's own tier is still shown beside it". The replay of the policy
 * (levels.ts) is never changed by an override: the computed level, since, expires and history stay what the data
 * made them, so a re-run, a longer history or a changed policy recomputes them honestly, and the person's judgement
 * sits beside them as a *final* level. The table is the same one the run's tiers read (src/core/tiers/overrides.ts:
 * customer by the id rule, until inclusive, one row per customer, problems as data); a level is matched by the
 * policy's own names, trimmed and case aside (the policy's names are the only names a level has, in any language).
 *
 * Decisions (docs/ENGINE.md "Overrides of levels"):
 * - When: the overrides table has no start date, only `until`, so an override is applied at the as-of date (the last
 *   review) when it is active there (until blank or ≥ as-of); an expired one leaves the computed level. It is not
 *   replayed into earlier reviews: the table says what a person decides now, not what the level was in the past.
 * - History: an active override adds one Level changes row with reason "override", dated the last review, from the
 *   computed level to the override's level (from === to when the person confirms the computed level: the row still
 *   says the level is held by a person). It follows the customer's own rows of that date (the person's judgement
 *   comes after the review). An expired override adds no row: the computed history already is the level the
 *   customer is back on, and the table has no record of when the override began.
 * - Downgrade warnings: a programme manager's list is of customers who will drop unless something happens. A customer
 *   whose override still holds at the next review will not drop at it, so is not warned; one whose override ends
 *   before the next review falls back to the computed level at it, so keeps the computed warning.
 */
import { applyOverrides, overrideActive, type AppliedOverrides, type Overrides, type TierVocabulary } from "../tiers/overrides";
import type { LevelChange, LevelDef, LevelsResult } from "./levels";

export interface LevelsWithOverrides {
  /** Per customer: the override's level where one is active at the last review, else the computed one (NO_LEVEL: none). */
  finalLevel: Int32Array;
  /** The table as read and applied (entryOf: per customer the active entry or −1; counts; unknown customers). */
  applied: AppliedOverrides;
  overrides: Overrides;
  /** The warnings of the final levels: the computed flag, cleared where an override holds through the next review. */
  downgradesNextReview: Uint8Array;
  /** The computed changes and the "override" rows, by customer then date. */
  changes: LevelChange[];
}

/** A policy's levels as the overrides table matches them: each level by its own name. */
export function levelVocabulary(levels: readonly Pick<LevelDef, "name">[]): TierVocabulary {
  return levels.map((l) => [l.name]);
}

/**
 * Customer c's "override" row of the history, or null when no override is active for them (`entryOf` of the
 * applied overrides): dated the last review, from the computed level to the override's. One rule for the history
 * kept in memory (withLevelOverrides) and the one `tier levels --changes` streams to its file.
 */
export function overrideChange(r: Pick<LevelsResult, "level" | "reviews">, overrides: Overrides, entryOf: ArrayLike<number>, c: number): LevelChange | null {
  const k = entryOf[c];
  return k < 0 ? null : { customer: c, date: r.reviews.last, from: r.level[c], to: overrides.entries[k].tier, reason: "override" };
}

/** Applies `overrides` (read against `levelVocabulary(policy.levels)`) to a levels result as of its last review. */
export function withLevelOverrides(r: LevelsResult, overrides: Overrides): LevelsWithOverrides {
  const asOf = r.reviews.last;
  const applied = applyOverrides(r.customerIds, r.level, overrides, asOf);
  const downgrades = Uint8Array.from(r.downgradesNextReview);
  if (applied.active === 0) return { finalLevel: applied.tierOf, applied, overrides, downgradesNextReview: downgrades, changes: r.changes };
  const changes: LevelChange[] = [];
  const added = (c: number) => {
    const change = overrideChange(r, overrides, applied.entryOf, c);
    if (!change) return;
    changes.push(change);
    if (overrideActive(overrides.entries[applied.entryOf[c]].until, r.reviews.next)) downgrades[c] = 0;
  };
  // The core lists changes by customer then date; each customer's override row goes after its own rows.
  let c = 0;
  for (const ch of r.changes) {
    while (c < ch.customer) added(c++);
    changes.push(ch);
  }
  while (c < r.customerIds.length) added(c++);
  return { finalLevel: applied.tierOf, applied, overrides, downgradesNextReview: downgrades, changes };
}
