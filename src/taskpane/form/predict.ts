/**
 * The Predict CLV & churn section of the form: the model's time unit, the horizon and the lifecycle and churn
 * limits as typed. The defaults are the core's (`PREDICT_DEFAULTS`), shown as text.
 */
import type { PredictSettings } from "../../excel/port";
import { PREDICT_DEFAULTS } from "../../core/analysis/predictions";
import { MAX_CLV_MONTHS } from "../../core/models/predict";
import { parsed, parseNumber, percent, shown, type Parsed } from "./shared";

export type PredictField = "horizonMonths" | "monthlyDiscount" | "newDays" | "activeMultiple" | "silentMultiple" | "churnCapDays" | "cantLoseShare" | "cantLoseRisk";

export interface PredictDraft extends Record<PredictField, string> {
  predictOn: boolean;
  unit: PredictSettings["unit"];
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
}

export type PredictProblem = { kind: "predict"; field: PredictField; value: string };

/** The Predict fields showing `predict`; settings saved before Predict existed have none: off, with the core's defaults. */
export function predictFromSettings(predict: PredictSettings | null): PredictDraft {
  const p = predict ?? PREDICT_DEFAULTS;
  return {
    predictOn: Boolean(predict),
    unit: p.unit,
    horizonMonths: shown(p.horizonMonths),
    monthlyDiscount: percent(p.monthlyDiscount),
    newDays: shown(p.newDays),
    activeMultiple: shown(p.activeMultiple),
    silentMultiple: shown(p.silentMultiple),
    churnCapDays: p.churnCapDays === null ? "" : shown(p.churnCapDays),
    cantLoseShare: percent(p.cantLoseShare),
    cantLoseRisk: percent(p.cantLoseRisk),
  };
}

export const PREDICT_DRAFT_DEFAULTS: PredictDraft = predictFromSettings(null);

/** The Predict settings (null when off), or every problem in the section. */
export function predictToSettings(form: PredictDraft): Parsed<PredictSettings | null, PredictProblem> {
  const problems: PredictProblem[] = [];
  if (!form.predictOn) return parsed(null, problems);
  const read = (field: PredictField, ok: (v: number) => boolean) => {
    const value = parseNumber(form[field]);
    if (!ok(value)) problems.push({ kind: "predict", field, value: form[field] });
    return value;
  };
  const horizonMonths = read("horizonMonths", (v) => Number.isInteger(v) && v >= 1 && v <= MAX_CLV_MONTHS);
  const monthlyDiscount = read("monthlyDiscount", (v) => v >= 0 && v < 100) / 100;
  const newDays = read("newDays", (v) => v >= 0 && Number.isFinite(v));
  const activeMultiple = read("activeMultiple", (v) => v > 0 && Number.isFinite(v));
  const silentMultiple = read("silentMultiple", (v) => Number.isFinite(v) && v >= activeMultiple && v > 0);
  const churnCapDays = form.churnCapDays.trim() === "" ? null : read("churnCapDays", (v) => v > 0 && Number.isFinite(v));
  const cantLoseShare = read("cantLoseShare", (v) => v > 0 && v <= 100) / 100;
  const cantLoseRisk = read("cantLoseRisk", (v) => v >= 0 && v <= 100) / 100;
  return parsed({ unit: form.unit, horizonMonths, monthlyDiscount, newDays, activeMultiple, silentMultiple, churnCapDays, cantLoseShare, cantLoseRisk }, problems);
}
