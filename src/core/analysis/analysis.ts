/**
 * The analysis behind the pane's Run: mapped transaction columns and settings in, one row per
 * customer (dates, recency, frequency, monetary, R/F/M, segment, ABC class, CLV) and one row per
 * tier out. It only composes the core's modules (TransactionBuilder, summarizeCustomers,
 * scoreCustomers, segmentCustomers, classifyAbc, simpleClv, tierTotals, and with `predict` the fitted
 * models, lifecycle stages and churn warning of forecast.ts); it holds no text.
 *
 * Returns and cancellations: a row whose amount is negative (Online Retail's cancellations have a
 * negative quantity) is a return. Returns are counted (`returns`) and left out, so frequency counts
 * purchases and monetary is gross sales; a customer with only returns is not a customer here.
 *
 * Orders: with an order column (`orders`, e.g. InvoiceNo) the rows are line items, grouped into one
 * order per (customer, order id) by `groupOrders` (src/core/transactions/orders.ts): amount = the sum of its lines,
 * date = its earliest line. Everything that counts or sums purchases (the customer summary, so RFM
 * frequency and monetary, ABC, the simple CLV, the tiers' "Orders", and the predictions) then works on
 * orders. The return rule stays per line and comes first: a line with a negative amount is left out
 * before grouping, so an invoice of returns only (Online Retail's "C…" cancellations) forms no order and
 * an order that mixes purchases with a returned line counts its purchases (gross sales). The quality
 * counts stay in rows; `quality.orders` says how many orders the used rows formed. The margin, extra and
 * category columns are read per line, as without orders.
 *
 * Weighted score (`score`, src/core/tiers/score.ts): the chosen customer measures (recency, frequency,
 * monetary, simple CLV, margin, the extra column's mean, predicted CLV, P(alive)) weighted into a 0–100
 * score and cut into bands; a customer without a measure (the extra column blank, no prediction) is
 * scored on the others (the blank rule). With `tierBy` "score" the tiers are the bands, top first, keyed
 * by SCORE_TIER_KEYS. A score that uses predicted CLV or P(alive) is computed by `withPredictions`
 * (src/core/analysis/predictions.ts) once the predictions exist; until then `score` is null and, with `tierBy`
 * "score", there are no tiers yet.
 *
 * Upgrade gaps (`upgrade`, src/core/tiers/upgrade.ts): per customer the next tier up of `tierBy` and the gap:
 * ABC → the value (revenue, margin, or orders with basis orders) to the next class; score → points to
 * the next band; segment → the revenue to the next M score (`next` is then that M score, 1..levels).
 */
import { ABC_LABELS, abcUpgrade, classifyAbc, type AbcMethod, type AbcResult } from "../tiers/abc";
import { simpleClv } from "../tiers/clv";
import type { DayOrder } from "../cells/dates";
import { checkPredictAnalysisOptions, withPredictions, type CustomerPredictions, type PredictAnalysisOptions } from "./predictions";
import { excelErrorText, isBlank, readNumberCell, type CellRead, type CustomerId } from "../cells/coerce";
import { TransactionBuilder } from "../transactions/builder";
import type { ProblemLog } from "../cells/problems";
import type { Transactions } from "../transactions/model";
import { groupOrders } from "../transactions/orders";
import { isWideScoring, rfmCode, scoreCustomers, type RfmScores } from "../tiers/rfm";
import { NO_SEGMENT, segmentCustomers, type SegmentRule, type SegmentScheme, type Segmentation } from "../tiers/segments";
import { checkScoreOptions, SCORE_METRICS, SCORE_TIER_KEYS, scoreCustomers as scoreMetrics, type ScoreBands, type ScoreDirection, type ScoreMethod, type ScoreMetric, type ScoreResult } from "../tiers/score";
import { summarizeCustomers, type CustomerSummary } from "../transactions/summary";
import { tierTotals } from "../tiers/totals";
import { rfmUpgrade, scoreUpgrade } from "../tiers/upgrade";

/** Input roles; also the `field` of every row problem, so a caller can map a problem to its column. */
export type Role = "customer" | "date" | "amount" | "quantity" | "margin" | "category" | "extra" | "order";

