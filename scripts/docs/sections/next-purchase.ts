/**
 * TIER.NEXTPURCHASE (issue 13) on the CDNOW sample, as TIER.PALIVE's section shows it: the spilled result in both
 * languages, a 13-week window, its messages, and the checks behind the prose (P(purchase within) never above
 * P(alive); overdue means silent for more than 3 typical gaps; a wider window never lowers the chance).
 */
import { nextpurchase, palive } from "../../../src/functions/functions";
import { CD_END, cdnowSample } from "../data";
import { O, grid, header, num } from "../harness";
import { errTable, must, n4, r4, table, type Case, type Values } from "../markdown";

export function nextPurchaseSection(): Values {
  const V: Values = {};
  const { cdC, cdD } = cdnowSample();
  const SHOW = 6;
  for (const l of ["en", "zh"] as const) {
    const out = grid(l, nextpurchase, cdC, cdD, CD_END);
    V[`np_out_${l}`] = table(header(out[0]), out.slice(1, SHOW + 1).map((r) => r.map(n4)).concat([out[0].map(() => "…")]));
    const q = grid(l, nextpurchase, cdC, cdD, CD_END, 13, "week");
    V[`np_13_${l}`] = table(header(q[0]), q.slice(1, 4).map((r) => r.map(n4)));
  }
  const out = grid("en", nextpurchase, cdC, cdD, CD_END);
  const q = grid("en", nextpurchase, cdC, cdD, CD_END, 13, "week");
  const pa = grid("en", palive, cdC, cdD, CD_END);
  must(out.length === pa.length && out.slice(1).every((r, i) => r[0] === pa[i + 1][0] && num(r[1]) <= num(pa[i + 1][1]) + 1e-12), "P(purchase within) ≤ P(alive), same customers");
  must(out.slice(1).every((r, i) => num(q[i + 1][1]) >= num(r[1]) - 1e-12), "13 weeks never less likely than one month");
  const c2 = out[2];
  must(c2[0] === 2 && c2[5] === "Overdue" && num(c2[4]) < 2, "customer 2: a typical gap under 2 weeks, silent 37 weeks, overdue");
  must(out[3][0] === 3 && out[3][2] === "" && typeof out[3][3] === "number", "customer 3 bought once: no finite expected wait, a median");
  V.np_c2_p = r4(num(c2[1]));
  V.np_c2_gap = r4(num(c2[4]));
  V.np_customers = (out.length - 1).toLocaleString("en-US");
  V.np_overdue = out.slice(1).filter((r) => r[5] !== "").length.toLocaleString("en-US");
  const cases: Case[] = [
    ["`within` is negative", "`within` 为负数", nextpurchase, cdC, cdD, CD_END, -1, O, O],
    ["`unit` is not day, week or month", "`unit` 不是 day、week 或 month", nextpurchase, cdC, cdD, CD_END, O, "year", O],
    ["`model` is neither bgnbd nor pareto", "`model` 既不是 bgnbd 也不是 pareto", nextpurchase, cdC, cdD, CD_END, O, O, "weibull"],
  ];
  V.np_err_en = errTable(cases, "en");
  V.np_err_zh = errTable(cases, "zh");
  return V;
}
