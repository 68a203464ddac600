/**
 * `tier --help` and `tier COMMAND --help`, made from each command's option spec (Command.help) and the
 * catalog's words, so the help cannot list an option the command does not take or miss one it does
 * (test/cli/help.test.ts), and reads the same in every language.
 */
import type { Messages } from "../i18n";
import { INPUT_OPTIONS, type Command, type OptionSpec } from "./args";

/** `text` padded to `width` columns of a terminal, where a CJK character takes two. */
function padded(text: string, width: number): string {
  let used = 0;
  for (const ch of text) used += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return used >= width ? text : text + " ".repeat(width - used);
}

function placeholder(spec: OptionSpec, m: Messages): string {
  if (spec.kind === "flag") return "";
  if (spec.kind === "choice") return (spec.choices ?? []).join("|");
  return m.cliHelp.kinds[spec.kind];
}

/** One option on one line: name and value, what it means, its default (or that it is required) and an example. */
export function optionLine(name: string, spec: OptionSpec, m: Messages): string {
  const h = m.cliHelp;
  const value = placeholder(spec, m);
  const left = `  ${name}${value ? ` ${value}` : ""}`;
  const def = spec.required
    ? h.requiredNote
    : h.defaultIs(spec.default === undefined ? (spec.kind === "flag" ? h.defaults.offDefault : h.defaults.noDefault) : typeof spec.default === "string" ? spec.default : h.defaults[spec.default.words]);
  const example = h.exampleIs(spec.kind === "flag" ? name : `${name} ${spec.example ?? value}`);
  return `${padded(left, 34)} ${h.describe(h.options[spec.text], def, example)}`;
}

function lookup(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Every option and flag a command takes, with its spec (undefined where a command has none yet). */
export function optionSpecs(command: Command): [string, OptionSpec | undefined][] {
  const names = [...command.options, ...(command.flags ?? []), ...Object.keys(command.help?.options ?? {})];
  return [...new Set(names)].map((name) => [name, command.help?.options[name]]);
}

/** `tier NAME --help`: synopsis, what it does, each option, reading options, an example. */
export function commandHelp(name: string, command: Command, m: Messages): string {
  const h = m.cliHelp;
  const lines = [`tier ${name} ${command.help?.args ?? ""}`.trimEnd()];
  const summary = lookup(h.commands, name);
  if (summary) lines.push(`  ${summary}`);
  lines.push("", h.optionsHeading);
  for (const [option, spec] of optionSpecs(command)) lines.push(spec ? optionLine(option, spec, m) : `  ${option}`);
  if ((command.files ?? 1) > 0) {
    lines.push("", h.inputHeading);
    for (const [option, spec] of Object.entries(INPUT_OPTIONS)) lines.push(optionLine(option, spec, m));
  }
  const example = command.help?.example;
  if (example) lines.push("", h.exampleHeading, `  ${example}`);
  return `${lines.join("\n")}\n`;
}

/** `tier --help`: the synopsis of every command, then each command's options. */
export function overview(commands: Readonly<Record<string, Command>>, m: Messages): string {
  const sections = Object.entries(commands).map(([name, command]) => commandHelp(name, command, m));
  return `${m.cli.usage}\n\n${m.cliHelp.more}\n${m.cliHelp.exitCodes}\n\n${sections.join("\n")}`;
}
