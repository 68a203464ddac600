/**
 * =TIER.CLVPREDICT's `margin` as a range (issue 13, section 4): a rate per transaction row, weighted by amount
 * into each customer's rate, called as Excel on the web and Excel on Windows call it (blank cells null or 0).
 */
import { afterEach, describe, expect, it } from "vitest";
import { serialFromParts } from "../../src/core/cells/dates";
import { clvpredict } from "../support/excel-functions";
import { excelError, setDisplayLanguage } from "../support/custom-functions";
import { defaultHostProfile } from "../../src/standin/host-profile";

const omitted = null as unknown as undefined;
const col = (cells: unknown[]) => cells.map((c) => [c]);
afterEach(() => setDisplayLanguage(undefined));

/** 60 customers buying every 9 to 38 days, some stopping halfway, with a margin rate per row. */
function shop() {
  const c: unknown[] = [];
  const d: unknown[] = [];
  const a: unknown[] = [];
  const rate: number[] = [];
  const start = serialFromParts(2024, 1, 1);
  for (let k = 0; k < 60; k++) {
    const gap = 9 + (k % 30);
    const last = k % 3 === 0 ? 150 : 360;
    for (let day = k % 20, j = 0; day <= last; day += gap, j++) {
      c.push(`C${k}`);
      d.push(start + day);
      a.push(20 + (k % 7) * 5 + (j % 3) * 10);
      rate.push(j % 2 === 0 ? 0.25 : 0.45);
    }
  }
  return { c: col(c), d: col(d), a: col(a), rate };
}

describe("=TIER.CLVPREDICT margin as a range", () => {
  const { c, d, a, rate } = shop();

  it("each customer's Margin CLV is CLV × their amount-weighted rate", () => {
    const out = clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, col(rate));
    expect(out[0]).toHaveLength(9);
    expect(out[0][8]).toBe("Margin CLV (12 months)");
    // The customer's rate from their own rows.
    const byCustomer = new Map<string, { m: number; r: number }>();
    c.forEach(([id], i) => {
      const e = byCustomer.get(id as string) ?? { m: 0, r: 0 };
      e.m += (a[i][0] as number) * rate[i];
      e.r += a[i][0] as number;
      byCustomer.set(id as string, e);
    });
    let varied = false;
    for (const row of out.slice(1)) {
      const e = byCustomer.get(row[0] as string)!;
      const r = e.m / e.r;
      if (Math.abs(r - 0.35) > 0.01) varied = true;
      expect(row[8] as number).toBeCloseTo((row[7] as number) * r, 9);
    }
    expect(varied).toBe(true);
  });

  it("a column of one rate gives what the one rate gives", () => {
    const one = clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, 0.3);
    const column = clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, col(rate.map(() => 0.3)));
    for (let i = 1; i < one.length; i++) expect(column[i][8] as number).toBeCloseTo(one[i][8] as number, 9);
    // A horizontal range (one row) is read the same way.
    const row = clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, [rate.map(() => 0.3)]);
    expect(row[5][8]).toBeCloseTo(one[5][8] as number, 9);
  });

  it("names a rate outside 0 to 1, a text, and a range of another height", () => {
    const bad = rate.slice();
    bad[6] = 1.5;
    expect(excelError(() => clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, col(bad))).message).toContain("'margin', row 7: 1.5 is not a margin rate");
    bad[6] = "lots" as unknown as number;
    expect(excelError(() => clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, col(bad))).message).toContain("argument 'margin', row 7");
    expect(excelError(() => clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, col(rate.slice(1)))).message).toMatch(/customers.*margin|margin.*customers/);
    setDisplayLanguage("zh-CN");
    bad[6] = 1.5;
    expect(excelError(() => clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, col(bad))).message).toContain("margin");
  });

  it("a blank cell: a rate of 0 on Windows (as Excel sends it), refused by row on the web", () => {
    const blank: unknown[] = rate.slice();
    blank[3] = null;
    if (defaultHostProfile() === "desktop") {
      const zero: unknown[] = rate.slice();
      zero[3] = 0;
      const out = clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, col(blank));
      const expected = clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, col(zero));
      expect(out).toEqual(expected);
    } else {
      expect(excelError(() => clvpredict(c, d, a, omitted, 12, omitted, omitted, omitted, col(blank))).message).toContain("argument 'margin', row 4: the cell is blank");
    }
  });
});
