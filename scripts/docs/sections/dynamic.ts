/** TIER.MIGRATION and TIER.PILOT: the snapshot examples, their errors, the pilot comparison's statistics, and `tier migrate` / `tier pilot` checked against the functions. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { migrationMatrix, migrationRates } from "../../../src/core/over-time/migration";
import { proportionDifference, meanDifference, murmur3 } from "../../../src/core/over-time/pilot";
import { migration, pilot } from "../../../src/functions/functions";
import { cli, ZH } from "../cli";
import { O, col, grid, header } from "../harness";
import { table, r4, must, errTable, type Case, type Values } from "../markdown";
import { EXAMPLES } from "../paths";

export function dynamicSection(): Values {
  const V: Values = {};
  /** A snapshot file of the examples folder as columns: customer, tier, revenue, orders, last_purchase. */
  const snap = (name: string) => readFileSync(join(EXAMPLES, name), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const q1 = snap("q1.csv"), q2 = snap("q2.csv");
  const c = (rows: string[][], k: number) => col(...rows.map((r) => r[k]));
  const q2rev = col(...q2.map((r) => Number(r[2])));
  V.q1_csv = "```text\n" + readFileSync(join(EXAMPLES, "q1.csv"), "utf8") + "```";
  V.q2_csv = "```text\n" + readFileSync(join(EXAMPLES, "q2.csv"), "utf8") + "```";
  for (const l of ["en", "zh"] as const) {
    const rows = q2.map((r, i) => [i + 2, q1[i]?.[0] ?? " ", q1[i]?.[1] || " ", " ", r[0], r[1] || " ", Number(r[2])]);
    V[`mig_in_${l}`] = table(l === "en" ? ["Row", "A: customer (Q1)", "B: tier (Q1)", " ", "D: customer (Q2)", "E: tier (Q2)", "F: revenue (Q2)"] : ["行", "A：客户（一季度）", "B：层级（一季度）", " ", "D：客户（二季度）", "E：层级（二季度）", "F：收入（二季度）"], rows);
    const out = grid(l, migration, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), O);
    V[`mig_out_${l}`] = table(header(out[0]), out.slice(1));
    const rev = grid(l, migration, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), q2rev);
    V[`mig_rev_${l}`] = table(header(rev[0]), rev.slice(1));
  }
  const out = grid("en", migration, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), O);
  must(JSON.stringify(out.slice(1)) === JSON.stringify([["A", 1, 1, 0, 0, 2], ["B", 1, 1, 1, 0, 3], ["C", 0, 1, 1, 2, 4], ["New", 1, 1, 1, "", 3], ["Total", 3, 4, 3, 2, 12]]), "migration example counts");
  const rates = migrationRates(migrationMatrix({ ids: q1.map((r) => r[0]), tiers: q1.map((r) => r[1]) }, { ids: q2.map((r) => r[0]), tiers: q2.map((r) => r[1]) }));
  must(rates.customers === 9 && rates.upgraded === 2 && rates.downgraded === 2 && rates.stayed === 3 && rates.gone === 2 && rates.new === 3, "migration example rates");
  const rev = grid("en", migration, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), q2rev);
  must(rev[1][1] === 5200 && rev[1][2] === 2100 && rev[3][4] === 0 && rev[5][5] === q2.reduce((a, r) => a + Number(r[2]), 0), "migration revenue example");
  V.mig_total_rev = String(rev[5][5]);
  const migCases: Case[] = [
    ["`tiers_before` not as tall as `ids_before`", "`tiers_before` 与 `ids_before` 高度不同", migration, c(q1, 0), c(q1, 1).slice(1), c(q2, 0), c(q2, 1), O],
    ["`measure` not as tall as `ids_after`", "`measure` 与 `ids_after` 高度不同", migration, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), col(1, 2, 3)],
    ["A customer twice in one snapshot (K02 and \"k02\" are different ids; 7 and \"7\" are the same)", "同一快照中客户出现两次（K02 与 \"k02\" 是不同的编号；7 与 \"7\" 是同一个）", migration, col(7, "K02", "7"), col("A", "B", "C"), c(q2, 0), c(q2, 1), O],
    ["A cell holding an Excel error", "单元格包含 Excel 错误", migration, c(q1, 0), col(...q1.map((r, i) => (i === 3 ? { code: "#N/A" } : r[1]))), c(q2, 0), c(q2, 1), O],
    ["A measure that is not a number", "度量值不是数字", migration, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), col(...q2.map((r, i) => (i === 1 ? "n/a" : Number(r[2]))))],
    ["A measure blank in every row", "度量值全部为空", migration, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), col(...q2.map(() => ""))],
    ["No tier in either snapshot", "两个快照都没有层级", migration, col(1, 2), col("", ""), col(1), col(""), O],
  ];
  // TIER.PILOT: 20 customers, A 6, B 8, C 6.
  const tiers = readFileSync(join(EXAMPLES, "tiers.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const pIds = c(tiers, 0), pTiers = c(tiers, 1);
  V.tiers_csv_rows = String(tiers.length + 1);
  for (const l of ["en", "zh"] as const) {
    const a = grid(l, pilot, pIds, pTiers, 0.2, O, O);
    const b = grid(l, pilot, pIds, pTiers, 0.2, 7, 0.5);
    const hash = (seed: number, id: string) => murmur3(id, seed).toString(16).padStart(8, "0");
    V[`pilot_out_${l}`] = table(
      l === "en"
        ? ["Row", "A: customer", "B: tier", "hash (seed 1)", "`=TIER.PILOT(A2:A21,B2:B21,0.2)`", "hash (seed 7)", "`=TIER.PILOT(A2:A21,B2:B21,0.2,7,0.5)`"]
        : ["行", "A：客户", "B：层级", "哈希（种子 1）", "`=TIER.PILOT(A2:A21,B2:B21,0.2)`", "哈希（种子 7）", "`=TIER.PILOT(A2:A21,B2:B21,0.2,7,0.5)`"],
      tiers.map((r, i) => [i + 2, r[0], r[1], hash(1, r[0]), a[i][0], hash(7, r[0]), b[i][0]]),
    );
  }
  {
    const a = grid("en", pilot, pIds, pTiers, 0.2, O, O), b = grid("en", pilot, pIds, pTiers, 0.2, 7, 0.5);
    const count = (g: unknown[][], t: string, label: string) => g.filter((r, i) => tiers[i][1] === t && r[0] === label).length;
    must(["A", "B", "C"].map((t) => `${count(a, t, "pilot")}${count(a, t, "control")}`).join(" ") === "11 22 11", "pilot counts 0.2");
    must(["A", "B", "C"].map((t) => `${count(b, t, "pilot")}${count(b, t, "control")}`).join(" ") === "13 24 13", "pilot counts 0.2 / 0.5");
    // The first pilot of tier A has the smallest seed-1 hash of tier A.
    const inA = tiers.filter((r) => r[1] === "A").map((r) => r[0]).sort((x, y) => murmur3(x, 1) - murmur3(y, 1));
    must(a[tiers.findIndex((r) => r[0] === inA[0])][0] === "pilot" && a[tiers.findIndex((r) => r[0] === inA[1])][0] === "control", "pilot order by hash");
    const reversed = grid("en", pilot, [...pIds].reverse(), [...pTiers].reverse(), 0.2, O, O).reverse();
    must(JSON.stringify(reversed) === JSON.stringify(a), "pilot independent of row order");
  }
  const pilotCases: Case[] = [
    ["`share` left empty", "`share` 为空", pilot, pIds, pTiers, O, O, O],
    ["`share` written as a percentage number", "`share` 写成了百分数数字", pilot, pIds, pTiers, 10, O, O],
    ["`share` above one half without `control_share` (the control is as large as the pilot)", "`share` 大于一半且未给出 `control_share`（对照组与试点组一样大）", pilot, pIds, pTiers, 0.6, O, O],
    ["`share` and `control_share` add up to more than 1", "`share` 与 `control_share` 之和大于 1", pilot, pIds, pTiers, 0.5, O, 0.7],
    ["`seed` not a whole number", "`seed` 不是整数", pilot, pIds, pTiers, 0.2, 1.5, O],
    ["A customer twice", "客户出现两次", pilot, col("C01", "C02", "C01"), col("A", "A", "B"), 0.2, O, O],
  ];
  for (const l of ["en", "zh"] as const) {
    V[`err_mig_${l}`] = errTable(migCases, l);
    V[`err_pilot_${l}`] = errTable(pilotCases, l);
  }
  // The comparison the pane makes (src/core/over-time/pilot.ts comparePilot): Newcombe's example and a Welch one.
  const nc = proportionDifference(56, 70, 48, 80);
  V.newcombe = `${r4(nc.difference)} (${r4(nc.low)} … ${r4(nc.high)})`;
  must(V.newcombe === "0.2000 (0.0524 … 0.3339)", "Newcombe 1998 example");
  const w = meanDifference([12, 15, 9, 20, 17, 11], [8, 10, 7, 12, 9]);
  V.welch = `${r4(w.difference)} (${r4(w.low)} … ${r4(w.high)})`;
  must(V.welch === "4.8000 (0.3936 … 9.2064)", "Welch example (SciPy)");
  // The command line
  V.cli_migrate = cli(["migrate", "q1.csv", "q2.csv", "--id", "customer", "--tier", "tier"]);
  V.cli_migrate_rev = cli(["migrate", "q1.csv", "q2.csv", "--id", "customer", "--tier", "tier", "--measure", "revenue"]);
  V.cli_migrate_json = cli(["migrate", "q1.csv", "q2.csv", "--id", "customer", "--tier", "tier", "--json", "--revenue", "revenue", "--orders", "orders", "--last", "last_purchase", "--as-of", "2024-03-31"]);
  V.cli_migrate_zh = cli(["migrate", "q1.csv", "q2.csv", "--id", "customer", "--tier", "tier", "--order", "C,B,A"], ZH);
  V.cli_pilot = cli(["pilot", "tiers.csv", "--id", "customer", "--tier", "tier", "--share", "0.2", "--only-tier", "B"]);
  V.cli_pilot_zh = cli(["pilot", "tiers.csv", "--id", "customer", "--tier", "tier", "--share", "0.2", "--only-tier", "B"], ZH);
  V.cli_pilot_err = cli(["pilot", "tiers.csv", "--id", "customer", "--tier", "tier", "--share", "0.6"]);
  V.cli_pilot_err_zh = cli(["pilot", "tiers.csv", "--id", "customer", "--tier", "tier", "--share", "0.6"], ZH);
  const csvOf = (t: string) => t.split("\n").filter((x) => /^(A|B|C|new|total),/.test(x));
  must(JSON.stringify(csvOf(V.cli_migrate)) === JSON.stringify(out.slice(1).map((r) => [r[0] === "New" ? "new" : r[0] === "Total" ? "total" : r[0], ...r.slice(1)].join(","))), "CLI = function (migration)");
  const j = JSON.parse(V.cli_migrate_json.slice(V.cli_migrate_json.indexOf("{"), V.cli_migrate_json.lastIndexOf("}") + 1));
  must(j.rates.upgraded === 2 && j.effects[0].tier === "A" && j.effects[0].retained === 2 && j.effects[0].revenueChange === 7300 - 10900 && j.effects[2].retained === 2, "tier migrate effects");
  V.eff_a_change = String(-j.effects[0].revenueChange);
  const pilotB = V.cli_pilot.split("\n").filter((x) => /^C\d\d,B,/.test(x));
  const fnB = grid("en", pilot, col(...tiers.filter((r) => r[1] === "B").map((r) => r[0])), col(...tiers.filter((r) => r[1] === "B").map((r) => r[1])), 0.2, O, O);
  must(pilotB.length === 8 && pilotB.every((x, i) => x.split(",")[2] === fnB[i][0]), "CLI = function (pilot, one tier)");
  return V;
}
