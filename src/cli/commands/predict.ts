/**
 * `tier predict FILE.csv`: per customer P(alive), the expected purchases over `--horizon`, the expected
 * spend and the discounted CLV over `--clv-months` (the same work as =TIER.CLVPREDICT), on a
 * transactions file or a customer summary (model-input.ts).
 */
import { monthsIn } from "../../core/models/calibration";
import { CLV_DEFAULTS, predictCustomers } from "../../core/models/predict";
import type { CountModelName } from "../../core/models/count-model";
import type { Messages } from "../../i18n";
import { FORMAT_OPTION, TRANSACTION_OPTIONS, UsageError, choice, numberOption, type Command, type Out, type Parsed } from "../args";
import { MODEL_OPTIONS, fits, modelOption, readModelInput, type ModelInput } from "../model-input";
import { TableWriter, formatNumber, type Cell } from "../output";
import { fitDiagnostics } from "../../core/models/diagnostics";
import { customerMarginRates, marginClv, marginClvByCustomer, ratesFor } from "../../core/models/margin";
import { readTransactionsWithMargins } from "../transactions-file";
import type { Transactions } from "../../core/transactions/model";
import { nextPurchase } from "../../core/models/next-purchase";
import { describeDiagnostic } from "../../i18n/diagnostics";

interface PredictCliOptions {
  /** Horizon of expected_purchases in the unit; default 12 months' worth. */
  horizon?: number;
  clvMonths: number;
  monthlyDiscount: number;
  model?: CountModelName;
  /** Adds p_purchase_within: P(at least one purchase within this many units). */
  within?: number;
  /** Adds clv_margin = clv × this rate. */
  margin?: number;
  /** Or clv_margin = clv × each customer's margin over revenue, from a margin column (by input row). */
  marginRows?: { lines: Transactions; margins: Float64Array };
}

/**
 * Each modelled customer's margin CLV from the margin column: their Σ margin / Σ revenue over the purchase
 * lines up to the calibration end (core/models/margin.ts). A customer whose rate is not from 0 to 1 is
 * listed on stderr by the file line of their first purchase, and their clv_margin is left empty.
 */
function marginFromColumn(clv: Float64Array, input: ModelInput, rows: NonNullable<PredictCliOptions["marginRows"]>, m: Messages, err: Out): Float64Array {
  const end = input.calibrationEnd ?? undefined;
  const rates = customerMarginRates(rows.lines, rows.margins, "amount", { lastDay: end, argument: "--margin-column" });
  const modelled = new Set(input.customerIds);
  const problems = rates.problems.filter((q) => modelled.has(q.customer));
  if (problems.length > 0) err(m.margin.cli.rateProblems(problems.length));
  for (const q of problems.slice(0, 10)) {
    const line = q.row + 2;
    const customer = String(q.customer);
    // Each reason its own sentence (core/models/margin.ts MarginRateReason): an overflow is not "no revenue".
    if (q.reason === "outOfRange") err(m.margin.cli.rateProblem(line, customer, `${formatNumber(q.rate * 100)}%`));
    else if (q.reason === "overflow") err(m.hostileNew.marginOverflowLine(line, customer));
    else err(m.margin.cli.noRevenue(line, customer));
  }
  if (problems.length > 10) err(`  ${m.errors.moreProblems(problems.length - 10)}`);
  return marginClvByCustomer(clv, ratesFor(rates.rate, rows.lines.customerIds, input.customerIds));
}

/**
 * The columns, each horizon in its name: expected_purchases over the horizon in the unit
 * ("expected_purchases_52_weeks"), clv over --clv-months ("clv_12_months"). A file read without its
 * settings still says what its numbers are for.
 */
export function predictHeader(horizon: number | undefined, unit: string, clvMonths: number): string[] {
  // Without --horizon it is 12 months' worth of the unit (52.18 weeks): named in months, as it was given.
  const over = horizon === undefined ? `${CLV_DEFAULTS.horizonMonths}_months` : `${formatNumber(horizon)}_${unit}s`;
  return ["customer", "x", "t_x", "T", "p_alive", `expected_purchases_${over}`, "expected_avg_spend", `clv_${formatNumber(clvMonths)}_months`];
}

