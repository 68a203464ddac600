/**
 * "When will they buy next?" from a fitted count model, per customer (x, t_x, T):
 *
 *   P(at least one purchase within the next N) — BG/NBD: a customer alive at T drops out only right
 *   after a purchase, so no purchase in (T, T+N] means only that the Poisson clock did not ring; with
 *   λ | data ~ Gamma(r+x, α+T) that has probability ((α+T)/(α+T+N))^(r+x), hence
 *     P = 1 − [(1 − P(alive)) + P(alive)·((α+T)/(α+T+N))^(r+x)] = P(alive)·(1 − ((α+T)/(α+T+N))^(r+x)).
 *   Pareto/NBD: an alive customer may die before buying. With λ ~ Gamma(r+x, α+T) and μ ~ Gamma(s, β+T)
 *   (independent, given alive at T), the first purchase comes at u < N with density λe^(−(λ+μ)u), so
 *     P = P(alive)·∫₀ᴺ (r+x)/(α+T)·((α+T)/(α+T+u))^(r+x+1)·((β+T)/(β+T+u))^s du,
 *   integrated numerically (Gauss–Legendre on a log-stretched grid; the integrand is smooth and falls).
 *
 *   Time to the next purchase if the customer stays active: the wait is exponential with rate λ, so
 *   with λ ~ Gamma(r+x, α+T) its survival is ((α+T)/(α+T+u))^(r+x) — a Lomax law: the median is
 *   (α+T)(2^(1/(r+x)) − 1) and the mean (α+T)/(r+x−1), which is finite only when r+x > 1 (a new
 *   customer with r < 1 has no finite mean wait: NaN here, shown blank with that reason). The same
 *   for both models ("stays active" is exact for BG/NBD, where dropout only follows a purchase).
 *
 *   Overdue: the time since the last purchase, T − t_x, is more than OVERDUE_MULTIPLE times the
 *   customer's typical gap: their own mean gap t_x/x when they bought again at least once, else the
 *   population's α/r (1/E[λ]). For exponential gaps a customer still buying at their own rate is
 *   that late with probability e^(−3) ≈ 5 %.
 */
import { CoreError } from "../cells/errors";
import { aliveProbability, type CountParams } from "./count-model";

/** How many typical gaps of silence make a customer "overdue" (e^(−3) ≈ 5 % for a customer still buying). */
export const OVERDUE_MULTIPLE = 3;

export interface NextPurchase {
  /** P(at least one purchase within `within` units). */
  pPurchaseWithin: Float64Array;
  /** Expected wait (units) to the next purchase if the customer stays active; NaN when infinite (r+x ≤ 1). */
  expectedWait: Float64Array;
  /** Median wait (units) if the customer stays active. */
  medianWait: Float64Array;
  /** Typical gap between the customer's purchases (units). */
  typicalGap: Float64Array;
  /** 1 when T − t_x > OVERDUE_MULTIPLE × typical gap. */
  overdue: Uint8Array;
}

