/**
 * Compare & pilot: the state of the snapshot list, the migration between two snapshots, the pilot form and the
 * pilot comparisons, and what their buttons do against the `WorkbookPort`. The list is read on start and again
 * after each run that saved a snapshot. Port errors are kept as the port's sentences, to be shown as they are.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { MigrationReport, PilotComparisonReport, PilotInfo, RunReport, SnapshotInfo, WorkbookPort } from "../../excel/port";
import type { Locale } from "../../i18n";
import { DEFAULT_PILOT, defaultMeasureSnapshot, defaultPair, pilotRequest, type PilotDraft, type PilotProblem } from "../dynamic";
import { sentence, useJob, type Job } from "./useJob";

/** The port's snapshot and pilot lists, or its sentence when they could not be read. */
type Lists = { list: SnapshotInfo[]; picked: PilotInfo[] } | { error: string };

/** The pilot form could not be used: the port was not asked. */
type PickInvalid = { kind: "invalid"; problems: PilotProblem[] };

export type PickState = Job<PilotInfo> | PickInvalid;

export interface DynamicState {
  /** Oldest first, as the port lists them; null until read. */
  snapshots: SnapshotInfo[] | null;
  pilots: PilotInfo[];
  /** The port's sentence when the list could not be read. */
  listError: string | null;
  before: string | null;
  after: string | null;
  migration: Job<MigrationReport>;
  pilotDraft: PilotDraft;
  pick: PickState;
  measurePilot: string | null;
  measureSnapshot: string | null;
  comparison: Job<PilotComparisonReport>;
  /** A comparison, a pick or a measurement is under way: the pane's Run and chart building wait for it. */
  busy: boolean;
}

export interface DynamicActions {
  setBefore(id: string): void;
  setAfter(id: string): void;
  compare(): Promise<void>;
  /** Changes the pilot form; another snapshot clears the tier and strategy (its tiers may differ). */
  updatePilot(patch: Partial<PilotDraft>): void;
  pickPilot(): Promise<void>;
  setMeasurePilot(id: string): void;
  setMeasureSnapshot(id: string): void;
  measure(): Promise<void>;
  /** Reads the snapshots and pilots again, pointing the choices at the newest (the history changed: a rebuild). */
  reload(): Promise<void>;
}

/**
 * `lastRun` is the pane's last run that worked (its state object, new for every run): a new one reads the list again
 * and, when it saved a snapshot, points the comparison at it.
 */
