/** Simplified Chinese for en/chart-rules.ts: typed against it, so a missing or extra key is a type error. */
import type { ChartRulesMessages } from "../en/chart-rules";

const n = (x: number) => x.toLocaleString("zh-CN");

export const chartRules: ChartRulesMessages = {
  chartRules: {
    scatter: {
      title: (title: string, shown: number, customers: number) => (shown === customers ? `${title}（${n(customers)} 位客户）` : `${title}（${n(customers)} 位客户中的 ${n(shown)} 位）`),
      frequencyAxis: (log: boolean) => (log ? "每位客户的订单数（对数刻度）" : "每位客户的订单数"),
      monetaryAxis: (log: boolean) => (log ? "每位客户的收入（对数刻度）" : "每位客户的收入"),
      frequencyHeader: "订单数",
      monetaryHeader: "收入",
      block: (shown: number, customers: number) =>
        shown === customers ? `散点图数据：全部 ${n(customers)} 位客户。` : `散点图数据：${n(customers)} 位客户中的 ${n(shown)} 位，在每个层级内按收入均匀抽取，每个层级都有显示。`,
      leftOut: (count: number) => `${n(count)} 位没有订单或收入不为正的客户未画出：对数刻度无法显示 0 或负数。`,
      other: "其他层级",
      needsRun: "客户散点图依据分析运行时写在图表旁的数据绘制；请重新运行分析，再生成图表。",
    },
    migration: {
      title: (basis: string, before: string, after: string) => `各${basis}的层级迁移（${before} 至 ${after}）`,
      categoryAxis: (basisAxis: string) => `较早快照中的${basisAxis}`,
      valueAxis: (basis: string) => `该${basis}中的客户占比`,
    },
    trends: {
      customersTitle: (basis: string) => `层级趋势：各${basis}的客户数`,
      shareTitle: (basis: string) => `层级趋势：各${basis}的客户占比`,
      customersAxis: "客户数",
      shareAxis: "客户占比",
    },
    cohorts: {
      title: (by: string, measure: string) => `按首次购买${by}划分的同期群：${measure}`,
      valueAxis: { customers: "同期群中购买的客户占比", revenue: "收入占首期收入的比例" },
    },
  },
};
