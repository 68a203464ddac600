/**
 * The workbook port: everything the task pane may ask of the workbook, as plain data in and out.
 *
 * The contract only: the pane imports this file's types (the core's constants it takes from the core
 * itself, so this file is no re-export list and imports nothing back from the jobs) and receives an
 * implementation (Office.js in Excel, the in-memory stand-in in the browser preview and in tests).
 * Implementations live in `src/excel/jobs`, the only code that calls `Excel.run`; each operation does a
 * constant number of `context.sync()` calls however many rows there are.
 */
import type { RoleMapping } from "../core/analysis/roles";
import type { AbcAnalysisOptions, AnalysisTierBy, ClvAnalysisOptions, EconomicsSettingsPart, PredictAnalysisOptions, RfmAnalysisOptions, ScoreAnalysisOptions } from "../core/analysis/types";
import type { Locale } from "../i18n";
import type { KeptNotice, ModelCheckPort } from "./port-model-check";
export type * from "./port-model-check";
/** A cell the pane can point the user at ("select the first bad cell"). */
export interface CellRef {
  sheet: string;
  /** A1-style address without the sheet, e.g. "C17". */
  address: string;
}

/** Where the data comes from: the current selection (a fixed address, remembered) or an Excel table. */
export type SourceRef = { kind: "range"; sheet: string; address: string } | { kind: "table"; name: string };

export interface TableInfo {
  name: string;
  sheet: string;
  /** Address including the header row, e.g. "A1:H20001". */
  address: string;
  rows: number;
}

/**
 * Whether the source's first row is a header: yes, no, or "auto": decided from the first rows
 * (src/core/cells/header.ts `looksLikeHeader`; an Excel table always has one).
 */
export type HeaderChoice = boolean | "auto";

/** What the pane needs to offer a column mapping: the header, a few rows, and the size. */
export interface SourcePreview {
  source: SourceRef;
  /** Header texts; `hasHeader` false gives "Column A", "Column B"… in the user's language. */
  header: string[];
  /** What was used: the caller's choice, or what "auto" decided. */
  hasHeader: boolean;
  /** True when `hasHeader` was decided from the data ("auto"). */
  headerDetected: boolean;
  /** Up to 5 data rows, as Excel gives them (numbers, text, booleans, "" for blanks). */
  sample: unknown[][];
  /** Data rows, header excluded. */
  rows: number;
}

/**
 * Column indices (0-based, into `SourcePreview.header`) for each role (src/core/analysis/roles.ts: the one
 * list of roles); -1 when a role is unmapped. With `quantity`, amount = quantity × the amount column (unit
 * price); `order` groups line items into orders (src/core/transactions/orders.ts). Settings saved before
 * `order` existed have none: read as -1.
 */
export type ColumnMapping = RoleMapping;

/*
 * The analysis settings are the core's options as they are (src/core/analysis/types.ts), so the pane, the
 * port and the core share one shape and one check (`analysisProblems`); settings saved in the earlier
 * shape are read into this one by src/excel/settings.ts `upgradeSettings`.
 */
export type RfmSettings = RfmAnalysisOptions;
export type AbcSettings = AbcAnalysisOptions;
/** The simple formula of TIER.CLV: margin share, yearly retention, yearly discount, years. */
export type ClvSettings = ClvAnalysisOptions;
/** Predict CLV & churn: BG/NBD + Gamma-Gamma fitted to the purchases up to the analysis date, lifecycle stages and the churn-warning list. */
export type PredictSettings = PredictAnalysisOptions;
/**
 * The weighted multi-dimensional score (src/core/tiers/score.ts): metrics normalised (percentile rank or
 * min-max), weighted to a 0–100 score, and cut into bands (Diamond … Bronze) by shares of customers or by
 * score thresholds.
 */
export type ScoreSettings = ScoreAnalysisOptions;

