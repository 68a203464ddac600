import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectCoreError } from "../../support/core-error";
import { CONTROL, PILOT, comparePilot, meanDifference, murmur3, pickPilot, proportionDifference } from "../../../src/core/over-time/pilot";

const r4 = (x: number) => Number(x.toFixed(4));

/** ids c0…c(n−1) in tiers given as [tier, size] pairs. */
function population(sizes: [string, number][]): { ids: string[]; tiers: string[] } {
  const ids: string[] = [];
  const tiers: string[] = [];
  for (const [tier, n] of sizes) {
    for (let i = 0; i < n; i++) {
      ids.push(`${tier}-${i}`);
      tiers.push(tier);
    }
  }
  return { ids, tiers };
}

/** MurmurHash3 x86_32 over a byte array, written straight from the reference (the test's yardstick). */
function murmur3Bytes(b: Uint8Array, seed: number): number {
  const n = b.length;
  let h = seed | 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    let k = b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  for (let j = n - 1; j >= i; j--) k = (k << 8) | b[j];
  if (n > i) {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function groupOf(ids: readonly string[], groups: Uint8Array): Map<string, number> {
  return new Map(ids.map((id, i) => [id, groups[i]]));
}

describe("murmur3", () => {
  it("matches the reference MurmurHash3 x86_32 vectors", () => {
    const vectors: [string, number, number][] = [
      ["", 0, 0],
      ["", 1, 0x514e28b7],
      ["", 0xffffffff, 0x81f16f39],
      ["test", 0, 0xba6bd213],
      ["abc", 0, 0xb3dd93fa],
      ["aaaa", 0x9747b28c, 0x5a97808a],
      ["Hello, world!", 0, 0xc0363e43],
      ["The quick brown fox jumps over the lazy dog", 0, 0x2e4ff723],
    ];
    for (const [text, seed, hash] of vectors) expect(murmur3(text, seed)).toBe(hash);
  });

  it("hashes the UTF-8 bytes, so Chinese ids work", () => {
    // "客户" is 6 UTF-8 bytes: one block and a tail of two.
    expect(murmur3("客户", 1)).not.toBe(murmur3("客户", 2));
    expect(murmur3("客户", 1)).toBe(murmur3("客户", 1));
    expect(murmur3("客户", 1)).toBe(murmur3Bytes(new TextEncoder().encode("客户"), 1));
  });

  it("is the reference hash of TextEncoder's bytes for any text: 1- to 4-byte characters, lone surrogates as U+FFFD (property)", () => {
    const lone = fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "a\ud83d", "\ude00b");
    const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 3 }), lone)).map((a) => a.join("")));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 0xffffffff }), (t, seed) => {
        expect(murmur3(t, seed)).toBe(murmur3Bytes(new TextEncoder().encode(t), seed));
      }),
      { numRuns: 500 },
    );
    for (const t of ["é", "€", "😀", "a😀bc", "客户12345", "\ud83d", "x\ude00"]) expect(murmur3(t, 7), t).toBe(murmur3Bytes(new TextEncoder().encode(t), 7));
  });
});

