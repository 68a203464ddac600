/**
 * "Check the model" (issue 13 §2): the calibration and holdout ends as typed, and the one job that writes the
 * "Model check" sheet through the `WorkbookPort`. The data, mapping and analysis date are the pane's form (the
 * settings Run would use, `settings()`), the model and the unit the Predict section's, so the check judges the
 * model the person is about to trust. The dates are checked here as far as they can be without the data (a date
 * that is no date, a holdout end not after the calibration end), in the same sentences the port uses; the port
 * checks them against the data before it writes anything.
 */
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { isoDateSerial } from "../../core/cells/dates";
import type { CountModelName } from "../../core/models/count-model";
import type { TimeUnit } from "../../core/models/calibration";
import type { ModelCheckReport, ModelCheckRequest, WorkbookPort } from "../../excel/port";
import { messages, type Locale, type Messages } from "../../i18n";
import type { FormResult } from "../form";
import { useJob, type Job } from "./useJob";

export interface ModelCheckDraft {
  /** As typed (yyyy-mm-dd from the date field); "" for the default. */
  calibrationEnd: string;
  holdoutEnd: string;
}

/** Besides a job's states: the pane's form cannot be used yet (`form`), or the dates cannot (`problems`). */
export type ModelCheckState = Job<ModelCheckReport> | { kind: "invalid"; form: boolean; problems: string[] };

export interface ModelCheck {
  draft: ModelCheckDraft;
  check: ModelCheckState;
  busy: boolean;
  update(patch: Partial<ModelCheckDraft>): void;
  start(): Promise<void>;
}

export interface ModelCheckInputs {
  port: WorkbookPort | null;
  locale: Locale;
  settings(): FormResult;
  unit: TimeUnit;
  model: CountModelName;
}

/** The draft as the port's request, or the sentences saying why not (the pane's labels, the port's wording). */
export function checkRequest(draft: ModelCheckDraft, unit: TimeUnit, model: CountModelName, m: Messages): { ok: true; request: ModelCheckRequest } | { ok: false; problems: string[] } {
  const p = m.trust.pane;
  const problems: string[] = [];
  const read = (value: string, label: string): number | null => {
    const text = value.trim();
    if (text === "") return null;
    const serial = isoDateSerial(text);
    if (Number.isFinite(serial)) return serial;
    problems.push(m.trust.check.errors.badDate(label, value));
    return null;
  };
  const calibrationEnd = read(draft.calibrationEnd, p.calibrationEnd);
  const holdoutEnd = read(draft.holdoutEnd, p.holdoutEnd);
  if (calibrationEnd !== null && holdoutEnd !== null && holdoutEnd <= calibrationEnd) {
    problems.push(m.trust.check.errors.holdoutNotAfter(p.holdoutEnd, draft.holdoutEnd.trim(), p.calibrationEnd, draft.calibrationEnd.trim()));
  }
  if (problems.length > 0) return { ok: false, problems };
  const iso = (text: string) => (text.trim() === "" ? null : text.trim());
  return { ok: true, request: { calibrationEnd: iso(draft.calibrationEnd), holdoutEnd: iso(draft.holdoutEnd), unit, model } };
}

export function useModelCheck({ port, locale, settings, unit, model }: ModelCheckInputs): ModelCheck {
  const [draft, setDraft] = useState<ModelCheckDraft>({ calibrationEnd: "", holdoutEnd: "" });
  const { state: check, set, start: startJob } = useJob<ModelCheckReport, never, { kind: "invalid"; form: boolean; problems: string[] }>();
  // The latest values for the callback, written after each commit (https://react.dev/reference/react/useRef).
  const latest = useRef({ locale, draft, settings, unit, model });
  useLayoutEffect(() => {
    latest.current = { locale, draft, settings, unit, model };
  }, [locale, draft, settings, unit, model]);

  const update = useCallback(
    (patch: Partial<ModelCheckDraft>) => {
      setDraft((d) => ({ ...d, ...patch }));
      set((current) => (current.kind === "invalid" ? { kind: "idle" } : current));
    },
    [set],
  );

  const start = useCallback(async () => {
    if (!port) return;
    const now = latest.current;
    const request = checkRequest(now.draft, now.unit, now.model, messages(now.locale));
    if (!request.ok) {
      set({ kind: "invalid", form: false, problems: request.problems });
      return;
    }
    const form = now.settings();
    if (!form.ok) {
      set({ kind: "invalid", form: true, problems: [] });
      return;
    }
    await startJob(() => port.checkModel(form.settings, request.request, now.locale));
  }, [port, set, startJob]);

  return { draft, check, busy: check.kind === "busy", update, start };
}
