/** Simplified Chinese for en/over-time.ts: typed against it, so a missing or extra key is a type error. */
import type { OverTimeMessages } from "../en/over-time";

export const overTime: OverTimeMessages = {
  overTime: {
    usage: `随时间变化（日期格式 YYYY-MM-DD；交易列与 tier rfm 相同：--customer、--date、--amount、--day-order）：
  tier rfm|abc|score FILE.csv --as-of DATE [--window-months N]
      按 DATE 当时的状态计算（忽略之后的行）；频次和金额只统计最近 N 个月，最近购买天数按 DATE 之前的全部行计算。
      此时 abc 和 score 读取交易文件：abc 按每位客户的收入分类，score 的 --metrics 可取 recency、frequency、monetary。
  tier history FILE.csv [--every month|quarter|N（天）] [--from DATE] [--to DATE] [--window-months N]
                    [--tier-by segment|abc] [--bins N] [--segments rfm|cn8] [--a-cut 0.8] [--b-cut 0.95]
                    [--freeze DATE（沿用该快照的分界点）] [--format csv|json]
      每个快照日期 × 客户一行：as_of、客户、分层及各项指标
  tier trends FILE.csv [history 选项]   每个快照和分层：客户数、占比、收入、留存率及各项比率
  tier movers FILE.csv [history 选项] [--before DATE] [--after DATE]   （默认：最后两个快照）
                    [--predict [--unit day|week|month] [--model bgnbd|pareto]]   （截至 --after 的存活概率和 CLV）
  tier movers BEFORE.csv AFTER.csv --id COL --tier COL [--measure COL] [--order A,B,C]
  tier cohort FILE.csv [--by month|quarter] [--measure customers|revenue] [--quantity COL] [--format csv|json]
                    [--first-tier segment|abc（按首个时期末的分层，每个分层一个三角表）]
      cohort、customers、p0、p1……：每个同期群自首次购买起各期购买的客户占比`,
    orderNeedsFiles: "--order 用于给出两个快照文件的层级顺序（tier movers BEFORE.csv AFTER.csv）；历史会自行排列层级，请去掉 --order。",
    notSnapshot: (option, date, dates) => `${option} ${date} 不是快照日期；快照日期为：${dates}。`,
    errors: {
      badWindow: (argument, value, max) => `“${argument}”为 ${value}；请使用 1 到 ${max} 之间的整月数，或留空以统计全部历史。`,
      badEvery: (argument, value) => `“${argument}”为“${value}”；请使用 month、quarter 或不少于 1 的整天数。`,
      historyRange: (from, to) => `历史的开始日期（${from}）晚于结束日期（${to}）；请让开始日期不晚于结束日期。`,
      freezeNotSnapshot: (date, first, last) => `只能冻结某个快照的分界点；${date} 不是快照日期（快照从 ${first} 到 ${last}）。请选择一个快照日期。`,
      tooManySnapshots: (count, max) => `这样会生成 ${count} 个快照，一次最多生成 ${max} 个。请缩短日期范围或降低频次。`,
      badCohortBy: (argument, value) => `“${argument}”为“${value}”；请使用 month 或 quarter。`,
      badCohortMeasure: (argument, value) => `“${argument}”为“${value}”；请使用 customers 或 revenue。`,
    },
    columns: {
      before: "之前",
      after: "之后",
      direction: "变动方向",
      measureBefore: "之前的度量值",
      measureAfter: "之后的度量值",
      change: "变化",
      cohort: "同期群",
      period: (k) => `第${k}期`,
    },
    functionErrors: {
      revenueNeedsAmounts: "measure 为“revenue”时需要金额：请提供“amounts”区域，或使用“customers”。",
      orderTwice: (tier) => `“order”两次列出了“${tier}”；请将每个层级只列一次，从最好的开始。`,
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
