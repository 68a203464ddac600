/** Simplified Chinese for en/trust.ts: typed against it, so a missing or extra key is a type error. */
import type { TrustMessages } from "../en/trust";

export const trust: TrustMessages = {
  trust: {
    diagnostics: {
      dropoutNotIdentified: (model: string, param: string, value: string) =>
        `无法识别流失：${model} 模型的 ${param} 为 ${value}，数据无法分辨哪些客户已停止购买，因此存活概率几乎把所有客户都显示为活跃。请使用更长的历史数据、用留出期检验模型，或改用 Pareto/NBD；在此之前请按最近购买（生命周期阶段）而不是存活概率排列流失风险。`,
      parameterAtLimit: (model: string, params: string) =>
        `${model} 模型的 ${params} 到达了模型的极限（没有标准误）：预测结果是更简单的极限模型的结果。使用前请先用留出期检验。`,
      hugeStandardError: (model: string, param: string, value: string, se: string) =>
        `${model} 模型的 ${param} = ${value}，其标准误为 ${se}，比数值本身还大：数据对它几乎没有约束。请使用更多客户或更长的历史数据。`,
      fewRepeatCustomers: (customers: number, needed: number) =>
        `只有 ${customers} 位客户购买过不止一次；可靠的拟合大约需要 ${needed} 位。请使用更多客户或更长的历史数据，并用留出期检验模型。`,
      spendFrequencyCorrelated: (rho: string, limit: string) =>
        `消费金额与购买频次相关（ρ = ${rho}，超出 ±${limit}）；Gamma-Gamma 消费模型假设二者独立，因此其预期消费和 CLV 有偏差。请把 CLV 当作排序，而不是金额。`,
      spendParameterAtLimit: (params: string) =>
        `Gamma-Gamma 消费模型的 ${params} 到达了模型的极限：客户之间（或同一客户内）消费几乎没有差异，预期消费接近平均值。`,
      allWell: "拟合未发现问题。",
    },
    errors: {
      holdoutEmpty: (end: string, holdoutEnd: string) =>
        `留出期结束于 ${holdoutEnd}，不晚于校准期结束日 ${end}：请给出早于最后一次购买的校准期结束日，或更晚的留出期结束日。`,
      badMargin: (argument: string, value: string) => `“${argument}”为 ${value}；请使用 0 到 1 之间的毛利率，例如 0.3（收入的 30%）。`,
      badMarginRow: (argument: string, row: number, value: string) => `“${argument}”第 ${row} 行：${value} 不是毛利率；请使用 0 到 1 之间的数，例如 0.3。`,
      badMarginLength: (argument: string, length: number, customers: number) =>
        `“${argument}”有 ${length} 行，但客户有 ${customers} 位；请给出一个毛利率，或每位客户一个。`,
      badWithin: (argument: string, value: string) => `“${argument}”为 ${value}；请使用 0 或更大的时长，以数据的时间单位计。`,
    },
    columns: {
      pPurchaseWithin: (within: string, unit: string) => `${within} ${unit}内购买的概率`,
      expectedWait: (unit: string) => `保持活跃时的预期等待（${unit}）`,
      medianWait: (unit: string) => `保持活跃时的等待中位数（${unit}）`,
      typicalGap: (unit: string) => `典型间隔（${unit}）`,
      overdue: "逾期",
      overdueYes: "逾期",
      clvMargin: (months: number) => `毛利 CLV（${months} 个月）`,
      pAliveUnreliable: "存活概率（无法识别流失：见 TIER.CLVFIT）",
      churnRiskUnreliable: "流失风险（无法识别流失）",
      dropoutCaveat: "（无法识别流失：见 TIER.CLVFIT）",
      diagnostics: "诊断",
    },
    check: {
      sheetTitle: "模型检验：留出期内预测与实际复购次数对比",
      period: (calibration: string, calEnd: string, holdoutEnd: string, unit: string, model: string) =>
        `用 ${calibration} 至 ${calEnd} 的购买拟合（${model}）；留出期至 ${holdoutEnd}；单位：${unit}。`,
      groupsTitle: "按校准期复购次数分组",
      groupX: "复购次数（校准期）",
      customers: "客户数",
      predictedMean: "预测（平均）",
      actualMean: "实际（平均）",
      totalsTitle: "合计及每位客户的误差",
      totalPredicted: "预测合计",
      totalActual: "实际合计",
      mae: "平均绝对误差",
      rmse: "均方根误差",
      bias: "偏差（预测 − 实际）",
      trackingTitle: "累计复购次数",
      periodColumn: "期",
      periodEnd: "期末",
      actual: "实际",
      expected: "预期",
      holdout: "留出期",
      decilesTitle: "按客户十分位：存活概率与留出期内是否购买",
      decile: "十分位",
      meanPAlive: "平均存活概率",
      boughtShare: "购买客户占比",
      groupsChart: "按校准期复购次数分组的留出期复购次数",
      trackingChart: "累计复购次数：实际与预期",
      diagnosticsTitle: "校准期拟合的诊断",
      summaryTitle: "检验概要",
      calibrationStart: "校准期开始",
      calibrationEnd: "校准期结束日",
      holdoutEnd: "留出期结束日",
      model: "模型",
      unit: "单位",
      customersChecked: "客户数（校准期结束前购买过）",
      part: "阶段",
      calibrationPart: "校准期",
      decilesChart: "存活概率与留出期内购买客户占比",
      groupsAxis: "留出期复购次数（每位客户平均）",
      trackingPeriodAxis: (unit: string, first: number) => `期（${unit}）；留出期从第 ${first} 期开始`,
      trackingValueAxis: "累计复购次数",
      decileAxis: "按存活概率划分的客户十分位（从低到高）",
      shareAxis: "客户占比",
      errors: {
        badDate: (label: string, value: string) => `${label}“${value}”不是日期；请使用 YYYY-MM-DD，例如 2011-06-30，或留空以使用默认值。`,
        beforeData: (label: string, end: string, first: string, last: string) => `${label} ${end} 早于第一次购买（${first}）；请选择 ${first} 至 ${last} 之间的日期。`,
        afterData: (label: string, end: string, last: string) => `${label} ${end} 不早于最后一次购买（${last}），之后没有可供对比的购买；请选择更早的日期，或留空以使用默认值。`,
        holdoutNotAfter: (holdoutLabel: string, holdoutEnd: string, calibrationLabel: string, calibrationEnd: string) =>
          `${holdoutLabel} ${holdoutEnd} 不晚于${calibrationLabel}（${calibrationEnd}）；请选择更晚的日期，或留空以使用最后一次购买的日期。`,
        noRepeat: (label: string, end: string) => `到${label}（${end}）为止没有客户在两个不同日期购买过，模型无法拟合；请选择更晚的日期。`,
        noData: "没有可检验的购买：没有任何一行同时包含客户、日期和不小于 0 的金额。",
      },
    },
    pane: {
      warningTitle: "预测结果需谨慎使用",
      warningMore: (count: number) => (count === 1 ? "" : `另有 ${count - 1} 项`),
      churnRankedBy: "流失预警按距上次购买的天数与客户自身典型间隔之比（生命周期）排列，而不是按存活概率，因为模型无法识别流失。",
      checkModel: "检验模型",
      checkHelp: "用上方选择的模型和单位，以校准期结束日之前的购买拟合，再将预测与客户在该日之后的实际行为对比，并写入带图表的“模型检验”工作表。",
      calibrationEnd: "校准期结束日",
      calibrationEndHint: "之后的购买为留出期。留空：从第一次购买到最后一次购买的三分之二处，即最后三分之一为留出期。",
      holdoutEnd: "留出期结束日",
      holdoutEndHint: "留空：最后一次购买的日期。",
      checking: "正在检验模型…",
      checkFailed: "无法检验模型",
      checkDone: (sheet: string, mae: string, bias: string) => `已写入“${sheet}”工作表：每位客户的平均绝对误差为 ${mae} 次购买，偏差 ${bias}。`,
      checkDates: (start: string, end: string, holdoutEnd: string, byDefault: boolean) =>
        `校准期 ${start} 至 ${end}${byDefault ? "（默认：时间跨度的三分之二处）" : ""}，留出期至 ${holdoutEnd}。`,
      checkTotals: (predicted: string, actual: string) => `留出期复购次数：预测 ${predicted} 次，实际 ${actual} 次。`,
      checkLine: (done: string, totals: string, dates: string) => `${done}${totals}${dates}`,
      checkSheet: "模型检验",
      margin: "毛利率",
      marginHint: "0 到 1，例如 0.3；留空：只计算收入 CLV。",
      marginBad: (value: string) => `毛利率“${value}”不是 0 到 1 之间的数；请使用例如 0.3。`,
      revenueClv: "收入 CLV",
      marginClv: "毛利 CLV",
    },
    cli: {
      calibrationEndRequired: "请用 --calibration-end YYYY-MM-DD 给出校准期结束日；之后的购买为留出期。",
      badDate: (option: string, value: string) => `${option} 为“${value}”；请使用日期，例如 1997-09-30。`,
      checkSummary: (predicted: string, actual: number, mae: string, rmse: string, bias: string) =>
        `留出期：预测复购 ${predicted} 次，实际 ${actual} 次；每位客户的 MAE ${mae}，RMSE ${rmse}，偏差 ${bias}。`,
      withinColumn: "p_purchase_within：在 --within 个单位内至少购买一次的概率。",
      diagnosticsHeading: "拟合诊断：",
    },
  },
};
