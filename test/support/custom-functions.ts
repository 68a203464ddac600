/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime provides, and for how Excel calls a
 * custom function on each host (`excelCalls`): the tests call the functions through it, so every function
 * adapter test runs as Excel on the web and as Excel on Windows call them (the profile is TIER_HOST's,
 * set in setup.ts; vitest.config.mts runs test/functions under both).
 */
import { createRequire } from "node:module";
import { defaultHostProfile, FIVE_MB, type HostProfile } from "../../src/standin";

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

/**
 * A reference to an empty cell given as a scalar argument (`=TIER.RFM(A:A, B:B, C:C, F1)` with F1 empty). A test
 * writes `blankCell`; Excel on the web sends null and Excel on Windows sends 0 (office-js #4702). Inside a range
 * a test writes null for an empty cell, which the desktop profile turns into 0 (office-js #5262, #1951). A
 * top-level null stays null: an omitted optional argument arrives as null on both hosts
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options#optional-parameters).
 */
export const blankCell: unknown = Symbol("an empty cell");

/**
 * The flags the build adds to functions.json (scripts/function-error-inputs.cjs, the same module webpack runs),
 * so the stand-in passes error cells exactly when the built metadata lets Excel.
 */
const require = createRequire(import.meta.url);
const { METADATA_FLAGS } = require("../../scripts/function-error-inputs.cjs") as { METADATA_FLAGS: { allowErrorForDataTypeAny?: boolean } };

/** A cell holding an Excel error as a test writes it: `{ code: "#N/A" }` or a CustomFunctions.Error. */
function errorCode(cell: unknown): string | null {
  if (cell instanceof StandInCustomFunctionError) return cell.code;
  if (cell !== null && typeof cell === "object" && !Array.isArray(cell) && typeof (cell as { code?: unknown }).code === "string") return (cell as { code: string }).code;
  return null;
}

/** JSON bytes of an argument as Excel serialises it for the function (the 5 MB cap counts these). */
function argumentBytes(arg: unknown): number {
  if (arg === undefined) return 0;
  let n = 0;
  const visit = (v: unknown) => {
    if (Array.isArray(v)) {
      n += 1 + v.length;
      for (const x of v) visit(x);
    } else if (typeof v === "string") n += v.length + 2;
    else if (typeof v === "number") n += String(v).length;
    else if (typeof v === "boolean") n += v ? 4 : 5;
    else n += 4;
  };
  visit(arg);
  return n;
}

export interface ExcelCallOptions {
  profile?: HostProfile;
  /** The metadata's top-level flags; default: those the build adds. */
  flags?: { allowErrorForDataTypeAny?: boolean };
}

/**
 * One argument as `profile`'s Excel delivers it: empty cells null (web) or 0 (desktop); error cells as
 * CustomFunctions.Error objects (custom-functions-errors.md, "Errors as custom function inputs").
 */
function deliver(arg: unknown, profile: HostProfile): unknown {
  const blank = profile === "web" ? null : 0;
  if (arg === blankCell) return blank;
  if (!Array.isArray(arg)) {
    const code = errorCode(arg);
    return code ? new StandInCustomFunctionError(code) : arg;
  }
  return (arg as unknown[][]).map((row) =>
    Array.isArray(row)
      ? row.map((cell) => {
          if (cell === null || cell === undefined || cell === blankCell) return blank;
          const code = errorCode(cell);
          return code ? new StandInCustomFunctionError(code) : cell;
        })
      : row,
  );
}

function firstError(args: readonly unknown[]): string | null {
  for (const arg of args) {
    if (Array.isArray(arg)) {
      for (const row of arg) if (Array.isArray(row)) for (const cell of row) if (errorCode(cell)) return errorCode(cell);
    } else if (errorCode(arg)) return errorCode(arg);
  }
  return null;
}

/**
 * Calls `fn` as `profile`'s Excel would, or fails as that Excel would before or after calling it:
 * - an error cell in an argument: without `allowErrorForDataTypeAny`, Excel returns that error without calling
 *   the function (custom-functions-errors.md; the flag's default is false: custom-functions-json.md);
 * - on the web, arguments over 5 MB: #CALC! without a call (office-js #4654, #4613), a result over 5 MB: #BUSY!
 *   forever (office-js #2786), which the stand-in reports as an error with that code.
 * Results are checked as Excel would show them: no null (shown as 0: office-js #1503) and no NaN or Infinity.
 */
export function excelCall<A extends unknown[], R>(fn: (...args: A) => R, options: ExcelCallOptions = {}): (...args: A) => R {
  return (...args: A): R => {
    const profile = options.profile ?? defaultHostProfile();
    const flags = options.flags ?? METADATA_FLAGS;
    const error = firstError(args);
    if (error && !flags.allowErrorForDataTypeAny) throw new StandInCustomFunctionError(error);
    const delivered = args.map((a) => deliver(a, profile)) as A;
    if (profile === "web" && delivered.reduce((n: number, a) => n + argumentBytes(a), 0) > FIVE_MB) {
      throw new StandInCustomFunctionError("#CALC!", "Excel on the web passes a custom function at most 5 MB of data.");
    }
    const result = fn(...delivered);
    if (profile === "web" && argumentBytes(result) > FIVE_MB) {
      throw new StandInCustomFunctionError("#BUSY!", "Excel on the web does not show a custom function's result over 5 MB.");
    }
    if (Array.isArray(result)) {
      for (const row of result) {
        for (const cell of row as unknown[]) {
          if (cell === null || cell === undefined) throw new Error("a spilled result holds null, which Excel shows as 0; return \"\" for a blank cell");
          if (typeof cell === "number" && !Number.isFinite(cell)) throw new Error(`a spilled result holds ${cell}`);
        }
      }
    }
    return result;
  };
}
