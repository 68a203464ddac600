/**
 * Per-customer predictions from a fitted purchase-count model (BG/NBD or Pareto/NBD) and the
 * Gamma-Gamma spend model: P(alive), expected purchases over a horizon, expected average spend, and
 * discounted CLV over a horizon in months.
 */
import type { RepeatColumns } from "./fit";
import { fitCountModel, withCountModel, type CountFit, type CountFitOf, type CountModelName, type CountParams } from "./count-model";
import { calibrationSummary, monthsIn, type CalibrationSummary, type TimeUnit } from "./calibration";
import { throwFirst, type CoreProblem } from "../cells/errors";
import { expectedAverageSpend, fitGammaGamma, type GammaGammaFit, type GammaGammaParams } from "./gammagamma";
import type { Transactions } from "../transactions/model";

export interface PredictOptions {
  unit: TimeUnit;
  /** Horizon for `expectedPurchases`, in `unit`s. */
  horizon: number;
  /** CLV horizon in months (whole months). */
  clvMonths: number;
  /** Discount rate per month, e.g. 0.01. */
  monthlyDiscount: number;
}

export interface Predictions {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  expectedAverageSpend: Float64Array;
  clv: Float64Array;
  /** CLV if the customer is still alive (clv / pAlive): the value the churn warning weighs. */
  clvIfAlive: Float64Array;
}

export interface PredictInput {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  /** Mean repeat spend; 0 when x = 0. */
  zbar: ArrayLike<number>;
}

/** Twenty years: beyond, a customer-base model says little, and every month costs an evaluation. */
export const MAX_CLV_MONTHS = 240;

/** Every problem of the prediction options (badHorizon, badDiscount), in the order checkPredictOptions meets them. */
export function predictOptionProblems(options: PredictOptions): CoreProblem[] {
  const problems: CoreProblem[] = [];
  if (!(Number.isInteger(options.clvMonths) && options.clvMonths >= 0 && options.clvMonths <= MAX_CLV_MONTHS)) {
    problems.push({ code: "badHorizon", details: { argument: "horizon_months", in: "months", value: options.clvMonths } });
  }
  if (!(options.horizon >= 0 && Number.isFinite(options.horizon))) {
    problems.push({ code: "badHorizon", details: { argument: "horizon", in: "units", value: options.horizon } });
  }
  if (!(options.monthlyDiscount >= 0 && options.monthlyDiscount < 1)) {
    problems.push({ code: "badDiscount", details: { value: options.monthlyDiscount } });
  }
  return problems;
}

export function checkPredictOptions(options: PredictOptions): void {
  throwFirst(predictOptionProblems(options));
}

/**
 * CLV = E[spend] · Σₖ₌₁..months (E[Y(k)] − E[Y(k−1)]) / (1 + d)ᵏ, with E[Y(k)] the expected purchases in
 * the next k months (converted to the data's unit: a month is 30.4375 days, 4.348 weeks), so each
 * month's purchases are discounted by the month they fall in, as in lifetimes and CLVTools.
 *
 * The expectations depend on a customer only through P(alive) and (x, T), which many customers share
 * (one-time buyers who started on the same day), so the per-(x, T) curve is computed once.
 */
