/**
 * The run's final sync, once the rows are written: the tables (named beside the user's), the summary sheet
 * and its PivotTable (or the note why not), the last run's record the charts read, and the settings, so Run
 * repeats the analysis on new data. It also reads the history's index and the pilots again for the snapshot.
 */
import { tierLabel } from "../../i18n/tier-names";
import { scatterAt } from "../charts";
import { addPivot } from "../pivot";
import { a1, a1Range } from "../read";
import { queueBlock } from "../results";
import { LAST_RUN_KEY, loadBookState, SETTINGS_KEY, type BookState, type LastRun } from "../settings";
import { customerSample, scatterBlock, scatterInput } from "../scatter";
import { freeName } from "../sheets";
import { summaryLayout } from "../summary";
import type { Computed } from "./run-compute";
import type { RunJob } from "./run-job";
import type { RunSheets, WritePlan } from "./run-write";
import { tierColumnKey } from "../overrides";

export const RESULTS_TABLE = "TieringResults";
export const SUMMARY_TABLE = "TieringSummary";
export const CHURN_TABLE = "TieringChurn";

export interface Finished {
  pivot: boolean;
  pivotNote: string | null;
  /** Every table name in use after the run, for the history's own table. */
  tableNames: string[];
  /** The history's index and the pilots as they are now: whether the latest snapshot may be replaced is decided on these (a pilot picked from it meanwhile keeps it). */
  bookNow: () => BookState;
}

export async function finish(job: RunJob, p: WritePlan, computed: Computed, sheets: RunSheets, extraName: string): Promise<Finished> {
  const { context, settings, m } = job;
  // The summary, charts, scatter and PivotTable count the final tiers (people's overrides applied; issue 15 §2).
  const a = computed.final;
  const wb = context.workbook;
  const { columns, customers, warn, warnColumns } = p;
  const width = columns.length;
  const resultsSheet = sheets.results;
  const summarySheet = sheets.summary;
  job.suspend();
  const tableNames = sheets.tables.items.map((t) => t.name);
  const resultsTableName = freeName(RESULTS_TABLE, tableNames);
  const summaryTableName = freeName(SUMMARY_TABLE, [...tableNames, resultsTableName]);
  const resultsTable = resultsSheet.tables.add(a1Range(0, 0, customers + 1, width), true);
  resultsTable.name = resultsTableName;
  resultsSheet.getRange(a1Range(0, 0, Math.min(customers, 200) + 1, width)).format.autofitColumns();
  if (sheets.churn && warn && warnColumns) {
    // An empty list still gets its table (header and one blank row), so a formula can refer to it.
    const churnTable = sheets.churn.tables.add(a1Range(0, 0, Math.max(warn.rows.length, 1) + 1, warnColumns.length), true);
    churnTable.name = freeName(CHURN_TABLE, [...tableNames, resultsTableName, summaryTableName]);
    sheets.churn.getRange(a1Range(0, 0, Math.min(warn.rows.length, 200) + 1, warnColumns.length)).format.autofitColumns();
  }

  const strategies = settings.strategies ?? {};
  const layout = summaryLayout(a, m, strategies, extraName, settings.economics ?? null);
  queueBlock(summarySheet, layout.table);
  const summaryTable = summarySheet.tables.add(a1Range(0, 0, layout.table.values.length, layout.table.values[0].length), true);
  summaryTable.name = summaryTableName;
  if (layout.heatTitle && layout.heat) {
    queueBlock(summarySheet, layout.heatTitle).format.font.bold = true;
    const heat = queueBlock(summarySheet, layout.heat);
    heat.getRow(0).format.font.bold = true;
    heat.getColumn(0).format.font.bold = true;
    if (layout.heatNote) queueBlock(summarySheet, layout.heatNote).format.font.italic = true;
  }
  summarySheet.getRange(a1Range(0, 0, layout.table.values.length, layout.table.values[0].length)).format.autofitColumns();

  const pivotColumn = layout.columns.length + 1;
  // PivotTables need ExcelApi 1.8 (PIVOT_API), which the manifest requires: every host that loads the add-in
  // builds one. Issue 11 removed the note written in its place, which no host could reach; the report keeps
  // `pivotNote` (always null) for the pane's contract.
  const pivot = true;
  const pivotNote: string | null = null;
  const by = columns.find((c) => c.key === (computed.overrides ? "finalTier" : tierColumnKey(a)))!.header;
  const count = columns.find((c) => c.key === "customer")!.header;
  const sum = columns.find((c) => c.key === "monetary")!.header;
  addPivot(summarySheet, resultsTable, summarySheet.getRange(a1(0, pivotColumn)), { rows: by, count, sum }, m);

  // The scatter's sample of customers, beside the chart slots (charts.ts scatterAt; scatter.ts says why).
  const at = scatterAt(layout.endRow + 1);
  const scatter = scatterBlock(customerSample(scatterInput(a, m)), at.row, at.column, layout.columns[0].header, m);
  queueBlock(summarySheet, scatter.block).getRow(1).format.font.bold = true;

  const lastRun: LastRun = {
    resultsSheetId: resultsSheet.id,
    summarySheetId: summarySheet.id,
    resultsTable: resultsTableName,
    summaryTable: summaryTableName,
    tierBy: a.tierBy,
    tiers: a.tiers.length,
    columns: layout.columns.map((c) => c.key),
    headers: layout.columns.map((c) => c.header),
    labels: a.tiers.map((t) => tierLabel(a, t, m)),
    heat: layout.heat && a.rfGrid ? { row: layout.heat.row, column: layout.heat.column, rLevels: a.rfGrid.rLevels, fLevels: a.rfGrid.fLevels } : null,
    chartRow: layout.endRow + 1,
    charts: {},
    scatter: scatter.place,
  };
  wb.settings.add(LAST_RUN_KEY, lastRun);
  wb.settings.add(SETTINGS_KEY, settings);
  summarySheet.activate();
  const bookNow = loadBookState(context);
  await context.sync();
  return { pivot, pivotNote, tableNames: [...tableNames, resultsTableName, summaryTableName], bookNow };
}
