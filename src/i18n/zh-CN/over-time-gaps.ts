/** Simplified Chinese for en/over-time-gaps.ts: typed against it, so a missing or extra key is a type error. */
import type { OverTimeGapsMessages } from "../en/over-time-gaps";

export const overTimeGaps: OverTimeGapsMessages = {
  overTimeGaps: {
    freezeScore:
      "只有 RFM 分群和按收入或订单数划分的 ABC 分类可以冻结切分点。评分等级（以及按毛利划分的 ABC 分类）在每个快照内各自确定，没有可冻结的切分点：请选择“每个快照使用自己的切分点”。",
    movers: {
      pAlive: "存活概率",
      clv: "预测 CLV",
      predicted: (asOf, model) =>
        `存活概率和预测 CLV 均以较晚的快照（${asOf}）为准：按任务窗格的预测设置，用截至该日的数据拟合 ${model}。届时已流失的客户没有这两项。`,
      notPredicted: (reason) => `未包含存活概率和预测 CLV：${reason}`,
      otherSource: "较晚的快照来自另一个数据源，而不是任务窗格当前读取的数据源。",
    },
    cli: {
      predictNeedsTransactions: "--predict 需要按较晚快照的日期在交易文件上拟合模型：请给出一个交易文件（tier movers FILE.csv --predict），而不是两个快照文件。",
    },
    cohorts: {
      splitFirstTier: "按首个层级拆分",
      splitHint: "按客户在首次购买当月（或当季）末所处的层级，每个层级一个三角表；分层方式与汇总相同。",
      triangleTitle: (tier) => `首个层级：${tier}`,
      splitNote: "首个层级：客户在首次购买所在时期末的层级，与当时已知的全部客户一起分层，与在该日运行分析的结果相同。",
      doneSplit: (sheet, tiers) => `工作表“${sheet}”上有 ${tiers} 个首个层级各自的三角表。`,
      pooledChart: "按首个层级的留存（合并其各同期群）",
      firstTierColumn: "首个层级",
      badFirstTier: (value) => `'first_tier' 为“${value}”；请使用 segment（RFM 分群）或 abc（按收入的 ABC 分类），或留空以查看整个同期群。`,
    },
  },
};
