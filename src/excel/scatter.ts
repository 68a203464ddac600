/**
 * The scatter of customers (issue 17, "Charts and numbers"): one point per customer, frequency (orders) against
 * monetary (revenue), coloured by tier, instead of one point per tier. A workbook can hold a million customers and
 * a chart of that many points is unreadable (and its series would be far over a request's 5 MB), so the run writes
 * a sample of at most SCATTER_SAMPLE customers as a block beside the chart slots on the summary sheet, and the
 * chart job draws it from the positions the run recorded (`LastRun.scatter`): no read-back, no extra sync.
 *
 * The sample is deterministic (no seed, no randomness): within each tier the customers are put in order of revenue
 * (equal revenue: their row order; one radix sort of all customers, core/math/sort.ts), and points are taken evenly spaced along that order, the first and last included —
 * a systematic sample stratified by tier and by revenue, so the spread, the median and the extremes of each tier
 * show. Every tier with a plottable customer gets at least MIN_PER_TIER points (or all it has); the rest of the
 * budget is shared in proportion to the tiers' sizes (largest remainder). The block's note and the chart's title say
 * how many of how many customers are drawn.
 *
 * Log scale where it helps: an axis is logarithmic when its values are skewed, the largest at least LOG_SKEW times
 * the median (on a linear axis half the points would then crowd into the lowest tenth of it), as customer revenue and
 * orders usually are. Excel's value axes take `scaleType = "Logarithmic"` and `logBase` (ChartAxis, ExcelApi 1.7:
 * https://learn.microsoft.com/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-logbase-member); a log
 * scale cannot place 0 or a negative value (Excel warns "Negative or zero values cannot be plotted correctly on log
 * charts": https://learn.microsoft.com/office/vba/api/excel.axis.scaletype uses base 10 logarithms), so a customer
 * with no orders in the window or no positive revenue is left out of the sample on a log axis, and the note counts
 * them. On a linear axis they are kept.
 *
 * Legends: one series per tier (the legend names the tiers); past MAX_SERIES tiers the smallest are drawn as one
 * "Other" series, so the legend stays short enough to read in full.
 */
import type { AnalysisResult } from "../core/analysis/types";
import type { Messages } from "../i18n";
import { ascendingOrder } from "../core/math/sort";
import { tierLabel } from "../i18n/tier-names";
import { FORMAT } from "./formats";
import { block, num, text, type Block } from "./summary";

/** At most this many customers are drawn. */
export const SCATTER_SAMPLE = 2000;
/** A tier with a plottable customer gets at least this many points (or all it has). */
export const MIN_PER_TIER = 20;
/** Past this many tiers, the smallest share one "Other" series. */
export const MAX_SERIES = 12;
/** An axis is logarithmic when its largest value is at least this many times its median. */
export const LOG_SKEW = 10;

/** What the sampler needs per customer: its tier (−1 none), orders and revenue; the tiers in summary order. */
export interface ScatterInput {
  tierOf: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
  /** The tiers in the summary's order: their index (as in tierOf) and label. */
  tiers: readonly { index: number; label: string }[];
}

export interface ScatterSeries {
  /** A tier's label, or null for the "Other" series (the catalog names it). */
  label: string | null;
  /** First row of the series in the sample (0-based) and its number of points. */
  start: number;
  count: number;
}

export interface ScatterSample {
  series: ScatterSeries[];
  /** One entry per point, series after series. */
  frequency: number[];
  monetary: number[];
  /** Customers with a tier (the population the sample is drawn from). */
  customers: number;
  /** Customers a log axis cannot show (no orders, or revenue ≤ 0), left out. */
  leftOut: number;
  logFrequency: boolean;
  logMonetary: boolean;
}

/**
 * Whether a log axis helps: among the values of the customers `keep` admits, taken in `order` (ascending, as
 * `ascendingOrder` gives), two or more are positive and the largest is ≥ LOG_SKEW × their median. Walks the order
 * twice instead of copying and sorting the values again (a million customers).
 */
