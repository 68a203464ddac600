/** A stand-in for the `CustomFunctions` global that Excel's runtime provides. */
export class StandInCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export function installCustomFunctionsStandIn(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.CustomFunctions) return;
  g.CustomFunctions = {
    Error: StandInCustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: () => undefined,
  };
}