function writePredictions(input: ModelInput, options: PredictCliOptions, format: "csv" | "json", m: Messages, out: Out, err: Out): void {
  const { counts, gammaGamma } = fits(input, options.model ?? CLV_DEFAULTS.model);
  // What to know before trusting the numbers, on stderr so the table on stdout stays a table.
  const diagnostics = fitDiagnostics(counts, gammaGamma, input);
  if (diagnostics.length > 0) err(m.trust.cli.diagnosticsHeading);
  for (const d of diagnostics) err(`  ${d.code}: ${describeDiagnostic(d, m)}`);
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
  const within = options.within === undefined ? null : nextPurchase(counts, input, options.within).pPurchaseWithin;
  const margin = options.marginRows
    ? marginFromColumn(p.clv, input, options.marginRows, m, err)
    : options.margin === undefined
      ? null
      : marginClv(p.clv, options.margin, "--margin");
  const header = [
    ...predictHeader(options.horizon, input.unit, options.clvMonths),
    // The names issue 13 gives: clv_margin has the clv column's horizon, p_purchase_within --within's.
    ...(margin ? ["clv_margin"] : []),
    ...(within ? ["p_purchase_within"] : []),
  ];
  const writer = new TableWriter(header, format, out);
  for (let i = 0; i < input.x.length; i++) {
    const row: Cell[] = [input.customerIds[i], input.x[i], input.tx[i], input.T[i], p.pAlive[i], p.expectedPurchases[i], money(p.expectedAverageSpend[i]), money(p.clv[i])];
    if (margin) row.push(money(margin[i]));
    if (within) row.push(within[i]);
    writer.row(row);
  }
  writer.end();
}

function predictCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const marginColumn = p.options.get("--margin-column");
  if (marginColumn !== undefined && p.options.has("--margin")) throw new UsageError(m.margin.cli.both);
  // With a margin column the rows are read as the pane reads them, the margins with them (transactions-file.ts).
  let marginRows: PredictCliOptions["marginRows"];
  const input = marginColumn === undefined
    ? readModelInput(p, m, err)
    : readModelInput(p, m, err, (file, dayOrder) => {
        const read = readTransactionsWithMargins(p, file, marginColumn, dayOrder, m, err);
        marginRows = { lines: read.lines, margins: read.margins };
        return read.tx;
      });
  if (marginColumn !== undefined && !marginRows) throw new UsageError(m.margin.cli.summaryFile(p.positional[0]));
  const clvMonths = numberOption(p, "--clv-months", m) ?? CLV_DEFAULTS.horizonMonths;
  const monthlyDiscount = numberOption(p, "--monthly-discount", m) ?? CLV_DEFAULTS.monthlyDiscount;
  const options = {
    horizon: numberOption(p, "--horizon", m),
    clvMonths,
    monthlyDiscount,
    model: modelOption(p, m),
    within: numberOption(p, "--within", m),
    margin: numberOption(p, "--margin", m),
    marginRows,
  };
  writePredictions(input, options, format, m, out, err);
}

export const predict: Command = {
  options: ["--customer", "--date", "--amount", "--quantity", "--order", "--unit", "--calibration-end", "--day-order", "--horizon", "--clv-months", "--monthly-discount", "--format", "--model", "--within", "--margin", "--margin-column"],
  help: {
    args: "FILE.csv",
    example: "tier predict ../shared/data/cdnow_customers_summary_with_transactions.csv --unit week --horizon 39",
    options: {
      ...MODEL_OPTIONS,
      "--horizon": { text: "horizon", kind: "number", default: { words: "twelveMonths" }, example: "39" },
      "--clv-months": { text: "clvMonths", kind: "number", default: String(CLV_DEFAULTS.horizonMonths), example: "24" },
      "--monthly-discount": { text: "monthlyDiscount", kind: "number", default: String(CLV_DEFAULTS.monthlyDiscount), example: "0.015" },
      "--within": { text: "within", kind: "number", default: { words: "offDefault" }, example: "4" },
      "--margin": { text: "clvMargin", kind: "number", default: { words: "offDefault" }, example: "0.3" },
      "--margin-column": { text: "marginColumn", kind: "column", default: { words: "offDefault" }, example: "profit" },
      ...TRANSACTION_OPTIONS,
      ...FORMAT_OPTION,
    },
  },
  run: predictCommand,
};
