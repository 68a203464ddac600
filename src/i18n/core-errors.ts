/**
 * The sentence of each CoreError code. The core raises a code and its facts (src/core/cells/errors.ts);
 * this table turns each code's facts into the arguments of the catalog's sentence (`describeCoreError` in
 * describe.ts looks it up). It is one table for every language (the facts are read the same way in each, so that rule
 * is written once); the words are the catalog's, which the `Messages` type keeps complete. Keyed by
 * `CoreErrorCode`, so a new code without a sentence is a type error.
 */
import type { CoreError, CoreErrorCode } from "../core/cells/errors";
import type { Messages } from "./en";
import { capText } from "../core/cells/coerce";
import { levelPolicySentence, levelReviewsSentence } from "./levels-errors";

type Details = CoreError["details"];
type Sentence = (d: Details, m: Messages) => string;

/** `table[key]` when the table has it (own keys only), else `fallback`: the `default:` of a switch on a reason. */
function byReason(table: Readonly<Record<string, Sentence>>, key: unknown, fallback: Sentence): Sentence {
  const k = String(key);
  return Object.prototype.hasOwnProperty.call(table, k) ? table[k] : fallback;
}

function dimensionName(dimension: string | number, m: Messages): string {
  return m.dimensions[dimension as keyof Messages["dimensions"]] ?? String(dimension);
}

function breakpointsArgument(d: Details): string {
  return String(d.argument ?? "bins");
}

function modelName(model: string | number | undefined): string {
  return model === "gammaGamma" ? "Gamma-Gamma" : model === "paretoNbd" ? "Pareto/NBD" : "BG/NBD";
}

/** The weighted score's option problems (src/core/tiers/score.ts checkScoreOptions), naming `details.argument`. */
const arg = (d: Details): string => String(d.argument ?? "");

const SCORE_WEIGHTS: Record<string, Sentence> = {
  count: (d, m) => m.errors.score.weightsCount(arg(d), Number(d.given), Number(d.expected)),
  negative: (d, m) => m.errors.score.weightNegative(arg(d), Number(d.position), String(d.value)),
  allZero: (d, m) => m.errors.score.weightsAllZero(arg(d)),
  overflow: (d, m) => m.hostile.scoreOverflow(arg(d), Number(d.position), String(d.value)),
};
const weightNotNumber: Sentence = (d, m) => m.errors.score.weightNotNumber(arg(d), Number(d.position), String(d.value));

const SCORE_BANDS: Record<string, Sentence> = {
  tooMany: (d, m) => m.errors.score.bandsTooMany(arg(d), Number(d.given), Number(d.max)),
  share: (d, m) => m.errors.score.bandShare(arg(d), Number(d.position), String(d.value)),
  shareSum: (d, m) => m.errors.score.bandShareSum(arg(d), String(d.sum)),
  threshold: (d, m) => m.errors.score.bandThreshold(arg(d), Number(d.position), String(d.value)),
  thresholdOrder: (d, m) => m.errors.score.bandThresholdOrder(arg(d), Number(d.position), String(d.value), String(d.previous)),
};
const bandsNone: Sentence = (d, m) => m.errors.score.bandsNone(arg(d));

/** Why a repeat-summary row is refused, by `details.reason` (a customer summary's x, t_x, T: src/core/models/fit.ts, predict.ts). */
const REPEAT_REASONS: Record<string, (e: Messages["errors"]) => string> = {
  wholeNumber: (e) => e.repeatWholeNumber,
  nonNegative: (e) => e.repeatNonNegative,
  afterT: (e) => e.repeatAfterT,
  zeroWithoutRepeats: (e) => e.repeatZeroWithoutRepeats,
  repeatsWithoutTime: (e) => e.repeatWithoutTime,
};

