/**
 * The summary sheet ("Tier Summary"): one row per tier (segment, ABC class or score band) with its
 * strategy, counts, shares and per-tier means, as an Excel table; below it the R×F grid of mean monetary
 * (the heat map's range). The columns are a list of specs, so a new per-tier measure (say expected
 * revenue, with Predict CLV & churn) is one more entry in `summaryColumns` and the charts find columns by key.
 * Strategies are resolved here for every sheet that shows them (results, history, migration); tier names in
 * src/i18n/tier-names.ts.
 */
import type { AnalysisResult, TierRow } from "../core/analysis/types";
import type { Messages } from "../i18n";
import { tierStrategy } from "../i18n/playbook";
import { tierLabel } from "../i18n/tier-names";
import { cellNumber, FORMAT } from "./formats";
import { voiceRadarColumns, voiceSummaryColumns } from "./summary-voice";
import type { TierBy } from "./port";
import type { EconomicsOptions } from "../core/tiers/economics";
import { economicsColumns } from "./summary-economics";

export interface SummaryColumn {
  key: string;
  header: string;
  format: string | null;
  value: (t: TierRow) => unknown;
}

/** Whether a tier's key is one of the add-in's (built-in segments, "others", A/B/C, bands) rather than a custom segment's name. */
export function isBuiltInTier(a: AnalysisResult, t: TierRow): boolean {
  if (a.tierBy !== "segment") return true;
  const seg = a.rfm.segmentation;
  return seg.builtIn || t.index === seg.othersIndex;
}

/** Whether the run's tier keys are built in (false for a custom segment scheme). */
export function builtInTiers(a: AnalysisResult): boolean {
  return a.tierBy !== "segment" || a.rfm.segmentation.builtIn;
}

/** The tier's strategy: the user's text for its key, else the default (src/i18n/playbook.ts, the one resolver). */
export function strategyOf(a: AnalysisResult, t: TierRow, m: Messages, strategies: Readonly<Record<string, string>>): string {
  return tierStrategy(strategies, t.key, isBuiltInTier(a, t), m);
}

/** Per customer: its tier's strategy ("" without a tier), each tier's text resolved once. */
export function customerStrategies(a: AnalysisResult, m: Messages, strategies: Readonly<Record<string, string>>): (c: number) => string {
  const byIndex = new Map(a.tiers.map((t) => [t.index, strategyOf(a, t, m, strategies)]));
  return (c) => byIndex.get(a.tierOf[c]) ?? "";
}

/** The header of the tier column: "Segment", "ABC class" or "Band". */
export function tierColumnHeader(tierBy: TierBy, m: Messages): string {
  return tierBy === "segment" ? m.workbook.summary.segment : tierBy === "abcClass" ? m.workbook.summary.abcClass : m.workbook.score.band;
}

export function summaryColumns(a: AnalysisResult, m: Messages, strategies: Record<string, string>, extraName: string, economics: EconomicsOptions | null = null): SummaryColumn[] {
  const h = m.workbook.summary;
  const cols: SummaryColumn[] = [
    { key: "tier", header: tierColumnHeader(a.tierBy, m), format: FORMAT.text, value: (t) => tierLabel(a, t, m) },
    { key: "strategy", header: h.strategy, format: FORMAT.text, value: (t) => strategyOf(a, t, m, strategies) },
    { key: "customers", header: h.customers, format: FORMAT.whole, value: (t) => t.customers },
    { key: "customerShare", header: h.customerShare, format: FORMAT.percent, value: (t) => cellNumber(t.customerShare) },
    { key: "orders", header: h.orders, format: FORMAT.whole, value: (t) => t.orders },
    { key: "revenue", header: h.revenue, format: FORMAT.money, value: (t) => cellNumber(t.revenue, 2) },
    { key: "revenueShare", header: h.revenueShare, format: FORMAT.percent, value: (t) => cellNumber(t.revenueShare) },
    { key: "cumulativeRevenueShare", header: h.cumulativeRevenueShare, format: FORMAT.percent, value: (t) => cellNumber(t.cumulativeRevenueShare) },
    { key: "avgRecency", header: h.avgRecency, format: FORMAT.decimal, value: (t) => cellNumber(t.mean.recencyDays) },
    { key: "avgFrequency", header: h.avgFrequency, format: FORMAT.decimal, value: (t) => cellNumber(t.mean.frequency) },
    { key: "avgMonetary", header: h.avgMonetary, format: FORMAT.money, value: (t) => cellNumber(t.mean.monetary) },
  ];
  if (a.clv) cols.push({ key: "avgClv", header: h.avgClv, format: FORMAT.money, value: (t) => cellNumber(t.mean.clv) });
  if (a.predict?.model) {
    const months = a.predict.options.horizonMonths;
    cols.push(
      { key: "expectedPurchases", header: h.expectedPurchases(months), format: FORMAT.decimal, value: (t) => cellNumber(t.expectedPurchases, 2) },
      { key: "expectedRevenue", header: h.expectedRevenue(months), format: FORMAT.money, value: (t) => cellNumber(t.expectedRevenue, 2) },
      // Issue 13: the margin of that predicted (revenue) CLV, per tier, when Predict has a margin.
      ...(a.predict.model.clvMargin ? [{ key: "expectedMargin", header: m.trust.columns.clvMargin(months), format: FORMAT.money, value: (t: TierRow) => cellNumber(t.expectedMargin ?? NaN, 2) }] : []),
      { key: "avgPAlive", header: h.avgPAlive, format: FORMAT.percent, value: (t) => cellNumber(t.mean.pAlive) },
    );
  }
  if (a.extra) cols.push({ key: "avgExtra", header: h.avgExtra(extraName), format: FORMAT.decimal, value: (t) => cellNumber(t.mean.extra) });
  cols.push(...voiceSummaryColumns(a, m)); // issue 15 §4: NPS, satisfaction, complaint and referral rates when mapped
  // Mean R, F, M stay adjacent: the radar chart reads each tier's three as one row range.
  if (a.rfm) {
    cols.push(
      { key: "meanR", header: h.meanR, format: FORMAT.decimal, value: (t) => cellNumber(t.mean.r) },
      { key: "meanF", header: h.meanF, format: FORMAT.decimal, value: (t) => cellNumber(t.mean.f) },
      { key: "meanM", header: h.meanM, format: FORMAT.decimal, value: (t) => cellNumber(t.mean.m) },
      ...voiceRadarColumns(a, m), // issue 15 §4: the radar's voice axes, right after M
    );
  }
  // Issue 15 §3: what each tier earns after the cost to serve it, when the settings have costs (summary-economics.ts).
  if (economics) cols.push(...economicsColumns(a, m, economics));
  return cols;
}

