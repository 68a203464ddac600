/**
 * Membership levels (issue 15 §1): one hand-made history per rule (entry at the first review after the first
 * purchase, upgrade resets since and expires, kept at expiry, drop to the highest lower level whose keep is met,
 * drop to none, orders), the review dates, returns, rows after the as-of date or out of order, the downgrade
 * warning, and each of the policy's checks.
 */
import { describe, expect, it } from "vitest";
import { parseDateText, serialToIsoDate } from "../../../src/core/cells/dates";
import { computeLevels, levelAfterDowngrade, levelPolicyProblems, levelReviewDates, NO_DATE, NO_LEVEL, type LevelPolicy, type LevelsResult } from "../../../src/core/over-time/levels";
import { readTransactions } from "../../../src/core/transactions/read";
import { expectCoreError } from "../../support/core-error";

const d = (s: string) => parseDateText(s);
const iso = (serial: number) => (serial === NO_DATE ? "" : serialToIsoDate(serial));
const tx = (rows: [string, string, number][]) =>
  readTransactions({ customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) });

const POLICY: LevelPolicy = {
  levels: [
    { name: "普通", entry: 100, keep: 50 },
    { name: "银卡", entry: 200, keep: 150 },
    { name: "金卡", entry: 500, keep: 400 },
  ],
  metric: "spend",
  windowMonths: 12,
  validityMonths: 12,
};

/** One customer's row of the result, dates as ISO text, and its changes. */
function row(result: LevelsResult, id: string) {
  const c = result.customerIds.indexOf(id);
  expect(c).toBeGreaterThanOrEqual(0);
  return {
    level: result.level[c],
    since: iso(result.since[c]),
    expires: iso(result.expires[c]),
    metric: result.metric[c],
    gapToNext: result.gapToNext[c],
    gapToKeep: result.gapToKeep[c],
    downgrades: result.downgradesNextReview[c] === 1,
    changes: result.changes.filter((ch) => ch.customer === c).map((ch) => `${iso(ch.date)} ${ch.from}→${ch.to} ${ch.reason}`),
  };
}

