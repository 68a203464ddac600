/**
 * Document settings the add-in keeps in the workbook (Office's `workbook.settings`, ExcelApi 1.4):
 * the analysis settings (so Run repeats them), the ids of the sheets the add-in created (ownership),
 * where the last run put its results (for "Build tier chart"), the snapshot history's index (where each
 * snapshot's rows are on the hidden history sheet) and the pilots picked.
 */
import type { ChartKind, AnalysisSettings, PilotInfo, SnapshotInfo, SourceRef, TierBy } from "./port";
import type { ScatterPlace } from "./scatter";
import { legacyTiering } from "./tiering";
import { savedLevelPolicy } from "./level-settings";
import { loadMarks, MARKS_KEY, OWNED_KEY, queueRenewal, renewIds, resolveOwnership, RECORD_KEYS, type Ownership } from "./ownership";
import type { SheetInfo } from "./sheets";

export { OWNED_KEY };
export const SETTINGS_KEY = "tiering.settings";
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
  /** Where the run wrote the scatter's sample of customers (scatter.ts); absent in a run by an earlier version. */
  scatter?: ScatterPlace;
}

const isTierBy = (v: unknown): v is TierBy => v === "segment" || v === "abcClass" || v === "score";

export function isAnalysisSettings(value: unknown): value is SavedSettings {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<AnalysisSettings>;
  return (
    typeof v.mapping === "object" &&
    v.mapping !== null &&
    typeof v.hasHeader === "boolean" &&
    isTierBy(v.summaryBy)
  );
}

/**
 * A custom segment rule as the earlier shape kept it: one row of the pane's grid (name and inclusive score
 * ranges). A bound left blank was saved as null (JSON has no NaN or Infinity), which the run's grid reader
 * took as open: no minimum, no maximum.
 */
interface SavedRuleRow {
  name: string;
  r: SavedRange;
  f: SavedRange;
  m: SavedRange;
}

type SavedRange = [number | null, number | null];

/** A saved range as the grid reader read it: a null (blank) minimum is −Infinity, a null maximum +Infinity. */
const openRange = ([low, high]: SavedRange): [number, number] => [low ?? -Infinity, high ?? Infinity];

/** The grid reader skipped a row with nothing in it (a blank name, every bound blank) rather than refuse it. */
const isBlankRow = (row: SavedRuleRow): boolean =>
  row.name.trim() === "" && [...row.r, ...row.f, ...row.m].every((bound) => bound === null);

/** RFM as saved before the settings were the core's options: breakpoints by letter, "custom" and the rules' grid. */
interface SavedRfm {
  bins: number;
  breakpoints?: { r?: number[]; f?: number[]; m?: number[] } | null;
  scheme: "rfm" | "cn8" | "custom";
  rules?: SavedRuleRow[];
}

/** Settings as a workbook may hold them: the current shape, or an earlier one (fields added later absent). */
export type SavedSettings = Omit<AnalysisSettings, "rfm" | "mapping" | "predict" | "strategies"> & {
  rfm: AnalysisSettings["rfm"] | SavedRfm;
  mapping: Omit<AnalysisSettings["mapping"], "order"> & { order?: number };
  predict?: AnalysisSettings["predict"];
  strategies?: AnalysisSettings["strategies"];
};

function isSavedRfm(rfm: AnalysisSettings["rfm"] | SavedRfm): rfm is SavedRfm {
  if (rfm === null) return false;
  const breakpoints = rfm.breakpoints as Record<string, unknown> | null | undefined;
  return rfm.scheme === "custom" || "rules" in rfm || (!!breakpoints && ("r" in breakpoints || "f" in breakpoints || "m" in breakpoints));
}

/**
 * Saved settings in the current shape, so a workbook saved by an earlier version runs as it did. The RFM
 * part of the earlier shape: breakpoints `{r, f, m}` are the core's `{recency, frequency, monetary}`, and
 * the scheme "custom" with its grid rows `{name, r, f, m}` is the rules themselves, read as the grid was
 * (names trimmed, a null bound open, a row with nothing in it skipped); a built-in scheme's leftover rules
 * are dropped. Fields added later: no `predict` (off), no `score` (off), no `strategies` (the defaults), no
 * `order` column (unmapped).
 */
