/**
 * Sentences for the core's problem records and errors, in the reader's language. The core reports
 * codes and facts; this is the one place that words them, for the functions, the CLI and the pane.
 */
import type { ClvInputError } from "../core/tiers/clv";
import type { CoreError } from "../core/cells/errors";
import type { ProblemCode, RowProblem } from "../core/cells/problems";
import { NO_SEGMENT, type Segmentation } from "../core/tiers/segments";
import type { Messages } from "./en";
import { catalogs } from "./index";

/** The name of segment k in the reader's language: built-in keys translated, custom names as written. */
export function segmentName(seg: Segmentation, k: number, m: Messages): string {
  if (k === NO_SEGMENT) return "";
  const name = seg.names[k];
  if (!seg.builtIn && k !== seg.othersIndex) return name;
  return m.segments[name as keyof Messages["segments"]] ?? name;
}

/** The score bands' labels in each language, top band first (`scoreTiers` lists them so): tier orders known by label. */
export function scoreTierLabels(): string[][] {
  return Object.values(catalogs).map((c) => Object.values(c.scoreTiers));
}

/** What is wrong with a cell, without where it is. */
export function problemText(code: ProblemCode, value: string, m: Messages): string {
  const p = m.problems;
  switch (code) {
    case "badDate":
      return p.badDate(value);
    case "dateOutOfRange":
      return p.dateOutOfRange(value);
    case "badAmount":
      return p.badAmount(value);
    case "badNumber":
      return p.badNumber(value);
    case "excelError":
      return p.excelError(value);
    case "nonPositiveValue":
      return p.nonPositiveValue(value);
    case "negativeValue":
      return p.negativeValue(value);
    default:
      return p[code];
  }
}

/**
 * "argument 'dates', row 7: "2024-13-01" is not a date (…)." for the first problem, plus how many
 * more rows have problems. `rowOffset` turns 0-based input rows into the numbers the user sees.
 */
export function describeProblems(problems: readonly RowProblem[], total: number, m: Messages, rowOffset = 1): string {
  const first = problems[0];
  const where = m.errors.at(first.field, first.row + rowOffset);
  const sentence = m.errors.rowProblem(where, problemText(first.code, first.value, m));
  return total > 1 ? `${sentence} ${m.errors.moreProblems(total - 1)}` : sentence;
}

function dimensionName(dimension: string | number, m: Messages): string {
  return m.dimensions[dimension as keyof Messages["dimensions"]] ?? String(dimension);
}

/** Why a CLV input cannot be used, at `where` (an argument and row, or a file line). */
export function describeClvProblem(error: ClvInputError, argument: string, where: string, value: string, m: Messages): string {
  if (error === "margin") return m.errors.marginOutOfRange(where, value);
  if (error === "discount") return m.errors.discountOutOfRange(where, value);
  return m.errors.negativeInput(argument, where, value);
}

