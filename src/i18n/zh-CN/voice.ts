/** Simplified Chinese for en/voice.ts: typed against it, so a missing or extra key is a type error. */
import type { VoiceMessages } from "../en/voice";

export const voice: VoiceMessages = {
  voice: {
    summary: {
      nps: "净推荐值",
      npsResponders: "净推荐值回答人数",
      npsMargin: "净推荐值 ±（95%）",
      satisfaction: (scale: number) => `平均满意度（满分 ${scale}）`,
      satisfactionResponders: "满意度回答人数",
      complaintRate: "投诉率（投诉 1 次及以上的占比）",
      referralRate: "推荐率（推荐 1 人及以上的占比）",
      engagement: "平均参与度",
    },
    radar: {
      nps: (top: number) => `净推荐值（1–${top} 分制）`,
      satisfaction: (top: number) => `满意度（1–${top} 分制）`,
      complaints: (top: number) => `无投诉（1–${top} 分制）`,
      referrals: (top: number) => `推荐（1–${top} 分制）`,
      engagement: (top: number) => `参与度（1–${top} 分制）`,
    },
    cliLeftOut: (count: number, total: number) => `${total} 行中有 ${count} 行的问卷回答未计入（这些行的购买仍计入）：`,
  },
};
