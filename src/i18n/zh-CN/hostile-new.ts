/** Simplified Chinese for en/hostile-new.ts: typed against it, so a missing or extra key is a type error. */
import type { HostileNewMessages } from "../en/hostile-new";

export const hostileNew: HostileNewMessages = {
  hostileNew: {
    badDateOption: (option, value) => `${option} 为“${value}”；请给出日期，例如 2024-01-05（从 1900-03-01 到 9999-12-31）。`,
    cliSumOverflow: (option, value) => `${option} 列中的金额 ${value} 使合计超出电子表格能容纳的最大数（约 1.8E+308）；请检查该列数值的指数或单位是否有误。`,
    cliTotalOverflow: (option) => `${option} 列的合计超出电子表格能容纳的最大数（约 1.8E+308）；请检查该列数值的指数或单位是否有误。`,
    orderMissingTier: (argument, tier, order) => `“${argument}”（${order}）中没有层级“${tier}”；请按从好到差列出所有层级，才能统计升级和降级。`,
    noPurchases: (argument, rows) => `“${argument}”中的 ${rows} 行金额全部小于 0（只有退货），没有可统计的购买；请检查“${argument}”是否为金额列，以及收入是否记为正数。`,
    noSnapshot: (first, last) => `${first} 到 ${last}（购买日期，或 --from 与 --to）之间没有快照日期；请给出更晚的 --to，或用天数更少的 --every（例如 --every 7）。`,
    cohortSpan: (argument, periods, max, by, first, last) =>
      `“${argument}”从 ${first} 到 ${last}，共 ${periods} 个${by === "quarter" ? "季度" : "月"}的同期群，而同期群表最多 ${max} 个；请检查“${argument}”中是否有错误的日期（例如 1900 或 9999 年），或只取较短时期的行。`,
    headerOnly: (file) => `${file} 只有标题行，没有数据行；请在标题行下为每位客户给出一行。`,
    moversOneSnapshot: (count, dates) =>
      count === 0
        ? "历史中没有快照，因此没有客户变动；请给出覆盖购买日期的 --from 和 --to，或用天数更少的 --every。"
        : `历史中只有一个快照（${dates}），而变动客户需要两个；请给出更早的 --from 或更晚的 --to，或用天数更少的 --every（例如 --every 7）。`,
    marginOverflowLine: (line, customer) =>
      `  第 ${line} 行：客户 ${customer}，毛利除以收入超出电子表格能容纳的最大数（约 1.8E+308）；请检查该客户各行的毛利和金额是否有错误的指数或单位`,
    marginOverflowNote: (count, customer, cell) =>
      `${count === 1 ? "一位客户" : `${count} 位客户`}的毛利率无法使用（第一位：客户 ${customer}，来自 ${cell}：毛利除以收入超出电子表格能容纳的最大数，约 1.8E+308），因此其毛利 CLV 留空。请检查该客户的毛利和金额单元格是否有错误的指数或单位。`,
  },
};