describe("pickPilot", () => {
  it("picks round(share·n) pilot and control customers in every tier", () => {
    const { ids, tiers } = population([["A", 10], ["B", 25], ["C", 3]]);
    const g = pickPilot(ids, tiers, { share: 0.1, controlShare: 0.2 });
    const count = (tier: string, code: number) => tiers.filter((t, i) => t === tier && g[i] === code).length;
    expect([count("A", PILOT), count("A", CONTROL)]).toEqual([1, 2]);
    expect([count("B", PILOT), count("B", CONTROL)]).toEqual([3, 5]); // 2.5 rounds half up
    expect([count("C", PILOT), count("C", CONTROL)]).toEqual([0, 1]);
  });

  it("rounds decimal halves up despite floating point (0.7 × 5 = 3.4999999999999996)", () => {
    const { ids, tiers } = population([["A", 5]]);
    const g = pickPilot(ids, tiers, { share: 0.7, controlShare: 0.3 });
    expect(g.filter((x) => x === PILOT).length).toBe(4);
    expect(g.filter((x) => x === CONTROL).length).toBe(1); // round(1.5) = 2, cut to the 1 left
  });

  it("defaults to a control as large as the pilot and seed 1; leaves blank ids and tiers out", () => {
    const { ids, tiers } = population([["A", 20]]);
    ids.push("", "x");
    tiers.push("A", "");
    const g = pickPilot(ids, tiers, { share: 0.25 });
    expect(g.filter((x) => x === PILOT).length).toBe(5);
    expect(g.filter((x) => x === CONTROL).length).toBe(5);
    expect([g[20], g[21]]).toEqual([0, 0]);
    expect(Array.from(pickPilot(ids, tiers, { share: 0.25, controlShare: 0.25, seed: 1 }))).toEqual(Array.from(g));
  });

  it("orders each tier by the seeded hash, ties by id", () => {
    const ids = ["a", "b", "c", "d"];
    const g = pickPilot(ids, ["T", "T", "T", "T"], { share: 0.5, controlShare: 0.25, seed: 7 });
    const byHash = [...ids].sort((x, y) => murmur3(x, 7) - murmur3(y, 7));
    expect(byHash.map((id) => g[ids.indexOf(id)])).toEqual([PILOT, PILOT, CONTROL, 0]);
  });

  it("checks its arguments", () => {
    const ids = ["a", "b"];
    const tiers = ["T", "T"];
    expectCoreError(() => pickPilot(ids, tiers, { share: 0 }), "pilotShare", { argument: "share", value: 0 });
    expectCoreError(() => pickPilot(ids, tiers, { share: 1.5 }), "pilotShare", { argument: "share" });
    expectCoreError(() => pickPilot(ids, tiers, { share: NaN }), "pilotShare", { argument: "share" });
    expectCoreError(() => pickPilot(ids, tiers, { share: 0.1, controlShare: -0.1 }), "pilotShare", { argument: "control_share" });
    expectCoreError(() => pickPilot(ids, tiers, { share: 0.6 }), "pilotSharesOverOne", { share: 0.6, controlShare: 0.6, controlDefault: 1 });
    expectCoreError(() => pickPilot(ids, tiers, { share: 0.5, controlShare: 0.6 }), "pilotSharesOverOne", { controlDefault: 0 });
    expectCoreError(() => pickPilot(ids, tiers, { share: 0.5, seed: 1.5 }), "pilotSeed", { value: 1.5 });
    expectCoreError(() => pickPilot(["a", "b", "a"], ["T", "", "T"], { share: 0.5 }), "duplicateId", { id: "a", row: 2, firstRow: 0 });
    // share 1 with no control is allowed: the whole tier is the pilot.
    expect(Array.from(pickPilot(ids, tiers, { share: 1, controlShare: 0 }))).toEqual([PILOT, PILOT]);
    // Decimal shares that add up to 1 on paper (0.7 + 0.3 = 0.9999999999999999, 0.1 + 0.9 = 1) are allowed.
    expect(() => pickPilot(ids, tiers, { share: 0.7, controlShare: 0.3 })).not.toThrow();
  });
});

const tiersArb = fc.array(fc.tuple(fc.constantFrom("A", "B", "C", "金", ""), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 5 });
const sharesArb = fc
  .tuple(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([share, c]) => ({ share, controlShare: Math.min(c, 1 - share) }));

