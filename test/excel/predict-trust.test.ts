/**
 * Issue 13 §1 in the workbook: a Predict run reports the fit's diagnostics for the pane's warning bar,
 * and when dropout is not identified the Churn warning sheet is ranked by silence against each
 * customer's own rate (not by P(alive), which is ≈ 1 for all) and the report says so.
 */
import { describe, expect, it } from "vitest";
import { PREDICT_DEFAULTS } from "../../src/core/analysis/predictions";
import { en } from "../../src/i18n/en";
import { bookWithTransactions, churningTransactions, settingsFor } from "./helpers";

/** 200 customers who each buy every 5 to 24 days all year: nobody drops out, so dropout is not identified. */
function loyalTransactions(): unknown[][] {
  const rows: unknown[][] = [];
  const start = 45292; // 2024-01-01
  for (let c = 0; c < 200; c++) {
    const gap = 5 + (c % 20);
    for (let day = c % 30; day <= 360; day += gap) rows.push([`C${c}`, start + day, 10 + (c % 7), "toys", 1]);
  }
  return rows;
}

describe("Predict run: diagnostics and an honest churn ranking", () => {
  it("reports dropout-not-identified and ranks the churn warning by silence", async () => {
    const rows = loyalTransactions();
    const { book, port } = bookWithTransactions(rows);
    const report = await port.run(settingsFor(rows.length, { predict: { ...PREDICT_DEFAULTS } }), { locale: "en" });
    const codes = (report.predictDiagnostics ?? []).map((d) => d.code);
    expect(codes).toContain("dropout-not-identified");
    expect(report.predictDiagnostics!.find((d) => d.code === "dropout-not-identified")!.message).toContain("longer history");
    expect(report.churnRankedBy).toBe(en.trust.pane.churnRankedBy);
    // Under P(alive) every risk would be ≈ 0; ranked by silence, the list holds real risks.
    const churn = book.tableRows("TieringChurn");
    const header = book.tables().find((t) => t.name === "TieringChurn")!.header as string[];
    const riskAt = header.indexOf(en.predict.columns.churnRisk);
    expect(riskAt).toBeGreaterThan(0);
    const risks = churn.map((r) => Number(r[riskAt]));
    expect(risks.length).toBeGreaterThan(20);
    expect(Math.max(...risks)).toBeGreaterThan(0.3);
    for (const r of risks) expect(r >= 0 && r <= 1).toBe(true);
  });

  it("reports no diagnostics and ranks by P(alive) when the fit is sound", async () => {
    const rows = churningTransactions(300, 5);
    const { port } = bookWithTransactions(rows);
    const report = await port.run(settingsFor(rows.length, { predict: { ...PREDICT_DEFAULTS } }), { locale: "en" });
    expect((report.predictDiagnostics ?? []).map((d) => d.code)).not.toContain("dropout-not-identified");
    expect(report.churnRankedBy).toBeNull();
  });
});
