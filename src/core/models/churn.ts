/**
 * The churn-warning list: customers ranked by the value at stake if they have left.
 *   churn risk   = 1 − P(alive)
 *   value        = the customer's CLV if still alive (predicted CLV / P(alive))
 *   CLV at risk  = value × risk: what the business expects to lose to this customer's churn
 * "Can't lose" customers are the top `valueShare` by value whose risk is at least `risk`: worth a call.
 * One-time buyers have P(alive) = 1 in the BG/NBD model (no repeat purchase, no evidence of dropout),
 * so they carry no risk here; their lifecycle stage (lifecycle.ts) is the signal for them.
 */
export const CHURN_DEFAULTS = { valueShare: 0.2, risk: 0.5 } as const;

export interface ChurnOptions {
  /** Share of customers, by value, counted as top value (default 0.2). */
  valueShare?: number;
  /** Churn risk from which a top-value customer is "can't lose" (default 0.5). */
  risk?: number;
}

export interface ChurnWarning {
  /** Customer indices, most CLV at risk first (ties: higher value first, then input order). */
  order: Int32Array;
  risk: Float64Array;
  clvAtRisk: Float64Array;
  cantLose: Uint8Array;
  /** The value at and above which a customer counts as top value. */
  valueThreshold: number;
}

export function churnWarning(pAlive: ArrayLike<number>, clvIfAlive: ArrayLike<number>, options: ChurnOptions = {}): ChurnWarning {
  const n = pAlive.length;
  const share = options.valueShare ?? CHURN_DEFAULTS.valueShare;
  const riskFrom = options.risk ?? CHURN_DEFAULTS.risk;
  const risk = new Float64Array(n);
  const atRisk = new Float64Array(n);
  // A customer without a prediction (NaN) counts as no value and no risk, so the order stays total.
  const value = Float64Array.from(clvIfAlive, (v) => (Number.isFinite(v) ? v : 0));
  for (let i = 0; i < n; i++) {
    risk[i] = Number.isFinite(pAlive[i]) ? 1 - pAlive[i] : 0;
    atRisk[i] = value[i] * risk[i];
  }
  const byValue = value.slice().sort();
  const top = Math.max(1, Math.ceil(n * share));
  const valueThreshold = n === 0 ? Infinity : byValue[n - top];
  const cantLose = new Uint8Array(n);
  for (let i = 0; i < n; i++) cantLose[i] = value[i] >= valueThreshold && risk[i] >= riskFrom ? 1 : 0;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => atRisk[b] - atRisk[a] || value[b] - value[a] || a - b);
  return { order, risk, clvAtRisk: atRisk, cantLose, valueThreshold };
}
