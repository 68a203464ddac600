/**
 * Membership levels in the pane (issue 15 §1): the policy grid's draft, its problems as the person types (the core's
 * rule worded with the grid's labels, src/taskpane/levels.ts), the examples scaled to the data (`levelExamples`), and
 * the one job that writes the Levels, Level changes and Downgrade warnings sheets (`writeLevels`). The data, mapping
 * and analysis date are the pane's form (the settings Run would use, `settings()`). The policy the person last used
 * comes back from the saved settings (`saved`) and is handed to the form (`onPolicy`), so a Run, which saves the
 * settings, keeps it.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { LevelExamples, LevelsReport, LevelsSettings, WorkbookPort } from "../../excel/port";
import { messages, type Locale } from "../../i18n";
import type { EXAMPLE_LEVEL_NAMES } from "../../i18n/level-examples";
import type { LevelProblemText } from "../../i18n/level-problems";
import type { FormResult } from "../form";
import { defaultLevelsDraft, draftFromSettings, emptyLevelRow, exampleDraft, examplesWindowMonths, moveRow, policyFromDraft, type LevelRowDraft, type LevelsDraft } from "../levels";
import { useJob, type Job } from "./useJob";

/** Besides a job's states: the pane's form cannot be used yet. */
export type LevelsJobState = Job<LevelsReport> | { kind: "invalid" };

export interface LevelsState {
  draft: LevelsDraft;
  /** The grid's problems now (empty when the policy can be used). */
  problems: LevelProblemText[];
  levels: LevelsJobState;
  examples: Job<LevelExamples> | { kind: "invalid" };
  busy: boolean;
}

export interface LevelsActions {
  update(patch: Partial<Omit<LevelsDraft, "rows">>): void;
  setRow(index: number, row: LevelRowDraft): void;
  addRow(): void;
  removeRow(index: number): void;
  moveRow(index: number, by: -1 | 1): void;
  fillExamples(language: keyof typeof EXAMPLE_LEVEL_NAMES): Promise<void>;
  start(): Promise<void>;
}

export interface LevelsInputs {
  port: WorkbookPort | null;
  locale: Locale;
  settings(): FormResult;
  /** The policy saved with the settings (the form's), or null. */
  saved: LevelsSettings | null;
  onPolicy(policy: LevelsSettings): void;
}

export function useLevels({ port, locale, settings, saved, onPolicy }: LevelsInputs): LevelsState & LevelsActions {
  const [draft, setDraft] = useState<LevelsDraft>(() => (saved ? draftFromSettings(saved) : defaultLevelsDraft(locale)));
  // A policy that arrives later (the saved settings load after the first render) replaces an untouched grid: the state
  // adjusted while rendering (https://react.dev/reference/react/useState#storing-information-from-previous-renders).
  const [shownSaved, setShownSaved] = useState(saved);
  const [touched, setTouched] = useState(false);
  if (saved !== shownSaved) {
    setShownSaved(saved);
    if (saved && !touched) setDraft(draftFromSettings(saved));
  }
  const { state: levels, set, start: startJob } = useJob<LevelsReport, never, { kind: "invalid" }>();
  const { state: examples, set: setExamples, start: startExamples } = useJob<LevelExamples, never, { kind: "invalid" }>();
  const m = messages(locale);
  const checked = useMemo(() => policyFromDraft(draft, m), [draft, m]);
  const latest = useRef({ locale, draft, settings, onPolicy });
  useLayoutEffect(() => {
    latest.current = { locale, draft, settings, onPolicy };
  }, [locale, draft, settings, onPolicy]);

  const edit = useCallback(
    (change: (d: LevelsDraft) => LevelsDraft) => {
      setTouched(true);
      setDraft(change);
      set((current) => (current.kind === "invalid" ? { kind: "idle" } : current));
    },
    [set],
  );

  const start = useCallback(async () => {
    if (!port) return;
    const now = latest.current;
    const policy = policyFromDraft(now.draft, messages(now.locale));
    // The grid shows its problems as typed; the button does nothing more with a policy that cannot be used.
    if (!policy.ok) return;
    const form = now.settings();
    if (!form.ok) {
      set({ kind: "invalid" });
      return;
    }
    const report = await startJob(() => port.writeLevels(form.settings, { policy: policy.policy, asOf: null }, now.locale));
    if (report) now.onPolicy(policy.policy);
  }, [port, set, startJob]);

  const fillExamples = useCallback(
    async (language: keyof typeof EXAMPLE_LEVEL_NAMES) => {
      if (!port) return;
      const now = latest.current;
      const policy = now.draft;
      const windowMonths = examplesWindowMonths(policy);
      const form = now.settings();
      if (!form.ok) {
        setExamples({ kind: "invalid" });
        return;
      }
      const found = await startExamples(() => port.levelExamples(form.settings, { metric: policy.metric, windowMonths }, now.locale));
      if (found && found.customers > 0) edit((d) => exampleDraft(d, found.quantiles, language));
    },
    [port, edit, setExamples, startExamples],
  );

  return {
    draft,
    problems: checked.ok ? [] : checked.problems,
    levels,
    examples,
    busy: levels.kind === "busy" || examples.kind === "busy",
    update: (patch) => edit((d) => ({ ...d, ...patch })),
    setRow: (index, row) => edit((d) => ({ ...d, rows: d.rows.map((r, i) => (i === index ? row : r)) })),
    addRow: () => edit((d) => ({ ...d, rows: [...d.rows, emptyLevelRow()] })),
    removeRow: (index) => edit((d) => ({ ...d, rows: d.rows.filter((_, i) => i !== index) })),
    moveRow: (index, by) => edit((d) => ({ ...d, rows: moveRow(d.rows, index, by) })),
    fillExamples,
    start,
  };
}