export function useDynamic(
  port: WorkbookPort | null,
  locale: Locale,
  lastRun: { report: RunReport } | null,
): DynamicState & DynamicActions {
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [pilots, setPilots] = useState<PilotInfo[]>([]);
  const [listError, setListError] = useState<string | null>(null);
  const [before, setBefore] = useState<string | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const { state: migration, start: startMigration } = useJob<MigrationReport>();
  const [pilotDraft, setPilotDraft] = useState<PilotDraft>(DEFAULT_PILOT);
  const { state: pick, set: setPick, start: startPick } = useJob<PilotInfo, never, PickInvalid>();
  const [measurePilot, setMeasurePilotId] = useState<string | null>(null);
  const [measureSnapshot, setMeasureSnapshot] = useState<string | null>(null);
  const { state: comparison, start: startComparison } = useJob<PilotComparisonReport>();
  // The latest values for callbacks that finish later, written after each commit, not during render
  // (https://react.dev/reference/react/useRef); a layout effect runs before any handler or later effect reads them.
  const localeRef = useRef(locale);
  const state = useRef({ snapshots, pilots, before, after, pilotDraft, measurePilot, measureSnapshot });
  useLayoutEffect(() => {
    localeRef.current = locale;
    state.current = { snapshots, pilots, before, after, pilotDraft, measurePilot, measureSnapshot };
  }, [locale, snapshots, pilots, before, after, pilotDraft, measurePilot, measureSnapshot]);

  /** Asks the port for the snapshots and pilots; a failure comes back as the port's sentence. */
  const readLists = useCallback(async (): Promise<Lists | null> => {
    if (!port) return null;
    try {
      const [list, picked] = await Promise.all([port.listSnapshots(localeRef.current), port.listPilots(localeRef.current)]);
      return { list, picked };
    } catch (error) {
      return { error: sentence(error) };
    }
  }, [port]);

  /**
   * Shows what `readLists` brought. Choices that still exist are kept; `fresh` (a new run's snapshot) points the
   * comparison at the two latest snapshots again and the pilot form at the newest snapshot.
   */
  const showLists = useCallback((lists: Lists, fresh: boolean) => {
    if ("error" in lists) {
      setListError(lists.error);
      setSnapshots((current) => current ?? []);
      return;
    }
    const { list, picked } = lists;
    setListError(null);
    setSnapshots(list);
    setPilots(picked);
    const ids = new Set(list.map((s) => s.id));
    const { before: b, after: a } = state.current;
    if (fresh || !(b && ids.has(b)) || !(a && ids.has(a))) {
      const pair = defaultPair(list);
      setBefore(pair.before);
      setAfter(pair.after);
    }
    const draftSnapshot = state.current.pilotDraft.snapshotId;
    if (fresh || !(draftSnapshot && ids.has(draftSnapshot))) {
      const newest = list.at(-1)?.id ?? null;
      if (newest !== draftSnapshot) setPilotDraft((d) => ({ ...d, snapshotId: newest, tier: null, strategy: "" }));
    }
    const chosenPilot = picked.find((p) => p.id === state.current.measurePilot) ?? picked.at(-1) ?? null;
    setMeasurePilotId(chosenPilot?.id ?? null);
    const measureId = state.current.measureSnapshot;
    if (fresh || !(measureId && ids.has(measureId))) setMeasureSnapshot(defaultMeasureSnapshot(list, chosenPilot?.asOf ?? null));
  }, []);

  // The lists are set in the port's answer's callback, never synchronously in the effects below that ask for them
  // (https://react.dev/learn/you-might-not-need-an-effect#fetching-data).
  const load = useCallback(
    (fresh: boolean) =>
      readLists().then((lists) => {
        if (lists) showLists(lists, fresh);
      }),
    [readLists, showLists],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  // Another language: the port names the pilots' tiers in the language asked for, so read the lists again.
  const listedIn = useRef(locale);
  useEffect(() => {
    if (listedIn.current === locale) return;
    listedIn.current = locale;
    void load(false);
  }, [locale, load]);

  // A run that worked saved a snapshot (or said why not): read the history again.
  const seenRun = useRef<{ report: RunReport } | null>(null);
  useEffect(() => {
    if (!lastRun || lastRun === seenRun.current) return;
    seenRun.current = lastRun;
    void load(lastRun.report.snapshot !== null);
  }, [lastRun, load]);

  const compare = useCallback(async () => {
    const { before: b, after: a } = state.current;
    if (!port || !b || !a) return;
    await startMigration(() => port.compareSnapshots(b, a, localeRef.current));
  }, [port, startMigration]);

  const updatePilot = useCallback((patch: Partial<PilotDraft>) => {
    setPilotDraft((draft) => {
      const next = { ...draft, ...patch };
      if (patch.snapshotId !== undefined && patch.snapshotId !== draft.snapshotId && patch.tier === undefined) {
        next.tier = null;
        next.strategy = "";
      }
      return next;
    });
    setPick((current) => (current.kind === "invalid" ? { kind: "idle" } : current));
  }, [setPick]);

  const pickPilot = useCallback(async () => {
    if (!port) return;
    const result = pilotRequest(state.current.pilotDraft);
    if (!result.ok) {
      setPick({ kind: "invalid", problems: result.problems });
      return;
    }
    const info = await startPick(() => port.pickPilot(result.request, localeRef.current));
    if (!info) return;
    const picked = await port.listPilots(localeRef.current).catch(() => [...state.current.pilots, info]);
    setPilots(picked.some((p) => p.id === info.id) ? picked : [...picked, info]);
    setMeasurePilotId(info.id);
    setMeasureSnapshot(defaultMeasureSnapshot(state.current.snapshots ?? [], info.asOf));
  }, [port, setPick, startPick]);

  const setMeasurePilot = useCallback((id: string) => {
    setMeasurePilotId(id);
    const pilot = state.current.pilots.find((p) => p.id === id);
    setMeasureSnapshot(defaultMeasureSnapshot(state.current.snapshots ?? [], pilot?.asOf ?? null));
  }, []);

  const measure = useCallback(async () => {
    const { measurePilot: pilot, measureSnapshot: snapshot } = state.current;
    if (!port || !pilot || !snapshot) return;
    await startComparison(() => port.comparePilot(pilot, snapshot, localeRef.current));
  }, [port, startComparison]);

  const reload = useCallback(() => load(true), [load]);

  return {
    snapshots,
    pilots,
    listError,
    before,
    after,
    migration,
    pilotDraft,
    pick,
    measurePilot,
    measureSnapshot,
    comparison,
    busy: migration.kind === "busy" || pick.kind === "busy" || comparison.kind === "busy",
    setBefore,
    setAfter,
    compare,
    updatePilot,
    pickPilot,
    setMeasurePilot,
    setMeasureSnapshot,
    measure,
    reload,
  };
}
