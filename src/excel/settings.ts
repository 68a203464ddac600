/**
 * Document settings the add-in keeps in the workbook (Office's `workbook.settings`, ExcelApi 1.4):
 * the analysis settings (so Run repeats them), the ids of the sheets the add-in created (ownership),
 * where the last run put its results (for "Build tier chart"), the snapshot history's index (where each
 * snapshot's rows are on the hidden history sheet) and the pilots picked.
 */
import type { ChartKind, AnalysisSettings, PilotInfo, SnapshotInfo, TierBy } from "./port";

export const SETTINGS_KEY = "tiering.settings";
export const OWNED_KEY = "tiering.ownedSheets";
export const LAST_RUN_KEY = "tiering.lastRun";
/** The snapshot history's index (`History`). */
export const HISTORY_KEY = "tiering.history";
/** The pilots picked (`PilotInfo[]`, oldest first). */
export const PILOTS_KEY = "tiering.pilots";

/** Where the last run wrote, so charts can address the summary without reading it back. */
export interface LastRun {
  resultsSheetId: string;
  summarySheetId: string;
  resultsTable: string;
  summaryTable: string;
  tierBy: TierBy;
  /** Rows in the summary table (header excluded). */
  tiers: number;
  /** Summary column keys in order (see summary.ts), their header texts, and the tier names in row order. */
  columns: string[];
  headers: string[];
  labels: string[];
  /** The R×F grid: top-left cell of its header row (0-based) and its size; null without RFM. */
  heat: { row: number; column: number; rLevels: number; fLevels: number } | null;
  /** First row (0-based) below the summary blocks, where charts go. */
  chartRow: number;
  /** Charts built so far, by kind (names in the workbook). */
  charts: Partial<Record<ChartKind, string>>;
  /** The kind built most recently, which the ribbon button builds again. */
  lastChart?: ChartKind;
}

export function isAnalysisSettings(value: unknown): value is AnalysisSettings {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<AnalysisSettings>;
  return (
    typeof v.mapping === "object" &&
    v.mapping !== null &&
    typeof v.hasHeader === "boolean" &&
    (v.summaryBy === "segment" || v.summaryBy === "abcClass" || v.summaryBy === "score")
  );
}

/**
 * Saved settings as the current shape: settings saved before Predict existed have no `predict` (off),
 * before the score existed no `score` (off) and no `strategies` (the defaults); mappings saved before the
 * order column existed have no `order` (unmapped).
 */
export function normalizeSettings(settings: AnalysisSettings): AnalysisSettings {
  return {
    ...settings,
    mapping: { ...settings.mapping, order: settings.mapping.order ?? -1 },
    predict: settings.predict ?? null,
    score: settings.score ?? null,
    strategies: settings.strategies ?? {},
  };
}

export function isLastRun(value: unknown): value is LastRun {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<LastRun>;
  return typeof v.summarySheetId === "string" && Array.isArray(v.columns) && typeof v.tiers === "number";
}

/**
 * A snapshot in the history's index: what the pane sees (`SnapshotInfo`) and where its rows are, so one
 * snapshot is read without reading the whole history.
 */
export interface SnapshotRecord extends Omit<SnapshotInfo, "tiers"> {
  /** First data row (0-based, below the history table's header) and the number of rows (one per customer). */
  row: number;
  rows: number;
  /**
   * Bytes of the read columns (customer, tier key; revenue, orders, last purchase) as JSON, measured when
   * written: a read of the snapshot is sized from it (no sample needed).
   */
  readBytes: number;
  /** The tier keys, best first, as the run ordered its tiers (the order migration counts up and down by). */
  tiers: string[];
  /** False when the tiers are custom segments (their keys are the user's names, not i18n keys). */
  builtIn: boolean;
}

/** The history's index. The rows live in an Excel table on a hidden sheet the add-in owns. */
export interface History {
  /** The hidden history sheet (an id survives renames). */
  sheetId: string;
  /** The number of the next snapshot id ("S1", "S2" …); never reused, so a pilot's snapshot id stays unique. */
  nextId: number;
  /** Oldest first; their rows are contiguous, in this order, from row 0. */
  snapshots: SnapshotRecord[];
}

const isTierBy = (v: unknown): v is TierBy => v === "segment" || v === "abcClass" || v === "score";

function isSnapshotRecord(value: unknown): value is SnapshotRecord {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<SnapshotRecord>;
  return (
    typeof v.id === "string" &&
    typeof v.asOf === "string" &&
    isTierBy(v.tierBy) &&
    typeof v.customers === "number" &&
    typeof v.row === "number" &&
    typeof v.rows === "number" &&
    typeof v.readBytes === "number" &&
    Array.isArray(v.tiers) &&
    typeof v.builtIn === "boolean"
  );
}

export function isHistory(value: unknown): value is History {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<History>;
  return typeof v.sheetId === "string" && typeof v.nextId === "number" && Array.isArray(v.snapshots) && v.snapshots.every(isSnapshotRecord);
}

export function isPilotList(value: unknown): value is PilotInfo[] {
  return (
    Array.isArray(value) &&
    value.every((p) => p !== null && typeof p === "object" && typeof (p as PilotInfo).id === "string" && typeof (p as PilotInfo).snapshotId === "string" && typeof (p as PilotInfo).sheet === "string")
  );
}

/** The pane's view of a snapshot record. */
export function snapshotInfo(r: SnapshotRecord): SnapshotInfo {
  return {
    id: r.id,
    asOf: r.asOf,
    tierBy: r.tierBy,
    customers: r.customers,
    savedAt: r.savedAt,
    tiers: r.tiers.map((key) => ({ key, builtIn: r.builtIn || key === "others" })),
  };
}
