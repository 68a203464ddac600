/**
 * The results sheet ("Tiers"): an Excel table, one row per customer. Its columns are a list of specs
 * (header, number format, value per customer), so a new measure is one more entry in `resultColumns`;
 * Predict CLV & churn adds P(alive), churn risk, expected purchases, expected average spend, predicted
 * CLV and the lifecycle stage; the weighted score adds Score and Band; every run adds the tier's
 * strategy (the playbook) and, when the analysis has them, the next tier up and the gap to it. The
 * churn-warning sheet's columns are specs too (`churnColumns`), and so are the history's rows
 * (history.ts). `queueRows` writes any of them in blocks.
 */
import { ABC_LABELS } from "../core/tiers/abc";
import { LIFECYCLE_STAGES } from "../core/models/lifecycle";
import { actionableGap } from "../core/tiers/upgrade";
import type { AnalysisResult } from "../core/analysis/types";
import type { Messages } from "../i18n";
import { rowBytes } from "./batch";
import { cellNumber, FORMAT } from "./formats";
import { a1Range } from "./read";
import { nextTierLabel, scoreBandLabel, segmentName } from "../i18n/tier-names";
import { customerStrategies, tierColumnHeader, type Block } from "./summary";
import { marginClvColumns, nextPurchaseColumns } from "./predict-columns";

export interface ColumnSpec {
  /** Stable key (the pivot and charts look columns up by it). */
  key: string;
  header: string;
  /**
   * Number format of the data cells. Text columns are "@" (FORMAT.text), so Excel keeps "00123", "1-2"
   * or "=…" as written; null for a column of numbers or text (customer ids): each cell gets "@" when it
   * holds text and General when it holds a number (`mixedFormat`).
   */
  format: string | null;
  /** Cell value for customer c ("" for none). */
  value: (c: number) => unknown;
}

export interface ResultNames {
  /** Header of the source's extra column, for "Mean <name>". */
  extraName: string;
  /** The playbook texts the user edited, by tier key (AnalysisSettings.strategies). */
  strategies: Readonly<Record<string, string>>;
}

