/**
 * `tier fit FILE.csv`: the count model's (BG/NBD, or Pareto/NBD with `--model pareto`) and the spend
 * model's fitted parameters as JSON, on a transactions file or a customer summary (model-input.ts).
 */
import { serialToIsoDate } from "../../core/cells/dates";
import { CLV_DEFAULTS } from "../../core/models/predict";
import type { CountModelName } from "../../core/models/count-model";
import type { Messages } from "../../i18n";
import { TRANSACTION_OPTIONS, type Command, type Out, type Parsed } from "../args";
import { MODEL_OPTIONS, fits, modelOption, readModelInput, type ModelInput } from "../model-input";
import { fitDiagnostics } from "../../core/models/diagnostics";
import { diagnosticRecords } from "../../i18n/diagnostics";

/** NaN (a standard error at a model limit) has no JSON form: null. */
function nullable<T extends object>(o: T): Record<keyof T, number | null> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number.isFinite(v) ? v : null])) as Record<keyof T, number | null>;
}

/**
 * The JSON `tier fit` prints: the count model's fit under its name ("bgnbd" or "paretoNbd") and the
 * spend model's, standard errors null at a model limit.
 */
function fitModels(input: ModelInput, m: Messages, model: CountModelName = CLV_DEFAULTS.model) {
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
    // What to know before trusting the fit (empty when all is well): stable codes and sentences.
    diagnostics: diagnosticRecords(fitDiagnostics(counts, gammaGamma, input), m),
  };
}

function fitCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const model = modelOption(p, m);
  out(`${JSON.stringify(fitModels(readModelInput(p, m, err), m, model), null, 2)}\n`);
}

export const fit: Command = {
  options: ["--customer", "--date", "--amount", "--quantity", "--order", "--unit", "--calibration-end", "--day-order", "--model"],
  help: { args: "FILE.csv", options: { ...MODEL_OPTIONS, ...TRANSACTION_OPTIONS }, example: "tier fit ../shared/data/cdnow_customers_summary.csv --unit week" },
  run: fitCommand,
};
