/**
 * The `tier` command: the core on CSV files, for batch work and benchmarks. One module per command
 * under commands/ (rfm, abc, clv, fit, predict, check, score, migrate, pilot, bench; over time: history, movers, trends, cohort; levels); this file only reads
 * the command line, looks the command up, and turns every failure into one sentence and an exit code:
 * 0 done (rows left out are listed on stderr), 1 the output could not be written (a full disk) or an
 * internal error, 2 bad arguments or unreadable input. No stack trace reaches the user: a person who
 * runs a command can act on a sentence, not on a trace. A reader that stops early (`tier … | head`)
 * closes the pipe; that ends the command quietly with 0.
 */
import { CoreError } from "../core/cells/errors";
import { messages, type Messages } from "../i18n";
import { cliCoreSentence } from "../i18n/cli-core-errors";
import { describeCoreError, echoText } from "../i18n/describe";
import { INPUT_OPTIONS, type Command, type Parsed } from "./args";
import { abc } from "./commands/abc";
import { bench } from "./commands/bench";
import { check } from "./commands/check";
import { clv } from "./commands/clv";
import { cohort } from "./commands/cohort";
import { levels } from "./commands/levels";
import { fit } from "./commands/fit";
import { history } from "./commands/history";
import { migrate } from "./commands/migrate";
import { movers } from "./commands/movers";
import { pilot } from "./commands/pilot";
import { predict } from "./commands/predict";
import { rfm } from "./commands/rfm";
import { score } from "./commands/score";
import { trends } from "./commands/trends";
import { OutputError, UsageError } from "./errors";
import { commandHelp, overview } from "./help";

export const COMMANDS: Record<string, Command> = { rfm, abc, clv, fit, predict, bench, migrate, pilot, score, check, history, movers, trends, cohort, levels };

/** Flags are known to every command (a command ignores the ones it does not read). */
const FLAGS = new Set(["--summary", "--help", "-h", "--json", ...Object.values(COMMANDS).flatMap((c) => c.flags ?? [])]);

function commandNamed(name: string): Command | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function parseArgs(argv: string[], m: Messages): Parsed {
  const [command = "", ...rest] = argv;
  const parsed: Parsed = { command, positional: [], options: new Map(), flags: new Set() };
  const spec = commandNamed(command);
  const known = spec ? [...spec.options, ...Object.keys(INPUT_OPTIONS)] : undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (FLAGS.has(arg)) {
      if (parsed.flags.has(arg)) throw new UsageError(m.cli.repeatedOption(arg));
      parsed.flags.add(arg);
    } else if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (known && !known.includes(name)) throw new UsageError(m.cli.unknownOption(echoText(name)));
      const value = eq < 0 ? rest[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(m.cli.missingValue(name));
      if (parsed.options.has(name)) throw new UsageError(m.cli.repeatedOption(name));
      parsed.options.set(name, value);
    } else parsed.positional.push(arg);
  }
  const most = spec?.files ?? 1;
  if (spec && parsed.positional.length > most && !parsed.flags.has("--help") && !parsed.flags.has("-h")) {
    throw new UsageError(m.cli.extraFile(command, echoText(parsed.positional[most]), most));
  }
  return parsed;
}

/** The core names arguments as the functions do (as_of, horizon_months); on the command line they are options. */
const OPTION_NAMES: Record<string, string> = {
  horizon_months: "--clv-months",
  horizon: "--horizon",
  monthly_discount: "--monthly-discount",
  a_cut: "--a-cut",
  b_cut: "--b-cut",
  aCut: "--a-cut",
  bCut: "--b-cut",
  within: "--within",
  // The columns' options, for the core's sentences about a column's values (issue 12: name what was typed).
  amounts: "--amount",
  values: "--value",
  margin: "--margin-column",
  order: "--order",
  dates: "--date",
  measure_after: "--measure",
  measure_before: "--measure",
  // Too many distinct tiers in a snapshot (tier migrate said 'tiers_before', a function's argument).
  tiers: "--tier",
};

/** The analysis date's option: --as-of for the commands that take it, --calibration-end for the models. */
function asOfOption(command: string): string {
  return commandNamed(command)?.options.includes("--as-of") ? "--as-of" : "--calibration-end";
}

function withOptionNames(error: CoreError, command: string): CoreError {
  const defaults: Partial<Record<string, string>> = { calibrationBeforeData: "as_of", badDiscount: "monthly_discount", orderMissingTier: "order", tooManyValues: "tiers" };
  const argument = String(error.details.argument ?? defaults[error.code] ?? "");
  const option = argument === "as_of" ? asOfOption(command) : OPTION_NAMES[argument];
  return option ? new CoreError(error.code, { ...error.details, argument: option }) : error;
}

/** A core error as the CLI says it: the CLI's table (src/i18n/cli-core-errors.ts), else the shared sentence with the options' names. */
function describeForCli(error: CoreError, command: string, m: Messages): string {
  const names = { option: (argument: string) => OPTION_NAMES[argument] ?? argument, asOf: asOfOption(command) };
  return cliCoreSentence(error, m, names) ?? describeCoreError(withOptionNames(error, command), m);
}

/** The first line of an unexpected error, without its stack. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split("\n", 1)[0].slice(0, 200);
}

/** Runs the command; returns the exit code. `out` receives the output in pieces, `err` whole lines. */
export function main(argv: string[], env: Record<string, string | undefined>, out: (s: string) => void, err: (s: string) => void): number {
  const m = messages(env.LC_ALL || env.LC_MESSAGES || env.LANG || "en");
  let command = argv[0] ?? "";
  try {
    if (["", "help", "--help", "-h"].includes(command)) {
      const named = command === "help" ? commandNamed(argv[1] ?? "") : undefined;
      out(named ? commandHelp(argv[1], named, m) : overview(COMMANDS, m));
      return command === "" ? 2 : 0;
    }
    const spec = commandNamed(command);
    if (!spec) throw new UsageError(`${m.cli.unknownCommand(echoText(command))}\n\n${m.cli.usage}`);
    if (argv.includes("--help") || argv.includes("-h")) {
      out(commandHelp(command, spec, m));
      return 0;
    }
    const p = parseArgs(argv, m);
    command = p.command;
    const lines = (s: string) => err(`${s}\n`);
    spec.run(p, m, out, lines);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`tier: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CoreError) {
      err(`tier: ${describeForCli(error, command, m)}\n`);
      return 2;
    }
    if (error instanceof OutputError) {
      if (error.code === "EPIPE") return 0;
      err(`tier: ${m.cli.outputFailed(error.message)}\n`);
      return 1;
    }
    err(`tier: ${m.cli.internalError(firstLine(error))}\n`);
    return 1;
  }
}