function skewed(values: ArrayLike<number>, order: ArrayLike<number>, keep: Int32Array | null): boolean {
  let count = 0;
  for (let i = 0; i < order.length; i++) {
    const c = order[i];
    if ((keep === null || keep[c] >= 0) && values[c] > 0) count++;
  }
  if (count < 2) return false;
  const mid = count >> 1;
  let j = 0;
  let below = NaN;
  let at = NaN;
  let max = NaN;
  for (let i = 0; i < order.length; i++) {
    const c = order[i];
    if (!((keep === null || keep[c] >= 0) && values[c] > 0)) continue;
    if (j === mid - 1) below = values[c];
    if (j === mid) at = values[c];
    max = values[c];
    j++;
  }
  return max >= LOG_SKEW * (count % 2 === 1 ? at : (below + at) / 2);
}

/** Whether a log axis helps these values: two or more are positive and the largest is ≥ LOG_SKEW × their median. */
export function logHelps(values: ArrayLike<number>): boolean {
  return skewed(values, ascendingOrder(values), null);
}

/** How many points each tier gets: at least min(size, MIN_PER_TIER), the rest in proportion, never over `limit`. */
export function allocate(sizes: readonly number[], limit: number): number[] {
  const total = sizes.reduce((s, n) => s + n, 0);
  if (total <= limit) return [...sizes];
  const nonEmpty = sizes.filter((n) => n > 0).length;
  const floor = Math.max(1, Math.min(MIN_PER_TIER, Math.floor(limit / Math.max(nonEmpty, 1))));
  let left = limit;
  const quota = sizes.map((n) => {
    const q = Math.min(n, floor, left);
    left -= q;
    return q;
  });
  const rest = sizes.map((n, k) => n - quota[k]);
  const restTotal = rest.reduce((s, n) => s + n, 0);
  if (left <= 0 || restTotal === 0) return quota;
  const share = rest.map((n) => (n * left) / restTotal);
  const whole = share.map(Math.floor);
  let spare = left - whole.reduce((s, n) => s + n, 0);
  // Largest remainder (ties: the earlier tier) for what flooring left.
  const order = share.map((_, k) => k).sort((a, b) => share[b] - whole[b] - (share[a] - whole[a]) || a - b);
  for (const k of order) {
    if (spare <= 0) break;
    if (whole[k] < rest[k]) {
      whole[k]++;
      spare--;
    }
  }
  return quota.map((q, k) => q + Math.min(whole[k], rest[k]));
}

/** `k` positions evenly spaced over 0..n−1, first and last included (k ≤ n); one point: the middle. */
export function evenPositions(n: number, k: number): number[] {
  if (k <= 0 || n <= 0) return [];
  if (k === 1) return [(n - 1) >> 1];
  return Array.from({ length: k }, (_, i) => Math.round((i * (n - 1)) / (k - 1)));
}

/** A run's customers as the sampler takes them: orders and revenue as the results sheet has them. */
export function scatterInput(a: AnalysisResult, m: Messages): ScatterInput {
  return { tierOf: a.tierOf, frequency: a.summary.orders, monetary: a.summary.totalAmount, tiers: a.tiers.map((t) => ({ index: t.index, label: tierLabel(a, t, m) })) };
}

