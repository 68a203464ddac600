/**
 * The `tier` command: the core on CSV files, for batch work and benchmarks.
 *   tier rfm FILE.csv [...]   tier abc FILE.csv --value COL [...] (abc.ts)   tier clv [...]   tier bench [FILE.csv]
 *   tier fit FILE.csv [...]   tier predict FILE.csv [...]   (BG/NBD + Gamma-Gamma, see models.ts)
 *   tier migrate BEFORE.csv AFTER.csv [...]   tier pilot FILE.csv [...]   (snapshots and pilots, see dynamic.ts)
 *   tier score FILE.csv --metrics COL1,COL2 --weights 0.5,0.5 [...]   (the weighted score, see score.ts)
 * Exit codes: 0 done (rows left out are listed on stderr), 2 bad arguments or unreadable input.
 */
import { checkClvInput, simpleClv, type ClvInput } from "../core/tiers/clv";
import { parseDateText, serialToIsoDate, isSerialInRange } from "../core/cells/dates";
import { CoreError } from "../core/cells/errors";
import { ProblemLog } from "../core/cells/problems";
import { isBlank, parseNumberText, readNumberCell, type CellRead } from "../core/cells/coerce";
import { readTransactions } from "../core/transactions/read";
import type { ReadOptions } from "../core/transactions/builder";
import type { Transactions } from "../core/transactions/model";
import { isWideScoring, rfmCode, rfmInputs, scoreCustomers, type FrequencyBasis, type MonetaryBasis } from "../core/tiers/rfm";
import { readSegmentRules, segmentCustomers, type SegmentRule, type SegmentScheme } from "../core/tiers/segments";
import { summarizeCustomers } from "../core/transactions/summary";
import { tierTotals } from "../core/tiers/totals";
import { messages, type Messages } from "../i18n";
import { describeClvProblem, describeCoreError, segmentName } from "../i18n/describe";
import { ABC_FLAGS, ABC_OPTIONS, abcCommand } from "./abc";
import { runBench } from "./bench";
import { SCORE_OPTIONS, scoreCommand } from "./score";
import { migrateCommand, pilotCommand } from "./dynamic";
import { parseTimeUnit } from "../core/models/calibration";
import { CLV_DEFAULTS } from "../core/models/predict";
import type { CountModelName } from "../core/models/count-model";
import { fitModels, isSummaryHeader, modelInput, predictRows, type ModelInput } from "./models";
import { parseCsv, readCsvFile, type CsvTable } from "./csv";
import { readTransactionsCsv } from "./transactions-csv";
import { formatNumber, type Cell } from "./output";
import { UsageError, choice, emit, listOption, numberOption, pick, position, readBytes, readTable, reportProblems, type Parsed } from "./args";

export { UsageError } from "./args";

const FLAGS = new Set(["--summary", "--help", "-h", "--json", ...ABC_FLAGS]);
const OPTIONS: Record<string, string[]> = {
  rfm: ["--customer", "--date", "--amount", "--as-of", "--bins", "--segments", "--format", "--frequency", "--monetary", "--day-order", "--r-breaks", "--f-breaks", "--m-breaks"],
  abc: ABC_OPTIONS,
  clv: ["--avg-purchase", "--frequency", "--lifespan", "--margin", "--discount-rate", "--id", "--format"],
  fit: ["--customer", "--date", "--amount", "--unit", "--calibration-end", "--day-order", "--model"],
  predict: ["--customer", "--date", "--amount", "--unit", "--calibration-end", "--day-order", "--horizon", "--clv-months", "--monthly-discount", "--format", "--model"],
  bench: ["--rows", "--repeat"],
  migrate: ["--id", "--tier", "--measure", "--order", "--revenue", "--orders", "--last", "--as-of"],
  pilot: ["--id", "--tier", "--share", "--control-share", "--seed", "--only-tier", "--format"],
  score: SCORE_OPTIONS,
};

