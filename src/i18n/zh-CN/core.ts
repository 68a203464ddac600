/** Simplified Chinese for en/core.ts: typed against it, so a missing or extra key is a type error. */
import type { CoreMessages } from "../en/core";

export const core: CoreMessages = {
  problems: {
    blankCustomer: "客户为空；请填写客户编号，或清空整行",
    blankDate: "日期为空；请填写购买日期，或清空整行",
    badDate: (value) => `“${value}”不是日期（请使用日期单元格、2024-01-05、2024/1/5 或 2024年1月5日）`,
    dateOutOfRange: (value) => `${value} 超出本加载项可读取的日期范围（1900-03-01 至 9999-12-31）`,
    blankAmount: "金额为空；请填写金额（没有则填 0），或清空整行",
    badAmount: (value) => `“${value}”不是数字（请使用 1234.5、1,234.50、¥1,234 或 $1,234）`,
    blankNumber: "单元格为空；请填写数字，或清空整行",
    badNumber: (value) => `“${value}”不是数字；请输入数字，例如 1234.5`,
    excelError: (value) => `单元格包含 Excel 错误 ${value}；请修正产生它的公式，或略去该行`,
    negativeValue: (value) => `${value} 为负数；距上次购买的天数和购买次数不能为负`,
    nonPositiveValue: (value) => `${value} 为零或负数，归为 C 类`,
  },
  errors: {
    at: (argument, row) => `参数“${argument}”第 ${row} 行`,
    atCell: (argument, row, column) => `参数“${argument}”第 ${row} 行第 ${column} 列`,
    argument: (argument) => `“${argument}”`,
    rowProblem: (where, what) => `${where}：${what}。`,
    moreProblems: (count) => `（另有 ${count} 行存在问题。）`,
    sizeMismatch: (a, aRows, b, bRows) => `“${a}”有 ${aRows} 行，而“${b}”有 ${bRows} 行；请选择高度相同的区域。`,
    shapeMismatch: (a, aShape, b, bShape) =>
      `“${a}”为 ${aShape}，而“${b}”为 ${bShape}；请使用形状相同的区域或单个数值。`,
    notOneColumn: (argument, columns) => `“${argument}”有 ${columns} 列；请只选择一列。`,
    noData: (argument) => `“${argument}”中没有可用的行；请检查它是否包含数据行。`,
    binsOutOfRange: (value) => `“bins”为 ${value}；请使用 2 到 10 之间的整数。`,
    cutOutOfRange: (argument, value) => `“${argument}”为 ${value}；请使用 0 到 1 之间的比例（80% 即 0.8）。`,
    cutsOrder: (aCut, bCut) => `“a_cut”（${aCut}）必须小于“b_cut”（${bCut}）。`,
    unknownBasis: (value) => `“basis”为“${value}”；请使用 "value" 或 "count"。`,
    unknownAbcMethod: (value) => `“method”为“${value}”；请使用 "fixed"（按界限）或 "computed"（由 ABC 曲线计算界限）。`,
    unknownScheme: (value) =>
      `“segments”为“${value}”；请使用 "rfm"、"cn8" 或规则区域（名称、R 最小、R 最大、F 最小、F 最大、M 最小、M 最大）。`,
    badRule: (row, what) => `“segments”规则第 ${row} 行：${what}。`,
    ruleNameBlank: "名称为空",
    ruleBound: (column, value) => `${column} 为“${value}”；请使用整数分值或留空`,
    ruleRange: (column) => `${column} 的最小值大于最大值`,
    badAsOf: (value) => `“as_of”为“${value}”；请使用日期（日期单元格或 2024-01-05）。`,
    asOfBeforeData: (asOf, first) => `“as_of”（${asOf}）早于第一次购买（${first}），此时还没有客户购买；请使用 ${first} 或更晚的日期。`,
    badBoolean: (argument, value) => `“${argument}”为“${value}”；请使用 TRUE 或 FALSE。`,
    negativeInput: (argument, where, value) => `${where ? `${where}：` : ""}“${argument}”为 ${value}，不能为负数。`,
    marginOutOfRange: (where, value) => `${where ? `${where}：` : ""}“margin”为 ${value}；请使用 0 到 1 之间的比例（30% 即 0.3）。`,
    discountOutOfRange: (where, value) => `${where ? `${where}：` : ""}“discount_rate”为 ${value}；请使用 0 到 1 之间的年利率（10% 即 0.1）。`,
    breakpointsShape: (rows, columns) =>
      `“bins”是 ${rows}×${columns} 的区域；请给出 2 到 10 之间的数字，或按三行（或三列）给出最近购买、频次、金额的分界点。`,
    breakpointsOrder: (dimension) => `${dimension}的分界点必须是递增的数字。`,
    tooManyBreakpoints: (dimension, count) => `${dimension}的分界点有 ${count} 个；最多 9 个（10 个分值级别）。`,
    breakpointsCount: (dimension, count, expected) => `${dimension}的分界点有 ${count} 个；请按递增顺序给出 ${expected} 个（比分值级数少 1）。`,
    badRepeatSummary: (row: number, field: string, what: string) => `第 ${row} 行：“${field}”${what}。`,
    repeatWholeNumber: "必须是 0 或更大的整数（重复购买次数）",
    repeatNonNegative: "必须是 0 或更大的时间",
    repeatAfterT: "比 T（首次购买到校准期结束的时间）还长",
    repeatZeroWithoutRepeats: "在 x 为 0（没有重复购买）时必须为 0",
    repeatWithoutTime: "为 0，但 x 大于 0：重复购买发生在之后的日子，t_x 必须大于 0（汇总是否取整过粗？）",
    noRepeatPurchases: "数据中没有客户在两个不同日期购买过，模型无法学习客户的回购与流失；请使用更长时间段的交易数据。",
    fitFailed: (model: string) =>
      `无法用这些数据拟合 ${model} 模型（似然函数没有有限的最大值）；请检查日期是否覆盖多个购买周期、金额是否为正数。`,
    gammaGammaQ: (q: string) =>
      `Gamma-Gamma 消费模型得到 q = ${q}，不大于 1，预期消费将为无穷大：消费数据的尾部过重。请去掉极端金额（或退货），或用 TIER.CLV 并填入您自己的平均消费。`,
    noRepeatSpend: (customers: number) =>
      customers === 0
        ? "没有客户有金额为正的重复购买；消费模型至少需要 2 位这样的客户。"
        : `只有 ${customers} 位客户有金额为正的重复购买；消费模型至少需要 2 位。`,
    badModel: (value: string) => `“model”为“${value}”；请使用“bgnbd”或“pareto”。`,
    badUnit: (value: string) => `“unit”为“${value}”；请使用“day”（天）、“week”（周）或“month”（月）。`,
    badHorizon: (argument: string, value: string) => `“${argument}”为 ${value}；请使用 0 到 240（20 年）之间的整月数。`,
    badHorizonUnits: (argument: string, value: string) => `“${argument}”为 ${value}；请使用 0 或更大的时长（以数据的时间单位计）。`,
    badMonthlyDiscount: (argument: string, value: string) => `“${argument}”为 ${value}；请使用 0 到 1 之间的月折现率，例如 0.01（每月 1%）。`,
    calibrationBeforeData: (argument: string, end: string, first: string) => `“${argument}”（${end}）早于第一次购买（${first}）；请使用更晚的日期。`,
    badLifecycle: (argument: string, value: string, hint: string) => `“${argument}”为 ${value}；${hint}。`,
    lifecycleHints: {
      newDays: "请使用 0 或更大的天数",
      activeMultiple: "请使用正数，例如 1.5",
      silentMultiple: "请使用不小于“active_multiple”的数，例如 3",
      churnCapDays: "请使用正的天数，或留空表示不设上限",
    },
    score: {
      weightsCount: (argument, given, expected) => `“${argument}”有 ${given} 个权重，而指标有 ${expected} 个；请为每个指标给一个权重（0 表示不计入该指标）。`,
      weightNotNumber: (argument, position, value) => `“${argument}”第 ${position} 个权重为“${value}”；请使用 0 或更大的数字。`,
      weightNegative: (argument, position, value) => `“${argument}”第 ${position} 个权重为 ${value}；权重不能为负（0 表示不计入该指标）。`,
      weightsAllZero: (argument) => `“${argument}”中的权重都是 0；请至少给一个指标大于 0 的权重。`,
      weightsMissing: (argument) => `“${argument}”缺失或为空；请为每个指标列给一个权重（如 1、1、1 表示权重相同；0 表示不计入该指标）。`,
      weightBlank: (argument, position) => `“${argument}”第 ${position} 个权重为空；请填写 0 或更大的数字（0 表示不计入该指标）。`,
      bandsPercent: (argument, values) =>
        `“${argument}”为 ${values}：看起来是客户的百分比，但比例要写成小数：5% 请写 0.05（如 0.05、0.15、0.3、0.3）。最低分则从最高档往下列出（如 90、75、50、25）。`,
      directionsCount: (argument, given, expected) =>
        `“${argument}”有 ${given} 个方向，而指标有 ${expected} 个；请为每个指标给一个方向，或省略该参数（全部越高越好）。`,
      unknownDirection: (argument, position, value) => `“${argument}”第 ${position} 项为“${value}”；请使用“higher”（越高越好）或“lower”（越低越好）。`,
      unknownMethod: (argument, value) => `“${argument}”为“${value}”；请使用“percentile”（百分位）或“minmax”（最小-最大）。`,
      bandsNone: (argument) => `“${argument}”中没有数字；请给出各档的客户比例（如 0.05、0.15、0.3、0.3）或最低分（如 90、75、50、25），或省略该参数。`,
      bandsTooMany: (argument, given, max) => `“${argument}”有 ${given} 个数字；最多 ${max} 个（钻石、铂金、黄金、白银，其余为青铜）。`,
      bandShare: (argument, position, value) => `“${argument}”第 ${position} 个比例为 ${value}；客户比例必须大于 0 且不超过 1（5% 即 0.05）。`,
      bandShareSum: (argument, sum) => `“${argument}”中的比例之和为 ${sum}；最后一档取其余客户，因此比例之和不能超过 1。`,
      bandThreshold: (argument, position, value) =>
        `“${argument}”第 ${position} 个最低分为 ${value}；请使用 0 到 100 的分数（数字不全在 0 到 1 之间时，按最低分理解）。`,
      bandThresholdOrder: (argument, position, value, previous) =>
        `“${argument}”第 ${position} 个最低分（${value}）不低于前一个（${previous}）；请从最高档往下列出最低分，如 90、75、50、25。`,
      notFinite: (metric, row, value) => `第 ${metric} 个指标第 ${row} 行为 ${value}；请使用有限的数字，或留空。`,
      notOneLine: (argument, rows, columns) => `“${argument}”是 ${rows}×${columns} 的区域；请给出一行或一列，每个指标一项。`,
      metricsHeader: (argument) => `“${argument}”的第一行是文字（列标题？）；请只选择数字，不要包含标题行。`,
    },
    dynamic: {
      duplicateId: (id, row, firstRow) => `客户“${id}”在第 ${firstRow} 行和第 ${row} 行各出现一次；每位客户只能有一行（一个层级）。`,
      duplicateRow: (id, firstRow) => `客户“${id}”已在第 ${firstRow} 行出现；每位客户只能有一行（一个层级）`,
      orderMissingTier: (tier, order) => `层级顺序（${order}）中没有层级“${tier}”；请按从好到差列出所有层级，才能统计升级和降级。`,
      measureBlank: (argument, ids) => `“${argument}”在“${ids}”的每一行都为空；请为每位客户给出数值（如收入），或省略“${argument}”以统计客户数。`,
      duplicateLine: (file, line, id, firstLine) => `${file} 第 ${line} 行：客户“${id}”已在第 ${firstLine} 行出现；每位客户只能有一行（一个层级）。`,
      pilotShare: (argument, value) => `“${argument}”为 ${value}；请使用大于 0 且不超过 1 的各层级比例（10% 即 0.1）。`,
      controlShare: (argument, value) => `“${argument}”为 ${value}；请使用 0 到 1 之间的各层级比例（0 表示不设对照组）。`,
      shareMissing: (argument) => `“${argument}”为空；请给出每个层级要抽取的比例，例如 0.1（10%）。`,
      sharesOverOne: (shareArgument, share, controlArgument, controlShare) =>
        `“${shareArgument}”（${share}）与“${controlArgument}”（${controlShare}）之和大于 1；试点组和对照组取自同一批客户。`,
      controlDefaultOverOne: (shareArgument, share, controlArgument, room) =>
        `“${shareArgument}”为 ${share}，省略“${controlArgument}”时对照组与试点组一样大，两者合计超过全部客户。请把“${controlArgument}”设为不超过 ${room}。`,
      pilotSeed: (argument, value) => `“${argument}”为 ${value}；请使用整数（相同的种子抽取相同的客户）。`,
      badConfidence: (value) => `置信水平为 ${value}；请使用 0 到 1 之间的比例，例如 0.95。`,
    },
  },
};
