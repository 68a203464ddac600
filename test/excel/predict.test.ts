/** Predict CLV & churn through the workbook port: Tiers columns, the Churn warning sheet, the summary, failures, syncs. */
import { describe, expect, it } from "vitest";
import { runAnalysis } from "../../src/core/analysis/run";
import { CoreError } from "../../src/core/cells/errors";
import { PREDICT_DEFAULTS, PREDICT_DEFAULTS as DEFAULT_PREDICT } from "../../src/core/analysis/predictions";
import { CHECK_SYNCS, READ_SYNCS, WRITE_SYNCS_PREDICT, SNAPSHOT_SYNCS } from "../../src/excel/host";
import type { AnalysisSettings } from "../../src/excel/port";
import { CANT_LOSE_MARK } from "../../src/excel/results";
import { columnLetters } from "../../src/excel/read";
import { SETTINGS_KEY } from "../../src/excel/settings";
import { describeCoreError } from "../../src/i18n/describe";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { bookWithTransactions, churningTransactions, expectSyncsUnderLimit, settingsFor, visibleSheetNames } from "./helpers";

const PREDICT = { ...DEFAULT_PREDICT };
const p = en.predict.columns;

/** A header's column in a table's rows. */
const column = (header: string[], name: string) => {
  const k = header.indexOf(name);
  if (k < 0) throw new Error(`no column "${name}" in ${JSON.stringify(header)}`);
  return k;
};

