/**
 * Over time: the state of "Rebuild history" (its form, progress and Cancel), the Movers sheet and its
 * "was A, now C" filter, the Tier trends and the Cohorts sheets, and what their buttons ask of the
 * `WorkbookPort`. The analysis settings come from the pane's form (`settings()`), so a rebuild tiers every
 * month exactly as Run would; the snapshot list is the Compare section's (`useDynamic`), read again after a
 * rebuild through `onHistoryChanged`.
 */
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type {
  AnalysisSettings,
  CohortRequest,
  CohortsReport,
  HistoryProgress,
  HistoryReport,
  MoversReport,
  SnapshotInfo,
  TrendsReport,
  WorkbookPort,
} from "../../excel/port";
import type { Locale } from "../../i18n";
import type { FormResult } from "../form";
import { historyRequest, type RebuildDraft, type RebuildProblem, DEFAULT_REBUILD } from "../over-time";
import { defaultPair } from "../dynamic";
import { useJob, type Job } from "./useJob";

/** The rebuild's own ends beside a job's: the form could not be used, or the person cancelled. */
type RebuildEnd = { kind: "invalid"; problems: RebuildProblem[]; form: boolean } | { kind: "cancelled" };
export type RebuildState = Job<HistoryReport, HistoryProgress> | RebuildEnd;

/** The filter as chosen: a tier label, "" for none (new or gone), null for any. */
export interface MoversFilter {
  was: string | null;
  now: string | null;
}

export interface OverTimeState {
  draft: RebuildDraft;
  rebuild: RebuildState;
  moversBefore: string | null;
  moversAfter: string | null;
  movers: Job<MoversReport>;
  filter: MoversFilter;
  filtering: Job<MoversFilter>;
  trends: Job<TrendsReport>;
  cohortRequest: CohortRequest;
  /** "invalid": the pane's form cannot be used yet (no data chosen, or a problem Run would show). */
  cohorts: Job<CohortsReport> | { kind: "invalid" };
  /** Something here is under way: the rest of the pane waits. */
  busy: boolean;
}

export interface OverTimeActions {
  updateDraft(patch: Partial<RebuildDraft>): void;
  startRebuild(): Promise<void>;
  cancelRebuild(): void;
  setMoversBefore(id: string): void;
  setMoversAfter(id: string): void;
  writeMovers(): Promise<void>;
  setFilter(filter: MoversFilter): void;
  applyFilter(filter: MoversFilter): Promise<void>;
  writeTrends(): Promise<void>;
  setCohortRequest(patch: Partial<CohortRequest>): void;
  writeCohorts(): Promise<void>;
}

export interface OverTimeInputs {
  port: WorkbookPort | null;
  locale: Locale;
  /** The pane's form as settings (or its problems). */
  settings(): FormResult;
  /** The Compare section's snapshot list (oldest first), null until read. */
  snapshots: SnapshotInfo[] | null;
  /** The history changed (a rebuild saved snapshots): read the list again. */
  onHistoryChanged(): Promise<void>;
}

