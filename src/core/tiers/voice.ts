/**
 * What each tier says beyond its purchases (issue 15 §4): NPS, satisfaction, complaints, referrals and
 * engagement, read from optional customer-level (or per-row) columns, per customer and per tier.
 *
 * Why its own module: the voice of the customer is measured on survey scales, not in money, and its
 * missing values are the rule (most customers never answer a survey), so every sum here is over the
 * customers who answered, with their number beside it, and a blank never counts as a 0.
 *
 * Values a cell may hold (anything else is a row problem naming the row and the field):
 * - nps: the "How likely are you to recommend us?" answer, a whole number 0–10 (Reichheld 2003, the
 *   question's own scale; a decimal such as 8.5 is not an answer, it is a mean and has no category).
 * - satisfaction: a rating ≥ 0 and ≤ 100, on whatever scale the survey used; its mean is kept on that
 *   scale and the scale is said (`satisfactionScale`: the smallest of 5, 7, 10, 100 that holds every value).
 * - complaints, referrals: counts, whole numbers ≥ 0.
 * - engagement: any finite number (a score, logins, opens …).
 *
 * One customer, several rows (a transactions table with a response on some rows): nps, satisfaction and
 * engagement are states, so the customer's value is their LATEST answer (the row with the latest date;
 * on the same date the later row), as relationship-NPS programmes count each customer once with their
 * current view; complaints and referrals are events, so they are SUMMED. A customer-level table has one
 * row per customer, where both rules give the row's value.
 *
 * Per tier (`voiceByTier`), over the tier's customers that have the value:
 * - NPS = 100 × (promoters (9–10) − detractors (0–6)) / responders, on −100…100, with its margin of error
 *   at 95 % by the adjusted Wald method (Rocks 2016, "Interval Estimation for the 'Net Promoter Score'", The
 *   American Statistician 70(4), the best performer there; as MeasuringU describes it,
 *   https://measuringu.com/nps-three-confidence-intervals/): add 3 to n and ¾ to the promoters and to the
 *   detractors, p̃ and d̃ their shares, margin = 1.96 × 100 × √((p̃ + d̃ − (p̃ − d̃)²) / ñ). The variance is that
 *   of a difference of two shares of ONE multinomial sample (p(1−p) + d(1−d) + 2pd, over n); the adjustment
 *   keeps a small tier of only promoters from showing ±0. The NPS shown is the plain one.
 * - satisfaction: the mean over responders, on the survey's scale.
 * - complaint rate: the SHARE of customers (with a complaints value) who complained at least once; the
 *   referral rate likewise, the share who referred at least one customer. Shares, not counts per
 *   customer, so a single angry customer with 40 tickets does not make a tier look bad.
 * - engagement: the mean over customers with a value.
 * A tier with no responder for a measure has NaN there (a documented blank on every surface), never 0.
 */
import type { ProblemCode } from "../cells/problems";

export const VOICE_FIELDS = ["nps", "satisfaction", "complaints", "referrals", "engagement"] as const;
export type VoiceField = (typeof VOICE_FIELDS)[number];

/** Per customer (index as the analysis' customers): the field's value, NaN where the customer has none. */
export type CustomerVoice = Partial<Record<VoiceField, Float64Array>>;

/** The fields summed per customer (events); the others keep the latest answer (states). */
export const SUMMED_VOICE: ReadonlySet<VoiceField> = new Set<VoiceField>(["complaints", "referrals"]);

/** The satisfaction scales recognised, smallest first. */
export const SATISFACTION_SCALES = [5, 7, 10, 100] as const;

/** z for a two-sided 95 % interval. */
const Z95 = 1.96;

/**
 * The problem of a read number in a voice column, or null when it is a value the field can hold (see the
 * module comment). `value` is finite (the cell reader has refused what is not a number).
 */
export function voiceValueProblem(field: VoiceField, value: number): ProblemCode | null {
  switch (field) {
    case "nps":
      return Number.isInteger(value) && value >= 0 && value <= 10 ? null : "npsRange";
    case "satisfaction":
      return value >= 0 && value <= 100 ? null : "satisfactionRange";
    case "complaints":
    case "referrals":
      return Number.isInteger(value) && value >= 0 ? null : "countRange";
    case "engagement":
      return Number.isFinite(value) ? null : "notFinite";
  }
}

