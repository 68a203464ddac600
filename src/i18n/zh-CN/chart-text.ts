/** Simplified Chinese for en/chart-text.ts: typed against it, so a missing or extra key is a type error. */
import type { ChartTextMessages } from "../en/chart-text";

export const chartText: ChartTextMessages = {
  chartText: {
    basis: { segment: "客户分群", abcClass: "ABC 类别", score: "得分档" },
    basisAxis: { segment: "客户分群", abcClass: "ABC 类别", score: "得分档" },
    titles: {
      column: (basis: string) => `各${basis}的客户与收入`,
      pie: (basis: string) => `各${basis}的收入占比`,
      doughnut: (basis: string) => `各${basis}的收入占比`,
      pareto: (basis: string) => `帕累托图：各${basis}收入（从高到低）与累计占比`,
      scatter: (basis: string) => `各${basis}的购买频次与消费金额`,
      radar: (basis: string) => `各${basis}的平均 R、F、M 得分`,
    },
    heatEmpty: (levels: string) => `没有客户落在 ${levels}：许多客户的数值相同（大多只购买一次），得分切分点因此重合，这些等级为空。减少分值等级数可避免这种情况。`,
    paretoBlock: "帕累托图数据（收入从高到低）",
  },
};
