/**
 * The Tier Summary's voice columns (issue 15 §4, src/core/tiers/voice.ts): per tier the NPS with its
 * responders and 95 % margin, mean satisfaction on the survey's scale with its responders, the complaint
 * and referral rates, mean engagement — one column group per voice column mapped, none without. Kept out of
 * summary.ts so that file gains one line (`...voiceSummaryColumns`) and stays a list of the run's own columns.
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