export function useOverTime({ port, locale, settings, snapshots, onHistoryChanged }: OverTimeInputs): OverTimeState & OverTimeActions {
  const [draft, setDraft] = useState<RebuildDraft>(DEFAULT_REBUILD);
  const { state: rebuild, set: setRebuild, start: startRebuildJob } = useJob<HistoryReport, HistoryProgress, RebuildEnd>();
  const [chosenBefore, setMoversBefore] = useState<string | null>(null);
  const [chosenAfter, setMoversAfter] = useState<string | null>(null);
  const { state: movers, start: startMovers } = useJob<MoversReport>();
  const [filter, setFilter] = useState<MoversFilter>({ was: null, now: null });
  const { state: filtering, start: startFilter } = useJob<MoversFilter>();
  const { state: trends, start: startTrends } = useJob<TrendsReport>();
  const [cohortRequest, setCohort] = useState<CohortRequest>({ by: "month", measure: "customers" });
  const { state: cohorts, set: setCohorts, start: startCohorts } = useJob<CohortsReport, never, { kind: "invalid" }>();
  const abort = useRef<AbortController | null>(null);

  // The pair shown: the person's choice while it is in the list, else the latest two tiered alike (as Compare).
  const ids = new Set((snapshots ?? []).map((s) => s.id));
  const pair = defaultPair(snapshots ?? []);
  const moversBefore = chosenBefore && ids.has(chosenBefore) ? chosenBefore : pair.before;
  const moversAfter = chosenAfter && ids.has(chosenAfter) ? chosenAfter : pair.after;

  // The latest values for callbacks that finish later, written after each commit (https://react.dev/reference/react/useRef).
  const latest = useRef({ locale, draft, settings, moversBefore, moversAfter, cohortRequest, onHistoryChanged });
  useLayoutEffect(() => {
    latest.current = { locale, draft, settings, moversBefore, moversAfter, cohortRequest, onHistoryChanged };
  }, [locale, draft, settings, moversBefore, moversAfter, cohortRequest, onHistoryChanged]);

  const updateDraft = useCallback(
    (patch: Partial<RebuildDraft>) => {
      setDraft((d) => ({ ...d, ...patch }));
      setRebuild((current) => (current.kind === "invalid" ? { kind: "idle" } : current));
    },
    [setRebuild],
  );

  /** The pane's settings, or null after showing why they cannot be used. */
  const currentSettings = useCallback((): AnalysisSettings | null => {
    const result = latest.current.settings();
    if (!result.ok) {
      setRebuild({ kind: "invalid", problems: [], form: true });
      return null;
    }
    return result.settings;
  }, [setRebuild]);

  const startRebuild = useCallback(async () => {
    if (!port) return;
    const request = historyRequest(latest.current.draft);
    if (!request.ok) {
      setRebuild({ kind: "invalid", problems: request.problems, form: false });
      return;
    }
    const given = currentSettings();
    if (!given) return;
    const controller = new AbortController();
    abort.current = controller;
    try {
      const report = await startRebuildJob(
        (progress) =>
          port.rebuildHistory(given, request.request, {
            locale: latest.current.locale,
            signal: controller.signal,
            onProgress: (p) => {
              if (!controller.signal.aborted) progress(p);
            },
          }),
        () => (controller.signal.aborted ? { kind: "cancelled" } : null),
      );
      if (report) await latest.current.onHistoryChanged();
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }, [port, currentSettings, setRebuild, startRebuildJob]);

  const cancelRebuild = useCallback(() => abort.current?.abort(), []);

  const writeMovers = useCallback(async () => {
    const { moversBefore: b, moversAfter: a } = latest.current;
    if (!port || !b || !a) return;
    // With the Predict section on (and the form usable), P(alive) and CLV as of the later snapshot join the sheet.
    const form = latest.current.settings();
    const withPredict = form.ok && form.settings.predict ? form.settings : null;
    const report = await startMovers(() => (withPredict ? port.writeMovers(b, a, latest.current.locale, withPredict) : port.writeMovers(b, a, latest.current.locale)));
    if (report) setFilter({ was: null, now: null });
  }, [port, startMovers]);

  const applyFilter = useCallback(
    async (next: MoversFilter) => {
      if (!port) return;
      setFilter(next);
      await startFilter(async () => {
        await port.filterMovers(next.was, next.now, latest.current.locale);
        return next;
      });
    },
    [port, startFilter],
  );

  const writeTrends = useCallback(async () => {
    if (!port) return;
    await startTrends(() => port.writeTrends(latest.current.locale));
  }, [port, startTrends]);

  const writeCohorts = useCallback(async () => {
    if (!port) return;
    // The form's one check (the port repeats it): cohorts read the same data, mapping and analysis date as Run.
    const result = latest.current.settings();
    if (!result.ok) {
      setCohorts({ kind: "invalid" });
      return;
    }
    await startCohorts(() => port.writeCohorts(result.settings, latest.current.cohortRequest, latest.current.locale));
  }, [port, setCohorts, startCohorts]);

  const setCohortRequest = useCallback((patch: Partial<CohortRequest>) => setCohort((r) => ({ ...r, ...patch })), []);

  return {
    draft,
    rebuild,
    moversBefore,
    moversAfter,
    movers,
    filter,
    filtering,
    trends,
    cohortRequest,
    cohorts,
    busy: rebuild.kind === "busy" || movers.kind === "busy" || filtering.kind === "busy" || trends.kind === "busy" || cohorts.kind === "busy",
    updateDraft,
    startRebuild,
    cancelRebuild,
    setMoversBefore,
    setMoversAfter,
    writeMovers,
    setFilter,
    applyFilter,
    writeTrends,
    setCohortRequest,
    writeCohorts,
  };
}
