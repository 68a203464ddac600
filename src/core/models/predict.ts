/**
 * Per-customer predictions from a fitted purchase-count model (BG/NBD or Pareto/NBD) and the
 * Gamma-Gamma spend model: P(alive), expected purchases over a horizon, expected average spend, and
 * discounted CLV over a horizon in months.
 */
import { expectedIfAlive, fitBgNbd, pAlive, type BgNbdFit, type BgNbdParams, type RepeatColumns } from "./bgnbd";
import { fitParetoNbd, paretoExpectedIfAlive, paretoPAlive, type ParetoNbdFit, type ParetoNbdParams } from "./paretonbd";
import { calibrationSummary, monthsIn, type CalibrationSummary, type TimeUnit } from "./calibration";
import { CoreError } from "../cells/errors";
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

export function checkPredictOptions(options: PredictOptions): void {
  if (!(Number.isInteger(options.clvMonths) && options.clvMonths >= 0 && options.clvMonths <= MAX_CLV_MONTHS)) {
    throw new CoreError("badHorizon", { argument: "horizon_months", value: options.clvMonths });
  }
  if (!(options.horizon >= 0 && Number.isFinite(options.horizon))) {
    throw new CoreError("badHorizon", { argument: "horizon", value: options.horizon });
  }
  if (!(options.monthlyDiscount >= 0 && options.monthlyDiscount < 1)) {
    throw new CoreError("badDiscount", { value: options.monthlyDiscount });
  }
}

/**
 * CLV = E[spend] · Σₖ₌₁..months (E[Y(k)] − E[Y(k−1)]) / (1 + d)ᵏ, with E[Y(k)] the expected purchases in
 * the next k months (converted to the data's unit: a month is 30.4375 days, 4.348 weeks), so each
 * month's purchases are discounted by the month they fall in, as in lifetimes and CLVTools.
 *
 * The expectations depend on a customer only through P(alive) and (x, T), which many customers share
 * (one-time buyers who started on the same day), so the per-(x, T) curve is computed once.
 */
/** The model of purchase counts: BG/NBD (the default) or Pareto/NBD. */
export type CountModelName = "bgnbd" | "paretoNbd";
export const COUNT_MODELS: readonly CountModelName[] = ["bgnbd", "paretoNbd"];
export type CountParams = BgNbdParams | ParetoNbdParams;

const isPareto = (p: CountParams): p is ParetoNbdParams => "beta" in p;

/** P(alive | x, t_x, T) under either model. */
export function aliveProbability(p: CountParams, x: number, tx: number, T: number): number {
  return isPareto(p) ? paretoPAlive(p, x, tx, T) : pAlive(p, x, tx, T);
}

/** E[Y(t) | alive at T, x] under either model. */
export function purchasesIfAlive(p: CountParams, t: number, x: number, T: number): number {
  return isPareto(p) ? paretoExpectedIfAlive(p, t, x, T) : expectedIfAlive(p, t, x, T);
}

export function predictCustomers(
  counts: CountParams,
  gammaGamma: GammaGammaParams | null,
  data: PredictInput,
  options: PredictOptions,
): Predictions {
  checkPredictOptions(options);
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
  // (x, T) → [E(horizon | alive), discounted Σ monthly purchases | alive].
  const cache = new Map<string, [number, number]>();
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    const T = data.T[i];
    const key = `${x}|${T}`;
    let curve = cache.get(key);
    if (!curve) {
      const horizonPurchases = purchasesIfAlive(counts, options.horizon, x, T);
      let discounted = 0;
      let previous = 0;
      for (let k = 1; k <= months; k++) {
        const cumulative = purchasesIfAlive(counts, k * monthInUnits, x, T);
        discounted += (cumulative - previous) * discount[k];
        previous = cumulative;
      }
      curve = [horizonPurchases, discounted];
      cache.set(key, curve);
    }
    const alive = aliveProbability(counts, x, data.tx[i], T);
    const spend = gammaGamma ? expectedAverageSpend(gammaGamma, x, data.zbar[i]) : NaN;
    out.pAlive[i] = alive;
    out.expectedPurchases[i] = alive * curve[0];
    out.expectedAverageSpend[i] = spend;
    out.clvIfAlive[i] = curve[1] * spend;
    out.clv[i] = alive * out.clvIfAlive[i];
  }
  return out;
}

export interface ClvModelOptions {
  unit: TimeUnit;
  /** Last day of calibration (serial); default the latest purchase. */
  calibrationEnd?: number | null;
  /** Horizon of the expected purchases and of the CLV, in months. */
  horizonMonths: number;
  monthlyDiscount: number;
  /** The purchase-count model; default BG/NBD. */
  model?: CountModelName;
}

export interface ClvModelRun extends ClvFits {
  summary: CalibrationSummary;
  predictions: Predictions;
}

/** The defaults of the functions, the command and the pane: weeks, 12 months, 1 % a month, BG/NBD. */
export const CLV_DEFAULTS = { unit: "week", horizonMonths: 12, monthlyDiscount: 0.01, model: "bgnbd" } as const;

/** Fits the chosen purchase-count model (rows of a bad summary are named by CoreError badRepeatSummary). */
export function fitCountModel(data: RepeatColumns, model: CountModelName): BgNbdFit | ParetoNbdFit {
  return model === "paretoNbd" ? fitParetoNbd(data) : fitBgNbd(data);
}

export interface ClvFits {
  model: CountModelName;
  bgnbd: BgNbdFit | null;
  paretoNbd: ParetoNbdFit | null;
  gammaGamma: GammaGammaFit;
}

/** Both fits on a calibration summary: the purchase-count model and the Gamma-Gamma spend model. */
export function fitClvModels(summary: RepeatColumns & { zbar: ArrayLike<number> }, model: CountModelName = "bgnbd"): ClvFits {
  const counts = fitCountModel(summary, model);
  const gammaGamma = fitGammaGamma(summary.x, summary.zbar);
  return model === "paretoNbd"
    ? { model, bgnbd: null, paretoNbd: counts as ParetoNbdFit, gammaGamma }
    : { model, bgnbd: counts as BgNbdFit, paretoNbd: null, gammaGamma };
}

/** Transactions → calibration summary → BG/NBD (or Pareto/NBD) and Gamma-Gamma fits → predictions for every customer. */
export function runClvModels(tx: Transactions, options: ClvModelOptions): ClvModelRun {
  const predictOptions = {
    unit: options.unit,
    horizon: monthsIn(options.unit, options.horizonMonths),
    clvMonths: options.horizonMonths,
    monthlyDiscount: options.monthlyDiscount,
  };
  checkPredictOptions(predictOptions);
  const summary = calibrationSummary(tx, { unit: options.unit, calibrationEnd: options.calibrationEnd });
  const fits = fitClvModels(summary, options.model ?? CLV_DEFAULTS.model);
  const predictions = predictCustomers((fits.bgnbd ?? fits.paretoNbd)!, fits.gammaGamma, summary, predictOptions);
  return { summary, ...fits, predictions };
}
