import { call, lang } from "./harness";
import { migration, pilot } from "../../src/functions/functions";
import { score as scoreFn } from "../../src/functions/functions";
import { migrationMatrix, migrationRates } from "../../src/core/over-time/migration";
import { proportionDifference, meanDifference, murmur3 } from "../../src/core/over-time/pilot";
import { rfm, rfmscore, abcclass, abcnext, clv, clvpredict, clvfit, palive, lifecycle } from "../../src/functions/functions";
import { fitBgNbd, pAlive as pAliveOf, expectedPurchases, expectedIfAlive, expectedByQuadrature } from "../../src/core/models/bgnbd";
import { fitGammaGamma, expectedAverageSpend } from "../../src/core/models/gammagamma";
import { fitParetoNbd, paretoPAlive } from "../../src/core/models/paretonbd";
import { hypergeometricSeries } from "../../src/core/math/hyp2f1";
import { DAYS_PER_UNIT } from "../../src/core/models/calibration";
import { runClvModels } from "../../src/core/models/predict";
import { churnWarning } from "../../src/core/models/churn";
import { readTransactions } from "../../src/core/transactions/read";
import { quantileCutPoints, quantileType7 } from "../../src/core/tiers/rfm";
import { scoreRfm } from "../../src/core/tiers/rfm";
import { RFM_VIGNETTE_RULES, CN8_SEGMENTS, segmentByRules, segmentCn8, toFivePointScale } from "../../src/core/tiers/segments";
import { classifyAbc } from "../../src/core/tiers/abc";
import { serialFromParts, serialToIsoDate, parseDateText, isSerialInRange, MIN_SERIAL } from "../../src/core/cells/dates";
import { parseNumberText } from "../../src/core/cells/coerce";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";

/**
 * docs/FUNCTIONS.md from FUNCTIONS.tmpl.md: every {{name}} is filled with a table, example or message
 * produced by running the functions and the `tier` command, so the reference cannot drift from the
 * code (test/docs.test.ts compares the committed file with this output). `npm run docs` rewrites it.
 * Paths are relative to the repository root, the working directory of npm scripts and vitest.
 */
const ROOT = process.cwd();
const HERE = join(ROOT, "scripts", "docs");
const EXAMPLES = join(HERE, "examples");
const V: Record<string, string> = {};
const O = null as any;
const col = (...c: unknown[]) => c.map((x) => [x]);
const cellMd = (c: unknown) => (c === "" || c === null || c === undefined ? " " : String(c));
function table(header: string[], rows: unknown[][]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [`| ${header.map(esc).join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map((c) => esc(cellMd(c))).join(" | ")} |`)].join("\n");
}
function run(l: "en" | "zh", f: (...a: any[]) => any, ...args: any[]) {
  lang(l === "zh" ? "zh-CN" : undefined);
  const r = call(f, ...args);
  lang();
  return r;
}
function grid(l: "en" | "zh", f: any, ...args: any[]): any[][] {
  const r = run(l, f, ...args);
  if (!Array.isArray(r)) throw new Error("expected grid: " + JSON.stringify(r));
  return r;
}
function msg(l: "en" | "zh", f: any, ...args: any[]): string {
  const r = run(l, f, ...args);
  if (Array.isArray(r)) throw new Error("expected error, got " + JSON.stringify(r));
  if (r.error !== "#VALUE!") throw new Error("code " + r.error);
  return r.message;
}
const r2 = (x: number) => String(Math.round(x * 100) / 100);
const r4 = (x: number) => x.toFixed(4);

// ---------- TIER.RFM example ----------
const d = (y: number, m: number, dd: number) => serialFromParts(y, m, dd);
const cust = ["C001","C002","C001","C003","C004","C002","C005","C001","C006","C003","C007","C002","C008","C001"];
const dates: unknown[] = [d(2024,1,5),"2024/1/8","2024年2月10日","2024-02-14",d(2024,2,20),"2024-03-01","2024/3/3",d(2024,3,10),"2024-01-20","2024-03-15","2024-02-02","2024-03-20","2024-03-22","2024-03-28"];
const amts: unknown[] = [120,"¥1,250.00",80,"$45",300,"€600",35,"1,000",60,90,15,"2,400",500,150];
const showCell = (c: unknown, isDate: boolean, l: "en" | "zh") =>
  typeof c === "number" ? (isDate ? `${serialToIsoDate(c)}${l === "en" ? " (date cell)" : "（日期单元格）"}` : String(c)) : `\`"${c}"\``;
for (const l of ["en", "zh"] as const) {
  V[`rfm_in_${l}`] = table(l === "en" ? ["Row", "A: customer", "B: date", "C: amount"] : ["行", "A：客户", "B：日期", "C：金额"],
    cust.map((c, i) => [i + 2, c, showCell(dates[i], true, l), showCell(amts[i], false, l)]));
  const out = grid(l, rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, O, O);
  V[`rfm_out_${l}`] = table(out[0], out.slice(1));
  const def = grid(l, rfm, col(...cust), col(...dates), col(...amts), O, O, O, O);
  V[`rfm_def_${l}`] = table(def[0], def.slice(1));
  const c8 = grid(l, rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, "cn8", false);
  V[`rfm_cn8_${l}`] = table(out[0].map((h: string) => `*${h}*`), c8);
}
V.rfm_rows_out = String(grid("en", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, O, O).length);
{
  const out = grid("en", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, O, O).slice(1);
  const R = out.map((r) => r[1] as number), F = out.map((r) => r[2] as number), M = out.map((r) => r[3] as number);
  V.rfm_cutR = quantileCutPoints(R, 5).map(r2).join(", ");
  V.rfm_cutF = quantileCutPoints(F, 5).map(r2).join(", ");
  V.rfm_cutF_raw = JSON.stringify(quantileCutPoints(F, 5));
  V.rfm_cutM = quantileCutPoints(M, 5).map(r2).join(", ");
  V.rfm_F_sorted = [...F].sort((a, b) => a - b).join(", ");
  const means = segmentCn8(scoreRfm(R, F, M, { bins: 5 })).means!;
  V.rfm_cn8_means = `R ${r4(means.r)}, F ${r4(means.f)}, M ${r4(means.m)}`;
  V.rfm_def_asof = "2024-03-28";
}

