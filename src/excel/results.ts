/**
 * The results sheet ("Tiers"): an Excel table, one row per customer. Its columns are a list of specs
 * (header, number format, value per customer), so a new measure (issue 5's P(alive), expected
 * purchases, predicted CLV, lifecycle stage) is one more entry in `resultColumns`.
 */
import { ABC_LABELS } from "../core/abc";
import type { AnalysisResult } from "../core/analysis";
import type { Messages } from "../i18n";
import { segmentName } from "../i18n/describe";
import { rowBytes } from "./batch";
import { cellNumber, FORMAT } from "./formats";

export interface ColumnSpec {
  /** Stable key (the pivot and charts look columns up by it). */
  key: string;
  header: string;
  /** Number format of the data cells, or null for General. */
  format: string | null;
  /** Cell value for customer c ("" for none). */
  value: (c: number) => unknown;
}

export interface ResultNames {
  /** Header of the source's extra column, for "Mean <name>". */
  extraName: string;
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
      { key: "segment", header: h.segment, format: null, value: (c) => segmentName(segmentation, segmentation.index[c], m) },
    );
  }
  if (a.abc) {
    const abc = a.abc;
    cols.push(
      { key: "abcClass", header: h.abcClass, format: null, value: (c) => ABC_LABELS[abc.classes[c]] ?? "" },
      { key: "cumulativeShare", header: h.cumulativeShare, format: FORMAT.percent, value: (c) => cellNumber(abc.cumulativeShare[c], 6) },
    );
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
    cols.push({ key: "mainCategory", header: h.mainCategory, format: null, value: (c) => main[c] });
  }
  if (a.extra) {
    const extra = a.extra;
    cols.push({ key: "extra", header: h.extraMean(names.extraName), format: FORMAT.decimal, value: (c) => cellNumber(extra[c], 4) });
  }
  return cols;
}

export interface RowsAndBytes {
  rows: unknown[][];
  /** Per row: JSON bytes of its values plus its number formats. */
  bytes: Float64Array;
}

/** The data rows, and what each costs in a request (values and number formats). */
export function resultRows(columns: readonly ColumnSpec[], customers: number): RowsAndBytes {
  const rows = new Array<unknown[]>(customers);
  const bytes = new Float64Array(customers);
  let formatBytes = 0;
  for (const col of columns) if (col.format) formatBytes += col.format.length + 6; // ["fmt"],
  for (let c = 0; c < customers; c++) {
    const row = columns.map((col) => col.value(c));
    rows[c] = row;
    bytes[c] = rowBytes(row) + formatBytes;
  }
  return { rows, bytes };
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
