/**
 * The shapes of the pane's analysis, apart from the code that fills them, so that every step (rows,
 * measures, tiers, score, predictions, run) imports them downward and none imports another step to
 * learn a type.
 *
 * `AnalysisResult` is a union keyed on `tierBy` (what the tier rows are by) so a consumer narrows on
 * it and finds the source of the tiers present (`rfm` with segments, `abc` with ABC classes, the score
 * settings with bands) instead of checking optional fields.
 */
import type { Diagnostic } from "../models/diagnostics";
import type { AbcMethod, AbcResult } from "../tiers/abc";
import type { DayOrder } from "../cells/dates";
import type { CoreError } from "../cells/errors";
import type { CustomerId } from "../cells/coerce";
import type { ProblemLog } from "../cells/problems";
import type { Transactions } from "../transactions/model";
import type { TimeUnit } from "../models/calibration";
import type { CountFit, CountModelName } from "../models/count-model";
import type { GammaGammaFit } from "../models/gammagamma";
import type { MarginRateProblem } from "../models/margin";
import type { RfmScores } from "../tiers/rfm";
import type { SegmentRule, SegmentScheme, Segmentation } from "../tiers/segments";
import type { ScoreBands, ScoreDirection, ScoreMethod, ScoreMetric, ScoreResult } from "../tiers/score";
import type { CustomerSummary } from "../transactions/summary";
import type { CustomerVoice, TierVoice } from "../tiers/voice";
import type { EconomicsOptions } from "../tiers/economics";
export type { EconomicsOptions };

/** The run's tier economics (issue 15 §3: costs to serve, margin, cost per upgrade), part of the port's AnalysisSettings; absent or null: none. */
export interface EconomicsSettingsPart {
  economics?: EconomicsOptions | null;
}

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
  /** Issue 15 §4, what each tier says (src/core/tiers/voice.ts): NPS answers 0–10, satisfaction, complaint and referral counts, engagement. */
  nps?: ArrayLike<unknown>;
  satisfaction?: ArrayLike<unknown>;
  complaints?: ArrayLike<unknown>;
  referrals?: ArrayLike<unknown>;
  engagement?: ArrayLike<unknown>;
  /**
   * The order (invoice) id of each row, when rows are line items: rows are grouped into one order per
   * (customer, order id). A blank id is an order of its own; an Excel error leaves the row out.
   */
  orders?: ArrayLike<unknown>;
}

/**
 * RFM scores and their segments: `bins` scores per dimension (quantiles, or the explicit inclusive upper
 * bounds of `breakpoints`, bins − 1 per dimension), and a built-in scheme or custom rules (first match wins).
 */
export interface RfmAnalysisOptions {
  bins: number;
  breakpoints?: { recency?: readonly number[]; frequency?: readonly number[]; monetary?: readonly number[] } | null;
  scheme: SegmentScheme | readonly SegmentRule[];
}

/**
 * ABC classes of revenue, margin (needs a margin column) or orders: cumulative shares where A and B end
 * (e.g. 0.8 and 0.95), or (method "computed") limits from the ABC curve itself (Ultsch & Lötsch 2015,
 * src/core/tiers/abc-curve.ts), which does not use the cuts. No method: fixed.
 */
export interface AbcAnalysisOptions {
  aCut: number;
  bCut: number;
  basis: "revenue" | "margin" | "orders";
  method?: AbcMethod;
}

export interface ClvAnalysisOptions {
  /** Margin share 0..1, yearly retention 0..1, yearly discount rate 0 ≤ d < 1, horizon in years (see problems.ts). */
  margin: number;
  retention: number;
  discount: number;
  years: number;
}

