/** TIER.SCORE: the example, the worked score of K02, thresholds, the errors, and `tier score` checked against the function. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { score as scoreFn } from "../../../src/functions/functions";
import { cli, ZH } from "../cli";
import { O, grid } from "../harness";
import { table, must, errTable, type Case, type Values } from "../markdown";
import { EXAMPLES } from "../paths";

export function scoreSection(): Values {
  const V: Values = {};
  /** scripts/docs/examples/score.csv as rows of cells the way Excel holds them: numbers, "" for blanks. */
  const rows = readFileSync(join(EXAMPLES, "score.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const ids = rows.map((r) => r[0]);
  const metrics = rows.map((r) => r.slice(1).map((c) => (c === "" ? "" : Number(c))));
  const W = [[0.4, 0.2, 0.2, 0.2]], D = [["higher", "higher", "lower", "higher"]];
  V.score_csv = "```text\n" + readFileSync(join(EXAMPLES, "score.csv"), "utf8") + "```";
  const cell = (c: unknown) => (c === "" ? " " : typeof c === "number" ? String(Math.round(c * 1e6) / 1e6) : String(c));
  for (const l of ["en", "zh"] as const) {
    V[`score_in_${l}`] = table(l === "en" ? ["Row", "A: customer", "B: spend", "C: orders", "D: days since last purchase", "E: rating"] : ["行", "A：客户", "B：消费金额", "C：订单数", "D：距上次购买天数", "E：评分"],
      rows.map((r, i) => [i + 2, ...r.map((c) => (c === "" ? " " : c))]));
    const out = grid(l, scoreFn, metrics, W, D, O, O);
    const h = l === "en" ? ["*(A)*", "*Score*", "*Tier*", "*Next tier*", "*Points to next tier*"] : ["*（A）*", "*评分*", "*档次*", "*上一档*", "*距上一档分数*"];
    V[`score_out_${l}`] = table(h, out.map((r, i) => [ids[i], ...r.map(cell)]));
    const th = grid(l, scoreFn, metrics, W, D, [[90, 75, 50, 25]], "minmax");
    V[`score_th_${l}`] = table(h, th.map((r, i) => [ids[i], ...r.map(cell)]));
  }
  const out = grid("en", scoreFn, metrics, W, D, O, O);
  // The worked example: K02 has no rating, so its three other weights count in full.
  const col9 = (k: number) => metrics.slice(0, 9).map((r) => r[k]).filter((v) => v !== "") as number[];
  const midRank = (values: number[], v: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    const first = sorted.indexOf(v) + 1, last = sorted.lastIndexOf(v) + 1;
    return ((first + last) / 2 - 1) / (values.length - 1);
  };
  const x = [midRank(col9(0), 300), midRank(col9(1), 2), 1 - midRank(col9(2), 40)];
  V.sc_k02_x = x.map((v) => String(v)).join(", ");
  const k02 = (100 * (0.4 * x[0] + 0.2 * x[1] + 0.2 * x[2])) / 0.8;
  V.sc_k02 = String(k02);
  must(V.sc_k02_x === "0.375, 0.3125, 0.5" && out[1][0] === k02 && k02 === 39.0625, "K02 worked example: " + V.sc_k02_x + " → " + k02);
  must(out.map((r) => r[1]).join() === "Platinum,Silver,Bronze,Gold,Gold,Diamond,Silver,Gold,Silver,", "default bands 1, 1, 3, 3, 1");
  must(out[9].every((c) => c === ""), "blank row blank");
  const goldMin = Math.min(...out.filter((r) => r[1] === "Gold").map((r) => r[0] as number));
  must(out[1][1] === "Silver" && out[1][2] === "Gold" && out[1][3] === Math.round((goldMin - k02) * 1e9) / 1e9, "K02 next tier and gap");
  V.sc_gold_min = String(goldMin);
  V.sc_k02_gap = String(out[1][3]);
  const th = grid("en", scoreFn, metrics, W, D, [[90, 75, 50, 25]], "minmax");
  must(th.every((r, i) => i === 9 || (r[1] === "Diamond") === (typeof r[0] === "number" && r[0] >= 90)) && th[5][0] === 95 && th[5][1] === "Diamond" && th[2][1] === "Bronze", "thresholds example");
  V.sc_k06_minmax = String(th[5][0]);
  must(th.every((r) => r[1] !== "Platinum" && (r[1] !== "Gold" || r[2] === "Platinum")) && th.some((r) => r[1] === "Gold"), "Platinum empty, the Gold customers' next tier");
  // The same scores as the core's weighted average of the normalised columns, weights scaled by any constant.
  must(JSON.stringify(grid("en", scoreFn, metrics, [[4, 2, 2, 2]], D, O, O)) === JSON.stringify(out), "weights 4, 2, 2, 2 = 0.4, 0.2, 0.2, 0.2");
  must(JSON.stringify(grid("en", scoreFn, metrics, W, [["高", "越高越好", "低", "1"]], O, O)) === JSON.stringify(out), "directions in other words");
  const scoreCases: Case[] = [
    ["A header row selected with the numbers", "选区包含了标题行", scoreFn, [["spend", "orders"], [1200, 8], [300, 2]], [[1, 1]], O, O, O],
    ["A cell that is not a number (row 2, column 1)", "单元格不是数字（第 2 行第 1 列）", scoreFn, [[1200, 8], ["n/a", 2]], [[1, 1]], O, O, O],
    ["Fewer weights than metric columns", "权重少于指标列数", scoreFn, metrics, [[0.5, 0.5]], O, O, O],
    ["`weights` left empty", "`weights` 为空", scoreFn, metrics, O, O, O, O],
    ["A blank weight", "权重为空", scoreFn, metrics, [[0.4, "", 0.2, 0.2]], O, O, O],
    ["A negative weight", "权重为负", scoreFn, metrics, [[0.4, -0.2, 0.2, 0.2]], O, O, O],
    ["Every weight 0", "权重全为 0", scoreFn, metrics, [[0, 0, 0, 0]], O, O, O],
    ["A direction that is neither higher nor lower", "方向既不是 higher 也不是 lower", scoreFn, metrics, W, [["higher", "more", "lower", "higher"]], O, O],
    ["Band shares adding up to more than 1", "档次比例之和大于 1", scoreFn, metrics, W, D, [[0.5, 0.3, 0.3]], O],
    ["Band shares typed as percentages", "档次比例写成了百分数", scoreFn, metrics, W, D, [[5, 15, 30, 30]], O],
    ["Minimum scores not from the top down", "最低分不是从高到低", scoreFn, metrics, W, D, [[50, 75]], O],
    ["A minimum score above 100", "最低分大于 100", scoreFn, metrics, W, D, [[120, 60]], O],
    ["More than four band numbers", "档次数字多于四个", scoreFn, metrics, W, D, [[0.1, 0.1, 0.1, 0.1, 0.1]], O],
    ["An unknown `method`", "未知的 `method`", scoreFn, metrics, W, D, O, "zscore"],
  ];
  for (const l of ["en", "zh"] as const) V[`err_score_${l}`] = errTable(scoreCases, l);
  // The command line
  const args = ["score", "score.csv", "--id", "customer", "--metrics", "spend,orders,days,rating", "--weights", "0.4,0.2,0.2,0.2", "--directions", "higher,higher,lower,higher"];
  V.cli_score = cli(args);
  V.cli_score_sum = cli([...args, "--summary"]);
  V.cli_score_th = cli([...args, "--thresholds", "90,75,50,25", "--method", "minmax", "--summary"]);
  V.cli_score_zh = cli([...args.slice(0, 9), "高,高,低,高"], ZH);
  V.cli_score_err = cli([...args.slice(0, 7), "0.5,0.5"]);
  V.cli_score_err_zh = cli([...args.slice(0, 7), "0.5,0.5"], ZH);
  const cliRows = V.cli_score.split("\n").filter((t) => /^K\d\d,/.test(t)).map((t) => t.split(","));
  must(cliRows.length === 9 && cliRows.every((r, i) => Number(r[1]) === Number((out[i][0] as number).toPrecision(15)) && r[3] === out[i][1]), "CLI = function (score)");
  return V;
}
