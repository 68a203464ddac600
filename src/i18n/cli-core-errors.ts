/**
 * The core's errors as `tier` words them: with the command line's option names (--bins, --a-cut,
 * --as-of or --calibration-end) and the file, where the shared sentence (core-errors.ts) names a
 * function's argument ('bins', 'a_cut', 'as_of') that nobody at a command line typed. A table keyed by
 * code, as the pane's is (pane-core-errors.ts), so the CLI's wording of a code lives in one place beside
 * the catalog and a test can hold every code it handles to both languages. Codes not here keep the
 * shared sentence, with the option names put in by main.ts.
 */
import type { CoreError, CoreErrorCode } from "../core/cells/errors";
import type { Messages } from "./en";
import { capText } from "../core/cells/coerce";

/** What only the command line knows: the option an argument is given by, and the analysis date's option for this command. */
export interface CliOptionNames {
  option(argument: string): string;
  asOf: string;
}

type Sentence = (d: CoreError["details"], m: Messages, names: CliOptionNames) => string;

const CLI_CORE_ERRORS: Partial<Record<CoreErrorCode, Sentence>> = {
  binsOutOfRange: (d, m) => m.cli.core.binsOutOfRange(String(d.value)),
  cutOutOfRange: (d, m, names) => m.cli.core.cutOutOfRange(names.option(String(d.argument)), String(d.value)),
  cutsOrder: (d, m) => m.cli.core.cutsOrder(Number(d.aCut), Number(d.bCut)),
  asOfBeforeData: (d, m, names) => m.cli.core.asOfBeforeData(names.asOf, String(d.asOf), String(d.first)),
  noData: (d, m) => m.cli.core.noData(String(d.argument ?? "")),
  unknownScheme: (d, m) => m.cli.core.unknownScheme(String(d.value)),
  // A total past the largest double: the column's option, never a function's argument and row (the core's row is not a
  // file line: a quoted line end or a blank line moves them apart).
  sumOverflow: (d, m, names) =>
    Number(d.row) < 0 ? m.hostileNew.cliTotalOverflow(names.option(String(d.field))) : m.hostileNew.cliSumOverflow(names.option(String(d.field)), capText(String(d.value))),
};

/** The codes `tier` words itself (for the test that each has both languages). */
export const CLI_CORE_CODES = Object.keys(CLI_CORE_ERRORS) as CoreErrorCode[];

/** The command line's sentence for `error`, or null when the shared one (with option names) is right. */
export function cliCoreSentence(error: CoreError, m: Messages, names: CliOptionNames): string | null {
  const sentence = CLI_CORE_ERRORS[error.code];
  return sentence ? sentence(error.details, m, names) : null;
}
