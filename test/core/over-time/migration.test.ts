import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectCoreError } from "../../support/core-error";
import {
  KNOWN_TIER_ORDERS,
  customerIdText,
  knownTierOrder,
  mergeTierCase,
  migrationMatrix,
  migrationRates,
  migrationTotals,
  orderByVocabulary,
  tierEffects,
  tierOrder,
  type MigrationMatrix,
  type SnapshotRecords,
} from "../../../src/core/over-time/migration";

/** The matrix as rows of numbers, for readable expectations. */
function rows(m: MigrationMatrix, values = false): number[][] {
  const w = m.tiers.length + 1;
  const cells = values ? m.values! : m.counts;
  return Array.from({ length: w }, (_, r) => Array.from(cells.subarray(r * w, r * w + w)));
}

// c1 A→B (down), c2 A→A, c3 B→A (up), c4 B→gone, c5 C→C, c6 untiered before → new in A, c7 new in B.
const BEFORE = { ids: ["c1", "c2", "c3", "c4", "c5", "c6"], tiers: ["A", "A", "B", "B", "C", ""], measure: [100, 200, 50, 80, 10, 5] };
const AFTER = { ids: ["c7", "c6", "c5", "c3", "c2", "c1"], tiers: ["B", "A", "C", "A", "A", "B"], measure: [30, 40, 12, 60, 210, NaN] };

