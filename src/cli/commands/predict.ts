/**
 * `tier predict FILE.csv`: per customer P(alive), the expected purchases over `--horizon`, the expected
 * spend and the discounted CLV over `--clv-months` (the same work as =TIER.CLVPREDICT), on a
 * transactions file or a customer summary (model-input.ts).
 */
import { monthsIn } from "../../core/models/calibration";
import { CLV_DEFAULTS, predictCustomers } from "../../core/models/predict";
import type { CountModelName } from "../../core/models/count-model";
import type { Messages } from "../../i18n";
import { FORMAT_OPTION, TRANSACTION_OPTIONS, choice, numberOption, type Command, type Out, type Parsed } from "../args";
import { MODEL_OPTIONS, fits, modelOption, readModelInput, type ModelInput } from "../model-input";
import { TableWriter, formatNumber, type Cell } from "../output";

interface PredictCliOptions {
  /** Horizon of expected_purchases in the unit; default 12 months' worth. */
  horizon?: number;
  clvMonths: number;
  monthlyDiscount: number;
  model?: CountModelName;
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

function writePredictions(input: ModelInput, options: PredictCliOptions, format: "csv" | "json", out: Out): void {
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
  const writer = new TableWriter(predictHeader(options.horizon, input.unit, options.clvMonths), format, out);
  for (let i = 0; i < input.x.length; i++) {
    writer.row([input.customerIds[i], input.x[i], input.tx[i], input.T[i], p.pAlive[i], p.expectedPurchases[i], money(p.expectedAverageSpend[i]), money(p.clv[i])]);
  }
  writer.end();
}

function predictCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const input = readModelInput(p, m, err);
  const clvMonths = numberOption(p, "--clv-months", m) ?? CLV_DEFAULTS.horizonMonths;
  const monthlyDiscount = numberOption(p, "--monthly-discount", m) ?? CLV_DEFAULTS.monthlyDiscount;
  const options = { horizon: numberOption(p, "--horizon", m), clvMonths, monthlyDiscount, model: modelOption(p, m) };
  writePredictions(input, options, format, out);
}

export const predict: Command = {
  options: ["--customer", "--date", "--amount", "--unit", "--calibration-end", "--day-order", "--horizon", "--clv-months", "--monthly-discount", "--format", "--model"],
  help: {
    args: "FILE.csv",
    example: "tier predict ../shared/data/cdnow_customers_summary_with_transactions.csv --unit week --horizon 39",
    options: {
      ...MODEL_OPTIONS,
      "--horizon": { text: "horizon", kind: "number", default: { words: "twelveMonths" }, example: "39" },
      "--clv-months": { text: "clvMonths", kind: "number", default: String(CLV_DEFAULTS.horizonMonths), example: "24" },
      "--monthly-discount": { text: "monthlyDiscount", kind: "number", default: String(CLV_DEFAULTS.monthlyDiscount), example: "0.015" },
      ...TRANSACTION_OPTIONS,
      ...FORMAT_OPTION,
    },
  },
  run: predictCommand,
};
