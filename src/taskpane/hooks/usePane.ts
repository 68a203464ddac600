/**
 * The pane's state and what its buttons do, against a `WorkbookPort` (Office.js in Excel, the stand-in in the
 * preview and tests). Components only render what this returns.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type {
  CellRef,
  ChartKind,
  ChartReport,
  Progress,
  RunReport,
  SourcePreview,
  SourceRef,
  TableInfo,
  WorkbookPort,
} from "../../excel/port";
import { messages, type Locale } from "../../i18n";
import { DEFAULT_FORM, formFromSettings, settingsFromForm, type PaneForm } from "../form";
import type { FormProblem } from "../form/problems";
import { carryMapping, mappingFor } from "../mapping";
import { selectionProblem } from "../selection";
import { sentence, useJob, type Job } from "./useJob";

/** The run's own ends beside a job's: the form could not be used (the port was not asked), or the person cancelled. */
type RunEnd = { kind: "invalid"; problems: FormProblem[] } | { kind: "cancelled" };

export type RunState = Job<RunReport, Progress> | RunEnd;

export type ChartState = Job<ChartReport>;

export interface PaneState {
  form: PaneForm;
  preview: SourcePreview | null;
  tables: TableInfo[];
  /** A sentence from the port when reading the data's header failed. */
  dataError: string | null;
  /** Settings came from the workbook. */
  restored: boolean;
  run: RunState;
  chart: ChartState;
  chartKind: ChartKind;
}

export interface PaneActions {
  update(patch: Partial<PaneForm>): void;
  takeSelection(): Promise<void>;
  chooseTable(name: string): Promise<void>;
  setHasHeader(hasHeader: boolean): Promise<void>;
  refreshTables(): Promise<void>;
  startRun(): Promise<void>;
  cancel(): void;
  setChartKind(kind: ChartKind): void;
  buildChart(): Promise<void>;
  selectCell(cell: CellRef): Promise<void>;
}

