/**
 * The Tier Summary's voice columns (issue 15 §4, src/core/tiers/voice.ts): per tier the NPS with its
 * responders and 95 % margin, mean satisfaction on the survey's scale with its responders, the complaint
 * and referral rates, mean engagement — one column group per voice column mapped, none without. Kept out of
 * summary.ts so that file gains one line (`...voiceSummaryColumns`) and stays a list of the run's own columns.
 *
 * The radar's voice axes (`voiceRadarColumns`, placed right after mean R, F, M so the radar reads one row range):
 * each tier's voice on the RFM scores' scale 1…L (L the most score levels of R, F, M), bigger is better as
 * on the other axes: NPS −100…100 → 1…L; mean satisfaction as a share of its scale's top; the share of
 * customers WITHOUT a complaint; the referral rate; mean engagement min–max over the tiers (it has no scale
 * of its own; equal tiers sit at the middle). The Tier Summary shows them as columns: what is charted is on
 * the sheet.
 *
 * A tier without answers shows a blank cell (`cellNumber` turns NaN into ""), never 0: the voice's
 * missing values are missing (the brief's rule), and Excel would chart a 0 as a real answer.
 */
import type { AnalysisResult, TierRow } from "../core/analysis/types";
import { satisfactionScale, type TierVoice } from "../core/tiers/voice";
import type { Messages } from "../i18n";
import { cellNumber, FORMAT } from "./formats";

/** summary.ts's SummaryColumn, restated (structurally the same) so this module does not import summary.ts back. */
interface SummaryColumn {
  key: string;
  header: string;
  format: string | null;
  value: (t: TierRow) => unknown;
}

const of = (pick: (v: TierVoice) => number, digits: number | null = null) => (t: TierRow) => cellNumber(t.voice ? pick(t.voice) : NaN, digits);

/** The voice columns for the run's mapped voice columns, in the order NPS, satisfaction, complaints, referrals, engagement. */
export function voiceSummaryColumns(a: AnalysisResult, m: Messages): SummaryColumn[] {
  const voice = a.voice;
  if (!voice) return [];
  const h = m.voice.summary;
  const cols: SummaryColumn[] = [];
  if (voice.nps) {
    cols.push(
      { key: "nps", header: h.nps, format: FORMAT.decimal, value: of((v) => v.nps, 1) },
      { key: "npsMargin", header: h.npsMargin, format: FORMAT.decimal, value: of((v) => v.npsMargin, 1) },
      { key: "npsResponders", header: h.npsResponders, format: FORMAT.whole, value: of((v) => v.npsResponders) },
    );
  }
  if (voice.satisfaction) {
    // The scale of the whole column, so every tier's mean reads on the same one.
    const scale = satisfactionScale(voice.satisfaction) ?? 100;
    cols.push(
      { key: "satisfaction", header: h.satisfaction(scale), format: FORMAT.decimal, value: of((v) => v.satisfaction, 2) },
      { key: "satisfactionResponders", header: h.satisfactionResponders, format: FORMAT.whole, value: of((v) => v.satisfactionResponders) },
    );
  }
  if (voice.complaints) cols.push({ key: "complaintRate", header: h.complaintRate, format: FORMAT.percent, value: of((v) => v.complaintRate) });
  if (voice.referrals) cols.push({ key: "referralRate", header: h.referralRate, format: FORMAT.percent, value: of((v) => v.referralRate) });
  if (voice.engagement) cols.push({ key: "engagement", header: h.engagement, format: FORMAT.decimal, value: of((v) => v.engagement, 2) });
  return cols;
}

/** The radar's voice axis keys, in the order they follow mean M (charts.ts reads the ones present). */
export const VOICE_RADAR_KEYS = ["radarNps", "radarSatisfaction", "radarComplaints", "radarReferrals", "radarEngagement"] as const;

/** The radar's voice axes on the RFM scores' scale (see the module comment); none without RFM or voice. */
export function voiceRadarColumns(a: AnalysisResult, m: Messages): SummaryColumn[] {
  const voice = a.voice;
  if (!voice || !a.rfm) return [];
  const s = a.rfm.scores;
  const top = Math.max(s.r.levels, s.f.levels, s.m.levels);
  const on = (share: number) => cellNumber(1 + share * (top - 1), 2);
  const r = m.voice.radar;
  const cols: SummaryColumn[] = [];
  const tierVoice = (t: TierRow) => t.voice;
  if (voice.nps) cols.push({ key: "radarNps", header: r.nps(top), format: FORMAT.decimal, value: (t) => on(((tierVoice(t)?.nps ?? NaN) + 100) / 200) });
  if (voice.satisfaction) {
    const scale = satisfactionScale(voice.satisfaction) ?? 100;
    cols.push({ key: "radarSatisfaction", header: r.satisfaction(top), format: FORMAT.decimal, value: (t) => on((tierVoice(t)?.satisfaction ?? NaN) / scale) });
  }
  if (voice.complaints) cols.push({ key: "radarComplaints", header: r.complaints(top), format: FORMAT.decimal, value: (t) => on(1 - (tierVoice(t)?.complaintRate ?? NaN)) });
  if (voice.referrals) cols.push({ key: "radarReferrals", header: r.referrals(top), format: FORMAT.decimal, value: (t) => on(tierVoice(t)?.referralRate ?? NaN) });
  if (voice.engagement) {
    const means = a.tiers.map((t) => t.voice?.engagement ?? NaN).filter((v) => Number.isFinite(v));
    const lo = Math.min(...means);
    const hi = Math.max(...means);
    // Halved before the subtraction so two huge means cannot overflow the span (as the score's min–max does).
    const span = hi / 2 - lo / 2;
    cols.push({ key: "radarEngagement", header: r.engagement(top), format: FORMAT.decimal, value: (t) => on(span > 0 ? ((tierVoice(t)?.engagement ?? NaN) / 2 - lo / 2) / span : 0.5) });
  }
  return cols;
}
