/** Simplified Chinese for en/ownership.ts: typed against it, so a missing or extra key is a type error. */
import type { OwnershipMessages } from "../en/ownership";

const list = (names: string[]) => names.map((n) => `“${n}”`).join("、");

export const ownership: OwnershipMessages = {
  ownership: {
    keptTitle: "已保留修改过的工作表",
    keptEdited: (sheets: string[], written: string[]) =>
      `分析运行期间工作表${list(sheets)}被修改，因此本次运行保留了${sheets.length === 1 ? "它" : "它们"}的现状：${sheets.length === 1 ? "该工作表" : "这些工作表"}现在归你所有，加载项不会再替换。本次运行的结果在${list(written)}中。`,
  },
};