// ---------- TIER.RFMSCORE example ----------
const rr: unknown[] = [2,5,12,20,35,48,60,90,"",150,200,365];
const ff: unknown[] = [15,9,3,6,1,4,2,7,"",1,2,1];
const mm: unknown[] = ["¥8,200","3,100",420,"1,650",90,"980",150,"2,750","",60,310,25];
const ids = ["K01","K02","K03","K04","K05","K06","K07","K08","","K10","K11","K12"];
const plain = (c: unknown) => (c === "" ? " " : typeof c === "number" ? String(c) : `\`"${c}"\``);
for (const l of ["en", "zh"] as const) {
  V[`rs_in_${l}`] = table(l === "en" ? ["Row", "A: customer", "B: recency_days", "C: frequency", "D: monetary"] : ["行", "A：客户", "B：recency_days", "C：frequency", "D：monetary"],
    rr.map((_, i) => [i + 2, ids[i], plain(rr[i]), plain(ff[i]), plain(mm[i])]));
  const cols = (l === "en" ? en : zhCN).columns;
  const hdr = [cols.r, cols.f, cols.m, cols.rfm, cols.segment].map((h) => `*${h}*`);
  const withIds = (g: any[][]) => g.map((r, i) => [ids[i], ...r]);
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
  if (!mixed.every((r) => r[0] === "" || (r[0] >= 1 && r[0] <= 3))) throw new Error("mixed R levels");
  V.rs_mixed_R = mixed.map((r) => (r[0] === "" ? "·" : r[0])).join(", ");
  const nine = grid("en", rfmscore, col(...rr), col(...ff), col(...mm), [[1,2,3,4,5,6,7,8,9],["","","","","","","","",""],["","","","","","","","",""]], O);
  V.rs_nine_code = String(nine[0][3]);
}
function rulesRange() {
  return [["Name","R min","R max","F min","F max","M min","M max"],["VIP",4,"",4,"",4,""],["Lapsed","",2,"","","",""]];
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

// ---------- segments tables ----------
const range = (a: readonly [number, number]) => (a[0] === a[1] ? String(a[0]) : `${a[0]}–${a[1]}`);
V.rules_table_en = table(["Order", "Segment", "R", "F", "M"], RFM_VIGNETTE_RULES.map((r, i) => [i + 1, (en.segments as any)[r.name], range(r.r), range(r.f), range(r.m)]).concat([["—", en.segments.others, "any other combination", "", ""]]));
V.rules_table_zh = table(["顺序", "分群", "R", "F", "M"], RFM_VIGNETTE_RULES.map((r, i) => [i + 1, (zhCN.segments as any)[r.name], range(r.r), range(r.f), range(r.m)]).concat([["—", zhCN.segments.others, "其余所有组合", "", ""]]));
{
  const combos: number[][] = [];
  for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) combos.push([r, f, m]);
  const mk = (k: number) => ({ scores: Uint8Array.from(combos.map((c) => c[k])), levels: 5, thresholds: [] });
  const s = segmentByRules({ r: mk(0), f: mk(1), m: mk(2) } as any, RFM_VIGNETTE_RULES, true);
  const by = new Map<string, string[]>();
  for (const n of s.names) by.set(n, []);
  combos.forEach((c, i) => by.get(s.names[s.index[i]])!.push(c.join("")));
  for (const [l, cat] of [["en", en], ["zh", zhCN]] as const) {
    V[`codes_${l}`] = table(l === "en" ? ["Segment", "Count", "RFM codes (bins = 5)"] : ["分群", "个数", "RFM 代码（bins = 5）"],
      [...by.entries()].map(([n, codes]) => [(cat.segments as any)[n], codes.length, codes.join(" ")]));
  }
}
{
  const rows = [];
  for (let b = 2; b <= 10; b++) { const m: string[] = []; for (let s = 1; s <= b; s++) m.push(`${s}→${toFivePointScale(s, b)}`); rows.push([b, m.join(", ")]); }
  V.map_en = table(["bins", "score → score used by the built-in rules"], rows);
  V.map_zh = table(["bins", "分值 → 内置规则使用的分值"], rows);
}
for (const [l, cat] of [["en", en], ["zh", zhCN]] as const) {
  const hi = l === "en" ? "high" : "高", lo = l === "en" ? "low" : "低";
  V[`cn8_table_${l}`] = table(l === "en" ? ["M", "R", "F", "Segment"] : ["M", "R", "F", "分群"],
    CN8_SEGMENTS.map((n, i) => [i & 4 ? lo : hi, i & 2 ? lo : hi, i & 1 ? lo : hi, (cat.segments as any)[n]]));
}

// ---------- ABC ----------
const abcIn: unknown[] = ["¥52,000","18,500",9000,"",9000,4200,1800,"$500",0,-300];
const abcIds = ["K01","K02","K03","K04","K05","K06","K07","K08","K09","K10"];
{
  const num = (c: unknown) => (c === "" ? NaN : typeof c === "number" ? c : Number(String(c).replace(/[¥$,]/g, "")));
  const nums = abcIn.map(num);
  const rv = classifyAbc(nums, {}), rc = classifyAbc(nums, { basis: "count" });
  const pos = nums.filter((x) => x > 0).reduce((a, b) => a + b, 0);
  V.abc_pos_total = String(pos);
  V.abc_counted = String(nums.filter((x) => x === x).length);
  const a = grid("en", abcclass, col(...abcIn), O, O, O), b = grid("en", abcclass, col(...abcIn), O, O, "count"), c = grid("en", abcclass, col(...abcIn), 0.7, 0.9, O);
  const sb = (x: number) => (x === x ? r4(x) : " ");
  V.abc_en = table(["Row", "A: customer", "B: revenue", "share of strictly larger values (value basis)", "`=TIER.ABCCLASS(B2:B11)`", "share ranked strictly above (count basis)", "`=TIER.ABCCLASS(B2:B11,,,\"count\")`", "`=TIER.ABCCLASS(B2:B11,0.7,0.9)`"],
    abcIn.map((v, i) => [i + 2, abcIds[i], plain(v), sb(rv.shareBefore[i]), a[i][0], sb(rc.shareBefore[i]), b[i][0], c[i][0]]));
  V.abc_zh = table(["行", "A：客户", "B：收入", "比它大的数值所占份额（按金额）", "`=TIER.ABCCLASS(B2:B11)`", "排在它前面的人数份额（按人数）", "`=TIER.ABCCLASS(B2:B11,,,\"count\")`", "`=TIER.ABCCLASS(B2:B11,0.7,0.9)`"],
    abcIn.map((v, i) => [i + 2, abcIds[i], plain(v), sb(rv.shareBefore[i]), a[i][0], sb(rc.shareBefore[i]), b[i][0], c[i][0]]));
  // check zh output equals en (labels are not translated)
  if (JSON.stringify(grid("zh", abcclass, col(...abcIn), O, O, O)) !== JSON.stringify(a)) throw new Error("abc zh differs");
  V.abc_row = JSON.stringify(grid("en", abcclass, [[50, 30, 15, 5]], O, O, O));
}

// ---------- CLV ----------
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