export interface Block {
  /** 0-based top-left cell. */
  row: number;
  column: number;
  values: unknown[][];
  /** Number formats, written before the values (text cells are "@", so Excel keeps them as written). */
  formats: string[][];
}

/** A cell of a block: its value and number format. */
export interface Cell {
  v: unknown;
  f: string;
}
export const text = (v: string): Cell => ({ v, f: FORMAT.text });
export const num = (v: number, f: string, digits: number | null = null): Cell => ({ v: cellNumber(v, digits), f });

/** A block from rows of { value, format } cells. */
export function block(row: number, column: number, cells: Cell[][]): Block {
  const width = Math.max(...cells.map((r) => r.length));
  const pad = (r: Cell[]) => [...r, ...Array.from({ length: width - r.length }, (): Cell => ({ v: "", f: "General" }))];
  return { row, column, values: cells.map((r) => pad(r).map((c) => c.v)), formats: cells.map((r) => pad(r).map((c) => c.f)) };
}

export interface SummaryLayout {
  columns: SummaryColumn[];
  table: Block;
  /** Title cell, then the grid (header row + one row per R score, highest first). */
  heatTitle: Block | null;
  heat: Block | null;
  /** Below the grid, when a score level has no customer: which, and why (issue 17). */
  heatNote: Block | null;
  /** First free row below everything. */
  endRow: number;
}

export function summaryLayout(a: AnalysisResult, m: Messages, strategies: Record<string, string>, extraName: string, economics: EconomicsOptions | null = null): SummaryLayout {
  const columns = summaryColumns(a, m, strategies, extraName, economics);
  const values = [columns.map((c) => c.header), ...a.tiers.map((t) => columns.map((c) => c.value(t)))];
  const formats = [columns.map(() => FORMAT.text), ...a.tiers.map(() => columns.map((c) => c.format ?? "General"))];
  const table: Block = { row: 0, column: 0, values, formats };
  let endRow = values.length + 1;
  let heatTitle: Block | null = null;
  let heat: Block | null = null;
  let heatNote: Block | null = null;
  if (a.rfGrid) {
    const g = a.rfGrid;
    heatTitle = { row: endRow, column: 0, values: [[m.workbook.summary.heatTitle]], formats: [[FORMAT.text]] };
    const header = [m.workbook.summary.heatCorner, ...Array.from({ length: g.fLevels }, (_, f) => f + 1)];
    const rows: unknown[][] = [header];
    const fmt: string[][] = [header.map((_, k) => (k === 0 ? FORMAT.text : "General"))];
    for (let r = g.rLevels; r >= 1; r--) {
      const row: unknown[] = [r];
      for (let f = 1; f <= g.fLevels; f++) row.push(cellNumber(g.meanMonetary[(r - 1) * g.fLevels + (f - 1)], 2));
      rows.push(row);
      fmt.push(["General", ...Array.from({ length: g.fLevels }, () => FORMAT.money)]);
    }
    heat = { row: endRow + 1, column: 0, values: rows, formats: fmt };
    endRow = heat.row + rows.length + 1;
    const empty = emptyLevels(g.rLevels, g.fLevels, g.customers);
    if (empty.length > 0) {
      heatNote = { row: endRow - 1, column: 0, values: [[m.chartText.heatEmpty(empty.join(", "))]], formats: [[FORMAT.text]] };
      endRow += 1;
    }
  }
  return { columns, table, heatTitle, heat, heatNote, endRow };
}

/**
 * The R and F score levels no customer has ("F 2", "R 4"): with many tied values (most customers buy once)
 * the quantile cut points coincide, so a level between two equal cuts stays empty, and its row or column of
 * the heat map is blank. Said in words below the grid, so a blank is not read as missing data.
 */
export function emptyLevels(rLevels: number, fLevels: number, customers: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (let r = rLevels; r >= 1; r--) {
    let n = 0;
    for (let f = 1; f <= fLevels; f++) n += customers[(r - 1) * fLevels + (f - 1)];
    if (n === 0) out.push(`R ${r}`);
  }
  for (let f = 1; f <= fLevels; f++) {
    let n = 0;
    for (let r = 1; r <= rLevels; r++) n += customers[(r - 1) * fLevels + (f - 1)];
    if (n === 0) out.push(`F ${f}`);
  }
  return out;
}
