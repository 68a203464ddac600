/** Simplified Chinese for en/margin.ts: typed against it, so a missing or extra key is a type error. */
import type { MarginMessages } from "../en/margin";

export const margin: MarginMessages = {
  margin: {
    cli: {
      both: "请给出 --margin（所有客户一个毛利率）或 --margin-column（每行一个毛利额），不能同时给出。",
      summaryFile: (file: string) => `--margin-column 读取每笔交易行上的毛利额，而 ${file} 是客户汇总：请改用 --margin 给出一个毛利率。`,
      rateProblems: (count: number) => `${count} 位客户的毛利不在其收入的 0 到 100% 之间，因此这些客户的 clv_margin 留空：`,
      rateProblem: (line: number, customer: string, rate: string) => `  第 ${line} 行：客户 ${customer}，毛利为收入的 ${rate}`,
      noRate: "没有收入可用来加权毛利",
    },
  },
};
