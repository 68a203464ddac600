/**
 * The simple CLV section of the form: margin, retention and discount as percentages as shown, and the lifespan in
 * years. The pane's bounds here (1–100 years) are the ones issue 10 names as drifted from the core's; the core's
 * single check replaces them in the next wave.
 */
import type { ClvSettings } from "../../excel/port";
import { parsed, parseNumber, percent, shown, type Parsed } from "./shared";

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

/** The CLV settings (null when off), or every problem in the section. */
export function clvToSettings(form: ClvDraft): Parsed<ClvSettings | null, ClvProblem> {
  const problems: ClvProblem[] = [];
  if (!form.clvOn) return parsed(null, problems);
  const fraction = (field: "clvMargin" | "retention" | "discount", below1: boolean) => {
    const value = parseNumber(form[field]) / 100;
    if (!(value >= 0 && (below1 ? value < 1 : value <= 1))) problems.push({ kind: "percent", field });
    return value;
  };
  const margin = fraction("clvMargin", false);
  const retention = fraction("retention", false);
  const discount = fraction("discount", true);
  const years = parseNumber(form.years);
  if (!(years > 0 && years <= 100)) problems.push({ kind: "years", value: form.years });
  return parsed({ margin, retention, discount, years }, problems);
}
