/**
 * "Predict CLV & churn" for the pane's analysis: the fitted BG/NBD and Gamma-Gamma models
 * (runClvModels), lifecycle stages and the churn-warning list, computed on the transactions the
 * analysis read (returns excluded) with the analysis date as the end of calibration, and joined to
 * the analysis customers by customer id. The models' summary holds only customers with a purchase by
 * the calibration end; any other customer gets NaN (no prediction) and is not on the warning list.
 *
 * A model that cannot be fitted to the data (nobody came back, q ≤ 1, no finite maximum) is not a
 * failed run: the tiers stand without the predictions and `error` carries the core's reason, which the
 * caller words (src/i18n/describe.ts). Lifecycle stages need no model and are always given.
 *
 * Apart from the tiering (run.ts) because a caller that reports progress runs the tiers first and this
 * second; it imports the score step (score.ts) below it and is imported by run.ts, never the reverse.
 */
import { CHURN_DEFAULTS, churnWarning } from "../models/churn";
import { dropoutNotIdentified, fitDiagnostics } from "../models/diagnostics";
import { CoreError, throwFirst, type CoreErrorCode, type CoreProblem } from "../cells/errors";
import type { CustomerId } from "../cells/coerce";
import type { Transactions } from "../transactions/model";
import { LIFECYCLE_DEFAULTS, lifecycleOptionProblems, lifecycleStages } from "../models/lifecycle";
import { CLV_DEFAULTS, predictOptionProblems, runClvModels, type ClvModelRun } from "../models/predict";
import { perTier } from "./measures";
import { customerMarginClv, customerNextPurchase } from "./predict-extras";
import { scoreNeedsPredictions, withScore } from "./score";
import type { AnalysisResult, CustomerPredictions, PredictAnalysisOptions, TierRow } from "./types";

export const PREDICT_DEFAULTS: Readonly<PredictAnalysisOptions> = {
  unit: CLV_DEFAULTS.unit,
  horizonMonths: CLV_DEFAULTS.horizonMonths,
  monthlyDiscount: CLV_DEFAULTS.monthlyDiscount,
  ...LIFECYCLE_DEFAULTS,
  cantLoseShare: CHURN_DEFAULTS.valueShare,
  cantLoseRisk: CHURN_DEFAULTS.risk,
};

/** The core errors that mean "the models do not fit these data" rather than "the settings are wrong". */
const MODEL_FAILURES: ReadonlySet<CoreErrorCode> = new Set<CoreErrorCode>(["noRepeatPurchases", "fitFailed", "gammaGammaQ", "noRepeatSpend", "noData"]);

export function isModelFailure(error: unknown): error is CoreError {
  return error instanceof CoreError && MODEL_FAILURES.has(error.code);
}

/**
 * The models' problems (badHorizon, badDiscount, badLifecycle) with these settings; the churn cut-offs
 * are settings of the analysis and checked with them (problems.ts).
 */
export function predictAnalysisProblems(o: PredictAnalysisOptions): CoreProblem[] {
  return [...predictOptionProblems({ unit: o.unit, horizon: 0, clvMonths: o.horizonMonths, monthlyDiscount: o.monthlyDiscount }), ...lifecycleOptionProblems(o)];
}

/** Index of each of `ids` among `into` (−1 when absent); identity when both lists are the same. */
function joinIds(ids: readonly CustomerId[], into: readonly CustomerId[]): Int32Array {
  const out = new Int32Array(ids.length);
  if (ids === into) {
    for (let k = 0; k < out.length; k++) out[k] = k;
    return out;
  }
  const index = new Map<CustomerId, number>();
  into.forEach((id, c) => index.set(id, c));
  for (let k = 0; k < ids.length; k++) out[k] = index.get(ids[k]) ?? -1;
  return out;
}

function spread(values: ArrayLike<number>, to: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n).fill(NaN);
  for (let k = 0; k < to.length; k++) if (to[k] >= 0) out[to[k]] = values[k];
  return out;
}

/**
 * The honest alternative to P(alive) when dropout is not identified: how likely a customer still buying
 * at their own rate (λ | x, t_x ~ Gamma(r+x, α+t_x), the posterior before the silence) would have stayed
 * silent from t_x to T: ((α+t_x)/(α+T))^(r+x). Long silences against a customer's own rate score low.
 * It is the BG/NBD likelihood ratio of the silence, read without the dropout term the data cannot fit.
 */