/** Everything a run needs. Saved in the workbook's document settings, so Run repeats it on new data. */
export interface AnalysisSettings extends EconomicsSettingsPart {
  source: SourceRef | null;
  hasHeader: boolean;
  mapping: ColumnMapping;
  /** The analysis date as an ISO date, or null for the latest purchase date in the data; an earlier date is "as it stood then". */
  asOf: string | null;
  /** How to read ambiguous date text such as 1/5/2024 (default "mdy"). Date cells and ISO text need no choice. */
  dayOrder?: "mdy" | "dmy";
  /**
   * Frequency and monetary over the last N months up to the analysis date (recency still from the last purchase on
   * or before it); null or absent: all history. Settings saved before it existed have none.
   */
  windowMonths?: number | null;
  rfm: RfmSettings | null;
  abc: AbcSettings | null;
  clv: ClvSettings | null;
  /** Predict CLV & churn, or null. Settings saved before it existed have none: read as null. */
  predict: PredictSettings | null;
  /** The weighted score, or null. Settings saved before it existed have none: read as null. */
  score?: ScoreSettings | null;
  /** Summary sheet rows (the tiers): RFM segments, ABC classes or score bands. */
  summaryBy: TierBy;
  /**
   * The playbook: per-tier strategy texts the user edited, by tier key (a segment key such as
   * "champions", a custom segment's name, "A"/"B"/"C", or a band key such as "diamond"); tiers without an
   * entry use the default text from i18n. Written into the summary and the results.
   */
  strategies: Record<string, string>;
}

/** What the tiers are: declared once, by the core (src/core/analysis/types.ts AnalysisTierBy). */
export type TierBy = AnalysisTierBy;

/** Row-level problems found while reading, counted by kind, with the first bad cell of each kind. */
export interface DataQuality {
  rowsRead: number;
  rowsUsed: number;
  /** With an order column mapped: how many orders the used rows formed; absent without one. */
  orders?: number;
  /**
   * Rows left out, by reason: a core problem code (`blankCustomer`, `badDate`, `badAmount`, … see
   * src/core/cells/problems.ts) → count, plus `returns` for rows with a negative amount (returns and
   * cancellations, left out of the analysis), e.g. { blankCustomer: 5078, returns: 398 }.
   */
  leftOut: Record<string, number>;
  /** The first bad cell and a sentence in the user's language that says what is wrong with it. */
  firstProblem: { cell: CellRef; message: string } | null;
}

/** "predict" only when Predict CLV & churn is on: fitting the models, between "compute" and "write". */
export type Phase = "read" | "compute" | "predict" | "write" | "pivot";

export interface Progress {
  phase: Phase;
  /** 0..1 over the whole run. */
  fraction: number;
}

