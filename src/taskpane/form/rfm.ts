/**
 * The RFM section of the form: scores per dimension (bins or typed breakpoints) and the segment scheme, with the
 * custom rules as a grid of text. Its own module because the rules grid and the breakpoints are most of the form.
 */
import { binsProblems } from "../../core/tiers/rfm";
import type { SegmentRule } from "../../core/tiers/segments";
import type { RfmSettings } from "../../excel/port";
import type { Messages } from "../../i18n";
import { parseNumber, type Read } from "./shared";

/** The scheme as the pane offers it: a built-in one, or "custom" with the rules of the grid below it. */
export type SegmentSchemeChoice = "rfm" | "cn8" | "custom";

export type Dimension = "r" | "f" | "m";
export const DIMENSIONS: readonly Dimension[] = ["r", "f", "m"];

/** A custom rule as typed: a name and min/max scores per dimension. */
export interface RuleDraft {
  name: string;
  r: [string, string];
  f: [string, string];
  m: [string, string];
}

export interface RfmDraft {
  rfmOn: boolean;
  bins: string;
  breakpointsOn: boolean;
  /** Comma-separated upper bounds per dimension. */
  breakpoints: Record<Dimension, string>;
  scheme: SegmentSchemeChoice;
  rules: RuleDraft[];
}

export type RfmProblem =
  | { kind: "bins"; value: string }
  /** The core's breakpoints rule (ascending numbers); `expected` is what the pane asks for, one fewer than the bins. */
  | { kind: "breakpoints"; dimension: Dimension; expected: number }
  | { kind: "noRules" }
  | { kind: "rule"; row: number; what: "name" | "bound" | "range"; dimension?: Dimension };

export const RFM_DEFAULTS: RfmDraft = {
  rfmOn: true,
  bins: "5",
  breakpointsOn: false,
  breakpoints: { r: "", f: "", m: "" },
  scheme: "rfm",
  rules: [],
};

/** A starting grid for custom rules (5-level scores), named in the person's language; they edit from here. */
export function starterRules(m: Messages): RuleDraft[] {
  const rule = (name: string, r: [number, number], f: [number, number], mm: [number, number]): RuleDraft => ({
    name,
    r: [String(r[0]), String(r[1])],
    f: [String(f[0]), String(f[1])],
    m: [String(mm[0]), String(mm[1])],
  });
  return [
    rule(m.segments.champions, [4, 5], [4, 5], [4, 5]),
    rule(m.segments.loyalCustomers, [3, 5], [3, 5], [1, 5]),
    rule(m.segments.newCustomers, [4, 5], [1, 2], [1, 5]),
    rule(m.segments.atRisk, [1, 2], [3, 5], [3, 5]),
    rule(m.segments.lost, [1, 2], [1, 2], [1, 5]),
  ];
}

export const emptyRule = (): RuleDraft => ({ name: "", r: ["1", "5"], f: ["1", "5"], m: ["1", "5"] });

/**
 * A rule's range as the grid shows it. An open bound (±Infinity: a blank cell in a grid saved by an earlier version,
 * src/excel/settings.ts upgradeSettings) is shown as the end of the scale it stands for, 1 or the bins, which is
 * the same rule in numbers the grid can read back.
 */
function shownRange([low, high]: readonly [number, number], rfm: RfmSettings | null): [string, string] {
  const top = rfm ? rfm.bins : Number(RFM_DEFAULTS.bins);
  return [String(Number.isFinite(low) ? low : 1), String(Number.isFinite(high) ? high : top)];
}

/** The RFM fields showing saved settings (null: off, with the defaults ready); custom rules fill the grid. */
export function rfmFromSettings(rfm: RfmSettings | null): RfmDraft {
  const bp = rfm?.breakpoints;
  const rules = rfm && typeof rfm.scheme !== "string" ? rfm.scheme : [];
  return {
    rfmOn: rfm !== null,
    bins: rfm ? String(rfm.bins) : RFM_DEFAULTS.bins,
    breakpointsOn: Boolean(bp),
    breakpoints: bp
      ? { r: (bp.recency ?? []).join(", "), f: (bp.frequency ?? []).join(", "), m: (bp.monetary ?? []).join(", ") }
      : RFM_DEFAULTS.breakpoints,
    scheme: rfm ? (typeof rfm.scheme === "string" ? rfm.scheme : "custom") : "rfm",
    rules: rules.map((rule) => ({ name: rule.name, r: shownRange(rule.r, rfm), f: shownRange(rule.f, rfm), m: shownRange(rule.m, rfm) })),
  };
}

/** Breakpoints typed as "30, 90, 180" (commas, semicolons, spaces or the Chinese comma between them). */
export function parseBreakpoints(text: string): number[] {
  const parts = text.split(/[,;，；\s]+/).filter((part) => part !== "");
  return parts.map(parseNumber);
}

/**
 * The RFM settings (null when off) as read. The bins, the breakpoints and the custom rules are the core's to check
 * (text that is not a number is NaN, which its rules refuse); the grid adds only that a bound is within the score
 * levels it shows.
 */
export function rfmToSettings(form: RfmDraft): Read<RfmSettings | null, RfmProblem> {
  const problems: RfmProblem[] = [];
  if (!form.rfmOn) return { settings: null, problems };
  const bins = parseNumber(form.bins);
  // Rule bounds are checked against the scale only when the bins are usable (the core says when they are not).
  const binsOk = binsProblems(bins).length === 0;
  let breakpoints: RfmSettings["breakpoints"] = null;
  if (form.breakpointsOn) {
    const read = (dimension: Dimension) => parseBreakpoints(form.breakpoints[dimension]);
    breakpoints = { recency: read("r"), frequency: read("f"), monetary: read("m") };
  }
  const rules: SegmentRule[] = [];
  if (form.scheme === "custom") {
    form.rules.forEach((draft, index) => {
      const rule = { name: draft.name.trim(), r: [1, 1] as [number, number], f: [1, 1] as [number, number], m: [1, 1] as [number, number] };
      for (const dimension of DIMENSIONS) {
        const [low, high] = draft[dimension].map(parseNumber);
        // Whole scores are the core's rule; within the score levels is the grid's (a bound above them never matches).
        const outOfScale = (v: number) => Number.isInteger(v) && (v < 1 || (binsOk && v > bins));
        if (outOfScale(low) || outOfScale(high)) problems.push({ kind: "rule", row: index + 1, what: "bound", dimension });
        rule[dimension] = [low, high];
      }
      rules.push(rule);
    });
  }
  return { settings: { bins, breakpoints, scheme: form.scheme === "custom" ? rules : form.scheme }, problems };
}