describe("Predict CLV & churn in the workbook", () => {
  // A buy-then-drop-out process, so the fitted model has dropout and customers differ in risk and value.
  const rows = churningTransactions(300, 5);

  it("adds P(alive), churn risk, expected purchases, expected spend, predicted CLV and the lifecycle stage to Tiers, formatted", async () => {
    const { book, port } = bookWithTransactions(rows);
    const report = await port.run(settingsFor(rows.length, { predict: PREDICT }), { locale: "en" });
    expect(report.predictNote).toBeNull();
    expect(report.sheets).toEqual({ results: "Tiers", summary: "Tier Summary", churn: "Churn warning" });
    const table = book.tables().find((t) => t.name === "TieringResults")!;
    // Issue 13 §3: when each customer will buy next, after the predicted CLV (3 months ahead by default, waits in weeks).
    const t = en.trust.columns;
    const next = [en.margin.columns.pPurchaseWithin("3"), t.expectedWait("weeks"), t.medianWait("weeks"), t.overdue];
    const added = [p.pAlive, p.churnRisk, p.expectedPurchases(12), p.expectedSpend, en.workbook.columns.predictedClv(12), ...next, p.stage];
    expect(table.header.slice(-added.length)).toEqual(added);
    const width = table.header.length;
    const last = columnLetters(width - 1);
    const formats = book.numberFormats("Tiers", `A2:${last}2`)[0].slice(-added.length);
    expect(formats).toEqual(["0.0%", "0.0%", "0.00", "#,##0.00", "#,##0.00", "0.0%", "0.00", "0.00", "@", "@"]);
    const body = book.tableRows("TieringResults");
    const stages = new Set(Object.values(en.predict.stages));
    const clvAt = column(table.header, en.workbook.columns.predictedClv(12));
    for (const row of body) {
      const [alive, risk, bought, spend, clv, , , , , stage] = row.slice(-added.length) as [number, number, number, number, number, number, number, number, string, string];
      expect(alive >= 0 && alive <= 1).toBe(true);
      expect(risk).toBeCloseTo(1 - alive, 5);
      expect(bought).toBeGreaterThanOrEqual(0);
      expect(spend).toBeGreaterThan(0);
      expect(clv).toBeGreaterThanOrEqual(0);
      expect(stages.has(stage)).toBe(true);
    }
    // The summary: expected purchases, expected revenue and mean P(alive) per tier; revenue sums to Σ predicted CLV.
    const summary = book.tables().find((t) => t.name === "TieringSummary")!;
    const s = en.workbook.summary;
    const revenue = column(summary.header, s.expectedRevenue(12));
    expect(summary.header).toEqual(expect.arrayContaining([s.expectedPurchases(12), s.avgPAlive]));
    const tiers = book.tableRows("TieringSummary");
    const totalClv = body.reduce((sum, r) => sum + (r[clvAt] as number), 0);
    expect(tiers.reduce((sum, t) => sum + (t[revenue] as number), 0)).toBeCloseTo(totalClv, 0);
    const alive = column(summary.header, s.avgPAlive);
    for (const t of tiers) expect((t[alive] as number) >= 0 && (t[alive] as number) <= 1).toBe(true);
  });

  it("writes the Churn warning table ranked by CLV at risk, with can't-lose marks as the core decides", async () => {
    // The same analysis in the core first: its warning order and can't-lose flags are what the sheet must show.
    // The can't-lose risk cut is the median risk on the list, so some top-value customers pass it and some not.
    const cols = (k: number) => rows.map((r) => r[k]);
    const core = (cantLoseRisk: number) =>
      runAnalysis({ customers: cols(0), dates: cols(1), amounts: cols(2) }, { rfm: { bins: 5, scheme: "rfm" }, abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" }, tierBy: "abcClass", predict: { ...PREDICT_DEFAULTS, cantLoseRisk } });
    const first = core(0.5).predict!.model!;
    const risks = Array.from(first.warning, (c) => first.churnRisk[c]).sort((x, y) => x - y);
    const cut = risks[risks.length >> 1];
    const a = core(cut);
    const model = a.predict!.model!;

    const { book, port } = bookWithTransactions(rows);
    await port.run(settingsFor(rows.length, { predict: { ...PREDICT, cantLoseRisk: cut } }), { locale: "en" });
    const table = book.tables().find((t) => t.name === "TieringChurn")!;
    expect(table.sheet).toBe("Churn warning");
    expect(table.header).toEqual([
      en.workbook.churn.rank, en.workbook.columns.customer, en.workbook.summary.abcClass, p.stage, p.pAlive, p.churnRisk,
      en.workbook.churn.clvIfAlive(12), p.clvAtRisk, p.cantLose, en.workbook.columns.lastPurchase,
      // Issue 13 §3: the next-purchase columns.
      en.margin.columns.pPurchaseWithin("3"), en.trust.columns.expectedWait("weeks"), en.trust.columns.medianWait("weeks"), en.trust.columns.overdue,
    ]);
    const list = book.tableRows("TieringChurn");
    expect(list.length).toBeGreaterThan(10);
    expect(list.map((r) => r[0])).toEqual(list.map((_, k) => k + 1));
    const atRisk = list.map((r) => r[7] as number);
    expect(atRisk).toEqual([...atRisk].sort((x, y) => y - x));
    for (const r of list) expect(r[5] as number).toBeGreaterThan(0);
    expect(book.numberFormats("Churn warning", "A2:N2")[0]).toEqual(["0", "@", "@", "@", "0.0%", "0.0%", "#,##0.00", "#,##0.00", "@", "yyyy-mm-dd", "0.0%", "0.00", "0.00", "@"]);

    expect(list.map((r) => r[1])).toEqual(Array.from(model.warning, (c) => a.customerIds[c]));
    const marked = list.filter((r) => r[8] === CANT_LOSE_MARK).map((r) => r[1]);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length).toBeLessThan(list.length);
    expect(marked.sort()).toEqual(a.customerIds.filter((_, c) => model.cantLose[c] === 1 && model.churnRisk[c] > 0).sort());
    expect(list.every((r) => r[8] === CANT_LOSE_MARK || r[8] === "")).toBe(true);
    // P(alive) agrees with the Tiers row of the same customer.
    const tiers = book.tables().find((t) => t.name === "TieringResults")!;
    const aliveAt = column(tiers.header, p.pAlive);
    const byCustomer = new Map(book.tableRows("TieringResults").map((r) => [r[0], r[aliveAt]]));
    for (const r of list.slice(0, 20)) expect(r[4]).toBe(byCustomer.get(r[1]));
  });

  it("reports the predict phase between compute and write", async () => {
    const { port } = bookWithTransactions(rows);
    const phases: string[] = [];
    await port.run(settingsFor(rows.length, { predict: PREDICT }), { locale: "en", onProgress: (q) => phases.push(q.phase) });
    const distinct = phases.filter((x, k) => x !== phases[k - 1]);
    expect(distinct).toEqual(["read", "compute", "predict", "write", "pivot"]);
  });

  it("names the sheet and columns in Chinese", async () => {
    const { book, port } = bookWithTransactions(rows);
    const report = await port.run(settingsFor(rows.length, { predict: PREDICT, summaryBy: "segment" }), { locale: "zh-CN" });
    expect(report.sheets.churn).toBe(zhCN.workbook.sheets.churn);
    const churn = book.tables().find((t) => t.name === "TieringChurn")!;
    expect(churn.sheet).toBe("流失预警");
    expect(churn.header.slice(2, 4)).toEqual([zhCN.workbook.summary.segment, zhCN.predict.columns.stage]);
    const stages = new Set(Object.values(zhCN.predict.stages));
    for (const r of book.tableRows("TieringChurn")) expect(stages.has(r[3] as string)).toBe(true);
    expect(book.tables().find((t) => t.name === "TieringResults")!.header).toContain(zhCN.predict.columns.pAlive);
  });

  it("when a model cannot be fitted: still writes the tiers and lifecycle stages, and says why in the report and on the sheet", async () => {
    // One purchase each: nobody came back.
    const once = Array.from({ length: 50 }, (_, i) => [`N${i}`, 45292 + i * 5, 10 + i, "toys", 3]);
    const { book, port } = bookWithTransactions(once);
    const report = await port.run(settingsFor(once.length, { predict: PREDICT }), { locale: "en" });
    const reason = describeCoreError(new CoreError("noRepeatPurchases"), en);
    expect(report.predictNote).toBe(en.workbook.churn.failed(reason));
    expect(report.predictNote).toContain(en.errors.noRepeatPurchases);
    expect(report.customers).toBe(50);
    const header = book.tables().find((t) => t.name === "TieringResults")!.header;
    expect(header.at(-1)).toBe(p.stage);
    expect(header).not.toContain(p.pAlive);
    expect(book.tableRows("TieringResults")).toHaveLength(50);
    expect(book.tables().some((t) => t.name === "TieringChurn")).toBe(false);
    expect(book.values("Churn warning")[0][0]).toBe(report.predictNote);
    const summary = book.tables().find((t) => t.name === "TieringSummary")!;
    expect(summary.header).not.toContain(en.workbook.summary.expectedRevenue(12));
  });

  it("never overwrites a user's sheet named Churn warning, and replaces its own on the next run", async () => {
    const { book, port } = bookWithTransactions(rows);
    book.addSheet("Churn warning", [["call list", "keep"]]);
    const first = await port.run(settingsFor(rows.length, { predict: PREDICT }), { locale: "en" });
    expect(first.sheets.churn).toBe("Churn warning (2)");
    const second = await port.run(settingsFor(rows.length, { predict: PREDICT }), { locale: "en" });
    expect(second.sheets).toEqual(first.sheets);
    expect(book.values("Churn warning")).toEqual([["call list", "keep"]]);
    expect(visibleSheetNames(book)).toEqual(["Data", "Churn warning", "Tiers", "Tier Summary", "Churn warning (2)"]);
    expect(book.tables().map((t) => t.name).sort()).toEqual(["TieringChurn", "TieringHistory", "TieringResults", "TieringSummary"]);
    const owned = book.settings()["tiering.ownedSheets"] as string[];
    expect(owned.sort()).toEqual(book.sheets().filter((s) => !["Data", "Churn warning"].includes(s.name)).map((s) => s.id).sort());
  });

  it("loads settings saved before Predict existed with Predict off, and runs them", async () => {
    const { book, port } = bookWithTransactions(rows);
    const { predict: _predict, ...old } = settingsFor(rows.length);
    await book.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, old);
      await context.sync();
    });
    const loaded = await port.loadSettings();
    expect(loaded).toEqual({ ...old, predict: null });
    const report = await port.run(old as AnalysisSettings, { locale: "en" });
    expect(report.sheets.churn).toBeUndefined();
    expect(report).not.toHaveProperty("predictNote");
    expect(visibleSheetNames(book)).toEqual(["Data", "Tiers", "Tier Summary"]);
  });
});

