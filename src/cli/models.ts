/**
 * `tier fit` and `tier predict`: BG/NBD (or Pareto/NBD) + Gamma-Gamma on a transactions file or on a customer summary
 * (columns x, t_x, T and optionally zbar; lifetimes' names frequency, recency, T, monetary_value too).
 */
import type { BgNbdFit } from "../core/models/bgnbd";
import { calibrationSummary, monthsIn, type TimeUnit } from "../core/models/calibration";
import { serialToIsoDate } from "../core/cells/dates";
import { CoreError } from "../core/cells/errors";
import { fitGammaGamma, type GammaGammaFit } from "../core/models/gammagamma";
import { ProblemLog } from "../core/cells/problems";
import { readNumberColumn } from "../core/transactions/read";
import type { CustomerId } from "../core/cells/coerce";
import type { Transactions } from "../core/transactions/model";
import type { ParetoNbdFit } from "../core/models/paretonbd";
import { CLV_DEFAULTS, predictCustomers } from "../core/models/predict";
import { fitCountModel, type CountModelName } from "../core/models/count-model";
import { columnIndex, type CsvTable } from "./csv";
import type { Cell } from "./output";

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
  transactions: () => Transactions;
  unit: TimeUnit;
  calibrationEnd?: number;
  /** Rows of a summary file that were left out, reported by the caller. */
  problems: (log: ProblemLog, rows: number) => void;
}

export function modelInput(header: readonly string[], sources: ModelInputSources): ModelInput {
  if (!isSummaryHeader(header)) {
    const s = calibrationSummary(sources.transactions(), { unit: sources.unit, calibrationEnd: sources.calibrationEnd });
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

function fits(input: ModelInput, model: CountModelName): { counts: BgNbdFit | ParetoNbdFit; gammaGamma: GammaGammaFit | null } {
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

/** NaN (a standard error at a model limit) has no JSON form: null. */
function nullable<T extends object>(o: T): Record<keyof T, number | null> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number.isFinite(v) ? v : null])) as Record<keyof T, number | null>;
}

/**
 * The JSON `tier fit` prints: the count model's fit under its name ("bgnbd" or "paretoNbd") and the
 * spend model's, standard errors null at a model limit.
 */
export function fitModels(input: ModelInput, model: CountModelName = CLV_DEFAULTS.model) {
  const { counts, gammaGamma } = fits(input, model);
  const { customers: _c, iterations: _i, model: _m, ...fit } = counts;
  return {
    source: input.source,
    unit: input.unit,
    calibrationEnd: input.calibrationEnd === null ? null : serialToIsoDate(input.calibrationEnd),
    customers: input.x.length,
    [model]: { ...fit, standardErrors: nullable(counts.standardErrors) },
    gammaGamma: gammaGamma
      ? (({ iterations: _it, ...g }) => ({ ...g, standardErrors: nullable(g.standardErrors) }))(gammaGamma)
      : null,
  };
}

export interface PredictCliOptions {
  /** Horizon of expected_purchases in the unit; default 12 months' worth. */
  horizon?: number;
  clvMonths: number;
  monthlyDiscount: number;
  model?: CountModelName;
}

export const PREDICT_HEADER = ["customer", "x", "t_x", "T", "p_alive", "expected_purchases", "expected_avg_spend", "clv"];

export function predictRows(input: ModelInput, options: PredictCliOptions): { header: string[]; rows: Cell[][] } {
  const { counts, gammaGamma } = fits(input, options.model ?? CLV_DEFAULTS.model);
  const horizon = options.horizon ?? monthsIn(input.unit, CLV_DEFAULTS.horizonMonths);
  const zbar = input.zbar ?? new Float64Array(input.x.length);
  const p = predictCustomers(counts, gammaGamma, { ...input, zbar }, {
    unit: input.unit,
    horizon,
    clvMonths: options.clvMonths,
    monthlyDiscount: options.monthlyDiscount,
  });
  // Without spend (a summary with no zbar) there is no spend model: those columns stay empty.
  const money = (v: number): Cell => (Number.isFinite(v) ? v : "");
  const rows: Cell[][] = new Array(input.x.length);
  for (let i = 0; i < rows.length; i++) {
    rows[i] = [input.customerIds[i], input.x[i], input.tx[i], input.T[i], p.pAlive[i], p.expectedPurchases[i], money(p.expectedAverageSpend[i]), money(p.clv[i])];
  }
  return { header: PREDICT_HEADER, rows };
}
