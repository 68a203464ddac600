/**
 * The holdout check: "does the model work on my data?". One transaction table is split at a
 * calibration end; the count model is fitted on the calibration part only (or given), and what it
 * predicts for the holdout period is set against what the same customers then did, in the shapes
 * Fader, Hardie & Lee (2005, "Counting your customers the easy way") use to judge BG/NBD:
 *   - per customer, predicted vs actual repeat purchases in the holdout (MAE, RMSE, bias);
 *   - the conditional-expectation table by calibration repeat purchases 0, 1, …, 7+ (their Figure 4);
 *   - cumulative repeat purchases per period over calibration and holdout, actual vs the model's
 *     unconditional expectation for the cohort (their Figure 2, the "tracking" chart);
 *   - P(alive) calibration: customers in ten equal groups by P(alive), the mean P(alive) against the
 *     share that bought in the holdout (a customer alive may still not buy, so the share is a floor).
 * Purchases are counted as calibration.ts counts them: distinct purchase days, returns left out.
 */
import { CoreError } from "../cells/errors";
import { serialToIsoDate } from "../cells/dates";
import type { Transactions } from "../transactions/model";
import { groupDaysByCustomer } from "../transactions/summary";
import { calibrationSummary, DAYS_PER_UNIT, type CalibrationSummary, type TimeUnit } from "./calibration";
import { aliveProbability, fitCountModel, purchasesIfAlive, type CountFit, type CountModelName, type CountParams } from "./count-model";
import { countFitDiagnostics, type Diagnostic } from "./diagnostics";

export interface HoldoutOptions {
  unit: TimeUnit;
  /** Last day of calibration (serial). */
  calibrationEnd: number;
  /** Last day of the holdout (serial); default the latest purchase day. */
  holdoutEnd?: number | null;
  /** The count model fitted on the calibration part; default BG/NBD. */
  model?: CountModelName;
}

/** Customers by calibration repeat purchases; the last group is "this many or more". */
export const HOLDOUT_GROUPS = 8;

export interface HoldoutGroup {
  /** Calibration repeat purchases (the last group: at least this many). */
  x: number;
  customers: number;
  predictedMean: number;
  actualMean: number;
}

export interface TrackingPoint {
  /** 1-based; periods end on the calibration end and every unit before and after it. */
  period: number;
  /** Last day (serial) of the period. */
  end: number;
  /** Whether the period ends after the calibration end. */
  holdout: boolean;
  /** Cumulative repeat purchases of the calibration customers, actual and expected. */
  actual: number;
  expected: number;
}

export interface AliveDecile {
  decile: number;
  customers: number;
  meanPAlive: number;
  /** Share of the group that bought at least once in the holdout. */
  boughtShare: number;
}

export interface HoldoutCheck {
  summary: CalibrationSummary;
  /** The count model's parameters used (the calibration fit, or those given). */
  counts: CountParams;
  holdoutEnd: number;
  /** Holdout length in units. */
  holdoutLength: number;
  /** Per calibration customer, repeat purchases in the holdout. */
  predicted: Float64Array;
  actual: Float64Array;
  groups: HoldoutGroup[];
  totalPredicted: number;
  totalActual: number;
  mae: number;
  rmse: number;
  /** Mean of predicted − actual: positive when the model expects more than happened. */
  bias: number;
  tracking: TrackingPoint[];
  aliveDeciles: AliveDecile[];
  /** The calibration fit's diagnostics (none when parameters were given). */
  diagnostics: Diagnostic[];
}

/** The rows with an amount ≥ 0, grouped by customer and sorted by day (returns are not purchases). */
function purchaseDays(tx: Transactions) {
  const keep: number[] = [];
  for (let i = 0; i < tx.validRows; i++) if (tx.amount[i] >= 0) keep.push(i);
  const customer = Int32Array.from(keep, (i) => tx.customer[i]);
  const date = Float64Array.from(keep, (i) => tx.date[i]);
  return groupDaysByCustomer(customer, date, new Float64Array(keep.length), tx.customerIds.length);
}

/**
 * Runs the check. `given` replaces the calibration fit (to reproduce published tables with published
 * parameters). CoreError "holdoutEmpty" when the holdout end is not after the calibration end.
 */