export interface RunOptions {
  locale: Locale;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface RunReport {
  quality: DataQuality;
  customers: number;
  /** Rows on the summary sheet (tiers or segments that have customers). */
  tiers: number;
  /** Names of the sheets written (the add-in picks a new name when the user owns a sheet of that name). */
  sheets: { results: string; summary: string; churn?: string };
  /** True when a PivotTable was built; otherwise `pivotNote` says why not (e.g. ExcelApi 1.8 missing). */
  pivot: boolean;
  pivotNote: string | null;
  /** With Predict on: why there are no predictions (a model could not be fitted), else null. The tiers are written all the same. */
  predictNote?: string | null;
  /**
   * With Predict on and fitted: what to know before trusting the predictions (the fit's diagnostics as
   * stable codes and sentences in the run's language; empty when all is well), and, when dropout is not
   * identified, the sentence saying what the Churn warning sheet is ranked by instead of P(alive).
   */
  predictDiagnostics?: { code: string; message: string }[];
  churnRankedBy?: string | null;
  /** The snapshot this run saved into the workbook's history (null when it could not be saved; `snapshotNote` says why). */
  snapshot: SnapshotInfo | null;
  /** Why no snapshot was saved; or, with a snapshot, which old snapshots were removed to make room for it. */
  snapshotNote?: string | null;
  /** Sheets the person edited while the run ran, kept as theirs with the results beside them (a sentence); absent otherwise. */
  keptNote?: string | null;
  /** The customers closest to moving up a tier (smallest gap relative to their value first), at most 20. */
  upgrade: UpgradeCandidate[];
}

/**
 * A customer near the next tier up: what the gap is measured in follows the tiers (ABC: revenue, margin or
 * orders; score: points; segments: "purchase", `orders` purchases, the last one now, adding `gap` revenue,
 * 0 for any amount, src/core/tiers/upgrade-segment.ts).
 */
export interface UpgradeCandidate {
  customer: string;
  /** Tier labels in the run's language. */
  tier: string;
  nextTier: string;
  gap: number;
  gapKind: "revenue" | "margin" | "orders" | "points" | "purchase";
  /** With gapKind "purchase": the purchases it takes. */
  orders?: number;
  /** The customer's row on the results sheet. */
  cell: CellRef;
}

/**
 * A run's tiers kept in the workbook's hidden history (one per run; a run with the same analysis date, data
 * source and tiering as the latest snapshot replaces it).
 */
export interface SnapshotInfo {
  id: string;
  /** The analysis date, ISO (yyyy-mm-dd). */
  asOf: string;
  tierBy: TierBy;
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

export interface MigrationReport extends KeptNotice {
  before: SnapshotInfo;
  after: SnapshotInfo;
  /** The sheet written: the from→to matrix (customers and revenue), the rates, the per-tier effects and a migration chart. */
  sheet: string;
  /** Tier labels, best first. */
  tiers: string[];
  summary: MigrationSummary;
  effects: TierEffectRow[];
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

export type ChartKind = "column" | "pie" | "doughnut" | "pareto" | "scatter" | "radar" | "heatmap";

/** Every chart kind, in the order the pane offers them and the summary sheet places them. */
export const CHART_KINDS: readonly ChartKind[] = ["column", "pie", "doughnut", "pareto", "scatter", "radar", "heatmap"];

export interface ChartReport {
  kind: ChartKind;
  sheet: string;
  /** The chart's name in the workbook (a heat map is a formatted range, so its address instead). */
  name: string;
}

/* Over time (issue 14): history rebuilt for every month at once, movers, tier trends, cohorts; the numbers from
 * src/core/over-time, laid out as sheets by src/excel/jobs/{history-rebuild,movers,trends,cohorts}.ts. */

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

/**
 * The operations. Every method rejects with an `Error` whose message is a sentence for the user, in
 * `locale` (English when a method's optional locale is left out).
 */
export interface WorkbookPort extends ModelCheckPort<AnalysisSettings> {
  listTables(locale?: Locale): Promise<TableInfo[]>;
  /** The current selection (a single cell grows to its current region). "auto" detects the header row. */
  previewSelection(hasHeader: HeaderChoice, locale: Locale): Promise<SourcePreview>;
  previewSource(source: SourceRef, hasHeader: HeaderChoice, locale: Locale): Promise<SourcePreview>;
  /** Reads the source, runs the core, writes the "Tiers" and "Tier Summary" sheets and the PivotTable. */
  run(settings: AnalysisSettings, options: RunOptions): Promise<RunReport>;
  /** Builds a chart on the summary sheet of the last run; rejects with a sentence when there is none. */
  buildChart(kind: ChartKind, locale: Locale): Promise<ChartReport>;
  /** The ribbon's "Build tier chart": the kind built last on this workbook (a column chart at first). */
  buildLastChart(locale: Locale): Promise<ChartReport>;
  selectCell(cell: CellRef, locale?: Locale): Promise<void>;
  loadSettings(locale?: Locale): Promise<AnalysisSettings | null>;
  saveSettings(settings: AnalysisSettings, locale?: Locale): Promise<void>;
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
