/** Adapters for =TIER.RFM and =TIER.RFMSCORE. */
import { cellText } from "../core/cells/coerce";
import { ProblemLog } from "../core/cells/problems";
import { readCustomerRows, readNumberColumn } from "../core/transactions/read";
import { isWideScoring, rfmCode, scoreCustomers, scoreRfm, type RfmOptions, type RfmScores } from "../core/tiers/rfm";
import { readSegmentRules, segmentCustomers, type SegmentRule, type SegmentScheme, type Segmentation } from "../core/tiers/segments";
import { summarizeCustomers } from "../core/transactions/summary";
import { windowProblems } from "../core/transactions/window";
import { throwFirst } from "../core/cells/errors";
import type { Messages } from "../i18n";
import { segmentName } from "../i18n/tier-names";
import { column, isOmitted, optionalBoolean, optionalDate, optionalNumber, sameLength, scalar, throwIfProblems, zeroAsBlank, type Range } from "./coerce";
import { ArgumentError } from "./errors";
import { readTransactionCells, transactionCells } from "./transactions-arg";

/** "rfm", "cn8" or a range of rules (name, R min, R max, F min, F max, M min, M max). */
function segmentScheme(arg: unknown, m: Messages): SegmentScheme | SegmentRule[] {
  if (isOmitted(arg)) return "rfm";
  const cell = scalar(arg);
  if (!Array.isArray(cell)) {
    const name = cellText(cell).trim().toLowerCase();
    if (name === "rfm" || name === "cn8") return name;
    throw new ArgumentError(m.errors.unknownScheme(cellText(cell)));
  }
  // A bound of 0 is an empty cell from Excel on Windows (scores run 1 to 10): open, as a blank bound is.
  return readSegmentRules((arg as Range).map((row) => zeroAsBlank(row)));
}

/** Breakpoints rise, so zeros after the last non-zero cell are empty cells from Excel on Windows (coerce.ts). */
function trailingZerosAsBlank(cells: unknown[]): unknown[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === 0 || cells[end - 1] === null || cells[end - 1] === undefined)) end--;
  return cells.map((c, i) => (i >= end && c === 0 ? null : c));
}

/**
 * The `bins` argument: a number of score levels (2..10, default 5), or a range of explicit
 * breakpoints with three rows (or three columns) for recency, frequency and monetary, ascending;
 * blank cells are skipped, and a dimension left empty is scored by quantiles with 5 levels.
 */
function scoringOptions(arg: unknown, m: Messages): RfmOptions {
  if (isOmitted(arg) || !Array.isArray(scalar(arg))) return { bins: optionalNumber(arg, "bins", 5, m) };
  const rows = arg as Range;
  const byRows = rows.length === 3;
  if (!byRows && rows[0].length !== 3) throw new ArgumentError(m.errors.breakpointsShape(rows.length, rows[0].length));
  const lines = (byRows ? rows : [0, 1, 2].map((k) => rows.map((row) => row[k]))).map(trailingZerosAsBlank);
  const log = new ProblemLog();
  const [recency, frequency, monetary] = lines.map((cells, k) => {
    const values = readNumberColumn(cells, "bins", log);
    if (log.count > 0) throw new ArgumentError(m.errors.rowProblem(m.errors.at("bins", (byRows ? k : log.problems[0].row) + 1), m.problems.badNumber(log.problems[0].value)));
    return Array.from(values).filter((v) => v === v);
  });
  return { bins: 5, breakpoints: { recency, frequency, monetary } };
}

function scoreCells(scores: RfmScores, segments: Segmentation, i: number, m: Messages): (number | string)[] {
  const r = scores.r.scores[i];
  const f = scores.f.scores[i];
  const s = scores.m.scores[i];
  return [r, f, s, rfmCode(r, f, s, isWideScoring(scores)), segmentName(segments, segments.index[i], m)];
}

export function rfmTable(
  customers: Range,
  dates: Range,
  amounts: Range,
  asOf: unknown,
  bins: unknown,
  segments: unknown,
  headers: unknown,
  m: Messages,
  windowMonths: unknown = null,
): (string | number)[][] {
  const cells = transactionCells(customers, dates, amounts, m);
  const options = {
    scoring: scoringOptions(bins, m),
    scheme: segmentScheme(segments, m),
    withHeaders: optionalBoolean(headers, "headers", true, m),
    asOf: optionalDate(asOf, m),
    // Issue 14: F and M over the last N months (checked by the core: badWindow, naming window_months).
    windowMonths: optionalNumber(windowMonths, "window_months", undefined, m) ?? null,
  };
  throwFirst(windowProblems(options.windowMonths));
  const tx = readTransactionCells(cells, m);
  const summary = summarizeCustomers(tx, { asOf: options.asOf, windowMonths: options.windowMonths });
  const scores = scoreCustomers(summary, options.scoring);
  const seg = segmentCustomers(scores, options.scheme);
  const col = m.columns;
  const out: (string | number)[][] = [];
  if (options.withHeaders) out.push([col.customer, col.recencyDays, col.frequency, col.monetary, col.r, col.f, col.m, col.rfm, col.segment]);
  for (let i = 0; i < summary.customerIds.length; i++) {
    out.push([summary.customerIds[i], summary.recencyDays[i], summary.orders[i], summary.totalAmount[i], ...scoreCells(scores, seg, i, m)]);
  }
  return out;
}

export function rfmScoreTable(
  recencyDays: Range,
  frequency: Range,
  monetary: Range,
  bins: unknown,
  segments: unknown,
  m: Messages,
): (string | number)[][] {
  const r = { name: "recency_days", column: column(recencyDays, "recency_days", m) };
  // A customer has bought at least once: a frequency of 0 is an empty cell from Excel on Windows (coerce.ts).
  const f = { name: "frequency", column: column(frequency, "frequency", m, true) };
  const v = { name: "monetary", column: column(monetary, "monetary", m) };
  sameLength(m, r, f, v);
  const scoring = scoringOptions(bins, m);
  const scheme = segmentScheme(segments, m);
  const rows = readCustomerRows({ recencyDays: r.column.cells, frequency: f.column.cells, monetary: v.column.cells });
  throwIfProblems(rows.problems, m);
  const { recencyDays: rv, frequency: fv, monetary: mv } = rows;
  const scores = scoreRfm(rv, fv, mv, scoring);
  const seg = segmentCustomers(scores, scheme);
  const out: (string | number)[][] = [];
  for (let i = 0; i < rv.length; i++) out.push(scores.r.scores[i] === 0 ? ["", "", "", "", ""] : scoreCells(scores, seg, i, m));
  return r.column.horizontal ? transpose(out) : out;
}

function transpose<T>(rows: T[][]): T[][] {
  return rows.length === 0 ? [] : rows[0].map((_, k) => rows.map((row) => row[k]));
}