export interface AnalysisColumns {
  customers: ArrayLike<unknown>;
  dates: ArrayLike<unknown>;
  /** Amount per row; the unit price when `quantities` is given (amount = quantity × price). */
  amounts: ArrayLike<unknown>;
  quantities?: ArrayLike<unknown>;
  /** Margin (gross profit) of the row, an amount. */
  margins?: ArrayLike<unknown>;
  categories?: ArrayLike<unknown>;
  /** Any numeric dimension to average per customer and per tier (a rating, an NPS score). */
  extras?: ArrayLike<unknown>;
  /**
   * The order (invoice) id of each row, when rows are line items: rows are grouped into one order per
   * (customer, order id). A blank id is an order of its own; an Excel error leaves the row out.
   */
  orders?: ArrayLike<unknown>;
}

export interface ClvAnalysisOptions {
  /** Margin share 0..1, yearly retention 0..1, yearly discount rate 0 ≤ d < 1, horizon in years ≥ 0. */
  margin: number;
  retention: number;
  discount: number;
  years: number;
}

export interface AnalysisOptions {
  /** Analysis date (serial); default the latest purchase. */
  asOf?: number | null;
  dayOrder?: DayOrder;
  rfm?: {
    bins: number;
    breakpoints?: { recency?: readonly number[]; frequency?: readonly number[]; monetary?: readonly number[] } | null;
    scheme: SegmentScheme | readonly SegmentRule[];
  } | null;
  /** ABC classes of revenue, margin or orders: fixed cuts, or (method "computed") limits from the ABC curve. */
  abc?: { aCut: number; bCut: number; basis: "revenue" | "margin" | "orders"; method?: AbcMethod } | null;
  clv?: ClvAnalysisOptions | null;
  /** Predict CLV & churn (BG/NBD + Gamma-Gamma, lifecycle stages, churn warning); calibration ends at `asOf`. */
  predict?: PredictAnalysisOptions | null;
  /** The weighted score (src/core/tiers/score.ts); its metrics must be ones this analysis computes. */
  score?: ScoreAnalysisOptions | null;
  /** What the tier rows are: RFM segments, ABC classes or score bands. */
  tierBy: AnalysisTierBy;
  problemLimit?: number;
}

export type AnalysisTierBy = "segment" | "abcClass" | "score";

/** The weighted score's settings: a metric, its weight and direction per dimension; normalisation; bands. */
export interface ScoreAnalysisOptions {
  metrics: { metric: ScoreMetric; weight: number; direction: ScoreDirection }[];
  method: ScoreMethod;
  bands: ScoreBands;
}

/**
 * Per customer: the next tier up (−1 none; with segments the next M score) and the gap, in `kind` units
 * (NaN none): revenue (segments' M score, ABC by revenue), margin (ABC by margin), orders (ABC by
 * orders) or score points (score bands).
 */
export interface AnalysisUpgrade {
  next: Int32Array;
  gap: Float64Array;
  kind: "revenue" | "margin" | "orders" | "points";
}

/** A setting the analysis cannot use: which one and why (worded by the caller). */
export type AnalysisSettingProblem =
  | "noAnalysis"
  | "tierByNeedsRfm"
  | "tierByNeedsAbc"
  | "marginBasisNeedsColumn"
  | "clvMargin"
  | "clvRetention"
  | "clvDiscount"
  | "clvYears"
  | "cantLoseShare"
  | "cantLoseRisk"
  | "tierByNeedsScore"
  /** `value` is the ScoreMetric whose source this run lacks (CLV off, no Predict, no margin or extra column). */
  | "scoreMetricUnavailable";

export class AnalysisSettingsError extends Error {
  constructor(
    readonly problem: AnalysisSettingProblem,
    readonly value: number | string = "",
  ) {
    super(`${problem} ${value}`);
    this.name = "AnalysisSettingsError";
  }
}

export interface ReadQuality {
  inputRows: number;
  blankRows: number;
  /** Rows that became purchases (returns excluded). */
  usedRows: number;
  /** With an order column: the orders the used rows formed; null without one. */
  orders: number | null;
  /** Unusable rows (first bad cell of each, `field` is a Role). */
  problems: ProblemLog;
  /** Rows with a negative amount: returns and cancellations, left out. */
  returns: { rows: number; amount: number; firstRow: number };
}

