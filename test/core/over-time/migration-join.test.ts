/**
 * migrationMatrix matches the two snapshots' customers with one Map for both (issue 12: whole columns under
 * 0.5 s). Checked against the code it replaced (each snapshot indexed by its own Map, then looked up in the
 * other), on random snapshots with empty tiers, empty ids and repeated ids, for the counts, the measure's
 * sums (added in the same order, so equal to the last digit) and the duplicate named.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CustomerId } from "../../../src/core/cells/coerce";
import { CoreError } from "../../../src/core/cells/errors";
import { migrationMatrix, type TierSnapshot } from "../../../src/core/over-time/migration";

function reference(before: TierSnapshot, after: TierSnapshot, tiers: readonly string[]): { counts: number[]; values: number[] } | Record<string, unknown> {
  const index = (s: TierSnapshot, side: string): Map<CustomerId, number> | Record<string, unknown> => {
    const rowOf = new Map<CustomerId, number>();
    for (let i = 0; i < s.ids.length; i++) {
      if (s.ids[i] === "") continue;
      const first = rowOf.get(s.ids[i]);
      if (first !== undefined) return { id: s.ids[i], row: i, firstRow: first, snapshot: side };
      rowOf.set(s.ids[i], i);
    }
    return rowOf;
  };
  const rb = index(before, "before");
  if (!(rb instanceof Map)) return rb;
  const ra = index(after, "after");
  if (!(ra instanceof Map)) return ra;
  const k = tiers.length;
  const w = k + 1;
  const at = new Map(tiers.map((t, i) => [t, i]));
  const counts = new Array<number>(w * w).fill(0);
  const values = new Array<number>(w * w).fill(0);
  const add = (cell: number, m: ArrayLike<number> | undefined, row: number) => {
    counts[cell]++;
    if (m && m[row] === m[row]) values[cell] += m[row];
  };
  const tieredRow = (rowOf: Map<CustomerId, number>, t: readonly string[], id: CustomerId) => {
    const r = rowOf.get(id);
    return r !== undefined && t[r] !== "" ? r : undefined;
  };
  for (const [id, i] of rb) {
    if (before.tiers[i] === "") continue;
    const j = tieredRow(ra, after.tiers, id);
    if (j === undefined) add(at.get(before.tiers[i])! * w + k, before.measure, i);
    else add(at.get(before.tiers[i])! * w + at.get(after.tiers[j])!, after.measure, j);
  }
  for (const [id, j] of ra) if (after.tiers[j] !== "" && tieredRow(rb, before.tiers, id) === undefined) add(k * w + at.get(after.tiers[j])!, after.measure, j);
  return { counts, values };
}

const snapshot = fc
  .array(fc.tuple(fc.constantFrom("", "1", "2", "3", "a", "b", "c", "d", "e"), fc.constantFrom("", "A", "B", "C"), fc.double({ min: -100, max: 100, noNaN: true })), { maxLength: 12 })
  .map((rows): TierSnapshot => ({ ids: rows.map((r) => r[0]), tiers: rows.map((r) => r[1]), measure: Float64Array.from(rows, (r) => r[2]) }));

describe("migrationMatrix's join of the two snapshots", () => {
  it("counts and sums as indexing each snapshot alone did, and names the same duplicate (property)", () => {
    fc.assert(
      fc.property(snapshot, snapshot, (before, after) => {
        try {
          const m = migrationMatrix(before, after);
          const want = reference(before, after, m.tiers);
          expect(Array.from(m.counts)).toEqual(want.counts);
          expect(Array.from(m.values ?? [])).toEqual(want.values);
        } catch (e) {
          if (!(e instanceof CoreError) || e.code !== "duplicateId") throw e;
          expect(e.details).toEqual(reference(before, after, []));
        }
      }),
      { numRuns: 400 },
    );
  });
});
