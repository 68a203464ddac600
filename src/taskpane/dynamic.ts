/**
 * Compare & pilot, the pure part: which snapshots to compare by default, which tiers a snapshot's pilot can be
 * picked from (keys and labels), the pilot form as typed and how it becomes a `PilotRequest`, and how to read a
 * pilot comparison's interval. Problems are data, worded by `describePilotProblem` in the person's language.
 */
import { pilotOptionProblems, type PilotField, type PilotOptions } from "../core/over-time/pilot";
import type { GroupComparison, PilotRequest, SnapshotInfo } from "../excel/port";
import { keyLabel as tierLabelOf } from "../i18n/tier-names";
import type { Messages } from "../i18n";
import type { PaneForm } from "./form";
import { parseNumber, parsePercent } from "./form/shared";
import { defaultStrategy } from "../i18n/playbook";
import type { PlaybookTier } from "./playbook";

/**
 * The default pair to compare: the latest snapshot as "later" and, as "earlier", the latest one before it tiered the
 * same way (`SnapshotInfo.tiering`: the basis and its scheme, cuts or score settings; migration between different
 * kinds of tiers says nothing, and the port refuses it). Snapshots come oldest first.
 */
export function defaultPair(snapshots: readonly SnapshotInfo[]): { before: string | null; after: string | null } {
  const after = snapshots.at(-1);
  if (!after) return { before: null, after: null };
  const before = snapshots
    .slice(0, -1)
    .filter((s) => s.tiering === after.tiering)
    .at(-1);
  return { before: before?.id ?? null, after: after.id };
}

/** The snapshot to measure a pilot in: the latest one after the pilot's analysis date, else the latest. */
export function defaultMeasureSnapshot(snapshots: readonly SnapshotInfo[], pilotAsOf: string | null): string | null {
  const later = pilotAsOf === null ? [] : snapshots.filter((s) => s.asOf > pilotAsOf);
  return (later.at(-1) ?? snapshots.at(-1))?.id ?? null;
}

/**
 * The tiers of a snapshot a pilot can be picked in: the snapshot's own (those with customers, in its order), named
 * in the person's language, each with the playbook's default text for it.
 */
export function tierChoices(snapshot: SnapshotInfo | undefined, m: Messages): PlaybookTier[] {
  if (!snapshot) return [];
  return snapshot.tiers.map((t) => ({ key: t.key, label: tierLabelOf(snapshot.tierBy, t.key, t.builtIn, m), defaultText: defaultStrategy(t.key, t.builtIn, m) }));
}

/**
 * The strategy a pilot tries, to start from: the playbook's text for the tier (the person's own, else the
 * language's default); nothing for a custom segment nobody has written a strategy for yet.
 */
export function pilotStrategy(tier: PlaybookTier, form: PaneForm, m: Messages): string {
  const edited = form.strategies[tier.key];
  if (edited !== undefined) return edited;
  return tier.defaultText === m.workbook.strategies.custom ? "" : tier.defaultText;
}

/** The pilot form as typed: percentages (10 means 0.1) and a seed. */
export interface PilotDraft {
  snapshotId: string | null;
  tier: string | null;
  share: string;
  controlShare: string;
  seed: string;
  strategy: string;
}

export const DEFAULT_PILOT: PilotDraft = { snapshotId: null, tier: null, share: "10", controlShare: "10", seed: "1", strategy: "" };

export type PilotProblem =
  | { kind: "noSnapshot" }
  | { kind: "noTier" }
  | { kind: "share"; value: string }
  | { kind: "controlShare"; value: string }
  | { kind: "total" }
  | { kind: "seed"; value: string };

const FIELD_ORDER: readonly PilotField[] = ["share", "controlShare", "seed", "total"];

/**
 * Every field of the pilot form the core refuses (its `pilotOptionProblems`, the check `pickPilot` runs, so the
 * pane and the port cannot disagree), in the form's order; "total" when each share passes alone but the two
 * together do not.
 */
export function pilotFieldProblems(options: Required<PilotOptions>): PilotField[] {
  const fields = new Set(pilotOptionProblems(options).map((p) => p.details.field));
  return FIELD_ORDER.filter((f) => fields.has(f));
}

export function pilotRequest(draft: PilotDraft): { ok: true; request: PilotRequest } | { ok: false; problems: PilotProblem[] } {
  const problems: PilotProblem[] = [];
  if (!draft.snapshotId) problems.push({ kind: "noSnapshot" });
  if (!draft.tier) problems.push({ kind: "noTier" });
  const pilot = parsePercent(draft.share);
  const control = parsePercent(draft.controlShare);
  const seed = parseNumber(draft.seed);
  // The bounds are the core's; the pane's own rule on top: a control group, to measure against.
  const refused = new Set(pilotFieldProblems({ share: pilot, controlShare: control, seed }));
  if (refused.has("share")) problems.push({ kind: "share", value: draft.share });
  if (refused.has("controlShare") || control === 0) problems.push({ kind: "controlShare", value: draft.controlShare });
  if (refused.has("total")) problems.push({ kind: "total" });
  if (refused.has("seed")) problems.push({ kind: "seed", value: draft.seed });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: { snapshotId: draft.snapshotId!, tier: draft.tier!, share: pilot, controlShare: control, seed, strategy: draft.strategy.trim() },
  };
}

/** What a comparison's interval says: the pilot did better or worse (the interval excludes 0), or it cannot tell. */
export type Verdict = "higher" | "lower" | "unclear" | "none";

export function verdict(g: GroupComparison): Verdict {
  if (![g.difference, g.low, g.high].every(Number.isFinite)) return "none";
  if (g.low > 0) return "higher";
  if (g.high < 0) return "lower";
  return "unclear";
}