export function usePane(port: WorkbookPort | null, locale: Locale): PaneState & PaneActions {
  const [form, setForm] = useState<PaneForm>(DEFAULT_FORM);
  const [preview, setPreview] = useState<SourcePreview | null>(null);
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [dataError, setDataError] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const { state: run, set: setRun, start: startRunJob } = useJob<RunReport, Progress, RunEnd>();
  const { state: chart, start: startChartJob } = useJob<ChartReport>();
  const [chartKind, setChartKind] = useState<ChartKind>("column");
  const abort = useRef<AbortController | null>(null);
  // The latest form and locale for callbacks that outlive a render (a run that finishes later). Written after each
  // commit, not during render (https://react.dev/reference/react/useRef: a render React discards must not leave its
  // values behind); a layout effect runs before any event handler or later effect can read them.
  const formRef = useRef(form);
  const localeRef = useRef(locale);
  const previewRef = useRef(preview);
  useLayoutEffect(() => {
    formRef.current = form;
    localeRef.current = locale;
    previewRef.current = preview;
  }, [form, locale, preview]);

  // On start: the workbook's tables and its saved settings (reopening the workbook and pressing Run repeats them).
  useEffect(() => {
    if (!port) return;
    let live = true;
    void (async () => {
      const [tableList, saved] = await Promise.all([
        port.listTables(localeRef.current).catch((error: unknown) => {
          if (live) setDataError(sentence(error));
          return [] as TableInfo[];
        }),
        port.loadSettings(localeRef.current).catch((error: unknown) => {
          // Start from the defaults, but say so: the person expects last time's analysis.
          console.warn("Tiering: could not load the saved settings", error);
          if (live) setDataError(messages(localeRef.current).pane.settingsNotLoaded(sentence(error)));
          return null;
        }),
      ]);
      if (!live) return;
      setTables(tableList);
      if (!saved) return;
      const restoredForm = formFromSettings(saved);
      setForm(restoredForm);
      setRestored(true);
      if (!saved.source) return;
      try {
        const shown = await port.previewSource(saved.source, saved.hasHeader, localeRef.current);
        if (!live) return;
        setPreview(shown);
        setForm((current) => ({ ...current, mapping: mappingFor(saved.mapping, shown.header, shown.sample) }));
      } catch (error) {
        if (live) setDataError(sentence(error));
      }
    })();
    return () => {
      live = false;
    };
  }, [port]);

  const update = useCallback((patch: Partial<PaneForm>) => setForm((current) => ({ ...current, ...patch })), []);

  /**
   * Shows a new source: the mapping carries over when the new header has the mapped columns under the same names,
   * else it is guessed afresh (mapping.ts `carryMapping`); the checkbox shows what the port used (or detected).
   * `refuse` says why a source cannot be the data (an empty or one-cell selection): then it is not taken, and the
   * person is told now rather than at Run.
   */
  const show = useCallback(async (read: () => Promise<SourcePreview>, refuse?: (shown: SourcePreview) => string | null) => {
    setDataError(null);
    try {
      const shown = await read();
      const refused = refuse?.(shown) ?? null;
      if (refused) {
        setDataError(refused);
        return;
      }
      const before = previewRef.current;
      setPreview(shown);
      setForm((current) => ({
        ...current,
        source: shown.source,
        hasHeader: shown.hasHeader,
        mapping: carryMapping(before ? { header: before.header, mapping: current.mapping } : null, shown.header, shown.sample),
      }));
      setRun((current) => (current.kind === "invalid" ? { kind: "idle" } : current));
    } catch (error) {
      setDataError(sentence(error));
    }
  }, [setRun]);

  // A new source: the header row is detected ("auto"); the checkbox then shows the decision and can change it.
  const takeSelection = useCallback(async () => {
    if (!port) return;
    await show(() => port.previewSelection("auto", localeRef.current), (shown) => selectionProblem(shown, messages(localeRef.current)));
  }, [port, show]);

  const chooseTable = useCallback(
    async (name: string) => {
      if (!port) return;
      const source: SourceRef = { kind: "table", name };
      await show(() => port.previewSource(source, "auto", localeRef.current));
    },
    [port, show],
  );

  const setHasHeader = useCallback(
    async (hasHeader: boolean) => {
      const source = formRef.current.source;
      if (!port || !source) {
        setForm((current) => ({ ...current, hasHeader }));
        return;
      }
      await show(() => port.previewSource(source, hasHeader, localeRef.current));
    },
    [port, show],
  );

  const refreshTables = useCallback(async () => {
    if (!port) return;
    try {
      setTables(await port.listTables(localeRef.current));
    } catch (error) {
      setDataError(sentence(error));
    }
  }, [port]);

  const runAnalysis = useCallback(async () => {
    if (!port) return;
    const result = settingsFromForm(formRef.current, preview?.header.length ?? 0);
    if (!result.ok) {
      setRun({ kind: "invalid", problems: result.problems });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    try {
      const report = await startRunJob(
        (progress) =>
          port.run(result.settings, {
            locale: localeRef.current,
            signal: controller.signal,
            onProgress: (p) => {
              if (!controller.signal.aborted) progress(p);
            },
          }),
        () => (controller.signal.aborted ? { kind: "cancelled" } : null),
      );
      // No saveSettings here: the port's run saves the settings in its last sync, with the results.
      if (report) setRestored(false);
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }, [port, preview, setRun, startRunJob]);

  const cancel = useCallback(() => abort.current?.abort(), []);

  const buildChart = useCallback(async () => {
    if (!port) return;
    const kind = chartKind;
    await startChartJob(() => port.buildChart(kind, localeRef.current));
  }, [port, chartKind, startChartJob]);

  const selectCell = useCallback(
    async (cell: CellRef) => {
      if (!port) return;
      try {
        await port.selectCell(cell, localeRef.current);
      } catch (error) {
        setDataError(sentence(error));
      }
    },
    [port],
  );

  return {
    form,
    preview,
    tables,
    dataError,
    restored,
    run,
    chart,
    chartKind,
    update,
    takeSelection,
    chooseTable,
    setHasHeader,
    refreshTables,
    startRun: runAnalysis,
    cancel,
    setChartKind,
    buildChart,
    selectCell,
  };
}
