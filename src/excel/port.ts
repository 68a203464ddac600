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
import type { ModelCheckPort } from "./port-model-check";
import type { LevelsPort, LevelsSettingsField } from "./port-levels";
import type { OverTimePort, SnapshotInfo } from "./port-over-time";
import type { CellRef, DataQuality } from "./port-shared";
export type * from "./port-model-check";
export type * from "./port-levels";
export type * from "./port-over-time";
export type * from "./port-shared";
import type { OverridesPort, OverridesRunReport } from "./port-overrides";
export type * from "./port-overrides";
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
export interface AnalysisSettings extends LevelsSettingsField, EconomicsSettingsPart {
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

export interface RunReport extends OverridesRunReport {
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

export type ChartKind = "column" | "pie" | "doughnut" | "pareto" | "scatter" | "radar" | "heatmap";

/** Every chart kind, in the order the pane offers them and the summary sheet places them. */
export const CHART_KINDS: readonly ChartKind[] = ["column", "pie", "doughnut", "pareto", "scatter", "radar", "heatmap"];

export interface ChartReport {
  kind: ChartKind;
  sheet: string;
  /** The chart's name in the workbook (a heat map is a formatted range, so its address instead). */
  name: string;
}

/**
 * The operations. Every method rejects with an `Error` whose message is a sentence for the user, in
 * `locale` (English when a method's optional locale is left out).
 */
export interface WorkbookPort extends ModelCheckPort<AnalysisSettings>, LevelsPort<AnalysisSettings>, OverTimePort<AnalysisSettings>, OverridesPort {
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
}
