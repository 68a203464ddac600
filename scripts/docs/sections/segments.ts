/** The segment schemes: the built-in rules in order, the RFM codes each rule takes, the score mapping for other bins, and cn8. */
import { RFM_VIGNETTE_RULES, CN8_SEGMENTS, segmentByRules, toFivePointScale } from "../../../src/core/tiers/segments";
import type { DimensionScores } from "../../../src/core/tiers/rfm";
import type { Messages } from "../../../src/i18n";
import { en } from "../../../src/i18n/en";
import { zhCN } from "../../../src/i18n/zh-CN";
import { table, type Values } from "../markdown";

/** A segment's display name: the rules name their segments by catalogue key. */
const name = (cat: Messages, key: string) => cat.segments[key as keyof Messages["segments"]];

export function segmentsSection(): Values {
  const V: Values = {};
  const range = (a: readonly [number, number]) => (a[0] === a[1] ? String(a[0]) : `${a[0]}–${a[1]}`);
  V.rules_table_en = table(["Order", "Segment", "R", "F", "M"], RFM_VIGNETTE_RULES.map((r, i) => [i + 1, name(en, r.name), range(r.r), range(r.f), range(r.m)]).concat([["—", en.segments.others, "any other combination", "", ""]]));
  V.rules_table_zh = table(["顺序", "分群", "R", "F", "M"], RFM_VIGNETTE_RULES.map((r, i) => [i + 1, name(zhCN, r.name), range(r.r), range(r.f), range(r.m)]).concat([["—", zhCN.segments.others, "其余所有组合", "", ""]]));
  {
    const combos: number[][] = [];
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) combos.push([r, f, m]);
    const mk = (k: number): DimensionScores => ({ scores: Uint8Array.from(combos.map((c) => c[k])), levels: 5, thresholds: [] });
    const s = segmentByRules({ r: mk(0), f: mk(1), m: mk(2) }, RFM_VIGNETTE_RULES, true);
    const by = new Map<string, string[]>();
    for (const n of s.names) by.set(n, []);
    combos.forEach((c, i) => by.get(s.names[s.index[i]])!.push(c.join("")));
    for (const [l, cat] of [["en", en], ["zh", zhCN]] as const) {
      V[`codes_${l}`] = table(l === "en" ? ["Segment", "Count", "RFM codes (bins = 5)"] : ["分群", "个数", "RFM 代码（bins = 5）"],
        [...by.entries()].map(([n, codes]) => [name(cat, n), codes.length, codes.join(" ")]));
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
      CN8_SEGMENTS.map((n, i) => [i & 4 ? lo : hi, i & 2 ? lo : hi, i & 1 ? lo : hi, name(cat, n)]));
  }
  return V;
}