export interface TierRow {
  /** Index into the tier names (segment index, 0/1/2 for A/B/C, or the band 0 = top). */
  index: number;
  /** Segment key (an i18n key when built in), a custom segment name, "A"/"B"/"C", or a band key (SCORE_TIER_KEYS). */
  key: string;
  customers: number;
  customerShare: number;
  orders: number;
  revenue: number;
  revenueShare: number;
  /** Revenue share of this row and the rows above it (rows in the order given). */
  cumulativeRevenueShare: number;
  /** Expected purchases and expected revenue (Σ predicted CLV) over the prediction horizon; NaN without predictions. */
  expectedPurchases: number;
  expectedRevenue: number;
  /** Per-customer means over the tier; NaN where the measure is not computed. */
  mean: TierMeans;
}

export type TierMeasure = "recencyDays" | "frequency" | "monetary" | "clv" | "extra" | "r" | "f" | "m" | "pAlive" | "score";
export type TierMeans = Record<TierMeasure, number>;

export interface RfGrid {
  rLevels: number;
  fLevels: number;
  /** Row-major by R score then F score (index (r − 1)·fLevels + (f − 1)); NaN where no customer. */
  meanMonetary: Float64Array;
  customers: Int32Array;
}

export interface AnalysisResult {
  quality: ReadQuality;
  customerIds: CustomerId[];
  summary: CustomerSummary;
  rfm: { scores: RfmScores; codes: string[]; segmentation: Segmentation } | null;
  /** ABC over `values`: revenue, margin or orders per customer (`measure`). */
  abc: (AbcResult & { values: Float64Array; measure: "revenue" | "margin" | "orders" }) | null;
  clv: Float64Array | null;
  /** Total margin per customer (margin column mapped). */
  margin: Float64Array | null;
  /** Per customer: the category with the largest amount (category column mapped), "" when none. */
  mainCategory: string[] | null;
  /** Per customer: mean of the extra column over its purchases with a value; NaN when none. */
  extra: Float64Array | null;
  tierBy: AnalysisTierBy;
  /** Per customer: its tier's index into the scheme's names (TierRow.index), or -1 (no scores). */
  tierOf: Int32Array;
  /** Tier rows with at least one customer: segments by revenue (largest first), classes A, B, C, bands top first. */
  tiers: TierRow[];
  /** The weighted score, when asked for (null until `withPredictions` when it uses predictions). */
  score: ScoreResult | null;
  /** The score settings the analysis ran with (`withPredictions` scores with them when they use predictions). */
  scoreSettings: ScoreAnalysisOptions | null;
  /** The next tier up of `tierBy` and the gap to it, per customer (see the module comment). */
  upgrade: AnalysisUpgrade | null;
  rfGrid: RfGrid | null;
  /** Predict CLV & churn, when asked for (`predict.error` when a model could not be fitted). */
  predict: CustomerPredictions | null;
  /** The purchases analysed (returns excluded; orders with an order column), customers numbered as `customerIds`. */
  transactions: Transactions;
}

const EXTRA_ROLES = ["margin", "extra"] as const;

/** Reads the rows: purchases, returns apart, every unusable row reported once (field = role). */
export function readAnalysisRows(columns: AnalysisColumns, options: Pick<AnalysisOptions, "dayOrder" | "problemLimit"> = {}) {
  const n = columns.customers.length;
  for (const c of [columns.dates, columns.amounts, columns.quantities, columns.margins, columns.categories, columns.extras, columns.orders]) {
    if (c && c.length !== n) throw new RangeError(`columns differ in length: ${n}, ${c.length}`);
  }
  const builder = new TransactionBuilder(n, {
    dayOrder: options.dayOrder,
    fieldNames: { customers: "customer", dates: "date", amounts: "amount" },
    problemLimit: options.problemLimit,
  });
  const { problems } = builder;
  const cell: CellRead = { status: "ok", value: 0 };
  const qty: CellRead = { status: "ok", value: 0 };
  const extras = { margin: columns.margins, extra: columns.extras };
  const perRow = { margin: columns.margins ? new Float64Array(n) : null, extra: columns.extras ? new Float64Array(n) : null };
  rows: for (let row = 0; row < n; row++) {
    const id = columns.customers[row];
    const date = columns.dates[row];
    let amount: unknown = columns.amounts[row];
    // An order id that is an Excel error cannot be grouped: the row is left out (a blank id is its own order).
    if (columns.orders && excelErrorText(columns.orders[row])) {
      problems.add(row, "order", "excelError", columns.orders[row]);
      continue;
    }
    // Optional numeric cells: blank is "no value"; anything else unusable leaves the row out.
    for (const role of EXTRA_ROLES) {
      const source = extras[role];
      if (!source) continue;
      readNumberCell(source[row], cell);
      if (cell.status === "bad" || cell.status === "error") {
        problems.add(row, role, cell.status === "error" ? "excelError" : "badNumber", source[row]);
        continue rows;
      }
      perRow[role]![row] = cell.value;
    }
    let quantityProblem = false;
    if (columns.quantities) {
      const q = columns.quantities[row];
      readNumberCell(q, qty);
      readNumberCell(amount, cell);
      if (qty.status === "blank" && cell.status === "blank") amount = null;
      else if (qty.status !== "ok") {
        amount = q; // addCells reports it (as the amount field; renamed below)
        quantityProblem = true;
      } else if (cell.status === "ok") amount = qty.value * cell.value;
    }
    const before = problems.count;
    builder.addCells(id, date, amount, row);
    if (quantityProblem && problems.count > before) {
      const last = problems.problems[problems.problems.length - 1];
      if (last && last.row === row && last.field === "amount") last.field = "quantity";
    }
  }
  const tx = builder.finish(n);
  return { tx, margins: perRow.margin, extras: perRow.extra, problems };
}

