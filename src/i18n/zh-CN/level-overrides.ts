/** Simplified Chinese for en/level-overrides.ts: typed against it, so a missing or extra key is a type error. */
import type { LevelOverridesMessages } from "../en/level-overrides";

export const levelOverrides: LevelOverridesMessages = {
  levelOverrides: {
    columns: { finalLevel: "最终等级", overridden: "已人工调整", reason: "调整原因", until: "调整有效期至" },
    note: (levelsNote: string) => `${levelsNote}“等级”是按等级规则得出的等级；“最终等级”在人工调整表中有当日有效的调整时取调整后的等级，否则与“等级”相同。调整在有效期截止日的次日失效。`,
    counts: (active: number, expired: number, unmatched: number) => `等级人工调整：已应用 ${active} 条，已失效 ${expired} 条，不在数据中 ${unmatched} 条。`,
  },
};
