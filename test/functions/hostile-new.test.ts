/**
 * Hostile input to the functions that landed with issues 13 and 14 (issue 12's classes): TIER.CLVPREDICT's
 * margin (one cell or a range per row), TIER.NEXTPURCHASE, TIER.MOVERS and TIER.COHORT (first_tier), called as
 * this profile's Excel calls them (test/support/excel-functions.ts: blanks null on the web, 0 on Windows).
 * Whatever comes in, a call spills only finite numbers and text, or fails with #VALUE! and a short message
 * that names an argument (or the data set as a whole) and holds no internal sentence.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { excelError, StandInCustomFunctionError } from "../support/custom-functions";
import * as F from "../support/excel-functions";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const o = null as unknown as undefined;
const J = 45296;
const ARGUMENT_NAMES = /'(customers|dates|amounts|as_of|horizon_months|monthly_discount|unit|model|margin|within|ids_before|tiers_before|ids_after|tiers_after|order|measure_before|measure_after|by|measure|first_tier)'|TIER\.[A-Z]+/;
const INTERNAL = /objective|RangeError|TypeError|NaN|Infinity|undefined|\bat [a-z]+ \(/;
const WHOLE_DATA = /BG\/NBD|Pareto\/NBD|Gamma-Gamma|Nobody in the data|spend model|No customer|no customer/;

afterEach(() => vi.restoreAllMocks());

function hostile(call: () => unknown): unknown {
  let out: unknown;
  try {
    out = call();
  } catch (e) {
    expect(e).toBeInstanceOf(StandInCustomFunctionError);
    const message = (e as Error).message;
    expect(message.length).toBeLessThan(700);
    if (!WHOLE_DATA.test(message)) expect(message).toMatch(ARGUMENT_NAMES);
    expect(message).not.toMatch(INTERNAL);
    return e;
  }
  expect(Array.isArray(out)).toBe(true);
  for (const row of out as unknown[][]) {
    for (const cell of row) {
      expect(["string", "number", "boolean"]).toContain(typeof cell);
      if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
    }
  }
  return out;
}

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
