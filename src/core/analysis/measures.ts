/**
 * The per-customer measures beside RFM and ABC (the optional columns' sums and means, the main
 * category, the simple CLV, the R×F grid) and the one per-tier aggregation that the tier rows and the
 * predictions both use. They are plain loops over typed columns, kept out of the tiering so each can be
 * tested and reused without running the whole analysis.
 */
import { simpleClv } from "../tiers/clv";
import { customerVoice } from "../tiers/voice";
import { excelErrorText, isBlank } from "../cells/coerce";
import type { CustomerSummary } from "../transactions/summary";
import { windowExclusiveStart } from "../transactions/window";
import type { ReadCustomers } from "./rows";
import type { AnalysisColumns, ClvAnalysisOptions, RfGrid, RfmAnalysis } from "./types";

/** Per customer: total margin, mean of the extra column, main category, the voice (each null without its column). */
export function columnMeasures(columns: AnalysisColumns, read: ReadCustomers) {
  const { lines } = read;
  const customers = read.tx.customerIds.length;
  let margin: Float64Array | null = null;
  let extra: Float64Array | null = null;
  let mainCategory: string[] | null = null;
  // Per-customer sums of the optional columns, over the purchase lines kept.
  if (read.margins) {
    margin = new Float64Array(customers);
    for (let k = 0; k < lines.validRows; k++) margin[lines.customer[k]] += read.margins[lines.sourceRow[k]] || 0;
  }
  const extras = columns.extras;
  if (read.extras && extras) {
    const sum = new Float64Array(customers);
    const count = new Int32Array(customers);
    for (let k = 0; k < lines.validRows; k++) {
      const row = lines.sourceRow[k];
      if (isBlank(extras[row])) continue;
      sum[lines.customer[k]] += read.extras[row];
      count[lines.customer[k]]++;
    }
    extra = sum.map((s, c) => (count[c] > 0 ? s / count[c] : NaN));
  }
  const categories = columns.categories;
  if (categories) {
    const byCustomer: Map<string, number>[] = Array.from({ length: customers }, () => new Map());
    for (let k = 0; k < lines.validRows; k++) {
      const cell = categories[lines.sourceRow[k]];
      if (isBlank(cell) || excelErrorText(cell)) continue;
      const name = String(cell).trim();
      const m = byCustomer[lines.customer[k]];
      m.set(name, (m.get(name) ?? 0) + lines.amount[k]);
    }
    mainCategory = byCustomer.map((m) => {
      let best = "";
      let bestAmount = -Infinity;
      for (const [name, amount] of m) if (amount > bestAmount || (amount === bestAmount && name < best)) [best, bestAmount] = [name, amount];
      return best;
    });
  }
  // Issue 15 §4: per customer its latest answer (NPS, satisfaction, engagement) or summed counts (complaints, referrals).
  const voice = read.voice ? customerVoice({ customer: lines.customer, date: lines.date, sourceRow: lines.sourceRow, count: lines.validRows }, customers, read.voice) : null;
  return { margin, extra, mainCategory, voice };
}

/**
 * Expected active years within the horizon: year 1 for sure, each later year with the retention
 * rate's probability, Σ_{t=0}^{years−1} retention^t (fractional horizons pro rata). With retention 1
 * this is the horizon itself.
 */
export function expectedLifespan(retention: number, years: number): number {
  if (retention >= 1) return years;
  const whole = Math.floor(years);
  const full = (1 - retention ** whole) / (1 - retention);
  return full + (years - whole) * retention ** whole;
}

/**
 * Per-customer CLV by the simple formula (simpleClv): average purchase × purchases per year ×
 * expected lifespan × margin, discounted yearly. Purchases per year are the customer's orders over
 * the observed span (first purchase to the analysis date), counted as at least one year so a new
 * customer's single order is not annualised into many.
 */
export function customerClv(summary: CustomerSummary, clv: ClvAnalysisOptions): Float64Array {
  const lifespanYears = expectedLifespan(clv.retention, clv.years);
  const out = new Float64Array(summary.customerIds.length);
  const windowDays = summary.windowMonths ? summary.asOf - windowExclusiveStart(summary.asOf, summary.windowMonths) : Infinity;
  for (let c = 0; c < out.length; c++) {
    // Over a window, the orders counted are the window's, so the span they cover is at most the window.
    const span = Math.min(summary.tenureDays[c], windowDays);
    const purchasesPerYear = (summary.orders[c] * 365) / Math.max(span, 365);
    out[c] = simpleClv({ averagePurchase: Math.max(summary.averageAmount[c], 0), purchasesPerYear, lifespanYears, margin: clv.margin, discountRate: clv.discount });
  }
  return out;
}

/** Mean monetary value and customer count per (R score, F score) cell. */
export function rfGridOf(rfm: RfmAnalysis, summary: CustomerSummary): RfGrid {
  const rLevels = rfm.scores.r.levels;
  const fLevels = rfm.scores.f.levels;
  const sum = new Float64Array(rLevels * fLevels);
  const count = new Int32Array(rLevels * fLevels);
  for (let c = 0; c < summary.customerIds.length; c++) {
    const r = rfm.scores.r.scores[c];
    const f = rfm.scores.f.scores[c];
    if (r === 0 || f === 0) continue;
    const k = (r - 1) * fLevels + (f - 1);
    sum[k] += summary.totalAmount[c];
    count[k]++;
  }
  return { rLevels, fLevels, meanMonetary: sum.map((s, k) => (count[k] > 0 ? s / count[k] : NaN)), customers: count };
}

/**
 * Sum or mean of `values` per tier (indices outside 0..tiers−1 and NaN values skipped). A tier with no
 * value sums to 0 and has a NaN mean; without `values` every tier is NaN.
 */
export function perTier(tierOf: ArrayLike<number>, tiers: number, values: ArrayLike<number> | null, how: "sum" | "mean"): Float64Array {
  if (!values) return new Float64Array(tiers).fill(NaN);
  const sum = new Float64Array(tiers);
  const count = new Int32Array(tiers);
  for (let i = 0; i < tierOf.length; i++) {
    const t = tierOf[i];
    const v = values[i];
    if (t < 0 || t >= tiers || v !== v) continue;
    sum[t] += v;
    count[t]++;
  }
  if (how === "sum") return sum;
  return sum.map((s, t) => (count[t] > 0 ? s / count[t] : NaN));
}
