/**
 * The port's snapshots, Compare, pilots and Over time (issues 5, 14): beside port.ts, which re-exports these types
 * and whose `WorkbookPort` extends `OverTimePort`, so the pane still sees one contract. Split out when port.ts
 * reached the size limit of a source file; the settings type is a parameter (port.ts gives its
 * `AnalysisSettings`) so this file imports nothing back from port.ts (no import cycle, type-only ones included).
 */
import type { AnalysisTierBy } from "../core/analysis/types";
import type { Locale } from "../i18n";
import type { DataQuality, KeptNotice } from "./port-shared";

/**
 * A run's tiers kept in the workbook's hidden history (one per run; a run with the same analysis date, data
 * source and tiering as the latest snapshot replaces it).
 */
export interface SnapshotInfo {
  id: string;
  /** The analysis date, ISO (yyyy-mm-dd). */
  asOf: string;
  tierBy: AnalysisTierBy;
  customers: number;
  /** When the run saved it, ISO date-time. */
  savedAt: string;
  /**
   * The tiers that have customers in it, in the run's order (best first where the basis has an order): the
   * language-independent key (as in PilotRequest.tier) and whether it is one of the add-in's (false for a custom
   * segment's name); src/i18n/tier-names.ts `keyLabel` names it in a language.
   */
  tiers: { key: string; builtIn: boolean }[];
  /**
   * How it was tiered, as an opaque key (the basis and the settings that decide the tiers: the segment scheme
   * or rules, ABC's method and cuts, the score's settings): snapshots with equal keys can be compared.
   */
  tiering: string;
  /** True for a snapshot "Rebuild history" saved (not a run's own): a later rebuild of the same date replaces it. */
  backfilled?: boolean;
}

/** Shares of the earlier snapshot's customers that moved up, down, stayed or left, and the count of new ones. */
export interface MigrationSummary {
  customers: number;
  /**
   * Moved up and down: NaN for RFM segments, which have no order from best to worst (the R package's rule
   * order is for matching, and revenue would rank a big low-value segment high); then only `changeRate` counts.
   */
  upgradeRate: number;
  downgradeRate: number;
  /** Moved to another tier (up or down, when there is an order). */
  changeRate: number;
  stayRate: number;
  goneRate: number;
  newCustomers: number;
}

/** Per tier of the earlier snapshot: how its customers did by the later one. */
export interface TierEffectRow {
  tier: string;
  customers: number;
  retentionRate: number;
  repurchaseRate: number;
  revenueBefore: number;
  revenueAfter: number;
  revenueChange: number;
}

/**
 * Issue 15 §3 in the pane: the Compare sheet's upgrade incentive lines (src/excel/migration-upgrades.ts).
 * `upgrades` null when the tiers have no order (segments); the money null with it, or without revenue.
 */
export interface UpgradeEconomicsReport {
  upgrades: number | null;
  costPerUpgrade: number;
  cost: number | null;
  revenueChange: number | null;
  net: number | null;
}

export interface MigrationReport extends KeptNotice {
  before: SnapshotInfo;
  after: SnapshotInfo;
  /** The sheet written: the from→to matrix (customers and revenue), the rates, the per-tier effects and a migration chart. */
  sheet: string;
  /** Tier labels, best first. */
  tiers: string[];
  summary: MigrationSummary;
  effects: TierEffectRow[];
  /** The upgrade incentives, or null (or absent) when no cost per upgrade is set. */
  upgradeEconomics?: UpgradeEconomicsReport | null;
}

/** Pick a pilot (gray) group in one tier of a snapshot, with a control group of the same tier. */
export interface PilotRequest {
  snapshotId: string;
  /** The tier's key (language-independent, as in the history). */
  tier: string;
  /** Shares of the tier's customers, 0 < share, share + controlShare ≤ 1. */
  share: number;
  controlShare: number;
  seed: number;
  /** What the pilot tries, e.g. the tier's strategy text. */
  strategy: string;
}

export interface PilotInfo extends PilotRequest {
  id: string;
  asOf: string;
  tierLabel: string;
  pilot: number;
  control: number;
  /** The sheet listing the customers and their group. */
  sheet: string;
}

/** Pilot minus control, with a confidence interval. */
export interface GroupComparison {
  pilot: number;
  control: number;
  difference: number;
  low: number;
  high: number;
}

export interface PilotComparisonReport extends KeptNotice {
  pilot: PilotInfo;
  after: SnapshotInfo;
  /** Share who bought again after the pilot's analysis date. */
  repurchase: GroupComparison;
  /** Revenue change per customer between the pilot's snapshot and the later one. */
  revenue: GroupComparison;
  confidence: number;
  sheet: string;
}

/** How often "Rebuild history" takes a snapshot: at every month-end, every quarter-end, or every N days. */
export type HistoryEvery = "month" | "quarter" | "days";

export interface HistoryRequest {
  every: HistoryEvery;
  /** With `every` "days": the step, a whole number of days (1 or more). */
  days?: number;
  /** The first and last snapshot dates to consider, ISO; null: the first and the latest purchase. */
  from: string | null;
  to: string | null;
  /** Freeze the cut points (RFM quantile breakpoints, ABC's lowest A and B values; not score bands) at the "first" or "last"
   * date built, or one of them as an ISO date, so a move means behaviour changed, not thresholds. Null: each date's own. */
  freezeAt: "first" | "last" | string | null;
}

