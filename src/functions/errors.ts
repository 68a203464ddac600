/**
 * How the custom functions fail: every problem becomes #VALUE! with a sentence that names the
 * argument, the row and the fix (only #VALUE! and #N/A show a message in Excel).
 */
import { CoreError } from "../core/cells/errors";
import { describeCoreError } from "../i18n/describe";
import type { Messages } from "../i18n";

/** A problem with the arguments, already worded for the user. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/**
 * Runs a function body and turns its failures into Excel errors. An unexpected exception (a bug, not a
 * problem with the arguments) is logged with its stack (console.error: never swallowed) and reaches the
 * cell as #VALUE! with a sentence that says what to check, never the internal message itself (an
 * optimiser's "objective is not finite at the starting point" tells a user nothing they can act on).
 */
export function runFunction<T>(m: Messages, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof ArgumentError) throw valueError(error.message);
    if (error instanceof CoreError) throw valueError(describeCoreError(error, m));
    if (error instanceof CustomFunctions.Error) throw error;
    console.error("Tiering: unexpected error in a custom function", error);
    throw valueError(m.hostile.internal(m.product.name));
  }
}
