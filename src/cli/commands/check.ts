/**
 * `tier check FILE.csv --calibration-end DATE`: does the model work on this data? The transactions are
 * split at the calibration end, the count model is fitted on the part before it, and its predictions
 * for the holdout are set against what the customers did (src/core/models/holdout.ts): the table by
 * calibration repeat purchases (FHL 2005, Figure 4), totals, MAE, RMSE, bias, the cumulative tracking
 * (Figure 2), P(alive) by tenth of customers, and the fit's diagnostics. CSV prints the groups table
 * (the figures on standard error); JSON prints everything.
 */
import { isSerialInRange, parseDateText, serialToIsoDate } from "../../core/cells/dates";
import { parseTimeUnit } from "../../core/models/calibration";
import { holdoutCheck, HOLDOUT_GROUPS, type HoldoutCheck } from "../../core/models/holdout";
import { CLV_DEFAULTS } from "../../core/models/predict";
import type { Messages } from "../../i18n";
import { echoText } from "../../i18n/describe";
import { describeDiagnostic, diagnosticRecords } from "../../i18n/diagnostics";
import { FORMAT_OPTION, TRANSACTION_OPTIONS, UsageError, choice, emit, type Command, type Out, type Parsed } from "../args";
import { MODEL_OPTIONS, modelOption } from "../model-input";
import { formatNumber } from "../output";
import { readTransactionsFile } from "../transactions-file";

function dateOption(p: Parsed, name: string, m: Messages): number | undefined {
  const text = p.options.get(name);
  if (text === undefined) return undefined;
  const serial = parseDateText(text);
  if (!isSerialInRange(serial)) throw new UsageError(m.trust.cli.badDate(name, echoText(text)));
  return serial;
}

/** "7+" for the last group. */
const groupLabel = (x: number): string => (x === HOLDOUT_GROUPS - 1 ? `${x}+` : String(x));

/** The JSON `tier check --format json` prints (numbers as the CSV writer rounds them). */
export function checkJson(check: HoldoutCheck, m: Messages) {
  const n = (v: number) => Number(formatNumber(v));
  return {
    model: check.counts.model,
    unit: check.summary.unit,
    calibration_end: serialToIsoDate(check.summary.calibrationEnd),
    holdout_end: serialToIsoDate(check.holdoutEnd),
    holdout_length: n(check.holdoutLength),
    customers: check.summary.x.length,
    groups: check.groups.map((g) => ({ x: groupLabel(g.x), customers: g.customers, predicted_mean: n(g.predictedMean), actual_mean: n(g.actualMean) })),
    total_predicted: n(check.totalPredicted),
    total_actual: check.totalActual,
    mae: n(check.mae),
    rmse: n(check.rmse),
    bias: n(check.bias),
    tracking: check.tracking.map((t) => ({ period: t.period, end: serialToIsoDate(t.end), holdout: t.holdout, actual: t.actual, expected: n(t.expected) })),
    p_alive_deciles: check.aliveDeciles.map((d) => ({ decile: d.decile, customers: d.customers, mean_p_alive: n(d.meanPAlive), bought_share: n(d.boughtShare) })),
    diagnostics: diagnosticRecords(check.diagnostics, m),
  };
}

function checkCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const calibrationEnd = dateOption(p, "--calibration-end", m);
  if (calibrationEnd === undefined) throw new UsageError(m.trust.cli.calibrationEndRequired);
  const holdoutEnd = dateOption(p, "--holdout-end", m) ?? null;
  const unitText = p.options.get("--unit");
  const unit = unitText === undefined ? CLV_DEFAULTS.unit : parseTimeUnit(unitText);
  if (!unit) throw new UsageError(m.cli.badChoice("--unit", unitText ?? "", "day, week, month"));
  if (unitText === undefined) err(m.cli.unitAssumed);
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const model = modelOption(p, m);
  const tx = readTransactionsFile(p, file, choice(p, "--day-order", ["mdy", "dmy"], "mdy", m), m, err);
  const check = holdoutCheck(tx, { unit, calibrationEnd, holdoutEnd, model });
  if (format === "json") {
    out(`${JSON.stringify(checkJson(check, m), null, 2)}\n`);
    return;
  }
  const rows = check.groups.map((g) => [groupLabel(g.x), g.customers, g.predictedMean, g.actualMean]);
  emit(["x", "customers", "predicted_mean", "actual_mean"], rows, "csv", out);
  err(m.trust.cli.checkSummary(formatNumber(Number(check.totalPredicted.toFixed(1))), check.totalActual, check.mae.toFixed(3), check.rmse.toFixed(3), check.bias.toFixed(3)));
  if (check.diagnostics.length > 0) {
    err(m.trust.cli.diagnosticsHeading);
    for (const d of check.diagnostics) err(`  ${d.code}: ${describeDiagnostic(d, m)}`);
  }
}

export const check: Command = {
  options: ["--customer", "--date", "--amount", "--quantity", "--order", "--unit", "--calibration-end", "--holdout-end", "--day-order", "--model", "--format"],
  help: {
    args: "FILE.csv",
    example: "tier check ../shared/data/CDNOW_master.txt --amount dollar_value --calibration-end 1997-09-30 --holdout-end 1998-06-30 --unit week",
    options: {
      ...MODEL_OPTIONS,
      "--calibration-end": { text: "calibrationEnd", kind: "date", required: true, example: "1997-09-30" },
      "--holdout-end": { text: "holdoutEnd", kind: "date", default: { words: "allData" }, example: "1998-06-30" },
      ...TRANSACTION_OPTIONS,
      ...FORMAT_OPTION,
    },
  },
  run: checkCommand,
};