describe("pickPilot properties", () => {
  it("is stratified: per tier the pilot is within half a customer of share·n, the control too (unless cut to fit), and they fit", () => {
    fc.assert(
      fc.property(tiersArb, sharesArb, fc.integer(), (sizes, shares, seed) => {
        const merged = new Map<string, number>();
        for (const [t, n] of sizes) if (t !== "") merged.set(t, (merged.get(t) ?? 0) + n);
        const { ids, tiers } = population([...merged]);
        const g = pickPilot(ids, tiers, { ...shares, seed });
        for (const [tier, n] of merged) {
          const pilot = tiers.filter((t, i) => t === tier && g[i] === PILOT).length;
          const control = tiers.filter((t, i) => t === tier && g[i] === CONTROL).length;
          // Rounded half up, with a tolerance for decimal halves computed in floating point (0.7 × 5).
          const tolerance = 1e-9 * Math.max(1, n);
          expect(Math.abs(pilot - shares.share * n)).toBeLessThanOrEqual(0.5 + tolerance);
          expect(pilot + control).toBeLessThanOrEqual(n);
          // The control is its own rounding, or cut to what the pilot leaves.
          if (control !== n - pilot) expect(Math.abs(control - shares.controlShare * n)).toBeLessThanOrEqual(0.5 + tolerance);
          else expect(control).toBeLessThanOrEqual(Math.floor(shares.controlShare * n + 0.5 + tolerance));
        }
        // Disjoint: every customer has exactly one code, and the codes are 0, PILOT or CONTROL.
        expect(g.every((x) => x === 0 || x === PILOT || x === CONTROL)).toBe(true);
      }),
    );
  });

  it("without control_share: pilot and control differ by at most one customer in every tier", () => {
    fc.assert(
      fc.property(tiersArb, fc.double({ min: 0.001, max: 0.5, noNaN: true }), fc.integer(), (sizes, share, seed) => {
        const merged = new Map<string, number>();
        for (const [t, n] of sizes) if (t !== "") merged.set(t, (merged.get(t) ?? 0) + n);
        const { ids, tiers } = population([...merged]);
        const g = pickPilot(ids, tiers, { share, seed });
        for (const [tier, n] of merged) {
          const pilot = tiers.filter((t, i) => t === tier && g[i] === PILOT).length;
          const control = tiers.filter((t, i) => t === tier && g[i] === CONTROL).length;
          expect(Math.abs(pilot - control)).toBeLessThanOrEqual(1);
          expect(Math.abs(pilot - share * n)).toBeLessThanOrEqual(0.5 + 1e-9 * Math.max(1, n));
        }
      }),
    );
    // The one case that differs: an odd tier at a share of one half (round(1.5) = 2 pilot, 1 left for the control).
    const g = pickPilot(["a", "b", "c"], ["T", "T", "T"], { share: 0.5 });
    expect([g.filter((x) => x === PILOT).length, g.filter((x) => x === CONTROL).length]).toEqual([2, 1]);
  });

  it("gives the same groups for the same seed, whatever the row order", () => {
    fc.assert(
      fc.property(tiersArb, sharesArb, fc.integer(), fc.integer(), (sizes, shares, seed, salt) => {
        const merged = new Map<string, number>();
        for (const [t, n] of sizes) if (t !== "") merged.set(t, (merged.get(t) ?? 0) + n);
        const { ids, tiers } = population([...merged]);
        const order = ids.map((_, i) => i).sort((a, b) => ((Math.imul(a, 2654435761) ^ salt) >>> 0) - ((Math.imul(b, 2654435761) ^ salt) >>> 0));
        const g = groupOf(ids, pickPilot(ids, tiers, { ...shares, seed }));
        const sIds = order.map((i) => ids[i]);
        const h = groupOf(sIds, pickPilot(sIds, order.map((i) => tiers[i]), { ...shares, seed }));
        expect(h).toEqual(g);
      }),
    );
  });

  it("gives different picks for different seeds on large tiers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 2000 }), fc.double({ min: 0.05, max: 0.5, noNaN: true }), fc.integer(), fc.integer(), (n, share, s1, s2) => {
        fc.pre(s1 !== s2);
        const { ids, tiers } = population([["T", n]]);
        const a = pickPilot(ids, tiers, { share, seed: s1 });
        const b = pickPilot(ids, tiers, { share, seed: s2 });
        expect(Array.from(a)).not.toEqual(Array.from(b));
      }),
      { numRuns: 50 },
    );
  });

  it("picks about share of the customers of a tier as pilot for most seeds (the hash spreads)", () => {
    // Over 400 seeds, each customer of a 50-customer tier is in the pilot about 20 % of the time.
    const { ids, tiers } = population([["T", 50]]);
    const hits = new Array<number>(50).fill(0);
    for (let seed = 0; seed < 400; seed++) pickPilot(ids, tiers, { share: 0.2, seed }).forEach((g, i) => (hits[i] += g === PILOT ? 1 : 0));
    // Binomial(400, 0.2): mean 80, sd 8; 5 sd either side.
    for (const h of hits) expect(Math.abs(h - 80)).toBeLessThan(40);
  });
});

