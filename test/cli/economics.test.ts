/**
 * Tier economics on the `tier` summaries (issue 15 §3): `--costs` with `--margin` / `--margin-column` on
 * `tier rfm|abc|score --summary`, and `tier migrate --cost-per-upgrade`. Each figure is checked against a
 * computation written here from the file, not the product's.
 */
import { describe, expect, it } from "vitest";
import { file, run } from "./support";

/** Six customers over 2024; profit is 25 % of the amount except customer E's 50 %; one return. */
const TX = file(
  "tx.csv",
  [
    "customer_id,date,amount,profit",
    "A,2024-01-05,100,25",
    "A,2024-03-05,200,50",
    "A,2024-06-01,300,75",
    "B,2024-02-01,50,12.5",
    "B,2024-05-01,60,15",
    "C,2024-04-01,500,125",
    "D,2024-01-10,20,5",
    "E,2024-06-20,40,20",
    "E,2024-06-25,-10,-2.5",
    "F,2024-05-30,1000,250",
  ].join("\n") + "\n",
);
const ABC_COSTS = file("abc-costs.csv", "tier,per_customer,per_order,fixed\nA,10,2,100\nb,5,1,\n*,1,0.5,0\n");
const BASE = ["abc", TX, "--as-of", "2024-06-30", "--summary"];

function csv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split("\n");
  const keys = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, k) => [keys[k], v])));
}

