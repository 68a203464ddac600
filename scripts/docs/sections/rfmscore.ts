/** TIER.RFMSCORE: the example, the bins and breakpoints variants, the rules range, and the quantile arithmetic the prose walks through. */
import { quantileCutPoints, quantileType7, scoreRfm } from "../../../src/core/tiers/rfm";
import { segmentCn8 } from "../../../src/core/tiers/segments";
import { rfmscore } from "../../../src/functions/functions";
import { en } from "../../../src/i18n/en";
import { zhCN } from "../../../src/i18n/zh-CN";
import { rfmScoreExample, rulesRange } from "../data";
import { O, col, grid } from "../harness";
import { table, r2, r4, plain, type Values } from "../markdown";

export function rfmScoreSection(): Values {
  const V: Values = {};
  const { rr, ff, mm, ids } = rfmScoreExample();
  for (const l of ["en", "zh"] as const) {
    V[`rs_in_${l}`] = table(l === "en" ? ["Row", "A: customer", "B: recency_days", "C: frequency", "D: monetary"] : ["行", "A：客户", "B：recency_days", "C：frequency", "D：monetary"],
      rr.map((_, i) => [i + 2, ids[i], plain(rr[i]), plain(ff[i]), plain(mm[i])]));
    const cols = (l === "en" ? en : zhCN).columns;
    const hdr = [cols.r, cols.f, cols.m, cols.rfm, cols.segment].map((h) => `*${h}*`);
    const withIds = (g: unknown[][]) => g.map((r, i) => [ids[i], ...r]);
    const h0 = [l === "en" ? "*(A)*" : "*（A）*", ...hdr];
    V[`rs_out_${l}`] = table(h0, withIds(grid(l, rfmscore, col(...rr), col(...ff), col(...mm), O, O)));
    V[`rs_cn8_${l}`] = table(h0, withIds(grid(l, rfmscore, col(...rr), col(...ff), col(...mm), O, "cn8")));
    V[`rs_b3_${l}`] = table(h0, withIds(grid(l, rfmscore, col(...rr), col(...ff), col(...mm), 3, O)));
    V[`rs_b10_${l}`] = table(h0, withIds(grid(l, rfmscore, col(...rr), col(...ff), col(...mm), 10, O)));
    V[`rs_rules_out_${l}`] = table(h0, withIds(grid(l, rfmscore, col(...rr), col(...ff), col(...mm), O, rulesRange())));
    V[`rs_h_${l}`] = JSON.stringify(grid(l, rfmscore, [[5, 40, 200]], [[10, 3, 1]], [[900, 300, 20]], O, O));
  }
  const BP = [[30,90,180,365],[1,2,5,10],[100,250,500,1000]];
  for (const l of ["en", "zh"] as const) {
    const cols = (l === "en" ? en : zhCN).columns;
    const h0 = [l === "en" ? "*(A)*" : "*（A）*", ...[cols.r, cols.f, cols.m, cols.rfm, cols.segment].map((h) => `*${h}*`)];
    const g = grid(l, rfmscore, col(...rr), col(...ff), col(...mm), BP, O);
    V[`rs_bp_${l}`] = table(h0, g.map((r, i) => [ids[i], ...r]));
  }
  for (const [l, w] of [["en", "Row"], ["zh", "行"]] as const) V[`bp_in_${l}`] = table([w, "N", "O", "P", "Q"], BP.map((r, i) => [i + 1, ...r]));
  {
    const g = grid("en", rfmscore, col(...rr), col(...ff), col(...mm), BP, O);
    const gc = grid("en", rfmscore, col(...rr), col(...ff), col(...mm), [0, 1, 2, 3].map((j) => BP.map((r) => r[j])), O);
    if (JSON.stringify(g) !== JSON.stringify(gc)) throw new Error("bp columns differ");
    const mixed = grid("en", rfmscore, col(...rr), col(...ff), col(...mm), [[30, 90, "", ""], ["", "", "", ""], ["", "", "", ""]], O);
    const def = grid("en", rfmscore, col(...rr), col(...ff), col(...mm), O, O);
    if (JSON.stringify(mixed.map((r) => r.slice(1, 3))) !== JSON.stringify(def.map((r) => r.slice(1, 3)))) throw new Error("mixed F/M differ");
    if (!mixed.every((r) => r[0] === "" || (typeof r[0] === "number" && r[0] >= 1 && r[0] <= 3))) throw new Error("mixed R levels");
    V.rs_mixed_R = mixed.map((r) => (r[0] === "" ? "·" : r[0])).join(", ");
    const nine = grid("en", rfmscore, col(...rr), col(...ff), col(...mm), [[1,2,3,4,5,6,7,8,9],["","","","","","","","",""],["","","","","","","","",""]], O);
    V.rs_nine_code = String(nine[0][3]);
  }
  for (const [l, w] of [["en", "Row"], ["zh", "行"]] as const) V[`rules_in_${l}`] = table([w, "F", "G", "H", "I", "J", "K", "L"], rulesRange().map((r, i) => [i + 1, ...r.map((c) => (c === "" ? " " : String(c)))]));
  {
    const num = (c: unknown) => (typeof c === "number" ? c : Number(String(c).replace(/[¥,]/g, "")));
    const R = rr.filter((x) => x !== "").map(num), F = ff.filter((x) => x !== "").map(num), M = mm.filter((x) => x !== "").map(num);
    V.rs_n = String(R.length);
    V.rs_R_sorted = [...R].sort((a, b) => a - b).join(", ");
    V.rs_F_sorted = [...F].sort((a, b) => a - b).join(", ");
    V.rs_M_sorted = [...M].sort((a, b) => a - b).join(", ");
    V.rs_h = [1, 2, 3, 4].map((k) => String(((R.length - 1) * k) / 5)).join(", ");
    V.rs_cutR = quantileCutPoints(R, 5).map(r2).join(", ");
    V.rs_cutF = quantileCutPoints(F, 5).map(r2).join(", ");
    V.rs_cutM = quantileCutPoints(M, 5).map(r2).join(", ");
    V.rs_cut_raw = `R ${JSON.stringify(quantileCutPoints(R, 5))}, F ${JSON.stringify(quantileCutPoints(F, 5))}, M ${JSON.stringify(quantileCutPoints(M, 5))}`;
    V.rs_q_R = [1, 2, 3, 4].map((k) => r2(quantileType7(R, k / 5))).join(", ");
    V.rs_q_F = [1, 2, 3, 4].map((k) => r2(quantileType7(F, k / 5))).join(", ");
    V.rs_q_M = [1, 2, 3, 4].map((k) => r2(quantileType7(M, k / 5))).join(", ");
    const c = quantileCutPoints(R, 5);
    const lo = [Math.min(...R), ...c], hi = [...c, Math.max(...R) + 1];
    const rl = lo.map(r2), rh = hi.map(r2);
    V.rs_bands_R_en = table(["i (before reversing)", "band lower ≤ v < upper", "R score", "recency values"],
      [1, 2, 3, 4, 5].map((i) => [i, `${rl[i - 1]} ≤ v < ${rh[i - 1]}`, 6 - i, R.filter((v) => v >= lo[i - 1] && v < hi[i - 1]).join(", ")]));
    V.rs_bands_R_zh = table(["i（反转前）", "区间 下限 ≤ v < 上限", "R 分值", "最近购买天数"],
      [1, 2, 3, 4, 5].map((i) => [i, `${rl[i - 1]} ≤ v < ${rh[i - 1]}`, 6 - i, R.filter((v) => v >= lo[i - 1] && v < hi[i - 1]).join(", ")]));
    const means = segmentCn8(scoreRfm(R, F, M, { bins: 5 })).means!;
    V.rs_cn8_means = `R ${r4(means.r)}, F ${r4(means.f)}, M ${r4(means.m)}`;
    V.rs_cut3 = `R ${quantileCutPoints(R, 3).map(r2).join(", ")}; F ${quantileCutPoints(F, 3).map(r2).join(", ")}; M ${quantileCutPoints(M, 3).map(r2).join(", ")}`;
  }
  // all-equal and single customer
  V.rs_same = JSON.stringify(grid("en", rfmscore, col(5, 5, 5), col(2, 2, 2), col(100, 100, 100), O, O));
  V.rs_single = JSON.stringify(grid("en", rfmscore, col(5), col(2), col(100), O, O));
  return V;
}
