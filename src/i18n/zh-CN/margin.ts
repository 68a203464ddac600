/** Simplified Chinese for en/margin.ts: typed against it, so a missing or extra key is a type error. */
import type { MarginMessages } from "../en/margin";

export const margin: MarginMessages = {
  margin: {
    cli: {
      both: "请给出 --margin（所有客户一个毛利率）或 --margin-column（每行一个毛利额），不能同时给出。",
      summaryFile: (file: string) => `--margin-column 读取每笔交易行上的毛利额，而 ${file} 是客户汇总：请改用 --margin 给出一个毛利率。`,
      rateProblems: (count: number) => `${count} 位客户的毛利不在其收入的 0 到 100% 之间，因此这些客户的 clv_margin 留空：`,
      rateProblem: (line: number, customer: string, rate: string) => `  第 ${line} 行：客户 ${customer}，毛利为收入的 ${rate}`,
      noRevenue: (line: number, customer: string) => `  第 ${line} 行：客户 ${customer}，没有收入可用来加权毛利`,
      noRate: "没有收入可用来加权毛利",
    },
    settings: {
      rate: (value: string) => `预测 CLV 的毛利率为 ${value}，请使用 0 到 1 之间的比例（30% 即 0.3）。`,
      needsColumn: "预测 CLV 的毛利应来自毛利列，但没有列映射为毛利：请在“数据”中映射一列，或给出一个毛利率。",
      within: (value: string) => `下次购买的时间窗为 ${value} 个月，请使用大于 0 的月数，例如 3。`,
    },
    pane: {
      source: "预测 CLV 的毛利",
      sourceHint: "在预测（收入）CLV 旁增加毛利 CLV，写入分层表，并在分层汇总中按层汇总。",
      sources: { none: "无", rate: "所有客户一个毛利率", column: "来自毛利列" },
      columnHint: "每位客户的毛利占其收入的比例，取自映射为毛利的列。",
      noColumn: "请先在“数据”中把一列映射为毛利。",
      rate: "预测 CLV 的毛利率（%）",
      within: "下次购买时间窗（月）",
      withinHint: "分层表和流失预警表中“在此时间窗内购买的概率”所用的时间窗。",
      problems: {
        rate: (value: string) => `预测 CLV 的毛利率：“${value}”不是 0 到 100 之间的百分比。`,
        within: (value: string) => `下次购买时间窗：“${value}”不是大于 0 的月数。`,
      },
    },
    columns: {
      pPurchaseWithin: (months: string) => `${months} 个月内购买的概率`,
    },
    workbook: {
      rateProblems: (count: number, customer: string, cell: string, rate: string) =>
        `${count} 位客户的毛利不在其收入的 0 到 100% 之间（第一位：客户 ${customer}，自 ${cell} 起：${rate}），因此其毛利 CLV 留空。请检查毛利列是否为以金额币种计的毛利额。`,
    },
  },
};
