/** TIER.ABCCLASS with fixed cuts: the example on the value and count bases and with other cuts. */
import { classifyAbc } from "../../../src/core/tiers/abc";
import { abcclass } from "../../../src/functions/functions";
import { abcExample } from "../data";
import { O, col, grid } from "../harness";
import { table, r4, plain, type Values } from "../markdown";

export function abcSection(): Values {
  const V: Values = {};
  const { abcIn, abcIds } = abcExample();
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
  return V;
}
