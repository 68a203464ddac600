/**
 * Adapters for =TIER.MOVERS and =TIER.COHORT (issue 14): the ranges read as TIER.MIGRATION and
 * TIER.RFM read theirs (migration.ts, transactions-arg.ts), the core computes (over-time/movers.ts,
 * over-time/cohort.ts), and the results spill with a header row. A number the core leaves undefined
 * (NaN: no measure, a period a cohort has not reached) spills as "", never as NaN or 0: Excel shows
 * null as 0, so "" is the blank (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json-autogeneration).
 */
import { cellText, customerKey, excelErrorText, readNumberCell, type CellRead } from "../core/cells/coerce";
import { cohortOptionProblems, cohortTable, type CohortMeasure, type CohortRow } from "../core/over-time/cohort";
import { cohortsByFirstTier } from "../core/over-time/first-tier";
import type { HistoryTiering } from "../core/over-time/history";
import { knownTierOrder, mergeTierCase } from "../core/over-time/migration";
import { MOVE_DIRECTIONS, moverColumns, moverMeasures } from "../core/over-time/movers";
import { CoreError, throwFirst } from "../core/cells/errors";
import { ownValue } from "../core/cells/words";
import type { CalendarPeriod } from "../core/transactions/window";
import type { Messages } from "../i18n";
import { scoreTierLabels } from "../i18n/describe";
import { column, isOmitted, optionalText, sameLength, type Column, type Range } from "./coerce";
import { ArgumentError } from "./errors";
import { duplicateIdError, readTierKeys } from "./migration";
import { transactionsArg } from "./transactions-arg";

type Cell = string | number;

const blankIfNaN = (v: number): Cell => (Number.isFinite(v) ? v : "");

/** The optional order argument: tier names best first (a row or a column; blanks skipped). */
function orderArg(arg: unknown, m: Messages): string[] | undefined {
  if (isOmitted(arg)) return undefined;
  const cells = Array.isArray(arg) ? (arg as Range).flat() : [arg];
  const seen = new Set<string>();
  const order: string[] = [];
  for (const cell of cells) {
    const name = cellText(cell).trim();
    if (name === "") continue;
    if (seen.has(name.toLowerCase())) throw new ArgumentError(m.overTime.functionErrors.orderTwice(name));
    seen.add(name.toLowerCase());
    order.push(name);
  }
  return order.length > 0 ? order : undefined;
}

/** A measure column beside a snapshot's ids: numbers, blanks as NaN (no value); a bad cell names its row. */
function measureArg(arg: unknown, name: string, ids: { name: string; column: Column }, m: Messages): Float64Array | undefined {
  if (isOmitted(arg)) return undefined;
  const given = { name, column: column(arg, name, m) };
  sameLength(m, ids, given);
  const read: CellRead = { status: "ok", value: 0 };
  return Float64Array.from(given.column.cells, (cell, i) => {
    readNumberCell(cell, read);
    if (read.status === "blank") return NaN;
    if (read.status !== "ok") {
      const what = read.status === "error" ? m.problems.excelError(excelErrorText(cell)) : m.problems.badNumber(cellText(cell));
      throw new ArgumentError(m.errors.rowProblem(m.errors.at(name, i + 1), what));
    }
    return read.value;
  });
}

/**
 * One row per customer tiered in either snapshot: Customer, Before, After, Direction, the measures and
 * the change. Without an order, a known one is used (A/B/C, score bands by key or label, numbers); RFM
 * segments have none, so a move between them is "changed".
 */
