/** Simplified Chinese for en/economics.ts: typed against it, so a missing or extra key is a type error. */
import type { EconomicsMessages } from "../en/economics";

const FIELDS = { perCustomer: "每客户成本", perOrder: "每订单成本", fixed: "固定成本", perUpgrade: "每次升级成本" } as const;
const field = (f: string) => FIELDS[f as keyof typeof FIELDS] ?? f;

export const economics: EconomicsMessages = {
  economics: {
    errors: {
      badCost: (tier: string, f: string, value: string) =>
        tier === "" || tier === "*" ? `${field(f)}为 ${value}，请使用 0 到 1000000000000000（10^15）之间的金额。` : `层级 ${tier} 的${field(f)}为 ${value}，请使用 0 到 1000000000000000（10^15）之间的金额。`,
    },
    cli: {
      costsColumns: (file: string, missing: string) => `${file} 没有 ${missing} 列；成本文件的列为 tier,per_customer,per_order,fixed（每个层级一行，* 表示其他所有层级）。`,
      costsCell: (file: string, line: number, column: string, value: string) => `${file} 第 ${line} 行：${column} 为“${value}”，请使用 0 到 10^15 之间的金额（空白为 0）。`,
      costsTier: (file: string, line: number) => `${file} 第 ${line} 行：层级为空，请写明层级，或用 * 表示未列出的所有层级。`,
      costsDuplicate: (file: string, line: number, tier: string, first: number) => `${file} 第 ${line} 行：层级 ${tier} 已在第 ${first} 行出现，每个层级只写一行。`,
      needsMargin: "--costs 需要据以扣除成本的毛利：请给出 --margin（一个毛利率，30% 即 0.3）或 --margin-column（每行一个毛利额）。",
      marginNeedsCosts: "--margin 和 --margin-column 只有与 --costs COSTS.csv（每个层级的服务成本）一起使用时才会加入汇总。",
      needsSummary: "--costs 改变的是各层级汇总：请加上 --summary。",
      needsTransactions: (command: string) => `tier ${command} --costs 需要每位客户的订单数：请用 --as-of 或 --window-months 给出交易文件（每订单成本按订单计）。`,
      unpriced: (tiers: string) => `没有给出 ${tiers} 的成本，因此其 cost_to_serve 为 0；请为每个层级加一行，或加一行 * 表示未列出的所有层级。`,
      upgradeNeedsRevenue: "--cost-per-upgrade 以升级的收入变化对比其成本：请用 --revenue 给出两个文件的收入列。",
      orderNeeded: "层级顺序未知，因此没有客户算作升级：请用 --order 按从好到差的顺序给出层级。",
      missingRevenue: (count: number) => `${count} 位升级客户在其中一个文件中没有收入，未计入 revenue_change。`,
      period: "每客户成本按汇总的期间计：--window-months 的时间窗，否则为截至分析日期的全部历史。",
    },
    summary: {
      grossMargin: "毛利",
      costToServe: (period: string) => `服务成本（${period}）`,
      netContribution: "净贡献",
      netPerCustomer: "每客户净贡献",
      returnOnCost: "服务成本回报率",
      netMarginClv: (months: number) => `扣除服务成本的毛利 CLV（${months} 个月）`,
      periodWindow: (months: number) => `最近 ${months} 个月`,
      periodAll: "全部历史",
    },
    upgrades: {
      title: "升级激励",
      upgrades: "升级人数",
      costPerUpgrade: "每次升级成本",
      cost: "升级成本",
      revenueChange: "升级客户的收入变化",
      net: "收入变化减升级成本",
      noOrder: "无定义：层级顺序未知。",
      noRevenue: "无定义：快照中没有收入。",
      caveat: "这是变化而非效果：升级的客户本来就买得更多。要衡量效果，请使用试点组。",
    },
    pane: {
      title: "成本（层级经济效益）",
      hint: "在层级汇总中加入毛利、服务成本、净贡献和服务成本回报率。每客户成本按分析的期间计：设置了时间窗时为该时间窗，否则为截至分析日期的全部历史。",
      enabled: "加入层级经济效益",
      tier: "层级",
      perCustomer: "每客户",
      perOrder: "每订单",
      fixed: "固定",
      otherTiers: "其他所有层级",
      noTiers: "运行一次后这里会列出层级；下面一行适用于所有层级。",
      marginSource: "毛利来源",
      marginSources: { rate: "统一毛利率", column: "来自毛利列" },
      marginRate: "毛利率（%）",
      noColumn: "请在“数据”中将一列映射为毛利后再使用。",
      costPerUpgrade: "每次升级成本（对比）",
      costPerUpgradeHint: "对比时以升级人数乘以该成本，对照升级客户的收入变化。",
      problems: {
        cost: (tier: string, what: string, value: string) => `成本，${tier}，${what}：“${value}”不是 0 到 10^15 之间的金额。`,
        rate: (value: string) => `成本，毛利率：“${value}”不是 0 到 100 之间的百分比。`,
        needsColumn: "成本：毛利应来自毛利列，但没有列映射为毛利。",
        columnWindow: "成本：毛利列按截至分析日期的全部历史相加，而不是按时间窗，因此不能与时间窗内的收入对照：请使用统一毛利率，或清空时间窗。",
        upgrade: (value: string) => `每次升级成本：“${value}”不是 0 到 10^15 之间的金额。`,
      },
    },
  },
};
