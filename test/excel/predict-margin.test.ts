/**
 * Issue 13 §3–4 in the workbook: Predict's margin (one rate, or each customer's rate from the Margin column)
 * adds Margin CLV to the Tiers sheet and per tier to the Tier Summary; the Tiers and Churn warning sheets
 * gain the next-purchase columns. Checked against the core, with the run's sync count unchanged.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { serialFromParts } from "../../src/core/cells/dates";
import { PREDICT_DEFAULTS } from "../../src/core/analysis/predictions";
import { runAnalysis } from "../../src/core/analysis/run";
import { nextPurchase } from "../../src/core/models/next-purchase";
import { calibrationSummary, monthsIn } from "../../src/core/models/calibration";
import { readTransactions } from "../../src/core/transactions/read";
import { createWorkbookPort } from "../../src/excel/jobs";
import type { AnalysisSettings, PredictSettings } from "../../src/excel/port";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { createStandIn } from "../../src/standin";
import { churningTransactions, settingsFor } from "./helpers";

/** churningTransactions with a Profit column (gross profit): 20 % or 50 % of the amount by row, so customers' rates differ. */
function withProfit(rows: unknown[][], bad: string | null = null): unknown[][] {
  return rows.map((r, i) => [r[0], r[1], r[2], (r[0] === bad ? 1.4 : i % 3 === 0 ? 0.5 : 0.2) * (r[2] as number)]);
}

function book(rows: unknown[][]) {
  const b = createStandIn();
  b.addSheet("Data", [["Customer", "Date", "Amount", "Profit"], ...rows]);
  return { book: b, port: createWorkbookPort(b.host) };
}

function settings(rows: number, predict: Partial<PredictSettings>, marginMapped = true): AnalysisSettings {
  return settingsFor(rows, {
    source: { kind: "range", sheet: "Data", address: `A1:D${rows + 1}` },
    mapping: { customer: 0, date: 1, amount: 2, quantity: -1, margin: marginMapped ? 3 : -1, category: -1, extra: -1, order: -1 },
    predict: { ...PREDICT_DEFAULTS, ...predict },
  });
}

const col = (header: readonly unknown[], name: string) => {
  const k = header.indexOf(name);
  if (k < 0) throw new Error(`no column "${name}" in ${JSON.stringify(header)}`);
  return k;
};

