/**
 * The independent replay of issue 15 §1's level rules (the spec, read plainly), for the levels tests: a loop
 * over the review dates, per customer, that sums the window's rows afresh at every review. It imports nothing
 * of src/core/over-time/levels.ts (and no calendar helper of the core): its own month arithmetic on
 * JavaScript's UTC dates, its own review dates, its own window. Slow on purpose (customers × reviews × rows);
 * the product must give the same numbers.
 */
import type { Transactions } from "../../../src/core/transactions/model";

export interface ReplayPolicy {
  levels: readonly { name: string; entry: number; keep: number }[];
  metric: "spend" | "orders";
  windowMonths: number;
  validityMonths: number;
}
export interface ReplayChange {
  id: string | number;
  date: number;
  from: number;
  to: number;
  reason: string;
}
export interface ReplayCustomer {
  level: number;
  since: number;
  expires: number;
  metric: number;
  gapToNext: number;
  gapToKeep: number;
  downgrades: boolean;
}

const DAY = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);
const toDate = (serial: number) => new Date(EPOCH + serial * DAY);
const toSerial = (y: number, m0: number, d: number) => Math.round((Date.UTC(y, m0, d) - EPOCH) / DAY);
/** Last day of the month (0-based month m0 of year y; m0 may run past 11). */
const lastOfMonth = (y: number, m0: number) => new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate();

/** Excel's EDATE: same day `months` later, clamped to that month's last day. */
export function edate(serial: number, months: number): number {
  const t = toDate(serial);
  const y = t.getUTCFullYear();
  const m0 = t.getUTCMonth() + months;
  const first = new Date(Date.UTC(y, m0, 1));
  const day = Math.min(t.getUTCDate(), lastOfMonth(first.getUTCFullYear(), first.getUTCMonth()));
  return toSerial(first.getUTCFullYear(), first.getUTCMonth(), day);
}

function endOfMonth(serial: number): number {
  const t = toDate(serial);
  return toSerial(t.getUTCFullYear(), t.getUTCMonth() + 1, 0);
}

/** From a month-end, the month-end `months` away (EOMONTH); from another day, EDATE. */
export function monthsAway(serial: number, months: number): number {
  return endOfMonth(serial) === serial ? endOfMonth(edate(serial, months)) : edate(serial, months);
}

/** Month-ends in [from, asOf], then asOf when it is not a month-end; and the review after asOf. */
export function replayReviews(from: number, asOf: number): { dates: number[]; next: number } {
  const dates: number[] = [];
  for (let d = endOfMonth(from); d <= asOf; d = endOfMonth(d + 1)) dates.push(d);
  const monthEnd = endOfMonth(asOf) === asOf;
  if (!monthEnd) dates.push(asOf);
  return { dates, next: monthEnd ? endOfMonth(asOf + 1) : endOfMonth(asOf) };
}

/** The rules replayed for every customer who has a row on or before asOf. */
export function replayLevels(tx: Transactions, policy: ReplayPolicy, asOf: number, from?: number): { customers: Map<string | number, ReplayCustomer>; changes: ReplayChange[] } {
  const rows = new Map<string | number, { day: number; amount: number }[]>();
  let firstDay = Infinity;
  for (let i = 0; i < tx.validRows; i++) {
    const day = Math.floor(tx.date[i]);
    if (day > asOf) continue;
    const id = tx.customerIds[tx.customer[i]];
    if (!rows.has(id)) rows.set(id, []);
    rows.get(id)!.push({ day, amount: tx.amount[i] });
    firstDay = Math.min(firstDay, day);
  }
  const { dates, next } = replayReviews(from ?? firstDay, asOf);
  const L = policy.levels.length;
  const customers = new Map<string | number, ReplayCustomer>();
  const changes: ReplayChange[] = [];
  const metricAt = (list: { day: number; amount: number }[], d: number) => {
    const start = monthsAway(d, -policy.windowMonths);
    let spend = 0;
    let orders = 0;
    for (const r of list) {
      if (r.day > start && r.day <= d) {
        spend += r.amount;
        if (r.amount >= 0) orders++;
      }
    }
    return policy.metric === "orders" ? orders : spend;
  };
  for (const [id, unsorted] of rows) {
    // Date order, same-day rows in input order (Array.prototype.sort is stable).
    const list = [...unsorted].sort((a, b) => a.day - b.day);
    const purchases = list.filter((r) => r.amount >= 0).map((r) => r.day);
    const first = purchases.length ? Math.min(...purchases) : Infinity;
    let level = -1;
    let since = 0;
    let expires = 0;
    for (const d of dates) {
      if (d < first) continue;
      const m = metricAt(list, d);
      let up = -1;
      policy.levels.forEach((l, k) => {
        if (l.entry <= m) up = k;
      });
      if (up > level) {
        changes.push({ id, date: d, from: level, to: up, reason: "upgrade" });
        level = up;
        since = d;
        expires = monthsAway(d, policy.validityMonths);
      } else if (level >= 0 && d >= expires) {
        if (m >= policy.levels[level].keep) {
          changes.push({ id, date: d, from: level, to: level, reason: "kept" });
          expires = monthsAway(d, policy.validityMonths);
        } else {
          let to = -1;
          for (let k = 0; k < level; k++) if (m >= policy.levels[k].keep) to = k;
          changes.push({ id, date: d, from: level, to, reason: "downgrade" });
          level = to;
          since = d;
          expires = to >= 0 ? monthsAway(d, policy.validityMonths) : 0;
        }
      }
    }
    const m = metricAt(list, asOf);
    customers.set(id, {
      level,
      since,
      expires,
      metric: m,
      gapToNext: level < L - 1 ? Math.max(0, policy.levels[level + 1].entry - m) : 0,
      gapToKeep: level >= 0 ? Math.max(0, policy.levels[level].keep - m) : 0,
      downgrades: level >= 0 && expires <= next && m < policy.levels[level].keep,
    });
  }
  return { customers, changes };
}
