/** `tier migrate` and `tier pilot`, run in-process as the other CLI tests do. */
import { describe, expect, it } from "vitest";
import { pilot } from "../../src/functions/functions";
import { file, run } from "./support";

// 1 A→B (down), 2 A→gone, 3 B→A (up), 4 C→C, 9 new in B; 5 has no tier before.
const BEFORE = file(
  "before.csv",
  "customer,tier,revenue,orders,last\n1,A,100,3,2024-01-10\n2,A,50,1,2023-12-01\n3,B,30,2,2024-01-20\n4,C,5,1,2023-06-01\n5,,0,0,\n",
);
const AFTER = file(
  "after.csv",
  "customer,tier,revenue,orders,last\n1,B,120,4,2024-03-01\n3,A,90,4,2024-05-01\n4,C,5,1,2023-06-01\n9,B,40,1,2024-04-01\n",
);
const IDS = ["--id", "customer", "--tier", "tier"];

describe("tier migrate", () => {
  it("prints the from→to matrix as CSV", () => {
    const r = run(["migrate", BEFORE, AFTER, ...IDS]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe("from,A,B,C,gone,total\nA,0,1,0,1,2\nB,1,0,0,0,1\nC,0,0,1,0,1\nnew,0,1,0,,1\ntotal,1,2,1,1,5\n");
  });

  it("sums the later file's measure column, and follows --order", () => {
    const r = run(["migrate", BEFORE, AFTER, ...IDS, "--measure", "revenue", "--order", "C,B,A"]);
    expect(r.stdout).toBe("from,C,B,A,gone,total\nC,5,0,0,0,5\nB,0,0,90,0,90\nA,0,120,0,0,120\nnew,0,40,0,,40\ntotal,5,160,90,0,255\n");
  });

  it("reads --order whatever its case, and refuses an order that leaves a tier out", () => {
    const lower = JSON.parse(run(["migrate", BEFORE, AFTER, ...IDS, "--order", "a,b,c", "--json"]).stdout);
    expect(lower.tiers).toEqual(["A", "B", "C"]);
    expect(lower.rates).toMatchObject({ upgraded: 1, downgraded: 1 });
    const partial = run(["migrate", BEFORE, AFTER, ...IDS, "--order", "A,B", "--json"]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('does not name the tier "C"');
  });

  it("adds the rates and the per-tier effects with --json", () => {
    const r = run(["migrate", BEFORE, AFTER, ...IDS, "--json", "--revenue", "revenue", "--orders", "orders", "--last", "last", "--as-of", "2024-01-31"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.tiers).toEqual(["A", "B", "C"]);
    expect(json.counts).toEqual([
      [0, 1, 0, 1],
      [1, 0, 0, 0],
      [0, 0, 1, 0],
      [0, 1, 0, 0],
    ]);
    expect(json.values).toBeNull();
    expect(json.orderKnown).toBe(true);
    expect(json.note).toBeUndefined();
    expect(json.rates).toEqual({ customers: 4, upgraded: 1, downgraded: 1, stayed: 1, gone: 1, changed: 2, new: 1, upgradeRate: 0.25, downgradeRate: 0.25, changeRate: 0.5, stayRate: 0.25, goneRate: 0.25 });
    expect(json.effects.map((e: { tier: string; retained: number; repurchased: number; revenueChange: number }) => [e.tier, e.retained, e.repurchased, e.revenueChange])).toEqual([
      ["A", 1, 1, -30],
      ["B", 1, 1, 60],
      ["C", 1, 0, 0],
    ]);
    // Without --as-of the earlier date is BEFORE's latest purchase (2024-01-20): the same here.
    const latest = JSON.parse(run(["migrate", BEFORE, AFTER, ...IDS, "--json", "--revenue", "revenue", "--orders", "orders", "--last", "last"]).stdout);
    expect(latest.effects).toEqual(json.effects);
    // An as-of after every later purchase: nobody bought again.
    const late = JSON.parse(run(["migrate", BEFORE, AFTER, ...IDS, "--json", "--revenue", "revenue", "--orders", "orders", "--last", "last", "--as-of", "2024-12-31"]).stdout);
    expect(late.effects.map((e: { repurchased: number }) => e.repurchased)).toEqual([0, 0, 0]);
  });

  it("gives no up and down rates for tiers of unknown order, says --order is needed, and does not depend on row order", () => {
    const vipBefore = file("vip-before.csv", "customer,tier\n1,VIP\n2,Regular\n3,Basic\n4,VIP\n");
    const vipAfter = file("vip-after.csv", "customer,tier\n1,Regular\n2,VIP\n3,Basic\n5,Basic\n");
    const shuffledBefore = file("vip-before-2.csv", "customer,tier\n3,Basic\n4,VIP\n2,Regular\n1,VIP\n");
    const shuffledAfter = file("vip-after-2.csv", "customer,tier\n5,Basic\n3,Basic\n2,VIP\n1,Regular\n");
    const json = JSON.parse(run(["migrate", vipBefore, vipAfter, ...IDS, "--json"]).stdout);
    expect(json.orderKnown).toBe(false);
    expect(json.note).toBe(
      "The tiers' order is not known (they are neither A/B/C, score bands nor numbers), so upgraded and downgraded are null; give --order with the tiers best first (such as --order VIP,Regular,Basic) for up and down rates.",
    );
    expect(json.rates).toEqual({ customers: 4, upgraded: null, downgraded: null, stayed: 1, gone: 1, changed: 2, new: 1, upgradeRate: null, downgradeRate: null, changeRate: 0.5, stayRate: 0.25, goneRate: 0.25 });
    const shuffled = JSON.parse(run(["migrate", shuffledBefore, shuffledAfter, ...IDS, "--json"]).stdout);
    expect(shuffled.rates).toEqual(json.rates);
    // With --order: up and down, the same whatever the rows' order.
    const ordered = JSON.parse(run(["migrate", vipBefore, vipAfter, ...IDS, "--json", "--order", "VIP,Regular,Basic"]).stdout);
    expect(ordered.orderKnown).toBe(true);
    expect(ordered.note).toBeUndefined();
    expect([ordered.rates.upgraded, ordered.rates.downgraded]).toEqual([1, 1]);
    expect(JSON.parse(run(["migrate", shuffledBefore, shuffledAfter, ...IDS, "--json", "--order", "VIP,Regular,Basic"]).stdout).rates).toEqual(ordered.rates);
    expect(JSON.parse(run(["migrate", vipBefore, vipAfter, ...IDS, "--json"], { LANG: "zh_CN.UTF-8" }).stdout).note).toContain("请用 --order 按从好到差列出层级");
  });

  it("orders number tiers (RFM totals, score levels) by number, the highest best, whatever the row order", () => {
    const a = file("num-before.csv", "customer,tier\n1,3\n2,12\n3,7\n");
    const b = file("num-after.csv", "customer,tier\n1,7\n2,12\n3,3\n");
    const a2 = file("num-before-2.csv", "customer,tier\n3,7\n1,3\n2,12\n");
    const b2 = file("num-after-2.csv", "customer,tier\n3,3\n2,12\n1,7\n");
    const json = JSON.parse(run(["migrate", a, b, ...IDS, "--json"]).stdout);
    expect(json.tiers).toEqual(["12", "7", "3"]);
    expect(json.orderKnown).toBe(true);
    expect([json.rates.upgraded, json.rates.downgraded, json.rates.stayed]).toEqual([1, 1, 1]);
    const again = JSON.parse(run(["migrate", a2, b2, ...IDS, "--json"]).stdout);
    expect(again.tiers).toEqual(json.tiers);
    expect(again.rates).toEqual(json.rates);
  });

  it("writes a rate over no customers as null", () => {
    const empty = file("empty-tiers.csv", "customer,tier\n1,\n");
    const json = JSON.parse(run(["migrate", empty, AFTER, ...IDS, "--json"]).stdout);
    expect(json.rates.customers).toBe(0);
    expect(json.rates.upgradeRate).toBeNull();
    expect(json.rates.new).toBe(4);
  });

  it("exits 2 with a clear message", () => {
    expect(run(["migrate", BEFORE, ...IDS])).toMatchObject({ code: 2, stderr: "tier: Give two CSV files: the earlier snapshot, then the later one.\n" });
    expect(run(["migrate", BEFORE, AFTER, "--tier", "tier"]).stderr).toBe("tier: --id is required.\n");
    expect(run(["migrate", BEFORE, AFTER, ...IDS, "--json", "--revenue", "revenue"]).stderr).toBe(
      "tier: Give --revenue, --orders and --last together: the per-tier effects need all three.\n",
    );
    expect(run(["migrate", BEFORE, AFTER, "--id", "cust", "--tier", "tier"]).stderr).toContain('Column "cust" is not in');
    const twice = file("twice.csv", "customer,tier\n1,A\n2,B\n1,C\n");
    const dup = run(["migrate", BEFORE, twice, ...IDS]);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toBe(`tier: ${twice}, line 4: customer "1" is already on line 2; give each customer one line (one tier).\n`);
    expect(run(["migrate", BEFORE, AFTER, ...IDS, "--colour", "red"]).stderr).toContain('Unknown option "--colour"');
  });

  it("lists measure cells that are not numbers on stderr and still answers", () => {
    const bad = file("bad-measure.csv", "customer,tier,revenue\n1,A,lots\n2,B,5\n");
    const r = run(["migrate", BEFORE, bad, ...IDS, "--measure", "revenue"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('line 2, column revenue: "lots" is not a number');
    // 1 stays in A with no usable measure (adds nothing); 2 moves to B with 5; 3 and 4 are gone (0).
    expect(r.stdout.split("\n").slice(1, 4)).toEqual(["A,0,5,0,0,5", "B,0,0,0,0,0", "C,0,0,0,0,0"]);
  });
});

describe("tier pilot", () => {
  const big = file(
    "tiers.csv",
    `customer,tier\n${Array.from({ length: 60 }, (_, i) => `${1000 + i},${i < 40 ? "Gold" : "Silver"}`).join("\n")}\n,Gold\n2000,\n`,
  );

  it("prints each tiered customer's group, the same as =TIER.PILOT", () => {
    const r = run(["pilot", big, ...IDS, "--share", "0.1", "--seed", "7"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("customer,tier,group");
    expect(lines).toHaveLength(61);
    const ids = Array.from({ length: 60 }, (_, i) => [1000 + i]);
    const tiers = Array.from({ length: 60 }, (_, i) => [i < 40 ? "Gold" : "Silver"]);
    const fn = pilot(ids, tiers, 0.1, 7, null);
    expect(lines.slice(1).map((l) => l.split(",")[2])).toEqual(fn.map((r) => r[0]));
    expect(lines.filter((l) => l.endsWith(",pilot"))).toHaveLength(6);
    expect(lines.filter((l) => l.endsWith(",control"))).toHaveLength(6);
  });

  it("picks in one tier only with --only-tier (any case), and writes JSON", () => {
    const r = run(["pilot", big, ...IDS, "--share", "0.25", "--control-share", "0", "--only-tier", "silver", "--format", "json"]);
    const rows = JSON.parse(r.stdout);
    expect(rows).toHaveLength(20);
    expect(rows.every((x: { tier: string }) => x.tier === "Silver")).toBe(true);
    expect(rows.filter((x: { group: string }) => x.group === "pilot")).toHaveLength(5);
    expect(rows.filter((x: { group: string }) => x.group === "control")).toHaveLength(0);
  });

  it("speaks Chinese", () => {
    const r = run(["pilot", big, ...IDS, "--share", "0.1"], { LANG: "zh_CN.UTF-8" });
    expect(r.stdout).toContain(",试点\n");
    expect(r.stdout).toContain(",对照\n");
  });

  it("exits 2 naming the option", () => {
    expect(run(["pilot", big, ...IDS]).stderr).toBe("tier: --share is required.\n");
    expect(run(["pilot", big, ...IDS, "--share", "0"]).stderr).toBe("tier: '--share' is 0; use a share of each tier above 0 and at most 1 (10% is 0.1).\n");
    expect(run(["pilot", big, ...IDS, "--share", "0.5", "--control-share", "0.7"]).stderr).toBe(
      "tier: '--share' (0.5) and '--control-share' (0.7) add up to more than 1; the pilot and the control group come from the same customers.\n",
    );
    expect(run(["pilot", big, ...IDS, "--share", "0.1", "--seed", "2.5"]).stderr).toBe("tier: '--seed' is 2.5; use a whole number (the same seed picks the same customers).\n");
    expect(run(["pilot", big, ...IDS, "--share", "0.1", "--only-tier", "Bronze"])).toMatchObject({
      code: 2,
      stderr: 'tier: No row has the tier "Bronze"; the tiers are: Gold, Silver.\n',
    });
    expect(run(["pilot", file("dup.csv", "customer,tier\n7,A\n7,B\n"), ...IDS, "--share", "0.5"]).stderr).toContain('line 3: customer "7" is already on line 2');
  });
});