/** Transactions without the returns (negative amounts); customers renumbered in order of first purchase. */
function withoutReturns(tx: Transactions): { tx: Transactions; returns: ReadQuality["returns"] } {
  const returns = { rows: 0, amount: 0, firstRow: -1 };
  const keep = new Uint8Array(tx.validRows);
  for (let k = 0; k < tx.validRows; k++) {
    // −0 too: a negative quantity at price 0 (a cancelled free item) is a return, not a purchase.
    if (tx.amount[k] < 0 || Object.is(tx.amount[k], -0)) {
      returns.rows++;
      returns.amount += tx.amount[k];
      if (returns.firstRow < 0 || tx.sourceRow[k] < returns.firstRow) returns.firstRow = tx.sourceRow[k];
    } else keep[k] = 1;
  }
  if (returns.rows === 0) return { tx, returns };
  const kept = tx.validRows - returns.rows;
  const remap = new Int32Array(tx.customerIds.length).fill(-1);
  const customerIds: CustomerId[] = [];
  const out = { customer: new Int32Array(kept), date: new Float64Array(kept), amount: new Float64Array(kept), sourceRow: new Int32Array(kept) };
  let j = 0;
  for (let k = 0; k < tx.validRows; k++) {
    if (!keep[k]) continue;
    const c = tx.customer[k];
    if (remap[c] < 0) {
      remap[c] = customerIds.length;
      customerIds.push(tx.customerIds[c]);
    }
    out.customer[j] = remap[c];
    out.date[j] = tx.date[k];
    out.amount[j] = tx.amount[k];
    out.sourceRow[j] = tx.sourceRow[k];
    j++;
  }
  return { tx: { ...tx, ...out, customerIds, validRows: kept }, returns };
}

