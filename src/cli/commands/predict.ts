/**
 * `tier predict FILE.csv`: per customer P(alive), the expected purchases over `--horizon`, the expected
 * spend and the discounted CLV over `--clv-months` (the same work as =TIER.CLVPREDICT), on a
 * transactions file or a customer summary (model-input.ts).
 */
import { monthsIn } from "../../core/models/calibration";
import { CLV_DEFAULTS, predictCustomers } from "../../core/models/predict";
import type { CountModelName } from "../../core/models/count-model";
import type { Messages } from "../../i18n";
import { choice, emit, numberOption, type Command, type Out, type Parsed } from "../args";
import { fits, modelOption, readModelInput, type ModelInput } from "../model-input";
import type { Cell } from "../output";

interface PredictCliOptions {
  /** Horizon of expected_purchases in the unit; default 12 months' worth. */
  horizon?: number;
  clvMonths: number;
  monthlyDiscount: number;
  model?: CountModelName;
}

const PREDICT_HEADER = ["customer", "x", "t_x", "T", "p_alive", "expected_purchases", "expected_avg_spend", "clv"];

function predictRows(input: ModelInput, options: PredictCliOptions): { header: string[]; rows: Cell[][] } {
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

function predictCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const input = readModelInput(p, m, err);
  const clvMonths = numberOption(p, "--clv-months", m) ?? CLV_DEFAULTS.horizonMonths;
  const monthlyDiscount = numberOption(p, "--monthly-discount", m) ?? CLV_DEFAULTS.monthlyDiscount;
  const options = { horizon: numberOption(p, "--horizon", m), clvMonths, monthlyDiscount, model: modelOption(p, m) };
  const { header, rows } = predictRows(input, options);
  emit(header, rows, format, out);
}

export const predict: Command = {
  options: ["--customer", "--date", "--amount", "--quantity", "--order", "--unit", "--calibration-end", "--day-order", "--horizon", "--clv-months", "--monthly-discount", "--format", "--model"],
  run: predictCommand,
};