export function predictCustomers(
  counts: CountParams,
  gammaGamma: GammaGammaParams | null,
  data: PredictInput,
  options: PredictOptions,
): Predictions {
  checkPredictOptions(options);
  // The model is looked up once: the loop below evaluates it for every customer and month.
  return withCountModel(counts, (model, params) => {
    const n = data.x.length;
    const monthInUnits = monthsIn(options.unit);
    const months = options.clvMonths;
    const discount = new Float64Array(months + 1);
    for (let k = 1; k <= months; k++) discount[k] = Math.pow(1 + options.monthlyDiscount, -k);
    const out: Predictions = {
      pAlive: new Float64Array(n),
      expectedPurchases: new Float64Array(n),
      expectedAverageSpend: new Float64Array(n),
      clv: new Float64Array(n),
      clvIfAlive: new Float64Array(n),
    };
    // x → T → [E(horizon | alive), discounted Σ monthly purchases | alive]. Keyed by the numbers
    // themselves: a text key per customer cost more than the curves it saved (issue 12).
    const cache = new Map<number, Map<number, [number, number]>>();
    for (let i = 0; i < n; i++) {
      const x = data.x[i];
      const T = data.T[i];
      let byT = cache.get(x);
      if (!byT) {
        byT = new Map();
        cache.set(x, byT);
      }
      let curve = byT.get(T);
      if (!curve) {
        const horizonPurchases = model.expectedIfAlive(params, options.horizon, x, T);
        let discounted = 0;
        let previous = 0;
        for (let k = 1; k <= months; k++) {
          const cumulative = model.expectedIfAlive(params, k * monthInUnits, x, T);
          discounted += (cumulative - previous) * discount[k];
          previous = cumulative;
        }
        curve = [horizonPurchases, discounted];
        byT.set(T, curve);
      }
      const alive = model.pAlive(params, x, data.tx[i], T);
      const spend = gammaGamma ? expectedAverageSpend(gammaGamma, x, data.zbar[i]) : NaN;
      out.pAlive[i] = alive;
      out.expectedPurchases[i] = alive * curve[0];
      out.expectedAverageSpend[i] = spend;
      out.clvIfAlive[i] = curve[1] * spend;
      out.clv[i] = alive * out.clvIfAlive[i];
    }
    return out;
  });
}

export interface ClvModelOptions<M extends CountModelName = CountModelName> {
  unit: TimeUnit;
  /** Last day of calibration (serial); default the latest purchase. */
  calibrationEnd?: number | null;
  /** Horizon of the expected purchases and of the CLV, in months. */
  horizonMonths: number;
  monthlyDiscount: number;
  /** The purchase-count model; default BG/NBD. */
  model?: M;
}

export interface ClvModelRun<F extends CountFit = CountFit> extends ClvFits<F> {
  summary: CalibrationSummary;
  predictions: Predictions;
}

/** The defaults of the functions, the command and the pane: weeks, 12 months, 1 % a month, BG/NBD. */
export const CLV_DEFAULTS = { unit: "week", horizonMonths: 12, monthlyDiscount: 0.01, model: "bgnbd" } as const;

/** The purchase-count fit (its `model` tag says which model) and the Gamma-Gamma spend fit. */
export interface ClvFits<F extends CountFit = CountFit> {
  counts: F;
  gammaGamma: GammaGammaFit;
}

/** Both fits on a calibration summary: the purchase-count model and the Gamma-Gamma spend model. */
export function fitClvModels<M extends CountModelName = "bgnbd">(summary: RepeatColumns & { zbar: ArrayLike<number> }, model?: M): ClvFits<CountFitOf<M>> {
  // No model given: M is its default, "bgnbd", which is CLV_DEFAULTS.model.
  const counts = fitCountModel(summary, model ?? (CLV_DEFAULTS.model as M));
  return { counts, gammaGamma: fitGammaGamma(summary.x, summary.zbar) };
}

/** Transactions → calibration summary → BG/NBD (or Pareto/NBD) and Gamma-Gamma fits → predictions for every customer. */
export function runClvModels<M extends CountModelName = "bgnbd">(tx: Transactions, options: ClvModelOptions<M>): ClvModelRun<CountFitOf<M>> {
  const predictOptions = {
    unit: options.unit,
    horizon: monthsIn(options.unit, options.horizonMonths),
    clvMonths: options.horizonMonths,
    monthlyDiscount: options.monthlyDiscount,
  };
  checkPredictOptions(predictOptions);
  const summary = calibrationSummary(tx, { unit: options.unit, calibrationEnd: options.calibrationEnd });
  const fits = fitClvModels(summary, options.model);
  const predictions = predictCustomers(fits.counts, fits.gammaGamma, summary, predictOptions);
  return { summary, ...fits, predictions };
}
