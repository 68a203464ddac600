/**
 * What fitting BG/NBD and Pareto/NBD have in common: both take x, t_x, T and have four positive
 * parameters (a purchase-rate pair r, α and a dropout pair), and both are fitted the same way:
 * - times in units of the mean T during the fit, so that the search box and the limit test mean the
 *   same whatever the data's time unit (the time-scale parameters scale with it, the shapes do not);
 * - the search over (ln p₀, ln p₁/p₀, ln p₂, ln p₃/p₂), so that data without heterogeneity send one
 *   coordinate to its limit at a fixed mean ratio instead of crawling along a curved valley;
 * - a start at r = 1 with the data's mean purchase rate (r/α ≈ Σx/ΣT) and the dropout pair at 1;
 * - r → 0, or a mean rate r/α at an edge, means no finite maximum: CoreError("fitFailed").
 */
import { CoreError } from "../cells/errors";
import { canonicalDistinctRows } from "../math/distinct";
import { DEFAULT_FIT_BUDGET, fitSeconds, logScaleStandardErrors, maximizeLikelihood, type FitBudget, type MaximumLikelihood, type Objective } from "../math/optimize";

/**
 * A search that ran out of its budget (iterations or wall time, optimize.ts FitBudget) fails fast with
 * CoreError("fitBudget") naming the model and the budget; one that could not start (the likelihood not
 * finite at the start, which scaled data should never give) is a plain "fitFailed". Nothing for a
 * search that finished.
 */
export function throwIfStopped(model: string, fit: MaximumLikelihood, budget: Partial<FitBudget>): void {
  if (fit.stopped === "iterations" || fit.stopped === "time") {
    const { maxIterations, maxSeconds } = { ...DEFAULT_FIT_BUDGET, ...budget };
    throw new CoreError("fitBudget", { model, iterations: maxIterations, seconds: Number(maxSeconds.toPrecision(2)), stopped: fit.stopped });
  }
  if (fit.stopped === "notFinite") throw new CoreError("fitFailed", { model });
}

