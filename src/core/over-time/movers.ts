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
import type { CustomerId } from "../cells/coerce";
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

/** Directions by code, as `MoverColumns.direction` holds them. */
export const MOVE_DIRECTIONS: readonly MoveDirection[] = ["up", "down", "same", "new", "gone", "changed"];
const UP = 0, DOWN = 1, SAME = 2, NEW = 3, GONE = 4, CHANGED = 5;

/**
 * The movers as columns, one entry per customer (no object per customer: TIER.MOVERS spills a whole column
 * of them, and a row object and a second id index cost more than the table itself; PERFORMANCE.md):
 * the row of each side (−1 when absent) and the direction's code (MOVE_DIRECTIONS). Ids, tiers and
 * measures are the snapshots' own, read through the rows.
 */
export interface MoverColumns {
  tiers: string[];
  ordered: boolean;
  count: number;
  beforeRow: Int32Array;
  afterRow: Int32Array;
  direction: Uint8Array;
}

function checkLengths(s: TierSnapshot, side: "before" | "after"): void {
  if (s.tiers.length !== s.ids.length) throw new RangeError(`${side}: ${s.ids.length} ids but ${s.tiers.length} tiers`);
  if (s.measure && s.measure.length !== s.ids.length) throw new RangeError(`${side} measure: ${s.measure.length} values for ${s.ids.length} rows`);
}

/** The first tiered row of `id` in a snapshot (for the duplicate's message; only on that error). */
function firstRowOf(s: TierSnapshot, id: CustomerId): number {
  for (let i = 0; i < s.ids.length; i++) if (s.ids[i] === id && s.tiers[i] !== "") return i;
  return -1;
}

/**
 * One entry per customer tiered in either snapshot (ids canonical, as migrationMatrix takes them;
 * untiered rows left out): the earlier snapshot's customers in its order, then the new ones in the later's.
 * One index over both snapshots (id → entry), so each id is hashed about twice, not six times.
 */
export function moverColumns(before: TierSnapshot, after: TierSnapshot, order?: readonly string[]): MoverColumns {
  checkLengths(before, "before");
  const nb = before.ids.length;
  const na = after.ids.length;
  const beforeRow = new Int32Array(nb + na);
  const afterRow = new Int32Array(nb + na);
  const entry = new Map<CustomerId, number>();
  let count = 0;
  for (let i = 0; i < nb; i++) {
    const id = before.ids[i];
    if (id === "" || before.tiers[i] === "") continue;
    entry.set(id, count);
    // The size unchanged: the id was there already, a second tiered row of one customer.
    if (entry.size === count) throw new CoreError("duplicateId", { id: String(id), row: i, firstRow: firstRowOf(before, id), snapshot: "before" });
    beforeRow[count] = i;
    afterRow[count] = -1;
    count++;
  }
  checkLengths(after, "after");
  for (let i = 0; i < na; i++) {
    const id = after.ids[i];
    if (id === "" || after.tiers[i] === "") continue;
    const k = entry.get(id);
    if (k === undefined) {
      entry.set(id, count);
      beforeRow[count] = -1;
      afterRow[count] = i;
      count++;
    } else if (afterRow[k] >= 0) {
      throw new CoreError("duplicateId", { id: String(id), row: i, firstRow: afterRow[k], snapshot: "after" });
    } else afterRow[k] = i;
  }
  const { tiers, known } = tierOrder([before.tiers, after.tiers], order);
  const rank = new Map(tiers.map((t, k) => [t, k] as const));
  const direction = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const b = beforeRow[k];
    const a = afterRow[k];
    if (b < 0) direction[k] = NEW;
    else if (a < 0) direction[k] = GONE;
    else {
      const tb = before.tiers[b];
      const ta = after.tiers[a];
      if (tb === ta) direction[k] = SAME;
      else if (!known) direction[k] = CHANGED;
      else direction[k] = (rank.get(ta) ?? 0) < (rank.get(tb) ?? 0) ? UP : DOWN;
    }
  }
  return { tiers, ordered: known, count, beforeRow: beforeRow.subarray(0, count), afterRow: afterRow.subarray(0, count), direction };
}

/**
 * A mover's measures and their change: NaN where that side has no measure or no customer; the change is
 * after − before with a missing side as 0, NaN when neither side has a measure. Writes into `out`.
 */
export function moverMeasures(before: TierSnapshot, after: TierSnapshot, b: number, a: number, out: { before: number; after: number; change: number }): void {
  const mb = before.measure;
  const ma = after.measure;
  const vb = mb && b >= 0 ? mb[b] : NaN;
  const va = ma && a >= 0 ? ma[a] : NaN;
  const change = mb || ma ? (va === va ? va : 0) - (vb === vb ? vb : 0) : NaN;
  // Two finite measures whose difference passes the largest double (−1e308 then 1e308): refused, never a blank change.
  if (change === Infinity || change === -Infinity) throw new CoreError("sumOverflow", { field: "measure_after", row: -1, value: "" });
  out.before = vb;
  out.after = va;
  out.change = change;
}

/**
 * One row per customer tiered in either snapshot (ids canonical, as migrationMatrix takes them;
 * untiered rows left out): the earlier snapshot's customers in its order, then the new ones.
 * moverColumns as row objects, for the callers that keep few rows or want them whole (the Movers sheet, `tier movers`).
 */
export function moversBetween(before: TierSnapshot, after: TierSnapshot, order?: readonly string[]): Movers {
  const c = moverColumns(before, after, order);
  const out: MoverRow[] = new Array(c.count);
  const v = { before: NaN, after: NaN, change: NaN };
  for (let k = 0; k < c.count; k++) {
    const b = c.beforeRow[k];
    const a = c.afterRow[k];
    moverMeasures(before, after, b, a, v);
    const id = String(b >= 0 ? before.ids[b] : after.ids[a]);
    const tb = b >= 0 ? before.tiers[b] : "";
    const ta = a >= 0 ? after.tiers[a] : "";
    out[k] = { id, before: tb, after: ta, direction: MOVE_DIRECTIONS[c.direction[k]], measureBefore: v.before, measureAfter: v.after, change: v.change, beforeRow: b, afterRow: a };
  }
  return { tiers: c.tiers, ordered: c.ordered, rows: out };
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
