/**
 * P(alive) and predicted CLV on the Movers sheet (issue 14 §3, "…P(alive) and CLV when predicted"): computed when
 * Movers is written, from the mapped data as of the later snapshot's date with the pane's Predict settings (unit,
 * model, horizon, discount), rather than stored in every snapshot. Why (size and cost): src/core/over-time/
 * movers-predict.ts. The source is read as a run reads it (run.ts `read`), cut at the later snapshot's date (the
 * analysis "as it stood then", issue 14 §1), so the numbers are what a run with predictions on that date gives.
 *
 * Honest about what it is: the note above the table names the date and the model; the fit's diagnostics (dropout
 * not identified, parameters at a limit …; src/i18n/diagnostics.ts) follow it. Left out, with the reason in the
 * note, when the later snapshot was made from another data source, or when the models cannot be fitted to the data
 * as of that date (isModelFailure: nobody came back, no finite maximum …), which is not a failed Movers.
 */
import { isModelFailure } from "../../core/analysis/predictions";
import { readCustomers } from "../../core/analysis/rows";
import { isoDateSerial } from "../../core/cells/dates";
import type { Movers } from "../../core/over-time/movers";
import { moverPredictions } from "../../core/over-time/movers-predict";
import type { Messages } from "../../i18n";
import { describeCoreError } from "../../i18n/describe";
import { diagnosticRecords, modelName } from "../../i18n/diagnostics";
import type { ExcelHost } from "../host";
import type { AnalysisSettings } from "../port";
import { upgradeSettings, type SnapshotRecord } from "../settings";
import { sourceKey } from "../tiering";
import { read } from "./run";
import { analysisColumns, checkSettings, optionsOf } from "./run-compute";
import { quietRunJob } from "./run-job";

export interface MoversPredicted {
  /** Per movers row (NaN: no prediction), or null when left out. */
  values: { pAlive: Float64Array; clv: Float64Array } | null;
  /** The sentence above the table: what the columns are, with the diagnostics, or why they are left out. */
  note: string;
  diagnostics: { code: string; message: string }[];
}

export async function moversPredicted(host: ExcelHost, context: Excel.RequestContext, given: AnalysisSettings, after: SnapshotRecord, movers: Movers, m: Messages): Promise<MoversPredicted> {
  const g = m.overTimeGaps.movers;
  const settings = upgradeSettings(given);
  const predict = settings.predict;
  const source = settings.source;
  if (!predict || !source) throw new RangeError("moversPredicted without Predict settings or a source");
  // A snapshot saved before sources were recorded has none: the pane's source is taken as its own.
  if (after.source && sourceKey(after.source) !== sourceKey(source)) return { values: null, note: g.notPredicted(g.otherSource), diagnostics: [] };
  checkSettings(settings, m);
  const runJob = quietRunJob(host, context, m, settings, source);
  const data = await read(runJob);
  const asOf = isoDateSerial(after.asOf);
  const { tx } = readCustomers(analysisColumns(data.cells), { ...optionsOf(settings, m), asOf });
  const model = predict.model === "paretoNbd" ? "paretoNbd" : "bgnbd";
  try {
    const p = moverPredictions(movers, tx, asOf, { unit: predict.unit, model, horizonMonths: predict.horizonMonths, monthlyDiscount: predict.monthlyDiscount });
    const diagnostics = diagnosticRecords(p.diagnostics, m);
    const note = [g.predicted(after.asOf, modelName(model, m)), ...diagnostics.map((d) => d.message)].join(" ");
    return { values: { pAlive: p.pAlive, clv: p.clv }, note, diagnostics };
  } catch (error) {
    if (isModelFailure(error)) return { values: null, note: g.notPredicted(describeCoreError(error, m)), diagnostics: [] };
    throw error;
  }
}