/** The x, t_x, T columns of a calibration summary (see calibration.ts), one entry per customer. */
export interface RepeatColumns {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

/**
 * The distinct (x, t_x, T) rows of the data and how many customers have each. Customers with the same
 * summary add the same term to a count model's likelihood and gradient, so both are summed over these
 * rows, each weighted by its count: the fit's parameters are those of the customer-by-customer sum up to
 * the order of summation (test/core/models/grouped-fit.test.ts). Real data repeat summaries often (every
 * one-time buyer of a day shares (0, 0, T)); a table of continuous, all-different times gains little.
 * The rows come in one canonical order (by their hashes), whatever the customers' order: every sum of a fit
 * runs in that one order, so the same customers give the same fit, bit for bit (issue 12).
 */
export function groupRepeatRows(data: RepeatColumns): { rows: { x: Float64Array; tx: Float64Array; T: Float64Array }; counts: Float64Array } {
  const { columns, counts } = canonicalDistinctRows([data.x, data.tx, data.T]);
  return { rows: { x: columns[0], tx: columns[1], T: columns[2] }, counts };
}

/**
 * Checks the columns: finite, x a whole number ≥ 0, 0 ≤ t_x ≤ T, t_x = 0 exactly when x = 0 (repeat
 * purchases come after the first one, on other days). Throws
 * CoreError("badRepeatSummary") naming the first bad row (0-based) and field.
 */
export function checkRepeatColumns(data: RepeatColumns): void {
  const { x, tx, T } = data;
  if (x.length !== tx.length || x.length !== T.length) throw new RangeError("x, t_x and T differ in length");
  for (let i = 0; i < x.length; i++) {
    const bad = (field: string, reason: string) => new CoreError("badRepeatSummary", { row: i, field, reason });
    if (!(Number.isFinite(x[i]) && x[i] >= 0 && Number.isInteger(x[i]))) throw bad("x", "wholeNumber");
    if (!(Number.isFinite(tx[i]) && tx[i] >= 0)) throw bad("t_x", "nonNegative");
    if (!(Number.isFinite(T[i]) && T[i] >= 0)) throw bad("T", "nonNegative");
    if (tx[i] > T[i] * (1 + 1e-12) + 1e-12) throw bad("t_x", "afterT");
    if (x[i] === 0 && tx[i] !== 0) throw bad("t_x", "zeroWithoutRepeats");
    if (x[i] > 0 && tx[i] === 0) throw bad("t_x", "repeatsWithoutTime");
  }
}

/**
 * A count model's fit, the same shape for every model and tagged with the model's name, so a fit can
 * be passed around as a union and told apart by `model` rather than by which parameters it has.
 */
export type RepeatModelFit<M extends string, P extends string> = Record<P, number> & {
  model: M;
  logLikelihood: number;
  /** Standard errors from the inverse Hessian of the log-likelihood (delta method from the log scale). */
  standardErrors: Record<P, number>;
  /**
   * Parameters that ran off to a limit of the model (their standard error is NaN). For BG/NBD: r and α
   * together when purchase rates do not vary between customers (then λ = r/α for all), a small and b
   * large when nobody seems to drop out. The predictions are then those of the limiting model.
   */
  limits: P[];
  customers: number;
  iterations: number;
};

export interface RepeatModelSpec<M extends string, P extends string> {
  /** The model's name: the fit's tag, and its name in CoreError details ("bgnbd", "paretoNbd"). */
  model: M;
  /** The four parameters in the order of the search coordinates. */
  paramNames: readonly [P, P, P, P];
  /** Which parameters are time scales (α; and β for Pareto/NBD): multiplied back by the time scale. */
  timeScaled: readonly boolean[];
  /** From the search coordinates at the box edge to the parameters at a limit. */
  limits(edge: readonly boolean[]): boolean[];
  /**
   * −LL/n and its gradient in the logs of the four parameters, on the distinct (x, t_x, T) rows with times
   * scaled (groupRepeatRows: in canonical order), each row standing for `counts` of the n customers.
   */
  meanNegative(rows: RepeatColumns, counts: Float64Array, n: number): Objective;
}

export function fitRepeatModel<M extends string, P extends string>(
  data: RepeatColumns,
  spec: RepeatModelSpec<M, P>,
  budget: Partial<FitBudget> = {},
): RepeatModelFit<M, P> {
  checkRepeatColumns(data);
  const n = data.x.length;
  if (n === 0) throw new CoreError("noData");
  // Grouped once, in canonical order, before any sum: the time scale too is summed in that order, so
  // nothing in the fit depends on the order of the customers (issue 12).
  const { rows, counts } = groupRepeatRows(data);
  const m = counts.length;
  let sumX = 0;
  let sumT = 0;
  for (let k = 0; k < m; k++) {
    sumX += counts[k] * rows.x[k];
    sumT += counts[k] * rows.T[k];
  }
  if (sumX === 0) throw new CoreError("noRepeatPurchases");
  if (sumT === 0) throw new CoreError("fitFailed", { model: spec.model });
  const scale = sumT / n;
  // Plain loops: Float64Array.from with a map function costs tens of milliseconds on 80,000 customers.
  const scaled = { x: rows.x, tx: new Float64Array(m), T: new Float64Array(m) };
  for (let k = 0; k < m; k++) {
    scaled.tx[k] = rows.tx[k] / scale;
    scaled.T[k] = rows.T[k] / scale;
  }
  const objective = spec.meanNegative(scaled, counts, n);
  const toTheta = (u: ArrayLike<number>) => Float64Array.of(u[0], u[0] + u[1], u[2], u[2] + u[3]);
  const search: Objective = (u, grad) => {
    const value = objective(toTheta(u), grad);
    grad[0] += grad[1];
    grad[2] += grad[3];
    return value;
  };
  const within = { maxSeconds: fitSeconds(n), ...budget };
  const fit = maximizeLikelihood(search, [0, Math.log(n / sumX), 0, 0], n, within);
  throwIfStopped(spec.model, fit, within);
  const theta = Array.from(toTheta(fit.theta));
  const [rEdge, rateEdge] = fit.atBoundary;
  const broken = (rEdge && fit.theta[0] < 0) || rateEdge;
  if (broken || !fit.converged || !Number.isFinite(fit.logLikelihood) || theta.some((t) => !Number.isFinite(t))) {
    throw new CoreError("fitFailed", { model: spec.model });
  }
  const atLimit = spec.limits(fit.atBoundary);
  const se = logScaleStandardErrors(objective, theta, n, atLimit.map((e) => !e));
  const unscale = (v: number, k: number) => (spec.timeScaled[k] ? v * scale : v);
  const byName = (values: ArrayLike<number>) => Object.fromEntries(spec.paramNames.map((name, k) => [name, values[k]])) as Record<P, number>;
  const params = byName(theta.map((t, k) => unscale(Math.exp(t), k)));
  return {
    ...params,
    // Each purchase time's density carries 1/scale: LL in the data's unit.
    logLikelihood: fit.logLikelihood - sumX * Math.log(scale),
    standardErrors: byName(Array.from(se, unscale)),
    limits: spec.paramNames.filter((_, k) => atLimit[k]),
    customers: n,
    iterations: fit.iterations,
    model: spec.model,
  };
}
