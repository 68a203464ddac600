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
  MigrationReport,
  PilotComparisonReport,
  PilotInfo,
  PilotRequest,
  Progress,
  RunOptions,
  RunReport,
  SnapshotInfo,
  SourcePreview,
  SourceRef,
  TableInfo,
  WorkbookPort,
  CohortRequest,
  CohortsReport,
  HistoryOptions,
  HistoryReport,
  HistoryRequest,
  MoversReport,
  TrendsReport,
  ModelCheckReport,
  OverridesTableInfo,
  ModelCheckRequest,
  LevelExamples,
  LevelExamplesRequest,
  LevelsReport,
  LevelsRequest,
} from "../../../src/excel/port";
import { keyLabel as tierLabelOf } from "../../../src/i18n/tier-names";
import { messages } from "../../../src/i18n";

export const ORDERS_HEADER = ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

/** The tiers of the scripted snapshots, keys as the history keeps them. */
export const SEGMENT_TIERS: SnapshotInfo["tiers"] = [
  { key: "champions", builtIn: true },
  { key: "loyalCustomers", builtIn: true },
  { key: "lost", builtIn: true },
];

/** How the scripted segment snapshots were tiered (opaque to the pane: it only compares keys). */
export const SEGMENT_TIERING = '{"scheme":"rfm","tierBy":"segment"}';

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
  snapshot: { id: "s2", asOf: "2011-12-09", tierBy: "segment", customers: 3210, savedAt: "2011-12-10T09:30:00Z", tiers: SEGMENT_TIERS, tiering: SEGMENT_TIERING },
  snapshotNote: null,
  upgrade: [
    { customer: "12347", tier: "Loyal", nextTier: "Champions", gap: 130, gapKind: "purchase", orders: 1, cell: { sheet: "Tiers", address: "A2" } },
    { customer: "12350", tier: "Promising", nextTier: "Potential loyalist", gap: 0, gapKind: "purchase", orders: 2, cell: { sheet: "Tiers", address: "A5" } },
  ],
};

/** Two snapshots of the workbook's history (oldest first), as `listSnapshots` gives them. */
export const SNAPSHOTS: SnapshotInfo[] = [
  { id: "s1", asOf: "2011-06-30", tierBy: "segment", customers: 2950, savedAt: "2011-07-01T08:00:00Z", tiers: SEGMENT_TIERS, tiering: SEGMENT_TIERING },
  { id: "s2", asOf: "2011-12-09", tierBy: "segment", customers: 3210, savedAt: "2011-12-10T09:30:00Z", tiers: SEGMENT_TIERS, tiering: SEGMENT_TIERING },
];

