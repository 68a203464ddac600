/**
 * How the custom functions fail: every problem becomes #VALUE! with a sentence that names the
 * argument, the row and the fix (only #VALUE! and #N/A show a message in Excel).
 */
import { CoreError } from "../core/cells/errors";
import { describeCoreError } from "../i18n/describe";
import type { Messages } from "../i18n";
import { inputSizeProblem, outputSizeProblem } from "./size";

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
 * Runs a function body and turns its failures into Excel errors. An unexpected exception is logged
 * with its stack and still reaches the cell as #VALUE! with its message: never swallowed. `args` (the
 * function's arguments) are measured first and the result after, against Excel's 5 MB (size.ts).
 */
export function runFunction<T>(m: Messages, args: readonly unknown[], body: () => T): T {
  try {
    const tooBig = inputSizeProblem(args, m);
    if (tooBig) throw new ArgumentError(tooBig);
    const result = body();
    const tooLong = outputSizeProblem(result, m);
    if (tooLong) throw new ArgumentError(tooLong);
    return result;
  } catch (error) {
    if (error instanceof ArgumentError) throw valueError(error.message);
    if (error instanceof CoreError) throw valueError(describeCoreError(error, m));
    if (error instanceof CustomFunctions.Error) throw error;
    console.error("Tiering: unexpected error in a custom function", error);
    throw valueError(`${m.product.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
