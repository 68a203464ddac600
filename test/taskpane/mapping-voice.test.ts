/**
 * Issue 15 §4: the voice columns' roles guessed from their headers in English and Chinese, never taking a
 * column another role wants, and a mapping saved before they existed reading them as unmapped.
 */
import { describe, expect, it } from "vitest";
import { EMPTY_MAPPING, guessMapping, mappingFor } from "../../src/taskpane/mapping";

describe("guessing the voice columns", () => {
  it("maps English survey headers", () => {
    const header = ["Customer ID", "Order date", "Amount", "NPS", "CSAT", "Complaints", "Referrals", "Engagement score"];
    expect(guessMapping(header)).toEqual({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2, nps: 3, satisfaction: 4, complaints: 5, referrals: 6, engagement: 7 });
  });

  it("maps Chinese survey headers: 净推荐值 is NPS, 推荐/转介绍 referrals, 互动/活跃度 engagement", () => {
    const header = ["会员编号", "下单时间", "实付金额", "净推荐值", "满意度", "投诉次数", "转介绍人数", "活跃度"];
    expect(guessMapping(header)).toEqual({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2, nps: 3, satisfaction: 4, complaints: 5, referrals: 6, engagement: 7 });
    const other = ["客户", "日期", "金额", "推荐值", "客户满意度", "客诉", "推荐人数", "互动次数"];
    expect(guessMapping(other)).toEqual({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2, nps: 3, satisfaction: 4, complaints: 5, referrals: 6, engagement: 7 });
  });

  it("keeps a rating that is no survey answer as the extra measure, and guesses nothing for headers that say nothing", () => {
    expect(guessMapping(["customer", "date", "amount", "rating"])).toEqual({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2, extra: 3 });
    expect(guessMapping(["customer", "date", "amount", "notes"])).toEqual({ ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2 });
  });

  it("reads a mapping saved before the voice roles as the same mapping with them unmapped", () => {
    const saved = { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 };
    const read = mappingFor(saved, ["a", "b", "c", "NPS"], []);
    expect(read).toEqual({ ...EMPTY_MAPPING, ...saved });
    expect(read.nps).toBe(-1);
  });
});