/**
 * Per-customer voice fed answer by answer (memory by customers, not rows: `tier` streams a file through it):
 * summed fields add the values present; the others keep the latest (see the module comment). A customer with
 * no value keeps NaN.
 */
export class VoiceAccumulator {
  private readonly values: Partial<Record<VoiceField, Float64Array>> = {};
  private readonly when: Partial<Record<VoiceField, Float64Array>> = {};
  private readonly at: Partial<Record<VoiceField, Float64Array>> = {};
  private size: number;

  /** `customers`: how many to start with; a customer numbered past them grows the arrays (a reader that numbers customers as it meets them). */
  constructor(customers: number, private readonly fields: readonly VoiceField[]) {
    this.size = customers;
    for (const field of fields) {
      this.values[field] = new Float64Array(customers).fill(NaN);
      if (SUMMED_VOICE.has(field)) continue;
      this.when[field] = new Float64Array(customers).fill(-Infinity);
      this.at[field] = new Float64Array(customers).fill(-1);
    }
  }

  /** Customer `c`'s answer `value` (NaN: none) in `field`, dated `date`, from source row `row` (the later row wins a tie). */
  add(field: VoiceField, c: number, value: number, date: number, row: number): void {
    if (c >= this.size) this.grow(c + 1);
    const values = this.values[field];
    if (!values || value !== value) return;
    const when = this.when[field];
    const at = this.at[field];
    if (!when || !at) {
      values[c] = values[c] === values[c] ? values[c] + value : value;
      return;
    }
    if (date > when[c] || (date === when[c] && row > at[c])) {
      when[c] = date;
      at[c] = row;
      values[c] = value;
    }
  }

  /** Doubles the arrays past `customers` (amortised: a customer numbered in order costs O(1)). */
  private grow(customers: number): void {
    const size = Math.max(customers, this.size * 2, 1024);
    const grown = (a: Float64Array | undefined, fill: number) => {
      if (!a) return undefined;
      const b = new Float64Array(size).fill(fill);
      b.set(a);
      return b;
    };
    for (const field of this.fields) {
      this.values[field] = grown(this.values[field], NaN);
      this.when[field] = grown(this.when[field], -Infinity);
      this.at[field] = grown(this.at[field], -1);
    }
    this.size = size;
  }

  /** Per customer the voice; with `pick`, customer k of the result is the accumulator's `pick[k]` (−1: none, NaN). */
  finish(pick?: ArrayLike<number>): CustomerVoice {
    if (!pick) return { ...this.values };
    const out: CustomerVoice = {};
    for (const field of this.fields) {
      const values = this.values[field]!;
      out[field] = Float64Array.from(pick, (c) => (c >= 0 && c < this.size ? values[c] : NaN));
    }
    return out;
  }
}

/**
 * Per-customer voice from per-row values: `lines` purchase lines (or table rows), each with its customer,
 * date (for "latest") and source row, and per field the value of each source row (NaN = blank).
 */
export function customerVoice(
  lines: { customer: ArrayLike<number>; date: ArrayLike<number>; sourceRow: ArrayLike<number>; count: number },
  customers: number,
  perRow: Readonly<Partial<Record<VoiceField, ArrayLike<number>>>>,
): CustomerVoice {
  const fields = VOICE_FIELDS.filter((field) => perRow[field] !== undefined);
  const acc = new VoiceAccumulator(customers, fields);
  for (const field of fields) {
    const values = perRow[field]!;
    for (let k = 0; k < lines.count; k++) {
      const row = lines.sourceRow[k];
      acc.add(field, lines.customer[k], values[row], lines.date[k], row);
    }
  }
  return acc.finish();
}

/** NPS and its 95 % margin of error (adjusted Wald, see the module comment) from the counts; NaN for both without responders. */
export function npsOf(promoters: number, detractors: number, responders: number): { nps: number; margin: number } {
  if (!(responders > 0)) return { nps: NaN, margin: NaN };
  const nps = (100 * (promoters - detractors)) / responders;
  const n = responders + 3;
  const p = (promoters + 0.75) / n;
  const d = (detractors + 0.75) / n;
  const variance = Math.max(p + d - (p - d) ** 2, 0) / n;
  return { nps: Math.round(nps * 1e9) / 1e9, margin: Z95 * 100 * Math.sqrt(variance) };
}

