/**
 * =TIER.LEVELS (issue 15 §1) called as Excel calls it, on both host profiles (blanks null on the web, 0 on
 * Windows; error cells as error objects): the spilled table and its header in both languages, the policy range
 * with or without a header row and with blank rows, the metric words, and every error naming its argument and row.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { parseDateText } from "../../src/core/cells/dates";
import { blankCell, excelError, setDisplayLanguage } from "../support/custom-functions";
import { checkHostile } from "../support/hostile";
import { TALL_ROWS } from "../../src/functions/trim";
import { levels } from "../support/excel-functions";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const omitted = null as unknown as undefined;
const d = (s: string) => parseDateText(s);

afterEach(() => setDisplayLanguage(undefined));

// a: 120 in January 2024 (普通 from 01-31), then 100 in March (银卡 from 03-31); b: one purchase of 60 (no level);
// 7 (a number id): 600 on 2023-02-10 (金卡), then nothing: dropped to none at 2024-02-29.
const customers = col("a", "a", "b", 7, "a");
const dates = col("2024-01-10", "2024-03-05", "2024-02-01", d("2023-02-10"), "2024-04-20");
const amounts = col(120, 100, 60, 600, -20);
const policy = [
  ["普通", 100, 50],
  ["银卡", 200, 150],
  ["金卡", 500, 400],
];
const HEADER = ["Customer", "Level", "Since", "Expires", "Metric", "Gap to next", "Gap to keep", "Downgrades at next review"];

describe("=TIER.LEVELS", () => {
  it("spills one row per customer as of the latest purchase, dates as serials, blanks where there is nothing", () => {
    expect(levels(customers, dates, amounts, policy)).toEqual([
      HEADER,
      ["a", "银卡", d("2024-03-31"), d("2025-03-31"), 200, 300, 0, false],
      ["b", "", "", "", 60, 40, "", false],
      [7, "", d("2024-02-29"), "", 0, 100, "", false],
    ]);
  });

  it("as_of, window and validity; a header row and blank rows in the policy; metric orders (English or Chinese)", () => {
    const withHeader = [["Level", "Entry", "Keep"], ...policy, [null, null, null]];
    const asOf = "2024-03-15";
    const table = levels(customers, dates, amounts, withHeader, asOf, 3, 6);
    // As of 2024-03-15 (a review, not a month-end), W 3: a's window (2023-12-15, 2024-03-15] holds 120 + 100.
    expect(table[1]).toEqual(["a", "银卡", d("2024-03-15"), d("2024-09-15"), 220, 280, 0, false]);
    const orders = [["等级", "入门", "保级"], ["一单", 1, 1], ["两单", 2, 1]];
    expect(levels(customers, dates, amounts, orders, omitted, omitted, omitted, "orders")[1]).toEqual(["a", "两单", d("2024-03-31"), d("2025-03-31"), 2, "", 0, false]);
    expect(levels(customers, dates, amounts, orders, omitted, omitted, omitted, "订单数")).toEqual(levels(customers, dates, amounts, orders, omitted, omitted, omitted, "orders"));
    // A blank optional argument is omitted on both hosts (0 on Windows): the defaults, W 12 and V 12.
    expect(levels(customers, dates, amounts, policy, blankCell, blankCell, blankCell, blankCell)).toEqual(levels(customers, dates, amounts, policy));
  });

  it("headers in Chinese; level names as written", () => {
    setDisplayLanguage("zh-CN");
    expect(levels(customers, dates, amounts, policy)[0]).toEqual(["客户", "等级", "起始日期", "到期日期", "指标", "距下一等级", "距保级", "下次评审将降级"]);
  });

  it("flags a downgrade at the next review", () => {
    const t = levels(col("w", "w"), col("2024-01-10", "2024-02-10"), col(250, -120), policy, "2024-12-31");
    expect(t[1]).toEqual(["w", "银卡", d("2024-01-31"), d("2025-01-31"), 130, 370, 20, true]);
  });

  it("errors name the policy's row (counting a header row) and what to do", () => {
    const bad = (p: unknown[][]) => excelError(() => levels(customers, dates, amounts, p)).message;
    expect(bad([["Level", "Entry", "Keep"], ["a", 100, 120]])).toBe(
      `argument 'policy', row 2: level "a" has keep 120 above its entry 100; the threshold to keep a level cannot be above the one to enter it. Lower keep or raise entry.`,
    );
    expect(bad([["a", 100, 50], ["b", 90, 50]])).toMatch(/^argument 'policy', row 2: level "b" enters at 90, not above "a" \(100\)/);
    expect(bad([["a", 100, 50], ["A", 200, 50]])).toMatch(/^argument 'policy', row 2: the level name "A" is used twice/);
    expect(bad([["a", "lots", 50]])).toMatch(/^argument 'policy', row 1: "lots" is not a number/);
    expect(bad([["a", 100, { code: "#N/A" }]])).toMatch(/^argument 'policy', row 1: the cell holds the Excel error #N\/A/);
    expect(bad([["a", 100]])).toMatch(/^'policy' has 2 columns; give three/);
    expect(bad([["a", 1e20, 50]])).toBe("argument 'policy', row 1: the entry threshold 100000000000000000000 is beyond ±1e+15; no spend or order count reaches it. Check the number.");
    expect(bad([["x".repeat(300), 100, 50], ["x".repeat(300), 200, 50]]).length).toBeLessThan(200);
    expect(bad([[null, null, null]])).toMatch(/^'policy' holds no level/);
    expect(excelError(() => levels(customers, dates, amounts, policy, omitted, 1.5)).message).toBe(`'window_months' is 1.5; use a whole number of months from 1 to 1200.`);
    expect(excelError(() => levels(customers, dates, amounts, policy, omitted, omitted, 2000)).message).toMatch(/^'validity_months' is 2000/);
    expect(excelError(() => levels(customers, dates, amounts, policy, omitted, omitted, omitted, "revenue")).message).toBe(`'metric' is "revenue"; use spend or orders.`);
    expect(excelError(() => levels(customers, dates, amounts, policy, "not a date")).message).toMatch(/as_of/);
    expect(excelError(() => levels(customers, dates, amounts, policy, "2020-01-01")).message).toMatch(/before the first purchase/);
    expect(excelError(() => levels(customers, dates, col(1, 2, "x", 4, 5), policy)).message).toMatch(/argument 'amounts', row 3/);
    expect(excelError(() => levels(customers, dates, col(1, 2, { code: "#DIV/0!" }, 4, 5), policy)).message).toMatch(/row 3: the cell holds the Excel error #DIV\/0!/);
    expect(excelError(() => levels(customers, col("2024-01-01"), amounts, policy)).message).toMatch(/customers.*dates/);
  });

  it("a blank threshold on the web is refused by name; on Windows it arrives as 0, a value", () => {
    const message = (() => {
      try {
        return levels(customers, dates, amounts, [["a", 100, null]]);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    if (process.env.TIER_HOST === "desktop") expect(Array.isArray(message)).toBe(true);
    else expect(message).toBe("argument 'policy', row 1: the keep threshold is empty; write a number such as 200 (or delete the row if it is no level).");
  });

  it("whole columns (=TIER.LEVELS(A:A,B:B,C:C,E1:G4)): the trailing blank rows are no data, on both hosts", () => {
    const tall = (cells: unknown[][]) => [...cells, ...Array.from({ length: TALL_ROWS + 5 }, () => [null])];
    expect(levels(tall(customers), tall(dates), tall(amounts), policy)).toEqual(levels(customers, dates, amounts, policy));
  });

  it("in Chinese, the policy's errors too", () => {
    setDisplayLanguage("zh-CN");
    expect(excelError(() => levels(customers, dates, amounts, [["a", 100, 120]])).message).toBe(
      "参数“policy”第 1 行：等级“a”的保级门槛 120 高于入门门槛 100；保级门槛不能高于入门门槛。请降低保级门槛或提高入门门槛。",
    );
  });
});

describe("=TIER.LEVELS on hostile input (issue 12's check)", () => {
  const J = d("2024-01-01");
  const cell = fc.oneof(
    fc.constantFrom<unknown>(1e308, -1e308, 5e-324, "1e400", 0, 1, -1, "", " ", null, true, "abc", "#N/A", "1,234", "2024-01-05", "=cmd|' /C calc'!A0", "@SUM(1)"),
    fc.constant({ code: "#DIV/0!" }),
    fc.constant("x".repeat(200)),
    fc.integer({ min: J - 800, max: J + 400 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
  const mostly = <T>(sane: fc.Arbitrary<T>, n: number) =>
    fc.array(fc.oneof({ weight: 6, arbitrary: sane as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: cell }), { minLength: n, maxLength: n }).map((c) => c.map((x) => [x]));
  const scalar = fc.oneof(cell.map((c) => [[c]]), fc.constant(null));
  const policyArb = fc.oneof(
    fc.constant<unknown[][]>(policy),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom<unknown>("Silver", "Gold", "金卡", null, 0), cell), fc.oneof(fc.integer({ min: 0, max: 600 }), cell), fc.oneof(fc.integer({ min: 0, max: 600 }), cell)), { minLength: 1, maxLength: 5 }).map((rows) => rows.map((r) => [...r])),
  );
  const words = {
    argumentNames: /'(customers|dates|amounts|policy|as_of|window_months|validity_months|metric)'|“(customers|dates|amounts|policy)”/,
    wholeData: /This formula passes|No customer|no customer/,
    internal: /RangeError|TypeError|NaN|Infinity|undefined|\bat [a-z]+ \(/,
  };
  it("either spills finite numbers, text and TRUE/FALSE, or says what to fix naming the argument", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.tuple(mostly(fc.constantFrom<unknown>("a", "b", 7), n), mostly(fc.integer({ min: J - 800, max: J }), n), mostly(fc.double({ min: -50, max: 900, noNaN: true }), n), policyArb, scalar, scalar, scalar, scalar),
        ),
        ([c, dt, a, p, asOf, w, v, metric]) => {
          checkHostile(() => levels(c, dt, a, p, asOf, w, v, metric), words);
        },
      ),
      { numRuns: 300 },
    );
  });
});