export function holdoutCheck(tx: Transactions, options: HoldoutOptions, given?: CountParams): HoldoutCheck {
  const summary = calibrationSummary(tx, { unit: options.unit, calibrationEnd: options.calibrationEnd });
  const calEnd = summary.calibrationEnd;
  const { start, day } = purchaseDays(tx);
  let latest = -Infinity;
  for (let i = 0; i < day.length; i++) if (day[i] > latest) latest = day[i];
  const holdoutEnd = Math.floor(options.holdoutEnd ?? latest);
  if (!(holdoutEnd > calEnd)) {
    throw new CoreError("holdoutEmpty", { end: serialToIsoDate(calEnd), holdoutEnd: serialToIsoDate(holdoutEnd) });
  }
  let fit: CountFit | null = null;
  if (!given) fit = fitCountModel(summary, options.model ?? "bgnbd");
  const counts: CountParams = given ?? fit!;
  const perUnit = DAYS_PER_UNIT[summary.unit];
  const holdoutLength = (holdoutEnd - calEnd) / perUnit;
  const n = summary.x.length;
  // Calibration customers back to their index in the transactions (summary keeps input order).
  const index = new Int32Array(n);
  for (let c = 0, k = 0; c < tx.customerIds.length && k < n; c++) {
    if (start[c + 1] > start[c] && day[start[c]] <= calEnd) index[k++] = c;
  }
  const predicted = new Float64Array(n);
  const actual = new Float64Array(n);
  const alive = new Float64Array(n);
  const ifAlive = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const { x, tx: txs, T } = { x: summary.x[k], tx: summary.tx[k], T: summary.T[k] };
    const key = `${x}|${T}`;
    let e = ifAlive.get(key);
    if (e === undefined) {
      e = purchasesIfAlive(counts, holdoutLength, x, T);
      ifAlive.set(key, e);
    }
    alive[k] = aliveProbability(counts, x, txs, T);
    predicted[k] = alive[k] * e;
    const c = index[k];
    let count = 0;
    let previous = NaN;
    for (let i = start[c]; i < start[c + 1]; i++) {
      const d = day[i];
      if (d > calEnd && d <= holdoutEnd && d !== previous) count++;
      previous = d;
    }
    actual[k] = count;
  }
  let totalPredicted = 0;
  let totalActual = 0;
  let absolute = 0;
  let squared = 0;
  const groupCount = new Float64Array(HOLDOUT_GROUPS);
  const groupPredicted = new Float64Array(HOLDOUT_GROUPS);
  const groupActual = new Float64Array(HOLDOUT_GROUPS);
  for (let k = 0; k < n; k++) {
    const error = predicted[k] - actual[k];
    totalPredicted += predicted[k];
    totalActual += actual[k];
    absolute += Math.abs(error);
    squared += error * error;
    const g = Math.min(summary.x[k], HOLDOUT_GROUPS - 1);
    groupCount[g]++;
    groupPredicted[g] += predicted[k];
    groupActual[g] += actual[k];
  }
  const groups: HoldoutGroup[] = [];
  for (let g = 0; g < HOLDOUT_GROUPS; g++) {
    if (groupCount[g] === 0) continue;
    groups.push({ x: g, customers: groupCount[g], predictedMean: groupPredicted[g] / groupCount[g], actualMean: groupActual[g] / groupCount[g] });
  }
  return {
    summary,
    counts,
    holdoutEnd,
    holdoutLength,
    predicted,
    actual,
    groups,
    totalPredicted,
    totalActual,
    mae: absolute / n,
    rmse: Math.sqrt(squared / n),
    bias: (totalPredicted - totalActual) / n,
    tracking: tracking(counts, summary, { start, day, index }, holdoutEnd),
    aliveDeciles: aliveDeciles(alive, actual),
    diagnostics: fit ? countFitDiagnostics(fit, summary) : [],
  };
}

/**
 * Cumulative repeat purchases per period from the earliest first purchase to the holdout end. Expected: Σ over customers of E[X(t)] for a customer acquired t ago
 * (the model's unconditional expectation, x = 0 and T = 0), computed once per distinct first day.
 */
function tracking(
  counts: CountParams,
  summary: CalibrationSummary,
  days: { start: Int32Array; day: Float64Array; index: Int32Array },
  holdoutEnd: number,
): TrackingPoint[] {
  const perUnit = DAYS_PER_UNIT[summary.unit];
  const n = summary.x.length;
  let earliest = Infinity;
  for (let k = 0; k < n; k++) earliest = Math.min(earliest, summary.firstPurchase[k]);
  // Periods end on the calibration end (so none straddles it), counted back to the earliest first
  // purchase and on to the holdout end; the first and the last may be shorter.
  const before = Math.max(0, Math.ceil((summary.calibrationEnd - earliest) / perUnit - 1e-9));
  const after = Math.ceil((holdoutEnd - summary.calibrationEnd) / perUnit - 1e-9);
  const periods = before + after;
  const ends = Float64Array.from({ length: periods }, (_, p) => Math.min(holdoutEnd, Math.floor(summary.calibrationEnd + (p + 1 - before) * perUnit)));
  // Repeat purchase days per period: the first period whose end is on or after the day.
  const repeats = new Float64Array(periods);
  const firstDays = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    const first = summary.firstPurchase[k];
    firstDays.set(first, (firstDays.get(first) ?? 0) + 1);
    const c = days.index[k];
    let previous = first;
    for (let i = days.start[c] + 1; i < days.start[c + 1]; i++) {
      const d = days.day[i];
      if (d === previous || d > holdoutEnd) continue;
      previous = d;
      let lo = 0;
      let hi = periods - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid] >= d) hi = mid;
        else lo = mid + 1;
      }
      repeats[lo]++;
    }
  }
  const out: TrackingPoint[] = [];
  let cumulative = 0;
  for (let p = 0; p < periods; p++) {
    cumulative += repeats[p];
    let expected = 0;
    for (const [first, count] of firstDays) {
      if (ends[p] > first) expected += count * purchasesIfAlive(counts, (ends[p] - first) / perUnit, 0, 0);
    }
    out.push({ period: p + 1, end: ends[p], holdout: ends[p] > summary.calibrationEnd, actual: cumulative, expected });
  }
  return out;
}

/** Ten groups of (nearly) equal size by P(alive), lowest first; fewer when there are fewer customers. */
function aliveDeciles(alive: Float64Array, actual: Float64Array): AliveDecile[] {
  const n = alive.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => alive[a] - alive[b] || a - b);
  const groups = Math.min(10, n);
  const out: AliveDecile[] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * n) / groups);
    const to = Math.floor(((g + 1) * n) / groups);
    let sum = 0;
    let bought = 0;
    for (let i = from; i < to; i++) {
      sum += alive[order[i]];
      if (actual[order[i]] > 0) bought++;
    }
    const size = to - from;
    out.push({ decile: g + 1, customers: size, meanPAlive: sum / size, boughtShare: bought / size });
  }
  return out;
}