function parseArgs(argv: string[], m: Messages): Parsed {
  const [command = "", ...rest] = argv;
  const parsed: Parsed = { command, positional: [], options: new Map(), flags: new Set() };
  const known = OPTIONS[command];
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

/**
 * A transactions file into typed columns: straight from the bytes when the file has no quotes
 * (transactions-csv.ts), else through the general CSV parser. Both paths read rows alike.
 */
function loadTransactions(file: string, names: { customers: string; dates: string; amounts: string }, options: ReadOptions, m: Messages): Transactions {
  const bytes = readBytes(file, m);
  const firstLine = bytes.indexOf(10);
  const header = parseCsv(bytes.toString("utf8", 0, firstLine < 0 ? bytes.length : firstLine)).header;
  const positions = {
    customer: position(header, file, names.customers, m),
    date: position(header, file, names.dates, m),
    amount: position(header, file, names.amounts, m),
  };
  const fast = readTransactionsCsv(bytes, positions, options);
  if (fast) return fast;
  const table = parseCsv(bytes.toString("utf8"));
  const column = (k: number) => table.columns[k] ?? [];
  return readTransactions({ customers: column(positions.customer), dates: column(positions.date), amounts: column(positions.amount) }, options);
}

function segmentOption(p: Parsed, m: Messages): SegmentScheme | SegmentRule[] {
  const raw = p.options.get("--segments") ?? "rfm";
  if (raw === "rfm" || raw === "cn8") return raw;
  if (!raw.toLowerCase().endsWith(".csv")) throw new CoreError("unknownScheme", { value: raw });
  let rules: CsvTable;
  try {
    rules = readCsvFile(raw);
  } catch (error) {
    throw new UsageError(m.cli.unreadable(raw, error instanceof Error ? error.message : String(error)));
  }
  const rows: unknown[][] = [rules.header];
  for (let i = 0; i < rules.rows; i++) rows.push(rules.columns.map((c) => c[i]));
  return readSegmentRules(rows);
}

function rfmCommand(p: Parsed, m: Messages, out: (s: string) => void, err: (s: string) => void): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const frequencyBasis = choice<FrequencyBasis>(p, "--frequency", ["orders", "days"], "orders", m);
  const monetaryBasis = choice<MonetaryBasis>(p, "--monetary", ["total", "average"], "total", m);
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  const bins = numberOption(p, "--bins", m);
  const scheme = segmentOption(p, m);
  let asOf: number | undefined;
  const asOfText = p.options.get("--as-of");
  if (asOfText !== undefined) {
    asOf = parseDateText(asOfText);
    if (!isSerialInRange(asOf)) throw new UsageError(m.errors.badAsOf(asOfText));
  }
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const names = {
    customers: p.options.get("--customer") ?? "customer_id",
    dates: p.options.get("--date") ?? "date",
    amounts: p.options.get("--amount") ?? "amount",
  };
  const tx = loadTransactions(file, names, { fieldNames: names, dayOrder }, m);
  reportProblems(tx.problems, tx.inputRows, m, err);
  if (tx.validRows === 0) throw new CoreError("noData", { argument: file });
  const summary = summarizeCustomers(tx, { asOf });
  const breakpoints = { recency: listOption(p, "--r-breaks", m), frequency: listOption(p, "--f-breaks", m), monetary: listOption(p, "--m-breaks", m) };
  const scores = scoreCustomers(summary, { bins, frequencyBasis, monetaryBasis, breakpoints });
  const seg = segmentCustomers(scores, scheme);
  if (p.flags.has("--summary")) {
    const labels = seg.names.map((_, k) => segmentName(seg, k, m));
    const rows = tierTotals(seg.index, labels, summary.orders, summary.totalAmount)
      .filter((t) => t.customers > 0)
      .sort((a, b) => (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0))
      .map((t): Cell[] => [t.tier, t.customers, t.orders, t.revenue]);
    emit(["segment", "customers", "orders", "revenue"], rows, format, out);
    return;
  }
  const { frequency, monetary } = rfmInputs(summary, { frequencyBasis, monetaryBasis });
  const wide = isWideScoring(scores);
  const rows: Cell[][] = new Array(summary.customerIds.length);
  for (let i = 0; i < rows.length; i++) {
    const r = scores.r.scores[i];
    const f = scores.f.scores[i];
    const s = scores.m.scores[i];
    rows[i] = [summary.customerIds[i], serialToIsoDate(summary.lastPurchase[i]), summary.recencyDays[i], frequency[i], monetary[i], r, f, s, rfmCode(r, f, s, wide), segmentName(seg, seg.index[i], m)];
  }
  emit(["customer_id", "last_purchase", "recency_days", "frequency", "monetary", "r", "f", "m", "rfm", "segment"], rows, format, out);
}

const CLV_FIELDS: [keyof ClvInput, string][] = [
  ["averagePurchase", "--avg-purchase"],
  ["purchasesPerYear", "--frequency"],
  ["lifespanYears", "--lifespan"],
  ["margin", "--margin"],
  ["discountRate", "--discount-rate"],
];

