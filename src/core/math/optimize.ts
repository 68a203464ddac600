/**
 * Small dense minimisation for maximum-likelihood fits of a handful of parameters: BFGS with an
 * Armijo backtracking line search on an analytic gradient, and a Hessian differenced from that
 * gradient for the standard errors.
 *
 * Hand-written on purpose, see docs/ENGINE.md: the npm optimisers (fmin, optimization-js) are
 * unmaintained and neither returns a Hessian; for three or four parameters BFGS is forty lines.
 */

/** Value and gradient of the function to minimise at x; the gradient is written into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface MinimizeOptions {
  /** Stop when every |gradient| is below this (in the scale of the objective per unit of x). */
  gradientTolerance?: number;
  maxIterations?: number;
  /** Longest step in any coordinate (a line search starts no further than this). Default: unbounded. */
  maxStep?: number;
  /** Wall time the search may take, in milliseconds (checked once per iteration). Default: unbounded. */
  maxMillis?: number;
  /** The clock the time budget reads (Date.now); a test passes its own. */
  now?: () => number;
  /** The inverse Hessian to start from (row-major, copied), e.g. a handed-back search's; default a scaled identity. */
  inverseHessian?: ArrayLike<number>;
  /**
   * A step that gains less than this share of |f| ends the search as stalled (then judged by the
   * gradient and the predicted gain). Default 1e-15, the last digits of a double.
   */
  stallTolerance?: number;
  /** Asked after each accepted step: true ends the search there, with `handedBack` set. */
  handBack?: (x: Float64Array, gradient: Float64Array) => boolean;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  converged: boolean;
  /**
   * Why the search stopped short of convergence: its iteration or time budget ran out, or the objective
   * was not finite where it started. Undefined when it converged or stalled for want of precision.
   */
  stopped?: "iterations" | "time" | "notFinite";
  /** The caller's `handBack` ended the search (not converged, not stopped). */
  handedBack?: boolean;
  /** The inverse-Hessian estimate where the search ended (row-major). */
  inverseHessian: Float64Array;
}

export function minimize(f: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const n = start.length;
  const tol = options.gradientTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  const maxMillis = options.maxMillis ?? Infinity;
  const now = options.now ?? Date.now;
  const started = now();
  const x = Float64Array.from(start);
  const g = new Float64Array(n);
  let fx = f(x, g);
  // Inverse Hessian approximation, a scaled identity or the caller's. A start that is not finite is no
  // exception: the caller words it (a model that cannot be fitted), no internal sentence escapes.
  const h = options.inverseHessian ? Float64Array.from(options.inverseHessian) : identity(n);
  if (!Number.isFinite(fx) || !g.every(Number.isFinite)) return { x, value: fx, gradient: g, iterations: 0, converged: false, stopped: "notFinite", inverseHessian: h };
  const dir = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  let iterations = 0;
  let converged = maxAbs(g) < tol;
  let outOfTime = false;
  while (!converged && iterations < maxIterations) {
    if (now() - started > maxMillis) {
      outOfTime = true;
      break;
    }
    iterations++;
    // dir = −H g; fall back to steepest descent when H has lost positive definiteness.
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d -= h[i * n + j] * g[j];
      dir[i] = d;
      slope += d * g[i];
    }
    if (!(slope < 0)) {
      resetIdentity(h, n);
      for (let i = 0; i < n; i++) dir[i] = -g[i];
      slope = -dot(g, g);
    }
    let step = Math.min(1, (options.maxStep ?? Infinity) / maxAbs(dir));
    let fNew = NaN;
    // Twenty halvings (a millionth of the step) are enough: past that, only rounding is left to find.
    for (let k = 0; k < 20; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * dir[i];
      fNew = f(xNew, gNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
      // Slow evaluations (a series near its radius) stop within one evaluation of the budget, not twenty.
      if (now() - started > maxMillis) {
        outOfTime = true;
        break;
      }
    }
    if (outOfTime) break;
    if (!(Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope)) {
      // No descent left: rounding noise in f hides the last digits of the gradient.
      converged = nearlyOptimal(g, h, fx, tol);
      break;
    }
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iterations === 1 && !options.inverseHessian) {
        // Scale the first guess by the curvature seen on the first step (Nocedal & Wright 6.20).
        const scale = sy / dot(y, y);
        for (let i = 0; i < n * n; i++) h[i] *= scale;
      }
      bfgsUpdate(h, s, y, sy, n);
    }
    const stalled = fx - fNew <= (options.stallTolerance ?? 1e-15) * Math.abs(fx);
    x.set(xNew);
    g.set(gNew);
    fx = fNew;
    converged = maxAbs(g) < tol;
    if (!converged && options.handBack?.(x, g)) return { x, value: fx, gradient: g, iterations, converged: false, handedBack: true, inverseHessian: h };
    if (stalled && !converged) {
      // f no longer changes in its last digits: as good as this precision allows.
      converged = nearlyOptimal(g, h, fx, tol);
      break;
    }
  }
  // Out of iterations while crawling along a flat valley (a model's limit): as in the stall case.
  if (!converged && (iterations >= maxIterations || outOfTime)) converged = nearlyOptimal(g, h, fx, tol);
  const stopped = converged ? undefined : outOfTime ? "time" : iterations >= maxIterations ? "iterations" : undefined;
  return { x, value: fx, gradient: g, iterations, converged, stopped, inverseHessian: h };
}

