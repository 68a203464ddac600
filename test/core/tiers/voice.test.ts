/**
 * Issue 15 §4: the voice of each tier (src/core/tiers/voice.ts): a golden NPS on a hand table, the
 * margin of error, the per-customer rules (latest answer, summed counts), the value checks, and
 * properties (NPS within −100…100; a blank never counts as a 0; adding a promoter never lowers NPS).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { customerVoice, npsOf, satisfactionScale, voiceByTier, voiceValueProblem } from "../../../src/core/tiers/voice";

describe("NPS per tier (golden, by hand)", () => {
  // Tier 0: answers 10, 9, 9, 8, 7, 6, 3, blank, blank, 0 → 3 promoters, 2 passives, 3 detractors of 8 responders.
  // NPS = 100 × (3 − 3) / 8 = 0. Tier 1: 10, 10, 9, 5 → 3 promoters, 1 detractor of 4: NPS = 100 × 2/4 = 50.
  const nps = Float64Array.from([10, 9, 9, 8, 7, 6, 3, NaN, NaN, 0, 10, 10, 9, 5]);
  const tierOf = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
  const [a, b] = voiceByTier(tierOf, 2, { nps });

  it("counts responders only, and the categories 9–10, 7–8, 0–6", () => {
    expect(a).toMatchObject({ npsResponders: 8, promoters: 3, passives: 2, detractors: 3, nps: 0 });
    expect(b).toMatchObject({ npsResponders: 4, promoters: 3, passives: 0, detractors: 1, nps: 50 });
  });

  it("gives the 95 % margin of error by the adjusted Wald method (n + 3, ¾ more promoters and detractors)", () => {
    // Tier 0: p̃ = d̃ = 3.75/11: var = (7.5/11 − 0) / 11; margin = 1.96 × 100 × √0.061983… = 48.797…
    expect(a.npsMargin).toBeCloseTo(196 * Math.sqrt(7.5 / 11 / 11), 9);
    expect(a.npsMargin).toBeCloseTo(48.797, 3);
    // Tier 1: p̃ = 3.75/7, d̃ = 1.75/7: var = (5.5/7 − (2/7)²) / 7.
    expect(b.npsMargin).toBeCloseTo(196 * Math.sqrt((5.5 / 7 - (2 / 7) ** 2) / 7), 9);
    // Seven promoters of seven: NPS 100, and the margin is not 0 (the adjustment's point).
    const [all] = voiceByTier(new Int32Array(7), 1, { nps: new Float64Array(7).fill(10) });
    expect(all.nps).toBe(100);
    expect(all.npsMargin).toBeGreaterThan(10);
  });

  it("leaves a tier without responders blank (NaN), not 0", () => {
    const [none] = voiceByTier(Int32Array.from([0, 0]), 1, { nps: Float64Array.from([NaN, NaN]) });
    expect(none.npsResponders).toBe(0);
    expect(Number.isNaN(none.nps) && Number.isNaN(none.npsMargin)).toBe(true);
    expect(Number.isNaN(none.satisfaction)).toBe(true);
  });
});

describe("satisfaction, complaints, referrals, engagement per tier", () => {
  const tierOf = Int32Array.from([0, 0, 0, 1, 1, -1]);
  const voice = {
    satisfaction: Float64Array.from([4, 5, NaN, 2, NaN, 5]),
    complaints: Float64Array.from([0, 3, NaN, 1, 1, 9]),
    referrals: Float64Array.from([2, 0, 0, NaN, NaN, 1]),
    engagement: Float64Array.from([10, NaN, 20, -4, NaN, 100]),
  };
  const [a, b] = voiceByTier(tierOf, 2, voice);
  it("means over responders, rates as shares of customers with a value, customers outside a tier left out", () => {
    expect(a).toMatchObject({ satisfactionResponders: 2, satisfaction: 4.5, complaintsKnown: 2, complaintRate: 0.5, referralsKnown: 3, engagementKnown: 2, engagement: 15 });
    expect(a.referralRate).toBeCloseTo(1 / 3, 12);
    expect(b).toMatchObject({ satisfactionResponders: 1, satisfaction: 2, complaintsKnown: 2, complaintRate: 1, referralsKnown: 0, engagement: -4 });
    expect(Number.isNaN(b.referralRate)).toBe(true);
  });
  it("says the satisfaction scale: the smallest of 5, 7, 10, 100 holding every value", () => {
    expect(satisfactionScale(voice.satisfaction)).toBe(5);
    expect(satisfactionScale([1, 6, NaN])).toBe(7);
    expect(satisfactionScale([9.5])).toBe(10);
    expect(satisfactionScale([72])).toBe(100);
    expect(satisfactionScale([NaN])).toBeNull();
  });
  it("keeps a mean of huge engagement values finite", () => {
    const [t] = voiceByTier(Int32Array.from([0, 0]), 1, { engagement: Float64Array.from([1.5e308, 1.5e308]) });
    expect(t.engagement).toBeCloseTo(1.5e308, -300);
    expect(Number.isFinite(t.engagement)).toBe(true);
  });
});

describe("a customer's value from several rows", () => {
  // Customer 0 answered 3 (on day 10), then 9 (day 20); customer 1 answered on the same day twice: the later row wins.
  const lines = { customer: Int32Array.from([0, 0, 1, 1, 0]), date: Float64Array.from([20, 10, 5, 5, 30]), sourceRow: Int32Array.from([0, 1, 2, 3, 4]), count: 5 };
  const perRow = {
    nps: Float64Array.from([9, 3, 6, 8, NaN]),
    complaints: Float64Array.from([1, NaN, 2, 0, 1]),
  };
  const voice = customerVoice(lines, 3, perRow);
  it("keeps the latest answer of a state, ignoring a later blank", () => {
    expect(Array.from(voice.nps!)).toEqual([9, 8, NaN]);
  });
  it("sums the counts present; a customer without any stays blank", () => {
    expect(Array.from(voice.complaints!)).toEqual([2, 2, NaN]);
    expect(voice.satisfaction).toBeUndefined();
  });
});

describe("values a voice cell may hold", () => {
  it("refuses out-of-scale answers with their own codes", () => {
    expect(voiceValueProblem("nps", 10)).toBeNull();
    expect(voiceValueProblem("nps", 0)).toBeNull();
    expect(voiceValueProblem("nps", 11)).toBe("npsRange");
    expect(voiceValueProblem("nps", 8.5)).toBe("npsRange");
    expect(voiceValueProblem("nps", -1)).toBe("npsRange");
    expect(voiceValueProblem("satisfaction", 4.2)).toBeNull();
    expect(voiceValueProblem("satisfaction", 101)).toBe("satisfactionRange");
    expect(voiceValueProblem("satisfaction", -0.5)).toBe("satisfactionRange");
    expect(voiceValueProblem("complaints", 2)).toBeNull();
    expect(voiceValueProblem("referrals", 1.5)).toBe("countRange");
    expect(voiceValueProblem("complaints", -1)).toBe("countRange");
    expect(voiceValueProblem("engagement", -123.4)).toBeNull();
  });
});

describe("properties", () => {
  const answer = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(NaN));
  it("NPS is within −100…100 and its margin finite and ≥ 0, or both blank without responders", () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 60 }), (answers) => {
        const [t] = voiceByTier(new Int32Array(answers.length), 1, { nps: Float64Array.from(answers) });
        if (t.npsResponders === 0) return Number.isNaN(t.nps) && Number.isNaN(t.npsMargin);
        return t.nps >= -100 && t.nps <= 100 && Number.isFinite(t.npsMargin) && t.npsMargin >= 0;
      }),
    );
  });
  it("a blank is never a 0: replacing blanks by 0 changes the responders whenever there is a blank", () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 40 }), (answers) => {
        const tierOf = new Int32Array(answers.length);
        const [blank] = voiceByTier(tierOf, 1, { nps: Float64Array.from(answers), satisfaction: Float64Array.from(answers) });
        const [zero] = voiceByTier(tierOf, 1, { nps: Float64Array.from(answers, (v) => (v !== v ? 0 : v)), satisfaction: Float64Array.from(answers, (v) => (v !== v ? 0 : v)) });
        const blanks = answers.filter((v) => v !== v).length;
        expect(zero.npsResponders - blank.npsResponders).toBe(blanks);
        expect(zero.detractors - blank.detractors).toBe(blanks);
        expect(zero.satisfactionResponders - blank.satisfactionResponders).toBe(blanks);
        // And the blank tier's figures are those of the answers alone.
        const given = answers.filter((v) => v === v);
        const [alone] = voiceByTier(new Int32Array(given.length), 1, { nps: Float64Array.from(given), satisfaction: Float64Array.from(given) });
        expect(blank.nps).toBe(alone.nps);
        expect(blank.satisfaction).toBe(alone.satisfaction);
      }),
    );
  });
  it("adding a promoter never lowers NPS, adding a detractor never raises it", () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 40 }), fc.integer({ min: 9, max: 10 }), fc.integer({ min: 0, max: 6 }), (answers, promoter, detractor) => {
        const npsWith = (extra: number[]) => {
          const all = [...answers, ...extra];
          return voiceByTier(new Int32Array(all.length), 1, { nps: Float64Array.from(all) })[0].nps;
        };
        const before = npsWith([]);
        const up = npsWith([promoter]);
        const down = npsWith([detractor]);
        if (before !== before) return up === 100 && down === -100;
        return up >= before && down <= before;
      }),
    );
  });
  it("npsOf agrees with the counts", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (p, n, d) => {
        const r = npsOf(p, d, p + n + d);
        if (p + n + d === 0) return Number.isNaN(r.nps);
        return Math.abs(r.nps - (100 * (p - d)) / (p + n + d)) < 1e-9 && r.margin > 0 && r.margin <= 196 + 1e-9;
      }),
    );
  });
});
