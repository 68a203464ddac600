/**
 * Issue 15 §4: a voice metric in the weighted score (src/core/tiers/score.ts's blank rule). A customer without an
 * answer is scored on the weights of the metrics they have, renormalised: exactly the score the other metrics
 * alone give them; and a blank is never scored as an answer of 0.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { scoreCustomers } from "../../../src/core/tiers/score";

const row = fc.record({
  spend: fc.integer({ min: 0, max: 10000 }),
  nps: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(NaN)),
});

describe("a voice metric in the weighted score (properties)", () => {
  it("scores a customer without an answer as the other metrics alone would", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.constantFrom("percentile" as const, "minmax" as const), (rows, w1, w2, method) => {
        const spend = Float64Array.from(rows, (r) => r.spend);
        const nps = Float64Array.from(rows, (r) => r.nps);
        const both = scoreCustomers([spend, nps], { weights: [w1, w2], method });
        const alone = scoreCustomers([spend], { weights: [1], method });
        rows.forEach((r, i) => {
          if (r.nps !== r.nps) expect(both.score[i]).toBeCloseTo(alone.score[i], 8);
        });
      }),
    );
  });

  it("a blank is not a 0: with any other answer present, filling the blank with 0 lowers or keeps that customer's score, and changes it when the answers differ", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), (rows) => {
        const i = rows.findIndex((r) => r.nps !== r.nps);
        const answered = rows.filter((r) => r.nps === r.nps);
        fc.pre(i >= 0 && answered.some((r) => r.nps > 0));
        const spend = Float64Array.from(rows, (r) => r.spend);
        const blank = scoreCustomers([spend, Float64Array.from(rows, (r) => r.nps)], { weights: [1, 1], method: "minmax" });
        const zeroed = scoreCustomers([spend, Float64Array.from(rows, (r, k) => (k === i ? 0 : r.nps))], { weights: [1, 1], method: "minmax" });
        // As a 0 the customer has the worst NPS (min–max 0 on the answer axis), so their score can only fall;
        // it stays only where spend alone already put them at 0.
        expect(zeroed.score[i]).toBeLessThanOrEqual(blank.score[i] + 1e-9);
        if (blank.score[i] > 0) expect(zeroed.score[i]).toBeLessThan(blank.score[i]);
      }),
    );
  });
});