/**
 * An Objective from a value alone, its gradient by central differences (step 1e-6 relative to |x|,
 * at least 1e-6): for likelihoods whose parameter derivatives are not worth writing out.
 */
export function differencedGradient(value: (x: ArrayLike<number>) => number): Objective {
  return (x, grad) => {
    const f = value(x);
    const probe = Float64Array.from(x);
    for (let k = 0; k < x.length; k++) {
      const h = 1e-6 * Math.max(1, Math.abs(x[k]));
      probe[k] = x[k] + h;
      const up = value(probe);
      probe[k] = x[k] - h;
      const down = value(probe);
      probe[k] = x[k];
      grad[k] = (up - down) / (2 * h);
    }
    return f;
  };
}

/**
 * The Hessian of f at x by central differences of its analytic gradient, symmetrised. Steps are
 * relative to |x| (at least 1e-5 absolute). With `columns`, only the marked columns are differenced (two
 * evaluations each): the entries between two marked parameters are those of the full Hessian, bit for bit,
 * the others are 0. A fit at a model's limit needs the standard errors of the parameters not at it alone.
 */
export function hessian(f: Objective, x: ArrayLike<number>, columns?: readonly boolean[]): Float64Array {
  const n = x.length;
  const out = new Float64Array(n * n);
  const xp = Float64Array.from(x);
  const gp = new Float64Array(n);
  const gm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (columns && !columns[j]) continue;
    const step = 1e-5 * Math.max(1, Math.abs(x[j]));
    xp[j] = x[j] + step;
    f(xp, gp);
    xp[j] = x[j] - step;
    f(xp, gm);
    xp[j] = x[j];
    for (let i = 0; i < n; i++) out[i * n + j] = (gp[i] - gm[i]) / (2 * step);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const m = (out[i * n + j] + out[j * n + i]) / 2;
      out[i * n + j] = m;
      out[j * n + i] = m;
    }
  }
  return out;
}

/** Inverse of a symmetric positive-definite matrix by Cholesky; null when it is not positive definite. */
export function invertSpd(a: ArrayLike<number>, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  // Invert L, then A⁻¹ = L⁻ᵀ L⁻¹.
  const li = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    li[i * n + i] = 1 / l[i * n + i];
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= l[i * n + k] * li[k * n + j];
      li[i * n + j] = sum / l[i * n + i];
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = Math.max(i, j); k < n; k++) sum += li[k * n + i] * li[k * n + j];
      inv[i * n + j] = sum;
    }
  }
  return inv;
}

/**
 * What one maximum-likelihood fit may spend: BFGS iterations and wall time. A fit runs inside Excel's
 * calculation (a custom function blocks it until it returns), so a data set that does not suit the model
 * must fail in about a second rather than crawl for ten. The defaults leave a wide margin over every
 * fit that succeeds here: CDNOW (2,357 customers) takes about 40 iterations and 0.1 s for BG/NBD,
 * under 60 iterations for Pareto/NBD and Gamma-Gamma (docs/PERFORMANCE.md).
 */
export interface FitBudget {
  /** BFGS iterations. Default 1000. */
  maxIterations: number;
  /** Wall time of the search, in seconds. Default: fitSeconds(rows), 1 s plus 0.1 ms per likelihood row. */
  maxSeconds: number;
  /** The clock (milliseconds), Date.now by default; tests pass a fake one. */
  now?: () => number;
}

export const DEFAULT_FIT_BUDGET: Readonly<FitBudget> = { maxIterations: 1000, maxSeconds: 1 };

/**
 * The default time budget of a fit over `rows` likelihood rows (distinct customer summaries): 1 s, plus
 * 0.1 ms per row, so a million-row file's fit (about 80,000 distinct rows: 9 s) is not cut short while
 * a small table that does not suit the model gives up within about a second of Excel's calculation.
 */
