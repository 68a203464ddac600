/**
 * Issue 12, defect 16, in the workbook: a customer whose Margin over revenue overflows (a profit of 1e307 on
 * amounts of 0.01) has a blank Margin CLV and a warning of its own (code margin-rate-overflow) naming the
 * customer and cell, not "no revenue to weigh the margin by".
 */
import { describe, expect, it } from "vitest";
import { PREDICT_DEFAULTS } from "../../src/core/analysis/predictions";
import { createWorkbookPort } from "../../src/excel/jobs";
import type { AnalysisSettings } from "../../src/excel/port";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { createStandIn } from "../../src/standin";
import { churningTransactions, settingsFor } from "./helpers";

function book(rows: unknown[][]) {
  const b = createStandIn();
  b.addSheet("Data", [["Customer", "Date", "Amount", "Profit"], ...rows]);
  return { book: b, port: createWorkbookPort(b.host) };
}

function settings(rows: number): AnalysisSettings {
  return settingsFor(rows, {
    source: { kind: "range", sheet: "Data", address: `A1:D${rows + 1}` },
    mapping: { customer: 0, date: 1, amount: 2, quantity: -1, margin: 3, category: -1, extra: -1, order: -1 },
    predict: { ...PREDICT_DEFAULTS, margin: "column" },
  });
}

describe("a Margin rate that overflows, in the workbook", () => {
  it("leaves that customer's Margin CLV blank with its own warning, in English and Chinese", async () => {
    const rows = churningTransactions(200, 7).map((r) => (r[0] === "C5" ? [r[0], r[1], 0.01, 1e307] : [r[0], r[1], r[2], 0.3 * (r[2] as number)]));
    const firstRow = rows.findIndex((r) => r[0] === "C5");
    for (const [locale, catalog] of [["en", en], ["zh-CN", zhCN]] as const) {
      const { book: b, port } = book(rows);
      const report = await port.run(settings(rows.length), { locale });
      const notes = report.predictDiagnostics ?? [];
      expect(notes.map((d) => d.code)).toContain("margin-rate-overflow");
      expect(notes.map((d) => d.code)).not.toContain("margin-rate-out-of-range");
      const note = notes.find((d) => d.code === "margin-rate-overflow")!;
      expect(note.message).toBe(catalog.hostileNew.marginOverflowNote(1, "C5", `D${firstRow + 2}`));
      expect(note.message).not.toContain(catalog.margin.cli.noRate);
      const table = b.tables().find((t) => t.name === "TieringResults")!;
      const at = table.header.indexOf(catalog.trust.columns.clvMargin(12));
      expect(at).toBeGreaterThan(0);
      expect(b.tableRows("TieringResults").find((r) => r[0] === "C5")![at]).toBe("");
    }
  });
});
