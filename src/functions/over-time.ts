/**
 * Adapters for =TIER.MOVERS and =TIER.COHORT (issue 14): the ranges read as TIER.MIGRATION and
 * TIER.RFM read theirs (migration.ts, transactions-arg.ts), the core computes (over-time/movers.ts,
 * over-time/cohort.ts), and the results spill with a header row. A number the core leaves undefined
 * (NaN: no measure, a period a cohort has not reached) spills as "", never as NaN or 0: Excel shows
 * null as 0, so "" is the blank (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json-autogeneration).
 */
import { cellText, excelErrorText, readNumberCell, type CellRead } from "../core/cells/coerce";
import { cohortOptionProblems, cohortTable, type CohortMeasure } from "../core/over-time/cohort";
import { knownTierOrder, mergeTierCase } from "../core/over-time/migration";
import { moversBetween } from "../core/over-time/movers";
import { CoreError, throwFirst } from "../core/cells/errors";
import type { CalendarPeriod } from "../core/transactions/window";
import type { Messages } from "../i18n";
import { scoreTierLabels } from "../i18n/describe";
import { column, isOmitted, optionalText, sameLength, type Column, type Range } from "./coerce";
import { ArgumentError } from "./errors";
import { duplicateIdError, readTierColumns } from "./migration";
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
  const before = readTierColumns(idsBefore, tiersBefore, { ids: "ids_before", tiers: "tiers_before" }, m);
  const after = readTierColumns(idsAfter, tiersAfter, { ids: "ids_after", tiers: "tiers_after" }, m);
  const mb = measureArg(measureBefore, "measure_before", { name: "ids_before", column: before.column }, m);
  const ma = measureArg(measureAfter, "measure_after", { name: "ids_after", column: after.column }, m);
  const given = orderArg(order, m);
  const known = given ?? knownTierOrder(mergeTierCase([before.tiers, after.tiers]), scoreTierLabels()) ?? undefined;
  let movers;
  try {
    movers = moversBetween({ ids: before.ids, tiers: before.tiers, measure: mb }, { ids: after.ids, tiers: after.tiers, measure: ma }, known);
  } catch (error) {
    // A duplicate id names the snapshot it was found in.
    const side = error instanceof CoreError && error.details.snapshot === "after" ? "ids_after" : "ids_before";
    throw duplicateIdError(error, side, m);
  }
  const c = m.overTime.columns;
  const out: Cell[][] = [[m.columns.customer, c.before, c.after, c.direction, c.measureBefore, c.measureAfter, c.change]];
  const withMeasure = !!(mb || ma);
  for (const r of movers.rows) {
    out.push([r.id, r.before, r.after, m.overTime.directions[r.direction], blankIfNaN(r.measureBefore), blankIfNaN(r.measureAfter), withMeasure ? blankIfNaN(r.change) : ""]);
  }
  return out;
}

/**
 * The cohort triangle: Cohort, Customers, P0, P1, … (the share of the cohort buying in each period
 * since its first; with measure "revenue", the revenue over the first period's). Without amounts every
 * row is a purchase of 0 (a customers triangle needs none).
 */
export function cohortFunctionTable(customers: Range, dates: Range, amounts: unknown, by: unknown, measure: unknown, m: Messages): Cell[][] {
  const byText = optionalText(by, "month").toLowerCase();
  const measureText = optionalText(measure, "customers").toLowerCase();
  throwFirst(cohortOptionProblems({ by: byText, measure: measureText }));
  if (measureText === "revenue" && isOmitted(amounts)) throw new ArgumentError(m.overTime.functionErrors.revenueNeedsAmounts);
  const tx = transactionsArg(customers, dates, isOmitted(amounts) ? null : (amounts as Range), m);
  const table = cohortTable(tx, { by: byText as CalendarPeriod, measure: measureText as CohortMeasure });
  const c = m.overTime.columns;
  const out: Cell[][] = [[c.cohort, m.columns.customers, ...Array.from({ length: table.width }, (_, k) => c.period(k))]];
  for (const r of table.rows) out.push([r.cohort, r.customers, ...Array.from({ length: table.width }, (_, k) => (k < r.values.length ? blankIfNaN(r.values[k]) : ""))]);
  return out;
}
