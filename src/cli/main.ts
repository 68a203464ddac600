/**
 * The `tier` command: the core on CSV files, for batch work and benchmarks. One module per command
 * under commands/ (rfm, abc, clv, fit, predict, score, migrate, pilot, bench; over time: history, movers,
 * trends, cohort, whose usage lines are in the overTime catalog part); this file only reads
 * the command line, looks the command up and turns the errors a user can fix into exit code 2.
 * Exit codes: 0 done (rows left out are listed on stderr), 2 bad arguments or unreadable input.
 */
import { CoreError } from "../core/cells/errors";
import { messages, type Messages } from "../i18n";
import { describeCoreError } from "../i18n/describe";
import { UsageError, type Command, type Parsed } from "./args";
import { abc } from "./commands/abc";
import { bench } from "./commands/bench";
import { clv } from "./commands/clv";
import { cohort } from "./commands/cohort";
import { fit } from "./commands/fit";
import { history } from "./commands/history";
import { migrate } from "./commands/migrate";
import { movers } from "./commands/movers";
import { pilot } from "./commands/pilot";
import { predict } from "./commands/predict";
import { rfm } from "./commands/rfm";
import { score } from "./commands/score";
import { trends } from "./commands/trends";

const COMMANDS: Record<string, Command> = { rfm, abc, clv, fit, predict, bench, migrate, pilot, score, history, movers, trends, cohort };

/** Flags are known to every command (a command ignores the ones it does not read). */
const FLAGS = new Set(["--summary", "--help", "-h", "--json", ...Object.values(COMMANDS).flatMap((c) => c.flags ?? [])]);

function commandNamed(name: string): Command | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function parseArgs(argv: string[], m: Messages): Parsed {
  const [command = "", ...rest] = argv;
  const parsed: Parsed = { command, positional: [], options: new Map(), flags: new Set() };
  const known = commandNamed(command)?.options;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (FLAGS.has(arg)) parsed.flags.add(arg);
    else if (arg.startsWith("--")) {
      const [name, inline] = arg.split("=", 2);
      if (known && !known.includes(name)) throw new UsageError(m.cli.unknownOption(name));
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(m.cli.missingValue(name));
      parsed.options.set(name, value);
    } else parsed.positional.push(arg);
  }
  return parsed;
}

/** The core names arguments as the functions do (as_of, horizon_months); on the command line they are options. */
const OPTION_NAMES: Record<string, string> = {
  as_of: "--calibration-end",
  horizon_months: "--clv-months",
  horizon: "--horizon",
  monthly_discount: "--monthly-discount",
};

function withOptionNames(error: CoreError): CoreError {
  const defaults: Partial<Record<string, string>> = { calibrationBeforeData: "as_of", badDiscount: "monthly_discount" };
  const argument = String(error.details.argument ?? defaults[error.code] ?? "");
  const option = OPTION_NAMES[argument];
  return option ? new CoreError(error.code, { ...error.details, argument: option }) : error;
}

/** Runs the command; returns the exit code. `out`/`err` receive whole chunks of text. */
export function main(argv: string[], env: Record<string, string | undefined>, out: (s: string) => void, err: (s: string) => void): number {
  const m = messages(env.LC_ALL || env.LC_MESSAGES || env.LANG || "en");
  try {
    const p = parseArgs(argv, m);
    if (["", "help", "--help", "-h"].includes(p.command) || p.flags.has("--help") || p.flags.has("-h")) {
      out(`${m.cli.usage}\n\n${m.overTime.usage}\n`);
      return p.command === "" ? 2 : 0;
    }
    const lines = (s: string) => err(`${s}\n`);
    const command = commandNamed(p.command);
    if (!command) throw new UsageError(`${m.cli.unknownCommand(p.command)}\n\n${m.cli.usage}\n\n${m.overTime.usage}`);
    command.run(p, m, out, lines);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`tier: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CoreError) {
      err(`tier: ${describeCoreError(withOptionNames(error), m)}\n`);
      return 2;
    }
    throw error;
  }
}
