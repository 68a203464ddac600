/**
 * Whole-column formulas (issue 12): a function over `A:A` gets 1,048,576 rows, blanks sent as 0 by Excel on
 * Windows and as null by Excel on the web. Their trailing blank rows are dropped before the 5 MB check and
 * the work (src/functions/trim.ts), so a whole column of a few thousand rows gives what those rows give;
 * and data over 5 MB is refused before the work, which is counted here (cells read), not timed.
 * The times are in docs/PERFORMANCE.md (scripts/bench-functions.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runFunction } from "../../src/functions/errors";
import { numberTextLength } from "../../src/functions/size";
import { TALL_ROWS, trimTrailingBlankRows } from "../../src/functions/trim";
import { messages } from "../../src/i18n";
import * as functions from "../../src/functions/functions";
import { defaultHostProfile } from "../../src/standin";
import { excelError } from "../support/custom-functions";
import { abcclass, rfm } from "../support/excel-functions";

const ROWS = 1_048_576;
const m = messages("en");

/**
 * A whole column as this profile's Excel delivers it: `data` cells, then empty cells as 0 (Windows) or null
 * (web), as test/support's excelCall delivers them; built here already delivered, since the stand-in's copy
 * of a million rows would be most of the test's time. (On the web Excel refuses a whole column itself,
 * #CALC!, office-js #4613; the function is as fast on what it would send.)
 */
function wholeColumn(data: readonly unknown[]): unknown[][] {
  const blank = defaultHostProfile() === "web" ? null : 0;
  const out: unknown[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) out[i] = [i < data.length ? data[i] : blank];
  return out;
}

describe("trailing blank rows of tall ranges", () => {
  it("are dropped together for ranges of one height, to the last row with data in any of them", () => {
    const tall = (cells: unknown[]) => [...cells.map((c) => [c]), ...Array.from({ length: TALL_ROWS }, () => [0])];
    const a = tall([1, 2, null]);
    const b = tall(["x", "", "y"]);
    const c = tall([5]);
    const short = [[1], [0], [null]];
    trimTrailingBlankRows([a, b, c, short, 3, null]);
    expect(a).toEqual([[1], [2], [null]]);
    expect(b).toEqual([["x"], [""], ["y"]]);
    expect(c).toEqual([[5]]);
    expect(short).toEqual([[1], [0], [null]]);
  });

  it("keep one row of an all-blank range, and read a row of several cells as blank only when every cell is", () => {
    const blank = Array.from({ length: TALL_ROWS + 5 }, () => [null, 0, " "]);
    const block = [[1, 0, 0], [0, 0, 2], ...Array.from({ length: TALL_ROWS }, () => [0, null, ""])];
    trimTrailingBlankRows([blank, block]);
    expect(blank).toHaveLength(1);
    expect(block).toEqual([[1, 0, 0], [0, 0, 2]]);
  });
});

describe("whole-column formulas", () => {
  const n = 4000;
  const customers = Array.from({ length: n }, (_, i) => 1000 + (i % 900));
  const dates = Array.from({ length: n }, (_, i) => 44000 + ((i * 37) % 600));
  const amounts = Array.from({ length: n }, (_, i) => ((i * 7919) % 10000) / 100 + 1);
  const column = (cells: unknown[]) => cells.map((c) => [c]);

  it("give what the rows with data give, on this host's blanks", () => {
    expect(functions.rfm(wholeColumn(customers), wholeColumn(dates), wholeColumn(amounts), 44700)).toEqual(rfm(column(customers), column(dates), column(amounts), 44700));
    expect(functions.abcclass(wholeColumn(amounts))).toEqual(abcclass(column(amounts)));
  });

  it("over 5 MB of data answer the size message without doing the work (cells read, counted)", () => {
    let reads = 0;
    const counted = (range: unknown[][]) =>
      new Proxy(range, {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      });
    const full = Array.from({ length: ROWS }, (_, i) => [1000 + i]);
    let worked = false;
    const error = (() => {
      try {
        runFunction(m, [counted(full)], () => {
          worked = true;
          return [[0]];
        });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error?.message).toMatch(/^This formula passes \d+\.\d MB of data \(1,048,576 rows\)/);
    expect(worked).toBe(false);
    // The trim stops at the last row (it holds data) and the estimate samples 4,096 rows: not a million.
    expect(reads).toBeLessThan(10_000);
    expect(excelError(() => functions.abcclass(full)).message).toMatch(/^This formula passes/);
  });
});

describe("a number's length as text, counted without writing it (size.ts, exact counting near the cap)", () => {
  const same = (x: number) => expect(numberTextLength(x)).toBe(String(x).length);

  it("is String(x).length for every finite double (property) and at the edges of plain notation", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => numberTextLength(x) === String(x).length), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 }), (n, k) => numberTextLength(n / 10 ** k) === String(n / 10 ** k).length), { numRuns: 20_000 });
    for (const x of [0, -0, 1, -1, 0.1, 0.2 + 0.1, 1e-6, 1.5e-6, 9.99e-7, 1e-7, 1e15, 1e15 - 1, 999_999_999_999_999.9, 1e21, 123456789.123456, 2 ** 51, 2 ** 53 + 2, 45_000.5, 45_000 + 1 / 3, 0.99999999999999994, 9.999999999999998]) same(x);
  });
});
