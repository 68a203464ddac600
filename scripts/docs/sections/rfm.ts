/** TIER.RFM: the example input and its outputs (as of a date, by default, cn8), and the quantile cut points the prose explains. */
import { serialToIsoDate } from "../../../src/core/cells/dates";
import { quantileCutPoints, scoreRfm } from "../../../src/core/tiers/rfm";
import { segmentCn8 } from "../../../src/core/tiers/segments";
import { rfm } from "../../../src/functions/functions";
import { rfmExample } from "../data";
import { O, col, grid, header } from "../harness";
import { table, r2, r4, type Values } from "../markdown";

export function rfmSection(): Values {
  const V: Values = {};
  const { cust, dates, amts } = rfmExample();
  const showCell = (c: unknown, isDate: boolean, l: "en" | "zh") =>
    typeof c === "number" ? (isDate ? `${serialToIsoDate(c)}${l === "en" ? " (date cell)" : "（日期单元格）"}` : String(c)) : `\`"${c}"\``;
  for (const l of ["en", "zh"] as const) {
    V[`rfm_in_${l}`] = table(l === "en" ? ["Row", "A: customer", "B: date", "C: amount"] : ["行", "A：客户", "B：日期", "C：金额"],
      cust.map((c, i) => [i + 2, c, showCell(dates[i], true, l), showCell(amts[i], false, l)]));
    const out = grid(l, rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, O, O);
    V[`rfm_out_${l}`] = table(header(out[0]), out.slice(1));
    const def = grid(l, rfm, col(...cust), col(...dates), col(...amts), O, O, O, O);
    V[`rfm_def_${l}`] = table(header(def[0]), def.slice(1));
    const c8 = grid(l, rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, "cn8", false);
    V[`rfm_cn8_${l}`] = table(header(out[0]).map((h) => `*${h}*`), c8);
  }
  V.rfm_rows_out = String(grid("en", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, O, O).length);
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
  return V;
}
