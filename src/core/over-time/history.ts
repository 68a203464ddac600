/**
 * The history: every snapshot's tiers, built in one action from one transaction table with the same
 * settings (snapshots.ts makes the summaries in one sweep; this module tiers each one).
 *
 * Tiered by RFM segment, ABC class, or any tiering the caller brings (`custom`: the pane's analysis,
 * e.g. score bands, tiers a summary its own way: analysis/history-tiering.ts; this folder may not import analysis/).
 *
 * Frozen cut points: quantile tiers drift as the population changes (a customer can change tier while
 * behaving the same, because everyone else moved). With `freezeAt` the cut points of the snapshot at
 * that date (the RFM quantile cut points per dimension, or the ABC classes' lowest A and B values) are
 * kept for every snapshot, so a move between tiers means the customer's own behaviour changed. Only a
 * snapshot date can be frozen (CoreError freezeNotSnapshot otherwise). A custom tiering has no cut points
 * here (score bands rank within their own snapshot): `freezeAt` does not apply to it, and History.frozen
 * stays null, which callers report.
 */
import { CoreError } from "../cells/errors";
import type { CustomerId } from "../cells/coerce";
import { classifyAbc, type AbcMethod, ABC_LABELS, NO_CLASS } from "../tiers/abc";
import { scoreAgainst, scoreCustomers, type DimensionScores, type RfmScores } from "../tiers/rfm";
import { NO_SEGMENT, segmentCustomers, type SegmentRule, type SegmentScheme } from "../tiers/segments";
import type { Transactions } from "../transactions/model";
import type { CustomerSummary } from "../transactions/summary";
import { serialToIsoDate } from "../cells/dates";
import { snapshotDates, sweepSnapshots, type SnapshotRange } from "./snapshots";

/** How each snapshot is tiered. */
export type HistoryTiering =
  | {
      by: "segment";
      bins: number;
      breakpoints?: { recency?: readonly number[]; frequency?: readonly number[]; monetary?: readonly number[] } | null;
      scheme: SegmentScheme | readonly SegmentRule[];
    }
  | { by: "abcClass"; basis: "revenue" | "orders"; aCut: number; bCut: number; method?: AbcMethod }
  | {
      by: "custom";
      /**
       * Per summary row its tier (index into names, −1 none); names best first when `ordered`. `customers`: per
       * summary row the customer's index in the table's customerIds (for measures the summary does not hold).
       */
      assign: (summary: CustomerSummary, customers: Int32Array) => { tierOf: Int32Array; names: readonly string[] };
      ordered: boolean;
    };

export interface HistoryOptions extends SnapshotRange {
  /** Frequency and monetary over the last N months at each snapshot (summary.ts); null: all history. */
  windowMonths?: number | null;
  tiering: HistoryTiering;
  /** Score every snapshot against the cut points of the snapshot at this date (segment and ABC tierings). */
  freezeAt?: number | null;
}

export interface HistorySnapshot {
  asOf: number;
  /** End of the period before (this snapshot closes (periodAfter, asOf]). */
  periodAfter: number;
  /** Per row: index into History.customerIds (in order of first purchase row, as the cut table reads). */
  customers: Int32Array;
  /** Per row: index into History.tierNames, −1 = no tier. */
  tier: Int32Array;
  recencyDays: Float64Array;
  /** Orders in the window (all history without one). */
  frequency: Int32Array;
  /** Revenue in the window. */
  monetary: Float64Array;
  /** Revenue and orders in the period (periodAfter, asOf]. */
  periodRevenue: Float64Array;
  periodOrders: Int32Array;
  /** R, F, M scores (segment tiering only). */
  rfm: { r: Uint8Array; f: Uint8Array; m: Uint8Array } | null;
}

/** The cut points every snapshot was scored against when frozen. */
export type FrozenCuts =
  | { by: "segment"; asOf: number; r: DimensionScores; f: DimensionScores; m: DimensionScores }
  | { by: "abcClass"; asOf: number; aMin: number; bMin: number };

export interface History {
  customerIds: readonly CustomerId[];
  /** Tier names (segment keys, A/B/C, or the custom tiering's), best first when `ordered`. */
  tierNames: string[];
  ordered: boolean;
  windowMonths: number | null;
  snapshots: HistorySnapshot[];
  frozen: FrozenCuts | null;
}

/** Tiers of one snapshot's summary by the tiering (frozen cuts when given); names may grow. */
function tierSummary(summary: CustomerSummary, customers: Int32Array, tiering: HistoryTiering, frozen: FrozenCuts | null) {
  const n = summary.customerIds.length;
  const tierOf = new Int32Array(n).fill(-1);
  if (tiering.by === "custom") {
    const t = tiering.assign(summary, customers);
    return { tierOf: t.tierOf, names: t.names, rfm: null };
  }
  if (tiering.by === "segment") {
    const scores: RfmScores =
      frozen?.by === "segment"
        ? {
            r: rescore(summary.recencyDays, frozen.r, true),
            f: rescore(summary.orders, frozen.f, false),
            m: rescore(summary.totalAmount, frozen.m, false),
          }
        : scoreCustomers(summary, { bins: tiering.bins, breakpoints: tiering.breakpoints ?? {} });
    const seg = segmentCustomers(scores, tiering.scheme);
    for (let c = 0; c < n; c++) if (seg.index[c] !== NO_SEGMENT) tierOf[c] = seg.index[c];
    return { tierOf, names: seg.names, rfm: { r: scores.r.scores, f: scores.f.scores, m: scores.m.scores }, scores };
  }
  const values = tiering.basis === "orders" ? Float64Array.from(summary.orders) : summary.totalAmount;
  if (frozen?.by === "abcClass") {
    for (let c = 0; c < n; c++) {
      const v = values[c];
      tierOf[c] = v > 0 && v >= frozen.aMin ? 0 : v > 0 && v >= frozen.bMin ? 1 : 2;
    }
  } else {
    const abc = classifyAbc(values, { aCut: tiering.aCut, bCut: tiering.bCut, basis: "value", method: tiering.method ?? "fixed", totalOf: tiering.basis === "orders" ? undefined : "amounts" });
    for (let c = 0; c < n; c++) tierOf[c] = abc.classes[c] === NO_CLASS ? -1 : abc.classes[c];
  }
  return { tierOf, names: ABC_LABELS as readonly string[], rfm: null };
}