function silenceAlive(fit: { r: number; alpha: number }, s: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> }): Float64Array {
  const out = new Float64Array(s.x.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(-(fit.r + s.x[i]) * Math.log1p((s.T[i] - s.tx[i]) / (fit.alpha + s.tx[i])));
  return out;
}

/** Predictions, lifecycle stages and the warning list for the analysis customers. */
export function predictAnalysisCustomers(tx: Transactions, customerIds: readonly CustomerId[], asOf: number, options: PredictAnalysisOptions, marginTotals: Float64Array | null = null): CustomerPredictions {
  throwFirst(predictAnalysisProblems(options));
  const n = customerIds.length;
  const lifecycle = lifecycleStages(tx, { asOf, ...options });
  const stage = new Uint8Array(n);
  const stageTo = joinIds(lifecycle.customerIds, customerIds);
  for (let k = 0; k < stageTo.length; k++) if (stageTo[k] >= 0) stage[stageTo[k]] = lifecycle.stage[k];

  let run: ClvModelRun;
  try {
    // The pane's model choice: Pareto/NBD when asked for, else BG/NBD (settings saved before the choice have none).
    const model = options.model === "paretoNbd" ? "paretoNbd" : CLV_DEFAULTS.model;
    run = runClvModels(tx, { unit: options.unit, calibrationEnd: asOf, horizonMonths: options.horizonMonths, monthlyDiscount: options.monthlyDiscount, model });
  } catch (error) {
    if (isModelFailure(error)) return { options, stage, model: null, error };
    throw error;
  }
  const p = run.predictions;
  const to = joinIds(run.summary.customerIds, customerIds);
  // When dropout is not identified P(alive) is ≈ 1 for all and ranks nobody: rank by silence instead.
  const diagnostics = fitDiagnostics(run.counts, run.gammaGamma, run.summary);
  const churnRankedBy = dropoutNotIdentified(diagnostics) ? "silence" : "pAlive";
  const notGone = churnRankedBy === "silence" ? silenceAlive(run.counts, run.summary) : p.pAlive;
  const warning = churnWarning(notGone, p.clvIfAlive, { valueShare: options.cantLoseShare, risk: options.cantLoseRisk });
  const cantLose = new Uint8Array(n);
  for (let k = 0; k < to.length; k++) if (to[k] >= 0) cantLose[to[k]] = warning.cantLose[k];
  const clv = spread(p.clv, to, n);
  // The analysis customers are the transactions' (runTiering's customerIds), so the margin totals line up with them.
  const margin = customerMarginClv(clv, options, marginTotals, tx);
  const order: number[] = [];
  for (const k of warning.order) if (warning.risk[k] > 0 && to[k] >= 0) order.push(to[k]);
  return {
    options,
    stage,
    error: null,
    model: {
      counts: run.counts,
      gammaGamma: run.gammaGamma,
      pAlive: spread(p.pAlive, to, n),
      churnRisk: spread(warning.risk, to, n),
      expectedPurchases: spread(p.expectedPurchases, to, n),
      expectedAverageSpend: spread(p.expectedAverageSpend, to, n),
      clv,
      clvIfAlive: spread(p.clvIfAlive, to, n),
      clvAtRisk: spread(warning.clvAtRisk, to, n),
      cantLose,
      warning: Int32Array.from(order),
      modelled: run.summary.customerIds.length,
      diagnostics,
      churnRankedBy,
      clvMargin: margin.clvMargin,
      marginProblems: margin.problems,
      next: customerNextPurchase(run.counts, run.summary, to, n, options),
    },
  };
}

/**
 * The analysis with its predictions: per customer (`predict`) and per tier (expected purchases and
 * expected revenue summed over the tier's customers, mean P(alive)). A weighted score that uses predicted
 * CLV or P(alive) is computed here, and with tierBy "score" its tiers; when the models could not be
 * fitted those metrics are blank for everyone and the score stands on its other metrics (the blank rule).
 */
export function withPredictions(tiered: AnalysisResult, options: PredictAnalysisOptions): AnalysisResult {
  const predict = predictAnalysisCustomers(tiered.transactions, tiered.customerIds, tiered.summary.asOf, options, tiered.margin);
  const withModels = { ...tiered, predict };
  const a = tiered.scoreSettings && scoreNeedsPredictions(tiered.scoreSettings) ? withScore(withModels) : withModels;
  return withTierPredictions(a);
}

/** The tier rows' predictions (expected purchases and revenue, margin CLV, mean P(alive)) over `a.tierOf`; `a` as is without a model. */
export function withTierPredictions(a: AnalysisResult): AnalysisResult {
  const model = a.predict?.model;
  if (!model) return a;
  const size = a.tiers.reduce((max, t) => Math.max(max, t.index + 1), 0);
  const purchases = perTier(a.tierOf, size, model.expectedPurchases, "sum");
  const revenue = perTier(a.tierOf, size, model.clv, "sum");
  const alive = perTier(a.tierOf, size, model.pAlive, "mean");
  const margin = model.clvMargin ? perTier(a.tierOf, size, model.clvMargin, "sum") : null;
  const tiers: TierRow[] = a.tiers.map((t) => ({
    ...t,
    expectedPurchases: purchases[t.index],
    expectedRevenue: revenue[t.index],
    ...(margin ? { expectedMargin: margin[t.index] } : {}),
    mean: { ...t.mean, pAlive: alive[t.index] },
  }));
  return { ...a, tiers };
}
