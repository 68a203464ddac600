/** Simplified Chinese for en/ownership.ts: typed against it, so a missing or extra key is a type error. */
import type { OwnershipMessages } from "../en/ownership";

export const ownership: OwnershipMessages = {
  ownership: {
    keptTitle: "已保留修改过的工作表",
    keptEdited: (count: number, sheets: string, written: string) =>
      `加载项处理期间工作表${sheets}被修改，因此保留了${count === 1 ? "它" : "它们"}的现状：${count === 1 ? "该工作表" : "这些工作表"}现在归你所有，加载项不会再替换。新的结果在${written}中。`,
    quoted: (name: string) => `“${name}”`,
    separator: "、",
  },
};
