/**
 * `tier predict --margin-column NAME` (issue 13, section 4): a margin amount (gross profit) on each
 * transaction row, each customer's CLV times their margin over revenue; refused with --margin or on a summary.
 */
import { describe, expect, it } from "vitest";
import { file, run } from "./support";

/** 40 customers, each buying every 10 to 48 days through 2024 with a profit of 20 % or 40 % of the amount by row. */
function shopCsv(badCustomer = false): string {
  const lines = ["customer_id,date,amount,profit"];
  const start = Date.UTC(2024, 0, 1);
  for (let k = 0; k < 40; k++) {
    const gap = 10 + (k % 39);
    for (let day = k % 15, j = 0; day <= (k % 4 === 0 ? 150 : 360); day += gap, j++) {
      const date = new Date(start + day * 86400000).toISOString().slice(0, 10);
      const amount = 20 + (k % 5) * 7 + (j % 3) * 4;
      const profit = badCustomer && k === 3 ? amount * 1.5 : amount * (j % 2 === 0 ? 0.2 : 0.4);
      lines.push(`K${k},${date},${amount},${profit}`);
    }
  }
  return lines.join("\n") + "\n";
}

describe("tier predict --margin-column", () => {
  it("clv_margin = clv × the customer's Σ profit / Σ amount; a column of one rate equals --margin", () => {
    const text = shopCsv();
    const path = file("shop.csv", text);
    const r = run(["predict", path, "--margin-column", "profit", "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, number | string>[];
    const sums = new Map<string, { p: number; a: number }>();
    for (const line of text.trim().split("\n").slice(1)) {
      const [id, , amount, profit] = line.split(",");
      const e = sums.get(id) ?? { p: 0, a: 0 };
      e.p += Number(profit);
      e.a += Number(amount);
      sums.set(id, e);
    }
    for (const row of rows) {
      const e = sums.get(String(row.customer))!;
      expect(row.clv_margin as number).toBeCloseTo((row.clv_12_months as number) * (e.p / e.a), 9);
    }
    // The same rows with a profit of 30 % on every row: one rate as a column.
    const flatText = text.trim().split("\n").map((l, i) => (i === 0 ? l : l.replace(/,[^,]*$/, `,${Number(l.split(",")[2]) * 0.3}`))).join("\n");
    const flat = file("flat.csv", flatText + "\n");
    const one = JSON.parse(run(["predict", path, "--margin", "0.3", "--format", "json"]).stdout) as Record<string, number>[];
    const column = JSON.parse(run(["predict", flat, "--margin-column", "profit", "--format", "json"]).stdout) as Record<string, number>[];
    for (let i = 0; i < one.length; i++) expect(column[i].clv_margin).toBeCloseTo(one[i].clv_margin, 9);
  });

  it("a customer whose profit exceeds their revenue is named by line, the others kept", () => {
    const r = run(["predict", file("bad.csv", shopCsv(true)), "--margin-column", "profit", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("1 customer's margin is not between 0 and 100% of their revenue");
    expect(r.stderr).toMatch(/line \d+: customer K3, margin 150% of revenue/);
    const rows = JSON.parse(r.stdout) as Record<string, number | string>[];
    expect(rows.find((x) => x.customer === "K3")!.clv_margin).toBe("");
    expect(typeof rows.find((x) => x.customer === "K4")!.clv_margin).toBe("number");
  });

  it("a blank margin cell adds nothing, as in the pane's Margin column", () => {
    const text = shopCsv().split("\n").map((l) => (l.startsWith("K5,") ? l.replace(/,[^,]*$/, ",") : l)).join("\n");
    const r = run(["predict", file("blank.csv", text), "--margin-column", "profit", "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, number | string>[];
    expect(rows.find((x) => x.customer === "K5")!.clv_margin).toBe(0);
    expect(rows.find((x) => x.customer === "K6")!.clv_margin as number).toBeGreaterThan(0);
  });

  it("refuses --margin with --margin-column, a summary file, and a missing column", () => {
    const path = file("shop2.csv", shopCsv());
    const both = run(["predict", path, "--margin", "0.3", "--margin-column", "profit"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("not both");
    const summary = file("summary.csv", "customer,x,t_x,T\n1,2,10,30\n2,0,0,30\n3,5,25,30\n");
    const s = run(["predict", summary, "--unit", "week", "--margin-column", "profit"]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("customer summary");
    const missing = run(["predict", path, "--margin-column", "gross"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("gross");
    const zh = run(["predict", path, "--margin", "0.3", "--margin-column", "profit"], { LANG: "zh_CN.UTF-8" });
    expect(zh.stderr).toContain("不能同时给出");
  });
});
