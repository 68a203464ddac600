/**
 * Document settings the add-in keeps in the workbook (Office's `workbook.settings`, ExcelApi 1.4):
 * the analysis settings (so Run repeats them), the ids of the sheets the add-in created (ownership),
 * and where the last run put its results (for "Build tier chart").
 */
import type { ChartKind, AnalysisSettings } from "./port";

export const SETTINGS_KEY = "tiering.settings";
export const OWNED_KEY = "tiering.ownedSheets";
export const LAST_RUN_KEY = "tiering.lastRun";

/** Where the last run wrote, so charts can address the summary without reading it back. */
export interface LastRun {
  resultsSheetId: string;
  summarySheetId: string;
  resultsTable: string;
  summaryTable: string;
  tierBy: "segment" | "abcClass";
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
  return typeof v.mapping === "object" && v.mapping !== null && typeof v.hasHeader === "boolean" && (v.summaryBy === "segment" || v.summaryBy === "abcClass");
}

/**
 * Saved settings as the current shape: settings saved before Predict existed have no `predict` (off);
 * mappings saved before the order column existed have no `order` (unmapped).
 */
export function normalizeSettings(settings: AnalysisSettings): AnalysisSettings {
  return { ...settings, mapping: { ...settings.mapping, order: settings.mapping.order ?? -1 }, predict: settings.predict ?? null };
}

export function isLastRun(value: unknown): value is LastRun {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<LastRun>;
  return typeof v.summarySheetId === "string" && Array.isArray(v.columns) && typeof v.tiers === "number";
}
