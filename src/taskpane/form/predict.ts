/**
 * The Predict CLV & churn section of the form: the model's time unit, the horizon and the lifecycle and churn
 * limits as typed. The defaults are the core's (`PREDICT_DEFAULTS`), shown as text; only the text is read here, the
 * limits are the core's (`analysisProblems`: the horizon in whole months up to MAX_CLV_MONTHS, the lifecycle
 * thresholds, the "can't lose" shares), asked by the form as a whole.
 */
import type { PredictSettings } from "../../excel/port";
import { PREDICT_DEFAULTS } from "../../core/analysis/predictions";
import { NEXT_PURCHASE_MONTHS } from "../../core/analysis/predict-extras";

/** The rate shown when a person picks "one rate" (percent): the simple CLV's default margin. */
const PREDICT_MARGIN_DEFAULT = "30";
import { parseNumber, percent, shown, type Read } from "./shared";

export type PredictField = "horizonMonths" | "monthlyDiscount" | "newDays" | "activeMultiple" | "silentMultiple" | "churnCapDays" | "cantLoseShare" | "cantLoseRisk";

export interface PredictDraft extends Record<PredictField, string> {
  predictOn: boolean;
  unit: PredictSettings["unit"];
  /** The purchase-count model: BG/NBD or Pareto/NBD (issue 13 §5). */
  model: NonNullable<PredictSettings["model"]>;
  horizonMonths: string;
  /** Percentages, as shown: 1 means 0.01 a month; 20 means the top 20 %. */
  monthlyDiscount: string;
  newDays: string;
  activeMultiple: string;
  silentMultiple: string;
  /** "" for no cap. */
  churnCapDays: string;
  cantLoseShare: string;
  cantLoseRisk: string;
  marginSource: MarginSource;
  /** The margin rate as a percentage, as shown (used when `marginSource` is "rate"). */
  predictMargin: string;
  /** The next-purchase window in months. */
  withinMonths: string;
}

export type PredictProblem = { kind: "predict"; field: PredictField; value: string } | { kind: "predictMargin"; field: "predictMargin" | "withinMonths"; value: string };

/** Where the predicted CLV's margin comes from: none, one rate, or the mapped Margin column (issue 13 §4). */
export type MarginSource = "none" | "rate" | "column";

/** The Predict fields showing `predict`; settings saved before Predict existed have none: off, with the core's defaults. */
export function predictFromSettings(predict: PredictSettings | null): PredictDraft {
  const p = predict ?? PREDICT_DEFAULTS;
  return {
    predictOn: Boolean(predict),
    unit: p.unit,
    model: p.model === "paretoNbd" ? "paretoNbd" : "bgnbd",
    horizonMonths: shown(p.horizonMonths),
    monthlyDiscount: percent(p.monthlyDiscount),
    newDays: shown(p.newDays),
    activeMultiple: shown(p.activeMultiple),
    silentMultiple: shown(p.silentMultiple),
    churnCapDays: p.churnCapDays === null ? "" : shown(p.churnCapDays),
    cantLoseShare: percent(p.cantLoseShare),
    cantLoseRisk: percent(p.cantLoseRisk),
    marginSource: p.margin === "column" ? "column" : typeof p.margin === "number" ? "rate" : "none",
    predictMargin: typeof p.margin === "number" ? percent(p.margin) : PREDICT_MARGIN_DEFAULT,
    withinMonths: shown(p.withinMonths ?? NEXT_PURCHASE_MONTHS),
  };
}

export const PREDICT_DRAFT_DEFAULTS: PredictDraft = predictFromSettings(null);

/** The Predict settings (null when off) as read, and each field that is not a number. */
export function predictToSettings(form: PredictDraft): Read<PredictSettings | null, PredictProblem> {
  const problems: PredictProblem[] = [];
  if (!form.predictOn) return { settings: null, problems };
  const read = (field: PredictField) => {
    const value = parseNumber(form[field]);
    if (Number.isNaN(value)) problems.push({ kind: "predict", field, value: form[field] });
    return value;
  };
  const horizonMonths = read("horizonMonths");
  const monthlyDiscount = read("monthlyDiscount") / 100;
  const newDays = read("newDays");
  const activeMultiple = read("activeMultiple");
  const silentMultiple = read("silentMultiple");
  const churnCapDays = form.churnCapDays.trim() === "" ? null : read("churnCapDays");
  const cantLoseShare = read("cantLoseShare") / 100;
  const cantLoseRisk = read("cantLoseRisk") / 100;
  // Margin and the next-purchase window (issue 13): read as typed; their bounds are the core's.
  let margin: number | "column" | undefined;
  if (form.marginSource === "column") margin = "column";
  else if (form.marginSource === "rate") {
    margin = parseNumber(form.predictMargin) / 100;
    if (Number.isNaN(margin)) problems.push({ kind: "predictMargin", field: "predictMargin", value: form.predictMargin });
  }
  const withinMonths = parseNumber(form.withinMonths);
  if (Number.isNaN(withinMonths)) problems.push({ kind: "predictMargin", field: "withinMonths", value: form.withinMonths });
  // BG/NBD is the default and is left implicit, so settings keep the shape they had before the choice existed; so
  // is no margin, and the default window.
  const extras = {
    ...(margin === undefined ? {} : { margin }),
    ...(withinMonths === NEXT_PURCHASE_MONTHS ? {} : { withinMonths }),
  };
  return {
    settings: { unit: form.unit, ...(form.model === "paretoNbd" ? { model: form.model } : {}), horizonMonths, monthlyDiscount, newDays, activeMultiple, silentMultiple, churnCapDays, cantLoseShare, cantLoseRisk, ...extras },
    problems,
  };
}
