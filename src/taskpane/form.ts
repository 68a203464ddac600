/**
 * The pane's form: what the person has typed (text, as typed) and how it becomes `AnalysisSettings`.
 * Pure: problems are data, worded by `describeFormProblem` in the person's language.
 */
import type {
  AbcSettings,
  AnalysisSettings,
  ClvSettings,
  ColumnMapping,
  PredictSettings,
  RfmSettings,
  ScoreSettings,
  SegmentRuleRow,
  SegmentSchemeChoice,
  SourceRef,
} from "../excel/port";
import { PREDICT_DEFAULTS as DEFAULT_PREDICT } from "../core/analysis/predictions";
import { MAX_CLV_MONTHS } from "../core/models/predict";
import type { AbcMethod } from "../core/tiers/abc";
import { DEFAULT_BAND_SHARES, SCORE_METRICS, SCORE_TIER_KEYS, type ScoreDirection, type ScoreMethod, type ScoreMetric } from "../core/tiers/score";
import type { Messages } from "../i18n";
import { EMPTY_MAPPING, mappingProblems, type MappingProblem, type Role } from "./mapping";

export type Dimension = "r" | "f" | "m";
export const DIMENSIONS: readonly Dimension[] = ["r", "f", "m"];

/** A custom rule as typed: a name and min/max scores per dimension. */
export interface RuleDraft {
  name: string;
  r: [string, string];
  f: [string, string];
  m: [string, string];
}

/** One metric of the weighted score as typed: included or not, its weight (text), and which way is better. */
export interface ScoreMetricDraft {
  on: boolean;
  weight: string;
  direction: ScoreDirection;
}

/** The band limits the pane offers: one per band but the last (Diamond … Silver; Bronze is the rest). */
export const SCORE_BAND_INPUTS = SCORE_TIER_KEYS.length - 1;

export interface PaneForm {
  source: SourceRef | null;
  hasHeader: boolean;
  mapping: ColumnMapping;
  /** ISO date, or "" for the latest purchase in the data. */
  asOf: string;
  dayOrder: "mdy" | "dmy";
  rfmOn: boolean;
  bins: string;
  breakpointsOn: boolean;
  /** Comma-separated upper bounds per dimension. */
  breakpoints: Record<Dimension, string>;
  scheme: SegmentSchemeChoice;
  rules: RuleDraft[];
  abcOn: boolean;
  /** Percentages, as shown: 80 means 0.8. */
  aCut: string;
  bCut: string;
  basis: AbcSettings["basis"];
  /** Fixed cuts (aCut, bCut) or limits computed from the ABC curve. */
  abcMethod: AbcMethod;
  clvOn: boolean;
  clvMargin: string;
  retention: string;
  discount: string;
  years: string;
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
  /** The weighted score; on as well whenever the summary is by score bands. */
  scoreOn: boolean;
  scoreMetrics: Record<ScoreMetric, ScoreMetricDraft>;
  scoreMethod: ScoreMethod;
  bandKind: "shares" | "thresholds";
  /** Percentages of customers for Diamond … Silver, as shown (5 means 5 %); Bronze is the rest. */
  bandShares: string[];
  /** Minimum scores (0–100) for Diamond … Silver, descending; Bronze is below the last. */
  bandThresholds: string[];
  summaryBy: AnalysisSettings["summaryBy"];
  /** The playbook texts the person edited, by tier key (see `playbook.ts`); the others follow the language's defaults. */
  strategies: Record<string, string>;
}

export type PredictField = "horizonMonths" | "monthlyDiscount" | "newDays" | "activeMultiple" | "silentMultiple" | "churnCapDays" | "cantLoseShare" | "cantLoseRisk";

/** Numbers as a person reads them: no float noise (0.8 × 100 is 80, not 80.00000000000001). */
const shown = (value: number) => String(Number(value.toPrecision(12)));
const percent = (fraction: number) => shown(fraction * 100);

/** Recency, frequency and monetary, equally weighted; recency (days since the last purchase) is better lower. */
function defaultScoreMetrics(): Record<ScoreMetric, ScoreMetricDraft> {
  const drafts = {} as Record<ScoreMetric, ScoreMetricDraft>;
  for (const metric of SCORE_METRICS) {
    drafts[metric] = { on: metric === "recency" || metric === "frequency" || metric === "monetary", weight: "1", direction: metric === "recency" ? "lower" : "higher" };
  }
  return drafts;
}

