/**
 * Issue 15 §4, what each tier says beyond its purchases (src/core/tiers/voice.ts): the Tier Summary's and
 * `tier … --summary`'s voice columns, the score metrics and radar axes they give, and the words for the
 * rules an analyst must know to read them (responders only, the NPS margin of error, rates as shares).
 */
import type { Widen } from "../widen";

export const voice = {
  voice: {
    /** Tier Summary headers (one per measure; the counts say how many customers each is over). */
    summary: {
      nps: "NPS",
      npsResponders: "NPS responders",
      npsMargin: "NPS ± (95%)",
      /** `scale`: the survey's top value, 5, 7, 10 or 100. */
      satisfaction: (scale: number) => `Mean satisfaction (of ${scale})`,
      satisfactionResponders: "Satisfaction responders",
      complaintRate: "Complaint rate (share with 1 or more)",
      referralRate: "Referral rate (share with 1 or more)",
      engagement: "Mean engagement",
    },
    /**
     * The radar's voice axes: each tier's voice on the R, F, M scores' scale 1…`top` (src/excel/summary-voice.ts),
     * so the radar compares them with mean R, F and M; the Tier Summary shows the columns it draws.
     */
    radar: {
      nps: (top: number) => `NPS on 1–${top}`,
      satisfaction: (top: number) => `Satisfaction on 1–${top}`,
      complaints: (top: number) => `Free of complaints on 1–${top}`,
      referrals: (top: number) => `Referring on 1–${top}`,
      engagement: (top: number) => `Engagement on 1–${top}`,
    },
    /** `tier … --nps …` on stderr: answers refused, the purchases of those rows kept (src/cli/voice.ts). */
    cliLeftOut: (count: number, total: number) => `Left out the survey answers of ${count} of ${total} rows (their purchases are kept):`,
  },
};

export type VoiceMessages = Widen<typeof voice>;
