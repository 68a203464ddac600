/**
 * Hostile input to the functions that landed with issues 13 and 14 (issue 12's classes): TIER.CLVPREDICT's
 * margin (one cell or a range per row), TIER.NEXTPURCHASE, TIER.MOVERS and TIER.COHORT (first_tier), called as
 * this profile's Excel calls them (test/support/excel-functions.ts: blanks null on the web, 0 on Windows).
 * Whatever comes in, a call spills only finite numbers and text, or fails with #VALUE! and a short message
 * that names an argument (or the data set as a whole) and holds no internal sentence.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { excelError } from "../support/custom-functions";
import { checkHostile } from "../support/hostile";
import * as F from "../support/excel-functions";
import * as Functions from "../../src/functions/functions";
import { defaultHostProfile } from "../../src/standin";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const o = null as unknown as undefined;
const J = 45296;
const ARGUMENT_NAMES = /'(customers|dates|amounts|as_of|horizon_months|monthly_discount|unit|model|margin|within|ids_before|tiers_before|ids_after|tiers_after|order|measure_before|measure_after|by|measure|first_tier)'|TIER\.[A-Z]+/;
const INTERNAL = /objective|RangeError|TypeError|NaN|Infinity|undefined|\bat [a-z]+ \(/;
const WHOLE_DATA = /This formula passes|BG\/NBD|Pareto\/NBD|Gamma-Gamma|Nobody in the data|spend model|No customer|no customer/;

afterEach(() => vi.restoreAllMocks());

/** The shared check (test/support/hostile.ts) with this suite's words. */
const hostile = (call: () => unknown): unknown => checkHostile(call, { argumentNames: ARGUMENT_NAMES, wholeData: WHOLE_DATA, internal: INTERNAL });