describe("migrationMatrix", () => {
  it("counts from → to with new and gone (hand-checked)", () => {
    const m = migrationMatrix(BEFORE, AFTER);
    expect(m.tiers).toEqual(["A", "B", "C"]);
    expect(rows(m)).toEqual([
      [1, 1, 0, 0],
      [1, 0, 0, 1],
      [0, 0, 1, 0],
      [1, 1, 0, 0],
    ]);
  });

  it("sums the later measure, the earlier one for gone customers; NaN adds nothing", () => {
    const m = migrationMatrix(BEFORE, AFTER);
    expect(rows(m, true)).toEqual([
      [210, 0, 0, 0], // c2 210; c1's later measure is NaN
      [60, 0, 0, 80], // c3 60; c4 gone with 80
      [0, 0, 12, 0],
      [40, 30, 0, 0],
    ]);
    // Only the later snapshot has a measure: gone customers add 0.
    const later = migrationMatrix({ ids: BEFORE.ids, tiers: BEFORE.tiers }, AFTER);
    expect(rows(later, true)[1]).toEqual([60, 0, 0, 0]);
    expect(migrationMatrix({ ids: BEFORE.ids, tiers: BEFORE.tiers }, { ids: AFTER.ids, tiers: AFTER.tiers }).values).toBeNull();
  });

  it("orders tiers by the order given (every tier, case aside; a tier without customers may be named), known orders, else first appearance", () => {
    expect(migrationMatrix(BEFORE, AFTER, ["C", "B", "A"]).tiers).toEqual(["C", "B", "A"]);
    expect(migrationMatrix(BEFORE, AFTER, ["a", "X", "b", "c"]).tiers).toEqual(["A", "X", "B", "C"]);
    // An order that leaves a tier out would count moves to it as neither up nor down, or wrongly: refused.
    expect(() => migrationMatrix(BEFORE, AFTER, ["X", "B"])).toThrow(expect.objectContaining({ code: "orderMissingTier", details: expect.objectContaining({ tier: "A" }) }));
    const bands = migrationMatrix({ ids: ["1", "2"], tiers: ["bronze", "gold"] }, { ids: ["1", "2"], tiers: ["diamond", "gold"] });
    expect(bands.tiers).toEqual(["diamond", "gold", "bronze"]);
    expect(rows(bands)).toEqual([
      [0, 0, 0, 0],
      [0, 1, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(bands.ordered).toBe(true);
    const free = migrationMatrix({ ids: ["1", "2"], tiers: ["VIP", "Regular"] }, { ids: ["3"], tiers: ["Gold"] });
    expect(free.tiers).toEqual(["VIP", "Regular", "Gold"]);
    expect(free.ordered).toBe(false);
    expect(migrationMatrix({ ids: ["1"], tiers: ["VIP"] }, { ids: ["1"], tiers: ["Gold"] }, ["Gold", "VIP"]).ordered).toBe(true);
  });

  it("orders number tiers by number, the highest best (RFM totals, score levels)", () => {
    const m = migrationMatrix({ ids: ["a", "b", "c"], tiers: ["3", "12", "7"] }, { ids: ["a", "b", "c"], tiers: ["7", "12", "3"] });
    expect(m.tiers).toEqual(["12", "7", "3"]);
    expect(m.ordered).toBe(true);
    const r = migrationRates(m);
    expect([r.upgraded, r.downgraded, r.stayed]).toEqual([1, 1, 1]);
  });

  it("rejects an id twice in one snapshot, naming the rows", () => {
    const e = expectCoreError(() => migrationMatrix(BEFORE, { ids: ["x", "y", "x"], tiers: ["A", "", "B"] }), "duplicateId", { id: "x", row: 2, firstRow: 0, snapshot: "after" });
    expect(e.details.snapshot).toBe("after");
    // Untiered rows count too: a customer has one row per snapshot.
    expectCoreError(() => migrationMatrix({ ids: ["x", "x"], tiers: ["", "A"] }, AFTER), "duplicateId", { row: 1, snapshot: "before" });
  });

  it("handles empty snapshots", () => {
    const m = migrationMatrix({ ids: [], tiers: [] }, { ids: [], tiers: [] });
    expect(m.tiers).toEqual([]);
    expect(Array.from(m.counts)).toEqual([0]);
    const r = migrationRates(m);
    expect(r.customers).toBe(0);
    expect(r.upgradeRate).toBeNaN();
  });
});

describe("migrationTotals", () => {
  it("adds row and column totals, the new → gone cell NaN (hand-checked)", () => {
    const plain = (x: { ids: string[]; tiers: string[] }) => ({ ids: x.ids, tiers: x.tiers });
    const counts = migrationTotals(migrationMatrix(plain(BEFORE), plain(AFTER)));
    expect(counts.width).toBe(5);
    const grid = Array.from({ length: 5 }, (_, r) => Array.from(counts.cells.subarray(r * 5, r * 5 + 5)));
    expect(grid).toEqual([
      [1, 1, 0, 0, 2],
      [1, 0, 0, 1, 2],
      [0, 0, 1, 0, 1],
      [1, 1, 0, NaN, 2],
      [3, 2, 1, 1, 7],
    ]);
    // With a measure the cells are its sums: the later measure, the earlier one for gone customers.
    const values = migrationTotals(migrationMatrix(BEFORE, AFTER));
    expect(Array.from(values.cells.subarray(4 * 5, 5 * 5))).toEqual([310, 30, 12, 80, 432]);
    expect(Array.from(values.cells.subarray(0, 5))).toEqual([210, 0, 0, 0, 210]);
  });

  it("is empty-safe: no tiers gives the 2×2 of new, total", () => {
    const t = migrationTotals(migrationMatrix({ ids: [], tiers: [] }, { ids: [], tiers: [] }));
    expect(t.width).toBe(2);
    expect(Array.from(t.cells)).toEqual([NaN, 0, 0, 0]);
  });
});

describe("migrationRates", () => {
  it("counts up, down, stay, gone over the earlier customers and the new ones", () => {
    const r = migrationRates(migrationMatrix(BEFORE, AFTER));
    expect(r).toEqual({
      customers: 5,
      upgraded: 1,
      downgraded: 1,
      stayed: 2,
      gone: 1,
      changed: 2,
      new: 2,
      upgradeRate: 0.2,
      downgradeRate: 0.2,
      changeRate: 0.4,
      stayRate: 0.4,
      goneRate: 0.2,
    });
  });

  it("gives no up and down for tiers of unknown order (text tiers, no order given); stay and gone still count", () => {
    const before = { ids: ["a", "b", "c", "d"], tiers: ["VIP", "Regular", "Basic", "VIP"] };
    const after = { ids: ["a", "b", "c", "e"], tiers: ["Regular", "VIP", "Basic", "Basic"] };
    const r = migrationRates(migrationMatrix(before, after));
    expect(r.upgraded).toBeNaN();
    expect(r.downgraded).toBeNaN();
    expect(r.upgradeRate).toBeNaN();
    expect(r.downgradeRate).toBeNaN();
    expect([r.customers, r.stayed, r.gone, r.new, r.stayRate, r.goneRate]).toEqual([4, 1, 1, 1, 0.25, 0.25]);
    // Moves are still counted, as changes: a → Regular and b → VIP.
    expect([r.changed, r.changeRate]).toEqual([2, 0.5]);
    // The same rows in another order: first appearance changes, the rates do not.
    const reversed = (s: { ids: string[]; tiers: string[] }) => ({ ids: [...s.ids].reverse(), tiers: [...s.tiers].reverse() });
    const shuffled = migrationMatrix(reversed(before), reversed(after));
    expect(shuffled.tiers).not.toEqual(migrationMatrix(before, after).tiers);
    expect(migrationRates(shuffled)).toEqual(r);
    // With an order, up and down are counted.
    const ordered = migrationRates(migrationMatrix(before, after, ["VIP", "Regular", "Basic"]));
    expect([ordered.upgraded, ordered.downgraded, ordered.upgradeRate]).toEqual([1, 1, 0.25]);
  });

  it("reads up and down from the order: reversed, the same moves swap", () => {
    const r = migrationRates(migrationMatrix(BEFORE, AFTER, ["C", "B", "A"]));
    expect([r.upgraded, r.downgraded, r.stayed]).toEqual([1, 1, 2]);
    const two = migrationRates(migrationMatrix({ ids: ["a", "b", "c"], tiers: ["A", "C", "C"] }, { ids: ["a", "b", "c"], tiers: ["C", "A", "B"] }, ["C", "B", "A"]));
    expect([two.upgraded, two.downgraded]).toEqual([1, 2]);
  });
});

/** Snapshots drawn from a pool of 12 ids, with tiers A–D or "" (untiered), rows in any order. */
const snapshot = fc
  .uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 12 })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids.map((i) => `k${i}`)),
      tiers: fc.array(fc.constantFrom("A", "B", "C", "D", ""), { minLength: ids.length, maxLength: ids.length }),
      measure: fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: ids.length, maxLength: ids.length }),
    }),
  );

