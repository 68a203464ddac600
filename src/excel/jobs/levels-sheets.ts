/**
 * The three sheets of membership levels (issue 15 §1) as column specs (results.ts `ColumnSpec`), so the job writes
 * them as it writes every table of customers (`resultRows`, `queueRows`: formats first, then values, split by bytes):
 * "Levels" (one row per customer of the core's result), "Level changes" (the history of changes, as the core listed
 * them) and "Downgrade warnings" (the customers flagged to drop at the next review, smallest gap to keep first; the
 * level they would drop to is the core's own rule, `levelAfterDowngrade`, not restated here).
 *
 * Cells follow the core's conventions (src/core/over-time/levels.ts): a customer with no level has no since, expires,
 * keep gap or next-level gap at the top, and those cells are blank rather than a sentinel date or a 0 that reads as
 * "nothing to do"; dates are whole day serials formatted as dates; amounts use the shared money format
 * (src/i18n/numbers.ts), orders the whole-number one.
 */
import { levelAfterDowngrade, type LevelChangeReason, type LevelPolicy, type LevelsResult } from "../../core/over-time/levels";
import type { Messages } from "../../i18n";
import { cellNumber, FORMAT } from "../formats";
import type { ColumnSpec } from "../results";

/** Sheet, its columns and how many rows: what the job writes for each of the three sheets. */
export interface LevelSheet {
  name: string;
  title: string;
  note: string | null;
  columns: ColumnSpec[];
  rows: number;
}

/** The metric's format: amounts with two decimals, orders whole. */
const metricFormat = (policy: LevelPolicy) => (policy.metric === "orders" ? FORMAT.whole : FORMAT.money);
const metricValue = (policy: LevelPolicy, v: number) => cellNumber(v, policy.metric === "orders" ? 0 : 2);
/** A day serial as a date cell, blank for the core's "none" (not a finite date after Excel's first day). */
const dateCell = (v: number) => (Number.isFinite(v) && v > 0 ? Math.floor(v) : "");

/** The level's name, or the sheets' "(none)" for -1. */
export function levelName(policy: LevelPolicy, index: number, m: Messages): string {
  return index >= 0 && index < policy.levels.length ? policy.levels[index].name : m.levelsPane.book.none;
}

export function levelsColumns(r: LevelsResult, policy: LevelPolicy, m: Messages): ColumnSpec[] {
  const c = m.levelsPane.book.levelsColumns;
  const b = m.levelsPane.book;
  const metric = m.levelsPane.metricOptions[policy.metric];
  const top = policy.levels.length - 1;
  return [
    { key: "customer", header: c.customer, format: null, value: (i) => r.customerIds[i] },
    { key: "level", header: c.level, format: FORMAT.text, value: (i) => levelName(policy, r.level[i], m) },
    { key: "since", header: c.since, format: FORMAT.date, value: (i) => (r.level[i] < 0 ? "" : dateCell(r.since[i])) },
    { key: "expires", header: c.expires, format: FORMAT.date, value: (i) => (r.level[i] < 0 ? "" : dateCell(r.expires[i])) },
    { key: "metric", header: c.metric(metric), format: metricFormat(policy), value: (i) => metricValue(policy, r.metric[i]) },
    { key: "gapToNext", header: c.gapToNext, format: metricFormat(policy), value: (i) => (r.level[i] >= top ? "" : metricValue(policy, r.gapToNext[i])) },
    { key: "gapToKeep", header: c.gapToKeep, format: metricFormat(policy), value: (i) => (r.level[i] < 0 ? "" : metricValue(policy, r.gapToKeep[i])) },
    { key: "downgrades", header: c.downgrades, format: FORMAT.text, value: (i) => (r.downgradesNextReview[i] ? b.yes : "") },
  ];
}

export function changesColumns(r: LevelsResult, policy: LevelPolicy, m: Messages): ColumnSpec[] {
  const c = m.levelsPane.book.changesColumns;
  const reasons: Record<LevelChangeReason, string> = m.levelsPane.book.reasons;
  const changes = r.changes;
  return [
    { key: "customer", header: c.customer, format: null, value: (i) => r.customerIds[changes[i].customer] },
    { key: "date", header: c.date, format: FORMAT.date, value: (i) => dateCell(changes[i].date) },
    { key: "from", header: c.from, format: FORMAT.text, value: (i) => levelName(policy, changes[i].from, m) },
    { key: "to", header: c.to, format: FORMAT.text, value: (i) => levelName(policy, changes[i].to, m) },
    { key: "reason", header: c.reason, format: FORMAT.text, value: (i) => reasons[changes[i].reason] },
  ];
}

/** The flagged customers (indices into the result), smallest gap to keep first, ties by the customer's order in the result. */
export function warningOrder(r: LevelsResult): Int32Array {
  const flagged: number[] = [];
  for (let i = 0; i < r.downgradesNextReview.length; i++) if (r.downgradesNextReview[i]) flagged.push(i);
  flagged.sort((a, b) => r.gapToKeep[a] - r.gapToKeep[b] || a - b);
  return Int32Array.from(flagged);
}

export function warningsColumns(r: LevelsResult, policy: LevelPolicy, order: Int32Array, m: Messages): ColumnSpec[] {
  const c = m.levelsPane.book.warningsColumns;
  const metric = m.levelsPane.metricOptions[policy.metric];
  const at = (i: number) => order[i];
  return [
    { key: "customer", header: c.customer, format: null, value: (i) => r.customerIds[at(i)] },
    { key: "level", header: c.level, format: FORMAT.text, value: (i) => levelName(policy, r.level[at(i)], m) },
    { key: "expires", header: c.expires, format: FORMAT.date, value: (i) => dateCell(r.expires[at(i)]) },
    { key: "metric", header: c.metric(metric), format: metricFormat(policy), value: (i) => metricValue(policy, r.metric[at(i)]) },
    { key: "keep", header: c.keep, format: metricFormat(policy), value: (i) => metricValue(policy, policy.levels[r.level[at(i)]].keep) },
    { key: "need", header: c.need, format: metricFormat(policy), value: (i) => metricValue(policy, r.gapToKeep[at(i)]) },
    { key: "dropsTo", header: c.dropsTo, format: FORMAT.text, value: (i) => levelName(policy, levelAfterDowngrade(policy.levels, r.level[at(i)], r.metric[at(i)]), m) },
  ];
}
