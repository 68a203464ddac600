/** Simplified Chinese for en/overrides.ts: typed against it, so a missing or extra key is a type error. */
import type { OverridesMessages } from "../en/overrides";

export const overrides: OverridesMessages = {
  overrides: {
    sheet: "人工调整",
    headers: { customer: "客户", tier: "分层或等级", reason: "原因", until: "有效期至" },
    columns: { finalTier: "最终分层", overridden: "已人工调整", reason: "调整原因", until: "调整有效期至" },
    where: {
      tableRow: (sheet: string, row: number) => `${sheet}第${row}行`,
      line: (file: string, line: number) => `${file}第${line}行`,
    },
    problems: {
      blankCustomer: (where: string, value: string) => (value ? `${where}：客户“${value}”不是客户编号；请按数据中的写法输入客户编号。` : `${where}：客户为空；请输入客户编号或删除该行。`),
      blankTier: (where: string) => `${where}：分层为空；请输入本次运行的某个分层或删除该行。`,
      unknownTier: (where: string, value: string, known: string) => `${where}：“${value}”不是本次运行的分层（${known}）；请输入其中一个名称。`,
      badUntil: (where: string, value: string) => `${where}：“${value}”不是日期；请输入调整生效的最后一天（如 2026-12-31），无截止日期则留空。`,
      duplicate: (where: string, customer: string, applies: string) => `${where}：客户 ${customer} 在${applies}另有一条调整，以那条为准（有效期更长）；请删除其中一条。`,
      unknownCustomer: (where: string, customer: string) => `${where}：客户 ${customer} 不在本次运行的数据中；待该客户出现后调整才会生效。`,
    },
    separator: "、",
    more: (count: number) => `……另有 ${count} 条。`,
    pane: {
      title: "人工调整",
      help: "为客户指定分层，并注明原因和截止日期；保存在工作簿中，每次运行都会应用。运行自身算出的分层仍显示在旁边。",
      add: "添加人工调整表",
      open: "转到人工调整表",
      added: (sheet: string) => `人工调整表在工作表“${sheet}”上。请填写客户、分层、原因和截止日期，然后重新运行。`,
      exists: (sheet: string) => `工作表“${sheet}”上已有人工调整表，保持原样未动。`,
      none: "尚无人工调整表。",
      counts: (active: number, expired: number, unmatched: number) => `人工调整：已应用 ${active} 条，已失效 ${expired} 条，不在数据中 ${unmatched} 条。`,
      problemsTitle: "人工调整表中未使用的行",
    },
    cli: {
      counts: (file: string, active: number, expired: number, unmatched: number) => `${file}：已应用 ${active} 条人工调整，已失效 ${expired} 条，不在数据中 ${unmatched} 条。`,
      needsId: "--overrides 按客户编号匹配客户：请用 --id 指定编号列。",
      missingColumn: (file: string, column: string) => `${file} 没有“${column}”列；人工调整文件需要 customer,tier（或 level）列，可另有 reason,until 列。`,
    },
  },
};
