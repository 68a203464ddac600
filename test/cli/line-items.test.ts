/**
 * `tier` reads a line-item file as the pane reads a sheet (issue 13 §5): with --quantity and --order the amount is
 * quantity × unit price, cancellations (negative lines) are left out and counted, and lines are grouped into
 * orders, by the same core function. On the same rows the command and the pane's run (the real workbook port on
 * the stand-in) give every customer the same recency, frequency, monetary, RFM code and segment.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n";
import type { AnalysisSettings } from "../../src/excel/port";
import { file, run } from "./support";

const en = messages("en");
const SAMPLE = new URL("../../../shared/data/online_retail_sample_20k.csv", import.meta.url);

/** A few invoices by hand: a cancellation ("C…", negative quantity), two lines of one invoice, a bad quantity. */
const SMALL = [
  "InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID",
  "536365,6,2010-12-01 08:26:00,2.55,17850",
  "536365,2,2010-12-01 08:26:00,10,17850",
  "C536379,-1,2010-12-01 09:41:00,27.5,17850",
  "536380,3,2010-12-02 10:00:00,1.5,13047",
  "536381,x,2010-12-03 10:00:00,1.5,13047",
  "536382,1,2010-12-04 10:00:00,100,13047",
].join("\n");

const LINE_ITEMS = ["--customer", "CustomerID", "--date", "InvoiceDate", "--amount", "UnitPrice", "--quantity", "Quantity", "--order", "InvoiceNo"];

describe("tier reads line items (--quantity, --order)", () => {
  it("multiplies quantity by unit price, groups lines into orders, leaves out cancellations and names a bad cell by its column", () => {
    const path = file("line-items.csv", SMALL);
    const r = run(["rfm", path, ...LINE_ITEMS, "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const byId = new Map(rows.map((row) => [String(row.customer_id), row]));
    // 17850: one invoice of two lines, 6 × 2.55 + 2 × 10; the cancellation is not a purchase.
    expect(byId.get("17850")).toMatchObject({ frequency: 1 });
    expect(byId.get("17850")!.monetary as number).toBeCloseTo(35.3, 9);
    // 13047: two invoices (the line with quantity "x" is left out).
    expect(byId.get("13047")).toMatchObject({ frequency: 2, monetary: 104.5 });
    expect(r.stderr).toContain('line 6, column Quantity: "x" is not a number');
    expect(r.stderr).toContain(en.predictRest.cli.returnsLeftOut(1, 4));
  });

  it("without --order every line is a purchase, as before", () => {
    const path = file("line-items-2.csv", SMALL);
    const r = run(["rfm", path, ...LINE_ITEMS.slice(0, 8), "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.find((row) => String(row.customer_id) === "17850")).toMatchObject({ frequency: 2 });
  });

  it.skipIf(!existsSync(SAMPLE))("gives the pane's numbers on the same rows (the first 4,000 lines of the Online Retail sample)", async () => {
    const csv = readFileSync(SAMPLE, "utf8").split("\n").slice(0, 4001).join("\n");
    const path = file("retail-4000.csv", csv);
    const cli = run(["rfm", path, ...LINE_ITEMS, "--format", "json"]);
    expect(cli.code).toBe(0);
    const fromCli = new Map((JSON.parse(cli.stdout) as Record<string, unknown>[]).map((row) => [String(row.customer_id), row]));

    const { createStandIn } = await import("../../src/standin");
    const { createWorkbookPort } = await import("../../src/excel/jobs");
    const book = createStandIn();
    book.addSheetFromCsv("Online Retail", csv);
    book.select("Online Retail", "A1");
    const port = createWorkbookPort(book.host);
    const preview = await port.previewSelection("auto", "en");
    const col = (name: string) => preview.header.indexOf(name);
    const settings: AnalysisSettings = {
      source: preview.source,
      hasHeader: true,
      mapping: { customer: col("CustomerID"), date: col("InvoiceDate"), amount: col("UnitPrice"), quantity: col("Quantity"), margin: -1, category: -1, extra: -1, order: col("InvoiceNo") },
      asOf: null,
      rfm: { bins: 5, breakpoints: null, scheme: "rfm" },
      abc: null,
      clv: null,
      predict: null,
      summaryBy: "segment",
      strategies: {},
    };
    const report = await port.run(settings, { locale: "en" });
    const table = book.tables().find((t) => t.name === "TieringResults")!;
    const h = en.workbook.columns;
    const at = (name: string) => table.header.indexOf(name);
    const rows = book.tableRows("TieringResults");
    expect(rows.length).toBe(fromCli.size);
    expect(report.customers).toBe(fromCli.size);
    for (const row of rows) {
      const c = fromCli.get(String(row[at(h.customer)]))!;
      expect(c, String(row[at(h.customer)])).toBeDefined();
      expect([row[at(h.recencyDays)], row[at(h.frequency)], row[at(h.rfmCode)], row[at(h.segment)]]).toEqual([c.recency_days, c.frequency, String(c.rfm), c.segment]);
      expect(row[at(h.monetary)] as number).toBeCloseTo(c.monetary as number, 2);
    }
  }, 60_000);
});