export function fitSeconds(rows: number): number {
  return DEFAULT_FIT_BUDGET.maxSeconds + rows * 1e-4;
}

export interface MaximumLikelihood {
  /** The maximising parameters, on the log scale the objective takes. */
  theta: Float64Array;
  logLikelihood: number;
  /** Per parameter: true when it ran off towards infinity (see maximizeLikelihood). */
  atBoundary: boolean[];
  iterations: number;
  converged: boolean;
  /** Set when the search stopped short: its budget ran out, or the likelihood was not finite at the start. */
  stopped?: MinimizeResult["stopped"];
}

const THETA_BOX = 20; // the search box on the log scale: |θ| < 20 (parameters between 2e-9 and 5e8)
/** A parameter beyond 1e±6 (θ beyond ±13.8) has run off towards a limit of the model: the limit test. */
export const LIMIT_RATIO = 1e6;
const BOUNDARY_THETA = Math.log(LIMIT_RATIO);

/**
 * Maximises a log-likelihood over log-scale parameters. `meanNegative` is −LL/n and its gradient
 * (scale-free, so one tolerance fits every data size); n turns it back into LL. BFGS to a gradient of
 * 1e-9, which puts the parameters within about 1e-8 of the maximum (the CDNOW test checks the digits).
 *
 * Some data sets have their maximum at infinity: no heterogeneity in purchase rates or spend, no
 * dropout. So BFGS works on φ with θ = 20·tanh(φ/20): a one-to-one change of variables that leaves an
 * interior maximum where it is, while a parameter running off to infinity stops near |θ| = 20, where
 * the likelihood is flat to the last digit. Such parameters are flagged in `atBoundary`; the fit is
 * then the model's limit, whose predictions remain valid. Callers choose coordinates in which such a
 * limit is one coordinate running off (e.g. r with r/α fixed), not a curved valley.
 */
export function maximizeLikelihood(meanNegative: Objective, start: ArrayLike<number>, n: number, budget: Partial<FitBudget> = {}): MaximumLikelihood {
  const { maxIterations, maxSeconds, now } = { ...DEFAULT_FIT_BUDGET, ...budget };
  const k = start.length;
  const toTheta = (phi: ArrayLike<number>) => Float64Array.from(phi, inBoxTheta);
  const inBox: Objective = (phi, grad) => {
    const value = meanNegative(toTheta(phi), grad);
    for (let i = 0; i < k; i++) {
      const c = Math.cosh(phi[i] / THETA_BOX);
      grad[i] /= c * c;
    }
    return value;
  };
  let phi: Float64Array = Float64Array.from(start, (t) => THETA_BOX * Math.atanh(Math.max(-0.99, Math.min(0.99, t / THETA_BOX))));
  const clock = now ?? Date.now;
  const started = clock();
  // A coordinate past BOUNDARY_THETA and still heading out is crawling to a limit of the model: BFGS on a
  // likelihood that approaches its limit geometrically gains a constant step in θ per iteration, about
  // thirty evaluations from there to the flat edge of the box (BG/NBD on data without dropout or rate
  // heterogeneity took 50, a fifth of =TIER.CLVPREDICT at 5 MB; Gamma-Gamma likewise). It is handed
  // back and tried at the edge itself (θ = ±THETA_BOX, φ = ±EDGE_PHI), the model's limit, and kept
  // there when the likelihood is at least as high; the search then goes on from there over the other
  // coordinates with the curvature it had learnt, the edge coordinate's row and column of the inverse
  // Hessian cleared (its gradient in φ is zero at the edge, and uncoupled it stays there). Only
  // coordinates already past the limit test are tried, so what is reported as a limit is unchanged;
  // each is tried once. At a limit the likelihood is flat to its rounding (about 12 digits), so once one is
  // at the edge a step that gains under 1e-12 of it is a stall, not progress to chase through halvings.
  const tried = new Array<boolean>(k).fill(false);
  const runningOff = (x: Float64Array, g: Float64Array): number[] => {
    const out: number[] = [];
    for (let i = 0; i < k; i++) {
      const t = inBoxTheta(x[i]);
      if (!tried[i] && Math.abs(t) > BOUNDARY_THETA && g[i] * t < 0) out.push(i);
    }
    return out;
  };
  let iterations = 0;
  let result: MinimizeResult;
  let inverseHessian: Float64Array | undefined;
  for (;;) {
    const left = maxSeconds * 1000 - (clock() - started);
    // Steps of at most 2 in ln-parameter: a wild first step could land on the box's flat far side and stay.
    result = minimize(inBox, phi, {
      gradientTolerance: 1e-9,
      maxIterations: maxIterations - iterations,
      maxStep: 2,
      maxMillis: left,
      now,
      inverseHessian,
      stallTolerance: tried.some((t, i) => t && Math.abs(phi[i]) === EDGE_PHI) ? 1e-12 : undefined,
      handBack: (x, g) => runningOff(x, g).length > 0,
    });
    iterations += result.iterations;
    if (!result.handedBack) break;
    const off = runningOff(result.x, result.gradient);
    const atEdge = Float64Array.from(result.x);
    for (const i of off) {
      tried[i] = true;
      atEdge[i] = Math.sign(result.x[i]) * EDGE_PHI;
    }
    const value = inBox(atEdge, new Float64Array(k));
    phi = result.x;
    inverseHessian = result.inverseHessian;
    if (Number.isFinite(value) && value <= result.value) {
      phi = atEdge;
      for (const i of off) {
        for (let j = 0; j < k; j++) inverseHessian[i * k + j] = inverseHessian[j * k + i] = 0;
        inverseHessian[i * k + i] = 1;
      }
    }
  }
  const theta = toTheta(result.x);
  const atBoundary = Array.from(theta, (t) => Math.abs(t) > BOUNDARY_THETA);
  // The search's last value is −LL/n at this very θ (inBox evaluated meanNegative at toTheta(x)): no
  // evaluation more to recompute it.
  const ll = -result.value * n;
  return { theta, logLikelihood: ll, atBoundary, iterations, converged: result.converged, stopped: result.stopped };
}

