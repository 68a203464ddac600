/**
 * The purchase-count models behind one shape. BG/NBD and Pareto/NBD take the same data (x, t_x, T),
 * are fitted by the same machinery (fit.ts) and answer the same questions (P(alive), expected
 * purchases), so the rest of the core asks a `CountModel` and never which model it holds: a fit is
 * tagged with its model's name, and `withCountModel` is the one place that turns the tag into the
 * model's functions.
 */
import { bgnbdLogLikelihood, expectedIfAlive, expectedPurchases, fitBgNbd, pAlive, type BgNbdFit, type BgNbdParams } from "./bgnbd";
import {
  fitParetoNbd,
  paretoExpectedIfAlive,
  paretoExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoPAlive,
  type ParetoNbdFit,
  type ParetoNbdParams,
} from "./paretonbd";
import type { RepeatColumns, RepeatModelFit } from "./fit";

export interface CountModel<M extends string, P extends object> {
  readonly name: M;
  /** The four parameters, in the order fits and tables list them. */
  readonly paramNames: readonly (keyof P & string)[];
  logLikelihood(p: P, data: RepeatColumns): number;
  /** Maximum-likelihood fit (CoreError "noRepeatPurchases", "fitFailed", "badRepeatSummary"). */
  fit(data: RepeatColumns): RepeatModelFit<M, keyof P & string>;
  /** P(alive | x, t_x, T). */
  pAlive(p: P, x: number, tx: number, T: number): number;
  /** E[Y(t) | alive at T, x]: purchases in the next t if still alive. */
  expectedIfAlive(p: P, t: number, x: number, T: number): number;
  /** E[Y(t) | x, t_x, T] = P(alive) · E[Y(t) | alive]. */
  expectedPurchases(p: P, t: number, x: number, tx: number, T: number): number;
  /**
   * The parameters alone, as an object literal of four fixed keys: one shape for every call, where a fit
   * (built key by key) has a shape that can die at a collection between calls and take the optimised
   * pAlive and expectedIfAlive with it (math/shapes.ts; with this, `--trace-deopt` showed neither thrown
   * away in repeated =TIER.CLVPREDICT calls; a literal's shape is not immortal either, see PERFORMANCE.md).
   */
  params(p: P): P;
}

export const BG_NBD: CountModel<"bgnbd", BgNbdParams> = {
  name: "bgnbd",
  paramNames: ["r", "alpha", "a", "b"],
  logLikelihood: (p, data) => bgnbdLogLikelihood(p, data),
  fit: fitBgNbd,
  pAlive,
  expectedIfAlive,
  expectedPurchases,
  params: (p) => ({ r: p.r, alpha: p.alpha, a: p.a, b: p.b }),
};

export const PARETO_NBD: CountModel<"paretoNbd", ParetoNbdParams> = {
  name: "paretoNbd",
  paramNames: ["r", "alpha", "s", "beta"],
  logLikelihood: paretoNbdLogLikelihood,
  fit: fitParetoNbd,
  pAlive: paretoPAlive,
  expectedIfAlive: paretoExpectedIfAlive,
  expectedPurchases: paretoExpectedPurchases,
  params: (p) => ({ r: p.r, alpha: p.alpha, s: p.s, beta: p.beta }),
};

/** A fit of either count model, told apart by its `model` tag. */
export type CountFit = BgNbdFit | ParetoNbdFit;
/** The model of purchase counts: BG/NBD (the default) or Pareto/NBD. */
export type CountModelName = CountFit["model"];
export const COUNT_MODELS: readonly CountModelName[] = [BG_NBD.name, PARETO_NBD.name];
/** A model's parameters tagged with its name: all a prediction needs (every fit is one). */
export type CountParams = ({ model: "bgnbd" } & BgNbdParams) | ({ model: "paretoNbd" } & ParetoNbdParams);
/** The fit of the named model. */
export type CountFitOf<M extends CountModelName> = Extract<CountFit, { model: M }>;

/** Calls `use` with the model the tag names and the parameters as that model's: the one switch on the tag. */
export function withCountModel<R>(fit: CountParams, use: <P extends object>(model: CountModel<string, P>, params: P) => R): R {
  return fit.model === "paretoNbd" ? use(PARETO_NBD, PARETO_NBD.params(fit)) : use(BG_NBD, BG_NBD.params(fit));
}

/** Fits the chosen purchase-count model (rows of a bad summary are named by CoreError badRepeatSummary). */
export function fitCountModel<M extends CountModelName>(data: RepeatColumns, model: M): CountFitOf<M>;
export function fitCountModel(data: RepeatColumns, model: CountModelName): CountFit {
  return model === "paretoNbd" ? PARETO_NBD.fit(data) : BG_NBD.fit(data);
}

/** P(alive | x, t_x, T) under the tagged model. */
export function aliveProbability(fit: CountParams, x: number, tx: number, T: number): number {
  return withCountModel(fit, (model, p) => model.pAlive(p, x, tx, T));
}

/** E[Y(t) | alive at T, x] under the tagged model. */
export function purchasesIfAlive(fit: CountParams, t: number, x: number, T: number): number {
  return withCountModel(fit, (model, p) => model.expectedIfAlive(p, t, x, T));
}
