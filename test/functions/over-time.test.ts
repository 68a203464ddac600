/**
 * =TIER.MOVERS, =TIER.COHORT and TIER.RFM's window_months called as Excel calls them: ranges as 2-D
 * arrays, omitted arguments as null, blanks as null or "", error cells as error objects; both languages.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cohort, movers, rfm } from "../../src/functions/functions";
import { blankCell, excelError, setDisplayLanguage } from "../support/custom-functions";
import { cohort as cohortXl } from "../support/excel-functions";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const omitted = null as unknown as undefined;

afterEach(() => setDisplayLanguage(undefined));

describe("=TIER.MOVERS", () => {
  const idsBefore = col(101, "102", "C03", "C04", null);
  const tiersBefore = col("A", "B", "C", "A", null);
  const idsAfter = col("102", 101, "C03", "C05");
  const tiersAfter = col("A", "C", "C", "B");

  it("one row per customer: before, after, direction (A/B/C known), measures and change", () => {
    expect(movers(idsBefore, tiersBefore, idsAfter, tiersAfter, omitted, col(100, 50, 10, 80, null), col(70, 20, "", 30))).toEqual([
      ["Customer", "Before", "After", "Direction", "Measure before", "Measure after", "Change"],
      [101, "A", "C", "down", 100, 20, -80],
      [102, "B", "A", "up", 50, 70, 20],
      ["C03", "C", "C", "same", 10, "", -10],
      ["C04", "A", "", "gone", 80, "", -80],
      ["C05", "", "B", "new", "", 30, 30],
    ]);
  });

  it("segments have no order: moves are 'changed' unless an order is given; Chinese words", () => {
    const before = col("Champions", "Lost");
    const after = col("Lost", "Lost");
    const ids = col(1, 2);
    expect(movers(ids, before, ids, after).map((r) => r[3])).toEqual(["Direction", "changed", "same"]);
    expect(movers(ids, before, ids, after, [["Champions", "Lost"]]).map((r) => r[3])).toEqual(["Direction", "down", "same"]);
    setDisplayLanguage("zh-CN");
    expect(movers(ids, before, ids, after, [["Champions", "Lost"]]).slice(0, 2)).toEqual([
      ["客户", "之前", "之后", "变动方向", "之前的度量值", "之后的度量值", "变化"],
      [1, "Champions", "Lost", "降级", "", "", ""],
    ]);
  });

  it("errors name the argument and row", () => {
    expect(excelError(() => movers(col(1, 1), col("A", "B"), col(1), col("A"))).message).toMatch(/ids_before.*row 2/);
    expect(excelError(() => movers(col(1), col("A"), col(1), col("A"), omitted, col(1, 2))).message).toMatch(/ids_before.*measure_before/);
    expect(excelError(() => movers(col(1), col("A"), col(1), col("A"), omitted, col("x"))).message).toMatch(/measure_before.*row 1/);
    expect(excelError(() => movers(col(1), col("A"), col(1), col("B"), [["A", "B", "A"]])).message).toMatch(/order.*"A" twice/);
  });
});

describe("=TIER.COHORT", () => {
  const customers = col("a", "b", "a", "c", "b");
  const dates = col("2024-01-05", "2024-01-20", "2024-02-10", "2024-02-11", "2024-03-01");
  const amounts = col(10, 20, 5, 8, 12);

  it("spills the triangle with headers; blank where a cohort has not reached the period", () => {
    expect(cohort(customers, dates)).toEqual([
      ["Cohort", "Customers", "P0", "P1", "P2"],
      ["2024-01", 2, 1, 0.5, 0.5],
      ["2024-02", 1, 1, 0, ""],
    ]);
    expect(cohort(customers, dates, amounts, "month", "revenue")[1]).toEqual(["2024-01", 2, 1, 5 / 30, 12 / 30]);
    expect(cohort(customers, dates, omitted, "quarter")).toEqual([
      ["Cohort", "Customers", "P0"],
      ["2024-Q1", 3, 1],
    ]);
  });

  it("errors: unknown by or measure, revenue without amounts, a bad date names its row", () => {
    expect(excelError(() => cohort(customers, dates, omitted, "week")).message).toBe(`'by' is "week"; use month or quarter.`);
    expect(excelError(() => cohort(customers, dates, omitted, omitted, "orders")).message).toBe(`'measure' is "orders"; use customers or revenue.`);
    expect(excelError(() => cohort(customers, dates, omitted, omitted, "revenue")).message).toMatch(/amounts/);
    expect(excelError(() => cohort(col("a", "b"), col("2024-01-01", "not a date"))).message).toMatch(/row 2/);
  });
});

describe("=TIER.RFM window_months", () => {
  const customers = col("a", "a", "b");
  const dates = col("2024-01-10", "2024-03-20", "2024-01-15");
  const amounts = col(50, 10, 30);

  it("counts F and M over the window, keeps the lapsed with 0; as_of before the last purchase is as it stood then", () => {
    const out = rfm(customers, dates, amounts, "2024-03-31", omitted, omitted, omitted, 1);
    expect(out.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ["a", 11, 1, 10],
      ["b", 76, 0, 0],
    ]);
    expect(rfm(customers, dates, amounts, "2024-01-12").slice(1).map((r) => r.slice(0, 4))).toEqual([["a", 2, 1, 50]]);
  });

  it("a bad window names window_months", () => {
    expect(excelError(() => rfm(customers, dates, amounts, omitted, omitted, omitted, omitted, -3)).message).toBe(
      "'window_months' is -3; use a whole number of months from 1 to 1200, or leave it empty for all history.",
    );
    // 0 is how Excel on Windows sends a blank cell: an optional scalar of 0 is omitted (issue 11's blank rule).
    expect(rfm(customers, dates, amounts, omitted, omitted, omitted, omitted, 0)).toEqual(rfm(customers, dates, amounts));
    expect(excelError(() => rfm(customers, dates, amounts, "2023-01-01")).message).toMatch(/before the first purchase \(2024-01-10\)/);
  });
});

describe("=TIER.COHORT first_tier, as Excel on the web and on Windows deliver the arguments", () => {
  // Two months of customers: a big spender, three small ones, a customer whose only purchase was free (0).
  const customers = col("a", "b", "c", "d", "a", "e", "b", "f", "e", "c");
  const dates = col("2024-01-03", "2024-01-05", "2024-01-09", "2024-01-20", "2024-02-02", "2024-02-04", "2024-02-10", "2024-02-12", "2024-03-01", "2024-03-05");
  const amounts = col(900, 40, 30, 0, 500, 60, 20, 800, 10, 25);

  it("one triangle per first tier (ABC by revenue at the end of the first month), sizes summing to the cohorts'", () => {
    const whole = cohortXl(customers, dates, amounts);
    const split = cohortXl(customers, dates, amounts, omitted, omitted, "abc");
    expect(split[0]).toEqual(["Cohort", "First tier", "Customers", "P0", "P1", "P2"]);
    // Tiers best first, cohorts oldest first within each; the sizes add up to each whole cohort's.
    const tiers = split.slice(1).map((r) => r[1]);
    expect(tiers).toEqual([...tiers].sort());
    for (const row of whole.slice(1)) {
      const parts = split.slice(1).filter((r) => r[0] === row[0]);
      expect(parts.reduce((n, r) => n + (r[2] as number), 0)).toBe(row[1]);
    }
    // January: a (900) is A among a, b, c, d as of Jan 31; February's f (800) is A among everyone by Feb 29.
    expect(split.find((r) => r[0] === "2024-01" && r[1] === "A")?.[2]).toBe(1);
    expect(split.find((r) => r[0] === "2024-02" && r[1] === "A")?.[2]).toBe(1);
    // Blank first_tier (null on the web, 0 on Windows) is whole cohorts.
    expect(cohortXl(customers, dates, amounts, omitted, omitted, blankCell)).toEqual(whole);
  });

  it("RFM segments in the display language; a bad first_tier names the argument", () => {
    const split = cohortXl(customers, dates, amounts, "quarter", "customers", "segment");
    expect(split[0][1]).toBe("First tier");
    expect(split.slice(1).reduce((n, r) => n + (r[2] as number), 0)).toBe(6);
    setDisplayLanguage("zh-CN");
    expect(cohortXl(customers, dates, amounts, "quarter", "customers", "rfm")[0][1]).toBe("首个层级");
    setDisplayLanguage(undefined);
    expect(excelError(() => cohortXl(customers, dates, amounts, omitted, omitted, "score")).message).toBe(
      `'first_tier' is "score"; use segment (RFM segments) or abc (ABC classes by revenue), or leave it empty for whole cohorts.`,
    );
  });
});
