/** Simplified Chinese for en/levels.ts: typed against it, so a missing or extra key is a type error. */
import type { LevelsMessages } from "../en/levels";

export const levels: LevelsMessages = {
  levels: {
    where: {
      line: (file, line) => `${file} 第 ${line} 行`,
    },
    errors: {
      empty: (where) => `${where}中没有任何等级；请每个等级一行：名称、入门门槛、保级门槛，从最低等级开始。`,
      tooMany: (where, count, max) => `${where}有 ${count} 个等级，一个等级规则最多 ${max} 个；请合并部分等级。`,
      blankName: (where) => `${where}：该等级没有名称；请在第一列写上名称（任何语言均可）。`,
      duplicateName: (where, name) => `${where}：等级名称“${name}”出现了两次；请为每个等级取不同的名称。`,
      notFinite: (where, field, value) => `${where}：${field === "entry" ? "入门" : "保级"}门槛“${value}”不是数字；请填写数字，例如 200。`,
      tooLarge: (where, field, value, max) => `${where}：${field === "entry" ? "入门" : "保级"}门槛 ${value} 超出 ±${max.toExponential()}，任何金额或订单数都达不到；请检查该数字。`,
      keepAboveEntry: (where, name, keep, entry) =>
        `${where}：等级“${name}”的保级门槛 ${keep} 高于入门门槛 ${entry}；保级门槛不能高于入门门槛。请降低保级门槛或提高入门门槛。`,
      order: (where, name, entry, previousName, previous) =>
        `${where}：等级“${name}”的入门门槛 ${entry} 不高于“${previousName}”（${previous}）；请从最低等级开始排列，每个等级的入门门槛都高于前一个。`,
      missing: (where, field) => `${where}：${field === "entry" ? "入门" : "保级"}门槛为空；请填写数字，例如 200（如果这一行不是等级，请删除该行）。`,
      notPolicyShape: (argument, columns) => `“${argument}”有 ${columns} 列；请给出三列：等级名称、入门门槛、保级门槛（每个等级一行，从最低等级开始，标题行可有可无）。`,
      metric: (argument, value) => `“${argument}”为“${value}”；请使用 spend（金额）或 orders（订单数）。`,
      months: (argument, value, max) => `“${argument}”为 ${value}；请使用 1 到 ${max} 之间的整数月数。`,
      range: (from, to) => `评审开始日期（${from}）晚于截至日期（${to}）；请给出不晚于截至日期的开始日期。`,
      tooManyReviews: (from, to, max) => `从 ${from} 到 ${to} 的月末评审超过 ${max} 次；请缩短范围（推迟开始日期或提前截至日期）。`,
    },
    headers: ["客户", "等级", "起始日期", "到期日期", "指标", "距下一等级", "距保级", "下次评审将降级"],
    reasons: { upgrade: "升级", kept: "保级", downgrade: "降级", override: "人工调整" },
    cli: {
      missingPolicy: "tier levels 需要 --policy POLICY.csv：包含 level,entry,keep 三列的文件，每个等级一行，从最低等级开始。",
      policyColumns: (file, missing) => `${file} 中没有“${missing}”列；等级规则文件的列为 level,entry,keep。`,
      policyNumber: (file, line, column, value) => `${file} 第 ${line} 行：${column}“${value}”不是数字；请填写数字，例如 200。`,
      summaryWithChanges: "tier levels --summary 每个等级输出一行，不写变动记录：如需 --changes，请去掉 --summary 再运行一次。",
    },
  },
};
