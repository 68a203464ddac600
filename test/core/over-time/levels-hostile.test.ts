/**
 * computeLevels' history sink (issue 12's hostile pass over issue 15 §1): the history grows with customers ×
 * month-end reviews, so a caller may stream it ("keep" lists it, a function is handed each change in the same
 * order, "none" records nothing) and every other output is the same whichever it takes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLevels, type LevelChange, type LevelPolicy } from "../../../src/core/over-time/levels";
import { readTransactions } from "../../../src/core/transactions/read";

const POLICY: LevelPolicy = {
  levels: [
    { name: "Silver", entry: 50, keep: 30 },
    { name: "Gold", entry: 200, keep: 150 },
  ],
  metric: "spend",
  windowMonths: 3,
  validityMonths: 2,
};

describe("the history's sink", () => {
  it("streams the changes 'keep' lists, in its order; 'none' records none; the per-customer columns are the same", () => {
    const row = fc.record({ id: fc.constantFrom("a", "b", "c", "d"), day: fc.integer({ min: 45000, max: 45400 }), amount: fc.double({ min: -50, max: 300, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (rows, validity) => {
        const tx = readTransactions({ customers: rows.map((r) => r.id), dates: rows.map((r) => r.day), amounts: rows.map((r) => r.amount) });
        const policy = { ...POLICY, validityMonths: validity };
        const kept = computeLevels(tx, policy, 45400);
        const streamed: LevelChange[] = [];
        const viaSink = computeLevels(tx, policy, 45400, null, (ch) => void streamed.push(ch));
        const none = computeLevels(tx, policy, 45400, null, "none");
        expect(streamed).toEqual(kept.changes);
        expect(viaSink.changes).toEqual([]);
        expect(none.changes).toEqual([]);
        for (const r of [viaSink, none]) {
          expect({ ...r, changes: [] }).toEqual({ ...kept, changes: [] });
        }
      }),
      { numRuns: 150 },
    );
  });
});
