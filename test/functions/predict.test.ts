/**
 * =TIER.CLVPREDICT, =TIER.CLVFIT, =TIER.PALIVE and =TIER.LIFECYCLE called as Excel calls them: columns
 * as 2-D arrays, dates as serials or text, blanks as "" / null, omitted arguments as null.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { serialFromParts } from "../../src/core/cells/dates";
import { clvfit, clvpredict, lifecycle, palive } from "../support/excel-functions";
import { excelError, setDisplayLanguage } from "../support/custom-functions";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;
const omitted = null as unknown as undefined;
const col = (cells: unknown[]) => cells.map((c) => [c]);

afterEach(() => setDisplayLanguage(undefined));

/** The CDNOW sample as Excel would hold it: ids as text, dates as serials, dollars as numbers. */
const rows = readFileSync(`${DATA}CDNOW_sample.txt`, "utf8").trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
const ids = col(rows.map((r) => r[1]));
const serial = (yyyymmdd: string) => serialFromParts(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6), +yyyymmdd.slice(6, 8));
const dates = col(rows.map((r) => serial(r[2])));
const amounts = col(rows.map((r) => Number(r[4])));
const END = serialFromParts(1997, 9, 30);

describe("=TIER.CLVPREDICT", () => {
  it("spills a header and one row per customer with the published CDNOW predictions", () => {
    const out = clvpredict(ids, dates, amounts, END, 9, omitted, omitted, omitted);
    expect(out[0]).toEqual(["Customer", "Repeat purchases (x)", "t_x (weeks)", "T (weeks)", "P(alive)", "Expected purchases (9 months)", "Expected average spend", "CLV (9 months)"]);
    expect(out).toHaveLength(2358);
    const first = out[1];
    expect(first[0]).toBe("0001");
    expect(first[1]).toBe(2);
    expect((first[2] as number).toFixed(2)).toBe("30.43");
    expect((first[3] as number).toFixed(2)).toBe("38.86");
    expect((first[4] as number).toFixed(4)).toBe("0.7266");
    // 9 months are 39.1 weeks: a little over the published 1.226 in 39 weeks.
    expect(first[5] as number).toBeGreaterThan(1.226);
    expect(first[5] as number).toBeLessThan(1.24);
    for (const row of out.slice(1)) for (const v of row.slice(1)) expect(Number.isFinite(v)).toBe(true);
  });

  it("takes the unit and horizon as arguments, and Chinese headers", () => {
    setDisplayLanguage("zh-CN");
    const out = clvpredict(ids, dates, amounts, "1997-09-30", 12, 0.01, "天", omitted);
    expect(out[0][2]).toBe("t_x（天）");
    expect(out[0][7]).toBe("CLV（12 个月）");
    expect(out[1][3]).toBe(272);
  });

  it("says which argument is wrong", () => {
    expect(excelError(() => clvpredict(ids, dates, amounts, END, 12, omitted, "fortnight", omitted)).message).toContain("'unit'");
    expect(excelError(() => clvpredict(ids, dates, amounts, END, 2.5, omitted, omitted, omitted)).message).toContain("'horizon_months'");
    expect(excelError(() => clvpredict(ids, dates, amounts, END, 12, -2, omitted, omitted)).message).toContain("'monthly_discount'");
    const bad = excelError(() => clvpredict(col(["a", "b"]), col([45296, "soon"]), col([1, 2]), omitted, omitted, omitted, omitted, omitted));
    expect(bad.message).toMatch(/'dates', row 2/);
    const once = excelError(() => clvpredict(col(["a", "b"]), col([45296, 45297]), col([1, 2]), omitted, omitted, omitted, omitted, omitted));
    expect(once.message).toContain("two different days");
  });
});