function checkSettings(columns: AnalysisColumns, options: AnalysisOptions): void {
  if (!options.rfm && !options.abc && !options.score) throw new AnalysisSettingsError("noAnalysis");
  if (options.tierBy === "segment" && !options.rfm) throw new AnalysisSettingsError("tierByNeedsRfm");
  if (options.tierBy === "abcClass" && !options.abc) throw new AnalysisSettingsError("tierByNeedsAbc");
  const score = options.score;
  if ((options.tierBy === "score" && !score) || (score && score.metrics.length === 0)) throw new AnalysisSettingsError("tierByNeedsScore");
  if (score) {
    for (const { metric } of score.metrics) {
      const available =
        SCORE_METRICS.includes(metric) &&
        (metric !== "clv" || !!options.clv) &&
        (metric !== "margin" || !!columns.margins) &&
        (metric !== "extra" || !!columns.extras) &&
        ((metric !== "predictedClv" && metric !== "pAlive") || !!options.predict);
      if (!available) throw new AnalysisSettingsError("scoreMetricUnavailable", metric);
    }
    checkScoreOptions(score.metrics.length, scoreOptionsOf(score));
  }
  if (options.abc?.basis === "margin" && !columns.margins) throw new AnalysisSettingsError("marginBasisNeedsColumn");
  const clv = options.clv;
  if (clv) {
    if (!(clv.margin >= 0 && clv.margin <= 1)) throw new AnalysisSettingsError("clvMargin", clv.margin);
    if (!(clv.retention >= 0 && clv.retention <= 1)) throw new AnalysisSettingsError("clvRetention", clv.retention);
    if (!(clv.discount >= 0 && clv.discount < 1)) throw new AnalysisSettingsError("clvDiscount", clv.discount);
    if (!(clv.years >= 0 && Number.isFinite(clv.years))) throw new AnalysisSettingsError("clvYears", clv.years);
  }
  const predict = options.predict;
  if (predict) {
    checkPredictAnalysisOptions(predict);
    if (!(predict.cantLoseShare > 0 && predict.cantLoseShare <= 1)) throw new AnalysisSettingsError("cantLoseShare", predict.cantLoseShare);
    if (!(predict.cantLoseRisk >= 0 && predict.cantLoseRisk <= 1)) throw new AnalysisSettingsError("cantLoseRisk", predict.cantLoseRisk);
  }
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
  for (let c = 0; c < out.length; c++) {
    const purchasesPerYear = (summary.orders[c] * 365) / Math.max(summary.tenureDays[c], 365);
    out[c] = simpleClv({ averagePurchase: Math.max(summary.averageAmount[c], 0), purchasesPerYear, lifespanYears, margin: clv.margin, discountRate: clv.discount });
  }
  return out;
}

/** Mean of `values` per tier (indices outside 0..tiers−1 and NaN values skipped). */
export function tierMeans(tierOf: ArrayLike<number>, tiers: number, values: ArrayLike<number> | null): Float64Array {
  const out = new Float64Array(tiers).fill(NaN);
  if (!values) return out;
  const sum = new Float64Array(tiers);
  const count = new Int32Array(tiers);
  for (let i = 0; i < tierOf.length; i++) {
    const t = tierOf[i];
    const v = values[i];
    if (t < 0 || t >= tiers || v !== v) continue;
    sum[t] += v;
    count[t]++;
  }
  for (let t = 0; t < tiers; t++) if (count[t] > 0) out[t] = sum[t] / count[t];
  return out;
}

function scoresAsNumbers(scores: Uint8Array): Float64Array {
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i] === 0 ? NaN : scores[i];
  return out;
}

/** The whole analysis: tiers, then (with `options.predict`) the predictions. */
export function runAnalysis(columns: AnalysisColumns, options: AnalysisOptions): AnalysisResult {
  const tiered = runTiering(columns, options);
  return options.predict ? withPredictions(tiered, options.predict) : tiered;
}

/**
 * The analysis without the predictions (`predict` null), settings checked, predict settings included:
 * a caller that reports progress runs this, then `withPredictions` (src/core/analysis/predictions.ts).
 */