describe("the rules, one history each", () => {
  it("enters at the first review on or after the first purchase (a purchase on a month-end counts that day)", () => {
    const t = tx([
      ["a", "2024-01-15", 120],
      ["b", "2024-01-31", 120],
    ]);
    const r = computeLevels(t, POLICY, d("2024-02-29"));
    expect(row(r, "a")).toMatchObject({ level: 0, since: "2024-01-31", expires: "2025-01-31", changes: ["2024-01-31 -1→0 upgrade"] });
    expect(row(r, "b")).toMatchObject({ level: 0, since: "2024-01-31", expires: "2025-01-31" });
  });
  it("an entry of 0 does not give a level before the customer's first purchase", () => {
    const zero: LevelPolicy = { ...POLICY, levels: [{ name: "member", entry: 0, keep: 0 }, ...POLICY.levels.slice(1)] };
    const t = tx([
      ["early", "2024-01-05", 10],
      ["late", "2024-03-10", 10],
    ]);
    const r = computeLevels(t, zero, d("2024-03-31"));
    expect(row(r, "late")).toMatchObject({ level: 0, since: "2024-03-31", changes: ["2024-03-31 -1→0 upgrade"] });
    expect(row(r, "early")).toMatchObject({ level: 0, since: "2024-01-31" });
  });
  it("an upgrade resets since and expires", () => {
    const t = tx([
      ["a", "2024-01-10", 120],
      ["a", "2024-03-05", 100],
    ]);
    const r = computeLevels(t, POLICY, d("2024-04-30"));
    expect(row(r, "a")).toMatchObject({
      level: 1,
      since: "2024-03-31",
      expires: "2025-03-31",
      metric: 220,
      gapToNext: 280,
      gapToKeep: 0,
      changes: ["2024-01-31 -1→0 upgrade", "2024-03-31 0→1 upgrade"],
    });
  });
  it("kept at expiry when the window meets keep: expires moves on, since does not", () => {
    const t = tx([
      ["a", "2024-01-10", 120],
      ["a", "2024-12-20", 60],
    ]);
    const r = computeLevels(t, POLICY, d("2025-02-28"));
    expect(row(r, "a")).toMatchObject({ level: 0, since: "2024-01-31", expires: "2026-01-31", metric: 60, changes: ["2024-01-31 -1→0 upgrade", "2025-01-31 0→0 kept"] });
  });
  it("not reviewed for keeping before it expires, however low the metric", () => {
    const t = tx([["a", "2024-01-10", 600]]);
    const r = computeLevels(t, POLICY, d("2024-12-31"));
    expect(row(r, "a")).toMatchObject({ level: 2, expires: "2025-01-31", metric: 600 });
    const later = computeLevels(tx([["a", "2023-03-10", 600], ["a", "2023-04-05", -590]]), POLICY, d("2023-12-31"));
    // The return nets the spend to 10, below every keep, but the level holds until 2024-03-31.
    expect(row(later, "a")).toMatchObject({ level: 2, metric: 10, gapToKeep: 390, downgrades: false });
  });
  it("a drop goes to the highest lower level whose keep the metric meets, not one step", () => {
    const t = tx([
      ["a", "2024-01-10", 600],
      ["a", "2024-10-10", 60],
      ["b", "2024-01-10", 600],
      ["b", "2024-10-10", 160],
    ]);
    const r = computeLevels(t, POLICY, d("2025-01-31"));
    // a: 60 ≥ keep(普通) 50 but < 150: two steps down. b: 160 ≥ keep(银卡) 150: one step.
    expect(row(r, "a")).toMatchObject({ level: 0, since: "2025-01-31", expires: "2026-01-31", changes: ["2024-01-31 -1→2 upgrade", "2025-01-31 2→0 downgrade"] });
    expect(row(r, "b")).toMatchObject({ level: 1, since: "2025-01-31", changes: ["2024-01-31 -1→2 upgrade", "2025-01-31 2→1 downgrade"] });
  });
  it("a drop to none when no keep is met: since is the review, expires none", () => {
    const t = tx([["a", "2024-01-10", 150]]);
    const r = computeLevels(t, POLICY, d("2025-03-31"));
    expect(row(r, "a")).toMatchObject({ level: NO_LEVEL, since: "2025-01-31", expires: "", metric: 0, gapToNext: 100, gapToKeep: 0, downgrades: false });
    expect(row(r, "a").changes).toEqual(["2024-01-31 -1→0 upgrade", "2025-01-31 0→-1 downgrade"]);
  });
  it("orders: rows with an amount ≥ 0 in the window (0 is a purchase, a return is not)", () => {
    const orders: LevelPolicy = { ...POLICY, metric: "orders", levels: [{ name: "a", entry: 2, keep: 1 }, { name: "b", entry: 4, keep: 3 }] };
    const t = tx([
      ["a", "2024-01-10", 5],
      ["a", "2024-01-11", 0],
      ["a", "2024-01-12", -5],
      ["a", "2024-02-02", 5],
    ]);
    const r = computeLevels(t, orders, d("2024-02-29"));
    expect(row(r, "a")).toMatchObject({ level: 0, metric: 3, gapToNext: 1, changes: ["2024-01-31 -1→0 upgrade"] });
  });
  it("spend nets returns off; a customer with only returns never enters", () => {
    const t = tx([
      ["a", "2024-01-10", 250],
      ["a", "2024-01-20", -100],
      ["r", "2024-01-05", -30],
    ]);
    const r = computeLevels(t, POLICY, d("2024-01-31"));
    expect(row(r, "a")).toMatchObject({ level: 0, metric: 150 });
    expect(row(r, "r")).toMatchObject({ level: NO_LEVEL, since: "", expires: "", metric: -30, gapToNext: 130, changes: [] });
  });
  it("warns of a downgrade at the next review when expires falls by then and the metric misses keep", () => {
    const t = tx([
      ["warn", "2024-01-10", 250],
      ["safe", "2024-01-10", 250],
      ["safe", "2024-12-10", 160],
      ["later", "2024-02-10", 250],
    ]);
    const r = computeLevels(t, POLICY, d("2024-12-31"));
    expect(r.reviews.next).toBe(d("2025-01-31"));
    expect(row(r, "warn")).toMatchObject({ level: 1, expires: "2025-01-31", metric: 250, downgrades: false });
    expect(row(r, "safe")).toMatchObject({ level: 1, metric: 410, downgrades: false });
    // A metric exactly at keep keeps the level (no warning); one below it warns.
    const t2 = tx([["warn", "2024-01-10", 250], ["warn", "2024-02-10", -100]]);
    const r3 = computeLevels(t2, POLICY, d("2024-12-31"));
    expect(row(r3, "warn")).toMatchObject({ level: 1, metric: 150, downgrades: false });
    const t3 = tx([["warn", "2024-01-10", 250], ["warn", "2024-02-10", -120]]);
    expect(row(computeLevels(t3, POLICY, d("2024-12-31")), "warn")).toMatchObject({ level: 1, metric: 130, gapToKeep: 20, downgrades: true });
    expect(row(r, "later").downgrades).toBe(false);
  });
});