/** The smallest recognised scale holding every satisfaction value (NaN skipped); null when there is none. */
export function satisfactionScale(values: ArrayLike<number>): number | null {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (max === -Infinity) return null;
  return SATISFACTION_SCALES.find((s) => max <= s) ?? null;
}

/** One tier's voice: each measure with the number of customers it is over; NaN where that number is 0. */
export interface TierVoice {
  /** Customers with an NPS answer, and how many were promoters (9–10), passives (7–8), detractors (0–6). */
  npsResponders: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100…100. */
  nps: number;
  /** 95 % margin of error of `nps`, in NPS points. */
  npsMargin: number;
  satisfactionResponders: number;
  /** Mean satisfaction on the survey's scale. */
  satisfaction: number;
  /** Customers with a complaints value, and the share of them with at least one complaint (0..1). */
  complaintsKnown: number;
  complaintRate: number;
  /** Customers with a referrals value, and the share of them who referred at least one (0..1). */
  referralsKnown: number;
  referralRate: number;
  engagementKnown: number;
  /** Mean engagement. */
  engagement: number;
}

function emptyVoice(): TierVoice {
  return {
    npsResponders: 0, promoters: 0, passives: 0, detractors: 0, nps: NaN, npsMargin: NaN,
    satisfactionResponders: 0, satisfaction: NaN, complaintsKnown: 0, complaintRate: NaN,
    referralsKnown: 0, referralRate: NaN, engagementKnown: 0, engagement: NaN,
  };
}

/**
 * The voice of each tier 0..tiers−1 (customers whose tier is outside that range are left out) from the
 * per-customer values. Fields without a column stay at n = 0 and NaN.
 */
export function voiceByTier(tierOf: ArrayLike<number>, tiers: number, voice: CustomerVoice): TierVoice[] {
  const out = Array.from({ length: tiers }, emptyVoice);
  const satisfactionSum = new Float64Array(tiers);
  const engagementSum = new Float64Array(tiers);
  const complainers = new Float64Array(tiers);
  const referrers = new Float64Array(tiers);
  const { nps, satisfaction, complaints, referrals, engagement } = voice;
  for (let c = 0; c < tierOf.length; c++) {
    const t = tierOf[c];
    if (!(t >= 0 && t < tiers)) continue;
    const v = out[t];
    const score = nps ? nps[c] : NaN;
    if (score === score) {
      v.npsResponders++;
      if (score >= 9) v.promoters++;
      else if (score >= 7) v.passives++;
      else v.detractors++;
    }
    const s = satisfaction ? satisfaction[c] : NaN;
    if (s === s) {
      v.satisfactionResponders++;
      satisfactionSum[t] += s;
    }
    const k = complaints ? complaints[c] : NaN;
    if (k === k) {
      v.complaintsKnown++;
      if (k >= 1) complainers[t]++;
    }
    const r = referrals ? referrals[c] : NaN;
    if (r === r) {
      v.referralsKnown++;
      if (r >= 1) referrers[t]++;
    }
    const e = engagement ? engagement[c] : NaN;
    if (e === e) {
      v.engagementKnown++;
      engagementSum[t] += e;
    }
  }
  const ratio = (a: number, n: number) => (n > 0 ? a / n : NaN);
  out.forEach((v, t) => {
    const { nps: value, margin } = npsOf(v.promoters, v.detractors, v.npsResponders);
    v.nps = value;
    v.npsMargin = margin;
    v.satisfaction = ratio(satisfactionSum[t], v.satisfactionResponders);
    v.complaintRate = ratio(complainers[t], v.complaintsKnown);
    v.referralRate = ratio(referrers[t], v.referralsKnown);
    // A mean of finite numbers can overflow (1e308 + 1e308): halve first, as the score's min/max does.
    const mean = ratio(engagementSum[t], v.engagementKnown);
    v.engagement = Number.isFinite(mean) || v.engagementKnown === 0 ? mean : meanWithoutOverflow(engagement!, tierOf, t);
  });
  return out;
}

/** The mean of a tier's values added as running means (no overflow for finite inputs). */
function meanWithoutOverflow(values: ArrayLike<number>, tierOf: ArrayLike<number>, tier: number): number {
  let mean = 0;
  let n = 0;
  for (let c = 0; c < tierOf.length; c++) {
    const v = values[c];
    if (tierOf[c] !== tier || v !== v) continue;
    n++;
    mean += v / n - mean / n;
  }
  return mean;
}