export const MIGRATION: MigrationReport = {
  before: SNAPSHOTS[0],
  after: SNAPSHOTS[1],
  sheet: "Tier migration",
  tiers: ["Champions", "Loyal", "Lost"],
  summary: { customers: 2950, upgradeRate: 0.18, downgradeRate: 0.22, changeRate: 0.4, stayRate: 0.5, goneRate: 0.1, newCustomers: 555 },
  effects: [
    { tier: "Champions", customers: 300, retentionRate: 0.95, repurchaseRate: 0.8, revenueBefore: 90000, revenueAfter: 99000, revenueChange: 0.1 },
    { tier: "Loyal", customers: 900, retentionRate: 0.9, repurchaseRate: 0.6, revenueBefore: 120000, revenueAfter: 114000, revenueChange: -0.05 },
    { tier: "Lost", customers: 1750, retentionRate: 0.85, repurchaseRate: 0.1, revenueBefore: 30000, revenueAfter: 6000, revenueChange: -0.8 },
  ],
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
  /** The workbook's history (`listSnapshots`), and what `compareSnapshots` resolves with (its before/after follow the ids asked for). */
  snapshots: SnapshotInfo[] = [...SNAPSHOTS];
  migration: MigrationReport = MIGRATION;
  /** The pilots picked so far (`pickPilot` adds one); `dynamicError` makes the snapshot and pilot methods reject with it. */
  pilots: PilotInfo[] = [];
  dynamicError: Error | null = null;
  /** What `comparePilot` resolves with, apart from the pilot and snapshot it was asked about. */
  pilotComparison: Omit<PilotComparisonReport, "pilot" | "after"> = {
    repurchase: { pilot: 0.42, control: 0.3, difference: 0.12, low: 0.02, high: 0.22 },
    revenue: { pilot: 85, control: 60, difference: 25, low: -5, high: 55 },
    confidence: 0.95,
    sheet: "Pilot",
  };
  private release: (() => void) | null = null;
  private holding = false;
  /** While set, buildChart and the Compare & pilot jobs wait for it (`holdJobs`). */
  private gate: Promise<void> | null = null;

  /** Chart building and the Compare & pilot jobs wait until the returned function is called. */
  holdJobs(): () => void {
    let open!: () => void;
    this.gate = new Promise<void>((resolve) => (open = resolve));
    return () => {
      this.gate = null;
      open();
    };
  }

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

  protected log(method: keyof WorkbookPort, ...args: unknown[]) {
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
    await this.gate;
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

  private snapshot(id: string): SnapshotInfo {
    const found = this.snapshots.find((snapshot) => snapshot.id === id);
    if (!found) throw new Error(`There is no snapshot ${id} in this workbook's history.`);
    return found;
  }

  async listSnapshots(locale?: string) {
    this.log("listSnapshots", locale);
    if (this.dynamicError) throw this.dynamicError;
    return [...this.snapshots];
  }

  async compareSnapshots(beforeId: string, afterId: string, locale: string): Promise<MigrationReport> {
    this.log("compareSnapshots", beforeId, afterId, locale);
    await this.gate;
    if (this.dynamicError) throw this.dynamicError;
    return { ...this.migration, before: this.snapshot(beforeId), after: this.snapshot(afterId) };
  }

  async pickPilot(request: PilotRequest, locale: string): Promise<PilotInfo> {
    this.log("pickPilot", request, locale);
    await this.gate;
    if (this.dynamicError) throw this.dynamicError;
    const snapshot = this.snapshot(request.snapshotId);
    const tierCustomers = 200;
    const pilot: PilotInfo = {
      ...request,
      id: `p${this.pilots.length + 1}`,
      asOf: snapshot.asOf,
      tierLabel: this.tierLabel(request, locale),
      pilot: Math.round(request.share * tierCustomers),
      control: Math.round(request.controlShare * tierCustomers),
      sheet: "Pilot",
    };
    this.pilots.push(pilot);
    return pilot;
  }

  /** As the workbook port names a pilot's tier: from its key, in the language asked for. */
  private tierLabel(pilot: Pick<PilotInfo, "snapshotId" | "tier">, locale: string | undefined): string {
    const snapshot = this.snapshots.find((s) => s.id === pilot.snapshotId);
    const builtIn = snapshot?.tiers.find((t) => t.key === pilot.tier)?.builtIn ?? false;
    return snapshot ? tierLabelOf(snapshot.tierBy, pilot.tier, builtIn, messages(locale === "zh-CN" ? "zh-CN" : "en")) : pilot.tier;
  }

  async listPilots(locale?: string) {
    this.log("listPilots", locale);
    if (this.dynamicError) throw this.dynamicError;
    return this.pilots.map((p) => ({ ...p, tierLabel: this.tierLabel(p, locale) }));
  }

  async comparePilot(pilotId: string, afterSnapshotId: string, locale: string): Promise<PilotComparisonReport> {
    this.log("comparePilot", pilotId, afterSnapshotId, locale);
    await this.gate;
    if (this.dynamicError) throw this.dynamicError;
    const pilot = this.pilots.find((p) => p.id === pilotId);
    if (!pilot) throw new Error(`There is no pilot ${pilotId} in this workbook.`);
    return { ...this.pilotComparison, pilot: { ...pilot, tierLabel: this.tierLabel(pilot, locale) }, after: this.snapshot(afterSnapshotId) };
  }

  /** Over time: what `rebuildHistory` adds to the history (and reports), `overTimeError` makes its methods reject. */
  rebuilt: SnapshotInfo[] = [
    { id: "s3", asOf: "2011-10-31", tierBy: "segment", customers: 3000, savedAt: "2011-12-10T10:00:00Z", tiers: SEGMENT_TIERS, tiering: SEGMENT_TIERING, backfilled: true },
    { id: "s4", asOf: "2011-11-30", tierBy: "segment", customers: 3100, savedAt: "2011-12-10T10:00:00Z", tiers: SEGMENT_TIERS, tiering: SEGMENT_TIERING, backfilled: true },
  ];
  overTimeError: Error | null = null;
  /** The next rebuild reports progress and waits until `finishRun()` or its signal aborts. */
  holdRebuild = false;

  async rebuildHistory(settings: AnalysisSettings, request: HistoryRequest, options: HistoryOptions): Promise<HistoryReport> {
    this.log("rebuildHistory", settings, request, options.locale);
    options.onProgress?.({ phase: "read", fraction: 0.1 });
    options.onProgress?.({ phase: "compute", fraction: 0.5 });
    if (this.holdRebuild) {
      this.holdRebuild = false;
      await new Promise<void>((resolve, reject) => {
        this.release = resolve;
        options.signal?.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError")));
      });
    }
    if (this.overTimeError) throw this.overTimeError;
    this.snapshots.push(...this.rebuilt);
    return { snapshots: this.rebuilt, replaced: 1, dropped: 0, quality: REPORT.quality, frozenAt: request.freezeAt === "first" ? this.rebuilt[0].asOf : null };
  }

  /** The notice the over-time jobs' reports carry (issue 11: a sheet kept because the person edited it); none when null. */
  keptNote: string | null = null;
  private kept = () => (this.keptNote ? { keptNote: this.keptNote } : {});

  async writeMovers(beforeId: string, afterId: string, locale: string): Promise<MoversReport> {
    this.log("writeMovers", beforeId, afterId, locale);
    await this.gate;
    if (this.overTimeError) throw this.overTimeError;
    return {
      before: this.snapshot(beforeId),
      after: this.snapshot(afterId),
      sheet: "Movers",
      table: "TieringMovers",
      customers: 3600,
      counts: { up: 0, down: 0, same: 1500, changed: 1000, new: 650, gone: 450 },
      ordered: false,
      tiers: ["Champions", "Loyal", "Lost"],
      pairs: [
        { was: "Champions", now: "Lost", customers: 40 },
        { was: "Champions", now: "Champions", customers: 260 },
        { was: "", now: "Lost", customers: 650 },
        { was: "Loyal", now: "", customers: 450 },
      ],
      ...this.kept(),
    };
  }

  async filterMovers(was: string | null, now: string | null, locale: string): Promise<void> {
    this.log("filterMovers", was, now, locale);
    if (this.overTimeError) throw this.overTimeError;
  }

  async writeTrends(locale: string): Promise<TrendsReport> {
    this.log("writeTrends", locale);
    if (this.overTimeError) throw this.overTimeError;
    return { sheet: "Tier trends", dates: this.snapshots.map((s) => s.asOf), tiers: ["Champions", "Loyal", "Lost"], skipped: 0, charts: ["Tier trends (line)", "Tier trends (area)"], ...this.kept() };
  }

  async writeCohorts(settings: AnalysisSettings, request: CohortRequest, locale: string): Promise<CohortsReport> {
    this.log("writeCohorts", settings, request, locale);
    if (this.overTimeError) throw this.overTimeError;
    return { sheet: "Cohorts", cohorts: 13, periods: 13, quality: REPORT.quality, chart: "Cohort retention", firstTiers: request.firstTier ? 3 : null, ...this.kept() };
  }

  /** What `checkModel` resolves with; `checkError` makes it reject with that error instead. */
  modelCheck: ModelCheckReport = {
    sheet: "Model check",
    calibrationStart: "2010-12-01",
    calibrationEnd: "2011-08-05",
    holdoutEnd: "2011-12-09",
    defaultCalibrationEnd: true,
    customers: 180,
    totalPredicted: 151.2,
    totalActual: 198,
    mae: 0.9,
    rmse: 1.7,
    bias: -0.26,
    diagnostics: [{ code: "dropout-not-identified", message: "Dropout is not identified." }],
    charts: ["Model check (repeat purchases)", "Model check (tracking)", "Model check (P(alive))"],
  };
  checkError: Error | null = null;

  async checkModel(settings: AnalysisSettings, request: ModelCheckRequest, locale: string): Promise<ModelCheckReport> {
    this.log("checkModel", settings, request, locale);
    if (this.checkError) throw this.checkError;
    return this.modelCheck;
  }

  /** What `writeLevels` resolves with (issue 15 §1); `levelsError` makes it and `levelExamples` reject with that error. */
  levels: LevelsReport = {
    sheets: { levels: "Levels", changes: "Level changes", warnings: "Downgrade warnings" },
    asOf: "2011-12-09",
    nextReview: "2011-12-31",
    reviews: { first: "2010-12-31", last: "2011-12-09", count: 13 },
    customers: 3210,
    perLevel: [
      { level: "Member", customers: 1500 },
      { level: "Silver", customers: 700 },
      { level: "Gold", customers: 300 },
    ],
    noLevel: 710,
    warnings: 42,
    changes: 5120,
  };
  /** What `levelExamples` resolves with: the metric at the median, 75th, 90th and 97th percentile. */
  examples: LevelExamples = { asOf: "2011-12-09", customers: 3210, quantiles: [480.4, 1234.5, 3190, 8421.7] };
  levelsError: Error | null = null;

  async writeLevels(settings: AnalysisSettings, request: LevelsRequest, locale: string): Promise<LevelsReport> {
    this.log("writeLevels", settings, request, locale);
    if (this.levelsError) throw this.levelsError;
    return { ...this.levels, ...this.kept() };
  }

  async levelExamples(settings: AnalysisSettings, request: LevelExamplesRequest, locale: string): Promise<LevelExamples> {
    this.log("levelExamples", settings, request, locale);
    if (this.levelsError) throw this.levelsError;
    return this.examples;
  }

  /** The overrides table (issue 15 §2): null until `addOverridesTable` adds it (or a test sets it). */
  overridesTable: OverridesTableInfo | null = null;

  async findOverridesTable(locale?: string): Promise<OverridesTableInfo | null> {
    this.log("findOverridesTable", locale);
    return this.overridesTable;
  }

  async addOverridesTable(locale: string): Promise<OverridesTableInfo & { created: boolean }> {
    this.log("addOverridesTable", locale);
    if (this.overridesTable) return { ...this.overridesTable, created: false };
    this.overridesTable = { sheet: locale === "zh-CN" ? "人工调整" : "Overrides", address: "A1", rows: 1 };
    return { ...this.overridesTable, created: true };
  }
}