export function upgradeSettings(saved: SavedSettings): AnalysisSettings {
  let rfm = saved.rfm;
  if (rfm && isSavedRfm(rfm)) {
    const bp = rfm.breakpoints;
    rfm = {
      bins: rfm.bins,
      breakpoints: bp ? { recency: bp.r, frequency: bp.f, monetary: bp.m } : null,
      scheme:
        rfm.scheme === "custom"
          ? (rfm.rules ?? []).filter((row) => !isBlankRow(row)).map((row) => ({ name: row.name.trim(), r: openRange(row.r), f: openRange(row.f), m: openRange(row.m) }))
          : rfm.scheme,
    };
  }
  const { levelPolicy, ...rest } = saved;
  return {
    ...rest,
    // Issue 15 §1's level policy, kept only in the shape the pane reads (level-settings.ts); settings saved before it have none.
    ...savedLevelPolicy(levelPolicy),
    rfm,
    mapping: { ...saved.mapping, order: saved.mapping.order ?? -1 },
    predict: saved.predict ?? null,
    score: saved.score ?? null,
    strategies: saved.strategies ?? {},
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
export interface SnapshotRecord extends Omit<SnapshotInfo, "tiers" | "tiering"> {
  /** How it was tiered (tiering.ts `tieringOf`); absent in a snapshot saved before it was kept. */
  tiering?: string;
  /** Where the run read its data (absent likewise): a same-date run replaces the snapshot only from the same source. */
  source?: SourceRef | null;
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

/** A pilot as the workbook keeps it: the pane's `PilotInfo` and the id of its sheet (a rename keeps it). */
export interface PilotRecord extends PilotInfo {
  sheetId: string;
  /** Bytes of the list's customer cells as JSON (a comparison reads them back); absent for pilots picked before it was kept. */
  listBytes?: number;
  /** The snapshot's tier basis and whether the tier is one of the add-in's (`keyLabel` names it); absent likewise. */
  tierBy?: TierBy;
  builtIn?: boolean;
}

export function isPilotList(value: unknown): value is PilotRecord[] {
  return (
    Array.isArray(value) &&
    value.every((p) => p !== null && typeof p === "object" && typeof (p as PilotRecord).id === "string" && typeof (p as PilotRecord).snapshotId === "string" && typeof (p as PilotRecord).sheet === "string")
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
    tiering: tieringKey(r),
    ...(r.backfilled ? { backfilled: true } : {}),
  };
}

/** A snapshot's tiering key; for one saved before keys were kept, a key only its basis's other old snapshots share. */
export function tieringKey(r: SnapshotRecord): string {
  return r.tiering ?? legacyTiering(r.tierBy);
}

/**
 * The add-in's bookkeeping as one sync reads it: the sheets, which of them the add-in owns, the snapshot
 * history's index and the pilots. Every job that reads these settings reads them through here, so the rule
 * "the history is the index's sheet while that sheet is there and the add-in's" is applied in one place.
 */
export interface BookState {
  sheets: SheetInfo[];
  owned: string[];
  /** The history's index as saved, even when its sheet is gone (a new history goes on from its counter). */
  savedHistory: History | null;
  /** The index while its sheet is there and owned, else null. */
  history: History | null;
  /** That sheet (name and id), when `history` is not null. */
  historySheet: SheetInfo | null;
  /**
   * Owned very hidden sheets that are not the history's: a history whose index could not be read (or was lost
   * when a run failed part-way). Excel cannot delete them (office-js #365) and they may hold snapshots, so they
   * are kept, set aside, and a run that starts a new history says so.
   */
  setAside: SheetInfo[];
  pilots: PilotRecord[];
  /** Who owns what by the markers (ownership.ts), for recording ownership with `recordOwned`. */
  ownership: Ownership;
}

/** Queues the loads of `BookState` on `context` (no sync); the returned function reads them after the caller's sync. */
export function loadBookState(context: Excel.RequestContext): () => BookState {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name,items/id,items/visibility");
  const owned = wb.settings.getItemOrNullObject(OWNED_KEY).load("value");
  const marked = wb.settings.getItemOrNullObject(MARKS_KEY).load("value");
  const marks = loadMarks(context);
  // The records that hold sheet ids (the history's index and the pilots among them), renewed after a reopen.
  const records = RECORD_KEYS.map((key) => [key, wb.settings.getItemOrNullObject(key).load("value")] as const);
  return () => {
    const sheetInfo = sheets.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility as SheetInfo["visibility"] }));
    const recorded = owned.isNullObject || !Array.isArray(owned.value) ? [] : (owned.value as unknown[]).filter((id): id is string => typeof id === "string");
    const ownership = resolveOwnership(sheetInfo, recorded, marks(), !marked.isNullObject);
    const values = new Map(records.filter(([, item]) => !item.isNullObject).map(([key, item]) => [key, item.value as unknown]));
    // After a reopen the records are rewritten with the new ids in the caller's next sync; read renewed from now on.
    queueRenewal(context, ownership, values);
    const value = (key: (typeof RECORD_KEYS)[number]) => renewIds(values.get(key) ?? null, ownership.renewed);
    const ownedIds = ownership.owned;
    const history = value(HISTORY_KEY);
    const pilots = value(PILOTS_KEY);
    const savedHistory = isHistory(history) ? history : null;
    const historySheet = savedHistory && ownedIds.includes(savedHistory.sheetId) ? (sheetInfo.find((s) => s.id === savedHistory.sheetId) ?? null) : null;
    return {
      sheets: sheetInfo,
      owned: ownedIds,
      savedHistory,
      history: historySheet ? savedHistory : null,
      historySheet,
      setAside: sheetInfo.filter((s) => s.visibility === "VeryHidden" && ownedIds.includes(s.id) && s.id !== historySheet?.id),
      pilots: isPilotList(pilots) ? pilots : [],
      ownership,
    };
  };
}