export const CORE_ERRORS: Record<CoreErrorCode, Sentence> = {
  binsOutOfRange: (d, m) => m.errors.binsOutOfRange(String(d.value)),
  cutOutOfRange: (d, m) => m.errors.cutOutOfRange(String(d.argument), String(d.value)),
  cutsOrder: (d, m) => m.errors.cutsOrder(Number(d.aCut), Number(d.bCut)),
  // Named by the argument that holds the breakpoints: 'bins' unless the caller says (the CLI's --r-breaks …).
  breakpointsOrder: (d, m) => m.hostile.inArgument(breakpointsArgument(d), m.errors.breakpointsOrder(dimensionName(d.dimension, m))),
  tooManyBreakpoints: (d, m) => m.hostile.inArgument(breakpointsArgument(d), m.errors.tooManyBreakpoints(dimensionName(d.dimension, m), Number(d.count))),
  breakpointsCount: (d, m) =>
    m.hostile.inArgument(breakpointsArgument(d), m.errors.breakpointsCount(dimensionName(d.dimension, m), Number(d.count), Number(d.expected))),
  asOfBeforeData: (d, m) => m.errors.asOfBeforeData(String(d.asOf), String(d.first)),
  noData: (d, m) => m.errors.noData(String(d.argument ?? "data")),
  unknownBasis: (d, m) => m.errors.unknownBasis(String(d.value)),
  unknownAbcMethod: (d, m) => m.errors.unknownAbcMethod(String(d.value)),
  unknownScheme: (d, m) => m.errors.unknownScheme(String(d.value)),
  badRule: (d, m) => {
    const e = m.errors;
    if (d.problem === "tooManyRules") return m.hostile.tooManyRules(Number(d.count), Number(d.max));
    if (d.problem === "ruleNameError") return m.hostile.ruleNameError(Number(d.row), String(d.value));
    const what =
      d.problem === "ruleNameBlank"
        ? e.ruleNameBlank
        : d.problem === "ruleRange"
          ? e.ruleRange(String(d.column))
          : e.ruleBound(String(d.column), String(d.value));
    return e.badRule(Number(d.row), what);
  },
  badRepeatSummary: (d, m) => {
    const reason = String(d.reason);
    const what = Object.prototype.hasOwnProperty.call(REPEAT_REASONS, reason) ? REPEAT_REASONS[reason](m.errors) : reason;
    return m.errors.badRepeatSummary(Number(d.row) + 1, String(d.field), what);
  },
  noRepeatPurchases: (_d, m) => m.errors.noRepeatPurchases,
  fitFailed: (d, m) => m.errors.fitFailed(modelName(d.model)),
  gammaGammaQ: (d, m) => m.errors.gammaGammaQ(Number(d.q).toPrecision(3)),
  noRepeatSpend: (d, m) => m.errors.noRepeatSpend(Number(d.customers)),
  badUnit: (d, m) => m.errors.badUnit(String(d.unit)),
  // The core says which horizon it is (`in`): in the data's time unit (tier predict --horizon) or in months.
  badHorizon: (d, m) =>
    d.in === "units"
      ? m.errors.badHorizonUnits(String(d.argument === "horizon" ? "--horizon" : d.argument), String(d.value))
      : m.errors.badHorizon(String(d.argument ?? "horizon_months"), String(d.value)),
  badDiscount: (d, m) => m.errors.badMonthlyDiscount(String(d.argument ?? "monthly_discount"), String(d.value)),
  holdoutEmpty: (d, m) => m.trust.errors.holdoutEmpty(String(d.end), String(d.holdoutEnd)),
  badMargin: (d, m) =>
    d.length !== undefined
      ? m.trust.errors.badMarginLength(arg(d), Number(d.length), Number(d.customers))
      : d.row !== undefined
        ? m.trust.errors.badMarginRow(arg(d), Number(d.row) + 1, String(d.value))
        : m.trust.errors.badMargin(arg(d), String(d.value)),
  badWithin: (d, m) => m.trust.errors.badWithin(arg(d), String(d.value)),
  calibrationBeforeData: (d, m) => m.errors.calibrationBeforeData(String(d.argument ?? "as_of"), String(d.end), String(d.first)),
  badLifecycle: (d, m) => {
    const field = String(d.field) as keyof Messages["errors"]["lifecycleHints"];
    const argument = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return m.errors.badLifecycle(argument, String(d.value), m.errors.lifecycleHints[field] ?? "");
  },
  duplicateId: (d, m) => m.errors.dynamic.duplicateId(String(d.id), Number(d.row) + 1, Number(d.firstRow) + 1),
  // The order's argument ('order', --order in `tier`), the tier and the order cut to a few dozen characters (an order of
  // thousands of tiers is not echoed whole).
  orderMissingTier: (d, m) => m.hostileNew.orderMissingTier(String(d.argument ?? "order"), capText(String(d.tier)), capText(String(d.order))),
  // Routed by the option the problem is about (src/core/over-time/pilot.ts PilotField), worded with the
  // name the caller gave it (a function's argument, or the command's option the CLI put in its place).
  pilotShare: (d, m) =>
    d.field === "controlShare"
      ? m.errors.dynamic.controlShare(String(d.argument ?? "control_share"), String(d.value))
      : m.errors.dynamic.pilotShare(String(d.argument ?? "share"), String(d.value)),
  pilotSharesOverOne: (d, m) => {
    const shareArgument = String(d.shareArgument ?? "share");
    const controlArgument = String(d.controlArgument ?? "control_share");
    return Number(d.controlDefault) === 1
      ? m.errors.dynamic.controlDefaultOverOne(shareArgument, String(d.share), controlArgument, String(Number((1 - Number(d.share)).toPrecision(12))))
      : m.errors.dynamic.sharesOverOne(shareArgument, String(d.share), controlArgument, String(d.controlShare));
  },
  pilotSeed: (d, m) => m.errors.dynamic.pilotSeed(String(d.argument ?? "seed"), String(d.value)),
  badConfidence: (d, m) => m.errors.dynamic.badConfidence(String(d.value)),
  scoreWeights: (d, m) => byReason(SCORE_WEIGHTS, d.reason, weightNotNumber)(d, m),
  scoreDirections: (d, m) =>
    d.reason === "count"
      ? m.errors.score.directionsCount(arg(d), Number(d.given), Number(d.expected))
      : m.errors.score.unknownDirection(arg(d), Number(d.position), String(d.value)),
  scoreMethod: (d, m) => m.errors.score.unknownMethod(arg(d), String(d.value)),
  scoreBands: (d, m) => byReason(SCORE_BANDS, d.reason, bandsNone)(d, m),
  scoreValue: (d, m) => m.hostile.scoreValue(String(d.argument ?? "metrics"), Number(d.metric), Number(d.row), String(d.value)),
  // A total past the largest double, as a problem of the row that took it there (0-based in details).
  sumOverflow: (d, m) =>
    Number(d.row) < 0
      ? m.hostile.totalOverflow(String(d.field))
      : m.errors.rowProblem(m.errors.at(String(d.field), Number(d.row) + 1), m.problems.sumOverflow(String(d.value))),
  fitBudget: (d, m) => m.hostile.fitBudget(modelName(d.model), Number(d.iterations), String(d.seconds)),
  // Over time (src/core/over-time, src/core/transactions/window.ts): words in the overTime catalog part.
  badWindow: (d, m) => m.overTime.errors.badWindow(String(d.argument ?? "window_months"), String(d.value), Number(d.max)),
  badEvery: (d, m) => m.overTime.errors.badEvery(String(d.argument ?? "every"), String(d.value)),
  historyRange: (d, m) => m.overTime.errors.historyRange(String(d.from), String(d.to)),
  freezeNotSnapshot: (d, m) => m.overTime.errors.freezeNotSnapshot(String(d.date), String(d.first), String(d.last)),
  tooManySnapshots: (d, m) => m.overTime.errors.tooManySnapshots(Number(d.count), Number(d.max)),
  badCohortBy: (d, m) => m.overTime.errors.badCohortBy(String(d.argument ?? "by"), String(d.value)),
  badCohortMeasure: (d, m) => m.overTime.errors.badCohortMeasure(String(d.argument ?? "measure"), String(d.value)),
  cohortSpan: (d, m) => m.hostileNew.cohortSpan(String(d.argument ?? "dates"), Number(d.periods), Number(d.max), String(d.by), String(d.first), String(d.last)),
  onlyReturns: (d, m) => m.hostile.onlyReturns(String(d.argument ?? "amounts"), Number(d.rows)),
  // Membership levels (issue 15 §1, src/core/over-time/levels.ts): words in the levels catalog part.
  levelPolicy: levelPolicySentence,
  levelReviews: levelReviewsSentence,
  tooManyValues: (d, m) => m.hostile.tooManyTiers(String(d.argument ?? (d.snapshot === "before" ? "tiers_before" : "tiers_after")), Number(d.count), Number(d.max)),
  // Issue 15 §3: the cost-to-serve table (src/core/tiers/economics.ts).
  badCost: (d, m) => m.economics.errors.badCost(String(d.tier ?? ""), String(d.field), String(d.value)),
};

