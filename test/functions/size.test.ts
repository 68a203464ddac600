/**
 * Excel's 5 MB cap on a custom function's data (src/functions/size.ts), under both host profiles: the
 * function measures its arguments before the work and its result after, and over the cap answers #VALUE!
 * with the figures and the task pane as the way out. On the web, Excel itself refuses arguments over the
 * cap before calling (#CALC!, office-js #4613, #4654), which the functions stand-in does too.
 */
import { describe, expect, it } from "vitest";
import { defaultHostProfile } from "../../src/standin";
import { dataBytes, FUNCTION_DATA_LIMIT } from "../../src/functions/size";
import { excelError } from "../support/custom-functions";
import { abcclass, rfm } from "../support/excel-functions";

const omitted = null as unknown as undefined;

/** `n` transaction rows as Excel sends three one-column ranges: 5-digit ids, date-time serials, amounts. */
function transactionRanges(n: number, customers: number) {
  const ids: unknown[][] = [];
  const dates: unknown[][] = [];
  const amounts: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    ids.push([12346 + (i % customers)]);
    dates.push([40513 + (i % 370) + ((i * 7919) % 1440) / 1440]);
    amounts.push([Math.round(((i * 37) % 5000) + 99) / 100]);
  }
  return { ids, dates, amounts };
}

describe("Excel's 5 MB per formula", () => {
  it("a transaction row costs about 35 bytes, so a formula carries about 150,000 rows (docs/FUNCTIONS.md)", () => {
    const { ids, dates, amounts } = transactionRanges(10_000, 4000);
    const perRow = (dataBytes(ids) + dataBytes(dates) + dataBytes(amounts)) / 10_000;
    expect(perRow).toBeGreaterThan(30);
    expect(perRow).toBeLessThan(40);
    const rows = Math.floor(FUNCTION_DATA_LIMIT / perRow);
    expect(rows).toBeGreaterThan(130_000);
    expect(rows).toBeLessThan(175_000);
  });

  it("refuses arguments over 5 MB: #CALC! from Excel on the web, our #VALUE! naming the rows elsewhere", () => {
    const { ids, dates, amounts } = transactionRanges(170_000, 4000);
    const e = excelError(() => rfm(ids, dates, amounts, omitted, omitted, omitted, omitted));
    if (defaultHostProfile() === "web") {
      expect(e.code).toBe("#CALC!");
    } else {
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(/^This formula passes 5\.\d MB of data \(170,000 rows\); Excel gives a custom function at most 5 MB, about 1\d\d,\d{3} rows like these\./);
      expect(e.message).toContain("task pane");
    }
  });

  it("refuses a result over 5 MB with #VALUE! on both hosts, instead of a #BUSY! that never ends", () => {
    // 120,000 customers with one purchase each: 4 MB in, about 9 MB out (nine columns per customer).
    const { ids, dates, amounts } = transactionRanges(120_000, 120_000);
    const e = excelError(() => rfm(ids, dates, amounts, omitted, omitted, omitted, omitted));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^The result is \d+\.\d MB \(120,001 rows\); Excel shows at most 5 MB from a custom function/);
  });

  it("does not refuse a formula within the cap", () => {
    const values = Array.from({ length: 100_000 }, (_, i) => [((i * 7919) % 100_000) + 1]);
    const out = abcclass(values, omitted, omitted, omitted);
    expect(out).toHaveLength(100_000);
  });
});