function rescore(values: ArrayLike<number>, dim: DimensionScores, reverse: boolean): DimensionScores {
  return { ...dim, scores: scoreAgainst(values, dim.thresholds, dim.inclusive ?? true, reverse) };
}

/** The cut points of one summary, to freeze (segment: the RFM scores' thresholds; ABC: the lowest A and B values). */
export function cutsOf(summary: CustomerSummary, tiering: HistoryTiering): FrozenCuts | null {
  if (tiering.by === "custom") return null;
  if (tiering.by === "segment") {
    const s = scoreCustomers(summary, { bins: tiering.bins, breakpoints: tiering.breakpoints ?? {} });
    return { by: "segment", asOf: summary.asOf, r: s.r, f: s.f, m: s.m };
  }
  const values = tiering.basis === "orders" ? Float64Array.from(summary.orders) : summary.totalAmount;
  const abc = classifyAbc(values, { aCut: tiering.aCut, bCut: tiering.bCut, basis: "value", method: tiering.method ?? "fixed", totalOf: tiering.basis === "orders" ? undefined : "amounts" });
  let aMin = Infinity;
  let bMin = Infinity;
  for (let c = 0; c < values.length; c++) {
    if (abc.classes[c] === 0 && values[c] < aMin) aMin = values[c];
    if (abc.classes[c] <= 1 && values[c] < bMin) bMin = values[c];
  }
  return { by: "abcClass", asOf: summary.asOf, aMin, bMin };
}

/** First and last purchase day of the table. */
export function purchaseSpan(tx: Transactions): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < tx.validRows; i++) {
    const d = tx.date[i];
    if (d < first) first = d;
    if (d > last) last = d;
  }
  return { first: Math.floor(first), last: Math.floor(last) };
}

/**
 * Every snapshot between `from` and `to` (default the data's span) with one tiering: see the module
 * comment. `onSnapshot(done, total)` is called after each one (progress; throw from it to cancel).
 */
export function buildHistory(tx: Transactions, options: HistoryOptions, onSnapshot?: (done: number, total: number) => void): History {
  if (tx.validRows === 0) throw new CoreError("noData");
  const span = purchaseSpan(tx);
  const { dates, previous } = snapshotDates(span.first, span.last, options);
  const windowMonths = options.windowMonths ?? null;
  let frozen: FrozenCuts | null = null;
  const freezeAt = options.freezeAt ?? null;
  const snapshots: HistorySnapshot[] = [];
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  // With a frozen snapshot, its cut points are needed before the earlier snapshots are tiered: a first
  // sweep runs up to that snapshot to take them, then one sweep tiers all (two sweeps, still linear).
  if (freezeAt !== null && options.tiering.by !== "custom") {
    const day = Math.floor(freezeAt);
    if (!dates.includes(day)) {
      throw new CoreError("freezeNotSnapshot", { date: serialToIsoDate(day), first: serialToIsoDate(dates[0] ?? span.first), last: serialToIsoDate(dates[dates.length - 1] ?? span.last) });
    }
    for (const s of sweepSnapshots(tx, dates.filter((d) => d <= day), { windowMonths })) if (s.asOf === day) frozen = cutsOf(s.summary, options.tiering);
  }
  let done = 0;
  for (const s of sweepSnapshots(tx, dates, { windowMonths, previous })) {
    const t = tierSummary(s.summary, s.customers, options.tiering, frozen);
    const local = t.names.map((name) => {
      let k = nameIndex.get(name);
      if (k === undefined) nameIndex.set(name, (k = names.push(name) - 1));
      return k;
    });
    const tier = new Int32Array(t.tierOf.length);
    for (let c = 0; c < tier.length; c++) tier[c] = t.tierOf[c] < 0 ? -1 : local[t.tierOf[c]];
    snapshots.push({
      asOf: s.asOf,
      periodAfter: s.periodAfter,
      customers: s.customers,
      tier,
      recencyDays: s.summary.recencyDays,
      frequency: s.summary.orders,
      monetary: s.summary.totalAmount,
      periodRevenue: s.periodRevenue,
      periodOrders: s.periodOrders,
      rfm: t.rfm,
    });
    onSnapshot?.(++done, dates.length);
  }
  const ordered = options.tiering.by === "abcClass" || (options.tiering.by === "custom" && options.tiering.ordered);
  return { customerIds: tx.customerIds, tierNames: names, ordered, windowMonths, snapshots, frozen };
}