export function resultColumns(a: AnalysisResult, m: Messages, names: ResultNames): ColumnSpec[] {
  const h = m.workbook.columns;
  const s = a.summary;
  const cols: ColumnSpec[] = [
    { key: "customer", header: h.customer, format: null, value: (c) => a.customerIds[c] },
    { key: "firstPurchase", header: h.firstPurchase, format: FORMAT.date, value: (c) => Math.floor(s.firstPurchase[c]) },
    { key: "lastPurchase", header: h.lastPurchase, format: FORMAT.date, value: (c) => Math.floor(s.lastPurchase[c]) },
    { key: "recencyDays", header: h.recencyDays, format: FORMAT.whole, value: (c) => s.recencyDays[c] },
    { key: "frequency", header: h.frequency, format: FORMAT.whole, value: (c) => s.orders[c] },
    { key: "monetary", header: h.monetary, format: FORMAT.money, value: (c) => cellNumber(s.totalAmount[c], 2) },
  ];
  if (a.rfm) {
    const { scores, codes, segmentation } = a.rfm;
    const score = (x: Uint8Array) => (c: number) => (x[c] === 0 ? "" : x[c]);
    cols.push(
      { key: "r", header: h.r, format: FORMAT.whole, value: score(scores.r.scores) },
      { key: "f", header: h.f, format: FORMAT.whole, value: score(scores.f.scores) },
      { key: "m", header: h.m, format: FORMAT.whole, value: score(scores.m.scores) },
      // Text format keeps "111" a code, not a number.
      { key: "rfmCode", header: h.rfmCode, format: FORMAT.text, value: (c) => codes[c] },
      { key: "segment", header: h.segment, format: FORMAT.text, value: (c) => segmentName(segmentation, segmentation.index[c], m) },
    );
  }
  if (a.abc) {
    const abc = a.abc;
    cols.push(
      { key: "abcClass", header: h.abcClass, format: FORMAT.text, value: (c) => ABC_LABELS[abc.classes[c]] ?? "" },
      { key: "cumulativeShare", header: h.cumulativeShare, format: FORMAT.percent, value: (c) => cellNumber(abc.cumulativeShare[c], 6) },
    );
  }
  if (a.score) {
    const score = a.score;
    cols.push(
      { key: "score", header: m.workbook.score.score, format: FORMAT.decimal, value: (c) => cellNumber(score.score[c], 2) },
      { key: "band", header: m.workbook.score.band, format: FORMAT.text, value: (c) => scoreBandLabel(score.band[c], m) },
    );
  }
  // The playbook: each customer's tier strategy (the summary's, resolved once per tier).
  const strategy = customerStrategies(a, m, names.strategies);
  cols.push({ key: "strategy", header: m.workbook.playbook.strategy, format: FORMAT.text, value: strategy });
  if (a.upgrade) {
    const up = a.upgrade;
    const nextTier: ColumnSpec = { key: "nextTier", header: m.workbook.upgrade.nextTier, format: FORMAT.text, value: (c) => (up.next[c] < 0 ? "" : nextTierLabel(a, up.next[c], m)) };
    const orders = up.orders;
    if (up.kind === "purchase" && orders) {
      // Segments: the purchases that move the customer into a better segment, and the revenue they add (rounded up where found).
      const u = m.predictRest.upgrade;
      cols.push(
        nextTier,
        { key: "gapOrders", header: u.purchases, format: FORMAT.whole, value: (c) => (up.next[c] < 0 ? "" : orders[c]) },
        { key: "gap", header: u.spend, format: FORMAT.money, value: (c) => (up.next[c] < 0 ? "" : cellNumber(up.gap[c], 2)) },
      );
    } else {
      const kind = up.kind === "purchase" ? "revenue" : up.kind;
      // Money for revenue and margin (ABC by margin), whole orders, score points; rounded up to what a person can act on.
      const gapFormat = kind === "revenue" || kind === "margin" ? FORMAT.money : kind === "orders" ? FORMAT.whole : FORMAT.decimal;
      cols.push(nextTier, { key: "gap", header: m.workbook.upgrade.gap[kind], format: gapFormat, value: (c) => (up.next[c] < 0 ? "" : cellNumber(actionableGap(up.gap[c], kind), 2)) });
    }
  }
  if (a.clv) {
    const clv = a.clv;
    cols.push({ key: "clv", header: h.clv, format: FORMAT.money, value: (c) => cellNumber(clv[c], 2) });
  }
  if (a.margin) {
    const margin = a.margin;
    cols.push({ key: "margin", header: h.margin, format: FORMAT.money, value: (c) => cellNumber(margin[c], 2) });
  }
  if (a.mainCategory) {
    const main = a.mainCategory;
    cols.push({ key: "mainCategory", header: h.mainCategory, format: FORMAT.text, value: (c) => main[c] });
  }
  if (a.extra) {
    const extra = a.extra;
    cols.push({ key: "extra", header: h.extraMean(names.extraName), format: FORMAT.decimal, value: (c) => cellNumber(extra[c], 4) });
  }
  if (a.predict) cols.push(...predictColumns(a, m));
  return cols;
}

/** A lifecycle stage's name in the reader's language. */
export function stageName(stage: number, m: Messages): string {
  const key = LIFECYCLE_STAGES[stage];
  return key ? m.predict.stages[key] : "";
}

/** Predict CLV & churn's columns: the model's (when it was fitted) and the lifecycle stage (always). */
function predictColumns(a: AnalysisResult, m: Messages): ColumnSpec[] {
  const p = a.predict!;
  const h = m.predict.columns;
  const months = p.options.horizonMonths;
  const cols: ColumnSpec[] = [];
  const model = p.model;
  if (model) {
    cols.push(
      { key: "pAlive", header: h.pAlive, format: FORMAT.percent, value: (c) => cellNumber(model.pAlive[c], 6) },
      { key: "churnRisk", header: h.churnRisk, format: FORMAT.percent, value: (c) => cellNumber(model.churnRisk[c], 6) },
      { key: "expectedPurchases", header: h.expectedPurchases(months), format: FORMAT.decimal, value: (c) => cellNumber(model.expectedPurchases[c], 4) },
      { key: "expectedSpend", header: h.expectedSpend, format: FORMAT.money, value: (c) => cellNumber(model.expectedAverageSpend[c], 2) },
      { key: "predictedClv", header: m.workbook.columns.predictedClv(months), format: FORMAT.money, value: (c) => cellNumber(model.clv[c], 2) },
      // Issue 13: margin CLV beside the revenue CLV, then when the customer will buy next (predict-columns.ts).
      ...marginClvColumns(a, m),
      ...nextPurchaseColumns(a, m),
    );
  }
  const stage = p.stage;
  cols.push({ key: "stage", header: h.stage, format: FORMAT.text, value: (c) => stageName(stage[c], m) });
  return cols;
}