/** Each CLV input is a number given on the command line or, with a file, a column name. */
function clvCommand(p: Parsed, m: Messages, out: (s: string) => void, err: (s: string) => void): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const file = p.positional[0];
  const table = file ? readTable(p, m).table : undefined;
  const defaults: Record<string, string> = { "--avg-purchase": "avg_purchase", "--frequency": "frequency", "--lifespan": "lifespan", "--margin": "margin" };
  // Per input: a constant, or a column's cells (named by the column).
  const inputs = CLV_FIELDS.map(([, flag]) => {
    const raw = p.options.get(flag) ?? (table ? defaults[flag] : undefined);
    if (raw === undefined) {
      if (flag === "--discount-rate") return { flag, constant: 0 };
      throw new UsageError(m.cli.missingValue(flag));
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

/** A transactions file (customer, date, amount) or a customer summary (x, t_x, T and optionally zbar). */
function readModelInput(p: Parsed, m: Messages, err: (s: string) => void): ModelInput {
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const unitText = p.options.get("--unit");
  const givenUnit = unitText === undefined ? null : parseTimeUnit(unitText);
  if (unitText !== undefined && !givenUnit) throw new UsageError(m.cli.badChoice("--unit", unitText, "day, week, month"));
  const endText = p.options.get("--calibration-end");
  let calibrationEnd: number | undefined;
  if (endText !== undefined) {
    calibrationEnd = parseDateText(endText);
    if (!isSerialInRange(calibrationEnd)) throw new UsageError(m.errors.badAsOf(endText));
  }
  const bytes = readBytes(file, m);
  const firstLine = bytes.indexOf(10);
  const header = parseCsv(bytes.toString("utf8", 0, firstLine < 0 ? bytes.length : firstLine)).header;
  if (header.length === 0) throw new UsageError(m.cli.emptyFile(file));
  // A summary's t_x and T are in whatever unit its maker used: it must be said. Transactions default
  // to weeks, and the command says so.
  const summary = isSummaryHeader(header);
  if (summary && !givenUnit) throw new UsageError(m.cli.unitRequired(file));
  if (!summary && !givenUnit) err(m.cli.unitAssumed);
  const unit = givenUnit ?? CLV_DEFAULTS.unit;
  return modelInput(header, {
    summary: () => {
      if (calibrationEnd !== undefined) throw new UsageError(m.cli.summaryTakesNoEnd(file));
      return parseCsv(bytes.toString("utf8"));
    },
    transactions: () => {
      const names = {
        customers: p.options.get("--customer") ?? "customer_id",
        dates: p.options.get("--date") ?? "date",
        amounts: p.options.get("--amount") ?? "amount",
      };
      const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
      const tx = loadTransactions(file, names, { fieldNames: names, dayOrder }, m);
      reportProblems(tx.problems, tx.inputRows, m, err);
      if (tx.validRows === 0) throw new CoreError("noData", { argument: file });
      return tx;
    },
    unit,
    calibrationEnd,
    problems: (log, rows) => reportProblems(log, rows, m, err),
  });
}

/** --model bgnbd (default) or pareto. */
function modelOption(p: Parsed, m: Messages): CountModelName {
  return choice(p, "--model", ["bgnbd", "pareto"] as const, "bgnbd", m) === "pareto" ? "paretoNbd" : "bgnbd";
}

function fitCommand(p: Parsed, m: Messages, out: (s: string) => void, err: (s: string) => void): void {
  const model = modelOption(p, m);
  out(`${JSON.stringify(fitModels(readModelInput(p, m, err), model), null, 2)}\n`);
}

function predictCommand(p: Parsed, m: Messages, out: (s: string) => void, err: (s: string) => void): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const input = readModelInput(p, m, err);
  const clvMonths = numberOption(p, "--clv-months", m) ?? CLV_DEFAULTS.horizonMonths;
  const monthlyDiscount = numberOption(p, "--monthly-discount", m) ?? CLV_DEFAULTS.monthlyDiscount;
  const options = { horizon: numberOption(p, "--horizon", m), clvMonths, monthlyDiscount, model: modelOption(p, m) };
  const { header, rows } = predictRows(input, options);
  emit(header, rows, format, out);
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

type Command = (p: Parsed, m: Messages, out: (s: string) => void, err: (s: string) => void) => void;

const COMMANDS: Record<string, Command> = {
  rfm: rfmCommand,
  abc: abcCommand,
  clv: clvCommand,
  fit: fitCommand,
  predict: predictCommand,
  bench: (p, m, out) => out(`${JSON.stringify(runBench(p.positional[0], numberOption(p, "--rows", m), numberOption(p, "--repeat", m)), null, 2)}\n`),
  migrate: migrateCommand,
  pilot: pilotCommand,
  score: scoreCommand,
};

/** Runs the command; returns the exit code. `out`/`err` receive whole chunks of text. */
export function main(argv: string[], env: Record<string, string | undefined>, out: (s: string) => void, err: (s: string) => void): number {
  const m = messages(env.LC_ALL || env.LC_MESSAGES || env.LANG || "en");
  try {
    const p = parseArgs(argv, m);
    if (["", "help", "--help", "-h"].includes(p.command) || p.flags.has("--help") || p.flags.has("-h")) {
      out(`${m.cli.usage}\n`);
      return p.command === "" ? 2 : 0;
    }
    const lines = (s: string) => err(`${s}\n`);
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, p.command) ? COMMANDS[p.command] : undefined;
    if (!command) throw new UsageError(`${m.cli.unknownCommand(p.command)}\n\n${m.cli.usage}`);
    command(p, m, out, lines);
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
