/**
 * Lifecycle stages from purchase history, judged against each customer's own rhythm:
 *   New      first purchase within `newDays` of the analysis date;
 *   Active   days since the last purchase ≤ activeMultiple × the customer's mean days between purchases;
 *   Silent   ≤ silentMultiple × that gap;
 *   Churned  beyond it, or beyond `churnCapDays` whatever the rhythm.
 * Purchases are counted by distinct day. A one-time buyer has no rhythm of their own and is judged
 * against the population's: the median of the repeat customers' mean gaps (or `newDays` when nobody
 * has bought on two days). Purchases after the analysis date are not seen (the stages as they were then).
 */
import { CoreError, throwFirst, type CoreProblem } from "../cells/errors";
import { serialToIsoDate } from "../cells/dates";
import { transactionsUpTo, type Transactions } from "../transactions/model";
import type { CustomerId } from "../cells/coerce";
import { summarizeCustomers } from "../transactions/summary";

export const LIFECYCLE_STAGES = ["new", "active", "silent", "churned"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export interface LifecycleOptions {
  /** Analysis date (serial); default the latest purchase date. */
  asOf?: number | null;
  newDays?: number;
  activeMultiple?: number;
  silentMultiple?: number;
  /** Days without a purchase after which anyone is churned; null for no cap. */
  churnCapDays?: number | null;
}

export const LIFECYCLE_DEFAULTS = { newDays: 30, activeMultiple: 1.5, silentMultiple: 3, churnCapDays: null } as const;

export interface Lifecycle {
  customerIds: CustomerId[];
  asOf: number;
  /** Index into LIFECYCLE_STAGES per customer. */
  stage: Uint8Array;
  recencyDays: Float64Array;
  /** The gap each customer was judged by: their own mean days between purchase days, or the population's. */
  gapDays: Float64Array;
  /** Median of the repeat customers' mean gaps; NaN when nobody bought on two days. */
  medianGapDays: number;
}

type LifecycleThresholds = Required<Omit<LifecycleOptions, "asOf">>;

/** The thresholds with the defaults filled in. */
function thresholdsOf(options: LifecycleOptions): LifecycleThresholds {
  return {
    newDays: options.newDays ?? LIFECYCLE_DEFAULTS.newDays,
    activeMultiple: options.activeMultiple ?? LIFECYCLE_DEFAULTS.activeMultiple,
    silentMultiple: options.silentMultiple ?? LIFECYCLE_DEFAULTS.silentMultiple,
    churnCapDays: options.churnCapDays ?? LIFECYCLE_DEFAULTS.churnCapDays,
  };
}

/**
 * Every problem of the thresholds (badLifecycle with the field), in the order checkLifecycleOptions
 * meets them. The silent multiple is held to the active one only when that one is usable (else to > 0).
 */
export function lifecycleOptionProblems(options: LifecycleOptions): CoreProblem[] {
  const o = thresholdsOf(options);
  const problems: CoreProblem[] = [];
  const bad = (field: keyof LifecycleThresholds, value: number) => problems.push({ code: "badLifecycle", details: { field, value } });
  if (!(o.newDays >= 0 && Number.isFinite(o.newDays))) bad("newDays", o.newDays);
  const activeOk = o.activeMultiple > 0 && Number.isFinite(o.activeMultiple);
  if (!activeOk) bad("activeMultiple", o.activeMultiple);
  if (!((activeOk ? o.silentMultiple >= o.activeMultiple : o.silentMultiple > 0) && Number.isFinite(o.silentMultiple))) bad("silentMultiple", o.silentMultiple);
  if (o.churnCapDays !== null && !(o.churnCapDays > 0)) bad("churnCapDays", o.churnCapDays);
  return problems;
}

/** Throws the first of lifecycleOptionProblems as a CoreError; returns the thresholds with their defaults. */
export function checkLifecycleOptions(options: LifecycleOptions): LifecycleThresholds {
  throwFirst(lifecycleOptionProblems(options));
  return thresholdsOf(options);
}

export function lifecycleStages(tx: Transactions, options: LifecycleOptions = {}): Lifecycle {
  const o = checkLifecycleOptions(options);
  // As of a past date, later purchases have not happened yet (as the models' calibration end).
  const asOf = options.asOf ?? null;
  const upTo = asOf === null ? tx : transactionsUpTo(tx, asOf);
  if (upTo.validRows === 0 && asOf !== null) {
    throw new CoreError("calibrationBeforeData", { end: serialToIsoDate(Math.floor(asOf)), first: serialToIsoDate(earliest(tx)) });
  }
  const summary = summarizeCustomers(upTo, { asOf: options.asOf });
  const n = summary.customerIds.length;
  const days = summary.purchaseDays;
  const ownGap = new Float64Array(n).fill(NaN);
  const gaps: number[] = [];
  for (let c = 0; c < n; c++) {
    if (days[c] > 1) {
      ownGap[c] = (Math.floor(summary.lastPurchase[c]) - Math.floor(summary.firstPurchase[c])) / (days[c] - 1);
      gaps.push(ownGap[c]);
    }
  }
  gaps.sort((a, b) => a - b);
  const half = gaps.length >> 1;
  const median = gaps.length === 0 ? NaN : gaps.length % 2 ? gaps[half] : (gaps[half - 1] + gaps[half]) / 2;
  const fallbackGap = Number.isNaN(median) ? o.newDays : median;
  const stage = new Uint8Array(n);
  const gapDays = new Float64Array(n);
  const cap = o.churnCapDays ?? Infinity;
  for (let c = 0; c < n; c++) {
    const gap = Number.isNaN(ownGap[c]) ? fallbackGap : ownGap[c];
    const recency = summary.recencyDays[c];
    gapDays[c] = gap;
    if (summary.tenureDays[c] <= o.newDays) stage[c] = 0;
    else if (recency > cap) stage[c] = 3;
    else if (recency <= o.activeMultiple * gap) stage[c] = 1;
    else if (recency <= o.silentMultiple * gap) stage[c] = 2;
    else stage[c] = 3;
  }
  return { customerIds: summary.customerIds, asOf: summary.asOf, stage, recencyDays: summary.recencyDays, gapDays, medianGapDays: median };
}

function earliest(tx: Transactions): number {
  let first = Infinity;
  for (let i = 0; i < tx.validRows; i++) first = Math.min(first, tx.date[i]);
  return Math.floor(first);
}
