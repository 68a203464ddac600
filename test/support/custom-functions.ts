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

/** Runs a custom function call that should fail and returns the Excel error it raised. */
export function excelError(call: () => unknown): StandInCustomFunctionError {
  try {
    call();
  } catch (error) {
    if (error instanceof StandInCustomFunctionError) return error;
    throw error;
  }
  throw new Error("expected an Excel error");
}

/** What `Office.context.displayLanguage` says; undefined removes the Office global. */
export function setDisplayLanguage(language: string | undefined): void {
  (globalThis as { Office?: unknown }).Office = language ? { context: { displayLanguage: language } } : undefined;
}
