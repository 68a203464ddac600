/** ABC by the computed method and TIER.ABCNEXT: the example on the ABC curve, `tier abc --method computed`, and the SwissInhabitants golden of the Julia port. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classifyAbc } from "../../../src/core/tiers/abc";
import { abcclass, abcnext } from "../../../src/functions/functions";
import { cli } from "../cli";
import { abcExample } from "../data";
import { O, col, grid } from "../harness";
import { table, r4, plain, must, type Values } from "../markdown";
import { ROOT } from "../paths";

export function abcComputedSection(): Values {
  const V: Values = {};
  const { abcIn, abcIds } = abcExample();
  const num = (c: unknown) => (c === "" ? NaN : typeof c === "number" ? c : Number(String(c).replace(/[¥$,]/g, "")));
  const nums = abcIn.map(num);
  const rc = classifyAbc(nums, { method: "computed" });
  const L = rc.limits!;
  const n = nums.filter((x) => x === x).length;
  const fixed = grid("en", abcclass, col(...abcIn), O, O, O, O);
  const comp = grid("en", abcclass, col(...abcIn), O, O, O, "computed");
  const nextF = grid("en", abcnext, col(...abcIn), O, O, O, O);
  const nextC = grid("en", abcnext, col(...abcIn), O, O, O, "computed");
  if (JSON.stringify(grid("zh", abcnext, col(...abcIn), O, O, O, "computed")) !== JSON.stringify(nextC)) throw new Error("abcnext zh differs");
  // Rank, effort and yield of each value on the curve (ties: consecutive ranks, in input order).
  const order = nums.map((v, i) => [v, i] as const).filter(([v]) => v === v).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const total = nums.filter((v) => v > 0).reduce((a, b) => a + b, 0);
  const rank: number[] = new Array(nums.length).fill(0);
  const cum: number[] = new Array(nums.length).fill(NaN);
  let run = 0;
  order.forEach(([v, i], k) => { rank[i] = k + 1; run += Math.max(v, 0); cum[i] = run / total; });
  const rows = abcIn.map((v, i) => [i + 2, abcIds[i], plain(v), rank[i] || " ", rank[i] ? `${rank[i]}/${n} = ${r4(rank[i] / n)}` : " ", rank[i] ? r4(cum[i]) : " ", fixed[i][0], comp[i][0], nextF[i][0], nextF[i][1], nextC[i][0], nextC[i][1]].map((c) => (c === "" ? " " : c)));
  V.abc_comp_en = table(["Row", "A: customer", "B: revenue", "rank", "effort", "yield", "`=TIER.ABCCLASS(B2:B11)`", "`…(B2:B11,,,,\"computed\")`", "`=TIER.ABCNEXT(B2:B11)` next", "gap", "`…(B2:B11,,,,\"computed\")` next", "gap"], rows);
  V.abc_comp_zh = table(["行", "A：客户", "B：收入", "排名", "付出（effort）", "收益（yield）", "`=TIER.ABCCLASS(B2:B11)`", "`…(B2:B11,,,,\"computed\")`", "`=TIER.ABCNEXT(B2:B11)` 上一级", "差距", "`…(B2:B11,,,,\"computed\")` 上一级", "差距"], rows);
  const pt = (p: { effort: number; yield: number }) => `(${r4(p.effort)}, ${r4(p.yield)})`;
  V.abc_pareto = pt(L.pareto!);
  V.abc_breakeven = pt(L.breakEven!);
  V.abc_sub = pt({ effort: L.bEffort, yield: L.bYield });
  V.abc_a_rank = String(Math.round(L.aEffort * n));
  V.abc_b_rank = String(Math.round(L.bEffort * n));
  V.abc_n = String(n);
  V.abc_next_col = JSON.stringify(grid("en", abcnext, [[50, 30, 15, 5]], O, O, O, O));
  must(L.abPoint === "pareto" && V.abc_a_rank === "2" && V.abc_b_rank === "4" && L.breakEven!.effort === 3 / 9, "computed example: Pareto at 2 of 9, break-even at 3, submarginal at 4");
  must(comp.map((r) => r[0]).join("") === "AABBCCCCC" && comp[3][0] === "", "computed example classes");
  must(fixed.map((r) => r[0]).join("") === "AAAABCCCC", "fixed example classes");
  must(nextC[2][0] === "A" && nextC[2][1] === 9500 && nextC[5][0] === "B" && nextC[5][1] === 4800 && nextC[9][1] === 9300, "computed example gaps");
  must(nextF[5][0] === "A" && nextF[5][1] === 4800 && nextF[6][0] === "B" && nextF[6][1] === 2400, "fixed example gaps");
  // SwissInhabitants: the golden of the Julia port, through the command.
  const swiss = "../shared/data/swiss_inhabitants_1900.txt";
  V.cli_abc_swiss = cli(["abc", swiss, "--no-header", "--method", "computed", "--summary"], undefined, { cwd: ROOT });
  V.cli_abc_swiss_head = "```text\n" + readFileSync(join(ROOT, swiss), "utf8").split("\n").slice(0, 4).join("\n") + "\n…\n```";
  V.cli_abc_next = cli(["abc", "rev.csv", "--value", "revenue", "--id", "customer", "--method", "computed", "--next"]);
  V.cli_abc_next_zh = cli(["abc", "rev.csv", "--value", "revenue", "--id", "customer", "--method", "computed", "--next"], "zh_CN.UTF-8");
  must(/\nA,642,[^\n]*,0\.221685082872928,0\.691376443224353,break_even\nB,435,[^\n]*,0\.371546961325967,0\.810278191608252,submarginal\nC,1819,/.test(V.cli_abc_swiss), "Swiss 642 / 435 / 1819 and the Julia port's points");
  must(/K03,9000,B,[^\n]*,A,9500/.test(V.cli_abc_next), "CLI next = function next");
  // The prose's SwissInhabitants numbers (section 5, "The computed method").
  const sv = readFileSync(join(ROOT, swiss), "utf8").split("\n").filter((l) => l.trim() !== "").map(Number);
  const sr = classifyAbc(sv, { method: "computed" });
  const sl = sr.limits!;
  const p5 = (p: { effort: number; yield: number }) => `(${p.effort.toFixed(5)}, ${p.yield.toFixed(5)})`;
  must(p5(sl.pareto!) === "(0.25380, 0.72196)" && p5(sl.breakEven!) === "(0.22169, 0.69138)" && p5({ effort: sl.bEffort, yield: sl.bYield }) === "(0.37155, 0.81028)" && sl.abPoint === "breakEven", "Swiss points in the prose");
  must(Math.round(sl.aEffort * 2896) === 642 && Math.round(sl.bEffort * 2896) === 1076 && sr.totals.map((t) => t.count).join() === "642,435,1819", "Swiss sets 642 / 434 / 1820 by position, 642 / 435 / 1819 as classes");
  must(sv.filter((v) => v === 710).length === 2 && sv.filter((_, i) => sr.classes[i] === 1).includes(710), "two communes of 710 straddle the B/C limit, both B");
  return V;
}
