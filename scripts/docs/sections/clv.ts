/** TIER.CLV: the formula's worked numbers and the range example. */
import { clv } from "../../../src/functions/functions";
import { O, col, grid } from "../harness";
import { table, r2, r4, plain, type Values } from "../markdown";

export function clvSection(): Values {
  const V: Values = {};
  V.clv_simple = JSON.stringify(grid("en", clv, [[100]], [[4]], [[3]], [[0.25]], O));
  V.clv_d = String(grid("en", clv, [[100]], [[4]], [[3]], [[0.25]], [[0.1]])[0][0]);
  V.clv_d25 = String(grid("en", clv, [[100]], [[4]], [[2.5]], [[0.25]], [[0.1]])[0][0]);
  V.clv_d_r = r2(Number(V.clv_d));
  V.clv_d25_r = r2(Number(V.clv_d25));
  {
    const t = [1, 2, 3].map((k) => 100 / 1.1 ** k);
    V.clv_terms = t.map(r4).join(" + ");
    V.clv_terms25 = `${r4(t[0])} + ${r4(t[1])} + 0.5 × ${r4(t[2])}`;
  }
  const clvA: unknown[] = [100, "¥250", "", "1,200"], clvF = [4, 2, 6, 1];
  {
    const g = grid("en", clv, col(...clvA), col(...clvF), [[3]], "30%", [[0.08]]);
    const g0 = grid("en", clv, col(...clvA), col(...clvF), [[3]], "30%", O);
    const gz = grid("zh", clv, col(...clvA), col(...clvF), [[3]], "30%", [[0.08]]);
    if (JSON.stringify(g) !== JSON.stringify(gz)) throw new Error("clv zh differs");
    V.clv_grid_en = table(["Row", "A: avg_purchase", "B: frequency", "`=TIER.CLV(A2:A5,B2:B5,3,\"30%\")`", "`=TIER.CLV(A2:A5,B2:B5,3,\"30%\",0.08)`"], clvA.map((a, i) => [i + 2, plain(a), clvF[i], g0[i][0], g[i][0]]));
    V.clv_grid_zh = table(["行", "A：avg_purchase", "B：frequency", "`=TIER.CLV(A2:A5,B2:B5,3,\"30%\")`", "`=TIER.CLV(A2:A5,B2:B5,3,\"30%\",0.08)`"], clvA.map((a, i) => [i + 2, plain(a), clvF[i], g0[i][0], g[i][0]]));
    V.clv_2d = JSON.stringify(grid("en", clv, [[100, 200], [300, 400]], [[2]], [[1.5]], [[0.5]], [[0.1]]));
  }
  return V;
}