export function moversTable(idsBefore: Range, tiersBefore: Range, idsAfter: Range, tiersAfter: Range, order: unknown, measureBefore: unknown, measureAfter: unknown, m: Messages): Cell[][] {
  const before = readTierKeys(idsBefore, tiersBefore, { ids: "ids_before", tiers: "tiers_before" }, m);
  const after = readTierKeys(idsAfter, tiersAfter, { ids: "ids_after", tiers: "tiers_after" }, m);
  const mb = measureArg(measureBefore, "measure_before", { name: "ids_before", column: before.column }, m);
  const ma = measureArg(measureAfter, "measure_after", { name: "ids_after", column: after.column }, m);
  const given = orderArg(order, m);
  const known = given ?? knownTierOrder(mergeTierCase([before.tiers, after.tiers]), scoreTierLabels()) ?? undefined;
  const sb = { ids: before.keys, tiers: before.tiers, measure: mb };
  const sa = { ids: after.keys, tiers: after.tiers, measure: ma };
  let movers;
  try {
    movers = moverColumns(sb, sa, known);
  } catch (error) {
    // A duplicate id names the snapshot it was found in.
    const side = error instanceof CoreError && error.details.snapshot === "after" ? "ids_after" : "ids_before";
    throw duplicateIdError(error, side, m);
  }
  const c = m.overTime.columns;
  const out: Cell[][] = new Array(movers.count + 1);
  out[0] = [m.columns.customer, c.before, c.after, c.direction, c.measureBefore, c.measureAfter, c.change];
  const withMeasure = !!(mb || ma);
  const directions = MOVE_DIRECTIONS.map((d) => m.overTime.directions[d]);
  const v = { before: NaN, after: NaN, change: NaN };
  const cellsBefore = before.column.cells;
  const cellsAfter = after.column.cells;
  for (let k = 0; k < movers.count; k++) {
    const b = movers.beforeRow[k];
    const a = movers.afterRow[k];
    moverMeasures(sb, sa, b, a, v);
    // The id as the sheet holds it in the row the customer's tier was read from (a number stays a number, as
    // TIER.RFM returns it), so a lookup against the user's id column matches; the core keys 123 and "123" as
    // one customer by their text. The row is tiered, so its id is a customer's (customerKey is never null).
    const id = b >= 0 ? customerKey(cellsBefore[b]) : customerKey(cellsAfter[a]);
    out[k + 1] = [id!, b >= 0 ? before.tiers[b] : "", a >= 0 ? after.tiers[a] : "", directions[movers.direction[k]], blankIfNaN(v.before), blankIfNaN(v.after), withMeasure ? blankIfNaN(v.change) : ""];
  }
  return out;
}

/** The first tiers TIER.COHORT splits by: RFM segments (5 scores, the rfm scheme) or ABC classes by revenue (80 % / 95 %). */
const FIRST_TIERINGS: Record<string, HistoryTiering> = {
  segment: { by: "segment", bins: 5, scheme: "rfm" },
  abc: { by: "abcClass", basis: "revenue", aCut: 0.8, bCut: 0.95 },
};

/**
 * The cohort triangle: Cohort, Customers, P0, P1, … (the share of the cohort buying in each period
 * since its first; with measure "revenue", the revenue over the first period's). Without amounts every
 * row is a purchase of 0 (a customers triangle needs none). With `first_tier` ("segment" or "abc": the
 * tiers over-time/first-tier.ts defines, each customer's tier at the end of their first period) a
 * First tier column follows Cohort and there is one triangle per first tier, best first, stacked.
 */
export function cohortFunctionTable(customers: Range, dates: Range, amounts: unknown, by: unknown, measure: unknown, m: Messages, firstTier: unknown = null): Cell[][] {
  const byText = optionalText(by, "month", "by", m).toLowerCase();
  const measureText = optionalText(measure, "customers", "measure", m).toLowerCase();
  throwFirst(cohortOptionProblems({ by: byText, measure: measureText }));
  const splitText = optionalText(firstTier, "", "first_tier", m).toLowerCase();
  // "rfm" is read as segment too: the word people use for RFM segments.
  const tiering = splitText === "" ? null : ownValue(FIRST_TIERINGS, splitText === "rfm" ? "segment" : splitText);
  if (tiering === undefined) throw new ArgumentError(m.overTimeGaps.cohorts.badFirstTier(cellText(firstTier)));
  if (measureText === "revenue" && isOmitted(amounts)) throw new ArgumentError(m.overTime.functionErrors.revenueNeedsAmounts);
  const tx = transactionsArg(customers, dates, isOmitted(amounts) ? null : (amounts as Range), m);
  const options = { by: byText as CalendarPeriod, measure: measureText as CohortMeasure };
  const c = m.overTime.columns;
  const periods = (width: number) => Array.from({ length: width }, (_, k) => c.period(k));
  const values = (r: CohortRow, width: number) => Array.from({ length: width }, (_, k) => (k < r.values.length ? blankIfNaN(r.values[k]) : ""));
  if (!tiering) {
    const table = cohortTable(tx, options);
    return [[c.cohort, m.columns.customers, ...periods(table.width)], ...table.rows.map((r) => [r.cohort, r.customers, ...values(r, table.width)])];
  }
  const split = cohortsByFirstTier(tx, options, tiering);
  const label = (key: string) => (tiering.by === "segment" ? ((m.segments as Record<string, string>)[key] ?? key) : key);
  const out: Cell[][] = [[c.cohort, m.overTimeGaps.cohorts.firstTierColumn, m.columns.customers, ...periods(split.table.width)]];
  for (const t of split.triangles) for (const r of t.rows) out.push([r.cohort, label(t.tier), r.customers, ...values(r, split.table.width)]);
  return out;
}