const DEFAULT_BAND_THRESHOLDS = ["80", "60", "40", "20"];

export const DEFAULT_FORM: PaneForm = {
  source: null,
  hasHeader: true,
  mapping: EMPTY_MAPPING,
  asOf: "",
  dayOrder: "mdy",
  rfmOn: true,
  bins: "5",
  breakpointsOn: false,
  breakpoints: { r: "", f: "", m: "" },
  scheme: "rfm",
  rules: [],
  abcOn: true,
  aCut: "80",
  bCut: "95",
  basis: "revenue",
  abcMethod: "fixed",
  clvOn: true,
  clvMargin: "30",
  retention: "80",
  discount: "10",
  years: "3",
  predictOn: false,
  ...predictForm(DEFAULT_PREDICT),
  scoreOn: false,
  scoreMetrics: defaultScoreMetrics(),
  scoreMethod: "percentile",
  bandKind: "shares",
  bandShares: DEFAULT_BAND_SHARES.map(percent),
  bandThresholds: DEFAULT_BAND_THRESHOLDS,
  summaryBy: "segment",
  strategies: {},
};

/** Four band limits as text: the saved ones (padded with blanks, so a short list asks to be completed). */
const bandTexts = (values: readonly number[], show: (value: number) => string) =>
  Array.from({ length: SCORE_BAND_INPUTS }, (_, i) => (i < values.length ? show(values[i]) : ""));

/** The score fields of the form showing `score` (null: off, with the defaults ready). */
function scoreForm(score: ScoreSettings | null): Pick<PaneForm, "scoreOn" | "scoreMetrics" | "scoreMethod" | "bandKind" | "bandShares" | "bandThresholds"> {
  if (!score) {
    const { scoreOn, scoreMethod, bandKind, bandShares, bandThresholds } = DEFAULT_FORM;
    return { scoreOn, scoreMetrics: defaultScoreMetrics(), scoreMethod, bandKind, bandShares, bandThresholds };
  }
  const scoreMetrics = defaultScoreMetrics();
  for (const metric of SCORE_METRICS) scoreMetrics[metric] = { ...scoreMetrics[metric], on: false };
  for (const { metric, weight, direction } of score.metrics) scoreMetrics[metric] = { on: true, weight: shown(weight), direction };
  const { bands } = score;
  return {
    scoreOn: true,
    scoreMetrics,
    scoreMethod: score.method,
    bandKind: bands.kind,
    bandShares: bands.kind === "shares" ? bandTexts(bands.shares, percent) : DEFAULT_FORM.bandShares,
    bandThresholds: bands.kind === "thresholds" ? bandTexts(bands.thresholds, shown) : DEFAULT_FORM.bandThresholds,
  };
}

/** Whether the score is computed: switched on, or needed because the summary is by score bands. */
export const scoreInUse = (form: PaneForm) => form.scoreOn || form.summaryBy === "score";

/** What a score metric needs that the form does not have, or null when the data offers it. */
export function scoreMetricNeeds(metric: ScoreMetric, form: PaneForm): "clv" | "marginColumn" | "extraColumn" | "predict" | null {
  switch (metric) {
    case "clv":
      return form.clvOn ? null : "clv";
    case "margin":
      return form.mapping.margin >= 0 ? null : "marginColumn";
    case "extra":
      return form.mapping.extra >= 0 ? null : "extraColumn";
    case "predictedClv":
    case "pAlive":
      return form.predictOn ? null : "predict";
    default:
      return null;
  }
}

/** The metrics the score editor lists: those the data offers, and any included one it no longer offers (to be left out). */
export function scoreMetricsShown(form: PaneForm): ScoreMetric[] {
  return SCORE_METRICS.filter((metric) => scoreMetricNeeds(metric, form) === null || form.scoreMetrics[metric].on);
}