describe("proportionDifference (Newcombe's hybrid score interval)", () => {
  it("reproduces Newcombe 1998, Table II, method 10", () => {
    // (56/70 − 48/80): 0.2000, 95 % CI 0.0524 to 0.3339, and the other worked examples of the table.
    const cases: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [6, 7, 2, 7, 0.0582, 0.8062],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [0, 10, 0, 10, -0.2775, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
      [10, 10, 0, 10, 0.6075, 1],
    ];
    for (const [x1, n1, x2, n2, low, high] of cases) {
      const d = proportionDifference(x1, n1, x2, n2);
      expect([r4(d.low), r4(d.high)]).toEqual([low, high]);
    }
    expect(proportionDifference(56, 70, 48, 80)).toMatchObject({ pilot: 0.8, control: 0.6, nPilot: 70, nControl: 80 });
    expect(proportionDifference(56, 70, 48, 80).difference).toBeCloseTo(0.2, 15);
  });

  it("is NaN where a group is empty", () => {
    const d = proportionDifference(3, 10, 0, 0);
    expect(d.pilot).toBe(0.3);
    expect([d.control, d.difference, d.low, d.high]).toEqual([NaN, NaN, NaN, NaN]);
  });

  it("contains the difference and stays within −1 … 1, wider at higher confidence", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n1, n2, f1, f2) => {
        const x1 = Math.round(f1 * n1);
        const x2 = Math.round(f2 * n2);
        const d = proportionDifference(x1, n1, x2, n2);
        expect(d.low).toBeLessThanOrEqual(d.difference + 1e-12);
        expect(d.high).toBeGreaterThanOrEqual(d.difference - 1e-12);
        expect(d.low).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(d.high).toBeLessThanOrEqual(1 + 1e-12);
        const wide = proportionDifference(x1, n1, x2, n2, 0.99);
        expect(wide.low).toBeLessThanOrEqual(d.low + 1e-12);
        expect(wide.high).toBeGreaterThanOrEqual(d.high - 1e-12);
      }),
    );
  });
});

describe("meanDifference (Welch)", () => {
  it("matches SciPy's ttest_ind(equal_var=False).confidence_interval", () => {
    // a: mean 14, variance 16.8; b: mean 9.2, variance 3.7; Welch–Satterthwaite df = 7.3503.
    const a = [12, 15, 9, 20, 17, 11];
    const b = [8, 10, 7, 12, 9];
    const d = meanDifference(a, b);
    expect(d.difference).toBeCloseTo(4.8, 12);
    expect(d.low).toBeCloseTo(0.39361472466883285, 10);
    expect(d.high).toBeCloseTo(9.206385275331169, 10);
    const d90 = meanDifference(a, b, 0.9);
    expect(d90.low).toBeCloseTo(1.260768200318941, 10);
    expect(d90.high).toBeCloseTo(8.339231799681059, 10);
    expect(d).toMatchObject({ pilot: 14, control: 9.2, nPilot: 6, nControl: 5 });
  });

  it("is NaN below two customers in a group; the difference itself when both groups are constant", () => {
    const one = meanDifference([5], [1, 2, 3]);
    expect(one.difference).toBe(3);
    expect([one.low, one.high]).toEqual([NaN, NaN]);
    expect(meanDifference([], [1, 2]).difference).toBeNaN();
    expect(meanDifference([4, 4], [1, 1, 1])).toMatchObject({ difference: 3, low: 3, high: 3 });
  });

  it("contains the difference", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (a, b) => {
          const d = meanDifference(a, b);
          expect(d.low).toBeLessThanOrEqual(d.difference);
          expect(d.high).toBeGreaterThanOrEqual(d.difference);
        },
      ),
    );
  });
});

describe("comparePilot", () => {
  it("compares the pilot with the control, leaving out other customers and NaN values", () => {
    const groups = [PILOT, PILOT, PILOT, CONTROL, CONTROL, CONTROL, 0, PILOT];
    const repurchased = [1, 1, 0, 0, 1, 0, 1, NaN];
    const revenue = [30, 50, -10, 0, 20, -5, 999, 40];
    const c = comparePilot(groups, repurchased, revenue);
    expect(c.confidence).toBe(0.95);
    expect(c.repurchase).toMatchObject({ nPilot: 3, nControl: 3 });
    expect(c.repurchase.difference).toBeCloseTo(1 / 3, 15);
    const byHand = proportionDifference(2, 3, 1, 3);
    expect([c.repurchase.low, c.repurchase.high]).toEqual([byHand.low, byHand.high]);
    expect(c.revenue).toEqual(meanDifference([30, 50, -10, 40], [0, 20, -5]));
  });

  it("checks the confidence", () => {
    expectCoreError(() => comparePilot([PILOT], [1], [1], 1), "badConfidence", { value: 1 });
    expectCoreError(() => comparePilot([PILOT], [1], [1], 0), "badConfidence");
  });
});
