/**
 * The simple CLV section of the form: margin, retention and discount as percentages as shown, and the lifespan in
 * years. Only the text is read here; the bounds are the core's (`analysisProblems`: shares 0–1, discount below 1,
 * years ≥ 0), which replaced the pane's own 1–100 years when the two had drifted apart (issue 10).
 */
import type { ClvSettings } from "../../excel/port";
import { parseNumber, percent, shown, type Read } from "./shared";

export interface ClvDraft {
  clvOn: boolean;
  clvMargin: string;
  retention: string;
  discount: string;
  years: string;
}

export type ClvProblem = { kind: "percent"; field: "clvMargin" | "retention" | "discount" } | { kind: "years"; value: string };

export const CLV_DEFAULTS: ClvDraft = { clvOn: true, clvMargin: "30", retention: "80", discount: "10", years: "3" };

/** The CLV fields showing saved settings (null: off, with the defaults ready). */
export function clvFromSettings(clv: ClvSettings | null): ClvDraft {
  return {
    clvOn: clv !== null,
    clvMargin: clv ? percent(clv.margin) : CLV_DEFAULTS.clvMargin,
    retention: clv ? percent(clv.retention) : CLV_DEFAULTS.retention,
    discount: clv ? percent(clv.discount) : CLV_DEFAULTS.discount,
    years: clv ? shown(clv.years) : CLV_DEFAULTS.years,
  };
}

/** The CLV settings (null when off) as read, and each field that is not a number. */
export function clvToSettings(form: ClvDraft): Read<ClvSettings | null, ClvProblem> {
  const problems: ClvProblem[] = [];
  if (!form.clvOn) return { settings: null, problems };
  const fraction = (field: "clvMargin" | "retention" | "discount") => {
    const value = parseNumber(form[field]) / 100;
    if (Number.isNaN(value)) problems.push({ kind: "percent", field });
    return value;
  };
  const margin = fraction("clvMargin");
  const retention = fraction("retention");
  const discount = fraction("discount");
  const years = parseNumber(form.years);
  if (Number.isNaN(years)) problems.push({ kind: "years", value: form.years });
  return { settings: { margin, retention, discount, years }, problems };
}
