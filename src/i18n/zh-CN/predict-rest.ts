/** Simplified Chinese for en/predict-rest.ts: typed against it, so a missing or extra key is a type error. */
import type { PredictRestMessages } from "../en/predict-rest";

export const predictRest: PredictRestMessages = {
  predictRest: {
    upgrade: {
      purchases: "升入更好分群所需购买次数",
      spend: "这些购买的金额（0 = 金额不限）",
      purchase: (orders: number, shownOrders: string, amount: string | null) =>
        orders === 1
          ? amount === null
            ? "现在购买一次"
            : `现在购买一次，金额 ${amount}`
          : amount === null
            ? `购买 ${shownOrders} 次，最后一次在现在`
            : `购买 ${shownOrders} 次，共 ${amount}，最后一次在现在`,
      hintSegments: "按分群规则的顺序，升入更好分群所差最少的客户：先看购买次数，再看金额（向上取整）。点击客户可选中其所在行。",
    },
    model: {
      label: "购买模型",
      bgnbd: "BG/NBD",
      paretoNbd: "Pareto/NBD",
      hint: "通常选 BG/NBD；Pareto/NBD 允许客户在任何时候流失，而不只是在一次购买之后。",
    },
    data: {
      selectionEmpty: (where: string) => `所选区域 ${where} 没有数据。请选中含标题行的数据，或选择一个 Excel 表格。`,
      selectionOneCell: (where: string) => `所选区域 ${where} 只是一个单元格，周围也没有数据。请选中全部数据（含标题行，至少有客户、日期和金额三列），或选择一个 Excel 表格。`,
      selectionTooNarrow: (where: string, columns: number) => `所选区域 ${where} 只有 ${columns} 列；数据至少需要客户、日期和金额三列。请选中全部数据，或选择一个 Excel 表格。`,
      selectionNoRows: (where: string) => `所选区域 ${where} 只有标题行，下面没有数据行。请把数据行一起选中，或选择一个 Excel 表格。`,
      noUsableRows: (role: string, column: string, cell: string, what: string) =>
        `没有可用的行：“${role}”映射到了“${column}”列，它的第一个单元格 ${cell} 无法读取（${what}）。请把“${role}”映射到正确的列，或更正这些单元格。`,
    },
    cli: {
      returnsLeftOut: (rows: number, firstLine: number) => `留出 ${rows} 行金额为负的记录（退货、取消的订单），第一行在第 ${firstLine} 行。`,
    },
    errors: {
      asOfBeforeData: (asOf: string, first: string) => `分析日期（${asOf}）早于第一次购买（${first}），此时还没有客户购买。请使用 ${first} 或更晚的日期，或留空分析日期。`,
      calibrationBeforeData: (end: string, first: string) => `分析日期（${end}）早于第一次购买（${first}），模型没有可学习的数据。请使用更晚的日期，或留空。`,
      noData: "没有可用的行，请检查客户、日期和金额列是否映射正确。",
      binsOutOfRange: (value: string) => `分值等级数为 ${value}；请输入 2 到 10 的整数。`,
      cutsOrder: (aCut: string, bCut: string) => `A 类截止点（${aCut}）不小于 B 类截止点（${bCut}）；请让 A 类截止点更小。`,
      cutOutOfRange: (value: string) => `ABC 分类截止点为 ${value}；请使用大于 0、小于 100 的百分比。`,
      horizon: (value: string) => `预测期（月）为 ${value}；请使用 0 到 240 之间的整数月数。`,
      monthlyDiscount: (value: string) => `月折现率为 ${value}；请使用 0% 到 100% 之间的比率，例如 1（每月 1%）。`,
    },
  },
};