/** The Predict fields of the form showing `p`. */
function predictForm(p: PredictSettings): Pick<PaneForm, "unit" | PredictField> {
  return {
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

/** The form that shows saved settings. */
export function formFromSettings(settings: AnalysisSettings): PaneForm {
  const { rfm, abc, clv } = settings;
  return {
    source: settings.source,
    hasHeader: settings.hasHeader,
    mapping: { ...EMPTY_MAPPING, ...settings.mapping },
    asOf: settings.asOf ?? "",
    dayOrder: settings.dayOrder ?? "mdy",
    rfmOn: rfm !== null,
    bins: rfm ? String(rfm.bins) : DEFAULT_FORM.bins,
    breakpointsOn: Boolean(rfm?.breakpoints),
    breakpoints: rfm?.breakpoints
      ? { r: rfm.breakpoints.r.join(", "), f: rfm.breakpoints.f.join(", "), m: rfm.breakpoints.m.join(", ") }
      : DEFAULT_FORM.breakpoints,
    scheme: rfm?.scheme ?? "rfm",
    rules: (rfm?.rules ?? []).map((rule) => ({
      name: rule.name,
      r: [String(rule.r[0]), String(rule.r[1])],
      f: [String(rule.f[0]), String(rule.f[1])],
      m: [String(rule.m[0]), String(rule.m[1])],
    })),
    abcOn: abc !== null,
    aCut: abc ? percent(abc.aCut) : DEFAULT_FORM.aCut,
    bCut: abc ? percent(abc.bCut) : DEFAULT_FORM.bCut,
    basis: abc?.basis ?? "revenue",
    abcMethod: abc?.method ?? "fixed",
    clvOn: clv !== null,
    clvMargin: clv ? percent(clv.margin) : DEFAULT_FORM.clvMargin,
    retention: clv ? percent(clv.retention) : DEFAULT_FORM.retention,
    discount: clv ? percent(clv.discount) : DEFAULT_FORM.discount,
    years: clv ? shown(clv.years) : DEFAULT_FORM.years,
    // Settings saved before Predict existed have no `predict`: off.
    predictOn: Boolean(settings.predict),
    ...predictForm(settings.predict ?? DEFAULT_PREDICT),
    // Settings saved before the score existed have no `score`: off.
    ...scoreForm(settings.score ?? null),
    summaryBy: settings.summaryBy,
    strategies: { ...settings.strategies },
  };
}

/** What is wrong with the form, as data. `field` names the control to fix. */
export type FormProblem =
  | { kind: "noSource" }
  | { kind: "mapping"; problem: MappingProblem }
  | { kind: "noAnalysis" }
  | { kind: "asOf"; value: string }
  | { kind: "bins"; value: string }
  | { kind: "breakpoints"; dimension: Dimension; expected: number }
  | { kind: "noRules" }
  | { kind: "rule"; row: number; what: "name" | "bound" | "range"; dimension?: Dimension }
  | { kind: "cuts" }
  | { kind: "marginBasis" }
  | { kind: "percent"; field: "clvMargin" | "retention" | "discount" }
  | { kind: "years"; value: string }
  | { kind: "predict"; field: PredictField; value: string }
  | { kind: "scoreNoMetric" }
  | { kind: "scoreWeight"; metric: ScoreMetric; value: string }
  | { kind: "scoreWeightsZero" }
  | { kind: "scoreMetric"; metric: ScoreMetric; needs: NonNullable<ReturnType<typeof scoreMetricNeeds>> }
  | { kind: "bandShares" }
  | { kind: "bandThresholds" }
  | { kind: "summaryBy"; summaryBy: AnalysisSettings["summaryBy"] };

/**
 * A number typed the way people type them, or NaN: "80", "12.5", "80%" and "80％" (the full-width sign of
 * Chinese input; a percent sign is only dropped, so "80%" is 80). " 0,5 " is not accepted (comma is ambiguous),
 * nor is "" or "0x10". The one parser of the pane's number fields (the analysis form, the score editor's
 * remaining share, the pilot form).
 */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(/[%％]$/, "").trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return NaN;
  return Number(trimmed);
}

/** A percentage as typed ("10", "12.5 %", "10％") as a share (0.1, 0.125), or NaN. */
export const parsePercent = (text: string): number => parseNumber(text) / 100;

/** The last band's share as shown: "20" when the typed shares are numbers (as `parseNumber` reads them), else "?" (Run says what to fix). */
export function restShare(shares: readonly string[]): string {
  const values = shares.map(parseNumber);
  if (values.some((v) => !Number.isFinite(v))) return "?";
  return shown(100 - values.reduce((sum, v) => sum + v, 0));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Breakpoints typed as "30, 90, 180" (commas, semicolons, spaces or the Chinese comma between them). */
export function parseBreakpoints(text: string): number[] {
  const parts = text.split(/[,;，；\s]+/).filter((part) => part !== "");
  return parts.map(parseNumber);
}

export type FormResult = { ok: true; settings: AnalysisSettings } | { ok: false; problems: FormProblem[] };

/** The settings for a run, or every problem in the form; `columns` is the width of the previewed source. */
export function settingsFromForm(form: PaneForm, columns: number): FormResult {
  const problems: FormProblem[] = [];
  if (!form.source) problems.push({ kind: "noSource" });
  else for (const problem of mappingProblems(form.mapping, columns)) problems.push({ kind: "mapping", problem });
  // As the core: the tiers come from RFM, ABC or the score; lifetime value is a measure added to them.
  if (!form.rfmOn && !form.abcOn && !scoreInUse(form)) problems.push({ kind: "noAnalysis" });
  const asOf = form.asOf.trim();
  if (asOf !== "" && !isIsoDate(asOf)) problems.push({ kind: "asOf", value: asOf });

  let rfm: RfmSettings | null = null;
  if (form.rfmOn) {
    const bins = parseNumber(form.bins);
    const binsOk = Number.isInteger(bins) && bins >= 2 && bins <= 10;
    if (!binsOk) problems.push({ kind: "bins", value: form.bins });
    let breakpoints: RfmSettings["breakpoints"] = null;
    if (form.breakpointsOn && binsOk) {
      const parsed = { r: [] as number[], f: [] as number[], m: [] as number[] };
      for (const dimension of DIMENSIONS) {
        const values = parseBreakpoints(form.breakpoints[dimension]);
        const increasing = values.every((v, i) => Number.isFinite(v) && (i === 0 || v > values[i - 1]));
        if (values.length !== bins - 1 || !increasing) problems.push({ kind: "breakpoints", dimension, expected: bins - 1 });
        parsed[dimension] = values;
      }
      breakpoints = parsed;
    }
    const rules: SegmentRuleRow[] = [];
    if (form.scheme === "custom") {
      if (form.rules.length === 0) problems.push({ kind: "noRules" });
      form.rules.forEach((draft, index) => {
        const row = index + 1;
        if (draft.name.trim() === "") problems.push({ kind: "rule", row, what: "name" });
        const rule: SegmentRuleRow = { name: draft.name.trim(), r: [1, 1], f: [1, 1], m: [1, 1] };
        for (const dimension of DIMENSIONS) {
          const [low, high] = draft[dimension].map(parseNumber);
          const inScale = (v: number) => Number.isInteger(v) && v >= 1 && (!binsOk || v <= bins);
          if (!inScale(low) || !inScale(high)) problems.push({ kind: "rule", row, what: "bound", dimension });
          else if (low > high) problems.push({ kind: "rule", row, what: "range", dimension });
          rule[dimension] = [low, high];
        }
        rules.push(rule);
      });
    }
    rfm = { bins, breakpoints, scheme: form.scheme, rules };
  }

  let abc: AbcSettings | null = null;
  if (form.abcOn) {
    const aCut = parseNumber(form.aCut) / 100;
    const bCut = parseNumber(form.bCut) / 100;
    // The computed method does not use the cuts, so they cannot be wrong for it.
    if (form.abcMethod === "fixed" && !(aCut > 0 && bCut <= 1 && aCut < bCut)) problems.push({ kind: "cuts" });
    if (form.basis === "margin" && form.mapping.margin < 0) problems.push({ kind: "marginBasis" });
    abc = { aCut, bCut, basis: form.basis, method: form.abcMethod };
  }

  let clv: ClvSettings | null = null;
  if (form.clvOn) {
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
    clv = { margin, retention, discount, years };
  }

  let predict: PredictSettings | null = null;
  if (form.predictOn) {
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
    predict = { unit: form.unit, horizonMonths, monthlyDiscount, newDays, activeMultiple, silentMultiple, churnCapDays, cantLoseShare, cantLoseRisk };
  }

  const score = scoreInUse(form) ? scoreSettings(form, problems) : null;

  if (form.summaryBy === "segment" && !form.rfmOn && (form.abcOn || scoreInUse(form))) problems.push({ kind: "summaryBy", summaryBy: "segment" });
  if (form.summaryBy === "abcClass" && !form.abcOn) problems.push({ kind: "summaryBy", summaryBy: "abcClass" });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      source: form.source,
      hasHeader: form.hasHeader,
      mapping: { ...form.mapping },
      asOf: asOf === "" ? null : asOf,
      dayOrder: form.dayOrder,
      rfm,
      abc,
      clv,
      predict,
      score,
      summaryBy: form.summaryBy,
      strategies: { ...form.strategies },
    },
  };
}