// ---------- errors ----------
type Case = [string, string, any, ...any[]];
const C3 = col("C001", "C002", "C001"), D3 = col(45296, "2024/1/8", "2024-02-10"), A3 = col(120, "1,250", 80);
const rfmCases: Case[] = [
  ["Date text that is not a real date (row 2 of `dates`)", "日期文本不是真实日期（`dates` 第 2 行）", rfm, C3, col(45296, "2024-13-01", 45300), A3, O, O, O, O],
  ["Two bad rows: the first is named, the rest counted", "两行有问题：指出第一行，其余计数", rfm, C3, col(45296, "2024-13-01", "soon"), A3, O, O, O, O],
  ["Day-first text (read month first, month 31 does not exist)", "日在前的文本（按月在前读取，不存在 31 月）", rfm, C3, col(45296, "31/01/2024", 45300), A3, O, O, O, O],
  ["An amount that is not a number", "金额不是数字", rfm, C3, D3, col(120, "twelve", 80), O, O, O, O],
  ["A blank customer (also NA, N/A, NaN, NULL, null, None)", "客户为空（NA、N/A、NaN、NULL、null、None 同样视为空）", rfm, col("C001", "", "C001"), D3, A3, O, O, O, O],
  ["A blank date", "日期为空", rfm, C3, col(45296, "", 45300), A3, O, O, O, O],
  ["A blank amount", "金额为空", rfm, C3, D3, col(120, null, 80), O, O, O, O],
  ["A cell holding an Excel error", "单元格包含 Excel 错误", rfm, C3, D3, col(120, { code: "#N/A" }, 80), O, O, O, O],
  ["A date before 1900-03-01", "早于 1900-03-01 的日期", rfm, C3, col(45296, "1899-12-31", 45300), A3, O, O, O, O],
  ["Ranges of different heights", "区域高度不同", rfm, C3, D3.slice(0, 2), A3, O, O, O, O],
  ["A range more than one column wide", "区域多于一列", rfm, C3, D3, [[1, 2], [3, 4], [5, 6]], O, O, O, O],
  ["Only blank rows", "只有空行", rfm, col(null, ""), col(null, ""), col(null, ""), O, O, O, O],
  ["`bins` outside 2..10 or not whole", "`bins` 不在 2..10 或不是整数", rfm, C3, D3, A3, O, 11, O, O],
  ["`bins` not a number", "`bins` 不是数字", rfm, C3, D3, A3, O, "many", O, O],
  ["`as_of` not a date", "`as_of` 不是日期", rfm, C3, D3, A3, "someday", O, O, O],
  ["`as_of` before the latest purchase", "`as_of` 早于最近一次购买", rfm, C3, D3, A3, "2024-01-31", O, O, O],
  ["Unknown `segments` name", "未知的 `segments` 名称", rfm, C3, D3, A3, O, O, [["rfmx"]], O],
  ["Rule with a blank name", "规则名称为空", rfm, C3, D3, A3, O, O, [["VIP", 4, 5, 4, 5, 4, 5], ["", 1, 2, "", "", "", ""]], O],
  ["Rule bound that is not a whole number", "规则分值界限不是整数", rfm, C3, D3, A3, O, O, [["VIP", 4, 5, 4, 5, 4, 5], ["Lapsed", "low", 2, "", "", "", ""]], O],
  ["Rule minimum above its maximum", "规则最小值大于最大值", rfm, C3, D3, A3, O, O, [["VIP", 5, 4, 4, 5, 4, 5]], O],
  ["`headers` not TRUE/FALSE", "`headers` 不是 TRUE/FALSE", rfm, C3, D3, A3, O, O, O, "maybe"],
];
const rsCases: Case[] = [
  ["A row with some but not all three values", "一行只填了部分数值", rfmscore, col(5, 6), col(1, null), col(1, 2), O, O],
  ["Negative recency or frequency", "最近购买天数或频次为负", rfmscore, col(5, -6), col(1, 2), col(1, 2), O, O],
  ["A value that is not a number", "数值不是数字", rfmscore, col(5, 6), col(1, "two"), col(1, 2), O, O],
  ["`bins` range that is neither three rows nor three columns", "`bins` 区域既不是三行也不是三列", rfmscore, col(5, 6), col(1, 2), col(1, 2), [[1, 2], [3, 4]], O],
  ["Breakpoints not increasing", "分界点不是递增的", rfmscore, col(5, 6), col(1, 2), col(1, 2), [[90, 30], [1, 2], [3, 4]], O],
  ["A breakpoint that is not a number (row 2 = frequency)", "分界点不是数字（第 2 行 = 频次）", rfmscore, col(5, 6), col(1, 2), col(1, 2), [[30, 90], [1, "x"], [3, 4]], O],
  ["More than 9 breakpoints for one dimension", "某个维度的分界点多于 9 个", rfmscore, col(5, 6), col(1, 2), col(1, 2), [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ["", "", "", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "", "", "", ""]], O],
];
const abcCases: Case[] = [
  ["`a_cut` not below `b_cut`", "`a_cut` 不小于 `b_cut`", abcclass, col(1, 2), 0.9, 0.8, O],
  ["A cut written as a percentage number", "界限写成了百分数数字", abcclass, col(1, 2), 80, O, O],
  ["Unknown `basis`", "未知的 `basis`", abcclass, col(1, 2), O, O, "revenue"],
  ["A value that is not a number", "数值不是数字", abcclass, col(1, "x"), O, O, O],
  ["A cell holding an Excel error", "单元格包含 Excel 错误", abcclass, col(1, { code: "#DIV/0!" }), O, O, O],
  ["A block of several rows and columns", "多行多列的区域", abcclass, [[1, 2], [3, 4]], O, O, O],
  ["Unknown `method`", "未知的 `method`", abcclass, col(1, 2), O, O, O, "pareto"],
  ["TIER.ABCNEXT: `a_cut` not below `b_cut` (the cuts are checked as in TIER.ABCCLASS)", "TIER.ABCNEXT：`a_cut` 不小于 `b_cut`（界限的检查与 TIER.ABCCLASS 相同）", abcnext, col(1, 2), 0.9, 0.8, O, O],
];
const clvCases: Case[] = [
  ["Margin above 1 in a range", "区域中的毛利率大于 1", clv, col(100, 200), [[4]], [[3]], col(0.3, 30), O],
  ["Margin above 1 as a single value", "单个数值的毛利率大于 1", clv, [[100]], [[4]], [[3]], [[30]], O],
  ["Discount rate of 1 or more", "贴现率大于等于 1", clv, [[100]], [[4]], [[3]], [[0.3]], [[1]]],
  ["Ranges of different shapes", "区域形状不同", clv, col(1, 2), col(1, 2, 3), [[3]], [[0.3]], O],
  ["A negative input", "输入为负数", clv, [[-1]], [[4]], [[3]], [[0.3]], O],
  ["A negative input inside a 2-D range", "二维区域中的负数", clv, [[1, 2], [3, 4]], [[4]], [[1, -3], [3, 4]], [[0.3]], O],
  ["A value that is not a number", "数值不是数字", clv, [[1]], [["often"]], [[3]], [[0.3]], O],
  ["A cell holding an Excel error", "单元格包含 Excel 错误", clv, [[1]], [[{ code: "#REF!" }]], [[3]], [[0.3]], O],
];
function errTable(cases: Case[], l: "en" | "zh") {
  return table(l === "en" ? ["Situation", "Message (the cell shows #VALUE!)"] : ["情形", "提示（单元格显示 #VALUE!）"],
    cases.map(([se, sz, f, ...args]) => [l === "en" ? se : sz, "`" + msg(l, f, ...args) + "`"]));
}
for (const l of ["en", "zh"] as const) {
  V[`err_rfm_${l}`] = errTable(rfmCases, l);
  V[`err_rs_${l}`] = errTable(rsCases, l);
  V[`err_abc_${l}`] = errTable(abcCases, l);
  V[`err_clv_${l}`] = errTable(clvCases, l);
}

