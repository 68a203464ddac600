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
  | "scoreValue";

export class CoreError extends Error {
  constructor(
    readonly code: CoreErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = "CoreError";
  }
}