describe("the level a warned customer drops to (levelAfterDowngrade, the Downgrade warnings sheet's column)", () => {
  it("is the level the replay gives at the next review when nothing enters or leaves the window", () => {
    // Gold from 2023-01-31 (expires 2024-01-31); returns in January 2024 bring the metric under gold's keep of 400.
    // With W = 24 nothing leaves the window before the next review, so the metric there is the same m.
    const policy: LevelPolicy = { ...POLICY, windowMonths: 24 };
    const t = tx([
      ["to-silver", "2023-01-10", 600],
      ["to-silver", "2024-01-05", -250],
      ["to-member", "2023-01-10", 600],
      ["to-member", "2024-01-05", -500],
      ["to-none", "2023-01-10", 600],
      ["to-none", "2024-01-05", -580],
    ]);
    const now = computeLevels(t, policy, d("2024-01-15"));
    const next = computeLevels(t, policy, d("2024-01-31"));
    expect(now.reviews.next).toBe(d("2024-01-31"));
    const expected: Record<string, number> = { "to-silver": 1, "to-member": 0, "to-none": NO_LEVEL };
    for (const [id, level] of Object.entries(expected)) {
      const c = now.customerIds.indexOf(id);
      expect(now.level[c]).toBe(2);
      expect(now.downgradesNextReview[c]).toBe(1);
      const warned = levelAfterDowngrade(policy.levels, now.level[c], now.metric[c]);
      expect(warned).toBe(level);
      expect(next.level[next.customerIds.indexOf(id)]).toBe(warned);
    }
  });
});