// ---------- CLI ----------
const TIER = join(ROOT, "bin", "tier.cjs");
/** Runs `tier` in `cwd` (the examples folder unless given); `head` keeps the first lines of stdout, as `| head -n` would. */
function cli(args: string[], langEnv?: string, opts: { cwd?: string; head?: number } = {}) {
  const env = { ...process.env, LANG: langEnv ?? "C", LC_ALL: "", LC_MESSAGES: "" };
  const r = spawnSync("node", [TIER, ...args], { cwd: opts.cwd ?? EXAMPLES, env, encoding: "utf8" });
  let cmd = `${langEnv ? `LANG=${langEnv} ` : ""}tier ${args.map((a) => (/[\s%]/.test(a) ? `"${a}"` : a)).join(" ")}`;
  let stdout = r.stdout;
  if (opts.head !== undefined) {
    cmd += ` | head${opts.head === 10 ? "" : ` -${opts.head}`}`;
    stdout = stdout.split("\n").slice(0, opts.head).join("\n") + "\n";
  }
  let text = `$ ${cmd}\n${stdout}`;
  if (r.stderr) text += (text.endsWith("\n") ? "" : "\n") + r.stderr.split("\n").filter(Boolean).map((s) => `[stderr] ${s}`).join("\n") + "\n";
  if (opts.head === undefined) text += `[exit code ${r.status}]`;
  else if (r.status !== 0) throw new Error("tier failed: " + cmd + "\n" + r.stderr);
  else text = text.replace(/\n$/, "");
  return "```text\n" + text + "\n```";
}
V.usage_en = "```text\n" + en.cli.usage + "\n```";
V.usage_zh = "```text\n" + zhCN.cli.usage + "\n```";
V.cli_help_dash = cli(["--help"]).split("\n").slice(0, 4).join("\n") + "\n…\n```";
V.tx_csv = "```text\n" + readFileSync(join(EXAMPLES, "tx.csv"), "utf8") + "```";
V.rev_csv = "```text\n" + readFileSync(join(EXAMPLES, "rev.csv"), "utf8") + "```";
V.clv_csv = "```text\n" + readFileSync(join(EXAMPLES, "clv.csv"), "utf8") + "```";
V.bad_csv = "```text\n" + readFileSync(join(EXAMPLES, "bad.csv"), "utf8") + "```";
V.rules_csv = "```text\n" + readFileSync(join(EXAMPLES, "rules.csv"), "utf8") + "```";
V.cli_rfm = cli(["rfm", "tx.csv", "--as-of", "2024-03-31"]);
V.cli_rfm_sum = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--summary"]);
V.cli_rfm_zh = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--segments", "cn8"], "zh_CN.UTF-8");
V.cli_rfm_sum_zh = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--summary"], "zh_CN.UTF-8");
V.cli_rules = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--segments", "rules.csv", "--summary"]);
V.cli_bad = cli(["rfm", "bad.csv"]);
V.cli_bad_zh = cli(["rfm", "bad.csv"], "zh_CN.UTF-8");
V.cli_abc = cli(["abc", "rev.csv", "--value", "revenue", "--id", "customer"]);
V.cli_abc_sum = cli(["abc", "rev.csv", "--value", "revenue", "--summary"]);
V.cli_clv1 = cli(["clv", "--avg-purchase", "100", "--frequency", "4", "--lifespan", "3", "--margin", "0.25", "--discount-rate", "0.1"]);
V.cli_clv_file = cli(["clv", "clv.csv", "--id", "customer", "--margin", "30%", "--discount-rate", "0.08"]);
V.cli_breaks = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--r-breaks", "14,30,60", "--f-breaks", "1,2,3", "--m-breaks", "100,500,1000"]);
const ZH = "zh_CN.UTF-8";
V.cli_breaks_zh = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--r-breaks", "14,30,60", "--f-breaks", "1,2,3", "--m-breaks", "100,500,1000"], ZH);
V.cli_rules_zh = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--segments", "rules.csv", "--summary"], ZH);
V.cli_abc_sum_zh = cli(["abc", "rev.csv", "--value", "revenue", "--summary"], ZH);
V.cli_clv1_zh = cli(["clv", "--avg-purchase", "100", "--frequency", "4", "--lifespan", "3", "--margin", "0.25", "--discount-rate", "0.1"], ZH);
V.cli_clv_file_zh = cli(["clv", "clv.csv", "--id", "customer", "--margin", "30%", "--discount-rate", "0.08"], ZH);
V.cli_abc_zh = cli(["abc", "rev.csv", "--value", "revenue", "--id", "customer"], "zh_CN.UTF-8");
V.cli_asof_err = cli(["rfm", "tx.csv", "--as-of", "2024-01-31"]);
V.cli_asof_err_zh = cli(["rfm", "tx.csv", "--as-of", "2024-01-31"], "zh_CN.UTF-8");
V.cli_col_err = cli(["rfm", "tx.csv", "--date", "order_date"]);
V.cli_col_err_zh = cli(["rfm", "tx.csv", "--date", "order_date"], "zh_CN.UTF-8");