/** The score's settings from the form; what cannot be used goes to `problems`. */
function scoreSettings(form: PaneForm, problems: FormProblem[]): ScoreSettings {
  const metrics: ScoreSettings["metrics"] = [];
  let weightsOk = true;
  for (const metric of SCORE_METRICS) {
    const draft = form.scoreMetrics[metric];
    if (!draft.on) continue;
    const needs = scoreMetricNeeds(metric, form);
    if (needs) problems.push({ kind: "scoreMetric", metric, needs });
    const weight = parseNumber(draft.weight);
    if (!(weight >= 0 && Number.isFinite(weight))) {
      problems.push({ kind: "scoreWeight", metric, value: draft.weight });
      weightsOk = false;
    }
    metrics.push({ metric, weight, direction: draft.direction });
  }
  if (metrics.length === 0) problems.push({ kind: "scoreNoMetric" });
  else if (weightsOk && metrics.every((m) => m.weight === 0)) problems.push({ kind: "scoreWeightsZero" });

  let bands: ScoreSettings["bands"];
  if (form.bandKind === "shares") {
    const shares = form.bandShares.map(parseNumber);
    const total = shares.reduce((sum, v) => sum + v, 0);
    // Each band above 0 %; together at most 100 % (Bronze takes the rest).
    if (!shares.every((v) => v > 0 && Number.isFinite(v)) || !(total <= 100 + 1e-9)) problems.push({ kind: "bandShares" });
    bands = { kind: "shares", shares: shares.map((v) => Number((v / 100).toPrecision(12))) };
  } else {
    const thresholds = form.bandThresholds.map(parseNumber);
    const descending = thresholds.every((v, i) => v >= 0 && v <= 100 && (i === 0 || v < thresholds[i - 1]));
    if (!descending) problems.push({ kind: "bandThresholds" });
    bands = { kind: "thresholds", thresholds };
  }
  return { metrics, method: form.scoreMethod, bands };
}

