/** Simplified Chinese for en/compare-upgrades.ts: typed against it, so a missing or extra key is a type error. */
import type { CompareUpgradesMessages } from "../en/compare-upgrades";

export const compareUpgrades: CompareUpgradesMessages = {
  compareUpgrades: {
    line: (count: string, per: string, cost: string, change: string, net: string) =>
      `升级激励：${count} 人升级 × ${per} = ${cost}；升级客户的收入变化 ${change}；净额 ${net}。`,
    noRevenue: (count: string, per: string, cost: string) => `升级激励：${count} 人升级 × ${per} = ${cost}；快照中没有收入，收入变化无定义。`,
    noOrder: "升级激励：无定义，因为这些分层没有从高到低的顺序。",
  },
};
