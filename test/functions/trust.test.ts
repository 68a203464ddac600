/**
 * Issue 13 in the sheet: =TIER.CLVFIT lists the fit's diagnostics, =TIER.CLVPREDICT and =TIER.PALIVE
 * say in the P(alive) header when dropout is not identified, =TIER.CLVPREDICT takes a margin, and
 * =TIER.NEXTPURCHASE answers "when will they buy next?". Called as Excel calls them.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { serialFromParts } from "../../src/core/cells/dates";
import { clvfit, clvpredict, nextpurchase, palive } from "../../src/functions/functions";
import { excelError, setDisplayLanguage } from "../support/custom-functions";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;
const omitted = null as unknown as undefined;
const col = (cells: unknown[]) => cells.map((c) => [c]);

afterEach(() => setDisplayLanguage(undefined));

const rows = readFileSync(`${DATA}CDNOW_sample.txt`, "utf8").trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
const ids = col(rows.map((r) => r[1]));
const serial = (yyyymmdd: string) => serialFromParts(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6), +yyyymmdd.slice(6, 8));
const dates = col(rows.map((r) => serial(r[2])));
const amounts = col(rows.map((r) => Number(r[4])));
const END = serialFromParts(1997, 9, 30);

/** 200 customers who each buy every 5 to 24 days up to the last day: nobody drops out, so dropout is not identified. */
function loyal() {
  const c: unknown[] = [];
  const d: unknown[] = [];
  const a: unknown[] = [];
  const start = serialFromParts(2024, 1, 1);
  for (let k = 0; k < 200; k++) {
    const gap = 5 + (k % 20);
    for (let day = k % 30; day <= 360; day += gap) {
      c.push(`C${k}`);
      d.push(start + day);
      a.push(10 + (k % 7));
    }
  }
  return { c: col(c), d: col(d), a: col(a) };
}

describe("diagnostics in the sheet", () => {
  it("CLVFIT ends with a Diagnostics row: none on CDNOW", () => {
    const out = clvfit(ids, dates, amounts, END, omitted, omitted);
    expect(out[out.length - 1]).toEqual(["Diagnostics", "No problems found with the fit.", ""]);
  });

  it("CLVFIT lists dropout-not-identified with what to do; CLVPREDICT and PALIVE say it in the header", () => {
    const { c, d, a } = loyal();
    const fit = clvfit(c, d, a, omitted, omitted, omitted);
    const at = fit.findIndex((r) => r[0] === "Diagnostics");
    expect(at).toBeGreaterThan(0);
    const codes = fit.slice(at + 1).map((r) => r[0]);
    expect(codes).toContain("dropout-not-identified");
    expect(String(fit.find((r) => r[0] === "dropout-not-identified")![1])).toContain("longer history");
    expect(fit.every((r) => r.length === 3)).toBe(true);
    const predicted = clvpredict(c, d, a, omitted, omitted, omitted, omitted, omitted, omitted);
    expect(predicted[0][4]).toBe("P(alive) (dropout not identified: see TIER.CLVFIT)");
    expect(predicted[0]).toHaveLength(8);
    const alive = palive(c, d, omitted, omitted);
    expect(alive[0]).toEqual(["Customer", "P(alive) (dropout not identified: see TIER.CLVFIT)", "Churn risk (dropout not identified)"]);
    setDisplayLanguage("zh-CN");
    expect(String(palive(c, d, omitted, omitted)[0][1])).toContain("无法识别流失");
  });

  it("CDNOW keeps the plain headers", () => {
    expect(palive(ids, dates, END, omitted)[0][1]).toBe("P(alive)");
  });
});

describe("=TIER.CLVPREDICT margin", () => {
  it("adds Margin CLV = CLV × margin as a last column", () => {
    const out = clvpredict(ids, dates, amounts, END, 12, omitted, omitted, omitted, 0.3);
    expect(out[0]).toHaveLength(9);
    expect(out[0][8]).toBe("Margin CLV (12 months)");
    for (const row of out.slice(1, 50)) expect(row[8] as number).toBeCloseTo((row[7] as number) * 0.3, 9);
  });
  it("names a bad margin", () => {
    expect(excelError(() => clvpredict(ids, dates, amounts, END, 12, omitted, omitted, omitted, 2)).message).toContain("'margin' is 2");
    expect(excelError(() => clvpredict(ids, dates, amounts, END, 12, omitted, omitted, omitted, "lots")).message).toContain("'margin'");
  });
});

describe("=TIER.NEXTPURCHASE", () => {
  it("one row per customer: P(purchase within) in [0, 1], waits, gap, overdue", () => {
    const out = nextpurchase(ids, dates, END, 13, omitted, omitted);
    expect(out).toHaveLength(2358);
    expect(out[0]).toEqual(["Customer", "P(purchase within 13 weeks)", "Expected wait if active (weeks)", "Median wait if active (weeks)", "Typical gap (weeks)", "Overdue"]);
    for (const row of out.slice(1)) {
      const p = row[1] as number;
      expect(p >= 0 && p <= 1).toBe(true);
      expect(row[2] === "" || (row[2] as number) > 0).toBe(true);
      expect(Number.isFinite(row[3] as number)).toBe(true);
      expect(["", "Overdue"]).toContain(row[5]);
    }
    expect(out.some((r) => r[5] === "Overdue")).toBe(true);
  });
  it("defaults to one month; Pareto/NBD too; names bad arguments", () => {
    expect(nextpurchase(ids, dates, END, omitted, omitted, omitted)[0][1]).toBe("P(purchase within 4.348 weeks)");
    const pareto = nextpurchase(ids, dates, END, 13, omitted, "pareto");
    expect(pareto).toHaveLength(2358);
    expect(excelError(() => nextpurchase(ids, dates, END, -1, omitted, omitted)).message).toContain("'within' is -1");
    expect(excelError(() => nextpurchase(ids, dates, END, 13, "fortnight", omitted)).message).toContain("'unit'");
    setDisplayLanguage("zh-CN");
    expect(String(nextpurchase(ids, dates, END, 13, omitted, omitted)[0][1])).toContain("购买的概率");
  });
});