describe("migration properties", () => {
  it("the matrix holds every customer of either snapshot once; rows sum to the earlier tiers, columns to the later", () => {
    fc.assert(
      fc.property(snapshot, snapshot, (before, after) => {
        const m = migrationMatrix(before, after);
        const k = m.tiers.length;
        const w = k + 1;
        const tiered = (s: typeof before) => new Set(s.ids.filter((_, i) => s.tiers[i] !== ""));
        const union = new Set([...tiered(before), ...tiered(after)]);
        expect(m.counts.reduce((a, b) => a + b, 0)).toBe(union.size);
        expect(m.counts[k * w + k]).toBe(0);
        m.tiers.forEach((t, i) => {
          const rowSum = Array.from(m.counts.subarray(i * w, i * w + w)).reduce((a, b) => a + b, 0);
          expect(rowSum).toBe(before.tiers.filter((x) => x === t).length);
          let colSum = 0;
          for (let r = 0; r <= k; r++) colSum += m.counts[r * w + i];
          expect(colSum).toBe(after.tiers.filter((x) => x === t).length);
        });
        const r = migrationRates(m);
        expect(r.customers).toBe(tiered(before).size);
        expect(r.new).toBe([...tiered(after)].filter((id) => !tiered(before).has(id)).length);
        // Tiers A–D: "D" is in no known order, so up and down need the order.
        const o = migrationRates(migrationMatrix(before, after, ["A", "B", "C", "D"]));
        if (o.customers > 0) expect(o.upgradeRate + o.downgradeRate + o.stayRate + o.goneRate).toBeCloseTo(1, 12);
        if (!m.ordered) expect([r.upgraded, r.downgraded]).toEqual([NaN, NaN]);
        expect([r.stayed, r.gone]).toEqual([o.stayed, o.gone]);
        // The totals: every customer once, rows and columns adding up.
        const t = migrationTotals(migrationMatrix({ ids: before.ids, tiers: before.tiers }, { ids: after.ids, tiers: after.tiers }));
        expect(t.cells[t.width * t.width - 1]).toBe(union.size);
      }),
    );
  });

  it("rates do not depend on row order, with no order given: text tiers (no up/down), numbers (up/down)", () => {
    const tiered = (tiers: string[]) =>
      fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 12 }).chain((ids) =>
        fc.record({ ids: fc.constant(ids.map((i) => `k${i}`)), tiers: fc.array(fc.constantFrom(...tiers), { minLength: ids.length, maxLength: ids.length }) }),
      );
    const shuffle = (s: { ids: string[]; tiers: string[] }, salt: number) => {
      const order = s.ids.map((_, i) => i).sort((a, b) => ((a * 7919 + salt) % 13) - ((b * 7919 + salt) % 13) || a - b);
      return { ids: order.map((i) => s.ids[i]), tiers: order.map((i) => s.tiers[i]) };
    };
    for (const tiers of [["VIP", "Regular", "Basic", ""], ["3", "12", "7", "4.5", ""]]) {
      fc.assert(
        fc.property(tiered(tiers), tiered(tiers), fc.integer({ min: 0, max: 1000 }), (before, after, salt) => {
          const r = migrationRates(migrationMatrix(before, after));
          expect(migrationRates(migrationMatrix(shuffle(before, salt), shuffle(after, salt + 1)))).toEqual(r);
          if (tiers[0] === "3") {
            // Numbers: up is to a higher number.
            const after1 = new Map(after.ids.map((id, i) => [id, after.tiers[i]]));
            let up = 0;
            before.ids.forEach((id, i) => {
              const t = after1.get(id);
              if (before.tiers[i] !== "" && t !== undefined && t !== "" && Number(t) > Number(before.tiers[i])) up++;
            });
            expect(r.upgraded).toBe(up);
          } else {
            const distinct = new Set([...before.tiers, ...after.tiers].filter((t) => t !== "")).size;
            expect(migrationMatrix(before, after).ordered).toBe(distinct <= 1);
            if (distinct > 1) expect(r.upgraded).toBeNaN();
            else expect(r.upgraded).toBe(0);
          }
        }),
      );
    }
  });

  it("does not depend on row order, and the measure total is the later measure plus the gone customers' earlier one", () => {
    fc.assert(
      fc.property(snapshot, snapshot, fc.integer(), (before, after, salt) => {
        const m = migrationMatrix(before, after);
        const shuffle = <T extends { ids: string[]; tiers: string[]; measure: number[] }>(s: T) => {
          const order = s.ids.map((_, i) => i).sort((a, b) => ((a * 7919 + salt) % 13) - ((b * 7919 + salt) % 13) || a - b);
          return { ids: order.map((i) => s.ids[i]), tiers: order.map((i) => s.tiers[i]), measure: order.map((i) => s.measure[i]) };
        };
        const shuffled = migrationMatrix(shuffle(before), shuffle(after), m.tiers);
        expect(Array.from(shuffled.counts)).toEqual(Array.from(m.counts));
        const laterIds = new Set(after.ids.filter((_, i) => after.tiers[i] !== ""));
        let expected = 0;
        after.ids.forEach((_, i) => {
          if (after.tiers[i] !== "") expected += after.measure[i];
        });
        before.ids.forEach((id, i) => {
          if (before.tiers[i] !== "" && !laterIds.has(id)) expected += before.measure[i];
        });
        expect(m.values!.reduce((a, b) => a + b, 0)).toBeCloseTo(expected, 6);
      }),
    );
  });
});