describe("sync budget with Predict on", () => {
  /** `n` customers over a year, about 1.5 purchases each at random (so the models fit and the reads stay in their 3 syncs). */
  const twice = (n: number) => {
    let s = 11;
    const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const out: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      let day = 45292 + Math.floor(next() * 300);
      out.push([`customer-${i + 1}`, day, Math.round(next() * 20000) / 100 + 5, "", ""]);
      while (next() < 1 / 3 && day < 45292 + 360) {
        day += 1 + Math.floor(next() * 60);
        out.push([`customer-${i + 1}`, day, Math.round(next() * 20000) / 100 + 5, "", ""]);
      }
    }
    return out;
  };

  it("writes 100,000 customers and their churn warning with the same number of sync() calls as 100, each payload under 5 MB", async () => {
    const counts: number[] = [];
    for (const n of [100, 100_000]) {
      const rows = twice(n);
      const { book, port } = bookWithTransactions(rows);
      const settings = settingsFor(rows.length, { predict: PREDICT, mapping: { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 } });
      const report = await port.run(settings, { locale: "en" });
      expect(report.predictNote).toBeNull();
      expect(report.customers).toBe(n);
      expect(book.tables().find((t) => t.name === "TieringResults")!.rows).toBe(n);
      expect(book.tables().find((t) => t.name === "TieringChurn")!.rows).toBeGreaterThan(n / 4);
      const log = book.syncLog();
      counts.push(log.length);
      expectSyncsUnderLimit(log);
      expect(log.slice(1 + READ_SYNCS + CHECK_SYNCS).every((s) => s.calculationSuspended)).toBe(true);
      // 100,000 customers: about 2.75 MB in each of the 14 write syncs.
      if (n === 100_000) expect(Math.max(...log.map((s) => s.requestBytes))).toBeGreaterThan(2.5 * 1024 * 1024);
    }
    expect(counts[0]).toBe(1 + READ_SYNCS + CHECK_SYNCS + WRITE_SYNCS_PREDICT + 1 + SNAPSHOT_SYNCS);
    expect(counts[1]).toBe(counts[0]);
  }, 180_000);
});
