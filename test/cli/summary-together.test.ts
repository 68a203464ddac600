/**
 * Issue 15's three additions to `tier … --summary` meet in one table: the people's overrides (§2) decide which
 * tier a customer is counted in, and the economics (§3, --costs) and the voice (§4, --nps …) columns are both
 * taken over those final tiers, so one summary never counts a customer in two places.
 */
import { describe, expect, it } from "vitest";
import { file, run } from "./support";

/** A1 and A2 spend the most (class A at a 0.6 cut), B1–B3 little. B1 is moved to A by a person. */
const TX = file(
  "together-tx.csv",
  `customer_id,date,amount,nps,complaints
A1,2024-01-05,500,2,1
A1,2024-03-01,600,10,0
A2,2024-02-01,900,9,
B1,2024-02-10,30,0,2
B2,2024-02-11,20,7,0
B3,2024-02-12,10,,
`,
);
const OVERRIDES = file("together-overrides.csv", "customer,tier,reason,until\nB1,A,key account,\n");
const COSTS = file("together-costs.csv", "tier,per_customer,per_order,fixed\nA,10,1,100\n*,0,0,0\n");
const table = (stdout: string) => stdout.trim().split("\n").map((l) => l.split(","));

describe("tier abc --summary with overrides, costs and voice together", () => {
  it("counts the overridden customer in its final class for the totals, the economics and the NPS alike", () => {
    const r = run(["abc", TX, "--as-of", "2024-12-31", "--a-cut", "0.6", "--b-cut", "0.9", "--summary", "--overrides", OVERRIDES, "--costs", COSTS, "--margin", "0.5", "--nps", "nps", "--complaints", "complaints"]);
    expect(r.code).toBe(0);
    const [header, a] = table(r.stdout);
    const at = (name: string) => header.indexOf(name);
    expect(a[0]).toBe("A");
    // A1, A2 and B1 (overridden).
    expect(a[at("count")]).toBe("3");
    expect(Number(a[at("value")])).toBe(1100 + 900 + 30);
    // Orders 2 + 1 + 1; cost = 10 × 3 + 1 × 4 + 100; margin = 0.5 × 2,030.
    expect(Number(a[at("orders")])).toBe(4);
    expect(Number(a[at("gross_margin")])).toBe(1015);
    expect(Number(a[at("cost_to_serve")])).toBe(134);
    expect(Number(a[at("net_contribution")])).toBe(1015 - 134);
    // Latest answers 10, 9 and B1's 0: two promoters, one detractor of three.
    expect(Number(a[at("nps")])).toBeCloseTo((100 * (2 - 1)) / 3, 1);
    expect(a[at("nps_responders")]).toBe("3");
    // A1 (1 + 0) and B1 (2) complained, A2 has no value: two of the two with a value.
    expect(Number(a[at("complaint_rate")])).toBe(1);
  });
});
