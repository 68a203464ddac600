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
import { FORMAT_OPTION, UsageError, choice, emit, pick, readTable, reportProblems, type Command, type Out, type Parsed } from "../args";
import { formatNumber, type Cell } from "../output";

const CLV_FIELDS: [keyof ClvInput, string][] = [
  ["averagePurchase", "--avg-purchase"],
  ["purchasesPerYear", "--frequency"],
  ["lifespanYears", "--lifespan"],
  ["margin", "--margin"],
  ["discountRate", "--discount-rate"],
];

/** Each CLV input is a number given on the command line or, with a file, a column name. */
function clvCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const file = p.positional[0];
  const table = file ? readTable(p, m, err).table : undefined;
  const defaults: Record<string, string> = { "--avg-purchase": "avg_purchase", "--frequency": "frequency", "--lifespan": "lifespan", "--margin": "margin" };
  // Per input: a constant, or a column's cells (named by the column).
  const inputs = CLV_FIELDS.map(([, flag]) => {
    const raw = p.options.get(flag) ?? (table ? defaults[flag] : undefined);
    if (raw === undefined) {
      if (flag === "--discount-rate") return { flag, constant: 0 };
      throw new UsageError(m.cli.requiredOption(flag));
    }
    const constant = parseNumberText(raw);
    if (!Number.isNaN(constant)) return { flag, constant };
    if (!table || !file) throw new UsageError(m.cli.badNumberOption(flag, raw));
    return { flag, column: raw, cells: pick(table, file, raw, m) };
  });
  const rows = table ? table.rows : 1;
  const log = new ProblemLog();
  const ranges: string[] = [];
  const ids = table && p.options.get("--id") ? pick(table, file!, p.options.get("--id")!, m) : undefined;
  const cell: CellRead = { status: "ok", value: 0 };
  const result: Cell[][] = [];
  rows: for (let i = 0; i < rows; i++) {
    if (table && inputs.every((x) => !x.cells || isBlank(x.cells[i]))) continue; // an empty line
    const values: number[] = [];
    for (const x of inputs) {
      if (!x.cells) {
        values.push(x.constant!);
        continue;
      }
      readNumberCell(x.cells[i], cell);
      if (cell.status !== "ok") {
        log.add(i, x.column, cell.status === "blank" ? "blankNumber" : cell.status === "error" ? "excelError" : "badNumber", x.cells[i]);
        continue rows;
      }
      values.push(cell.value);
    }
    const input = Object.fromEntries(CLV_FIELDS.map(([field], k) => [field, values[k]])) as unknown as ClvInput;
    const problem = checkClvInput(input);
    if (problem) {
      const flag = CLV_FIELDS.find(([field]) => field === problem.field)![1];
      const text = describeClvProblem(problem.error, flag, table ? m.cli.line(i + 2) : "", String(input[problem.field]), m);
      if (!table) throw new UsageError(text);
      ranges.push(`  ${text}`);
      continue;
    }
    result.push([ids ? ids[i] : table ? i + 2 : "", simpleClv(input)]);
  }
  reportProblems(log, rows, m, err);
  for (const line of ranges) err(line);
  if (!table) {
    out(`${formatNumber(result[0][1] as number)}\n`);
    return;
  }
  emit([p.options.get("--id") ?? "line", "clv"], result, format, out);
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
