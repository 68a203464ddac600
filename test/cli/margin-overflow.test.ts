/**
 * Issue 12, defect 16, in `tier predict --margin-column`: a customer whose margin over revenue overflows
 * (revenue 2e-300, profit 1e300) is left out of clv_margin with a line that says so, in both languages; it was
 * "no revenue to weigh the margin by", the wrong reason.
 */
import { describe, expect, it } from "vitest";
import { file, run } from "./support";

/** 30 customers buying through 2024 at a 30 % profit; customer K3 buys for 0.01 at a profit of 1e307 (Σ profit / Σ amount passes 1.8e308). */
function shopCsv(): string {
  const lines = ["customer_id,date,amount,profit"];
  const start = Date.UTC(2024, 0, 1);
  for (let k = 0; k < 30; k++) {
    const gap = 10 + (k % 29);
    for (let day = k % 15, j = 0; day <= 360; day += gap, j++) {
      const date = new Date(start + day * 86400000).toISOString().slice(0, 10);
      const amount = 20 + (k % 5) * 7 + (j % 3) * 4;
      lines.push(k === 3 ? `K${k},${date},0.01,1e307` : `K${k},${date},${amount},${amount * 0.3}`);
    }
  }
  return lines.join("\n") + "\n";
}

describe("tier predict --margin-column: a margin rate that overflows", () => {
  it("names the customer by line with the overflow, not 'no revenue'; the others keep their margin CLV", () => {
    const path = file("overflow.csv", shopCsv());
    const r = run(["predict", path, "--margin-column", "profit", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/line \d+: customer K3, margin over revenue beyond the largest number a spreadsheet holds \(about 1\.8E\+308\)/);
    expect(r.stderr).not.toMatch(/no revenue|Infinity|NaN/);
    const rows = JSON.parse(r.stdout) as Record<string, number | string>[];
    expect(rows.find((x) => x.customer === "K3")!.clv_margin).toBe("");
    expect(typeof rows.find((x) => x.customer === "K4")!.clv_margin).toBe("number");
    const zh = run(["predict", path, "--margin-column", "profit", "--format", "json"], { LANG: "zh_CN" });
    expect(zh.stderr).toMatch(/客户 K3，毛利除以收入超出电子表格能容纳的最大数/);
  });
});
