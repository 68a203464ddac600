import type { Messages } from "./en";

/** Simplified Chinese catalog: the same keys as en.ts. */
export const zhCN: Messages = {
  locale: "zh-CN",
  product: {
    name: "Tiering 客户分层",
    tagline: "在 Excel 中做客户分层：RFM 分群、ABC 分类和客户终身价值。",
  },
  segments: {
    champions: "冠军客户",
    potentialLoyalist: "潜在忠诚客户",
    loyalCustomers: "忠诚客户",
    promising: "有潜力客户",
    newCustomers: "新客户",
    cantLoseThem: "不能失去的客户",
    atRisk: "有流失风险客户",
    needAttention: "需要关注客户",
    aboutToSleep: "即将沉睡客户",
    lost: "已流失客户",
    others: "其他",
    importantValue: "重要价值客户",
    importantDevelop: "重要发展客户",
    importantKeep: "重要保持客户",
    importantRetain: "重要挽留客户",
    generalValue: "一般价值客户",
    generalDevelop: "一般发展客户",
    generalKeep: "一般保持客户",
    generalRetain: "一般挽留客户",
  },
  dimensions: {
    recency: "最近购买",
    frequency: "购买频次",
    monetary: "消费金额",
  },
  columns: {
    customer: "客户",
    recencyDays: "最近购买距今（天）",
    frequency: "购买频次",
    monetary: "消费金额",
    r: "R",
    f: "F",
    m: "M",
    rfm: "RFM",
    segment: "客户分群",
    orders: "订单数",
    revenue: "收入",
    customers: "客户数",
    abcClass: "ABC 类别",
    value: "数值",
    clv: "客户终身价值",
  },
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
    unknownScheme: (value) =>
      `“segments”为“${value}”；请使用 "rfm"、"cn8" 或规则区域（名称、R 最小、R 最大、F 最小、F 最大、M 最小、M 最大）。`,
    badRule: (row, what) => `“segments”规则第 ${row} 行：${what}。`,
    ruleNameBlank: "名称为空",
    ruleBound: (column, value) => `${column} 为“${value}”；请使用整数分值或留空`,
    ruleRange: (column) => `${column} 的最小值大于最大值`,
    badAsOf: (value) => `“as_of”为“${value}”；请使用日期（日期单元格或 2024-01-05）。`,
    asOfBeforeData: (asOf, last) => `“as_of”（${asOf}）早于最近一次购买（${last}），最近购买天数将为负；请使用更晚的日期。`,
    badBoolean: (argument, value) => `“${argument}”为“${value}”；请使用 TRUE 或 FALSE。`,
    negativeInput: (argument, where, value) => `${where ? `${where}：` : ""}“${argument}”为 ${value}，不能为负数。`,
    marginOutOfRange: (where, value) => `${where ? `${where}：` : ""}“margin”为 ${value}；请使用 0 到 1 之间的比例（30% 即 0.3）。`,
    discountOutOfRange: (where, value) => `${where ? `${where}：` : ""}“discount_rate”为 ${value}；请使用 0 到 1 之间的年利率（10% 即 0.1）。`,
    breakpointsShape: (rows, columns) =>
      `“bins”是 ${rows}×${columns} 的区域；请给出 2 到 10 之间的数字，或按三行（或三列）给出最近购买、频次、金额的分界点。`,
    breakpointsOrder: (dimension) => `${dimension}的分界点必须是递增的数字。`,
    tooManyBreakpoints: (dimension, count) => `${dimension}的分界点有 ${count} 个；最多 9 个（10 个分值级别）。`,
  },
  cli: {
    usage: `用法：
  tier rfm 文件.csv [--customer 列] [--date 列] [--amount 列] [--as-of YYYY-MM-DD]
                    [--bins N] [--frequency orders|days] [--monetary total|average]
                    [--segments rfm|cn8|规则.csv] [--summary] [--format csv|json]
                    [--r-breaks 30,90,180,365] [--f-breaks 1,2,5,10] [--m-breaks 100,250,500,1000]
  tier abc 文件.csv --value 列 [--a-cut 0.8] [--b-cut 0.95] [--basis value|count]
                    [--id 列] [--summary] [--format csv|json]
  tier clv 文件.csv [--avg-purchase 列] [--frequency 列] [--lifespan 列] [--margin 列|数值]
                    [--discount-rate 利率] [--id 列] [--format csv|json]
  tier clv --avg-purchase N --frequency N --lifespan N --margin N [--discount-rate 利率]
  tier bench [文件.csv] [--rows N]

列名默认为 customer_id、date 和 amount。提示语言随 LANG 而定（zh_CN 为中文）。`,
    unknownCommand: (name) => `未知命令“${name}”。`,
    unknownOption: (name) => `未知选项“${name}”。`,
    missingValue: (name) => `选项 ${name} 需要一个值。`,
    missingFile: "请给出要读取的 CSV 文件。",
    unreadable: (file, reason) => `无法读取 ${file}：${reason}`,
    emptyFile: (file) => `${file} 是空文件；需要一行标题和若干数据行。`,
    missingColumn: (name, file, found) => `${file} 中没有列“${name}”；现有的列为：${found}。`,
    badNumberOption: (name, value) => `选项 ${name} 为“${value}”；请给出数字。`,
    badChoice: (name, value, allowed) => `选项 ${name} 为“${value}”；请使用以下之一：${allowed}。`,
    skippedRows: (count, total) => `在 ${total} 行中略去了 ${count} 行：`,
    nonPositiveRows: (count, total) => `${total} 个数值中有 ${count} 个为零或负数（归为 C 类）：`,
    line: (line) => `第 ${line} 行`,
    csvRow: (row, column, what) => `  第 ${row} 行，列 ${column}：${what}`,
  },
  pane: {
    welcomeTitle: "欢迎使用 Tiering 客户分层",
    welcomeBody: "在任意单元格中输入 TIER 函数即可为客户分层。完整的分析窗格将在后续版本中提供。",
    functionsHeading: "函数",
    languageLabel: "语言",
    rfmHelp: "根据交易记录计算 RFM 分值和客户分群",
    rfmScoreHelp: "根据客户列计算 RFM 分值和客户分群",
    abcHelp: "ABC（帕累托）分类",
    clvHelp: "客户终身价值",
    languageEnglish: "English",
    languageChinese: "中文",
  },
  ribbon: {
    groupLabel: "客户分层",
    openPaneLabel: "显示 Tiering",
    openPaneTip: "打开 Tiering 窗格，为客户分层。",
    getStartedTitle: "开始使用 Tiering 客户分层",
    getStartedDescription: "Tiering 已就绪。在单元格中输入 =TIER. 即可查看其函数，或在“开始”选项卡上选择“显示 Tiering”。",
  },
};