const cell = fc.oneof(
  fc.constantFrom<unknown>(1e308, -1e308, 5e-324, -5e-324, "1e400", "-1e400", 0, 1, -1, "", " ", null, true, "abc", "#N/A", "1,234", "2024-01-05", "=cmd|' /C calc'!A0", "+1", "-x", "@SUM(1)"),
  fc.constant({ code: "#DIV/0!" }),
  fc.constant("x".repeat(200)),
  fc.integer({ min: J - 400, max: J + 400 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const scalar = fc.oneof(cell.map((c) => [[c]]), fc.constant(null));
const mostly = <T>(sane: fc.Arbitrary<T>, n: number) =>
  fc.array(fc.oneof({ weight: 6, arbitrary: sane as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: cell }), { minLength: n, maxLength: n }).map((c) => c.map((x) => [x]));
const ids = (n: number) => mostly(fc.constantFrom<unknown>("a", "b", "c", 7, "=1+1", "@x"), n);
const dates = (n: number) => mostly(fc.integer({ min: J - 700, max: J }), n);
const amounts = (n: number) => mostly(fc.double({ min: -10, max: 1e4, noNaN: true }), n);
const rates = (n: number) => mostly(fc.double({ min: 0, max: 1, noNaN: true }), n);
const tiers = (n: number) => mostly(fc.constantFrom<unknown>("A", "B", "C", "Gold", "New", "Gone", 1, 2), n);

const calls: Record<string, fc.Arbitrary<() => unknown>> = {
  "clvpredict margin cell": fc.integer({ min: 2, max: 14 }).chain((n) => fc.tuple(ids(n), dates(n), amounts(n), scalar, scalar).map(([c, d, a, model, mg]) => () => F.clvpredict(c, d, a, o, o, o, o, model as never, mg as never))),
  "clvpredict margin rows": fc.integer({ min: 2, max: 14 }).chain((n) => fc.tuple(ids(n), dates(n), amounts(n), rates(n)).map(([c, d, a, mg]) => () => F.clvpredict(c, d, a, o, o, o, o, o, mg as never))),
  nextpurchase: fc.integer({ min: 2, max: 14 }).chain((n) => fc.tuple(ids(n), dates(n), scalar, scalar, scalar, scalar).map(([c, d, asOf, w, u, model]) => () => F.nextpurchase(c, d, asOf as never, w as never, u as never, model as never))),
  movers: fc.integer({ min: 1, max: 10 }).chain((n) => fc.tuple(ids(n), tiers(n), ids(n), tiers(n), fc.oneof(tiers(3), fc.constant(null)), fc.oneof(amounts(n), fc.constant(null)), fc.oneof(amounts(n), fc.constant(null))).map(([a, b, c, d, e, f, g]) => () => F.movers(a, b, c, d, e as never, f as never, g as never))),
  cohort: fc.integer({ min: 1, max: 14 }).chain((n) => fc.tuple(ids(n), dates(n), fc.oneof(amounts(n), fc.constant(null)), fc.constantFrom<unknown>(null, [["month"]], [["quarter"]], [["x"]]), fc.constantFrom<unknown>(null, [["customers"]], [["revenue"]]), fc.constantFrom<unknown>(null, [["segment"]], [["abc"]], [["rfm"]], [["x".repeat(300)]])).map(([c, d, a, by, me, ft]) => () => F.cohort(c, d, a as never, by, me, ft))),
};

describe("the new functions' edges", () => {
  it("TIER.MOVERS: an order that leaves a tier out names 'order' and echoes a few dozen characters of it", () => {
    const order = [["A"], ["B"], ...Array.from({ length: 3000 }, (_, i) => [`T${i}`])];
    const message = excelError(() => F.movers(col("1", "2", "3"), col("A", "B", "C"), col("1", "2"), col("A", "A"), order, o, o)).message;
    expect(message).toMatch(/^'order' \(A, B, T0, .*…\) does not name the tier "C"/);
    expect(message.length).toBeLessThan(200);
  });

  it("TIER.COHORT: refunds only say so (it spilled a header alone); totals past the largest double name 'amounts', not a 'values' row", () => {
    expect(excelError(() => F.cohort(col("a", "b"), col(J, J + 40), col(-5, -1), o, o, o)).message).toMatch(/^Every one of the 2 amounts in 'amounts' is below 0/);
    const huge = [col("a", "b", "a"), col(J - 60, J - 59, J), col(1e308, 1e308, 1e308)] as const;
    expect(excelError(() => F.cohort(...huge, o, [["revenue"]], o)).message).toMatch(/^A total of 'amounts' passes the largest number/);
    expect(excelError(() => F.cohort(...huge, o, o, [["abc"]])).message).toMatch(/^A total of 'amounts' passes the largest number/);
  });
});

describe("the new functions, property-based", () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: only finite cells, or #VALUE! naming an argument`, () => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      fc.assert(fc.property(call, (f) => void hostile(f)), { numRuns: name.startsWith("clv") || name === "nextpurchase" ? 60 : 200 });
    });
  }
});

/**
 * The whole-column trim (src/functions/trim.ts) under this profile's blanks (0 on Windows, null on the web), built
 * already delivered as whole-column.test.ts builds them (the stand-in's copy of a million rows would be the test's time).
 */
