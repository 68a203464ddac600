/**
 * The pane's tiering as a history tiering (issue 14 §2: the backfill "with the current settings"), so "Rebuild
 * history" tiers every snapshot as a Run on that date would: RFM segments and ABC classes by revenue or orders
 * go to the core's own history tierings (over-time/history.ts, where cut points can be frozen); score bands and
 * ABC classes by margin need the analysis' per-customer measures, which only this folder knows, so they are a
 * `custom` tiering that recomputes those measures as of each snapshot's date.
 *
 * What a snapshot's score is made of, as a Run as of that date makes it (run.ts → measures.ts → score.ts):
 * recency, frequency and monetary from the snapshot's summary (the window applied), the simple CLV from the same
 * summary (measures.ts `customerClv`), the margin summed and the extra column averaged over the purchase lines on
 * or before the date (never windowed, as a Run's are). So a rebuilt snapshot equals the Run's tiering as of its
 * date (tested, test/core/analysis/history-tiering.test.ts).
 *
 * Not rebuilt: a score that uses predicted CLV or P(alive) would need the models fitted again at every date (a
 * fit per snapshot, and a fit can fail on a young snapshot's data); `historyTieringProblem` says so and the
 * caller refuses it in words. Frozen cut points apply to RFM quantiles and ABC classes only: a score is a rank
 * (or a min–max position) within its own snapshot, so its bands have no fixed cut points to keep.
 */
import { isBlank } from "../cells/coerce";
import type { HistoryTiering } from "../over-time/history";
import { SCORE_TIER_KEYS, scoreCustomers as scoreMetrics, type ScoreMetric } from "../tiers/score";
import { ABC_LABELS, classifyAbc, NO_CLASS } from "../tiers/abc";
import { customerVoice, VOICE_FIELDS, type CustomerVoice } from "../tiers/voice";
import type { CustomerSummary } from "../transactions/summary";
import { customerClv } from "./measures";
import type { ReadCustomers } from "./rows";
import { scoreNeedsPredictions, scoreOptionsOf } from "./score";
import type { AnalysisColumns, AnalysisOptions } from "./types";

/** Why these settings cannot be rebuilt as a history (null: they can). */
export type HistoryTieringProblem = "scoreNeedsPredictions" | null;

export function historyTieringProblem(options: AnalysisOptions): HistoryTieringProblem {
  return options.tierBy === "score" && options.score && scoreNeedsPredictions(options.score) ? "scoreNeedsPredictions" : null;
}

/** Whether a history with this tiering can freeze cut points (RFM quantiles, ABC classes by revenue or orders). */
export function canFreeze(tiering: HistoryTiering): boolean {
  return tiering.by !== "custom";
}

/**
 * Per customer of the read (index into read.tx.customerIds) the margin sum and the extra mean over the purchase
 * lines on or before `asOf` (whole days, as transactionsUpTo cuts), NaN where the customer has no extra value.
 */
function lineMeasuresAsOf(read: ReadCustomers, columns: AnalysisColumns, asOf: number) {
  const { lines } = read;
  const n = read.tx.customerIds.length;
  const end = Math.floor(asOf) + 1;
  const margin = read.margins ? new Float64Array(n) : null;
  const extraSum = read.extras ? new Float64Array(n) : null;
  const extraCount = read.extras ? new Int32Array(n) : null;
  for (let k = 0; k < lines.validRows; k++) {
    if (!(lines.date[k] < end)) continue;
    const row = lines.sourceRow[k];
    const c = lines.customer[k];
    if (margin && read.margins) margin[c] += read.margins[row] || 0;
    if (extraSum && extraCount && read.extras && columns.extras && !isBlank(columns.extras[row])) {
      extraSum[c] += read.extras[row];
      extraCount[c]++;
    }
  }
  const extra = extraSum && extraCount ? extraSum.map((s, c) => (extraCount[c] > 0 ? s / extraCount[c] : NaN)) : null;
  return { margin, extra };
}

/**
 * Issue 15 §4: per customer of the read its voice as it stood on `asOf` (the answers on purchase lines on or
 * before it: the latest then, the counts summed to then), as a Run on that date would read it.
 */
