/**
 * What `tier fit` and `tier predict` share: their input, a transactions file or a customer summary
 * (columns x, t_x, T and optionally zbar; lifetimes' names frequency, recency, T, monetary_value too),
 * read into one shape, and BG/NBD (or Pareto/NBD) + Gamma-Gamma fitted on it.
 */
import type { BgNbdFit } from "../core/models/bgnbd";
import { isSerialInRange, parseDateText } from "../core/cells/dates";
import { CoreError } from "../core/cells/errors";
import { calibrationFromStream, calibrationPlan, calibrationSummary, parseTimeUnit, type CalibrationSummary, type TimeUnit } from "../core/models/calibration";
import { fitGammaGamma, type GammaGammaFit } from "../core/models/gammagamma";
import { ProblemLog } from "../core/cells/problems";
import { readNumberColumn } from "../core/transactions/read";
import type { CustomerId } from "../core/cells/coerce";
import type { Transactions } from "../core/transactions/model";
import type { ParetoNbdFit } from "../core/models/paretonbd";
import { CLV_DEFAULTS } from "../core/models/predict";
import { fitCountModel, type CountModelName } from "../core/models/count-model";
import type { Messages } from "../i18n";
import { UsageError, choice, inputOptions, reportProblems, type OptionSpec, type Out, type Parsed } from "./args";
import { columnIndex, type CsvTable } from "./csv";
import { peekHeader, readTextTable } from "./input/table";
import { streamCustomersFile } from "./transactions-file";