describe("Predict's margin and next purchase in the workbook", () => {
  const rows = withProfit(churningTransactions(200, 7));
  const clvHeader = en.workbook.columns.predictedClv(12);
  const marginHeader = en.trust.columns.clvMargin(12);

  it("Margin column: each customer's Margin CLV is CLV × Σ profit / Σ amount, as the core computes; the summary sums it per tier", async () => {
    const { book: b, port } = book(rows);
    const report = await port.run(settings(rows.length, { margin: "column" }), { locale: "en" });
    expect(report.predictNote).toBeNull();
    const table = b.tables().find((t) => t.name === "TieringResults")!;
    const body = b.tableRows("TieringResults");
    const at = { id: 0, clv: col(table.header, clvHeader), margin: col(table.header, marginHeader) };
    expect(at.margin).toBe(at.clv + 1);
    const sums = new Map<unknown, { p: number; a: number }>();
    for (const r of rows) {
      const e = sums.get(r[0]) ?? { p: 0, a: 0 };
      e.p += r[3] as number;
      e.a += r[2] as number;
      sums.set(r[0], e);
    }
    // The core's own numbers for the same columns.
    const cells = (k: number) => rows.map((r) => r[k]);
    const core = runAnalysis({ customers: cells(0), dates: cells(1), amounts: cells(2), margins: cells(3) }, { rfm: { bins: 5, scheme: "rfm" }, abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" }, clv: { margin: 0.3, retention: 0.8, discount: 0.1, years: 3 }, tierBy: "abcClass", predict: { ...PREDICT_DEFAULTS, margin: "column" } });
    const model = core.predict!.model!;
    let varied = 0;
    for (const row of body) {
      const e = sums.get(row[at.id])!;
      const rate = e.p / e.a;
      if (Math.abs(rate - 0.3) > 0.02) varied++;
      expect(row[at.margin] as number).toBeCloseTo((row[at.clv] as number) * rate, 1);
      const c = core.customerIds.indexOf(row[at.id] as string);
      expect(row[at.margin] as number).toBeCloseTo(model.clvMargin![c], 2);
    }
    expect(varied).toBeGreaterThan(5);
    const summary = b.tables().find((t) => t.name === "TieringSummary")!;
    const sm = col(summary.header, marginHeader);
    expect(col(summary.header, en.workbook.summary.expectedRevenue(12))).toBe(sm - 1);
    const perTier = b.tableRows("TieringSummary").reduce((s, t) => s + (t[sm] as number), 0);
    expect(perTier).toBeCloseTo(body.reduce((s, r) => s + (r[at.margin] as number), 0), 0);
    expect(b.numberFormats("Tier Summary", "A2:Z2")[0][sm]).toBe("#,##0.00");
  });

  it("one rate: Margin CLV = CLV × the rate; no margin, no column; the sync count is the same with or without", async () => {
    const one = book(rows);
    await one.port.run(settings(rows.length, { margin: 0.25 }), { locale: "en" });
    const table = one.book.tables().find((t) => t.name === "TieringResults")!;
    const clvAt = col(table.header, clvHeader);
    const marginAt = col(table.header, marginHeader);
    for (const row of one.book.tableRows("TieringResults")) expect(row[marginAt] as number).toBeCloseTo((row[clvAt] as number) * 0.25, 1);
    const none = book(rows);
    await none.port.run(settings(rows.length, {}), { locale: "en" });
    expect(none.book.tables().find((t) => t.name === "TieringResults")!.header).not.toContain(marginHeader);
    expect(none.book.tables().find((t) => t.name === "TieringSummary")!.header).not.toContain(marginHeader);
    expect(one.book.syncLog().length).toBe(none.book.syncLog().length);
  });

  it("next purchase on Tiers and Churn warning: the core's answers over the window, for BG/NBD and Pareto/NBD", async () => {
    // Pareto/NBD on CDNOW's first 1,000 rows (it fits there in well under its time budget; on the churning rows it does not).
    const cdnow = readFileSync(new URL("../../../shared/data/CDNOW_sample.txt", import.meta.url), "utf8").trim().split(/\r?\n/).slice(0, 1000)
      .map((l) => l.trim().split(/\s+/))
      .map((r) => [r[1], serialFromParts(+r[2].slice(0, 4), +r[2].slice(4, 6), +r[2].slice(6, 8)), +r[4], 0.3 * +r[4]]);
    const cases = [
      { model: "bgnbd" as const, data: rows, asOf: null },
      { model: "paretoNbd" as const, data: cdnow, asOf: "1997-09-30" },
    ];
    for (const { model, data, asOf } of cases) {
      const { book: b, port } = book(data);
      await port.run({ ...settings(data.length, { model, withinMonths: 6 }), asOf }, { locale: "en" });
      const tiers = b.tables().find((t) => t.name === "TieringResults")!;
      const t = en.trust.columns;
      const heads = [en.margin.columns.pPurchaseWithin("6"), t.expectedWait("weeks"), t.medianWait("weeks"), t.overdue];
      const at = heads.map((h) => col(tiers.header, h));
      // The core with the same settings, then next-purchase from its fitted parameters on the models' summary.
      const cells = (k: number) => data.map((r) => r[k]);
      const end = asOf === null ? null : serialFromParts(1997, 9, 30);
      const core = runAnalysis({ customers: cells(0), dates: cells(1), amounts: cells(2) }, { rfm: { bins: 5, scheme: "rfm" }, tierBy: "segment", asOf: end, predict: { ...PREDICT_DEFAULTS, model, withinMonths: 6 } });
      const fit = core.predict!.model!.counts;
      expect(fit.model).toBe(model);
      const s = calibrationSummary(readTransactions({ customers: cells(0), dates: cells(1), amounts: cells(2) }), { unit: "week", calibrationEnd: end });
      const next = nextPurchase(fit, s, monthsIn("week", 6));
      const byId = new Map(s.customerIds.map((id, k) => [String(id), k]));
      let overdue = 0;
      for (const row of b.tableRows("TieringResults")) {
        const k = byId.get(String(row[0]))!;
        expect(row[at[0]] as number).toBeCloseTo(next.pPurchaseWithin[k], 5);
        if (Number.isFinite(next.expectedWait[k])) expect(row[at[1]] as number).toBeCloseTo(next.expectedWait[k], 2);
        else expect(row[at[1]]).toBe("");
        expect(row[at[2]] as number).toBeCloseTo(next.medianWait[k], 2);
        expect(row[at[3]]).toBe(next.overdue[k] ? t.overdueYes : "");
        overdue += next.overdue[k];
      }
      expect(overdue).toBeGreaterThan(0);
      const churn = b.tables().find((x) => x.name === "TieringChurn")!;
      const cat = heads.map((h) => col(churn.header, h));
      const list = b.tableRows("TieringChurn");
      expect(list.length).toBeGreaterThan(5);
      for (const row of list.slice(0, 30)) {
        const k = byId.get(String(row[1]))!;
        expect(row[cat[0]] as number).toBeCloseTo(next.pPurchaseWithin[k], 5);
        expect(row[cat[2]] as number).toBeCloseTo(next.medianWait[k], 2);
      }
    }
  });

  it("a customer whose profit exceeds their revenue: Margin CLV blank, named by cell in the warning; Chinese headers", async () => {
    const bad = withProfit(churningTransactions(200, 7), "C5");
    const { book: b, port } = book(bad);
    const report = await port.run(settings(bad.length, { margin: "column" }), { locale: "en" });
    const note = report.predictDiagnostics!.find((d) => d.code === "margin-rate-out-of-range")!;
    const firstRow = bad.findIndex((r) => r[0] === "C5");
    expect(note.message).toContain(`customer C5, from D${firstRow + 2}: 140%`);
    const table = b.tables().find((t) => t.name === "TieringResults")!;
    const row = b.tableRows("TieringResults").find((r) => r[0] === "C5")!;
    expect(row[col(table.header, marginHeader)]).toBe("");
    const zh = book(rows);
    await zh.port.run(settings(rows.length, { margin: 0.3 }), { locale: "zh-CN" });
    const header = zh.book.tables().find((t) => t.name === "TieringResults")!.header;
    expect(header).toContain(zhCN.trust.columns.clvMargin(12));
    expect(header).toContain(zhCN.margin.columns.pPurchaseWithin("3"));
  });

  it("refuses the Margin column when none is mapped, and a rate or window out of bounds, before reading a row", async () => {
    const { port } = book(rows);
    await expect(port.run(settings(rows.length, { margin: "column" }, false), { locale: "en" })).rejects.toThrow(en.margin.settings.needsColumn);
    await expect(port.run(settings(rows.length, { margin: 1.5 }), { locale: "en" })).rejects.toThrow(en.margin.settings.rate("1.5"));
    await expect(port.run(settings(rows.length, { withinMonths: 0 }), { locale: "en" })).rejects.toThrow(en.margin.settings.within("0"));
  });
});
