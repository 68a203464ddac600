/**
 * The adapter of =TIER.LEVELS (issue 15 §1): the transactions ranges read as TIER.RFM reads them
 * (transactions-arg.ts), the policy range read here (rows of level, entry, keep; a header row optional, names
 * in any language), the core replays the reviews (src/core/over-time/levels.ts) and the per-customer table
 * spills with a header row in the caller's language.
 *
 * Cells: since and expires spill as Excel serials (format them as dates), "" where there is no date (a
 * customer on no level); "" too for the level of a customer on none, the gap to the next level at the top
 * level and the gap to keep on no level, because Excel shows a spilled null as 0
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json-autogeneration) and 0 would
 * read as "no gap". "Downgrades at next review" is TRUE/FALSE, a value Excel filters and counts in any language.
 *
 * Blank cells in the policy follow the functions' rule (coerce.ts): a row that is all blank (null, "", or 0 from
 * Excel on Windows) is no level, so a policy range may be selected taller than its rows; a name of 0 is blank
 * (a label); a threshold of 0 is 0 (it cannot be told from a blank on Windows), a blank threshold on the web is
 * refused by name.
 */
import { ownValue } from "../core/cells/words";
import { cellText, excelErrorText, isBlank, readNumberCell, type CellRead } from "../core/cells/coerce";
import { throwFirst } from "../core/cells/errors";
import { computeLevels, DEFAULT_LEVEL_METRIC, DEFAULT_LEVEL_MONTHS, levelPolicyProblems, NO_DATE, NO_LEVEL, type LevelDef, type LevelMetric } from "../core/over-time/levels";
import type { Messages } from "../i18n";
import { badNumberText } from "../i18n/describe";
import { isOmitted, optionalDate, optionalNumber, optionalText, type Range } from "./coerce";
import { ArgumentError } from "./errors";
import { readTransactionCells, transactionCells } from "./transactions-arg";

type Cell = string | number | boolean;

/** The metric's words: English and Chinese, any case. */
const METRICS: Readonly<Record<string, LevelMetric>> = { spend: "spend", orders: "orders", 金额: "spend", 消费金额: "spend", 订单数: "orders", 订单: "orders" };

/** A policy row's threshold: a number, or an error naming the row. */
function threshold(cell: unknown, field: "entry" | "keep", row: number, m: Messages): number {
  const read: CellRead = readNumberCell(cell, { status: "ok", value: 0 });
  const where = m.errors.at("policy", row);
  if (read.status === "ok") return read.value;
  if (read.status === "blank") throw new ArgumentError(m.levels.errors.missing(where, field));
  const what = read.status === "error" ? m.problems.excelError(excelErrorText(cell)) : badNumberText(cell, m);
  throw new ArgumentError(m.errors.rowProblem(where, what));
}

const blankish = (cell: unknown) => isBlank(cell) || cell === 0;

/** True when a row's entry and keep cells are both text that is no number: a header row. */
function isHeader(row: readonly unknown[]): boolean {
  const read: CellRead = { status: "ok", value: 0 };
  return [row[1], row[2]].every((cell) => typeof cell === "string" && readNumberCell(cell, read).status === "bad");
}

/** The policy range as levels, with each level's 1-based row in the range (for the sentences). */
export function policyArg(arg: unknown, m: Messages): { levels: LevelDef[]; rows: number[] } {
  const range = Array.isArray(arg) ? (arg as Range) : [[arg]];
  const width = range.length > 0 && Array.isArray(range[0]) ? range[0].length : 1;
  if (width !== 3) throw new ArgumentError(m.levels.errors.notPolicyShape("policy", width));
  const levels: LevelDef[] = [];
  const rows: number[] = [];
  range.forEach((cells, i) => {
    if (i === 0 && isHeader(cells)) return;
    if (cells.every(blankish)) return;
    const name = blankish(cells[0]) ? "" : cellText(cells[0]).trim();
    levels.push({ name, entry: threshold(cells[1], "entry", i + 1, m), keep: threshold(cells[2], "keep", i + 1, m) });
    rows.push(i + 1);
  });
  return { levels, rows };
}

/**
 * The per-customer table: Customer, Level, Since, Expires, Metric, Gap to next, Gap to keep, Downgrades at next
 * review, as a review on as_of (default: the latest purchase) leaves each customer, every month-end from the
 * first purchase replayed before it.
 */
export function levelsFunctionTable(
  customers: Range,
  dates: Range,
  amounts: Range,
  policy: unknown,
  asOf: unknown,
  windowMonths: unknown,
  validityMonths: unknown,
  metric: unknown,
  m: Messages,
): Cell[][] {
  const cells = transactionCells(customers, dates, amounts, m);
  const { levels, rows } = policyArg(policy, m);
  const metricText = optionalText(metric, DEFAULT_LEVEL_METRIC, "metric", m);
  const chosen = ownValue(METRICS, metricText.toLowerCase()) ?? metricText;
  const W = optionalNumber(windowMonths, "window_months", DEFAULT_LEVEL_MONTHS, m) ?? DEFAULT_LEVEL_MONTHS;
  const V = optionalNumber(validityMonths, "validity_months", DEFAULT_LEVEL_MONTHS, m) ?? DEFAULT_LEVEL_MONTHS;
  const full = { levels, metric: chosen as LevelMetric, windowMonths: W, validityMonths: V };
  // The core's checks, each level named by its row in the range (a header row shifts them).
  throwFirst(levelPolicyProblems(full).map((p) => (p.details.level === undefined ? p : { ...p, details: { ...p.details, argument: "policy", row: rows[Number(p.details.level)] } })));
  const date = isOmitted(asOf) ? undefined : optionalDate(asOf, m);
  const tx = readTransactionCells(cells, m);
  let last = -Infinity;
  for (let i = 0; i < tx.validRows; i++) if (tx.date[i] > last) last = tx.date[i];
  // The history of changes is not spilled: not recorded either (it grows with customers × month-ends).
  const result = computeLevels(tx, full, date ?? Math.floor(last), null, "none");
  const top = levels.length - 1;
  const out: Cell[][] = [[...m.levels.headers]];
  for (let c = 0; c < result.customerIds.length; c++) {
    const level = result.level[c];
    const on = level !== NO_LEVEL;
    out.push([
      result.customerIds[c],
      on ? levels[level].name : "",
      result.since[c] !== NO_DATE ? result.since[c] : "",
      result.expires[c] !== NO_DATE ? result.expires[c] : "",
      result.metric[c],
      level === top ? "" : result.gapToNext[c],
      on ? result.gapToKeep[c] : "",
      result.downgradesNextReview[c] === 1,
    ]);
  }
  return out;
}