/** The label of a mapping role in the person's language. */
export function roleLabel(role: Role, m: Messages): string {
  return m.pane.roles[role];
}

/** A sentence that says what to fix. */
export function describeFormProblem(problem: FormProblem, m: Messages): string {
  const p = m.pane.problems;
  switch (problem.kind) {
    case "noSource":
      return p.noSource;
    case "mapping": {
      const mp = problem.problem;
      if (mp.kind === "missing") return p.missingRole(roleLabel(mp.role, m));
      if (mp.kind === "outOfRange") return p.roleOutOfRange(roleLabel(mp.role, m));
      return p.sharedColumn(roleLabel(mp.roles[0], m), roleLabel(mp.roles[1], m));
    }
    case "noAnalysis":
      return p.noAnalysis;
    case "asOf":
      return p.asOf(problem.value);
    case "bins":
      return p.bins(problem.value);
    case "breakpoints":
      return p.breakpoints(m.pane.dimensionNames[problem.dimension], String(problem.expected));
    case "noRules":
      return p.noRules;
    case "rule":
      if (problem.what === "name") return p.ruleName(String(problem.row));
      if (problem.what === "bound") return p.ruleBound(String(problem.row), m.pane.dimensionNames[problem.dimension ?? "r"]);
      return p.ruleRange(String(problem.row), m.pane.dimensionNames[problem.dimension ?? "r"]);
    case "cuts":
      return p.cuts;
    case "marginBasis":
      return p.marginBasis;
    case "percent":
      return p.percent(m.pane.clv[problem.field]);
    case "years":
      return p.years(problem.value);
    case "predict":
      return p.predict(m.pane.predict[problem.field], problem.value, p.predictRules[problem.field]);
    case "summaryBy":
      return problem.summaryBy === "segment" ? p.summaryBySegment : p.summaryByClass;
    case "scoreNoMetric":
      return m.pane.score.problems.noMetric;
    case "scoreWeight":
      return m.pane.score.problems.weight(m.scoreMetrics[problem.metric], problem.value);
    case "scoreWeightsZero":
      return m.pane.score.problems.weightsZero;
    case "scoreMetric":
      return m.pane.score.problems.unavailable(m.scoreMetrics[problem.metric], m.pane.score.needs[problem.needs]);
    case "bandShares":
      return m.pane.score.problems.shares(m.scoreTiers.bronze);
    case "bandThresholds":
      return m.pane.score.problems.thresholds(m.scoreTiers.bronze);
  }
}