function must(cond: boolean, what: string) { if (!cond) throw new Error("prose check failed: " + what); }
// ---------- ABC: the computed method and TIER.ABCNEXT ----------
{
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
}
// ---------- predictive models: CDNOW sample and a small shop ----------
/** Rounds for display: 4 decimals, trailing zeros dropped; text and whole numbers as they are. */
const n4 = (c: unknown) => (typeof c === "number" && !Number.isInteger(c) ? String(Number(c.toFixed(4))) : c);
const DATA = join(ROOT, "..", "shared", "data");
/** CDNOW_sample.txt: master id, sample id (1..2357, the customer), YYYYMMDD, CDs, dollars; whitespace-separated. */
const cdRows = readFileSync(join(DATA, "CDNOW_sample.txt"), "utf8").trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
const ymd = (t: string) => serialFromParts(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6, 8)));
const cdC = col(...cdRows.map((r) => Number(r[1]))), cdD = col(...cdRows.map((r) => ymd(r[2]))), cdA = col(...cdRows.map((r) => Number(r[4])));
const CD_END = "1997-09-30", CD_N = cdRows.length, CD_LAST = cdRows.length + 1;
const CD_SHOW = 6; // customers shown from the spilled results
V.cd_rows = CD_N.toLocaleString("en-US");
V.cd_last = String(CD_LAST);
V.cd_customers = new Set(cdRows.map((r) => r[1])).size.toLocaleString("en-US");
for (const l of ["en", "zh"] as const) {
  const firstRows = cdRows.filter((r) => Number(r[1]) <= 3);
  V[`cd_in_${l}`] = table(l === "en" ? ["Row", "A: customer", "B: date", "C: amount"] : ["行", "A：客户", "B：日期", "C：金额"],
    firstRows.map((r, i) => [i + 2, Number(r[1]), `${serialToIsoDate(ymd(r[2]))}${l === "en" ? " (date cell)" : "（日期单元格）"}`, Number(r[4])]).concat([["…", "…", "…", "…"]]));
  const out = grid(l, clvpredict, cdC, cdD, cdA, CD_END, O, O, O);
  V[`cp_out_${l}`] = table(out[0], out.slice(1, CD_SHOW + 1).map((r) => r.map(n4)).concat([out[0].map(() => "…")]));
  const o9 = grid(l, clvpredict, cdC, cdD, cdA, CD_END, 9, 0, "day");
  V[`cp_out9_${l}`] = table(o9[0], o9.slice(1, 4).map((r) => r.map(n4)));
  const fit = grid(l, clvfit, cdC, cdD, cdA, CD_END, O);
  V[`cf_out_${l}`] = table(fit[0], fit.slice(1).map((r) => r.map(n4)));
  const fitM = grid(l, clvfit, cdC, cdD, cdA, CD_END, "month");
  V[`cf_month_${l}`] = table(fitM[0], fitM.slice(1, 6).map((r) => r.map(n4)));
  const pa = grid(l, palive, cdC, cdD, CD_END);
  V[`pa_out_${l}`] = table(pa[0], pa.slice(1, CD_SHOW + 1).map((r) => r.map(n4)).concat([["…", "…", "…"]]));
}
{
  const out = grid("en", clvpredict, cdC, cdD, cdA, CD_END, O, O, O);
  V.cp_rows_out = (out.length).toLocaleString("en-US");
  const pa = grid("en", palive, cdC, cdD, CD_END);
  must(pa.length === out.length && pa.slice(1).every((r, i) => r[0] === out[i + 1][0] && r[1] === out[i + 1][4]), "PALIVE = CLVPREDICT's P(alive)");
  must(JSON.stringify(grid("zh", clvpredict, cdC, cdD, cdA, CD_END, O, O, O).slice(1)) === JSON.stringify(out.slice(1)), "clvpredict zh values = en");
  const c1 = out[1];
  must(c1[0] === 1 && c1[1] === 2 && c1[2] * 7 === 213 && c1[3] * 7 === 272, "customer 1: x 2, 213 and 272 days");
  V.c1_palive = r4(c1[4]);
  must(V.c1_palive === "0.7266", "customer 1 P(alive) 0.7266 from transactions");
  V.c1_tx = r2(c1[2]); V.c1_T = r2(c1[3]);
  V.c1_spend = String(n4(c1[6])); V.c1_clv = String(n4(c1[7])); V.c1_exp12 = String(n4(c1[5]));
  const noRepeat = out.slice(1).filter((r) => r[1] === 0);
  must(noRepeat.every((r) => r[4] === 1), "x = 0 → P(alive) 1");
  V.cd_one_time = noRepeat.length.toLocaleString("en-US");
  V.cd_pop_spend = r4(noRepeat[0][6]);
  // the fit from the raw transactions
  const fit = grid("en", clvfit, cdC, cdD, cdA, CD_END, O);
  const est = (name: string) => fit.find((r) => r[0] === name)![1] as number;
  V.cf_rows_out = String(fit.length);
  const fitM = grid("en", clvfit, cdC, cdD, cdA, CD_END, "month");
  const estM = (name: string) => fitM.find((r) => r[0] === name)![1] as number;
  must(Math.abs(estM("alpha") / est("alpha") - 7 / DAYS_PER_UNIT.month) < 1e-6 && Math.abs(estM("r") / est("r") - 1) < 1e-6, "alpha scales with the unit, r does not");
  V.alpha_w = r4(est("alpha")); V.alpha_m = r4(estM("alpha"));
  const sumX = out.slice(1).reduce((a, r) => a + (r[1] as number), 0);
  V.cd_sum_x = sumX.toLocaleString("en-US");
  const llShift = sumX * Math.log(DAYS_PER_UNIT.month / 7);
  must(Math.abs(estM("BG/NBD log-likelihood") - est("BG/NBD log-likelihood") - llShift) < 1e-3, "LL shift between units");
  V.ll_w = est("BG/NBD log-likelihood").toFixed(1); V.ll_m = estM("BG/NBD log-likelihood").toFixed(1); V.ll_shift = llShift.toFixed(1);
  V.cd_raw_fit = `r ${est("r").toFixed(3)}, α ${est("alpha").toFixed(3)}, a ${est("a").toFixed(3)}, b ${est("b").toFixed(3)}, LL ${est("BG/NBD log-likelihood").toFixed(1)}; p ${est("p").toFixed(2)}, q ${est("q").toFixed(2)}, v ${est("v").toFixed(2)}`;
  must(V.cd_raw_fit === "r 0.243, α 4.414, a 0.793, b 2.426, LL -9582.4; p 6.25, q 3.74, v 15.44", "raw CDNOW fit at the published precision: " + V.cd_raw_fit);
  V.cd_raw_fit = V.cd_raw_fit.replace("-", "−");
  const o9 = grid("en", clvpredict, cdC, cdD, cdA, CD_END, 9, 0, "day");
  must(Math.abs((o9[1][4] as number) - (c1[4] as number)) < 1e-7, "P(alive) the same in days");
  must(Math.abs((o9[1][7] as number) - (o9[1][5] as number) * (o9[1][6] as number)) < 1e-9, "undiscounted CLV = purchases × spend");
  V.c1_e9 = String(n4(o9[1][5])); V.c1_spend9 = String(n4(o9[1][6])); V.c1_clv9 = String(n4(o9[1][7]));
}
// The published check: the summary file, as `tier fit` reads it.
{
  const lines = readFileSync(join(DATA, "cdnow_customers_summary_with_transactions.csv"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
  const S = { x: lines.map((r) => r[1]), tx: lines.map((r) => r[2]), T: lines.map((r) => r[3]), zbar: lines.map((r) => r[4]) };
  const bg = fitBgNbd(S), gg = fitGammaGamma(S.x, S.zbar);
  const c1 = { x: S.x[0], tx: S.tx[0], T: S.T[0], z: S.zbar[0] };
  const e39 = expectedPurchases(bg, 39, c1.x, c1.tx, c1.T), pa1 = pAliveOf(bg, c1.x, c1.tx, c1.T);
  const ours = [bg.r.toFixed(3), bg.alpha.toFixed(3), bg.a.toFixed(3), bg.b.toFixed(3), bg.logLikelihood.toFixed(1), gg.p.toFixed(2), gg.q.toFixed(2), gg.v.toFixed(2), gg.v.toFixed(3), e39.toFixed(3), pa1.toFixed(4)];
  const published = ["0.243", "4.414", "0.793", "2.426", "-9582.4", "6.25", "3.74", "15.44", "", "1.226", "0.7266"];
  ours.forEach((o, i) => i !== 7 && i !== 8 && must(o === published[i], `published CDNOW number ${published[i]}: ${o}`));
  must(ours[7] === "15.45" && ours[8] === "15.448", "v at 15.448");
  const minus = (t: string) => t.replace("-", "−");
  const names = ["r", "α", "a", "b", "LL (BG/NBD)", "p", "q", "v", "", "E[Y(39) | x = 2, t_x = 30.43, T = 38.86]", "P(alive | customer 1)"];
  const fullPrec = [bg.r, bg.alpha, bg.a, bg.b, bg.logLikelihood, gg.p, gg.q, gg.v, 0, e39, pa1].map((v) => String(Number(v.toPrecision(8))));
  const rows = names.map((nm, i) => [nm, minus(published[i]), minus(ours[i]), minus(fullPrec[i])]).filter((_, i) => i !== 8);
  rows[7][2] = `${ours[7]} (${ours[8]})`;
  V.cdnow_check_en = table(["Quantity", "Published", "Tiering, same precision", "Tiering, 8 significant digits"], rows);
  V.cdnow_check_zh = table(["量", "文献值", "Tiering（相同精度）", "Tiering（8 位有效数字）"], rows.map((r) => [r[0].replace("customer 1", "客户 1"), ...r.slice(1)]));
  // Pareto/NBD on the same summary: Fader, Hardie & Lee (2005, the MATLAB note) print r 0.55, α 10.58, s 0.61, β 11.67, LL −9,595.0.
  const pn = fitParetoNbd(S);
  const pnPrinted = `r ${pn.r.toFixed(2)}, α ${pn.alpha.toFixed(2)}, s ${pn.s.toFixed(2)}, β ${pn.beta.toFixed(2)}, LL ${pn.logLikelihood.toFixed(1)}`;
  must(pnPrinted === "r 0.55, α 10.58, s 0.61, β 11.67, LL -9595.0", "published Pareto/NBD CDNOW fit: " + pnPrinted);
  V.pareto_fit = minus(`r ${pn.r.toFixed(4)}, α ${pn.alpha.toFixed(4)}, s ${pn.s.toFixed(4)}, β ${pn.beta.toFixed(4)}, LL ${pn.logLikelihood.toFixed(2)}`);
  V.pareto_c1 = paretoPAlive(pn, c1.x, c1.tx, c1.T).toFixed(4);
  V.gg_corr = gg.frequencySpendCorrelation.toFixed(2);
  V.gg_customers = String(gg.customers);
  V.c1_e39 = e39.toFixed(3);
  // E[M | x, z̄] for customer 1, by hand
  V.c1_mz = r4(expectedAverageSpend(gg, c1.x, c1.z));
  V.gg_pop = r4((gg.p * gg.v) / (gg.q - 1));
  V.c1_weight = r4((gg.p * c1.x) / (gg.p * c1.x + gg.q - 1));
  // 2F1: the series for customer 1's 39 weeks, and the integral that stands in for long horizons
  const z = 39 / (bg.alpha + c1.T + 39);
  const c = bg.a + bg.b + c1.x - 1;
  const ser = hypergeometricSeries([bg.a + bg.b - bg.r, bg.a, 1], [c + 1, 2], z, 2000);
  V.f21_z = r4(z); V.f21_terms = String(ser.terms);
  const viaSeries = expectedIfAlive(bg, 39, c1.x, c1.T), viaIntegral = expectedByQuadrature(bg, 39, c1.x, c1.T);
  const agree = -Math.log10(Math.abs(viaSeries - viaIntegral) / viaSeries);
  must(agree > 10, "series and integral agree");
  V.f21_series = viaSeries.toPrecision(12); V.f21_integral = viaIntegral.toPrecision(12);
  const tLong = 1200 * DAYS_PER_UNIT.month / 7, zLong = tLong / (bg.alpha + tLong);
  const serLong = hypergeometricSeries([bg.a + bg.b - bg.r, bg.a, 1], [bg.a + bg.b, 2], zLong, 2000);
  must(!serLong.converged, "new customer over 100 years needs the integral");
  V.f21_zlong = zLong.toFixed(5);
  V.f21_long = r4(expectedIfAlive(bg, tLong, 0, 0));
  // customer with hundreds of purchases
  const heavy = [pAliveOf(bg, 500, 38, 38.86), expectedPurchases(bg, 52, 500, 38, 38.86)];
  must(heavy.every((v) => Number.isFinite(v) && v >= 0), "heavy buyer finite");
  V.heavy_p = r4(heavy[0]); V.heavy_e = heavy[1].toFixed(1);
}
V.month_days = String(DAYS_PER_UNIT.month);
V.month_weeks = (DAYS_PER_UNIT.month / 7).toFixed(3);
V.month_weeks365 = (365 / 12 / 7).toFixed(3);
must(V.month_days === "30.4375" && V.month_weeks === "4.348" && V.month_weeks365 === "4.345", "month length");
// churn warning on CDNOW, as the pane builds it
{
  const tx = readTransactions({ customers: cdC.map((r) => r[0]), dates: cdD.map((r) => r[0]), amounts: cdA.map((r) => r[0]) });
  const run = runClvModels(tx, { unit: "week", calibrationEnd: ymd("19970930"), horizonMonths: 12, monthlyDiscount: 0.01 });
  const p = run.predictions;
  const w = churnWarning(p.pAlive, p.clvIfAlive);
  const ids = run.summary.customerIds;
  const rowsOf = (l: "en" | "zh") => Array.from(w.order.slice(0, 8), (i) => [ids[i], n4(p.pAlive[i]), n4(w.risk[i]), n4(p.clvIfAlive[i]), n4(p.clv[i]), n4(w.clvAtRisk[i]), w.cantLose[i] ? (l === "en" ? "yes" : "是") : ""]);
  V.churn_en = table(["Customer", "P(alive)", "Churn risk", "Value (CLV if alive)", "CLV", "CLV at risk", "Can't lose"], rowsOf("en"));
  V.churn_zh = table(["客户", "存活概率", "流失风险", "价值（存活时的 CLV）", "CLV", "风险中的 CLV", "不可流失"], rowsOf("zh"));
  V.churn_threshold = r4(w.valueThreshold);
  V.churn_cantlose = String(w.cantLose.reduce((a, b) => a + b, 0));
  must(Array.from(w.order.slice(0, 8)).every((i) => Math.abs(w.clvAtRisk[i] - p.clvIfAlive[i] * (1 - p.pAlive[i])) < 1e-9 && Math.abs(p.clv[i] - p.clvIfAlive[i] * p.pAlive[i]) < 1e-9), "churn definitions");
  must(Array.from(w.cantLose).every((v, i) => (v === 1) === (p.clvIfAlive[i] >= w.valueThreshold && w.risk[i] >= 0.5)), "can't lose definition");
  const top = Math.ceil(ids.length * 0.2);
  must(Array.from(p.clvIfAlive).filter((v) => v >= w.valueThreshold).length >= top, "top 20 %");
  V.churn_top = top.toLocaleString("en-US");
}
// ---------- TIER.LIFECYCLE on a small shop ----------
{
  const shop = readFileSync(join(EXAMPLES, "shop.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const sC = col(...shop.map((r) => r[0])), sD = col(...shop.map((r) => r[1])), sA = col(...shop.map((r) => Number(r[2])));
  V.shop_last = String(shop.length + 1);
  for (const l of ["en", "zh"] as const) {
    V[`lc_in_${l}`] = table(l === "en" ? ["Row", "A: customer", "B: date", "C: amount"] : ["行", "A：客户", "B：日期", "C：金额"], shop.map((r, i) => [i + 2, r[0], `\`"${r[1]}"\``, Number(r[2])]));
    const out = grid(l, lifecycle, sC, sD, "2024-06-30", O, O, O, O);
    V[`lc_out_${l}`] = table(out[0], out.slice(1).map((r) => r.map(n4)));
    const v2 = grid(l, lifecycle, sC, sD, "2024-06-30", 14, 2, 4, 120);
    V[`lc_out2_${l}`] = table(v2[0], v2.slice(1).map((r) => r.map(n4)));
  }
  const out = grid("en", lifecycle, sC, sD, "2024-06-30", O, O, O, O);
  const row = (g: any[][], id: string) => g.find((r) => r[0] === id)!;
  must(row(out, "C01")[1] === "Active" && row(out, "C03")[1] === "Churned" && row(out, "C06")[1] === "Silent" && row(out, "C05")[1] === "New" && row(out, "C10")[1] === "New", "shop stages");
  must(r4(row(out, "C04")[3]) === "35.8333" && row(out, "C04")[1] === "Churned", "median gap 35.83 for one-time buyers");
  must(row(out, "C05")[3] === row(out, "C04")[3], "one-time buyers share the median gap");
  must(row(out, "C01")[3] === 175 / 6, "C01 gap 175/6");
  must(row(out, "C09")[2] === 47 && row(out, "C09")[3] === 14 && row(out, "C09")[1] === "Churned", "C09 47 > 3 × 14");
  const v2 = grid("en", lifecycle, sC, sD, "2024-06-30", 14, 2, 4, 120);
  must(row(v2, "C05")[1] === "Active" && row(v2, "C10")[1] === "New" && row(v2, "C09")[1] === "Silent" && row(v2, "C04")[1] === "Churned" && row(v2, "C04")[2] <= 4 * row(v2, "C04")[3], "variant stages; the cap churns C04");
  must(JSON.stringify(grid("en", lifecycle, sC, sD, O, O, O, O, O)) === JSON.stringify(grid("en", lifecycle, sC, sD, "2024-06-29", O, O, O, O)), "lifecycle default as_of = latest date");
  // the models on a data set this small: the spend model has nothing to learn from
  for (const l of ["en", "zh"] as const) {
    const fit = grid(l, clvfit, sC, sD, sA, "2024-06-30", O);
    V[`shop_fit_${l}`] = table(fit[0], fit.slice(1).map((r) => r.map((c: unknown) => (typeof c === "number" ? String(Number(c.toPrecision(6))) : c))));
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
    ["`active_multiple` of 0", "`active_multiple` 为 0", lifecycle, K, KD, O, O, 0, O, O],
    ["Negative `new_days`", "`new_days` 为负数", lifecycle, K, KD, O, -1, O, O, O],
    ["`churn_cap_days` of 0 (leave it empty for no cap)", "`churn_cap_days` 为 0（不设上限请留空）", lifecycle, K, KD, O, O, O, O, 0],
    ["`as_of` before the first purchase", "`as_of` 早于第一次购买", lifecycle, K, KD, "2020-01-01", O, O, O, O],
    ["A date that is not a date", "日期不是日期", lifecycle, K, col("2024-01-05", "2024-02-30", "2024-01-20", "2024-03-01", "2024-02-02"), O, O, O, O, O],
  ];
  for (const l of ["en", "zh"] as const) {
    V[`err_cp_${l}`] = errTable(cpCases, l);
    V[`err_lc_${l}`] = errTable(lcCases, l);
  }
}
// ---------- tier fit / tier predict ----------
{
  const work = mkdtempSync(join(tmpdir(), "tier-docs-"));
  writeFileSync(join(work, "cdnow_tx.csv"), "customer_id,date,amount\n" + cdRows.map((r) => `${Number(r[1])},${serialToIsoDate(ymd(r[2]))},${r[4]}`).join("\n") + "\n");
  const SUM = "../shared/data/cdnow_customers_summary_with_transactions.csv", SUM0 = "../shared/data/cdnow_customers_summary.csv";
  V.cli_fit = cli(["fit", SUM, "--unit", "week"], undefined, { cwd: ROOT });
  V.cli_predict = cli(["predict", SUM, "--unit", "week", "--horizon", "39"], undefined, { cwd: ROOT, head: 10 });
  V.cli_fit_tx = cli(["fit", "cdnow_tx.csv", "--calibration-end", CD_END, "--unit", "week"], undefined, { cwd: work });
  V.cli_predict_tx = cli(["predict", "cdnow_tx.csv", "--calibration-end", CD_END, "--unit", "day", "--horizon", "273", "--format", "json"], undefined, { cwd: work, head: 12 });
  V.cli_predict_lt = cli(["predict", SUM0, "--unit", "week", "--horizon", "39"], undefined, { cwd: ROOT, head: 4 });
  V.cli_fit_limits = cli(["fit", "tx.csv", "--unit", "day"]);
  V.cli_fit_end_err = cli(["fit", SUM, "--unit", "week", "--calibration-end", CD_END], undefined, { cwd: ROOT });
  V.cli_fit_end_err_zh = cli(["fit", SUM, "--unit", "week", "--calibration-end", CD_END], ZH, { cwd: ROOT });
  // A summary's t_x and T are in its maker's unit, which the command cannot guess.
  V.cli_fit_gg_err = cli(["fit", SUM], undefined, { cwd: ROOT });
  V.cli_fit_gg_err_zh = cli(["fit", SUM], ZH, { cwd: ROOT });
  V.cdnow_tx_head = "```text\n" + readFileSync(join(work, "cdnow_tx.csv"), "utf8").split("\n").slice(0, 5).join("\n") + "\n…\n```";
  rmSync(work, { recursive: true, force: true });
  const json = (t: string) => JSON.parse(t.slice(t.indexOf("{"), t.lastIndexOf("}") + 1));
  const f = json(V.cli_fit), ft = json(V.cli_fit_tx), fl = json(V.cli_fit_limits);
  must(f.bgnbd.r.toFixed(3) === "0.243" && f.gammaGamma.q.toFixed(2) === "3.74" && f.bgnbd.limits.length === 0, "tier fit CDNOW");
  must(ft.source === "transactions" && ft.calibrationEnd === CD_END && ft.bgnbd.alpha.toFixed(3) === "4.414" && ft.customers === 2357, "tier fit from transactions");
  must(fl.bgnbd.limits.includes("r") && fl.bgnbd.limits.includes("alpha") && fl.bgnbd.standardErrors.r === null && fl.gammaGamma.limits.includes("q"), "model limits flagged");
  V.limits_bg = JSON.stringify(fl.bgnbd.limits); V.limits_gg = JSON.stringify(fl.gammaGamma.limits);
  const line1 = V.cli_predict.split("\n").find((x) => x.startsWith("1,"))!.split(",");
  must(Number(line1[4]).toFixed(4) === "0.7266" && Number(line1[5]).toFixed(3) === "1.226", "tier predict customer 1: 0.7266 and 1.226");
  must(/^1,2,30\.43,38\.86,0\.726\d*,1\.22\d*,,$/m.test(V.cli_predict_lt), "lifetimes names, no spend");
  must(/exit code 2/.test(V.cli_fit_end_err) && /exit code 2/.test(V.cli_fit_gg_err), "fit errors exit 2");
}

// ---------- parsing tables ----------
{
  const dl = ["2024-01-05","2024/1/5","2024.1.5","20240105","2024年1月5日","2024年1月5号","1/5/2024","2024-01-05 13:30","2024-01-05T13:30:00Z","31/01/2024","5 Jan 2024","1899-12-31"];
  const rowsD = (l: "en" | "zh") => dl.map((t) => { const v = parseDateText(t); return ["`\"" + t + "\"`", Number.isNaN(v) ? (l === "en" ? "not a date (error)" : "不是日期（报错）") : !isSerialInRange(v) ? (l === "en" ? "out of range (error)" : "超出范围（报错）") : serialToIsoDate(v) + (v % 1 ? (l === "en" ? " (time ignored)" : "（忽略时刻）") : "")]; });
  V.date_table_en = table(["Text in the cell", "Read as"], rowsD("en"));
  V.date_table_zh = table(["单元格中的文本", "读作"], rowsD("zh"));
  const nl = ["1234.5","1,234.50","1，234","¥1,234","￥1,234","$ 12","€600","£5","RMB 100","12 元","-5","−5","(5.00)","$-5","12%","--5","1.234,5","1 234","0x10"];
  const rowsN = (l: "en" | "zh") => nl.map((t) => { const v = parseNumberText(t); return ["`\"" + t + "\"`", Number.isNaN(v) ? (l === "en" ? "not a number (error)" : "不是数字（报错）") : String(v)]; });
  V.num_table_en = table(["Text in the cell", "Read as"], rowsN("en"));
  V.num_table_zh = table(["单元格中的文本", "读作"], rowsN("zh"));
  V.date_serial = String(serialFromParts(2024, 1, 5));
  V.min_date = serialToIsoDate(MIN_SERIAL);
  V.rs_pos = [1, 2, 3, 4].map((k) => String(1 + ((Number(V.rs_n) - 1) * k) / 5)).join(", ");
  V.clv_d_r4 = r4(Number(V.clv_d));
  V.clv_d25_r4 = r4(Number(V.clv_d25));
  V.abc_share_k03 = r4(70500 / Number(V.abc_pos_total));
  V.abc_cum_k05 = r4(88500 / Number(V.abc_pos_total));
}

// ---------- assertions behind the prose ----------
{
  const out = grid("en", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, O, O);
  const row = (g: any[][], id: string) => g.find((r) => r[0] === id)!;
  must(JSON.stringify(row(out, "C001").slice(1, 4)) === "[3,4,1350]", "C001 3/4/1350");
  const def = grid("en", rfm, col(...cust), col(...dates), col(...amts), O, O, O, O);
  must(out.slice(1).every((r, i) => (r[1] as number) - (def[i + 1][1] as number) === 3), "3 days shorter");
  must(row(out, "C003")[4] !== row(def, "C003")[4], "C003 R changes");
  must(out.slice(1).filter((r) => r[4] !== row(def, r[0] as string)[4]).length === 1, "only C003 R changes");
  must(row(def, "C001")[1] === 0, "default as_of is C001's last date");
  const c8 = grid("en", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, "cn8", false);
  must(c8.find((r) => r[0] === "C003")![8] === "General to keep" && c8.find((r) => r[0] === "C003")![7] === "333", "C003 cn8");
  must(V.rfm_cn8_means === "R 3.0000, F 2.1250, M 3.0000", "rfm cn8 means");
  const fOf = new Map(out.slice(1).map((r) => [r[2], r[5]]));
  must(fOf.get(1) === 1 && fOf.get(2) === 3 && fOf.get(3) === 4 && fOf.get(4) === 5, "F ties mapping");
  must(V.rfm_cutF.startsWith("2, 2, "), "empty band 2");
  must(out.slice(1).filter((r) => r[2] === 1).length === 5, "five one-time buyers");
  const num = (c: unknown) => (c === "" ? NaN : typeof c === "number" ? c : Number(String(c).replace(/[¥$,]/g, "")));
  const nums = abcIn.map(num);
  const rv = classifyAbc(nums, {}), rc = classifyAbc(nums, { basis: "count" });
  must(V.abc_pos_total === "95000", "pos total");
  must(r4(rv.shareBefore[2]) === V.abc_share_k03 && r4(rv.shareBefore[5]) === V.abc_cum_k05 && r4(rv.shareBefore[6]) === "0.9758", "abc shares");
  must(r4(rc.shareBefore[2]) === "0.2222", "abc count share");
  must(/tier rfm FILE/.test(cli(["--help"])), "tier --help");
  must(/Usage:/.test(cli(["help"])) && /exit code 0/.test(cli(["help"])) && /exit code 0/.test(cli(["rfm", "--help"])) && /exit code 2/.test(cli([])), "help exit codes");
  must(/tier rfm/.test(cli(["--help"], "zh_CN.UTF-8")), "zh --help");
  must(V.clv_simple === "[[300]]", "clv 300");
  // CLI per-customer rows equal the function's
  const csvRows = (t: string) => t.split("\n").filter((x) => /^C00\d,/.test(x)).map((x) => x.split(","));
  const fn = grid("en", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, O, O).slice(1);
  const cl = csvRows(V.cli_rfm);
  must(cl.length === fn.length && cl.every((r, i) => r[0] === fn[i][0] && [2, 3, 4, 5, 6, 7, 8, 9].every((k, j) => String(fn[i][j + 1]) === r[k])), "CLI = function (rfm)");
  const fz = grid("zh", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, "cn8", O).slice(1);
  const cz = csvRows(V.cli_rfm_zh);
  must(cz.length === fz.length && cz.every((r, i) => r[0] === fz[i][0] && [2, 3, 4, 5, 6, 7, 8, 9].every((k, j) => String(fz[i][j + 1]) === r[k])), "CLI = function (cn8 zh)");
  must(/C001,2024-03-28,3,4,1350,4,4,4,444,Champions/.test(V.cli_breaks), "444 Champions");
  must(toFivePointScale(4, 4) === 5, "4 of 4 maps to 5");
  const clvbad = cli(["clv", "clvbad.csv", "--id", "customer"]);
  must(/line 2: 'margin' is 30/.test(clvbad) && /K02,360/.test(clvbad), "clv out-of-range rows on stderr");
  must(/line 4, column avg_purchase: the cell is blank/.test(V.cli_clv_file) && !/K04/.test(V.cli_abc) && !/K03,/.test(V.cli_clv_file), "blank rows left out and named");
  must((V.cli_abc.match(/\[stderr\]/g) ?? []).length === 3 && /zero or negative/.test(V.cli_abc), "abc non-positive on stderr");
}

// ---------- TIER.MIGRATION and TIER.PILOT ----------
{
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
    V[`mig_out_${l}`] = table(out[0], out.slice(1));
    const rev = grid(l, migration, c(q1, 0), c(q1, 1), c(q2, 0), c(q2, 1), q2rev);
    V[`mig_rev_${l}`] = table(rev[0], rev.slice(1));
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
    const count = (g: any[][], t: string, label: string) => g.filter((r, i) => tiers[i][1] === t && r[0] === label).length;
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
}

// ---------- TIER.SCORE ----------
{
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
  must(th.every((r, i) => i === 9 || (r[1] === "Diamond") === (r[0] >= 90)) && th[5][0] === 95 && th[5][1] === "Diamond" && th[2][1] === "Bronze", "thresholds example");
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
}

// ---------- fill ----------
const tmpl = readFileSync(join(HERE, "FUNCTIONS.tmpl.md"), "utf8");
const used = new Set<string>();
const outText = tmpl.replace(/\{\{(\w+)\}\}/g, (_, k) => {
  if (!(k in V)) throw new Error("missing value " + k);
  used.add(k);
  return V[k];
});

/** The reference as it should read now. */
export function renderFunctionsDoc(): string {
  return outText;
}