export interface NextPurchaseInput {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** CoreError "badWithin" unless `within` is a finite length ≥ 0. */
export function checkWithin(within: number): void {
  if (!(within >= 0 && Number.isFinite(within))) throw new CoreError("badWithin", { argument: "within", value: within });
}

// 16-point Gauss–Legendre nodes and weights on [−1, 1] (Abramowitz & Stegun, Table 25.4).
const GL_X = [0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438, 0.755404408355003, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499];
const GL_W = [0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767, 0.1246289712555339, 0.0951585116824928, 0.0622535239386479, 0.0271524594117541];

/**
 * ∫₀ᴺ f(u) du for the Pareto/NBD first-purchase density, on w = ln(1 + u/c) (c the smaller scale),
 * where the integrand's power-law tails become exponentials, falling at most at the rate k = m + s in w.
 * Panels of 16-point Gauss–Legendre each `k·h ≤ 2` wide (at least 2): the error of a panel is then below
 * 2³²/32! ≈ 1e-26 of its mass, and a typical customer needs 2 to 4 panels instead of a fixed 24, which
 * made Predict with Pareto/NBD take seconds per 100,000 customers (docs/PERFORMANCE.md).
 */
/** The most Gauss–Legendre panels one customer's integral takes (16 points each): a bound on a call's time. */
const MAX_PANELS = 4096;

function paretoFirstPurchase(m: number, A: number, s: number, B: number, N: number): number {
  const c = Math.min(A, B);
  // Beyond u, the mass left is at most (1 + u/A)^−m (1 + u/B)^−s ≤ (1 + u/max(A, B))^−(m+s): past the u where
  // that is e^−40 nothing is left to count, so a window of 1e308 units ends there rather than at w ≈ 709.
  const tail = Math.max(A, B) * Math.expm1(40 / (m + s));
  const top = Math.log1p(Math.min(N, tail) / c);
  // The integrand's rate of fall in w grows with w up to m + s (m + 1 and s weighted by (c + u)/(A + u) and
  // (c + u)/(B + u)); the panels are sized by its largest value on [0, top], not by the limit m + s, which with
  // a fit at its limit (r ≈ 1e8) asked for billions of panels and hung Excel's calculation (issue 12: hangs).
  // At most MAX_PANELS, so a call's time is bounded whatever the fit.
  const u = c * Math.expm1(top);
  const rate = ((m + 1) * (c + u)) / (A + u) + (s * (c + u)) / (B + u);
  const panels = Math.min(MAX_PANELS, Math.max(2, Math.ceil((top * (rate + 1)) / 2)));
  const h = top / panels;
  let sum = 0;
  for (let k = 0; k < panels; k++) {
    const mid = (k + 0.5) * h;
    for (let j = 0; j < GL_X.length; j++) {
      const d = GL_X[j] * (h / 2);
      sum += GL_W[j] * (h / 2) * (firstPurchaseDensity(mid - d, c, m, A, s, B) + firstPurchaseDensity(mid + d, c, m, A, s, B));
    }
  }
  return Math.min(1, sum);
}

/** The first-purchase density at u = c(eʷ − 1), times du/dw. */
function firstPurchaseDensity(w: number, c: number, m: number, A: number, s: number, B: number): number {
  const u = c * Math.expm1(w);
  return (m / A) * Math.exp(-(m + 1) * Math.log1p(u / A) - s * Math.log1p(u / B)) * c * Math.exp(w);
}

/** P(at least one purchase within N units) for one customer. */
export function pPurchaseWithin(counts: CountParams, N: number, x: number, tx: number, T: number): number {
  checkWithin(N);
  if (N === 0) return 0;
  const alive = aliveProbability(counts, x, tx, T);
  const m = counts.r + x;
  const A = counts.alpha + T;
  if (counts.model === "bgnbd") return alive * -Math.expm1(-m * Math.log1p(N / A));
  return alive * paretoFirstPurchase(m, A, counts.s, counts.beta + T, N);
}

/** Every customer's next-purchase answers for a horizon of `within` units. */
export function nextPurchase(counts: CountParams, data: NextPurchaseInput, within: number): NextPurchase {
  checkWithin(within);
  const n = data.x.length;
  const out: NextPurchase = {
    pPurchaseWithin: new Float64Array(n),
    expectedWait: new Float64Array(n),
    medianWait: new Float64Array(n),
    typicalGap: new Float64Array(n),
    overdue: new Uint8Array(n),
  };
  const populationGap = counts.alpha / counts.r;
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    const tx = data.tx[i];
    const T = data.T[i];
    const m = counts.r + x;
    const A = counts.alpha + T;
    out.pPurchaseWithin[i] = pPurchaseWithin(counts, within, x, tx, T);
    out.expectedWait[i] = m > 1 ? A / (m - 1) : NaN;
    out.medianWait[i] = A * Math.expm1(Math.LN2 / m);
    const gap = x > 0 ? tx / x : populationGap;
    out.typicalGap[i] = gap;
    out.overdue[i] = T - tx > OVERDUE_MULTIPLE * gap ? 1 : 0;
  }
  return out;
}
