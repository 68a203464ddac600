/**
 * The pane's form: what the person has typed (text, as typed) and how it becomes `AnalysisSettings`. Each section
 * (rfm, abc, clv, predict, score) has the same shape — a draft, its defaults, `fromSettings`, `toSettings` — and
 * this module composes them with what belongs to the form as a whole: the source and mapping, the analysis date,
 * what the summary is by, and the one check of the whole (the core's). The form stays one flat object, so a
 * component updates a field without knowing its section. Pure: problems are data, worded by `describeFormProblem` in the person's language.
 */
import type { AnalysisSettings, ColumnMapping, LevelsSettings, SourceRef } from "../../excel/port";
import { analysisProblems } from "../../core/analysis/problems";
import { isoDateSerial } from "../../core/cells/dates";
import { windowProblems } from "../../core/transactions/window";
import { mappedRoles, mappingProblems } from "../../core/analysis/roles";
import type { AnalysisOptions } from "../../core/analysis/types";
import { EMPTY_MAPPING } from "../mapping";
import { ABC_DEFAULTS, abcFromSettings, abcToSettings, type AbcDraft } from "./abc";
import { CLV_DEFAULTS, clvFromSettings, clvToSettings, type ClvDraft } from "./clv";
import { formProblemsOf, inFormOrder } from "./core-problems";
import { PREDICT_DRAFT_DEFAULTS, predictFromSettings, predictToSettings, type PredictDraft } from "./predict";
import type { FormProblem } from "./problems";
import { RFM_DEFAULTS, rfmFromSettings, rfmToSettings, type RfmDraft } from "./rfm";
import { SCORE_DEFAULTS, scoreFromSettings, scoreToSettings, type ScoreDraft } from "./score";
import type { Parsed, Read } from "./shared";
import { ECONOMICS_DEFAULTS, economicsFromSettings, economicsToSettings, type EconomicsDraft } from "./economics";

export interface PaneForm extends RfmDraft, AbcDraft, ClvDraft, PredictDraft, ScoreDraft, EconomicsDraft {
  source: SourceRef | null;
  hasHeader: boolean;
  mapping: ColumnMapping;
  /** ISO date, or "" for the latest purchase in the data. */
  asOf: string;
  /** Months of the frequency and monetary window, as typed; "" for all history. */
  windowMonths: string;
  dayOrder: "mdy" | "dmy";
  summaryBy: AnalysisSettings["summaryBy"];
  /** The playbook texts the person edited, by tier key (see `playbook.ts`); the others follow the language's defaults. */
  strategies: Record<string, string>;
  /** The membership level policy last used (issue 15 §1, the Levels section's), carried so a run's saved settings keep it. */
  levelPolicy: LevelsSettings | null;
}

export const DEFAULT_FORM: PaneForm = {
  source: null,
  hasHeader: true,
  mapping: EMPTY_MAPPING,
  asOf: "",
  windowMonths: "",
  dayOrder: "mdy",
  ...RFM_DEFAULTS,
  ...ABC_DEFAULTS,
  ...CLV_DEFAULTS,
  ...PREDICT_DRAFT_DEFAULTS,
  ...SCORE_DEFAULTS,
  ...ECONOMICS_DEFAULTS,
  summaryBy: "segment",
  strategies: {},
  levelPolicy: null,
};

/** The form that shows saved settings. */
export function formFromSettings(settings: AnalysisSettings): PaneForm {
  return {
    source: settings.source,
    hasHeader: settings.hasHeader,
    mapping: { ...EMPTY_MAPPING, ...settings.mapping },
    asOf: settings.asOf ?? "",
    windowMonths: settings.windowMonths ? String(settings.windowMonths) : "",
    dayOrder: settings.dayOrder ?? "mdy",
    ...rfmFromSettings(settings.rfm),
    ...abcFromSettings(settings.abc),
    ...clvFromSettings(settings.clv),
    // Settings saved before Predict existed have no `predict`: off.
    ...predictFromSettings(settings.predict ?? null),
    // Settings saved before the score existed have no `score`: off.
    ...scoreFromSettings(settings.score ?? null),
    ...economicsFromSettings(settings.economics),
    summaryBy: settings.summaryBy,
    strategies: { ...settings.strategies },
    levelPolicy: settings.levelPolicy ?? null,
  };
}

export type FormResult = Parsed<AnalysisSettings, FormProblem>;

/**
 * The settings for a run, or every problem in the form; `columns` is the width of the previewed source. The form
 * reads the text (sections) and asks the core's one check of the settings (`analysisProblems`) and of the mapping
 * (`mappingProblems`), wording what they find in the form's terms (core-problems.ts).
 */
export function settingsFromForm(form: PaneForm, columns: number): FormResult {
  const problems: FormProblem[] = [];
  if (!form.source) problems.push({ kind: "noSource" });
  else for (const problem of mappingProblems(form.mapping, columns)) problems.push({ kind: "mapping", problem });
  const asOf = form.asOf.trim();
  if (asOf !== "" && Number.isNaN(isoDateSerial(asOf))) problems.push({ kind: "asOf", value: asOf });
  // The window: whole months as the core checks them (windowProblems); a bad one is the form's problem, not sent on.
  const windowText = form.windowMonths.trim();
  const windowValue = windowText === "" ? null : /^\d+$/.test(windowText) ? Number(windowText) : NaN;
  const windowOk = windowValue === null || windowProblems(windowValue).length === 0;
  if (!windowOk) problems.push({ kind: "window", value: form.windowMonths });
  const windowMonths = windowOk ? windowValue : null;

  const section = <S>(read: Read<S, FormProblem>): S => {
    problems.push(...read.problems);
    return read.settings;
  };
  const rfm = section(rfmToSettings(form));
  const abc = section(abcToSettings(form));
  const clv = section(clvToSettings(form));
  const predict = section(predictToSettings(form));
  const score = section(scoreToSettings(form, form));
  const economics = section(economicsToSettings(form, form.mapping.margin >= 0, windowMonths !== null));
  const options: AnalysisOptions = { rfm, abc, clv, predict, score, windowMonths, tierBy: form.summaryBy };
  problems.push(...formProblemsOf(analysisProblems(options, mappedRoles(form.mapping)), form));

  if (problems.length > 0) return { ok: false, problems: inFormOrder(problems) };
  return {
    ok: true,
    settings: {
      source: form.source,
      hasHeader: form.hasHeader,
      mapping: { ...form.mapping },
      asOf: asOf === "" ? null : asOf,
      ...(windowMonths !== null ? { windowMonths } : {}),
      dayOrder: form.dayOrder,
      rfm,
      abc,
      clv,
      predict,
      score,
      summaryBy: form.summaryBy,
      strategies: { ...form.strategies },
      ...(form.levelPolicy ? { levelPolicy: form.levelPolicy } : {}),
      ...(economics ? { economics } : {}),
    },
  };
}