describe("tier order", () => {
  it("knows A/B/C and the score band keys", () => {
    expect(KNOWN_TIER_ORDERS.map((o) => o.join(","))).toEqual(["A,B,C", "diamond,platinum,gold,silver,bronze"]);
    expect(tierOrder([["C", "", "A"], ["B"]])).toEqual({ tiers: ["A", "B", "C"], known: true });
    expect(tierOrder([["silver", "diamond"], []])).toEqual({ tiers: ["diamond", "silver"], known: true });
    expect(tierOrder([["A", "gold"]])).toEqual({ tiers: ["A", "gold"], known: false });
    expect(tierOrder([["A", "gold"]], ["GOLD", "a"])).toEqual({ tiers: ["gold", "A"], known: true });
    expect(() => tierOrder([["A", "gold"]], ["gold"])).toThrow(expect.objectContaining({ code: "orderMissingTier" }));
  });

  it("orders numbers by number, highest first, and only when every tier is one", () => {
    expect(knownTierOrder(["3", "12", "7", "-1", "4.5", "1e1"])).toEqual(["12", "1e1", "7", "4.5", "3", "-1"]);
    expect(knownTierOrder(["1.0", "2", "1"])).toEqual(["2", "1", "1.0"]);
    expect(knownTierOrder(["3", "12", "VIP"])).toBeNull();
    expect(knownTierOrder(["0x10", "2"])).toBeNull();
    expect(knownTierOrder(["VIP"])).toEqual(["VIP"]);
    expect(tierOrder([["555", "111"], ["345"]])).toEqual({ tiers: ["555", "345", "111"], known: true });
  });

  it("ignores case for known orders, and takes label lists (e.g. the bands in a language)", () => {
    expect(tierOrder([["b", "a"]]).tiers).toEqual(["a", "b"]);
    expect(knownTierOrder(["Silber", "GOLD"], [["Diamant", "Gold", "Silber"]])).toEqual(["GOLD", "Silber"]);
    expect(knownTierOrder(["VIP", "Gold"])).toBeNull();
  });

  it("merges spellings of a tier that differ in case into the first one", () => {
    const before = ["Gold", "", "vip"];
    const after = ["GOLD", "VIP", "Silver"];
    expect(mergeTierCase([before, after])).toEqual(["Gold", "vip", "Silver"]);
    expect(before).toEqual(["Gold", "", "vip"]);
    expect(after).toEqual(["Gold", "vip", "Silver"]);
  });

  it("sorts labels by a vocabulary with a folding rule, or says none fits", () => {
    expect(orderByVocabulary(["gold", "DIAMOND"], [["Diamond", "Gold"]], (s) => s.toLowerCase())).toEqual(["DIAMOND", "gold"]);
    expect(orderByVocabulary(["gold", "Tin"], [["Diamond", "Gold"]], (s) => s.toLowerCase())).toBeNull();
  });
});