/** What the churn-warning sheet marks a "can't lose" customer with. */
export const CANT_LOSE_MARK = "✓";

/** The tier a customer is in, by what the summary is by: segment name, ABC class or score band. */
function tierOfCustomer(a: AnalysisResult, m: Messages): (c: number) => string {
  if (a.tierBy === "segment") {
    const seg = a.rfm.segmentation;
    return (c) => segmentName(seg, seg.index[c], m);
  }
  if (a.tierBy === "score" && a.score) {
    const band = a.score.band;
    return (c) => scoreBandLabel(band[c], m);
  }
  const abc = a.abc;
  return (c) => (abc ? (ABC_LABELS[abc.classes[c]] ?? "") : "");
}


/**
 * The churn-warning table, one row per customer on the warning list (churn risk above 0), most CLV at
 * risk first. `value(r)` takes the row's rank − 1; null without fitted models.
 */
export function churnColumns(a: AnalysisResult, m: Messages): ColumnSpec[] | null {
  const model = a.predict?.model;
  if (!model) return null;
  const order = model.warning;
  const h = m.predict.columns;
  const w = m.workbook;
  const months = a.predict!.options.horizonMonths;
  const tier = tierOfCustomer(a, m);
  const stage = a.predict!.stage;
  const at = (f: (c: number) => unknown) => (r: number) => f(order[r]);
  return [
    { key: "rank", header: w.churn.rank, format: FORMAT.whole, value: (r) => r + 1 },
    { key: "customer", header: w.columns.customer, format: null, value: at((c) => a.customerIds[c]) },
    { key: "tier", header: tierColumnHeader(a.tierBy, m), format: FORMAT.text, value: at(tier) },
    { key: "stage", header: h.stage, format: FORMAT.text, value: at((c) => stageName(stage[c], m)) },
    { key: "pAlive", header: h.pAlive, format: FORMAT.percent, value: at((c) => cellNumber(model.pAlive[c], 6)) },
    { key: "churnRisk", header: h.churnRisk, format: FORMAT.percent, value: at((c) => cellNumber(model.churnRisk[c], 6)) },
    { key: "clvIfAlive", header: w.churn.clvIfAlive(months), format: FORMAT.money, value: at((c) => cellNumber(model.clvIfAlive[c], 2)) },
    { key: "clvAtRisk", header: h.clvAtRisk, format: FORMAT.money, value: at((c) => cellNumber(model.clvAtRisk[c], 2)) },
    { key: "cantLose", header: h.cantLose, format: FORMAT.text, value: at((c) => (model.cantLose[c] ? CANT_LOSE_MARK : "")) },
    { key: "lastPurchase", header: w.columns.lastPurchase, format: FORMAT.date, value: at((c) => Math.floor(a.summary.lastPurchase[c])) },
    ...nextPurchaseColumns(a, m, (r) => order[r]),
  ];
}

export interface RowsAndBytes {
  rows: unknown[][];
  /** Per row: JSON bytes of its values plus its number formats. */
  bytes: Float64Array;
}

/** The number format of a cell in a column of numbers or text (format null): text stays text. */
export function mixedFormat(value: unknown): string {
  return typeof value === "string" ? FORMAT.text : "General";
}

/** Bytes a format cell adds to a request's JSON: the quoted string and its comma (formats need no escapes). */
const formatBytes = (format: string) => format.length + 3;
/** Bytes of a row's brackets and comma in each numberFormat grid. */
const GRID_ROW_BYTES = 3;

