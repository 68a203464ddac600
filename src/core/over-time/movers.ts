/**
 * Who moved: per customer between two snapshots, the previous and current tier and the direction.
 * Where migration.ts counts moves (the matrix), this lists them, one row per customer, so a manager
 * can filter "was A, now C" and call those customers.
 *
 * Direction: new (only in the later snapshot), gone (only in the earlier), same, and with a known tier
 * order (migration.ts tierOrder: given, A/B/C, score bands, numbers) up or down; without one (RFM
 * segments) a move is "changed". The measure (revenue in each period, say) and its change come
 * along; a side without the customer counts 0 toward the change, and NaN where no measure was given.
 * `beforeRow` / `afterRow` point back into the snapshots, so callers can add any column they hold
 * (P(alive), CLV) without this module knowing it.
 */
import { CoreError } from "../cells/errors";
import type { History } from "./history";
import { tierOrder, type TierSnapshot } from "./migration";

export type MoveDirection = "up" | "down" | "same" | "new" | "gone" | "changed";

export interface MoverRow {
  id: string;
  /** "" when new. */
  before: string;
  /** "" when gone. */
  after: string;
  direction: MoveDirection;
  /** Measures (NaN when that side has no measure or no customer) and after − before (a missing side as 0). */
  measureBefore: number;
  measureAfter: number;
  change: number;
  /** Row in each snapshot, −1 when absent. */
  beforeRow: number;
  afterRow: number;
}

export interface Movers {
  /** Tiers best first when `ordered`, else in order of first appearance. */
  tiers: string[];
  ordered: boolean;
  rows: MoverRow[];
}

function indexRows(s: TierSnapshot, side: "before" | "after"): Map<string, number> {
  if (s.tiers.length !== s.ids.length) throw new RangeError(`${side}: ${s.ids.length} ids but ${s.tiers.length} tiers`);
  if (s.measure && s.measure.length !== s.ids.length) throw new RangeError(`${side} measure: ${s.measure.length} values for ${s.ids.length} rows`);
  const rows = new Map<string, number>();
  for (let i = 0; i < s.ids.length; i++) {
    const id = s.ids[i];
    if (id === "" || s.tiers[i] === "") continue;
    const first = rows.get(id);
    if (first !== undefined) throw new CoreError("duplicateId", { id, row: i, firstRow: first, snapshot: side });
    rows.set(id, i);
  }
  return rows;
}

/**
 * One row per customer tiered in either snapshot (ids canonical, as migrationMatrix takes them;
 * untiered rows left out): the earlier snapshot's customers in its order, then the new ones.
 */
export function moversBetween(before: TierSnapshot, after: TierSnapshot, order?: readonly string[]): Movers {
  const rowsBefore = indexRows(before, "before");
  const rowsAfter = indexRows(after, "after");
  const { tiers, known } = tierOrder([before.tiers, after.tiers], order);
  const rank = new Map(tiers.map((t, k) => [t, k] as const));
  const mb = before.measure;
  const ma = after.measure;
  const out: MoverRow[] = [];
  const row = (id: string, b: number, a: number): MoverRow => {
    const tb = b >= 0 ? before.tiers[b] : "";
    const ta = a >= 0 ? after.tiers[a] : "";
    let direction: MoveDirection;
    if (b < 0) direction = "new";
    else if (a < 0) direction = "gone";
    else if (tb === ta) direction = "same";
    else if (!known) direction = "changed";
    else direction = (rank.get(ta) ?? 0) < (rank.get(tb) ?? 0) ? "up" : "down";
    const vb = mb && b >= 0 ? mb[b] : NaN;
    const va = ma && a >= 0 ? ma[a] : NaN;
    const change = mb || ma ? (va === va ? va : 0) - (vb === vb ? vb : 0) : NaN;
    // Two finite measures whose difference passes the largest double (−1e308 then 1e308): refused, never a blank change.
    if (change === Infinity || change === -Infinity) throw new CoreError("sumOverflow", { field: "measure_after", row: -1, value: "" });
    return { id, before: tb, after: ta, direction, measureBefore: vb, measureAfter: va, change, beforeRow: b, afterRow: a };
  };
  for (const [id, b] of rowsBefore) out.push(row(id, b, rowsAfter.get(id) ?? -1));
  for (const [id, a] of rowsAfter) if (!rowsBefore.has(id)) out.push(row(id, -1, a));
  return { tiers, ordered: known, rows: out };
}

/**
 * A history snapshot as migration and movers take it: canonical ids, tier names ("" untiered), and
 * the measure (`period`: revenue in the period it closes; `window`: monetary over the window).
 */
export function historyTierSnapshot(history: History, k: number, measure: "period" | "window" = "period"): TierSnapshot {
  const s = history.snapshots[k];
  if (!s) throw new RangeError(`no snapshot ${k}`);
  const ids = Array.from(s.customers, (c) => String(history.customerIds[c]));
  const tiers = Array.from(s.tier, (t) => (t < 0 ? "" : history.tierNames[t]));
  return { ids, tiers, measure: measure === "period" ? s.periodRevenue : s.monetary };
}

/** Movers between two snapshots of a history (default the last two), tier order from the history. */
export function historyMovers(history: History, from = history.snapshots.length - 2, to = history.snapshots.length - 1): Movers {
  const order = history.ordered ? history.tierNames : undefined;
  return moversBetween(historyTierSnapshot(history, from), historyTierSnapshot(history, to), order);
}