export interface PredictAnalysisOptions {
  unit: TimeUnit;
  /** The purchase-count model: BG/NBD (default; settings saved before the choice existed have none) or Pareto/NBD. */
  model?: CountModelName;
  /** Horizon of the expected purchases and of the CLV, in whole months. */
  horizonMonths: number;
  monthlyDiscount: number;
  /** Lifecycle thresholds (see lifecycle.ts). */
  newDays: number;
  activeMultiple: number;
  silentMultiple: number;
  churnCapDays: number | null;
  /** "Can't lose": the top `cantLoseShare` of customers by value whose churn risk is at least `cantLoseRisk`. */
  cantLoseShare: number;
  cantLoseRisk: number;
  /**
   * Margin of the predicted CLV (issue 13 §4): one rate from 0 to 1, or "column": each customer's own rate
   * from the mapped Margin column (Σ margin / Σ revenue, src/core/models/margin.ts); absent or null: none.
   */
  margin?: number | "column" | null;
  /** The next-purchase window, in months (converted to the model's unit); absent: NEXT_PURCHASE_MONTHS. */
  withinMonths?: number;
}

export interface AnalysisOptions {
  /**
   * Analysis date (serial); default the latest purchase. An earlier date analyses the rows on or
   * before it ("as it stood then"; src/core/transactions/summary.ts).
   */
  asOf?: number | null;
  /** Frequency and monetary over the last N months up to the analysis date (1..1200); null: all history. */
  windowMonths?: number | null;
  dayOrder?: DayOrder;
  rfm?: RfmAnalysisOptions | null;
  abc?: AbcAnalysisOptions | null;
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
 * Per customer: the next tier up (−1 none) and the gap, in `kind` units (NaN none): revenue (ABC by
 * revenue), margin (ABC by margin), orders (ABC by orders), score points (score bands), or with segments
 * "purchase": `orders` purchases, the last one now, adding `gap` revenue (0: any amount) that move the
 * customer into the better segment `next` (src/core/tiers/upgrade-segment.ts).
 */
export interface AnalysisUpgrade {
  next: Int32Array;
  gap: Float64Array;
  kind: UpgradeKind;
  /** With kind "purchase": the purchases it takes (0 where there is no next tier). */
  orders?: Int32Array;
}

export type UpgradeKind = "revenue" | "margin" | "orders" | "points" | "purchase";

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
  /** Predict's margin rate is not from 0 to 1. */
  | "predictMargin"
  /** Predict's margin is the Margin column, and no column is mapped to Margin. */
  | "predictMarginNeedsColumn"
  /** The next-purchase window (months) is not a number above 0. */
  | "predictWithin"
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
  /** Σ margin CLV over the tier's customers (a margin set with Predict); absent otherwise. */
  expectedMargin?: number;
  /** Per-customer means over the tier; NaN where the measure is not computed. */
  mean: TierMeans;
  /** Issue 15 §4: what the tier says (NPS, satisfaction, complaint and referral rates), with a voice column mapped. */
  voice?: TierVoice;
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

/** Per analysis customer (index as `AnalysisResult.customerIds`); NaN where the model has no row. */
export interface ModelPredictions {
  /** The fitted purchase-count model (its `model` tag says which: BG/NBD or Pareto/NBD). */
  counts: CountFit;
  gammaGamma: GammaGammaFit;
  pAlive: Float64Array;
  churnRisk: Float64Array;
  expectedPurchases: Float64Array;
  expectedAverageSpend: Float64Array;
  /** Discounted CLV over the horizon (expected revenue). */
  clv: Float64Array;
  /** CLV if the customer is still alive: the value the warning list weighs. */
  clvIfAlive: Float64Array;
  clvAtRisk: Float64Array;
  cantLose: Uint8Array;
  /** Customers with churn risk above 0, most CLV at risk first (churnWarning's order). */
  warning: Int32Array;
  /** Customers in the model's summary (bought by the calibration end). */
  modelled: number;
  /** What to know before trusting the fit (src/core/models/diagnostics.ts); empty when all is well. */
  diagnostics: Diagnostic[];
  /**
   * What the churn risk and the warning list are ranked by: P(alive), or, when the fit cannot identify
   * dropout, "silence": the chance that a customer still buying at their own rate would have bought
   * since their last purchase, 1 − ((α+t_x)/(α+T))^(r+x) (see predictions.ts).
   */
  churnRankedBy: "pAlive" | "silence";
  /** CLV × the customer's margin rate (a margin set), else null; NaN where the rate has a problem. */
  clvMargin: Float64Array | null;
  /** Customers whose margin rate from the Margin column is not in [0, 1]: their margin CLV is blank. */
  marginProblems: MarginRateProblem[];
  /** When will they buy next (src/core/models/next-purchase.ts), in the model's unit over `within` units. */
  next: CustomerNextPurchase;
}

/** Per analysis customer: P(purchase within `within` units), the waits if active, overdue (NaN / 0 without a model row). */
export interface CustomerNextPurchase {
  within: number;
  pPurchaseWithin: Float64Array;
  expectedWait: Float64Array;
  medianWait: Float64Array;
  overdue: Uint8Array;
}

export interface CustomerPredictions {
  options: PredictAnalysisOptions;
  /** Lifecycle stage per customer: an index into LIFECYCLE_STAGES. */
  stage: Uint8Array;
  /** Null when a model could not be fitted; `error` then says why. */
  model: ModelPredictions | null;
  error: CoreError | null;
}

/** RFM scores, their codes ("545") and the segments, per customer. */
export interface RfmAnalysis {
  scores: RfmScores;
  codes: string[];
  segmentation: Segmentation;
  /** The scheme the segments came from (their rules, for the upgrade search). */
  scheme: SegmentScheme | readonly SegmentRule[];
}

/** ABC over `values`: revenue, margin or orders per customer (`measure`). */
export type AbcAnalysis = AbcResult & { values: Float64Array; measure: "revenue" | "margin" | "orders" };

/** What every analysis holds, whatever its tiers are by. */
export interface AnalysisBase {
  quality: ReadQuality;
  customerIds: CustomerId[];
  summary: CustomerSummary;
  rfm: RfmAnalysis | null;
  abc: AbcAnalysis | null;
  clv: Float64Array | null;
  /** Total margin per customer (margin column mapped). */
  margin: Float64Array | null;
  /** Per customer: the category with the largest amount (category column mapped), "" when none. */
  mainCategory: string[] | null;
  /** Per customer: mean of the extra column over its purchases with a value; NaN when none. */
  extra: Float64Array | null;
  /** Issue 15 §4: per customer the voice columns mapped (src/core/tiers/voice.ts); absent or null without any. */
  voice?: CustomerVoice | null;
  /** Per customer: its tier's index into the scheme's names (TierRow.index), or -1 (no scores). */
  tierOf: Int32Array;
  /** Tier rows with at least one customer: segments by revenue (largest first), classes A, B, C, bands top first. */
  tiers: TierRow[];
  /** The weighted score, when asked for (null until `withPredictions` when it uses predictions). */
  score: ScoreResult | null;
  /** The score settings the analysis ran with (`withPredictions` scores with them when they use predictions). */
  scoreSettings: ScoreAnalysisOptions | null;
  /** The next tier up of `tierBy` and the gap to it, per customer (see tiers.ts). */
  upgrade: AnalysisUpgrade | null;
  rfGrid: RfGrid | null;
  /** Predict CLV & churn, when asked for (`predict.error` when a model could not be fitted). */
  predict: CustomerPredictions | null;
  /** The purchases analysed (returns excluded; orders with an order column), customers numbered as `customerIds`. */
  transactions: Transactions;
}

/** Tiers by RFM segment: the segmentation is there. */
export interface SegmentAnalysisResult extends AnalysisBase {
  tierBy: "segment";
  rfm: RfmAnalysis;
}

/** Tiers by ABC class: the classes are there. */
export interface AbcAnalysisResult extends AnalysisBase {
  tierBy: "abcClass";
  abc: AbcAnalysis;
}

/** Tiers by score band: the settings are there; `score` (and so the tiers) may wait for the predictions. */
export interface ScoreAnalysisResult extends AnalysisBase {
  tierBy: "score";
  scoreSettings: ScoreAnalysisOptions;
}

export type AnalysisResult = SegmentAnalysisResult | AbcAnalysisResult | ScoreAnalysisResult;
