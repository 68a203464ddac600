/**
 * `tier clv`: the simple CLV formula (=TIER.CLV). Each input is a number given on the command line
 * or, with a file, a column name; without a file it prints one number, with one a row per line
 * (rows out of range are listed on stderr and left out).
 */
import { parseNumberText, isBlank, readNumberCell, type CellRead } from "../../core/cells/coerce";
import { ProblemLog } from "../../core/cells/problems";
import { checkClvInput, simpleClv, type ClvInput } from "../../core/tiers/clv";
import type { Messages } from "../../i18n";
import { describeClvProblem } from "../../i18n/describe";
import { FORMAT_OPTION, UsageError, choice, inputOptions, type Command, type Out, type Parsed } from "../args";
import { GrowingNumbers, readKeptColumns, reportKeptProblems } from "../kept-columns";
import { TableWriter, formatNumber } from "../output";

const CLV_FIELDS: [keyof ClvInput, string][] = [
  ["averagePurchase", "--avg-purchase"],
  ["purchasesPerYear", "--frequency"],
  ["lifespanYears", "--lifespan"],
  ["margin", "--margin"],
  ["discountRate", "--discount-rate"],
];

/** Range problems listed on stderr; the rest are counted (a file of bad rows must not become a list as long as itself). */
const LISTED = 10;

/** Each CLV input is a number given on the command line or, with a file, a column name. */
function clvCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const file = p.positional[0];
  const defaults: Record<string, string> = { "--avg-purchase": "avg_purchase", "--frequency": "frequency", "--lifespan": "lifespan", "--margin": "margin" };
  // Per input: a constant, or the column it is read from (named by the column).
  const inputs = CLV_FIELDS.map(([, flag]) => {
    const raw = p.options.get(flag) ?? (file ? defaults[flag] : undefined);
    if (raw === undefined) {
      if (flag === "--discount-rate") return { flag, constant: 0 };
      throw new UsageError(m.cli.requiredOption(flag));
    }
    const constant = parseNumberText(raw);
    if (!Number.isNaN(constant)) return { flag, constant };
    if (!file) throw new UsageError(m.cli.badNumberOption(flag, raw));
    return { flag, column: raw };
  });
  if (!file) {
    const input = clvInput(inputs.map((x) => x.constant!));
    const problem = checkClvInput(input);
    if (problem) throw new UsageError(describeClvProblem(problem.error, fieldFlag(problem.field), "", String(input[problem.field]), m));
    out(`${formatNumber(simpleClv(input))}\n`);
    return;
  }
  // The file as a stream: per row its CLV (and id), computed as the row arrives; never the file's text.
  const idName = p.options.get("--id");
  const columns = inputs.flatMap((x) => (x.column === undefined ? [] : [x.column]));
  const log = new ProblemLog();
  const ranges: string[] = [];
  let rangeCount = 0;
  const cell: CellRead = { status: "ok", value: 0 };
  const values: number[] = inputs.map(() => 0);
  const ids: (string | number)[] = [];
  const clvs = new GrowingNumbers();
  let kept = 0;
  // Rows out of range are reported after the read, at their file lines.
  const outOfRange: { row: number; problem: NonNullable<ReturnType<typeof checkClvInput>>; value: string }[] = [];
  const read = readKeptColumns(file, idName ? [...columns, idName] : columns, inputOptions(p, m), m, err, (cells, i) => {
    if (columns.every((_, k) => isBlank(cells[k]))) return; // an empty line
    let k = 0;
    for (let f = 0; f < inputs.length; f++) {
      const x = inputs[f];
      if (x.column === undefined) {
        values[f] = x.constant!;
        continue;
      }
      const text = cells[k++];
      readNumberCell(text, cell);
      if (cell.status !== "ok") {
        log.add(i, x.column, cell.status === "blank" ? "blankNumber" : cell.status === "error" ? "excelError" : "badNumber", text);
        return;
      }
      values[f] = cell.value;
    }
    const input = clvInput(values);
    const problem = checkClvInput(input);
    if (problem) {
      if (outOfRange.length < LISTED) outOfRange.push({ row: i, problem, value: String(input[problem.field]) });
      rangeCount++;
      return;
    }
    ids[kept] = idName ? cells[columns.length] : i;
    clvs.set(kept++, simpleClv(input));
  });
  reportKeptProblems(log, read, m, err);
  for (const { row, problem, value } of outOfRange) ranges.push(`  ${describeClvProblem(problem.error, fieldFlag(problem.field), m.cli.line(read.lineOf(row)), value, m)}`);
  if (rangeCount > LISTED) ranges.push(`  ${m.errors.moreProblems(rangeCount - LISTED)}`);
  for (const line of ranges) err(line);
  const result = clvs.finish(kept);
  const writer = new TableWriter([idName ?? "line", "clv"], format === "json" ? "json" : "csv", out);
  for (let r = 0; r < kept; r++) writer.row([idName ? ids[r] : read.lineOf(ids[r] as number), result[r]]);
  writer.end();
}

/** The option that gives a CLV input. */
function fieldFlag(field: keyof ClvInput): string {
  return CLV_FIELDS.find(([f]) => f === field)![1];
}

/** The five inputs in CLV_FIELDS order as the core's input. */
function clvInput(values: readonly number[]): ClvInput {
  return Object.fromEntries(CLV_FIELDS.map(([field], k) => [field, values[k]])) as unknown as ClvInput;
}

export const clv: Command = {
  options: ["--avg-purchase", "--frequency", "--lifespan", "--margin", "--discount-rate", "--id", "--format"],
  help: {
    args: "[FILE.csv]",
    example: "tier clv --avg-purchase 100 --frequency 4 --lifespan 3 --margin 0.25 --discount-rate 0.1",
    options: {
      "--avg-purchase": { text: "avgPurchase", kind: "text", default: "avg_purchase", example: "100" },
      "--frequency": { text: "clvFrequency", kind: "text", default: "frequency", example: "4" },
      "--lifespan": { text: "lifespan", kind: "text", default: "lifespan", example: "3" },
      "--margin": { text: "margin", kind: "text", default: "margin", example: "0.25" },
      "--discount-rate": { text: "discountRate", kind: "text", default: "0", example: "0.1" },
      "--id": { text: "clvId", kind: "column", default: { words: "lineNumber" }, example: "customer" },
      ...FORMAT_OPTION,
    },
  },
  run: clvCommand,
};