describe("=TIER.CLVFIT", () => {
  it("returns the parameters with standard errors", () => {
    const out = clvfit(ids, dates, amounts, END, omitted, omitted);
    expect(out[0]).toEqual(["Parameter", "Estimate", "Standard error"]);
    const value = (name: string) => out.find((r) => r[0] === name)![1] as number;
    expect(value("r").toFixed(3)).toBe("0.243");
    expect(value("alpha").toFixed(3)).toBe("4.414");
    expect(value("a").toFixed(3)).toBe("0.793");
    expect(value("b").toFixed(3)).toBe("2.426");
    expect(value("BG/NBD log-likelihood").toFixed(1)).toBe("-9582.4");
    expect(value("p").toFixed(2)).toBe("6.25");
    expect(value("q").toFixed(2)).toBe("3.74");
    expect(value("v").toFixed(2)).toBe("15.44");
    expect(out.find((r) => r[0] === "r")![2]).toBeGreaterThan(0);
    expect(out.every((r) => r.length === 3 && r.every((c) => c !== null && c !== undefined))).toBe(true);
  });
});

describe("the model argument", () => {
  it("fits Pareto/NBD when asked, with its own parameters, and refuses an unknown model", () => {
    const out = clvfit(ids, dates, amounts, END, omitted, "Pareto/NBD");
    expect(out.slice(1, 6).map((r) => r[0])).toEqual(["r", "alpha", "s", "beta", "Pareto/NBD log-likelihood"]);
    const value = (name: string) => out.find((r) => r[0] === name)![1] as number;
    expect(value("alpha").toFixed(2)).toBe("10.58");
    expect(value("Pareto/NBD log-likelihood").toFixed(1)).toBe("-9595.0");
    const predicted = clvpredict(ids, dates, amounts, END, 12, omitted, omitted, "pareto");
    expect(predicted).toHaveLength(2358);
    const alive = palive(ids, dates, END, "pareto");
    expect(alive[1][1]).toBe(predicted[1][4]);
    // Unlike BG/NBD, Pareto/NBD lets a one-time buyer drop out: customer 3 is below 1.
    expect(alive[3][1] as number).toBeLessThan(1);
    expect(excelError(() => clvfit(ids, dates, amounts, END, omitted, "weibull")).message).toContain("'model'");
  });
});

describe("=TIER.PALIVE", () => {
  it("gives P(alive) and churn risk per customer, without amounts", () => {
    const out = palive(ids, dates, END, omitted);
    expect(out[0]).toEqual(["Customer", "P(alive)", "Churn risk"]);
    expect((out[1][1] as number).toFixed(4)).toBe("0.7266");
    expect((out[1][2] as number) + (out[1][1] as number)).toBeCloseTo(1, 12);
    // Customer 3 bought once: P(alive) = 1 in the BG/NBD model.
    expect(out[3][1]).toBe(1);
  });
});

describe("=TIER.LIFECYCLE", () => {
  const day = (iso: string) => iso;
  const customers = col(["a", "a", "a", "b", "b", "c", "", "d"]);
  const when = col([day("2024-01-01"), day("2024-02-01"), day("2024-03-01"), day("2024-01-01"), day("2024-01-11"), day("2024-03-25"), "", day("2023-12-01")]);

  it("names each customer's stage, blank rows skipped", () => {
    const out = lifecycle(customers, when, "2024-03-31", omitted, omitted, omitted, omitted);
    expect(out[0]).toEqual(["Customer", "Lifecycle stage", "Days since last purchase", "Typical gap (days)"]);
    const stage = Object.fromEntries(out.slice(1).map((r) => [r[0], r[1]]));
    // a: gap 30, last 30 days ago → Active; b: gap 10, 80 days → Churned; c: first 6 days ago → New;
    // d: one purchase 121 days ago, median gap 20 → Churned.
    expect(stage).toEqual({ a: "Active", b: "Churned", c: "New", d: "Churned" });
    setDisplayLanguage("zh-CN");
    const zh = lifecycle(customers, when, "2024-03-31", 0, 1.5, 10, omitted);
    expect(Object.fromEntries(zh.slice(1).map((r) => [r[0], r[1]]))).toEqual({ a: "活跃客户", b: "沉默客户", c: "活跃客户", d: "沉默客户" });
  });

  it("says which threshold is wrong", () => {
    expect(excelError(() => lifecycle(customers, when, omitted, omitted, 3, 2, omitted)).message).toContain("'silent_multiple'");
    expect(excelError(() => lifecycle(customers, when, omitted, -5, omitted, omitted, omitted)).message).toContain("'new_days'");
  });
});