export function runTiering(columns: AnalysisColumns, options: AnalysisOptions): AnalysisResult {
  checkSettings(columns, options);
  const read = readAnalysisRows(columns, options);
  // Returns are left out per line, before the lines are grouped into orders.
  const { tx: lines, returns } = withoutReturns(read.tx);
  // Orders keep the lines' customer numbering, so the per-customer sums below (made from lines) fit them.
  const tx = columns.orders ? groupOrders(lines, columns.orders).tx : lines;
  const quality: ReadQuality = {
    inputRows: lines.inputRows,
    blankRows: lines.blankRows,
    usedRows: lines.validRows,
    orders: columns.orders ? tx.validRows : null,
    problems: read.problems,
    returns,
  };
  const summary = summarizeCustomers(tx, { asOf: options.asOf ?? null });
  const customers = tx.customerIds.length;

  // Per-customer sums of the optional columns, over the purchase lines kept.
  let margin: Float64Array | null = null;
  let extra: Float64Array | null = null;
  let mainCategory: string[] | null = null;
  if (read.margins) {
    margin = new Float64Array(customers);
    for (let k = 0; k < lines.validRows; k++) margin[lines.customer[k]] += read.margins[lines.sourceRow[k]] || 0;
  }
  if (read.extras) {
    const sum = new Float64Array(customers);
    const count = new Int32Array(customers);
    for (let k = 0; k < lines.validRows; k++) {
      const row = lines.sourceRow[k];
      if (isBlank(columns.extras![row])) continue;
      sum[lines.customer[k]] += read.extras[row];
      count[lines.customer[k]]++;
    }
    extra = sum.map((s, c) => (count[c] > 0 ? s / count[c] : NaN));
  }
  if (columns.categories) {
    const byCustomer: Map<string, number>[] = Array.from({ length: customers }, () => new Map());
    for (let k = 0; k < lines.validRows; k++) {
      const cell = columns.categories[lines.sourceRow[k]];
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

  let rfm: AnalysisResult["rfm"] = null;
  if (options.rfm) {
    const bp = options.rfm.breakpoints ?? {};
    const scores = scoreCustomers(summary, { bins: options.rfm.bins, breakpoints: bp });
    const segmentation = segmentCustomers(scores, options.rfm.scheme);
    const wide = isWideScoring(scores);
    const codes = new Array<string>(customers);
    for (let c = 0; c < customers; c++) codes[c] = rfmCode(scores.r.scores[c], scores.f.scores[c], scores.m.scores[c], wide);
    rfm = { scores, codes, segmentation };
  }
  let abc: AnalysisResult["abc"] = null;
  if (options.abc) {
    const basis = options.abc.basis;
    const values = basis === "margin" ? margin! : basis === "orders" ? Float64Array.from(summary.orders) : summary.totalAmount;
    abc = { ...classifyAbc(values, { aCut: options.abc.aCut, bCut: options.abc.bCut, basis: "value", method: options.abc.method ?? "fixed" }), values, measure: basis };
  }
  const clv = options.clv ? customerClv(summary, options.clv) : null;

  let rfGrid: RfGrid | null = null;
  if (rfm) {
    const rLevels = rfm.scores.r.levels;
    const fLevels = rfm.scores.f.levels;
    const sum = new Float64Array(rLevels * fLevels);
    const count = new Int32Array(rLevels * fLevels);
    for (let c = 0; c < customers; c++) {
      const r = rfm.scores.r.scores[c];
      const f = rfm.scores.f.scores[c];
      if (r === 0 || f === 0) continue;
      const k = (r - 1) * fLevels + (f - 1);
      sum[k] += summary.totalAmount[c];
      count[k]++;
    }
    rfGrid = { rLevels, fLevels, meanMonetary: sum.map((s, k) => (count[k] > 0 ? s / count[k] : NaN)), customers: count };
  }

  const untiered: AnalysisResult = {
    quality,
    customerIds: tx.customerIds,
    summary,
    rfm,
    abc,
    clv,
    margin,
    mainCategory,
    extra,
    tierBy: options.tierBy,
    tierOf: new Int32Array(customers).fill(-1),
    tiers: [],
    score: null,
    scoreSettings: options.score ?? null,
    upgrade: null,
    rfGrid,
    predict: null,
    transactions: tx,
  };
  // A score on predictions waits for them (withPredictions); the tiers by score wait with it.
  const scoreNow = !!options.score && !scoreNeedsPredictions(options.score);
  const a = scoreNow ? { ...untiered, score: computeScore(untiered, options.score!) } : untiered;
  return options.tierBy === "score" && !a.score ? a : { ...a, ...tiersOf(a) };
}

/** The core's score options from the analysis settings. */
function scoreOptionsOf(score: ScoreAnalysisOptions) {
  return {
    weights: score.metrics.map((x) => x.weight),
    directions: score.metrics.map((x) => x.direction),
    method: score.method,
    bands: score.bands,
  };
}

/** Whether the score uses a metric that only the predictions give. */
export function scoreNeedsPredictions(score: ScoreAnalysisOptions): boolean {
  return score.metrics.some((x) => x.metric === "predictedClv" || x.metric === "pAlive");
}

/** A score metric's values per customer; NaN (blank) where the customer has none, e.g. no prediction. */
function scoreMetricValues(a: AnalysisResult, metric: ScoreMetric): ArrayLike<number> {
  const none = () => new Float64Array(a.customerIds.length).fill(NaN);
  switch (metric) {
    case "recency":
      return a.summary.recencyDays;
    case "frequency":
      return a.summary.orders;
    case "monetary":
      return a.summary.totalAmount;
    case "clv":
      return a.clv ?? none();
    case "margin":
      return a.margin ?? none();
    case "extra":
      return a.extra ?? none();
    case "predictedClv":
      return a.predict?.model?.clv ?? none();
    case "pAlive":
      return a.predict?.model?.pAlive ?? none();
  }
}

function computeScore(a: AnalysisResult, score: ScoreAnalysisOptions): ScoreResult {
  return scoreMetrics(
    score.metrics.map((x) => scoreMetricValues(a, x.metric)),
    scoreOptionsOf(score),
  );
}

/**
 * The analysis with its score computed now (`withPredictions` calls this once the predictions exist,
 * for a score that uses them), and with tierBy "score" its tiers and upgrade gaps.
 */
export function withScore(a: AnalysisResult): AnalysisResult {
  if (!a.scoreSettings) return a;
  const scored = { ...a, score: computeScore(a, a.scoreSettings) };
  return a.tierBy === "score" ? { ...scored, ...tiersOf(scored) } : scored;
}

/** The tier names of a tiering, by index. */
function tierNames(a: AnalysisResult): readonly string[] {
  if (a.tierBy === "segment") return a.rfm!.segmentation.names;
  if (a.tierBy === "score") return SCORE_TIER_KEYS.slice(0, a.score!.bandCount);
  return ABC_LABELS;
}

/** Per customer its tier, the tier rows (per-tier totals and means; no predictions), and the upgrade gaps, by `a.tierBy`. */
function tiersOf(a: AnalysisResult): Pick<AnalysisResult, "tierOf" | "tiers" | "upgrade"> {
  const { summary, rfm, abc, score } = a;
  const customers = a.customerIds.length;
  const tierOf = new Int32Array(customers).fill(-1);
  const names = tierNames(a);
  let upgrade: AnalysisUpgrade;
  if (a.tierBy === "segment") {
    const seg = rfm!.segmentation;
    for (let c = 0; c < customers; c++) if (seg.index[c] !== NO_SEGMENT) tierOf[c] = seg.index[c];
    // Scored with the default bases (orders, total amount): the revenue to the next M score.
    upgrade = { ...rfmUpgrade(rfm!.scores, summary.orders, summary.totalAmount).monetary, kind: "revenue" };
  } else if (a.tierBy === "score") {
    for (let c = 0; c < customers; c++) if (score!.band[c] < score!.bandCount) tierOf[c] = score!.band[c];
    upgrade = { ...scoreUpgrade(score!), kind: "points" };
  } else {
    for (let c = 0; c < customers; c++) if (abc!.classes[c] < 3) tierOf[c] = abc!.classes[c];
    // The gap is in what the classes are made of: revenue, margin or orders.
    upgrade = { ...abcUpgrade(abc!.values, abc!), kind: abc!.measure };
  }
  const totals = tierTotals(tierOf, names, summary.orders, summary.totalAmount);
  const measures: [TierMeasure, ArrayLike<number> | null][] = [
    ["recencyDays", summary.recencyDays],
    ["frequency", summary.orders],
    ["monetary", summary.totalAmount],
    ["clv", a.clv],
    ["extra", a.extra],
    ["r", rfm ? scoresAsNumbers(rfm.scores.r.scores) : null],
    ["f", rfm ? scoresAsNumbers(rfm.scores.f.scores) : null],
    ["m", rfm ? scoresAsNumbers(rfm.scores.m.scores) : null],
    ["pAlive", null],
    ["score", score ? score.score : null],
  ];
  const means = measures.map(([key, values]) => [key, tierMeans(tierOf, names.length, values)] as const);
  let tiers: TierRow[] = totals.map((t, index) => ({
    index,
    key: names[index],
    customers: t.customers,
    customerShare: t.customerShare,
    orders: t.orders,
    revenue: t.revenue,
    revenueShare: t.revenueShare,
    cumulativeRevenueShare: 0,
    expectedPurchases: NaN,
    expectedRevenue: NaN,
    mean: Object.fromEntries(means.map(([key, m]) => [key, m[index]])) as TierMeans,
  }));
  tiers = tiers.filter((t) => t.customers > 0);
  // Segments read best largest first (and the Pareto needs that order); classes stay A, B, C; bands top first.
  if (a.tierBy === "segment") tiers.sort((x, y) => y.revenue - x.revenue || x.index - y.index);
  let cumulative = 0;
  for (const t of tiers) {
    cumulative += t.revenueShare;
    t.cumulativeRevenueShare = Math.min(cumulative, 1);
  }
  return { tierOf, tiers, upgrade };
}