describe("customerIdText", () => {
  it("makes 123 and \"123\" one id, keeps \"00123\" as text, and has no id for blanks and errors", () => {
    expect(customerIdText(123)).toBe("123");
    expect(customerIdText(" 123 ")).toBe("123");
    expect(customerIdText("00123")).toBe("00123");
    expect(customerIdText("C01")).toBe("C01");
    expect(customerIdText("")).toBeNull();
    expect(customerIdText("NA")).toBeNull();
    expect(customerIdText("#N/A")).toBeNull();
    expect(customerIdText({ code: "#REF!" })).toBeNull();
  });
});

describe("tierEffects", () => {
  const JAN31 = 45322;
  const before: SnapshotRecords = {
    asOf: JAN31,
    ids: ["c1", "c2", "c3", "c4", "c5"],
    tiers: ["A", "A", "B", "B", "B"],
    revenue: [1000, 500, 200, 100, 0],
    orders: [5, 3, 2, 1, 1],
    lastPurchase: [JAN31 - 3, JAN31 - 20, JAN31 - 1, JAN31 - 40, JAN31 - 60],
  };
  const after: SnapshotRecords = {
    asOf: JAN31 + 60,
    ids: ["c2", "c1", "c3", "c5", "c9"],
    tiers: ["B", "A", "A", "B", "A"],
    revenue: [500, 1400, 450, 80, 999],
    orders: [3, 7, 4, 3, 2],
    // c2 did not buy again; c5's last purchase is unknown, its order count went up.
    lastPurchase: [JAN31 - 20, JAN31 + 10, JAN31 + 30, NaN, JAN31 + 5],
  };

  it("gives retention, repurchase and revenue change per earlier tier (hand-checked)", () => {
    const [a, b, ...rest] = tierEffects(before, after);
    expect(rest).toEqual([]);
    expect(a).toEqual({
      tier: "A",
      customers: 2,
      retained: 2,
      retentionRate: 1,
      repurchased: 1,
      repurchaseRate: 0.5,
      revenueBefore: 1500,
      revenueAfter: 1900,
      revenueChange: 400,
      revenueChangeRate: 400 / 1500,
    });
    expect(b).toMatchObject({ tier: "B", customers: 3, retained: 2, repurchased: 2, revenueBefore: 300, revenueAfter: 530, revenueChange: 230 });
    expect(b.retentionRate).toBeCloseTo(2 / 3, 15);
  });

  it("leaves out tiers without earlier customers and says NaN for a change over 0", () => {
    const effects = tierEffects({ ...before, revenue: [0, 0, 200, 100, 0] }, after, ["S", "A", "B"]);
    expect(effects.map((e) => e.tier)).toEqual(["A", "B"]);
    expect(effects[0].revenueChangeRate).toBeNaN();
  });

  it("rejects duplicate ids", () => {
    expectCoreError(() => tierEffects({ ...before, ids: ["c1", "c2", "c3", "c4", "c1"] }, after), "duplicateId", { id: "c1", row: 4, snapshot: "before" });
  });
});
