/**
 * Errors the core raises for whole-call problems (a bad option, an impossible date). They carry a
 * code and the facts, not prose: the layer that talks to a person turns them into a sentence in the
 * person's language (src/i18n/describe.ts).
 */
export type CoreErrorCode =
  | "binsOutOfRange"
  | "cutOutOfRange"
  | "cutsOrder"
  | "breakpointsOrder"
  | "tooManyBreakpoints"
  | "breakpointsCount"
  | "asOfBeforeData"
  | "noData"
  | "unknownBasis"
  | "unknownAbcMethod"
  | "unknownScheme"
  | "badRule"
  | "badRepeatSummary"
  | "noRepeatPurchases"
  | "fitFailed"
  | "gammaGammaQ"
  | "noRepeatSpend"
  | "badUnit"
  | "badHorizon"
  | "badDiscount"
  | "calibrationBeforeData"
  | "holdoutEmpty"
  | "badMargin"
  | "badWithin"
  | "badLifecycle"
  | "duplicateId"
  | "orderMissingTier"
  | "pilotShare"
  | "pilotSharesOverOne"
  | "pilotSeed"
  | "badConfidence"
  | "scoreWeights"
  | "scoreDirections"
  | "scoreMethod"
  | "scoreBands"
  | "scoreValue"
  | "sumOverflow"
  | "fitBudget"
  | "tooManyValues"
  | "badWindow"
  | "badEvery"
  | "historyRange"
  | "freezeNotSnapshot"
  | "tooManySnapshots"
  | "badCohortBy"
  | "badCohortMeasure"
  | "onlyReturns"
  | "cohortSpan"
  | "levelPolicy"
  | "levelReviews"
  /** A cost in the cost-to-serve table that is not a number ≥ 0 (src/core/tiers/economics.ts). */
  | "badCost";

/**
 * A core rule broken by some options, as facts: what a folder's pure check returns (all it finds, so a
 * settings form can show them together) and what its throwing entry point throws (the first, as a
 * CoreError), so the rule is written once for both.
 */
export interface CoreProblem {
  code: CoreErrorCode;
  details: Record<string, string | number>;
}

/** Throws the first of `problems` as a CoreError; nothing when there are none. */
export function throwFirst(problems: readonly CoreProblem[]): void {
  const [first] = problems;
  if (first) throw new CoreError(first.code, first.details);
}

export class CoreError extends Error {
  constructor(
    readonly code: CoreErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = "CoreError";
  }
}
