/**
 * Issue 12's hostile user against =TIER.LEVELS (issue 15 §1) and the word arguments beside it, called as this
 * profile's Excel calls them (test/support/excel-functions.ts: blanks null on the web, 0 on Windows). What it
 * found: a word that is also a property of every JavaScript object ("constructor", "__proto__") was looked up in a
 * plain object and echoed as "function Object() { [native code] }"; and the levels' history of changes, which the
 * function never spills, was built anyway (customers × month-ends of objects).
 */
import { describe, expect, it } from "vitest";
import { parseDateText } from "../../src/core/cells/dates";
import { excelError } from "../support/custom-functions";
import { checkHostile } from "../support/hostile";
import { clvfit, cohort, levels, score } from "../support/excel-functions";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const o = null as unknown as undefined;
const d = (s: string) => parseDateText(s);
const customers = col("a", "a", "b");
const dates = col("2024-01-10", "2024-03-05", "2024-02-01");
const amounts = col(120, 100, 60);
const policy = [
  ["Silver", 100, 50],
  ["Gold", 200, 150],
];
const words = {
  argumentNames: /'(customers|dates|amounts|policy|as_of|window_months|validity_months|metric|method)'/,
  wholeData: /This formula passes/,
  internal: /RangeError|TypeError|NaN|Infinity|undefined|function Object|\[object Object\]|\bat [a-z]+ \(/,
};

describe("words that are also JavaScript's", () => {
  for (const word of ["constructor", "__proto__", "toString"]) {
    it(`COHORT's 'first_tier' and CLVFIT's 'unit' of "${word}" are refused by name, never taken as a table entry`, () => {
      expect(excelError(() => cohort(customers, dates, amounts, o, o, word as never)).message).toMatch(new RegExp(`^'first_tier' is "${word}"`));
      expect(excelError(() => clvfit(customers, dates, amounts, o, word as never)).message).toMatch(/'unit'/);
    });
  }
  for (const word of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    it(`'metric' and SCORE's 'method' of "${word}" are echoed as typed`, () => {
      expect(excelError(() => levels(customers, dates, amounts, policy, o, o, o, word as never)).message).toBe(`'metric' is "${word}"; use spend or orders.`);
      expect(excelError(() => score([[1, 2], [3, 4], [5, 6]], [[1, 1]], o, o, word as never)).message).toMatch(new RegExp(`^'method' is "${word}"`));
    });
  }

  it("levels named constructor, __proto__ and toString are levels like any other", () => {
    const named = [
      ["constructor", 100, 50],
      ["__proto__", 200, 150],
    ];
    const table = checkHostile(() => levels(customers, dates, amounts, named), words) as unknown[][];
    expect(table[1].slice(0, 2)).toEqual(["a", "__proto__"]);
  });
});

describe("=TIER.LEVELS at the edges of time", () => {
  it("as_of far ahead, before every purchase, at the first purchase; a review range of a hundred years", () => {
    expect(excelError(() => levels(customers, dates, amounts, policy, "9999-12-31")).message).toMatch(/more than 1201 month-end reviews/);
    expect(excelError(() => levels(customers, dates, amounts, policy, "2000-01-01")).message).toMatch(/^'as_of' \(2000-01-01\) is before the first purchase/);
    expect(checkHostile(() => levels(customers, dates, amounts, policy, "2024-01-10"), words)).toEqual([
      expect.any(Array),
      ["a", "Silver", d("2024-01-10"), d("2025-01-10"), 120, 80, 0, false],
    ]);
    // A hundred years of month-end reviews, every customer kept at each (V = 1): 1,200 reviews, one row each.
    const t = checkHostile(() => levels(customers, dates, amounts, [["M", 1, 0]], "2123-12-31", 1200, 1), words) as unknown[][];
    expect(t.map((r) => r[1])).toEqual(["Level", "M", "M"]);
  });

  it("a window or validity of 0 is Excel on Windows' empty cell: the default of 12 months (src/functions/coerce.ts)", () => {
    expect(levels(customers, dates, amounts, policy, o, 0, 0)).toEqual(levels(customers, dates, amounts, policy));
  });

  for (const w of [-1, 1e9, "abc", 1e308, "1e400"]) {
    it(`window_months and validity_months of ${String(w)} name their argument`, () => {
      expect(excelError(() => levels(customers, dates, amounts, policy, o, w as never)).message).toMatch(/^'window_months'/);
      expect(excelError(() => levels(customers, dates, amounts, policy, o, o, w as never)).message).toMatch(/^'validity_months'/);
    });
  }

  it("a policy range of 20,000 levels says how many and the most", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => [`L${i}`, i + 1, i + 1]);
    expect(excelError(() => levels(customers, dates, amounts, many)).message).toMatch(/20000 levels; a policy takes at most 100/);
  });
});
