/**
 * P(alive) and CLV on the movers (issue 14 §3: "…P(alive) and CLV when predicted"): the models fitted on the
 * data as of the later snapshot's date, so each mover's P(alive) and CLV are what a run with predictions on that
 * date would have given, joined to the movers by customer id.
 *
 * Why computed at Movers time rather than kept in every snapshot: the history keeps one row per customer and
 * snapshot within a sheet's rows and Office's 5 MB per request (docs/EXCEL.md); two more numbers on every row of
 * every snapshot would cost a fifth more bytes on each read and write, for a column only Movers reads, and a
 * snapshot rebuilt for many dates would need a fit per date. Fitting once, for the one date Movers asks about, is
 * one fit (docs/PERFORMANCE.md) and needs nothing stored.
 *
 * Honest about the fit: the diagnostics (models/diagnostics.ts) come back with the numbers, so callers say
 * "dropout not identified" and the rest rather than print a P(alive) of 1 for everyone as if it meant something.
 * A mover unknown on that date (first purchase after it) has no prediction (NaN; a blank in every output).
 */
import type { Transactions } from "../transactions/model";
import { fitDiagnostics, type Diagnostic } from "../models/diagnostics";
import { runClvModels, type ClvModelOptions } from "../models/predict";
import type { Movers } from "./movers";

export interface MoverPredictions {
  /** Per movers row: P(alive) and CLV as of `calibrationEnd`, NaN for a customer unknown then. */
  pAlive: Float64Array;
  clv: Float64Array;
  /** The whole-day serial the models were calibrated to (the later snapshot's date). */
  calibrationEnd: number;
  diagnostics: Diagnostic[];
  /** Customers the models were fitted on. */
  modelled: number;
}

/**
 * The movers' P(alive) and CLV, the models calibrated to `asOf` on `tx` (rows after it left out by the
 * calibration). Throws the models' CoreError when they cannot be fitted (noRepeatPurchases, fitFailed …): the
 * caller words it.
 */
export function moverPredictions(movers: Movers, tx: Transactions, asOf: number, options: Omit<ClvModelOptions, "calibrationEnd">): MoverPredictions {
  const run = runClvModels(tx, { ...options, calibrationEnd: Math.floor(asOf) });
  const rowOf = new Map<string, number>();
  run.summary.customerIds.forEach((id, k) => rowOf.set(String(id), k));
  const n = movers.rows.length;
  const pAlive = new Float64Array(n).fill(NaN);
  const clv = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const k = rowOf.get(movers.rows[i].id);
    if (k === undefined) continue;
    pAlive[i] = run.predictions.pAlive[k];
    clv[i] = run.predictions.clv[k];
  }
  return { pAlive, clv, calibrationEnd: run.summary.calibrationEnd, diagnostics: fitDiagnostics(run.counts, run.gammaGamma, run.summary), modelled: run.summary.customerIds.length };
}
