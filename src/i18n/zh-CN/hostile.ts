/** Simplified Chinese for en/hostile.ts: typed against it, so a missing or extra key is a type error. */
import type { HostileMessages } from "../en/hostile";

export const hostile: HostileMessages = {
  hostile: {
    oneCell: (argument, cells) => `“${argument}”是包含 ${cells} 个单元格的区域；请只给一个单元格。`,
    fitBudget: (model, iterations, seconds) =>
      `${model} 模型在 ${iterations} 次迭代（${seconds} 秒）内未能拟合，已停止搜索；数据可能不符合该模型。请检查日期是否跨越多个购买周期、金额是否使用同一单位，或改用另一个模型（“bgnbd”或“pareto”）。`,
    internal: (name) =>
      `${name} 无法计算此结果（内部意外问题，已记录在浏览器控制台）；请检查参数中是否有异常值，例如接近 1E+308 的数字或很长的文本；如参数无误，请报告此问题。`,
    tooManyTiers: (argument, count, max) =>
      `“${argument}”有 ${count} 个不同的分层；迁移表最多显示 ${max} 个。很可能把收入或其他度量列当成了分层列：请给出分层名称所在的列（例如金、银、铜）。`,
    tierIsLabel: (argument, tier) =>
      `“${argument}”中有名为“${tier}”的分层，与迁移表的行或列标签相同；请重命名该分层（例如“${tier}层”），以免混淆。`,
    tooManyRules: (count, max) => `“segments”有 ${count} 条规则；最多只能给 ${max} 条。`,
    ruleNameError: (row, value) => `“segments”第 ${row} 条规则：名称是 Excel 错误 ${value}；请修正产生它的公式，或输入名称。`,
    badId: (where, value) => `${where}：“${value}”不能用作客户编号；请使用文本或数字。`,
    amountsMissing: (argument) => `“${argument}”为空；消费模型需要每次购买的金额（请给出金额列）。`,
    scoreOverflow: (argument, position, value) =>
      `“${argument}”的第 ${position} 个权重为 ${value}；权重过大，加权得分会溢出。请使用常规大小的权重（例如 1、2、0.5）：只有它们的比例有意义。`,
    clvOverflow: (where) =>
      `${where ? `${where}：` : ""}客户终身价值将超出电子表格能容纳的最大数（约 1.8E+308）；请检查“avg_purchase”“frequency”和“lifespan”的指数或单位是否有误。`,
    totalOverflow: (argument) => `“${argument}”的合计超出电子表格能容纳的最大数（约 1.8E+308）；请检查“${argument}”中数值的指数或单位是否有误。`,
    badTier: (where, value) => `${where}：“${value}”不能用作分层；请使用文本或数字。`,
    scoreValue: (argument, metric, row, value) => `“${argument}”第 ${metric} 个指标第 ${row} 行为 ${value}；请使用有限的数字，或将单元格留空。`,
    inArgument: (argument, sentence) => `“${argument}”：${sentence}`,
    onlyReturns: (argument, rows) => `“${argument}”中的 ${rows} 个金额全部小于 0（只有退货），没有可供学习的购买；请检查“${argument}”是否为金额列，以及收入是否记为正数。`,
    notFiniteResult: (name, argument) => `${name} 无法得到有限的结果：某个值超出电子表格能容纳的最大数（约 1.8E+308）；请检查“${argument}”中数值的指数或单位是否有误。`,
    tooBig: (argument, rows, columns, max) =>
      `${argument} 的结果将有 ${rows} 行 ${columns} 列，超出溢出区域的上限（${max}）；请减少取值。`,
  },
};