/** A CoreError as a sentence that says what to change. */
export function describeCoreError(error: CoreError, m: Messages): string {
  const d = error.details;
  const e = m.errors;
  switch (error.code) {
    case "binsOutOfRange":
      return e.binsOutOfRange(String(d.value));
    case "cutOutOfRange":
      return e.cutOutOfRange(String(d.argument), String(d.value));
    case "cutsOrder":
      return e.cutsOrder(Number(d.aCut), Number(d.bCut));
    case "breakpointsOrder":
      return e.breakpointsOrder(dimensionName(d.dimension, m));
    case "tooManyBreakpoints":
      return e.tooManyBreakpoints(dimensionName(d.dimension, m), Number(d.count));
    case "asOfBeforeData":
      return e.asOfBeforeData(String(d.asOf), String(d.last));
    case "noData":
      return e.noData(String(d.argument ?? "data"));
    case "unknownBasis":
      return e.unknownBasis(String(d.value));
    case "unknownAbcMethod":
      return e.unknownAbcMethod(String(d.value));
    case "unknownScheme":
      return e.unknownScheme(String(d.value));
    case "badRule": {
      const what =
        d.problem === "ruleNameBlank"
          ? e.ruleNameBlank
          : d.problem === "ruleRange"
            ? e.ruleRange(String(d.column))
            : e.ruleBound(String(d.column), String(d.value));
      return e.badRule(Number(d.row), what);
    }
    case "badRepeatSummary": {
      const reasons: Record<string, string> = {
        wholeNumber: e.repeatWholeNumber,
        nonNegative: e.repeatNonNegative,
        afterT: e.repeatAfterT,
        zeroWithoutRepeats: e.repeatZeroWithoutRepeats,
        repeatsWithoutTime: e.repeatWithoutTime,
      };
      return e.badRepeatSummary(Number(d.row) + 1, String(d.field), reasons[String(d.reason)] ?? String(d.reason));
    }
    case "noRepeatPurchases":
      return e.noRepeatPurchases;
    case "fitFailed":
      return e.fitFailed(d.model === "gammaGamma" ? "Gamma-Gamma" : d.model === "paretoNbd" ? "Pareto/NBD" : "BG/NBD");
    case "gammaGammaQ":
      return e.gammaGammaQ(Number(d.q).toPrecision(3));
    case "noRepeatSpend":
      return e.noRepeatSpend(Number(d.customers));
    case "badUnit":
      return e.badUnit(String(d.unit));
    case "badHorizon":
      // `horizon` is in the data's time unit (tier predict --horizon); `horizon_months` in months.
      return d.argument === "horizon" || d.argument === "--horizon"
        ? e.badHorizonUnits(String(d.argument === "horizon" ? "--horizon" : d.argument), String(d.value))
        : e.badHorizon(String(d.argument ?? "horizon_months"), String(d.value));
    case "badDiscount":
      return e.badMonthlyDiscount(String(d.argument ?? "monthly_discount"), String(d.value));
    case "calibrationBeforeData":
      return e.calibrationBeforeData(String(d.argument ?? "as_of"), String(d.end), String(d.first));
    case "badLifecycle": {
      const field = String(d.field) as keyof Messages["errors"]["lifecycleHints"];
      const argument = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      return e.badLifecycle(argument, String(d.value), e.lifecycleHints[field] ?? "");
    }
    case "duplicateId":
      return e.dynamic.duplicateId(String(d.id), Number(d.row) + 1, Number(d.firstRow) + 1);
    case "orderMissingTier":
      return e.dynamic.orderMissingTier(String(d.tier), String(d.order));
    case "pilotShare":
      return d.argument === "control_share" || d.argument === "--control-share"
        ? e.dynamic.controlShare(String(d.argument), String(d.value))
        : e.dynamic.pilotShare(String(d.argument ?? "share"), String(d.value));
    case "pilotSharesOverOne": {
      const shareArgument = String(d.shareArgument ?? "share");
      const controlArgument = String(d.controlArgument ?? "control_share");
      return Number(d.controlDefault) === 1
        ? e.dynamic.controlDefaultOverOne(shareArgument, String(d.share), controlArgument, String(Number((1 - Number(d.share)).toPrecision(12))))
        : e.dynamic.sharesOverOne(shareArgument, String(d.share), controlArgument, String(d.controlShare));
    }
    case "pilotSeed":
      return e.dynamic.pilotSeed(String(d.argument ?? "seed"), String(d.value));
    case "badConfidence":
      return e.dynamic.badConfidence(String(d.value));
    case "scoreWeights":
    case "scoreDirections":
    case "scoreMethod":
    case "scoreBands":
    case "scoreValue":
      return describeScoreError(error, m);
  }
}

/** The weighted score's option problems (src/core/tiers/score.ts checkScoreOptions), naming `details.argument`. */
function describeScoreError(error: CoreError, m: Messages): string {
  const d = error.details;
  const s = m.errors.score;
  const argument = String(d.argument ?? "");
  const position = Number(d.position);
  const value = String(d.value);
  switch (error.code) {
    case "scoreWeights":
      if (d.reason === "count") return s.weightsCount(argument, Number(d.given), Number(d.expected));
      if (d.reason === "negative") return s.weightNegative(argument, position, value);
      if (d.reason === "allZero") return s.weightsAllZero(argument);
      return s.weightNotNumber(argument, position, value);
    case "scoreDirections":
      return d.reason === "count" ? s.directionsCount(argument, Number(d.given), Number(d.expected)) : s.unknownDirection(argument, position, value);
    case "scoreMethod":
      return s.unknownMethod(argument, value);
    case "scoreBands":
      switch (d.reason) {
        case "tooMany":
          return s.bandsTooMany(argument, Number(d.given), Number(d.max));
        case "share":
          return s.bandShare(argument, position, value);
        case "shareSum":
          return s.bandShareSum(argument, String(d.sum));
        case "threshold":
          return s.bandThreshold(argument, position, value);
        case "thresholdOrder":
          return s.bandThresholdOrder(argument, position, value, String(d.previous));
        default:
          return s.bandsNone(argument);
      }
    default:
      return s.notFinite(Number(d.metric), Number(d.row), value);
  }
}
