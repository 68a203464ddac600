/**
 * A small WorkbookPort for the pane's component tests: a fixed selection and table, scripted results, and a log
 * of every call. `run` can be held open (to see progress and press Cancel) with `holdRun`.
 */
import type {
  AnalysisSettings,
  CellRef,
  ChartKind,
  ChartReport,
  HeaderChoice,
  Progress,
  RunOptions,
  RunReport,
  SourcePreview,
  SourceRef,
  TableInfo,
  WorkbookPort,
} from "../../../src/excel/port";

export const ORDERS_HEADER = ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

export const REPORT: RunReport = {
  quality: {
    rowsRead: 20000,
    rowsUsed: 14512,
    leftOut: { blankCustomer: 5078, returns: 410 },
    firstProblem: { cell: { sheet: "Orders", address: "E2" }, message: "Row 2: the customer is blank." },
  },
  customers: 3210,
  tiers: 11,
  sheets: { results: "Tiers", summary: "Tier Summary" },
  pivot: false,
  pivotNote: "PivotTables need ExcelApi 1.8.",
};

export interface Call {
  method: keyof WorkbookPort;
  args: unknown[];
}

export class FakePort implements WorkbookPort {
  calls: Call[] = [];
  saved: AnalysisSettings | null = null;
  tables: TableInfo[] = [{ name: "Orders", sheet: "Orders", address: "A1:F20001", rows: 20000 }];
  runError: Error | null = null;
  /** What `run` resolves with. */
  report: RunReport = REPORT;
  /** Progress the run reports before it is held or finishes. */
  progress: Progress[] = [
    { phase: "read", fraction: 0.1 },
    { phase: "compute", fraction: 0.5 },
  ];
  chartError: Error | null = null;
  /** What "auto" header detection decides. */
  detectedHeader = true;
  private release: (() => void) | null = null;
  private holding = false;

  constructor(saved: AnalysisSettings | null = null) {
    this.saved = saved;
  }

  /** The next run reports progress and then waits until `finishRun()` or its signal aborts. */
  holdRun() {
    this.holding = true;
  }

  finishRun() {
    this.release?.();
  }

  private log(method: keyof WorkbookPort, ...args: unknown[]) {
    this.calls.push({ method, args });
  }

  called(method: keyof WorkbookPort): Call[] {
    return this.calls.filter((call) => call.method === method);
  }

  private preview(source: SourceRef, choice: HeaderChoice): SourcePreview {
    const hasHeader = choice === "auto" ? this.detectedHeader : choice;
    return {
      source,
      header: hasHeader ? ORDERS_HEADER : ORDERS_HEADER.map((_, i) => `Column ${String.fromCharCode(65 + i)}`),
      hasHeader,
      headerDetected: choice === "auto",
      sample: [["536365", 6, "2010-12-01 08:26:00", 2.55, 17850, "United Kingdom"]],
      rows: hasHeader ? 20000 : 20001,
    };
  }

  async listTables(locale?: string) {
    this.log("listTables", locale);
    return this.tables;
  }

  async previewSelection(hasHeader: HeaderChoice) {
    this.log("previewSelection", hasHeader);
    return this.preview({ kind: "range", sheet: "Orders", address: "A1:F20001" }, hasHeader);
  }

  async previewSource(source: SourceRef, hasHeader: HeaderChoice) {
    this.log("previewSource", source, hasHeader);
    return this.preview(source, hasHeader);
  }

  async run(settings: AnalysisSettings, options: RunOptions): Promise<RunReport> {
    this.log("run", settings, options.locale);
    for (const step of this.progress) options.onProgress?.(step);
    if (this.holding) {
      this.holding = false;
      await new Promise<void>((resolve, reject) => {
        this.release = resolve;
        options.signal?.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError")));
      });
    }
    if (this.runError) throw this.runError;
    options.onProgress?.({ phase: "write", fraction: 1 });
    // As the workbook port does: a run saves its settings in the document with its results.
    this.saved = settings;
    return this.report;
  }

  async buildChart(kind: ChartKind): Promise<ChartReport> {
    this.log("buildChart", kind);
    if (this.chartError) throw this.chartError;
    return { kind, sheet: "Tier Summary", name: `Tier chart (${kind})` };
  }

  async buildLastChart(): Promise<ChartReport> {
    this.log("buildLastChart");
    if (this.chartError) throw this.chartError;
    return { kind: "column", sheet: "Tier Summary", name: "Tier chart (column)" };
  }

  async selectCell(cell: CellRef, locale?: string) {
    this.log("selectCell", cell, locale);
  }

  /** When set, loadSettings rejects with it (a workbook whose saved settings cannot be read). */
  loadError: Error | null = null;

  async loadSettings(locale?: string) {
    this.log("loadSettings", locale);
    if (this.loadError) throw this.loadError;
    return this.saved;
  }

  async saveSettings(settings: AnalysisSettings, locale?: string) {
    this.log("saveSettings", settings, locale);
    this.saved = settings;
  }
}