export type HistoryPhase = "read" | "compute" | "write";

export interface HistoryProgress {
  phase: HistoryPhase;
  /** 0..1 over the whole rebuild. */
  fraction: number;
}

export interface HistoryOptions {
  locale: Locale;
  signal?: AbortSignal;
  onProgress?: (progress: HistoryProgress) => void;
}

export interface HistoryReport {
  /** The snapshots written, oldest date first. */
  snapshots: SnapshotInfo[];
  /** Backfilled snapshots of the same dates (same data and tiering) that these replaced; a run's own are never replaced. */
  replaced: number;
  /** Older backfilled snapshots removed to make room in the history (a run's own are never removed). */
  dropped: number;
  quality: DataQuality;
  /** The date the cut points were frozen at, or null. */
  frozenAt: string | null;
}

/** A customer's move between two snapshots: ordered tiers go up or down; RFM segments only change. */
export type MoveDirection = "up" | "down" | "same" | "changed" | "new" | "gone";

export interface MoversReport extends KeptNotice {
  before: SnapshotInfo;
  after: SnapshotInfo;
  /** The "Movers" sheet and its Excel table (sortable and filterable). */
  sheet: string;
  table: string;
  /** Rows of the table: every customer of either snapshot. */
  customers: number;
  counts: Record<MoveDirection, number>;
  /** False for RFM segments (moves are "changed", neither up nor down). */
  ordered: boolean;
  /** Tier labels (the table's "was" and "now" values) best first, in the run's language. */
  tiers: string[];
  /** Customers per (was, now) pair with any: what the filter "was A, now C" will show. "" is no tier (new or gone). */
  pairs: { was: string; now: string; customers: number }[];
  /** With Predict: the P(alive) and CLV columns' date (null: left out), the note above the table (what they are, or why not), the fit's diagnostics. */
  predicted?: { asOf: string | null; note: string; diagnostics: { code: string; message: string }[] } | null;
}

export interface TrendsReport extends KeptNotice {
  sheet: string;
  /** The snapshot dates, oldest first (one column of the charts per date). */
  dates: string[];
  /** Tier labels, best first. */
  tiers: string[];
  /** Snapshots in the history that were left out because they tier differently from the latest one. */
  skipped: number;
  /** The charts' names in the workbook. */
  charts: string[];
}

export type CohortBy = "month" | "quarter";
export type CohortMeasure = "customers" | "revenue";

export interface CohortRequest {
  by: CohortBy;
  measure: CohortMeasure;
  /** One triangle per first tier (the tier at the end of the first period, tiered as the summary is); absent: whole cohorts. */ firstTier?: boolean;
}

export interface CohortsReport extends KeptNotice {
  sheet: string;
  cohorts: number;
  /** Periods since the first purchase (columns p0, p1 …). */
  periods: number;
  quality: DataQuality;
  chart: string;
  /** With the split: how many first tiers have a triangle; null for whole cohorts. */ firstTiers?: number | null;
}

/** The history's operations: snapshots, Compare, pilots, the rebuilt history, movers, trends and cohorts. */
export interface OverTimePort<AnalysisSettings> {
  /** The snapshots in the workbook's history, oldest first. */
  listSnapshots(locale?: Locale): Promise<SnapshotInfo[]>;
  /** Writes the "Tier migration" sheet comparing two snapshots (before earlier than after). */
  compareSnapshots(beforeId: string, afterId: string, locale: Locale): Promise<MigrationReport>;
  /** Picks a pilot and a control group in one tier of a snapshot, writes the "Pilot" sheet and remembers the pilot. */
  pickPilot(request: PilotRequest, locale: Locale): Promise<PilotInfo>;
  /** The pilots picked in this workbook, oldest first. */
  listPilots(locale?: Locale): Promise<PilotInfo[]>;
  /** Compares the pilot and control groups' repurchase and revenue in a later snapshot; writes the result beside the pilot's list. */
  comparePilot(pilotId: string, afterSnapshotId: string, locale: Locale): Promise<PilotComparisonReport>;
  /**
   * Reads the source once and saves a snapshot at every month-end (quarter-end, or every N days) between two dates,
   * with `settings`, into the same history Compare reads; replaces backfilled snapshots of the same dates, never a run's own.
   */
  rebuildHistory(settings: AnalysisSettings, request: HistoryRequest, options: HistoryOptions): Promise<HistoryReport>;
  /** Writes the "Movers" sheet: one row per customer of either snapshot, an Excel table. */
  writeMovers(beforeId: string, afterId: string, locale: Locale, settings?: AnalysisSettings | null): Promise<MoversReport>;
  /** Filters the Movers table to "was `was`, now `now`" (tier labels as the table shows them, "" for none; null: any). */
  filterMovers(was: string | null, now: string | null, locale: Locale): Promise<void>;
  /** Writes the "Tier trends" sheet over the history's snapshots tiered as the latest one, with a line and a stacked-area chart. */
  writeTrends(locale: Locale): Promise<TrendsReport>;
  /** Reads the source and writes the "Cohorts" sheet: the retention triangle with a heat-map format and a line chart. */
  writeCohorts(settings: AnalysisSettings, request: CohortRequest, locale: Locale): Promise<CohortsReport>;
}
