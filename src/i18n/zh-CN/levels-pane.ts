/** Simplified Chinese for en/levels-pane.ts: typed against it, so a missing or extra key is a type error. */
import type { LevelsPaneMessages } from "../en/levels-pane";

export const levelsPane: LevelsPaneMessages = {
  levelsPane: {
    heading: "会员等级",
    intro:
      "客户所在的会员计划：近几个月的消费金额（或订单数）达到某个等级的入门门槛即升入该等级；每次评审时只要不低于保级门槛即可保级，否则降级。每个月末评审一次。",
    needsSettings: "请先在上方选择数据和设置：会员等级按同一份数据计算。",

    gridCaption: "会员等级，从低到高。入门门槛：升入该等级需要达到的指标值。保级门槛：有效期结束后的那次评审中，保住该等级需要不低于的指标值。",
    columns: { name: "等级", entry: "入门门槛", keep: "保级门槛" },
    cell: (row: string, column: string) => `等级 ${row}：${column}`,
    addLevel: "添加等级",
    removeLevel: (row: string) => `删除等级 ${row}`,
    moveUp: (row: string) => `将等级 ${row} 上移`,
    moveDown: (row: string) => `将等级 ${row} 下移`,
    metric: "指标",
    metricOptions: { spend: "消费金额", orders: "订单数" },
    window: "指标时间窗口（月）",
    windowHint: "指标只计每次评审之前最近 N 个月的购买。",
    validity: "有效期（月）",
    validityHint: "升入或保住一个等级后，该等级保持这么久；之后由下一次评审决定。",
    review: "评审：每个月末。",

    examples: "示例",
    examplesEnglish: "英文名称",
    examplesChinese: "中文名称",
    examplesHint:
      "用四个等级填充表格：入门门槛分别取分析日期时各客户在时间窗口内指标的中位数、第 75、第 90 和第 97 百分位数（取整），保级门槛取入门门槛的 80%。可以随意修改。",
    suggesting: "正在读取数据…",
    suggestFailed: "无法计算示例",
    noCustomers: "分析日期时的时间窗口内没有购买，无法按数据确定示例的门槛。",

    problems: {
      noLevels: "请至少添加一个等级。",
      blankName: (row: string) => `等级 ${row} 没有名称。`,
      duplicateName: (row: string, name: string) => `等级 ${row}：名称“${name}”已被其他等级使用；请为每个等级取不同的名称。`,
      badNumber: (row: string, column: string, value: string) => `等级 ${row}：${column}“${value}”不是数字；请填写数字，例如 200。`,
      tooLarge: (row: string, column: string, value: string, max: string) => `等级 ${row}：${column} ${value} 超出可精确比较的范围（±${max}）；请使用较小的数。`,
      tooMany: (count: number, max: number) => `表格中有 ${count} 个等级；一套规则最多 ${max} 个。`,
      keepAboveEntry: (row: string) => `等级 ${row}：保级门槛高于入门门槛；保级门槛必须不高于入门门槛。`,
      notAscending: (row: string) => `等级 ${row}：入门门槛必须高于表格中上一个等级的入门门槛（最低的等级在前）。`,
      badWindow: (value: string, max: number) => `时间窗口“${value}”不是 1 到 ${max} 之间的整月数。`,
      badValidity: (value: string, max: number) => `有效期“${value}”不是 1 到 ${max} 之间的整月数。`,
      other: (code: string) => `该等级规则无法使用（${code}）。`,
    },

    run: "计算会员等级",
    running: "正在计算会员等级…",
    failed: "无法计算会员等级",
    done: (sheet: string, customers: string, asOf: string) => `已写入“${sheet}”：${customers} 位客户，等级截至 ${asOf}。`,
    perLevel: "各等级客户数",
    customersColumn: "客户数",
    noLevel: "（无等级）",
    warnings: (count: string, sheet: string) => `${count} 位客户若不增加消费，将在下一次评审时降级：见“${sheet}”。`,
    noWarnings: "下一次评审时没有客户降级。",
    changes: (count: string, sheet: string) => `自第一次评审以来的 ${count} 次等级变动见“${sheet}”。`,

    book: {
      levelsSheet: "会员等级",
      changesSheet: "等级变动",
      warningsSheet: "降级预警",
      levelsTitle: (asOf: string, metric: string, window: number, validity: number) =>
        `截至 ${asOf} 的会员等级：按最近 ${window} 个月的${metric}计算，等级有效期 ${validity} 个月，每个月末评审`,
      levelsNote:
        "距下一等级：指标还需增加多少才能升入下一等级（最高等级留空）。距保级：到期评审时指标还需增加多少才能保级。没有等级的客户，“起始日期”和“到期日”留空。",
      changesTitle: (first: string, last: string, reviews: string) => `从 ${first} 到 ${last} 的 ${reviews} 次评审中的等级变动（每个月末，分析日期不是月末时也包括分析日期）`,
      warningsTitle: (next: string) => `若指标不增长将在下一次评审（${next}）时降级的客户，差距最小的在前`,
      levelsColumns: {
        customer: "客户",
        level: "等级",
        since: "起始日期",
        expires: "到期日",
        metric: (metric: string) => `${metric}（时间窗口内）`,
        gapToNext: "距下一等级",
        gapToKeep: "距保级",
        downgrades: "下次评审降级",
      },
      changesColumns: { customer: "客户", date: "日期", from: "原等级", to: "新等级", reason: "原因" },
      warningsColumns: { customer: "客户", level: "等级", expires: "到期日", metric: (metric: string) => `${metric}（时间窗口内）`, keep: "保级门槛", need: "保级还需", dropsTo: "将降至" },
      reasons: { upgrade: "升级", kept: "保级", downgrade: "降级", override: "人工调整" },
      yes: "是",
      none: "（无）",
    },
    errors: {
      noPurchases: "数据中没有在分析日期当天或之前的购买，因此还没有客户获得等级。",
      policy: (problems: string) => `该等级规则无法使用：${problems}`,
    },
  },
};
