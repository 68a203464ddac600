/** Simplified Chinese for en/levels.ts: typed against it, so a missing or extra key is a type error. */
import type { LevelsMessages } from "../en/levels";

export const levels: LevelsMessages = {
  levels: {
    where: {
      row: (argument, row) => `“${argument}”第 ${row} 行`,
      line: (file, line) => `${file} 第 ${line} 行`,
      policy: (argument) => `“${argument}”`,
    },
    errors: {
      empty: (where) => `${where}中没有任何等级；请每个等级一行：名称、入门门槛、保级门槛，从最低等级开始。`,
      tooMany: (where, count, max) => `${where}有 ${count} 个等级，一个等级规则最多 ${max} 个；请合并部分等级。`,
      blankName: (where) => `${where}：该等级没有名称；请在第一列写上名称（任何语言均可）。`,
      duplicateName: (where, name) => `${where}：等级名称“${name}”出现了两次；请为每个等级取不同的名称。`,
      notFinite: (where, field, value) => `${where}：${field === "entry" ? "入门" : "保级"}门槛“${value}”不是数字；请填写数字，例如 200。`,
      keepAboveEntry: (where, name, keep, entry) =>
        `${where}：等级“${name}”的保级门槛 ${keep} 高于入门门槛 ${entry}；保级门槛不能高于入门门槛。请降低保级门槛或提高入门门槛。`,
      order: (where, name, entry, previousName, previous) =>
        `${where}：等级“${name}”的入门门槛 ${entry} 不高于“${previousName}”（${previous}）；请从最低等级开始排列，每个等级的入门门槛都高于前一个。`,
      metric: (argument, value) => `“${argument}”为“${value}”；请使用 spend（金额）或 orders（订单数）。`,
      months: (argument, value, max) => `“${argument}”为 ${value}；请使用 1 到 ${max} 之间的整数月数。`,
      range: (from, to) => `评审开始日期（${from}）晚于截至日期（${to}）；请给出不晚于截至日期的开始日期。`,
      tooManyReviews: (from, to, max) => `从 ${from} 到 ${to} 的月末评审超过 ${max} 次；请缩短范围（推迟开始日期或提前截至日期）。`,
    },
    headers: ["客户", "等级", "起始日期", "到期日期", "指标", "距下一等级", "距保级", "下次评审将降级"],
    yes: "是",
    no: "否",
    reasons: { upgrade: "升级", kept: "保级", downgrade: "降级", override: "人工调整" },
    policyHeader: ["等级", "名称", "入门", "保级"],
    cli: {
      missingPolicy: "tier levels 需要 --policy POLICY.csv：包含 level,entry,keep 三列的文件，每个等级一行，从最低等级开始。",
      policyColumns: (file, missing) => `${file} 中没有“${missing}”列；等级规则文件的列为 level,entry,keep。`,
      policyNumber: (file, line, column, value) => `${file} 第 ${line} 行：${column}“${value}”不是数字；请填写数字，例如 200。`,
      help: {
        policy: "等级规则：包含 level,entry,keep 三列的 CSV 文件，每个等级一行，从最低等级开始（保级门槛 ≤ 入门门槛）。",
        levelsFrom: "首次评审：从该日期起的每个月末（以及截至日期）进行评审。",
        levelsTo: "截至日期：最后一次评审。",
        metric: "门槛在窗口内统计的指标：spend（扣除退货后的金额）或 orders（订单数）。",
        levelWindow: "指标的滚动窗口，单位为月。",
        validity: "等级保持多少个月后进行保级评审。",
        changes: "同时把等级变动历史（customer,date,from,to,reason）写入该文件。",
      },
      usage: `等级（issue 15）：
  tier levels FILE.csv --policy POLICY.csv [--from DATE] [--to DATE] [--metric spend|orders]
                    [--window-months 12] [--validity-months 12] [--format csv|json] [--changes CHANGES.csv]
      每位客户一行：level、since、expires、metric、gap_to_next、gap_to_keep、downgrades_next_review`,
    },
  },
};
