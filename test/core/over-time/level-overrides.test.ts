/**
 * People's overrides of membership levels (issue 15 §1 × §2, src/core/over-time/level-overrides.ts): the final
 * level beside the computed one, the "override" row in the history, expiry (until inclusive) back to the computed
 * level, the downgrade warning cleared only while the override holds through the next review; properties: no
 * overrides → the result unchanged, expired → the computed level, counts per final level conserve customers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateText } from "../../../src/core/cells/dates";
import { levelVocabulary, withLevelOverrides } from "../../../src/core/over-time/level-overrides";
import { computeLevels, NO_LEVEL, type LevelPolicy } from "../../../src/core/over-time/levels";
import { readOverrides } from "../../../src/core/tiers/overrides";
import { readTransactions } from "../../../src/core/transactions/read";

const d = (s: string) => parseDateText(s);
const POLICY: LevelPolicy = {
  levels: [
    { name: "普通", entry: 10, keep: 5 },
    { name: "银卡", entry: 100, keep: 80 },
    { name: "金卡", entry: 500, keep: 400 },
  ],
  metric: "spend",
  windowMonths: 12,
  validityMonths: 12,
};
const VOCAB = levelVocabulary(POLICY.levels);

// a: Gold from 2024-01, expires 2025-01-31 with nothing spent since → warned at the 2025-01-31 review;
// b: Silver; c: 普通.
const TX = readTransactions({
  customers: ["a", "b", "c"],
  dates: [d("2024-01-10"), d("2024-06-05"), d("2024-07-01")],
  amounts: [600, 120, 20],
});
const AS_OF = d("2024-12-31");

const table = (rows: [string, string, string, string | null][]) =>
  readOverrides({ customers: rows.map((r) => r[0]), tiers: rows.map((r) => r[1]), reasons: rows.map((r) => r[2]), untils: rows.map((r) => r[3]) }, VOCAB);

describe("levels with overrides", () => {
  const own = computeLevels(TX, POLICY, AS_OF);
  it("shows the override beside the computed level, with an 'override' row on the last review after the customer's own rows", () => {
    const o = withLevelOverrides(own, table([["b", "金卡", "VIP account", "2025-06-30"], ["c", " 银卡 ", "", null]]));
    expect(Array.from(own.level)).toEqual([2, 1, 0]);
    expect(Array.from(o.finalLevel)).toEqual([2, 2, 1]);
    expect(o.applied.active).toBe(2);
    expect(Array.from(o.applied.entryOf)).toEqual([-1, 0, 1]);
    const rows = o.changes.map((ch) => [own.customerIds[ch.customer], ch.from, ch.to, ch.reason, ch.date]);
    expect(rows).toEqual([
      ["a", NO_LEVEL, 2, "upgrade", d("2024-01-31")],
      ["b", NO_LEVEL, 1, "upgrade", d("2024-06-30")],
      ["b", 1, 2, "override", AS_OF],
      ["c", NO_LEVEL, 0, "upgrade", d("2024-07-31")],
      ["c", 0, 1, "override", AS_OF],
    ]);
    // The computed result is left as it was.
    expect(Array.from(own.level)).toEqual([2, 1, 0]);
    expect(own.changes).toHaveLength(3);
  });

  it("an override's until is inclusive; an expired one gives the computed level and no row", () => {
    const onDay = withLevelOverrides(own, table([["b", "金卡", "r", "2024-12-31"]]));
    expect(onDay.finalLevel[1]).toBe(2);
    const expired = withLevelOverrides(own, table([["b", "金卡", "r", "2024-12-30"]]));
    expect(expired.finalLevel[1]).toBe(1);
    expect(expired.applied.expired).toBe(1);
    expect(expired.changes).toEqual(own.changes);
  });

  it("an unknown level name or customer is a row problem and changes nothing", () => {
    const o = withLevelOverrides(own, table([["b", "Platinum", "", null], ["zz", "银卡", "", null]]));
    expect(o.overrides.problems.map((p) => p.code)).toEqual(["unknownTier"]);
    expect(o.applied.problems.map((p) => [p.code, p.value])).toEqual([["unknownCustomer", "zz"]]);
    expect(Array.from(o.finalLevel)).toEqual(Array.from(own.level));
  });

  it("a downgrade warning is cleared while the override holds through the next review, kept when it ends before", () => {
    const at = d("2025-01-31");
    const r = computeLevels(TX, POLICY, d("2025-01-15"));
    expect(r.reviews.next).toBe(at);
    expect(r.downgradesNextReview[0]).toBe(1);
    expect(withLevelOverrides(r, table([["a", "金卡", "keep", "2025-01-31"]])).downgradesNextReview[0]).toBe(0);
    expect(withLevelOverrides(r, table([["a", "金卡", "keep", "2025-01-30"]])).downgradesNextReview[0]).toBe(1);
    expect(withLevelOverrides(r, table([["a", "金卡", "keep", null]])).downgradesNextReview[0]).toBe(0);
    // The computed warning itself is never changed.
    expect(r.downgradesNextReview[0]).toBe(1);
  });

  it("properties: no overrides → same levels and changes; expired → computed; counts per final level conserve customers", () => {
    const names = POLICY.levels.map((l) => l.name);
    const ids = ["a", "b", "c", "x"];
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom(...ids), level: fc.constantFrom(...names), until: fc.option(fc.integer({ min: -60, max: 60 })) }), { maxLength: 8 }),
        (rows) => {
          const overrides = table(rows.map((r) => [r.id, r.level, "", r.until === null ? null : (AS_OF + r.until) as unknown as string]));
          const o = withLevelOverrides(own, overrides);
          const counts = new Array(names.length + 1).fill(0);
          o.finalLevel.forEach((l) => counts[l + 1]++);
          expect(counts.reduce((s, x) => s + x, 0)).toBe(own.customerIds.length);
          own.customerIds.forEach((_, c) => {
            const k = o.applied.entryOf[c];
            if (k < 0) expect(o.finalLevel[c]).toBe(own.level[c]);
            else expect(o.finalLevel[c]).toBe(overrides.entries[k].tier);
          });
          for (const e of overrides.entries) {
            const c = own.customerIds.indexOf(e.id);
            if (c >= 0 && e.until !== null && e.until < AS_OF) expect(o.finalLevel[c]).toBe(own.level[c]);
          }
          expect(o.changes.filter((ch) => ch.reason !== "override")).toEqual(own.changes);
          expect(o.changes.filter((ch) => ch.reason === "override")).toHaveLength(o.applied.active);
        },
      ),
    );
    const none = withLevelOverrides(own, table([]));
    expect(Array.from(none.finalLevel)).toEqual(Array.from(own.level));
    expect(none.changes).toEqual(own.changes);
    expect(Array.from(none.downgradesNextReview)).toEqual(Array.from(own.downgradesNextReview));
  });
});
