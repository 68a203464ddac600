/**
 * "Closest to the next tier" with RFM segments (issue 13 §5): the change found is a change that works (scored
 * again with the cut points held fixed, it lands in the segment named, better in the rule order), it is the
 * smallest of the purchases tried (fewest orders, then least rounded amount), and amounts are whole.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreRfm, type DimensionScores } from "../../../src/core/tiers/rfm";
import { RFM_VIGNETTE_RULES, cn8Index, segmentCustomers, type SegmentRule, type SegmentScheme } from "../../../src/core/tiers/segments";
import { actionableAmount, segmentUpgrade } from "../../../src/core/tiers/upgrade-segment";
import { actionableGap } from "../../../src/core/tiers/upgrade";

/** Score under fixed cut points, as rfm.ts scores. */
function rescore(d: DimensionScores, v: number, reverse: boolean): number {
  const s = 1 + d.thresholds.filter((c) => ((d.inclusive ?? true) ? v >= c : v > c)).length;
  return reverse ? d.levels + 1 - s : s;
}

/** The segment of one customer with new values, under the scheme and the cut points of `scores` (cn8: its mean scores too). */
function segmentAfter(scores: ReturnType<typeof scoreRfm>, scheme: SegmentScheme | readonly SegmentRule[], r: number, f: number, m: number): number {
  if (scheme === "cn8") return cn8Index(segmentCustomers(scores, "cn8").means!, rescore(scores.r, r, true), rescore(scores.f, f, false), rescore(scores.m, m, false));
  const one = (d: DimensionScores, v: number, reverse: boolean) => ({ scores: Uint8Array.of(rescore(d, v, reverse)), levels: d.levels, thresholds: d.thresholds, inclusive: d.inclusive });
  const seg = segmentCustomers({ r: one(scores.r, r, true), f: one(scores.f, f, false), m: one(scores.m, m, false) }, scheme);
  return seg.index[0];
}

const customers = fc.array(
  fc.record({ recency: fc.integer({ min: 0, max: 400 }), orders: fc.integer({ min: 1, max: 30 }), revenue: fc.double({ min: 1, max: 5000, noNaN: true }) }),
  { minLength: 5, maxLength: 60 },
);