/** The sample: deterministic, stratified by tier and, within a tier, by revenue (see the header). */
export function customerSample(input: ScatterInput, limit = SCATTER_SAMPLE): ScatterSample {
  const { tierOf, frequency, monetary, tiers } = input;
  const n = tierOf.length;
  const slot = new Map(tiers.map((t, k) => [t.index, k]));
  // Each customer's tier slot (−1: no tier, or a value that is not a number).
  const slotOf = new Int32Array(n).fill(-1);
  let customers = 0;
  let last = NaN;
  let lastSlot: number | undefined;
  for (let c = 0; c < n; c++) {
    // Customers of a tier often come in runs: the last lookup is reused.
    const tier = tierOf[c];
    const k = tier === last ? lastSlot : slot.get(tier);
    last = tier;
    lastSlot = k;
    if (k === undefined) continue;
    customers++;
    if (Number.isFinite(frequency[c]) && Number.isFinite(monetary[c])) slotOf[c] = k;
  }
  // Revenue in order once: the log check's median and each tier's even picks both read it.
  const byRevenue = ascendingOrder(monetary);
  const logFrequency = skewed(frequency, ascendingOrder(frequency), slotOf);
  const logMonetary = skewed(monetary, byRevenue, slotOf);
  const sizes = tiers.map(() => 0);
  let plotted = 0;
  for (let c = 0; c < n; c++) {
    if (slotOf[c] < 0) continue;
    if ((logFrequency && !(frequency[c] > 0)) || (logMonetary && !(monetary[c] > 0))) slotOf[c] = -1;
    else {
      sizes[slotOf[c]]++;
      plotted++;
    }
  }
  const leftOut = customers - plotted;

  // Past MAX_SERIES tiers, the largest MAX_SERIES − 1 keep their own series and the rest are one "Other".
  const present = tiers.map((_, k) => k).filter((k) => sizes[k] > 0);
  const kept = present.length > MAX_SERIES ? new Set([...present].sort((a, b) => sizes[b] - sizes[a] || a - b).slice(0, MAX_SERIES - 1)) : new Set(present);
  const groups: { label: string | null; size: number }[] = present.filter((k) => kept.has(k)).map((k) => ({ label: tiers[k].label, size: sizes[k] }));
  const groupOfSlot = tiers.map((_, k) => (kept.has(k) ? present.filter((p) => kept.has(p)).indexOf(k) : -1));
  if (present.length > kept.size) {
    groups.push({ label: null, size: present.filter((k) => !kept.has(k)).reduce((sum, k) => sum + sizes[k], 0) });
    for (const k of present) if (!kept.has(k)) groupOfSlot[k] = groups.length - 1;
  }
  // Each group's customers in order of revenue (equal revenue: row order), by one radix sort of all of them.
  const members: number[][] = groups.map(() => []);
  for (let i = 0; i < byRevenue.length; i++) {
    const c = byRevenue[i];
    if (slotOf[c] >= 0) members[groupOfSlot[slotOf[c]]].push(c);
  }
  const quotas = allocate(groups.map((g) => g.size), limit);
  const series: ScatterSeries[] = [];
  const px: number[] = [];
  const py: number[] = [];
  groups.forEach((g, k) => {
    const picked = evenPositions(members[k].length, quotas[k]).map((p) => members[k][p]);
    if (picked.length === 0) return;
    series.push({ label: g.label, start: px.length, count: picked.length });
    for (const c of picked) {
      px.push(frequency[c]);
      py.push(monetary[c]);
    }
  });
  return { series, frequency: px, monetary: py, customers, leftOut, logFrequency, logMonetary };
}

/** Where the run put the sample (LastRun.scatter): its rows' top-left cell and its series. */
export interface ScatterPlace {
  /** 0-based: the block's header row and first column (tier, orders, revenue). */
  row: number;
  column: number;
  series: { label: string; start: number; count: number }[];
  shown: number;
  customers: number;
  logFrequency: boolean;
  logMonetary: boolean;
}

/** The sample's block: a note, a header row, then one row per point (tier label, orders, revenue). */
export function scatterBlock(sample: ScatterSample, row: number, column: number, tierHeader: string, m: Messages): { block: Block; place: ScatterPlace } {
  const w = m.chartRules.scatter;
  const labels = sample.series.map((s) => s.label ?? w.other);
  const shown = sample.frequency.length;
  const note = [w.block(shown, sample.customers), sample.leftOut > 0 ? w.leftOut(sample.leftOut) : ""].filter(Boolean).join(" ");
  const rows = [
    [text(note)],
    [text(tierHeader), text(w.frequencyHeader), text(w.monetaryHeader)],
    ...sample.series.flatMap((s, k) =>
      Array.from({ length: s.count }, (_, i) => [text(labels[k]), num(sample.frequency[s.start + i], FORMAT.whole), num(sample.monetary[s.start + i], FORMAT.money, 2)]),
    ),
  ];
  return {
    block: block(row, column, rows),
    place: {
      row: row + 1,
      column,
      series: sample.series.map((s, k) => ({ label: labels[k], start: s.start, count: s.count })),
      shown,
      customers: sample.customers,
      logFrequency: sample.logFrequency,
      logMonetary: sample.logMonetary,
    },
  };
}
