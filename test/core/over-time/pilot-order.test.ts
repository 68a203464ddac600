/**
 * pickPilot orders each tier by (murmur3(id, seed), id) with a radix sort of the hashes (issue 12: whole
 * columns under 0.5 s). Checked against the comparator sort it replaced, on random populations with
 * repeated and empty ids and tiers, for the groups and for the duplicate it names.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoreError } from "../../../src/core/cells/errors";
import { CONTROL, PILOT, murmur3, pickPilot } from "../../../src/core/over-time/pilot";

/** The code before the radix sort: a Map scan for duplicates, then a comparator sort per tier. */
function reference(ids: string[], tiers: string[], share: number, controlShare: number, seed: number): Uint8Array | { id: string; row: number; firstRow: number } {
  const groups = new Uint8Array(ids.length);
  const byTier = new Map<string, number[]>();
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === "") continue;
    const first = seen.get(ids[i]);
    if (first !== undefined) return { id: ids[i], row: i, firstRow: first };
    seen.set(ids[i], i);
    if (tiers[i] === "") continue;
    const rows = byTier.get(tiers[i]);
    if (rows) rows.push(i);
    else byTier.set(tiers[i], [i]);
  }
  const round = (x: number) => Math.floor(x + 0.5 + 1e-9 * Math.max(1, x));
  for (const rows of byTier.values()) {
    const hash = rows.map((i) => murmur3(ids[i], seed));
    const order = rows.map((_, k) => k).sort((a, b) => hash[a] - hash[b] || (ids[rows[a]] < ids[rows[b]] ? -1 : ids[rows[a]] > ids[rows[b]] ? 1 : 0));
    const n = rows.length;
    const pilot = Math.min(n, round(share * n));
    const control = Math.min(n - pilot, round(controlShare * n));
    order.forEach((k, r) => {
      if (r < pilot) groups[rows[k]] = PILOT;
      else if (r < pilot + control) groups[rows[k]] = CONTROL;
    });
  }
  return groups;
}

describe("pickPilot's hash order", () => {
  it("gives the comparator sort's groups and names the same duplicate (property)", () => {
    const id = fc.oneof(fc.constantFrom("", "a", "b", "é", "客户"), fc.integer({ min: 0, max: 400 }).map(String));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(id, fc.constantFrom("", "A", "B", "C")), { maxLength: 300 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (rows, tenths, seed) => {
          const ids = rows.map((r) => r[0]);
          const tiers = rows.map((r) => r[1]);
          const share = tenths / 10;
          const controlShare = Math.min(share, 1 - share);
          const want = reference(ids, tiers, share, controlShare, seed);
          try {
            const got = pickPilot(ids, tiers, { share, controlShare, seed });
            expect(want).toBeInstanceOf(Uint8Array);
            expect(Array.from(got)).toEqual(Array.from(want as Uint8Array));
          } catch (e) {
            if (!(e instanceof CoreError)) throw e;
            expect(e.code).toBe("duplicateId");
            expect(e.details).toEqual(want);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("orders 100,000 distinct ids per tier as the comparator sort does", () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `C${(i * 7919) % 100_003}`);
    const tiers = ids.map((_, i) => "ABC"[i % 3]);
    expect(Array.from(pickPilot(ids, tiers, { share: 0.1, seed: 7 }))).toEqual(Array.from(reference(ids, tiers, 0.1, 0.1, 7) as Uint8Array));
  });
});
