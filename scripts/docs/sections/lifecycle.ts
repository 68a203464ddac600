/** TIER.LIFECYCLE on a small shop, the models on data that small, and the messages of the model functions. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { clvpredict, clvfit, lifecycle } from "../../../src/functions/functions";
import { O, col, grid, header, num } from "../harness";
import { table, r4, n4, must, errTable, type Case, type Values } from "../markdown";
import { EXAMPLES } from "../paths";

export function lifecycleSection(): Values {
  const V: Values = {};
  {
    const shop = readFileSync(join(EXAMPLES, "shop.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const sC = col(...shop.map((r) => r[0])), sD = col(...shop.map((r) => r[1])), sA = col(...shop.map((r) => Number(r[2])));
    V.shop_last = String(shop.length + 1);
    for (const l of ["en", "zh"] as const) {
      V[`lc_in_${l}`] = table(l === "en" ? ["Row", "A: customer", "B: date", "C: amount"] : ["行", "A：客户", "B：日期", "C：金额"], shop.map((r, i) => [i + 2, r[0], `\`"${r[1]}"\``, Number(r[2])]));
      const out = grid(l, lifecycle, sC, sD, "2024-06-30", O, O, O, O);
      V[`lc_out_${l}`] = table(header(out[0]), out.slice(1).map((r) => r.map(n4)));
      const v2 = grid(l, lifecycle, sC, sD, "2024-06-30", 14, 2, 4, 120);
      V[`lc_out2_${l}`] = table(header(v2[0]), v2.slice(1).map((r) => r.map(n4)));
    }
    const out = grid("en", lifecycle, sC, sD, "2024-06-30", O, O, O, O);
    const row = (g: unknown[][], id: string) => g.find((r) => r[0] === id)!;
    must(row(out, "C01")[1] === "Active" && row(out, "C03")[1] === "Churned" && row(out, "C06")[1] === "Silent" && row(out, "C05")[1] === "New" && row(out, "C10")[1] === "New", "shop stages");
    must(r4(num(row(out, "C04")[3])) === "35.8333" && row(out, "C04")[1] === "Churned", "median gap 35.83 for one-time buyers");
    must(row(out, "C05")[3] === row(out, "C04")[3], "one-time buyers share the median gap");
    must(row(out, "C01")[3] === 175 / 6, "C01 gap 175/6");
    must(row(out, "C09")[2] === 47 && row(out, "C09")[3] === 14 && row(out, "C09")[1] === "Churned", "C09 47 > 3 × 14");
    const v2 = grid("en", lifecycle, sC, sD, "2024-06-30", 14, 2, 4, 120);
    must(row(v2, "C05")[1] === "Active" && row(v2, "C10")[1] === "New" && row(v2, "C09")[1] === "Silent" && row(v2, "C04")[1] === "Churned" && num(row(v2, "C04")[2]) <= 4 * num(row(v2, "C04")[3]), "variant stages; the cap churns C04");
    must(JSON.stringify(grid("en", lifecycle, sC, sD, O, O, O, O, O)) === JSON.stringify(grid("en", lifecycle, sC, sD, "2024-06-29", O, O, O, O)), "lifecycle default as_of = latest date");
    // the models on a data set this small: the spend model has nothing to learn from
    for (const l of ["en", "zh"] as const) {
      const fit = grid(l, clvfit, sC, sD, sA, "2024-06-30", O);
      V[`shop_fit_${l}`] = table(header(fit[0]), fit.slice(1).map((r) => r.map((c: unknown) => (typeof c === "number" ? String(Number(c.toPrecision(6))) : c))));
      must(fit.slice(1, 5).some((r) => r[2] === "") && fit.slice(6, 9).some((r) => r[2] === ""), `shop fit at a limit (${l})`);
    }
  }
  // ---------- messages of the model functions ----------
  {
    const K = col("K1", "K1", "K2", "K2", "K3"), KD = col("2024-01-05", "2024-02-10", "2024-01-20", "2024-03-01", "2024-02-02"), KA = col(50, 60, 80, 90, 40);
    const cpCases: Case[] = [
      ["Unknown `unit`", "未知的 `unit`", clvpredict, K, KD, KA, O, O, O, "year"],
      ["Unknown `model`", "未知的 `model`", clvfit, K, KD, KA, O, O, "weibull"],
      ["`horizon_months` not whole", "`horizon_months` 不是整数", clvpredict, K, KD, KA, O, 1.5, O, O],
      ["`horizon_months` not a number", "`horizon_months` 不是数字", clvpredict, K, KD, KA, O, "one year", O, O],
      ["`monthly_discount` written as a percentage number", "`monthly_discount` 写成了百分数数字", clvpredict, K, KD, KA, O, O, 12, O],
      ["`as_of` before the first purchase", "`as_of` 早于第一次购买", clvpredict, K, KD, KA, "2023-12-31", O, O, O],
      ["Nobody bought on two different days (several rows on one day are one purchase)", "没有客户在两个不同日期购买（同一天的多行算一次购买）", clvpredict, col("K1", "K1", "K2"), col("2024-01-05", "2024-01-05", "2024-01-06"), col(5, 6, 7), O, O, O, O],
      ["No repeat purchase with a positive amount", "没有金额为正的重复购买", clvfit, K, KD, col(50, 0, 80, 0, 40), O, O],
      ["A blank amount", "金额为空", clvpredict, K, KD, col(50, 60, null, 90, 40), O, O, O, O],
    ];
    const lcCases: Case[] = [
      ["`silent_multiple` below `active_multiple`", "`silent_multiple` 小于 `active_multiple`", lifecycle, K, KD, O, O, 2, 1, O],
      ["A negative `active_multiple`", "`active_multiple` 为负数", lifecycle, K, KD, O, O, -1, O, O],
      ["Negative `new_days`", "`new_days` 为负数", lifecycle, K, KD, O, -1, O, O, O],
      ["A negative `churn_cap_days` (leave it empty for no cap)", "`churn_cap_days` 为负数（不设上限请留空）", lifecycle, K, KD, O, O, O, O, -30],
      ["`as_of` before the first purchase", "`as_of` 早于第一次购买", lifecycle, K, KD, "2020-01-01", O, O, O, O],
      ["A date that is not a date", "日期不是日期", lifecycle, K, col("2024-01-05", "2024-02-30", "2024-01-20", "2024-03-01", "2024-02-02"), O, O, O, O, O],
    ];
    for (const l of ["en", "zh"] as const) {
      V[`err_cp_${l}`] = errTable(cpCases, l);
      V[`err_lc_${l}`] = errTable(lcCases, l);
    }
  }
  return V;
}
