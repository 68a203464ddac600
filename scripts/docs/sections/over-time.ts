/** Over time (issue 14): TIER.RFM's window, TIER.MOVERS, TIER.COHORT, their errors, and `tier history | trends | movers | cohort` on the shop example. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cohort, movers, rfm } from "../../../src/functions/functions";
import { cli, ZH } from "../cli";
import { O, col, grid, header } from "../harness";
import { errTable, must, n4, table, type Case, type Values } from "../markdown";
import { EXAMPLES } from "../paths";

export function overTimeSection(): Values {
  const V: Values = {};
  const rows = (name: string) => readFileSync(join(EXAMPLES, name), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const shop = rows("shop.csv");
  const q1 = rows("q1.csv");
  const q2 = rows("q2.csv");
  const c = (r: string[][], k: number) => col(...r.map((x) => x[k]));
  const n = (r: string[][], k: number) => col(...r.map((x) => Number(x[k])));
  for (const l of ["en", "zh"] as const) {
    const w = grid(l, rfm, c(shop, 0), c(shop, 1), c(shop, 2), "2024-06-30", O, O, O, 3);
    V[`ot_rfm_window_${l}`] = table(header(w[0]), w.slice(1).map((r) => r.map(n4)));
    const m = grid(l, movers, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), O, n(q1, 2), n(q2, 2));
    V[`ot_movers_${l}`] = table(header(m[0]), m.slice(1));
    const k = grid(l, cohort, c(shop, 0), c(shop, 1), c(shop, 2));
    V[`ot_cohort_${l}`] = table(header(k[0]), k.slice(1).map((r) => r.map(n4)));
    const split = grid(l, cohort, c(shop, 0), c(shop, 1), c(shop, 2), O, O, "abc");
    V[`ot_cohort_split_${l}`] = table(header(split[0]), split.slice(1).map((r) => r.map(n4)));
  }
  // The first tiers' triangles add up to the whole cohorts.
  const whole = grid("en", cohort, c(shop, 0), c(shop, 1), c(shop, 2));
  const split = grid("en", cohort, c(shop, 0), c(shop, 1), c(shop, 2), O, O, "abc");
  for (const r of whole.slice(1)) {
    const sum = split.slice(1).filter((s) => s[0] === r[0]).reduce((t, s) => t + Number(s[2]), 0);
    must(sum === r[1], `the ${String(r[0])} cohort's first tiers add up to its ${String(r[1])} customers`);
  }
  // The window keeps a customer with no purchase in it (C08 bought only in January), with F = M = 0.
  const w = grid("en", rfm, c(shop, 0), c(shop, 1), c(shop, 2), "2024-06-30", O, O, O, 3);
  const c08 = w.find((r) => r[0] === "C08")!;
  must(c08[2] === 0 && c08[3] === 0 && c08[1] === 167, "C08 lapsed: recency 167, F = M = 0");
  const k = grid("en", cohort, c(shop, 0), c(shop, 1), c(shop, 2));
  must(k[1][0] === "2024-01" && k[1][1] === 5 && k[1][2] === 1, "January cohort of 5");
  const m = grid("en", movers, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), O, n(q1, 2), n(q2, 2));
  must(m.slice(1).some((r) => r[3] === "gone") && m.slice(1).some((r) => r[3] === "new") && m.slice(1).some((r) => r[3] === "up"), "movers example has up, gone and new");
  const cases: Case[] = [
    ["`window_months` not a whole number of months", "`window_months` 不是整月数", rfm, c(shop, 0), c(shop, 1), c(shop, 2), O, O, O, O, 1.5],
    ["`as_of` before the first purchase", "`as_of` 早于第一次购买", rfm, c(shop, 0), c(shop, 1), c(shop, 2), "2023-12-31", O, O, O, O],
    ["TIER.MOVERS: an `order` that names a tier twice", "TIER.MOVERS：`order` 两次列出同一层级", movers, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), [["A", "B", "A"]], O, O],
    ["TIER.MOVERS: `measure_before` not as tall as `ids_before`", "TIER.MOVERS：`measure_before` 与 `ids_before` 高度不同", movers, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), O, col(1, 2), O],
    ["TIER.COHORT: `by` is not month or quarter", "TIER.COHORT：`by` 不是 month 或 quarter", cohort, c(shop, 0), c(shop, 1), c(shop, 2), "week", O],
    ["TIER.COHORT: measure \"revenue\" without amounts", "TIER.COHORT：measure 为 \"revenue\" 但没有金额", cohort, c(shop, 0), c(shop, 1), O, O, "revenue"],
    ["TIER.MOVERS: an `order` that leaves a tier out", "TIER.MOVERS：`order` 漏掉一个层级", movers, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), [["A", "B"]], O, O],
    ["TIER.COHORT: dates spanning more than 600 months (a wrong year)", "TIER.COHORT：日期跨度超过 600 个月（年份有误）", cohort, col("C01", "C02"), col(18277, 45306), O, O, O],
    ["TIER.COHORT: `first_tier` is not segment or abc", "TIER.COHORT：`first_tier` 不是 segment 或 abc", cohort, c(shop, 0), c(shop, 1), c(shop, 2), O, O, "tier"],
  ];
  V.ot_err_en = errTable(cases, "en");
  V.ot_err_zh = errTable(cases, "zh");
  const abc = ["--tier-by", "abc", "--window-months", "3"];
  V.ot_cli_history = cli(["history", "shop.csv", ...abc], undefined, { head: 12 });
  V.ot_cli_trends = cli(["trends", "shop.csv", ...abc]);
  V.ot_cli_trends_cumulative = cli(["trends", "shop.csv", "--tier-by", "abc"], undefined, { head: 8 });
  V.ot_cli_movers = cli(["movers", "shop.csv", ...abc]);
  V.ot_cli_frozen = cli(["movers", "shop.csv", ...abc, "--freeze", "2024-03-31"]);
  V.ot_cli_cohort = cli(["cohort", "shop.csv"]);
  V.ot_cli_cohort_zh = cli(["cohort", "shop.csv", "--measure", "revenue"], ZH);
  V.ot_cli_movers_predict = cli(["movers", "shop.csv", ...abc, "--predict", "--unit", "week"]);
  V.ot_cli_cohort_split = cli(["cohort", "shop.csv", "--first-tier", "abc"]);
  V.ot_cli_cohort_split_zh = cli(["cohort", "shop.csv", "--first-tier", "abc"], ZH);
  must(V.ot_cli_movers_predict.includes("dropout-not-identified"), "the movers' fit diagnostics are shown");
  must(!/NaN|Infinity/.test(V.ot_cli_trends + V.ot_cli_cohort), "no NaN in the over-time output");
  // Without a window, every earlier customer stays active: retention is 1 wherever it is defined.
  const cumulative = V.ot_cli_trends_cumulative.split("\n").filter((l) => /^2024-0[2-6]-/.test(l)).map((l) => l.split(","));
  must(cumulative.length > 0 && cumulative.every((r) => r[7] === "" || r[7] === "1"), "cumulative retention is 100 %");
  return V;
}
