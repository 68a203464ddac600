/**
 * Membership levels (issue 15 §1), properties on random histories and policies: the product equals the
 * independent replay; at every expiry review the customer is reviewed and never keeps a level whose keep the
 * metric missed; more spend never gives a lower level where that holds (see the counterexample below for
 * where it does not); no NaN or Infinity anywhere.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateText } from "../../../src/core/cells/dates";
import { computeLevels, type LevelPolicy, type LevelsResult } from "../../../src/core/over-time/levels";
import { readTransactions } from "../../../src/core/transactions/read";
import { monthsAway, replayLevels, replayReviews } from "./levels-replay";

const BASE = parseDateText("2023-01-01");
type Row = { id: number; day: number; cents: number };
const toTx = (rows: readonly Row[]) =>
  readTransactions({ customers: rows.map((r) => `c${r.id}`), dates: rows.map((r) => BASE + r.day), amounts: rows.map((r) => r.cents / 100) });

const rowArb = (minCents: number) => fc.record({ id: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 0, max: 900 }), cents: fc.integer({ min: minCents, max: 40000 }) });
const policyArb = (metric?: "spend" | "orders"): fc.Arbitrary<LevelPolicy> =>
  fc
    .record({
      steps: fc.array(fc.record({ rise: fc.integer({ min: 1, max: 300 }), slack: fc.integer({ min: 0, max: 300 }) }), { minLength: 1, maxLength: 4 }),
      metric: metric ? fc.constant(metric) : fc.constantFrom<"spend" | "orders">("spend", "orders"),
      windowMonths: fc.integer({ min: 1, max: 14 }),
      validityMonths: fc.integer({ min: 1, max: 14 }),
    })
    .map(({ steps, metric: m, windowMonths, validityMonths }) => {
      const scale = m === "orders" ? 0.02 : 1;
      let entry = 0;
      const levels = steps.map((s, k) => {
        entry += Math.max(1, Math.round(s.rise * scale));
        return { name: `L${k}`, entry, keep: Math.max(0, entry - Math.round(s.slack * scale)) };
      });
      return { levels, metric: m, windowMonths, validityMonths };
    });
const asOfArb = fc.integer({ min: 30, max: 950 }).map((k) => BASE + k);

function allFinite(r: LevelsResult): boolean {
  return [r.since, r.expires, r.metric, r.gapToNext, r.gapToKeep].every((a) => a.every((v) => Number.isFinite(v))) && r.changes.every((c) => Number.isFinite(c.date));
}

describe("levels, properties", () => {
  it("equals the independent replay for any history, policy, as-of date and start", () => {
    fc.assert(
      fc.property(fc.array(rowArb(-5000), { minLength: 1, maxLength: 40 }), policyArb(), asOfArb, fc.option(fc.integer({ min: 0, max: 400 })), (rows, policy, asOf, start) => {
        const tx = toTx(rows);
        const first = Math.min(...rows.map((r) => BASE + r.day));
        fc.pre(first <= asOf && (start === null || BASE + start <= asOf));
        const from = start === null ? undefined : BASE + start;
        const result = computeLevels(tx, policy, asOf, from);
        const replay = replayLevels(tx, policy, asOf, from);
        result.customerIds.forEach((id, c) => {
          const r = replay.customers.get(id)!;
          expect([result.level[c], result.since[c], result.expires[c], result.metric[c], result.gapToNext[c], result.gapToKeep[c], result.downgradesNextReview[c] === 1]).toEqual([
            r.level, r.since, r.expires, r.metric, r.gapToNext, r.gapToKeep, r.downgrades,
          ]);
        });
        expect(result.changes.map((ch) => ({ id: result.customerIds[ch.customer], date: ch.date, from: ch.from, to: ch.to, reason: ch.reason }))).toEqual(
          [...replay.changes].sort((a, b) => (a.id === b.id ? a.date - b.date : result.customerIds.indexOf(a.id) - result.customerIds.indexOf(b.id))),
        );
        expect(allFinite(result)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("(a) at every expiry review the customer is reviewed, and never keeps a level whose keep the window's metric missed", () => {
    fc.assert(
      fc.property(fc.array(rowArb(-3000), { minLength: 1, maxLength: 40 }), policyArb(), asOfArb, (rows, policy, asOf) => {
        const tx = toTx(rows);
        const first = Math.min(...rows.map((r) => BASE + r.day));
        fc.pre(first <= asOf);
        const result = computeLevels(tx, policy, asOf);
        const { dates } = replayReviews(first, asOf);
        result.customerIds.forEach((id, c) => {
          const mine = rows.filter((r) => `c${r.id}` === id).sort((a, b) => a.day - b.day);
          const metricAt = (d: number) => {
            const inWindow = mine.filter((r) => BASE + r.day > monthsAway(d, -policy.windowMonths) && BASE + r.day <= d);
            return policy.metric === "orders" ? inWindow.filter((r) => r.cents >= 0).length : inWindow.reduce((s, r) => s + r.cents / 100, 0);
          };
          const changes = result.changes.filter((ch) => ch.customer === c);
          let expires = Infinity;
          for (const ch of changes) {
            // Reviewed no later than the first review on or after the expiry.
            const due = dates.find((d) => d >= expires);
            if (due !== undefined) expect(ch.date).toBeLessThanOrEqual(due);
            if (ch.reason !== "upgrade" && ch.to >= 0) expect(metricAt(ch.date)).toBeGreaterThanOrEqual(policy.levels[ch.to].keep - 1e-9);
            if (ch.reason === "downgrade") for (let k = ch.to + 1; k < ch.from; k++) expect(metricAt(ch.date)).toBeLessThan(policy.levels[k].keep + 1e-9);
            expires = ch.to >= 0 ? monthsAway(ch.date, policy.validityMonths) : Infinity;
          }
          // No expiry left unreviewed after the last change.
          expect(dates.some((d) => d >= expires && d > (changes.at(-1)?.date ?? -Infinity))).toBe(false);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("(b) more spend at the last review (a purchase added on the as-of date, or that review's own purchases scaled up) never gives a lower level", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb(0), { minLength: 1, maxLength: 40 }),
        policyArb(),
        asOfArb,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 40000 }),
        fc.integer({ min: 100, max: 400 }),
        (rows, policy, asOf, who, cents, percent) => {
          const first = Math.min(...rows.map((r) => BASE + r.day));
          fc.pre(first <= asOf);
          const before = computeLevels(toTx(rows), policy, asOf, first);
          const added = computeLevels(toTx([...rows, { id: who, day: asOf - BASE, cents }]), policy, asOf, first);
          const lastMonthStart = replayReviews(first, asOf).dates.at(-2) ?? -Infinity;
          const scaled = computeLevels(toTx(rows.map((r) => (BASE + r.day > lastMonthStart && r.id === who ? { ...r, cents: Math.round((r.cents * percent) / 100) } : r))), policy, asOf, first);
          before.customerIds.forEach((id, c) => {
            expect(added.level[added.customerIds.indexOf(id)]).toBeGreaterThanOrEqual(before.level[c]);
            expect(scaled.level[scaled.customerIds.indexOf(id)]).toBeGreaterThanOrEqual(before.level[c]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("(b) with keep = entry and a validity of one month (no memory), more spend anywhere never gives a lower level", () => {
    const memoryless = policyArb("spend").map((p) => ({ ...p, validityMonths: 1, levels: p.levels.map((l) => ({ ...l, keep: l.entry })) }));
    fc.assert(
      fc.property(fc.array(rowArb(0), { minLength: 1, maxLength: 40 }), memoryless, asOfArb, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 100, max: 400 }), fc.integer({ min: 0, max: 900 }), (rows, policy, asOf, who, percent, day) => {
        const first = Math.min(...rows.map((r) => BASE + r.day));
        fc.pre(first <= asOf && BASE + day <= asOf);
        const before = computeLevels(toTx(rows), policy, asOf, BASE);
        const scaled = computeLevels(toTx(rows.map((r) => (r.id === who ? { ...r, cents: Math.round((r.cents * percent) / 100) } : r))), policy, asOf, BASE);
        const added = computeLevels(toTx([...rows, { id: who, day, cents: 5000 }]), policy, asOf, BASE);
        before.customerIds.forEach((id, c) => {
          expect(scaled.level[scaled.customerIds.indexOf(id)]).toBeGreaterThanOrEqual(before.level[c]);
          expect(added.level[added.customerIds.indexOf(id)]).toBeGreaterThanOrEqual(before.level[c]);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("(b) in general it does not hold, by the rules as written: an earlier upgrade brings an earlier expiry review", () => {
    // Levels a (entry 100, keep 100) and b (entry 200, keep 200). Base: 100 on 2024-01-15 (a from 01-31), 100 on
    // 2024-12-15 (b from 12-31, expires 2025-12-31): b at 2025-01-31. With 100 more on 2024-01-20 the customer is b
    // from 2024-01-31, expiring 2025-01-31, when the window holds only the December 100: down to a.
    const policy: LevelPolicy = { levels: [{ name: "a", entry: 100, keep: 100 }, { name: "b", entry: 200, keep: 200 }], metric: "spend", windowMonths: 12, validityMonths: 12 };
    const tx = (extra: boolean) =>
      readTransactions({ customers: extra ? ["x", "x", "x"] : ["x", "x"], dates: ["2024-01-15", "2024-12-15", ...(extra ? ["2024-01-20"] : [])], amounts: [100, 100, ...(extra ? [100] : [])] });
    const asOf = parseDateText("2025-01-31");
    expect(computeLevels(tx(false), policy, asOf).level[0]).toBe(1);
    expect(computeLevels(tx(true), policy, asOf).level[0]).toBe(0);
  });

  it("(c) no NaN or Infinity anywhere, amounts from −10¹² to 10¹²", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 0, max: 900 }), amount: fc.double({ min: -1e12, max: 1e12, noNaN: true }) }), { minLength: 1, maxLength: 30 }),
        policyArb(),
        asOfArb,
        (rows, policy, asOf) => {
          fc.pre(Math.min(...rows.map((r) => BASE + r.day)) <= asOf);
          const tx = readTransactions({ customers: rows.map((r) => r.id), dates: rows.map((r) => BASE + r.day), amounts: rows.map((r) => r.amount) });
          expect(allFinite(computeLevels(tx, policy, asOf))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
