/** The predictive models on the CDNOW sample: TIER.CLVPREDICT, CLVFIT and PALIVE, the published numbers they must match, the ₂F₁ series, the month length and the churn warning. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serialToIsoDate } from "../../../src/core/cells/dates";
import { hypergeometricSeries } from "../../../src/core/math/hyp2f1";
import { fitBgNbd, pAlive as pAliveOf, expectedPurchases, expectedIfAlive, expectedByQuadrature } from "../../../src/core/models/bgnbd";
import { DAYS_PER_UNIT } from "../../../src/core/models/calibration";
import { churnWarning } from "../../../src/core/models/churn";
import { fitGammaGamma, expectedAverageSpend } from "../../../src/core/models/gammagamma";
import { fitParetoNbd, paretoPAlive } from "../../../src/core/models/paretonbd";
import { runClvModels } from "../../../src/core/models/predict";
import { readTransactions } from "../../../src/core/transactions/read";
import { clvpredict, clvfit, palive } from "../../../src/functions/functions";
import { CD_END, ymd, cdnowSample } from "../data";
import { O, grid, header, num } from "../harness";
import { table, r2, r4, n4, must, type Values } from "../markdown";
import { DATA } from "../paths";

export function modelsSection(): Values {
  const V: Values = {};
  const { cdRows, cdC, cdD, cdA } = cdnowSample();
  const CD_N = cdRows.length, CD_LAST = cdRows.length + 1;
  const CD_SHOW = 6; // customers shown from the spilled results
  V.cd_rows = CD_N.toLocaleString("en-US");
  V.cd_last = String(CD_LAST);
  V.cd_customers = new Set(cdRows.map((r) => r[1])).size.toLocaleString("en-US");
  for (const l of ["en", "zh"] as const) {
    const firstRows = cdRows.filter((r) => Number(r[1]) <= 3);
    V[`cd_in_${l}`] = table(l === "en" ? ["Row", "A: customer", "B: date", "C: amount"] : ["行", "A：客户", "B：日期", "C：金额"],
      firstRows.map((r, i) => [i + 2, Number(r[1]), `${serialToIsoDate(ymd(r[2]))}${l === "en" ? " (date cell)" : "（日期单元格）"}`, Number(r[4])]).concat([["…", "…", "…", "…"]]));
    const out = grid(l, clvpredict, cdC, cdD, cdA, CD_END, O, O, O);
    V[`cp_out_${l}`] = table(header(out[0]), out.slice(1, CD_SHOW + 1).map((r) => r.map(n4)).concat([out[0].map(() => "…")]));
    const o9 = grid(l, clvpredict, cdC, cdD, cdA, CD_END, 9, 0, "day");
    V[`cp_out9_${l}`] = table(header(o9[0]), o9.slice(1, 4).map((r) => r.map(n4)));
    const fit = grid(l, clvfit, cdC, cdD, cdA, CD_END, O);
    V[`cf_out_${l}`] = table(header(fit[0]), fit.slice(1).map((r) => r.map(n4)));
    const fitM = grid(l, clvfit, cdC, cdD, cdA, CD_END, "month");
    V[`cf_month_${l}`] = table(header(fitM[0]), fitM.slice(1, 6).map((r) => r.map(n4)));
    const pa = grid(l, palive, cdC, cdD, CD_END);
    V[`pa_out_${l}`] = table(header(pa[0]), pa.slice(1, CD_SHOW + 1).map((r) => r.map(n4)).concat([["…", "…", "…"]]));
  }
  {
    const out = grid("en", clvpredict, cdC, cdD, cdA, CD_END, O, O, O);
    V.cp_rows_out = (out.length).toLocaleString("en-US");
    const pa = grid("en", palive, cdC, cdD, CD_END);
    must(pa.length === out.length && pa.slice(1).every((r, i) => r[0] === out[i + 1][0] && r[1] === out[i + 1][4]), "PALIVE = CLVPREDICT's P(alive)");
    must(JSON.stringify(grid("zh", clvpredict, cdC, cdD, cdA, CD_END, O, O, O).slice(1)) === JSON.stringify(out.slice(1)), "clvpredict zh values = en");
    const c1 = out[1];
    must(c1[0] === 1 && c1[1] === 2 && num(c1[2]) * 7 === 213 && num(c1[3]) * 7 === 272, "customer 1: x 2, 213 and 272 days");
    V.c1_palive = r4(num(c1[4]));
    must(V.c1_palive === "0.7266", "customer 1 P(alive) 0.7266 from transactions");
    V.c1_tx = r2(num(c1[2])); V.c1_T = r2(num(c1[3]));
    V.c1_spend = String(n4(c1[6])); V.c1_clv = String(n4(c1[7])); V.c1_exp12 = String(n4(c1[5]));
    const noRepeat = out.slice(1).filter((r) => r[1] === 0);
    must(noRepeat.every((r) => r[4] === 1), "x = 0 → P(alive) 1");
    V.cd_one_time = noRepeat.length.toLocaleString("en-US");
    V.cd_pop_spend = r4(num(noRepeat[0][6]));
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
    V.churn_zh = table(["客户", "存活概率", "流失风险", "价值（存活时的 CLV）", "CLV", "潜在流失价值", "重点挽留"], rowsOf("zh"));
    V.churn_threshold = r4(w.valueThreshold);
    V.churn_cantlose = String(w.cantLose.reduce((a, b) => a + b, 0));
    must(Array.from(w.order.slice(0, 8)).every((i) => Math.abs(w.clvAtRisk[i] - p.clvIfAlive[i] * (1 - p.pAlive[i])) < 1e-9 && Math.abs(p.clv[i] - p.clvIfAlive[i] * p.pAlive[i]) < 1e-9), "churn definitions");
    must(Array.from(w.cantLose).every((v, i) => (v === 1) === (p.clvIfAlive[i] >= w.valueThreshold && w.risk[i] >= 0.5)), "can't lose definition");
    const top = Math.ceil(ids.length * 0.2);
    must(Array.from(p.clvIfAlive).filter((v) => v >= w.valueThreshold).length >= top, "top 20 %");
    V.churn_top = top.toLocaleString("en-US");
  }
  return V;
}
