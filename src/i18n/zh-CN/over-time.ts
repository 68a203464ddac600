/** Simplified Chinese for en/over-time.ts: typed against it, so a missing or extra key is a type error. */
import type { OverTimeMessages } from "../en/over-time";

export const overTime: OverTimeMessages = {
  overTime: {
    errors: {
      badWindow: (argument, value, max) => `“${argument}”为 ${value}；请使用 1 到 ${max} 之间的整月数，或留空以统计全部历史。`,
      badEvery: (argument, value) => `“${argument}”为“${value}”；请使用 month、quarter 或不少于 1 的整天数。`,
      historyRange: (from, to) => `历史的开始日期（${from}）晚于结束日期（${to}）；请让开始日期不晚于结束日期。`,
      freezeNotSnapshot: (date, first, last) => `只能冻结某个快照的分界点；${date} 不是快照日期（快照从 ${first} 到 ${last}）。请选择一个快照日期。`,
      tooManySnapshots: (count, max) => `这样会生成 ${count} 个快照，一次最多生成 ${max} 个。请缩短日期范围或降低频率。`,
      badCohortBy: (argument, value) => `“${argument}”为“${value}”；请使用 month 或 quarter。`,
      badCohortMeasure: (argument, value) => `“${argument}”为“${value}”；请使用 customers 或 revenue。`,
    },
    directions: {
      up: "升级",
      down: "降级",
      same: "不变",
      new: "新增",
      gone: "流失",
      changed: "变化",
    },
  },
};
