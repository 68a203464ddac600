/** Simplified Chinese for en/hostile-15.ts: typed against it, so a missing or extra key is a type error. */
import type { Hostile15Messages } from "../en/hostile-15";

export const hostile15: Hostile15Messages = {
  hostile15: {
    levelChangesTooMany: (sheet, max) => `“${sheet}”工作表需要超过 ${max.toLocaleString("zh-CN")} 行，超出 Excel 工作表在标题下能容纳的行数。每位客户每次评审保级都会增加一行：请设置更长的有效期，或更早的分析日期。`,
    levelsSheetTooLong: (sheet, rows, max) => `“${sheet}”工作表需要 ${rows.toLocaleString("zh-CN")} 行，超出 Excel 工作表在标题下能容纳的 ${max.toLocaleString("zh-CN")} 行；请每次分析较少的客户。`,
  },
};
