/** 自定义函数的数据超出 Excel 上限时的提示（见 src/functions/size.ts）。 */
import type { ExcelLimitsMessages } from "../en/excel-limits";

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
const count = (n: number) => n.toLocaleString("en-US");

export const excelLimits: ExcelLimitsMessages = {
  excelLimits: {
    tooMuchInput: (bytes: number, rows: number, maxRows: number) =>
      `此公式传入 ${mb(bytes)} MB 数据（${count(rows)} 行），而 Excel 最多向自定义函数传入 5 MB，约 ${count(maxRows)} 行这样的数据。` +
      `请改用 Tiering 任务窗格运行分析：它分块读取工作表，最多可读取整张工作表。`,
    tooMuchOutput: (bytes: number, rows: number, maxRows: number) =>
      `结果为 ${mb(bytes)} MB（${count(rows)} 行），而 Excel 最多显示自定义函数返回的 5 MB，约 ${count(maxRows)} 行这样的结果。` +
      `请改用 Tiering 任务窗格运行分析：它分块写入结果。`,
    historySetAside: (sheets: string) => `无法读取此工作簿分层历史的索引，因此本次运行新建了一份历史。原有历史保持原样，保存在隐藏工作表“${sheets}”中，其中内容均未删除。`,
  },
};