describe("tier abc --summary --costs", () => {
  it("adds orders, gross margin, cost to serve, net contribution, net per customer and return on cost per class", () => {
    const r = run([...BASE, "--costs", ABC_COSTS, "--margin", "0.25"]);
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    const classOf = Object.fromEntries(rows.map((row) => [row.class, row]));
    for (const row of rows) {
      const margin = Number(row.value) * 0.25;
      expect(Number(row.gross_margin)).toBeCloseTo(margin, 9);
      expect(Number(row.net_contribution)).toBeCloseTo(margin - Number(row.cost_to_serve), 9);
    }
    // Revenue F 1000, A 600, C 500 (to 92.5 % with the 80 % cut crossed: class A), B 110, E 30 (a return of 10), D 20.
    // Class A: F (1 order), A (3), C (1): 3 × 10 + 5 × 2 + 100 = 140; margin 2100 × 0.25 = 525.
    expect(classOf.A).toMatchObject({ count: "3", value: "2100", orders: "5", cost_to_serve: "140", net_contribution: "385", return_on_cost: "2.75" });
    expect(Number(classOf.A.net_per_customer)).toBeCloseTo(385 / 3, 12);
    // Class B ("b" in the file, case aside): customer B, 2 orders: 5 + 2 × 1 = 7.
    expect(classOf.B).toMatchObject({ count: "1", value: "110", orders: "2", cost_to_serve: "7", net_contribution: "20.5" });
    // Class C, the * line: D (1 order) and E (2 rows, the return among them, as the summary counts it): 2 × 1 + 3 × 0.5.
    expect(classOf.C).toMatchObject({ count: "2", value: "50", orders: "3", cost_to_serve: "3.5", net_contribution: "9" });
    expect(r.stderr).toContain("period summarised");
  });

  it("with --margin-column sums the profit per class over the purchase rows, as the pane's Margin total (a return left out)", () => {
    const r = run([...BASE, "--costs", ABC_COSTS, "--margin-column", "profit"]);
    expect(r.code).toBe(0);
    const byClass = Object.fromEntries(csv(r.stdout).map((row) => [row.class, row]));
    expect(Number(byClass.A.gross_margin)).toBe(250 + 150 + 125);
    expect(Number(byClass.C.gross_margin)).toBe(5 + 20);
  });

  it("leaves the return on cost empty where the cost is 0, and names tiers without a cost", () => {
    const zero = file("zero.csv", "tier,per_customer,per_order,fixed\nA,0,0,0\n");
    const r = run([...BASE, "--costs", zero, "--margin", "0.5", "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({ class: "A", cost_to_serve: 0, return_on_cost: "" });
    expect(r.stderr).toContain("No cost is given for B, C");
  });

  it("without --costs the summary is as before", () => {
    const before = run(BASE);
    expect(before.stdout.split("\n")[0]).toBe("class,count,value,count_share,value_share");
  });
});

describe("tier rfm and score --summary --costs", () => {
  it("rfm: a segment's economics; a * line prices every segment", () => {
    const costs = file("rfm-costs.csv", "tier,per_customer,per_order,fixed\n*,2,1,0\n");
    const r = run(["rfm", TX, "--summary", "--bins", "2", "--costs", costs, "--margin", "0.4"]);
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    expect(rows.reduce((s, row) => s + Number(row.customers), 0)).toBe(6);
    for (const row of rows) {
      const cost = 2 * Number(row.customers) + Number(row.orders);
      expect(Number(row.cost_to_serve)).toBeCloseTo(cost, 9);
      expect(Number(row.net_contribution)).toBeCloseTo(Number(row.revenue) * 0.4 - cost, 9);
      expect(Number(row.net_per_customer)).toBeCloseTo(Number(row.net_contribution) / Number(row.customers), 9);
    }
  });

  it("score: bands by key with orders and revenue, and the economics", () => {
    const costs = file("score-costs.csv", "tier,per_customer,per_order,fixed\ndiamond,100,0,0\nBronze,0,0,7\n");
    const r = run(["score", TX, "--as-of", "2024-06-30", "--metrics", "monetary", "--weights", "1", "--thresholds", "50", "--method", "minmax", "--summary", "--costs", costs, "--margin", "0.25"]);
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    expect(rows.map((row) => row.tier)).toEqual(["diamond", "platinum"]);
    // Min–max of monetary: F (1000) and A (600) score ≥ 50.
    expect(rows[0]).toMatchObject({ customers: "2", orders: "4", revenue: "1600", cost_to_serve: "200", net_contribution: "200" });
    expect(r.stderr).toContain("No cost is given for Platinum");
  });
});

describe("tier --costs refusals", () => {
  const cases: [string, string[], string][] = [
    ["no margin", ["--costs", ABC_COSTS], "--margin"],
    ["margin without costs", ["--margin", "0.3"], "--costs COSTS.csv"],
    ["both margins", ["--costs", ABC_COSTS, "--margin", "0.3", "--margin-column", "profit"], "not both"],
    ["a rate above 1", ["--costs", ABC_COSTS, "--margin", "30"], "30"],
  ];
  for (const [name, extra, words] of cases) {
    it(name, () => {
      const r = run([...BASE, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(words);
    });
  }

  it("names the line and the column of a bad cost, a blank tier and a tier twice; a missing column", () => {
    const bad = (text: string) => run([...BASE, "--costs", file("bad.csv", text), "--margin", "0.3"]);
    expect(bad("tier,per_customer,per_order,fixed\nA,1,1,1\nB,-2,1,1\n").stderr).toContain('line 3: per_customer is "-2"');
    expect(bad("tier,per_customer,per_order,fixed\nA,1,x,1\n").stderr).toContain('line 2: per_order is "x"');
    expect(bad("tier,per_customer,per_order,fixed\n,1,1,1\n").stderr).toContain("line 2: the tier is blank");
    expect(bad("tier,per_customer,per_order,fixed\nA,1,1,1\na,1,1,1\n").stderr).toContain("line 3: tier a is already on line 2");
    expect(bad("tier,per_customer,fixed\nA,1,1\n").stderr).toContain("has no column per_order");
  });

  it("needs --summary, and a transactions file for abc and score", () => {
    expect(run(["abc", TX, "--as-of", "2024-06-30", "--costs", ABC_COSTS, "--margin", "0.3"]).stderr).toContain("add --summary");
    const customers = file("customers.csv", "customer_id,revenue\nA,10\n");
    expect(run(["abc", customers, "--value", "revenue", "--summary", "--costs", ABC_COSTS, "--margin", "0.3"]).stderr).toContain("tier abc --costs needs the orders");
  });

  it("speaks Chinese", () => {
    const r = run([...BASE, "--costs", ABC_COSTS], { LANG: "zh_CN.UTF-8" });
    expect(r.stderr).toContain("毛利");
  });
});

describe("tier migrate --cost-per-upgrade", () => {
  const before = file("before.csv", "id,tier,revenue\na,C,10\nb,B,20\nc,A,30\nd,C,40\ne,,50\n");
  const after = file("after.csv", "id,tier,revenue\na,A,100\nb,A,25\nc,B,10\nd,C,40\ne,A,80\nf,A,70\n");
  it("weighs upgrades × cost against the upgraded customers' revenue change", () => {
    // Up: a (C → A, +90) and b (B → A, +5): 2 upgrades, cost 15, change 95, net 80.
    const r = run(["migrate", before, after, "--id", "id", "--tier", "tier", "--revenue", "revenue", "--cost-per-upgrade", "7.5"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("upgrades,cost_per_upgrade,upgrade_cost,revenue_change,net\n2,7.5,15,95,80\n");
    const json = JSON.parse(run(["migrate", before, after, "--id", "id", "--tier", "tier", "--revenue", "revenue", "--cost-per-upgrade", "7.5", "--json"]).stdout);
    expect(json.upgradeEconomics).toEqual({ upgrades: 2, costPerUpgrade: 7.5, cost: 15, revenueChange: 95, net: 80, missingRevenue: 0 });
  });

  it("needs --revenue; without a known order says so and leaves the figures empty", () => {
    expect(run(["migrate", before, after, "--id", "id", "--tier", "tier", "--cost-per-upgrade", "5"]).stderr).toContain("--revenue");
    const words = file("words.csv", "id,tier,revenue\na,North,1\nb,South,2\n");
    const r = run(["migrate", words, words, "--id", "id", "--tier", "tier", "--revenue", "revenue", "--cost-per-upgrade", "5"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toBe(",5,,,");
    expect(r.stderr).toContain("--order");
    expect(run(["migrate", before, after, "--id", "id", "--tier", "tier", "--revenue", "revenue", "--cost-per-upgrade", "-1"]).stderr).toContain("from 0 to");
  });
});

describe("tier levels --summary (--costs)", () => {
  const BASE_LEVELS = ["levels", "assets/sample/sample-orders.csv", "--policy", "assets/sample/levels-policy.csv", "--to", "1998-06-30"];
  it("per level, best first: customers and the spend over the policy's window, as the per-customer table's metric adds up", () => {
    const perCustomer = csv(run(BASE_LEVELS).stdout);
    const summary = run([...BASE_LEVELS, "--summary"]);
    expect(summary.code).toBe(0);
    const rows = csv(summary.stdout);
    expect(rows.map((r) => r.level)).toEqual(["Platinum", "Gold", "Silver"]);
    for (const row of rows) {
      const members = perCustomer.filter((c) => c.level === row.level);
      expect(Number(row.customers)).toBe(members.length);
      expect(Number(row.revenue)).toBeCloseTo(members.reduce((s, c) => s + Number(c.metric), 0), 6);
    }
  });

  it("with --costs: the identity per level", () => {
    const costs = file("levels-costs.csv", "tier,per_customer,per_order,fixed\nplatinum,20,3,500\n*,2,1,0\n");
    const r = run([...BASE_LEVELS, "--summary", "--costs", costs, "--margin", "0.3"]);
    expect(r.code).toBe(0);
    for (const row of csv(r.stdout)) {
      const cost = row.level === "Platinum" ? 20 * Number(row.customers) + 3 * Number(row.orders) + 500 : 2 * Number(row.customers) + Number(row.orders);
      expect(Number(row.cost_to_serve)).toBeCloseTo(cost, 9);
      expect(Number(row.net_contribution)).toBeCloseTo(Number(row.revenue) * 0.3 - cost, 6);
    }
  });
});