describe("whole columns, hostile", () => {
  const ROWS = 1_048_576;
  const blank = defaultHostProfile() === "web" ? null : 0;
  const tall = (data: readonly unknown[], height = ROWS, top = 0): unknown[][] => {
    const out: unknown[][] = new Array(height);
    for (let i = 0; i < height; i++) out[i] = [i >= top && i - top < data.length ? data[i - top] : blank];
    return out;
  };
  const n = 3000;
  const ids = Array.from({ length: n }, (_, i) => `c${i % 700}`);
  const days = Array.from({ length: n }, (_, i) => J - 600 + ((i * 37) % 600));
  const amounts = Array.from({ length: n }, (_, i) => 5 + ((i * 7919) % 1000) / 10);

  it("ranges of different heights are refused by the heights given, not read one row apart once trimmed (A:A beside B2:B1048576)", () => {
    // B2:B1048576 holds the dates from its first row, which is the sheet's row 2: each customer would get the next row's date.
    const message = excelError(() => Functions.rfm(tall(ids), tall(days, ROWS - 1), tall(amounts), o)).message;
    expect(message).toMatch(/1048576/);
    expect(message).toMatch(/1048575/);
    expect(excelError(() => Functions.movers(tall(ids), tall(ids.map(() => "A"), ROWS - 1), col("c1"), col("A"), o, o, o)).message).toMatch(/1048575/);
  });

  it("a per-row margin as a whole column is trimmed with the transactions and gives what the rows with data give", () => {
    const rates = amounts.map((_, i) => (i % 3) / 10);
    const whole = Functions.clvpredict(tall(ids), tall(days), tall(amounts), o, o, o, o, o, tall(rates));
    const rows = F.clvpredict(col(...ids), col(...days), col(...amounts), o, o, o, o, o, col(...rates));
    expect(whole).toEqual(rows);
  });

  it("rows of zeros (Windows' blanks) inside the data are blank rows, and a range with data in its last row only is measured, not hung on", () => {
    const withGaps = [...ids.slice(0, 10), blank, ...ids.slice(10, 20)];
    const daysGaps = [...days.slice(0, 10), blank, ...days.slice(10, 20)];
    const amountGaps = [...amounts.slice(0, 10), blank, ...amounts.slice(10, 20)];
    expect(F.cohort(col(...withGaps), col(...daysGaps), col(...amountGaps), o, o, o)).toEqual(F.cohort(col(...ids.slice(0, 20)), col(...days.slice(0, 20)), col(...amounts.slice(0, 20)), o, o, o));
    const t0 = performance.now();
    const last = (v: unknown) => tall([v], ROWS, ROWS - 1);
    hostile(() => Functions.nextpurchase(last("c1"), last(J), o, o, o, o));
    hostile(() => Functions.cohort(last("c1"), last(J), last(5), o, o, [["abc"]]));
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe("hangs, two-dimensional outputs and overflowing differences", () => {
  const c = col("a", "a", "b", "b", "c", "c", "d", "d", "e");
  const d = col(J - 300, J - 200, J - 250, J - 100, J - 280, J - 20, J - 150, J - 10, J - 5);

  it("TIER.NEXTPURCHASE with Pareto/NBD and a window of 1e308 units answers at once (a fit at its limit asked for billions of panels)", () => {
    const t0 = performance.now();
    const out = hostile(() => F.nextpurchase(c, d, o, [[1e308]], o, [["pareto"]])) as unknown[][];
    expect(performance.now() - t0).toBeLessThan(1000);
    for (const row of out.slice(1)) expect(row[1]).toBeGreaterThanOrEqual(0);
  });

  it("TIER.COHORT over dates from 1900 to 9999 names the dates' span (it failed inside the engine on a 97,198² triangle)", () => {
    const message = excelError(() => F.cohort(col("a", "b"), col(61, 2958465), o, o, o, o)).message;
    expect(message).toBe("'dates' runs from 1900-03-01 to 9999-12-31: 97198 months of cohorts, and a cohort table spans at most 600; check 'dates' for a wrong date (a year such as 1900 or 9999), or take the rows of a shorter period.");
    expect(excelError(() => F.cohort(col("a", "b"), col(61, J), o, o, o, [["segment"]])).message).toMatch(/^'dates' runs from 1900-03-01/);
  });

  it("TIER.MOVERS refuses a change past the largest double (−1e308 to 1e308 spilled a blank change)", () => {
    expect(excelError(() => F.movers(col("a"), col("A"), col("a"), col("B"), o, col(-1e308), col(1e308))).message).toMatch(/^A total of 'measure_after' passes the largest number/);
  });

  it("a per-row margin of text beyond a double says it is too large, not that it is not a number", () => {
    expect(excelError(() => F.clvpredict(c, d, col(10, 20, 15, 5, 30, 12, 8, 9, 4), o, o, o, o, o, col("1e400", 0.3, 0.2, 0.2, 0.1, 0.1, 0.3, 0.3, 0.3))).message).toMatch(/^argument 'margin', row 1: 1e400 is beyond the largest number/);
  });
});