/** θ = THETA_BOX·tanh(φ/THETA_BOX): the search's coordinate φ to the parameter's logarithm, inside the box. */
const inBoxTheta = (phi: number): number => THETA_BOX * Math.tanh(phi / THETA_BOX);
/** φ at the edge of the search box: tanh(EDGE_PHI / THETA_BOX) rounds to 1, so θ = ±THETA_BOX exactly. */
const EDGE_PHI = 20 * THETA_BOX;

/**
 * Standard errors of the parameters exp(θᵢ) by the delta method, exp(θᵢ)·√(H⁻¹)ᵢᵢ, with H the Hessian
 * of −LL over the parameters marked in `keep` (NaN for the others, or when H is singular).
 */
export function logScaleStandardErrors(meanNegative: Objective, theta: ArrayLike<number>, n: number, keep: boolean[]): Float64Array {
  const out = new Float64Array(theta.length).fill(NaN);
  const inv = invertSubHessian(meanNegative, Float64Array.from(theta), keep);
  if (!inv) return out;
  const kept = keep.flatMap((k, i) => (k ? [i] : []));
  const m = kept.length;
  kept.forEach((i, a) => {
    out[i] = Math.exp(theta[i]) * Math.sqrt(inv[a * m + a] / n);
  });
  return out;
}

/** The inverse of the Hessian restricted to the parameters marked in `keep` (row-major), or null. */
function invertSubHessian(f: Objective, theta: Float64Array, keep: boolean[]): Float64Array | null {
  const k = theta.length;
  const kept = keep.flatMap((on, i) => (on ? [i] : []));
  const m = kept.length;
  if (m === 0) return null;
  const h = hessian(f, theta, keep);
  const sub = new Float64Array(m * m);
  kept.forEach((i, a) => kept.forEach((j, b) => (sub[a * m + b] = h[i * k + j])));
  return invertSpd(sub, m);
}

/**
 * When the search cannot make progress: close enough if the gradient is small anyway (1e-6 in −LL/n
 * moves a parameter by about 1e-6 of itself), or if the quasi-Newton model predicts less than 1e-12 of
 * f still to gain (gᵀHg/2, H the inverse-Hessian estimate): the flat direction of a model's limit.
 */
function nearlyOptimal(g: Float64Array, h: Float64Array, f: number, tol: number): boolean {
  if (maxAbs(g) < Math.max(tol, 1e-6)) return true;
  const n = g.length;
  let gain = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) gain += g[i] * h[i * n + j] * g[j];
  return gain >= 0 && gain / 2 < 1e-12 * Math.max(1, Math.abs(f));
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  resetIdentity(m, n);
  return m;
}

function resetIdentity(m: Float64Array, n: number): void {
  m.fill(0);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ, ρ = 1/(yᵀs). */
function bfgsUpdate(h: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): void {
  const rho = 1 / sy;
  const hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += h[i * n + j] * y[j];
    hy[i] = v;
  }
  const yhy = dot(y, hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
    }
  }
}