/** Per customer x, t_x, T (in `unit`) and the mean repeat spend, or NaN where the file has none. */
export interface ModelInput {
  source: "transactions" | "summary";
  unit: TimeUnit;
  calibrationEnd: number | null;
  /** For a summary file, each kept customer's 0-based data row (rows with a problem are left out). */
  sourceRows: Int32Array | null;
  customerIds: CustomerId[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  zbar: Float64Array | null;
}

const SUMMARY_COLUMNS = { x: ["x", "frequency"], tx: ["t_x", "recency"], T: ["T"], zbar: ["zbar", "monetary_value"], id: ["ID", "id", "customer_id", "customer"] };

function find(header: readonly string[], names: readonly string[]): number | undefined {
  for (const name of names) {
    // "T" must not match a "t" column, so exact names first, then columnIndex's looser match.
    const exact = header.indexOf(name);
    if (exact >= 0) return exact;
  }
  for (const name of names) {
    if (name === "T") continue;
    const k = columnIndex(header, name);
    if (k !== undefined) return k;
  }
  return undefined;
}

/** A file whose header has x (or frequency), t_x (or recency) and T is a summary; anything else, transactions. */
export function isSummaryHeader(header: readonly string[]): boolean {
  return find(header, SUMMARY_COLUMNS.x) !== undefined && find(header, SUMMARY_COLUMNS.tx) !== undefined && header.includes("T");
}

export interface ModelInputSources {
  summary: () => CsvTable;
  /** A transactions file's calibration summary (streamed: memory grows with customers, not rows). */
  transactions: () => CalibrationSummary;
  unit: TimeUnit;
  /** Rows of a summary file that were left out, reported by the caller. */
  problems: (log: ProblemLog, rows: number) => void;
}

export function modelInput(header: readonly string[], sources: ModelInputSources): ModelInput {
  if (!isSummaryHeader(header)) {
    const s = sources.transactions();
    return { source: "transactions", unit: s.unit, calibrationEnd: s.calibrationEnd, sourceRows: null, customerIds: s.customerIds, x: s.x, tx: s.tx, T: s.T, zbar: s.zbar };
  }
  const table = sources.summary();
  const log = new ProblemLog();
  const column = (names: readonly string[]) => {
    const k = find(table.header, names);
    return k === undefined ? null : readNumberColumn(table.columns[k], table.header[k], log);
  };
  const names = [SUMMARY_COLUMNS.x, SUMMARY_COLUMNS.tx, SUMMARY_COLUMNS.T].map((n) => table.header[find(table.header, n)!]);
  const x = column(SUMMARY_COLUMNS.x)!;
  const tx = column(SUMMARY_COLUMNS.tx)!;
  const T = column(SUMMARY_COLUMNS.T)!;
  const zbar = column(SUMMARY_COLUMNS.zbar);
  const idColumn = find(table.header, SUMMARY_COLUMNS.id);
  // Rows with a problem or a blank are NaN in some column: left out, and a blank is reported too.
  const keep: number[] = [];
  const reported = new Set(log.problems.map((p) => p.row));
  for (let i = 0; i < table.rows; i++) {
    const values = [x[i], tx[i], T[i]];
    if (values.every((v) => v === v)) keep.push(i);
    else if (!reported.has(i)) log.add(i, names[values.findIndex((v) => v !== v)], "blankNumber", "");
  }
  sources.problems(log, table.rows);
  const take = (col: Float64Array) => Float64Array.from(keep, (i) => col[i]);
  return {
    source: "summary",
    unit: sources.unit,
    calibrationEnd: null,
    sourceRows: Int32Array.from(keep),
    customerIds: keep.map((i) => (idColumn === undefined ? i + 2 : table.columns[idColumn][i])),
    x: take(x),
    tx: take(tx),
    T: take(T),
    zbar: zbar ? take(zbar) : null,
  };
}

export function fits(input: ModelInput, model: CountModelName): { counts: BgNbdFit | ParetoNbdFit; gammaGamma: GammaGammaFit | null } {
  let counts: BgNbdFit | ParetoNbdFit;
  try {
    counts = fitCountModel(input, model);
  } catch (error) {
    // A bad summary row is named by its row in the file, not among the rows kept.
    if (error instanceof CoreError && error.code === "badRepeatSummary" && input.sourceRows) {
      throw new CoreError(error.code, { ...error.details, row: input.sourceRows[Number(error.details.row)] });
    }
    throw error;
  }
  return { counts, gammaGamma: input.zbar ? fitGammaGamma(input.x, input.zbar) : null };
}

/** A transactions file (customer, date, amount) or a customer summary (x, t_x, T and optionally zbar). */
/** `readTransactions`: a reader of the file's rows for a caller that needs them (the margin column); left out, the file is streamed. */
export function readModelInput(p: Parsed, m: Messages, err: Out, readTransactions?: (file: string, dayOrder: "mdy" | "dmy") => Transactions): ModelInput {
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const unitText = p.options.get("--unit");
  const givenUnit = unitText === undefined ? null : parseTimeUnit(unitText);
  if (unitText !== undefined && !givenUnit) throw new UsageError(m.cli.badChoice("--unit", unitText, "day, week, month"));
  const endText = p.options.get("--calibration-end");
  let calibrationEnd: number | undefined;
  if (endText !== undefined) {
    calibrationEnd = parseDateText(endText);
    if (!isSerialInRange(calibrationEnd)) throw new UsageError(m.cli.badDateOption("--calibration-end", endText));
  }
  const input = inputOptions(p, m);
  const header = peekHeader(file, input, m).header;
  // A summary's t_x and T are in whatever unit its maker used: it must be said. Transactions default
  // to weeks, and the command says so.
  const summary = isSummaryHeader(header);
  if (summary && !givenUnit) throw new UsageError(m.cli.unitRequired(file));
  if (!summary && !givenUnit) err(m.cli.unitAssumed);
  const unit = givenUnit ?? CLV_DEFAULTS.unit;
  return modelInput(header, {
    summary: () => {
      if (calibrationEnd !== undefined) throw new UsageError(m.cli.summaryTakesNoEnd(file));
      return readTextTable(file, input, m, err);
    },
    transactions: () => {
      const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
      // A caller's own reader (predict's margin column keeps the rows); otherwise streamed per customer.
      if (readTransactions) return calibrationSummary(readTransactions(file, dayOrder), { unit, calibrationEnd });
      const { stream, customerIds } = streamCustomersFile(p, file, dayOrder, calibrationPlan(calibrationEnd), m, err);
      return calibrationFromStream(stream, customerIds, { unit, calibrationEnd });
    },
    unit,
    problems: (log, rows) => reportProblems(log, rows, m, err),
  });
}

/** --model bgnbd (default) or pareto. */
export function modelOption(p: Parsed, m: Messages): CountModelName {
  return choice(p, "--model", ["bgnbd", "pareto"] as const, "bgnbd", m) === "pareto" ? "paretoNbd" : "bgnbd";
}

/** --unit, --calibration-end and --model: the help of `tier fit` and `tier predict`. */
export const MODEL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  "--unit": { text: "unit", kind: "choice", choices: ["day", "week", "month"], default: { words: "weeksForTransactions" }, example: "day" },
  "--calibration-end": { text: "calibrationEnd", kind: "date", default: { words: "allData" }, example: "1997-09-30" },
  "--model": { text: "model", kind: "choice", choices: ["bgnbd", "pareto"], default: "bgnbd", example: "pareto" },
};
