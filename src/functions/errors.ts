/**
 * How the custom functions fail: every problem becomes #VALUE! with a sentence that names the
 * argument, the row and the fix (only #VALUE! and #N/A show a message in Excel).
 */
import { CoreError } from "../core/cells/errors";
import { describeCoreError } from "../i18n/describe";
import type { Messages } from "../i18n";
import { inputSizeProblem, outputSizeProblem } from "./size";
import { trimTrailingBlankRows } from "./trim";

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
 * Runs a function body and turns its failures into Excel errors. `args` (the function's arguments) lose
 * the trailing blank rows of whole columns (trim.ts), are measured against Excel's 5 MB (size.ts), and
 * the result after. An unexpected exception (a bug,
 * not a problem with the arguments) is logged with its stack (console.error: never swallowed) and
 * reaches the cell as #VALUE! with a sentence that says what to check, never the internal message
 * itself (an optimiser's "objective is not finite at the starting point" tells a user nothing they can
 * act on).
 */
export function runFunction<T>(m: Messages, args: readonly unknown[], body: () => T, about: FunctionAbout = { name: m.product.name, data: "" }): T {
  let result: T;
  try {
    // Whole columns: their trailing blank rows are no data, so neither the size check nor the work sees them (trim.ts).
    trimTrailingBlankRows(args);
    const tooBig = inputSizeProblem(args, m);
    if (tooBig) throw new ArgumentError(tooBig);
    result = body();
    const tooLong = outputSizeProblem(result, m);
    if (tooLong) throw new ArgumentError(tooLong);
  } catch (error) {
    if (error instanceof ArgumentError) throw valueError(error.message);
    if (error instanceof CoreError) throw valueError(describeCoreError(error, m));
    if (error instanceof CustomFunctions.Error) throw error;
    console.error(`Tiering: unexpected error in ${about.name}`, error);
    throw valueError(m.hostile.internal(about.name));
  }
  checkSpill(result, about, m);
  return result;
}

/** Which function runs, and the argument its numbers come from (named when a result cannot be finite). */
export interface FunctionAbout {
  name: string;
  data: string;
}

/**
 * The last guard over every spilled result, cheap beside computing it (one pass over the cells, a few ms for
 * CLVPREDICT's 340,000):
 * - no cell is NaN or ±Infinity (Excel would show #NUM!, or 0 for NaN in some builds, with no reason).
 *   The core refuses what overflows where it happens; a non-finite number reaching here is a gap in
 *   that, so it is logged as a bug and worded as the data argument to check, never spilled;
 * - the result fits a spill range: at most 1,048,576 rows and 16,384 columns ("Excel specifications
 *   and limits", https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
function checkSpill(result: unknown, about: FunctionAbout, m: Messages): void {
  if (!Array.isArray(result)) return;
  // Indexed loops, one test per cell: this pass runs on every result, up to a million cells.
  const rows = result.length;
  let columns = 0;
  for (let i = 0; i < rows; i++) {
    const row: unknown = result[i];
    if (!Array.isArray(row)) continue;
    const n = row.length;
    if (n > columns) columns = n;
    for (let k = 0; k < n; k++) {
      const cell: unknown = row[k];
      if (typeof cell === "number" && cell - cell !== 0) {
        console.error(`Tiering: ${about.name} computed a value that is not finite (${cell}); refused`);
        throw valueError(m.hostile.notFiniteResult(about.name, about.data || about.name));
      }
    }
  }
  if (rows > EXCEL_ROWS || columns > EXCEL_COLUMNS) throw valueError(m.hostile.tooBig(about.name, rows, columns, `${EXCEL_ROWS} × ${EXCEL_COLUMNS}`));
}

const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;
