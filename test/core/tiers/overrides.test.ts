import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateSerial } from "../../../src/core/cells/dates";
import { applyOverrides, overrideActive, overrideProblems, readOverrides, type TierVocabulary } from "../../../src/core/tiers/overrides";
import { tierTotals } from "../../../src/core/tiers/totals";

// Tier 0 is "champions", named in both languages as the catalog names it; tier 1 "loyal"; tier 2 "others".
const VOCAB: TierVocabulary = [
  ["champions", "Champions", "冠军客户"],
  ["loyal", "Loyal", "忠诚客户"],
  ["others", "Others", "其他"],
];
const d = (iso: string) => isoDateSerial(iso);

describe("readOverrides", () => {
  it("reads customer, tier (either language, case aside), reason and until; blank until is no expiry", () => {
    const o = readOverrides(
      { customers: [101, "A7", "  202 "], tiers: ["冠军客户", " LOYAL ", "others"], reasons: ["key account", null, ""], untils: ["2026-12-31", "", d("2027-01-15")] },
      VOCAB,
    );
    expect(o.problems).toEqual([]);
    expect(o.entries).toEqual([
      { row: 0, key: 101, id: "101", tier: 0, reason: "key account", until: d("2026-12-31") },
      { row: 1, key: "A7", id: "A7", tier: 1, reason: "", until: null },
      { row: 2, key: 202, id: "202", tier: 2, reason: "", until: d("2027-01-15") },
    ]);
  });

  it("names each bad row: blank customer, blank or unknown tier, an until that is not a date; blank rows are skipped", () => {
    const o = readOverrides(
      {
        customers: [null, 5, 6, 7, null, "#N/A"],
        tiers: ["loyal", "", "Gold", "loyal", null, "loyal"],
        reasons: ["x", "", "", "", null, ""],
        untils: ["", "", "", "next year", null, ""],
      },
      VOCAB,
    );
    expect(o.entries).toEqual([]);
    expect(o.problems).toEqual([
      { row: 0, code: "blankCustomer", value: "" },
      { row: 1, code: "blankTier", value: "" },
      { row: 2, code: "unknownTier", value: "Gold" },
      { row: 3, code: "badUntil", value: "next year" },
      { row: 5, code: "blankCustomer", value: "#N/A" },
    ]);
  });

  it("a customer twice: the latest until applies (blank is latest, a tie goes to the later row), the other row is a problem naming it", () => {
    const o = readOverrides({ customers: [1, "1", 2, 2, 3, 3], tiers: ["loyal", "others", "loyal", "others", "loyal", "others"], untils: ["2027-01-01", "2026-01-01", "", "2030-01-01", "2026-05-01", "2026-05-01"] }, VOCAB);
    expect(o.entries.map((e) => [e.id, e.row, e.tier])).toEqual([
      ["1", 0, 1],
      ["2", 2, 1],
      ["3", 5, 2],
    ]);
    expect(o.problems).toEqual([
      { row: 1, code: "duplicate", value: "1", appliesRow: 0 },
      { row: 3, code: "duplicate", value: "2", appliesRow: 2 },
      { row: 4, code: "duplicate", value: "3", appliesRow: 5 },
    ]);
  });

  it("three rows of one customer name the row that finally applies", () => {
    const o = readOverrides({ customers: [9, 9, 9], tiers: ["loyal", "loyal", "loyal"], untils: ["2026-01-01", "2027-01-01", "2028-01-01"] }, VOCAB);
    expect(o.entries.map((e) => e.row)).toEqual([2]);
    expect(o.problems.map((p) => [p.row, p.appliesRow])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });
});

describe("applyOverrides", () => {
  const ids = [101, "A7", 300];
  const own = Int32Array.from([2, 2, 1]);

  it("an active override sets the final tier; the run's own tiers are untouched; until is inclusive", () => {
    const o = readOverrides({ customers: ["101", "A7"], tiers: ["champions", "loyal"], reasons: ["vip", ""], untils: ["2026-12-31", ""] }, VOCAB);
    const onTheDay = applyOverrides(ids, own, o, d("2026-12-31") + 0.75);
    expect([...onTheDay.tierOf]).toEqual([0, 1, 1]);
    expect([...onTheDay.entryOf]).toEqual([0, 1, -1]);
    expect([onTheDay.active, onTheDay.expired, onTheDay.unmatched]).toEqual([2, 0, 0]);
    expect([...own]).toEqual([2, 2, 1]);
    const dayAfter = applyOverrides(ids, own, o, d("2027-01-01"));
    expect([...dayAfter.tierOf]).toEqual([2, 1, 1]);
    expect([dayAfter.active, dayAfter.expired]).toEqual([1, 1]);
  });

  it("an id not among the run's customers is reported, not fatal; text '0101' is not the number 101", () => {
    const o = readOverrides({ customers: ["0101", 999], tiers: ["loyal", "loyal"] }, VOCAB);
    const r = applyOverrides(ids, own, o, d("2026-01-01"));
    expect([...r.tierOf]).toEqual([2, 2, 1]);
    expect(r.unmatched).toBe(2);
    expect(overrideProblems(o, r)).toEqual([
      { row: 0, code: "unknownCustomer", value: "0101" },
      { row: 1, code: "unknownCustomer", value: "999" },
    ]);
  });

  it("gives a customer without a tier of its own (−1) the override's tier", () => {
    const o = readOverrides({ customers: [300], tiers: ["Others"] }, VOCAB);
    expect([...applyOverrides([300], Int32Array.from([-1]), o, 1).tierOf]).toEqual([2]);
  });

  it("refuses ids and tiers of different lengths", () => {
    expect(() => applyOverrides([1, 2], Int32Array.from([0]), { entries: [], problems: [] }, 1)).toThrow(RangeError);
  });

  it("overrideActive: blank never expires, until holds through its day", () => {
    expect(overrideActive(null, 1e6)).toBe(true);
    expect(overrideActive(100, 100.99)).toBe(true);
    expect(overrideActive(100, 101)).toBe(false);
  });
});

describe("overrides properties", () => {
  const tiersOf = (n: number) => fc.array(fc.integer({ min: -1, max: 2 }), { minLength: n, maxLength: n });
  const table = fc.array(
    fc.record({ id: fc.integer({ min: 0, max: 40 }), tier: fc.integer({ min: 0, max: 2 }), until: fc.option(fc.integer({ min: 40000, max: 50000 }), { nil: null }) }),
    { maxLength: 30 },
  );
  // The run's ids as customerKey makes them: numbers, and text that is not a number.
  const ids = Array.from({ length: 30 }, (_, i) => (i % 2 ? i : `T${i}`));
  const cell = (id: number) => (id % 2 ? (id % 4 === 1 ? id : String(id)) : `T${id}`);

  it("no override: the final tiers are the run's own", () => {
    fc.assert(
      fc.property(tiersOf(30), fc.integer({ min: 1, max: 60000 }), (own, asOf) => {
        const r = applyOverrides(ids, Int32Array.from(own), readOverrides({ customers: [], tiers: [] }, VOCAB), asOf);
        expect([...r.tierOf]).toEqual(own);
        expect(r.active + r.expired + r.unmatched).toBe(0);
      }),
    );
  });

  it("expired overrides change nothing; every entry is active, expired or unmatched", () => {
    fc.assert(
      fc.property(tiersOf(30), table, (own, rows) => {
        const o = readOverrides({ customers: rows.map((r) => cell(r.id)), tiers: rows.map((r) => VOCAB[r.tier][2]), untils: rows.map((r) => r.until ?? "") }, VOCAB);
        const late = applyOverrides(ids, Int32Array.from(own), { ...o, entries: o.entries.filter((e) => e.until !== null) }, 50001);
        expect([...late.tierOf]).toEqual(own);
        const r = applyOverrides(ids, Int32Array.from(own), o, 45000);
        expect(r.active + r.expired + r.unmatched).toBe(o.entries.length);
        for (let c = 0; c < ids.length; c++) {
          if (r.entryOf[c] < 0) expect(r.tierOf[c]).toBe(own[c]);
          else expect(r.tierOf[c]).toBe(o.entries[r.entryOf[c]].tier);
        }
      }),
    );
  });

  it("the totals over the final tiers conserve customers, orders and revenue", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 30, maxLength: 30 }), table, (own, rows) => {
        const o = readOverrides({ customers: rows.map((r) => cell(r.id)), tiers: rows.map((r) => VOCAB[r.tier][0]), untils: rows.map((r) => r.until ?? "") }, VOCAB);
        const r = applyOverrides(ids, Int32Array.from(own), o, 45000);
        const orders = ids.map((_, i) => i + 1);
        const revenue = ids.map((_, i) => 10 * i);
        const before = tierTotals(Int32Array.from(own), ["a", "b", "c"], orders, revenue);
        const after = tierTotals(r.tierOf, ["a", "b", "c"], orders, revenue);
        const sum = (t: typeof before, k: "customers" | "orders" | "revenue") => t.reduce((s, x) => s + x[k], 0);
        for (const k of ["customers", "orders", "revenue"] as const) expect(sum(after, k)).toBe(sum(before, k));
      }),
    );
  });
});