describe("review dates", () => {
  it("every month-end from the first purchase's month to as_of, plus as_of when it is not a month-end", () => {
    const { dates, next } = levelReviewDates(d("2024-01-15"), d("2024-04-10"));
    expect(dates.map(iso)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-10"]);
    expect(iso(next)).toBe("2024-04-30");
    const end = levelReviewDates(d("2024-01-31"), d("2024-03-31"));
    expect(end.dates.map(iso)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31"]);
    expect(iso(end.next)).toBe("2024-04-30");
  });
  it("as_of not a month-end is a review: a purchase that day counts, and the metric is over (EDATE(as_of, −W), as_of]", () => {
    const t = tx([
      ["a", "2023-04-10", 80],
      ["a", "2023-04-11", 40],
      ["a", "2024-04-10", 30],
    ]);
    const r = computeLevels(t, POLICY, d("2024-04-10"));
    // 2023-04-10 is on EDATE(2024-04-10, −12) and so outside; 2023-04-11 is inside.
    expect(row(r, "a")).toMatchObject({ level: 0, metric: 70 });
  });
  it("month-end reviews take month-end windows (EOMONTH): with W = 1 a 31 March purchase counts at the March review, not again at April's", () => {
    const monthly: LevelPolicy = { ...POLICY, windowMonths: 1, validityMonths: 1 };
    // EDATE(2024-04-30, −1) would be 2024-03-30 and put 31 March in April's window too.
    const t = tx([["a", "2024-03-31", 120]]);
    expect(row(computeLevels(t, monthly, d("2024-03-31")), "a")).toMatchObject({ level: 0, metric: 120, since: "2024-03-31", expires: "2024-04-30" });
    const april = row(computeLevels(t, monthly, d("2024-04-30")), "a");
    expect(april).toMatchObject({ level: NO_LEVEL, metric: 0 });
    expect(april.changes).toEqual(["2024-03-31 -1→0 upgrade", "2024-04-30 0→-1 downgrade"]);
    // From 29 February a year's validity ends on the month-end a year on (2025-02-28), as from 31 January.
    const leap = row(computeLevels(tx([["b", "2024-02-10", 120]]), POLICY, d("2024-02-29")), "b");
    expect(leap.expires).toBe("2025-02-28");
    // A month's validity from 30 April ends on 31 May (EDATE would give 30 May).
    const fromApril = row(computeLevels(tx([["c", "2024-04-10", 120]]), monthly, d("2024-04-30")), "c");
    expect(fromApril.expires).toBe("2024-05-31");
  });
  it("rows after as_of are left out; rows out of date order give the same result as sorted", () => {
    const rows: [string, string, number][] = [
      ["a", "2024-03-05", 100],
      ["b", "2024-01-02", 300],
      ["a", "2024-01-10", 120],
      ["a", "2024-06-01", 900],
    ];
    const shuffled = computeLevels(tx(rows), POLICY, d("2024-04-30"));
    const sorted = computeLevels(tx([rows[2], rows[0], rows[1]]), POLICY, d("2024-04-30"));
    expect(row(shuffled, "a")).toEqual(row(sorted, "a"));
    expect(row(shuffled, "b")).toEqual(row(sorted, "b"));
    expect(row(shuffled, "a").metric).toBe(220);
  });
  it("a start after as_of, or more than 1201 month-ends, is refused", () => {
    expectCoreError(() => levelReviewDates(d("2024-05-01"), d("2024-04-30")), "levelReviews", { reason: "range", from: "2024-05-01", to: "2024-04-30" });
    expectCoreError(() => levelReviewDates(d("1900-03-01"), d("2024-04-30")), "levelReviews", { reason: "tooMany" });
    expectCoreError(() => computeLevels(tx([["a", "2024-01-10", 1]]), POLICY, d("2023-01-01")), "asOfBeforeData");
  });
  it("a window's spend past the largest double names the row", () => {
    expectCoreError(() => computeLevels(tx([["a", "2024-01-10", 1e308], ["a", "2024-01-11", 1e308]]), POLICY, d("2024-01-31")), "sumOverflow", { row: 1, field: "amounts" });
  });
});

describe("levelPolicyProblems", () => {
  const reasons = (policy: Parameters<typeof levelPolicyProblems>[0]) => levelPolicyProblems(policy).map((p) => p.details.reason);
  it("a good policy has none", () => expect(levelPolicyProblems(POLICY)).toEqual([]));
  it("each rule, as a code and facts", () => {
    expect(reasons({ ...POLICY, levels: [] })).toEqual(["empty"]);
    expect(reasons({ ...POLICY, levels: null })).toEqual(["empty"]);
    const bad = levelPolicyProblems({
      ...POLICY,
      levels: [
        { name: "a", entry: 100, keep: 120 },
        { name: " A ", entry: 100, keep: 50 },
        { name: "", entry: Number.NaN, keep: 1 },
        { name: "d", entry: 300, keep: Infinity },
      ],
    });
    expect(bad.map((p) => p.details)).toEqual([
      { reason: "keepAboveEntry", level: 0, name: "a", entry: 100, keep: 120 },
      { reason: "duplicateName", level: 1, name: "A", first: 0 },
      { reason: "order", level: 1, name: "A", entry: 100, previous: 100, previousName: "a" },
      { reason: "blankName", level: 2 },
      { reason: "notFinite", level: 2, name: "", field: "entry", value: "NaN" },
      { reason: "notFinite", level: 3, name: "d", field: "keep", value: "Infinity" },
    ]);
    expect(bad.every((p) => p.code === "levelPolicy")).toBe(true);
    expect(reasons({ ...POLICY, metric: "revenue" })).toEqual(["metric"]);
    // Beyond a quadrillion a gap could pass the largest double; no spend or order count gets there.
    expect(levelPolicyProblems({ ...POLICY, levels: [{ name: "a", entry: 2e15, keep: -1e300 }] }).map((p) => p.details)).toEqual([
      { reason: "tooLarge", level: 0, name: "a", field: "entry", value: 2e15, max: 1e15 },
      { reason: "tooLarge", level: 0, name: "a", field: "keep", value: -1e300, max: 1e15 },
    ]);
    expect(reasons({ ...POLICY, windowMonths: 0, validityMonths: 1.5 })).toEqual(["window", "validity"]);
    expect(reasons({ ...POLICY, windowMonths: 1201 })).toEqual(["window"]);
    expect(reasons({ ...POLICY, levels: Array.from({ length: 101 }, (_, k) => ({ name: `L${k}`, entry: k, keep: k })) })).toEqual(["tooMany"]);
  });
  it("computeLevels refuses a bad policy with the first problem", () => {
    expectCoreError(() => computeLevels(tx([["a", "2024-01-10", 1]]), { ...POLICY, validityMonths: -1 }, d("2024-01-31")), "levelPolicy", { reason: "validity", value: "-1" });
  });
});