describe("segmentUpgrade", () => {
  it("moves a Lost customer with a purchase now, not with revenue that moves no segment", () => {
    // Customer 0 bought long ago (R = 1): Lost, whatever their M score. A purchase now makes them recent.
    const recency = [300, 200, 100, 50, 10, 5, 1, 0, 20, 150];
    const orders = [1, 2, 3, 4, 5, 6, 7, 8, 2, 3];
    const revenue = [40, 100, 300, 500, 900, 1200, 2000, 3000, 80, 250];
    const scores = scoreRfm(recency, orders, revenue, { bins: 5 });
    const seg = segmentCustomers(scores, "rfm");
    expect(seg.names[seg.index[0]]).toBe("lost");
    const up = segmentUpgrade(scores, seg, "rfm", recency, orders, revenue);
    expect(up.orders[0]).toBe(1);
    expect(up.next[0]).toBeGreaterThanOrEqual(0);
    expect(up.next[0]).toBeLessThan(seg.index[0]);
    expect(seg.names[up.next[0]]).not.toBe("lost");
    // The champion has nowhere better to go.
    const champion = Array.from(seg.index).indexOf(0);
    if (champion >= 0) expect([up.next[champion], up.orders[champion], up.gap[champion]]).toEqual([-1, 0, NaN]);
  });

  for (const scheme of ["rfm", "cn8", [{ name: "big", r: [1, 5], f: [1, 5], m: [4, 5] }, { name: "recent", r: [5, 5], f: [1, 5], m: [1, 5] }] as SegmentRule[]] as const) {
    const label = typeof scheme === "string" ? scheme : "custom rules";
    it(`${label}: the change found lands in the better segment named, and no smaller purchase tried does (property)`, () => {
      fc.assert(
        fc.property(customers, fc.constantFrom(3, 5), fc.boolean(), (rows, bins, withBreakpoints) => {
          const recency = rows.map((r) => r.recency);
          const orders = rows.map((r) => r.orders);
          const revenue = rows.map((r) => r.revenue);
          const scores = scoreRfm(recency, orders, revenue, withBreakpoints ? { bins, breakpoints: { monetary: [100, 500, 2000] } } : { bins });
          const seg = segmentCustomers(scores, scheme);
          const up = segmentUpgrade(scores, seg, scheme, recency, orders, revenue);
          for (let c = 0; c < rows.length; c++) {
            if (up.next[c] < 0) {
              expect(up.orders[c]).toBe(0);
              expect(Number.isNaN(up.gap[c])).toBe(true);
              // Nothing tried moves them: not one purchase of any amount up to 10× the largest revenue.
              expect(segmentAfter(scores, scheme, 0, orders[c] + 1, revenue[c] + 50_000)).toBeGreaterThanOrEqual(seg.index[c]);
              continue;
            }
            const k = up.orders[c];
            const amount = up.gap[c];
            expect(k).toBeGreaterThanOrEqual(1);
            expect(Number.isInteger(amount)).toBe(true);
            expect(amount).toBeGreaterThanOrEqual(0);
            expect(up.next[c]).toBeLessThan(seg.index[c]);
            expect(segmentAfter(scores, scheme, 0, orders[c] + k, revenue[c] + amount)).toBe(up.next[c]);
            // Fewer purchases never do it with the same amount (with monotone rules: the amount does not matter then).
            if (k > 1) expect(segmentAfter(scores, scheme, 0, orders[c] + k - 1, revenue[c] + amount)).toBeGreaterThanOrEqual(seg.index[c]);
            // A purchase of any amount (0 added) does not do it when an amount is asked for.
            if (amount > 0) expect(segmentAfter(scores, scheme, 0, orders[c] + k, revenue[c])).toBeGreaterThanOrEqual(seg.index[c]);
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it("finds the move when the cut point is a hair past a whole step (ties; the property's seed -792456262)", () => {
    // M cut points 2.0000000000000004 and 2.000000000000001: the amount 1 (the gap rounded) falls short; 2 does it.
    const rows = [[0, 1, 1], [0, 5, 1.0000000000000002], [0, 1, 1.0000000000000007], [0, 1, 1.0000000000000007], [0, 1, 1.0000000000000007]];
    const [recency, orders, revenue] = [0, 1, 2].map((k) => rows.map((r) => r[k]));
    const scores = scoreRfm(recency, orders, revenue, { bins: 3 });
    const seg = segmentCustomers(scores, "rfm");
    const up = segmentUpgrade(scores, seg, "rfm", recency, orders, revenue);
    expect(up.next[0]).toBe(0);
    expect(up.gap[0]).toBe(2);
    expect(segmentAfter(scores, "rfm", 0, orders[0] + up.orders[0], revenue[0] + up.gap[0])).toBe(0);
  });

  it("keeps the built-in rules' order as the order of preference (champions first, others last)", () => {
    expect(RFM_VIGNETTE_RULES[0].name).toBe("champions");
    expect(RFM_VIGNETTE_RULES[RFM_VIGNETTE_RULES.length - 1].name).toBe("lost");
  });
});

describe("actionableAmount and actionableGap", () => {
  it("rounds up to whole units, two significant figures above 100", () => {
    expect([0.03, 12.3, 99.2, 156.2, 1234, 0, 110.00000000000001].map(actionableAmount)).toEqual([1, 13, 100, 160, 1300, 0, 110]);
  });

  it("is never below the amount and never more than 10 % (or one unit) above it (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.0001, max: 1e9, noNaN: true }), (x) => {
        const y = actionableAmount(x);
        expect(y).toBeGreaterThanOrEqual(x);
        expect(y).toBeLessThanOrEqual(Math.max(x * 1.1 + 1e-6 * x, x + 1));
        expect(Number.isInteger(y)).toBe(true);
      }),
    );
  });

  it("shows score points to a tenth and orders whole: no 0.0056-point gaps", () => {
    expect(actionableGap(0.0056, "points")).toBe(0.1);
    expect(actionableGap(2.31, "points")).toBe(2.4);
    expect(actionableGap(1.2, "orders")).toBe(2);
    expect(actionableGap(0.03, "revenue")).toBe(1);
    expect(Number.isNaN(actionableGap(NaN, "revenue"))).toBe(true);
  });
});