/** The data rows, and what each costs in a request (values and every number format written with them). */
export function resultRows(columns: readonly ColumnSpec[], customers: number): RowsAndBytes {
  const rows = new Array<unknown[]>(customers);
  const bytes = new Float64Array(customers);
  // One numberFormat grid per run of equal formats and one per mixed column, each a row of cells per row.
  let fixed = 0;
  for (const run of formatRuns(columns)) fixed += GRID_ROW_BYTES + (run.to - run.from + 1) * formatBytes(run.format);
  const mixed = mixedColumns(columns);
  fixed += GRID_ROW_BYTES * mixed.length;
  for (let c = 0; c < customers; c++) {
    const row = columns.map((col) => col.value(c));
    rows[c] = row;
    let b = rowBytes(row) + fixed;
    for (const k of mixed) b += formatBytes(mixedFormat(row[k]));
    bytes[c] = b;
  }
  return { rows, bytes };
}

/** Columns whose cells are formatted one by one (`mixedFormat`). */
export function mixedColumns(columns: readonly ColumnSpec[]): number[] {
  return columns.flatMap((col, k) => (col.format ? [] : [k]));
}

/** Runs of adjacent columns with the same number format: one numberFormat write per run and block. */
export function formatRuns(columns: readonly ColumnSpec[]): { from: number; to: number; format: string }[] {
  const runs: { from: number; to: number; format: string }[] = [];
  columns.forEach((col, k) => {
    if (!col.format) return;
    const last = runs[runs.length - 1];
    if (last && last.to === k - 1 && last.format === col.format) last.to = k;
    else runs.push({ from: k, to: k, format: col.format });
  });
  return runs;
}

/**
 * Queues rows [from, to) of `rows` (laid out by `columns`) on `sheet`, row `from` at 0-based sheet row
 * `top + from`, column `left`: number formats first (one grid per run of equal formats, one per cell in
 * the mixed columns), then the values, in the same batch, so text stays text. `resultRows` counted every
 * byte of it in the row bytes the caller split the blocks by.
 */
export function queueRows(sheet: Excel.Worksheet, columns: readonly ColumnSpec[], rows: readonly unknown[][], from: number, to: number, top: number, left = 0): void {
  if (to <= from) return;
  const count = to - from;
  const block = sheet.getRange(a1Range(top + from, left, count, columns.length));
  const values = rows.slice(from, to);
  for (const run of formatRuns(columns)) {
    // One row of formats shared by every row of the grid (it is only serialised): a fresh array per row cost
    // seconds of allocation and garbage collection for the 400,000 rows of a rebuilt history (PERFORMANCE.md).
    const line = new Array<string>(run.to - run.from + 1).fill(run.format);
    const formats = new Array<string[]>(count).fill(line);
    block.getCell(0, run.from).getResizedRange(count - 1, run.to - run.from).numberFormat = formats;
  }
  for (const k of mixedColumns(columns)) {
    block.getCell(0, k).getResizedRange(count - 1, 0).numberFormat = values.map((row) => [mixedFormat(row[k])]);
  }
  block.values = values as unknown[][];
}

/** A header row of text cells at 0-based `row`, `left`: formatted as text first, bold. */
export function queueHeader(sheet: Excel.Worksheet, columns: readonly { header: string }[], row: number, left = 0): Excel.Range {
  const head = sheet.getRange(a1Range(row, left, 1, columns.length));
  head.numberFormat = [columns.map(() => FORMAT.text)];
  head.values = [columns.map((c) => c.header)];
  head.format.font.bold = true;
  return head;
}

/**
 * Writes a block: number formats first, then values, in the same batch. Excel reads a string written to
 * a cell that is not formatted as text ("@") like typed input ("00123" → 123, "1-2" → a date, "=…" →
 * a formula), so every text cell gets "@" before its value arrives.
 */
export function queueBlock(sheet: Excel.Worksheet, block: Block): Excel.Range {
  const range = sheet.getRange(a1Range(block.row, block.column, block.values.length, block.values[0].length));
  range.numberFormat = block.formats;
  range.values = block.values;
  return range;
}

/** One cell of text (a note, a title), formatted as text first. */
export function queueText(range: Excel.Range, text: string): Excel.Range {
  range.numberFormat = [[FORMAT.text]];
  range.values = [[text]];
  return range;
}