function voiceAsOf(read: ReadCustomers, asOf: number): CustomerVoice {
  if (!read.voice) return {};
  const { lines } = read;
  const end = Math.floor(asOf) + 1;
  const keep: number[] = [];
  for (let k = 0; k < lines.validRows; k++) if (lines.date[k] < end) keep.push(k);
  const upTo = {
    customer: Int32Array.from(keep, (k) => lines.customer[k]),
    date: Float64Array.from(keep, (k) => lines.date[k]),
    sourceRow: Int32Array.from(keep, (k) => lines.sourceRow[k]),
    count: keep.length,
  };
  return customerVoice(upTo, read.tx.customerIds.length, read.voice);
}

/** A per-customer column (index into the read's customers) as the snapshot's rows order them; NaN without it. */
function forRows(values: Float64Array | null, customers: Int32Array): Float64Array {
  const out = new Float64Array(customers.length).fill(NaN);
  if (values) for (let k = 0; k < customers.length; k++) out[k] = values[customers[k]];
  return out;
}

/**
 * The history tiering of the pane's settings over what it read (`read` and `columns`: the same reading a Run
 * makes, readCustomers). Throws RangeError for a tiering `historyTieringProblem` rules out: the caller asks first.
 */
export function historyTiering(read: ReadCustomers, columns: AnalysisColumns, options: AnalysisOptions): HistoryTiering {
  if (historyTieringProblem(options)) throw new RangeError("a score on predictions is not rebuilt (historyTieringProblem)");
  if (options.tierBy === "segment" && options.rfm) {
    return { by: "segment", bins: options.rfm.bins, breakpoints: options.rfm.breakpoints ?? null, scheme: options.rfm.scheme };
  }
  const abc = options.abc;
  if (options.tierBy === "abcClass" && abc && abc.basis !== "margin") {
    return { by: "abcClass", basis: abc.basis === "orders" ? "orders" : "revenue", aCut: abc.aCut, bCut: abc.bCut, method: abc.method };
  }
  if (options.tierBy === "abcClass" && abc) {
    return {
      by: "custom",
      ordered: true,
      assign: (summary: CustomerSummary, customers: Int32Array) => {
        // A Run without the margin column sums 0 per customer (tiers.ts abcOf), so the same here.
        const margin = lineMeasuresAsOf(read, columns, summary.asOf).margin;
        const values = margin ? forRows(margin, customers) : new Float64Array(customers.length);
        const classes = classifyAbc(values, { aCut: abc.aCut, bCut: abc.bCut, basis: "value", method: abc.method ?? "fixed", totalOf: "margin" }).classes;
        return { tierOf: Int32Array.from(classes, (k) => (k === NO_CLASS ? -1 : k)), names: ABC_LABELS };
      },
    };
  }
  const score = options.score;
  if (options.tierBy !== "score" || !score) throw new RangeError(`tiers by ${options.tierBy} without their settings`);
  return {
    by: "custom",
    ordered: true,
    assign: (summary: CustomerSummary, customers: Int32Array) => {
      const needs = new Set(score.metrics.map((x) => x.metric));
      const lineMeasures = needs.has("margin") || needs.has("extra") ? lineMeasuresAsOf(read, columns, summary.asOf) : { margin: null, extra: null };
      const none = () => new Float64Array(customers.length).fill(NaN);
      const voice = VOICE_FIELDS.some((f) => needs.has(f)) ? voiceAsOf(read, summary.asOf) : {};
      const values = (metric: ScoreMetric): ArrayLike<number> => {
        switch (metric) {
          case "recency":
            return summary.recencyDays;
          case "frequency":
            return summary.orders;
          case "monetary":
            return summary.totalAmount;
          case "clv":
            return options.clv ? customerClv(summary, options.clv) : none();
          case "margin":
            return forRows(lineMeasures.margin, customers);
          case "extra":
            return forRows(lineMeasures.extra, customers);
          case "predictedClv":
          case "pAlive":
            return none(); // ruled out above
          default:
            return forRows(voice[metric] ?? null, customers);
        }
      };
      const result = scoreMetrics(score.metrics.map((x) => values(x.metric)), scoreOptionsOf(score));
      const tierOf = new Int32Array(customers.length).fill(-1);
      for (let c = 0; c < tierOf.length; c++) if (result.band[c] < result.bandCount) tierOf[c] = result.band[c];
      return { tierOf, names: SCORE_TIER_KEYS.slice(0, result.bandCount) };
    },
  };
}
