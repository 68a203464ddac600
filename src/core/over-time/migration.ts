/**
 * Tier migration between two snapshots of the same customers (an earlier run's tiers and a later
 * one's): the from→to matrix with "new" and "gone", the upgrade / downgrade / stay rates, and per
 * tier how the earlier tier's customers did by the later snapshot (retention, repurchase, revenue).
 *
 * A snapshot is customer ids and tiers, one per row. Ids are texts made canonical (customerIdText: 123 and "123"
 * are one customer) or keys equal exactly when their texts are (functions/migration.ts readTierKeys: numbers
 * hashed as numbers, not made text); a row whose id or tier is "" is not in the
 * snapshot (a customer without a tier is left out of both sides). An id twice in one snapshot is a
 * CoreError("duplicateId"): a customer has one tier at a time.
 *
 * Tier order (best first) decides what counts as up or down: the `order` given (all its tiers, then
 * any others in order of first appearance), else a known order when every tier is in it (A, B, C;
 * the score bands' keys; case ignored), else, when every tier is a number (RFM totals such as 12, score
 * levels 1 … 5), by number, the highest best. Otherwise the order is unknown: the tiers are listed in
 * order of first appearance (earlier snapshot first), which says nothing about better or worse, so
 * migrationRates gives no up and down (NaN) for such a matrix (`MigrationMatrix.ordered` is false);
 * pass an order to get them. Tiers are otherwise compared exactly; mergeTierCase makes spellings that
 * differ in case one tier.
 */
import { ABC_LABELS } from "../tiers/abc";
import { CoreError } from "../cells/errors";
import { customerKey, type CustomerId } from "../cells/coerce";
import { SCORE_TIER_KEYS } from "../tiers/score";

/** Tier vocabularies whose order is known, best first. Labels in a language are the caller's business. */
export const KNOWN_TIER_ORDERS: readonly (readonly string[])[] = [ABC_LABELS, SCORE_TIER_KEYS];

export interface TierSnapshot {
  ids: readonly CustomerId[];
  /** "" = not tiered (left out). */
  tiers: readonly string[];
  /** Per row, e.g. revenue; NaN adds nothing. */
  measure?: ArrayLike<number>;
}

export interface MigrationMatrix {
  /** The tier names, best first (when `ordered`; else in order of first appearance). */
  tiers: string[];
  /** True when the order of `tiers` is known (given, a known vocabulary, or numbers): up and down mean something. */
  ordered: boolean;
  /**
   * (k+1)×(k+1), row-major: rows are the earlier tiers and "new" (index k), columns the later tiers and
   * "gone" (index k). [k][k] is always 0.
   */
  counts: Float64Array;
  /**
   * Same shape, the sum of the measure when a snapshot has one: a customer in the later snapshot adds its
   * later measure; a gone customer adds its earlier measure (0 when only the later snapshot has one).
   */
  values: Float64Array | null;
}

export interface MigrationRates {
  /** Customers in the earlier snapshot. */
  customers: number;
  upgraded: number;
  downgraded: number;
  stayed: number;
  gone: number;
  /** Moved to another tier: upgraded + downgraded, counted with or without an order. */
  changed: number;
  /** Customers only in the later snapshot. */
  new: number;
  /**
   * Shares of the earlier snapshot's customers (NaN when it has none); the four add up to 1. Without a
   * known tier order (`MigrationMatrix.ordered` false) upgraded, downgraded and their rates are NaN:
   * a move between two tiers is neither up nor down until an order says which tier is better.
   */
  upgradeRate: number;
  downgradeRate: number;
  changeRate: number;
  stayRate: number;
  goneRate: number;
}

/** Snapshot records for effect monitoring; dates are Excel serials. */
export interface SnapshotRecords {
  /** The snapshot's analysis date. */
  asOf: number;
  ids: readonly string[];
  tiers: readonly string[];
  revenue: ArrayLike<number>;
  orders: ArrayLike<number>;
  lastPurchase: ArrayLike<number>;
}

export interface TierEffect {
  tier: string;
  /** The tier's customers in the earlier snapshot. */
  customers: number;
  /** …still in the later snapshot. */
  retained: number;
  retentionRate: number;
  /** …who bought after the earlier snapshot's date. */
  repurchased: number;
  repurchaseRate: number;
  /** Sum of their revenue in the earlier snapshot, and in the later one (gone customers add 0). */
  revenueBefore: number;
  revenueAfter: number;
  revenueChange: number;
  /** revenueChange / revenueBefore; NaN when revenueBefore is 0. */
  revenueChangeRate: number;
}

/**
 * A customer cell as a snapshot id: text trimmed, numbers and canonical numeric text as one ("123"),
 * "00123" kept as text; null for a blank, an Excel error or a missing-id marker (NA, NULL …), as
 * customerKey decides. Text never collides with a number's text: canonical numeric text is the number.
 */
export function customerIdText(cell: unknown): string | null {
  const key = customerKey(cell);
  return key === null ? null : String(key);
}

/**
 * The tiers in `appearing` sorted by their place in the first vocabulary that holds all of them, or null
 * when none does. `fold` maps a name before it is looked up (e.g. to lower case for labels).
 */
export function orderByVocabulary(
  appearing: readonly string[],
  vocabularies: readonly (readonly string[])[],
  fold: (name: string) => string = (name) => name,
): string[] | null {
  for (const vocabulary of vocabularies) {
    const rank = new Map(vocabulary.map((name, k) => [fold(name), k]));
    if (appearing.every((t) => rank.has(fold(t)))) {
      return appearing
        .map((t, k) => ({ t, k, r: rank.get(fold(t))! }))
        .sort((a, b) => a.r - b.r || a.k - b.k)
        .map((x) => x.t);
    }
  }
  return null;
}

/** A tier written as a plain decimal number ("12", "4.5", "-1", "1e3"). */
const NUMBER_TIER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * `appearing` sorted best first when every name is in one known order (KNOWN_TIER_ORDERS, then `labels`,
 * e.g. the score bands' labels in each language), case ignored; else, when every name is a number, by
 * number, the highest first (equal numbers written apart, "1" and "1.0", by their text); a single tier
 * as it is; null otherwise.
 */
export function knownTierOrder(appearing: readonly string[], labels: readonly (readonly string[])[] = []): string[] | null {
  // One tier (or none) has nothing to be better or worse than.
  if (appearing.length <= 1) return [...appearing];
  const known = orderByVocabulary(appearing, [...KNOWN_TIER_ORDERS, ...labels], (name) => name.toLowerCase());
  if (known || !appearing.every((t) => NUMBER_TIER.test(t))) return known;
  return [...appearing].sort((a, b) => Number(b) - Number(a) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Case does not tell tiers apart (as Excel compares text): every spelling of a tier is rewritten, in
 * place, to its first one. Returns the distinct tiers ("" skipped) in order of first appearance.
 */
export function mergeTierCase(columns: string[][]): string[] {
  const first = new Map<string, string>();
  for (const tiers of columns) {
    for (let i = 0; i < tiers.length; i++) {
      if (tiers[i] === "") continue;
      const key = tiers[i].toLowerCase();
      const spelling = first.get(key);
      if (spelling === undefined) first.set(key, tiers[i]);
      else tiers[i] = spelling;
    }
  }
  return [...first.values()];
}

/**
 * The tier list for the tiers in these columns ("" skipped), best first when `known` (see the module
 * comment); with an unknown order, in order of first appearance.
 */
export function tierOrder(columns: readonly (readonly string[])[], order?: readonly string[]): { tiers: string[]; known: boolean } {
  const appearing: string[] = [];
  const seen = new Set<string>();
  const add = (t: string) => {
    if (t !== "" && !seen.has(t)) {
      seen.add(t);
      appearing.push(t);
    }
  };
  if (order) {
    // The order must name every tier and nothing else; case aside (Excel compares text so), a tier takes the
    // spelling it has in the data. A wrong order would silently count moves up as down.
    for (const column of columns) for (const t of column) add(t);
    const byKey = new Map(appearing.map((t) => [t.toLowerCase(), t] as const));
    const ordered: string[] = [];
    const named = new Set<string>();
    for (const t of order) {
      const key = t.toLowerCase();
      if (t === "" || named.has(key)) continue;
      named.add(key);
      ordered.push(byKey.get(key) ?? t);
    }
    const missing = appearing.filter((t) => !named.has(t.toLowerCase()));
    if (missing.length > 0) throw new CoreError("orderMissingTier", { tier: missing[0], order: ordered.join(", ") });
    return { tiers: ordered, known: true };
  }
  for (const column of columns) for (const t of column) add(t);
  const known = knownTierOrder(appearing);
  return known ? { tiers: known, known: true } : { tiers: appearing, known: false };
}

type Side = "before" | "after";

/**
 * The customers of two snapshots matched by id, with one Map for both (issue 12: a whole column of 170,000
 * ids indexed twice and looked up twice took a third of a second). Per side, the rows with an id in row order
 * and, beside each, the other snapshot's row of that id (−1 when it has none), tiered or not. An id twice in
 * one snapshot is a CoreError naming the row where it comes again and its first row (untiered rows included:
 * a customer has one row per snapshot); the earlier snapshot is checked first. A row whose tier is "" is not
 * in the snapshot: callers skip it (`tiered`).
 */
interface Joined {
  beforeRows: Int32Array;
  /** Per entry of beforeRows, the later snapshot's row of its id, or −1. */
  afterOfBefore: Int32Array;
  afterRows: Int32Array;
  beforeOfAfter: Int32Array;
}

function joinSnapshots(before: { ids: readonly CustomerId[]; tiers: readonly string[] }, after: { ids: readonly CustomerId[]; tiers: readonly string[] }): Joined {
  const slotOf = new Map<CustomerId, number>();
  const sides = [before, after];
  const names: Side[] = ["before", "after"];
  // Per slot (an id), its row in each snapshot; per side, each row's slot.
  const rowIn = [new Int32Array(before.ids.length + after.ids.length).fill(-1), new Int32Array(before.ids.length + after.ids.length).fill(-1)];
  const rows: Int32Array[] = [];
  const slots: Int32Array[] = [];
  for (let side = 0; side < 2; side++) {
    const { ids, tiers } = sides[side];
    if (tiers.length !== ids.length) throw new RangeError(`${names[side]}: ${ids.length} ids but ${tiers.length} tiers`);
    const sideRows: number[] = [];
    const sideSlots: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id === "") continue;
      let slot = slotOf.get(id);
      if (slot === undefined) {
        slot = slotOf.size;
        slotOf.set(id, slot);
      }
      const first = rowIn[side][slot];
      if (first !== -1) throw new CoreError("duplicateId", { id: String(id), row: i, firstRow: first, snapshot: names[side] });
      rowIn[side][slot] = i;
      sideRows.push(i);
      sideSlots.push(slot);
    }
    rows.push(Int32Array.from(sideRows));
    slots.push(Int32Array.from(sideSlots));
  }
  const other = (side: number) => slots[side].map((slot) => rowIn[1 - side][slot]);
  return { beforeRows: rows[0], afterOfBefore: other(0), afterRows: rows[1], beforeOfAfter: other(1) };
}

/** The row when it is in the snapshot (a row, and its tier not ""), else undefined. */
function tiered(row: number, tiers: readonly string[]): number | undefined {
  return row >= 0 && tiers[row] !== "" ? row : undefined;
}

function checkLength(values: ArrayLike<number> | undefined, n: number, what: string): void {
  if (values && values.length !== n) throw new RangeError(`${what}: ${values.length} values for ${n} rows`);
}

export function migrationMatrix(before: TierSnapshot, after: TierSnapshot, order?: readonly string[]): MigrationMatrix {
  const joined = joinSnapshots(before, after);
  checkLength(before.measure, before.ids.length, "before measure");
  checkLength(after.measure, after.ids.length, "after measure");
  checkTierCount(before.tiers, "before");
  checkTierCount(after.tiers, "after");
  const { tiers, known } = tierOrder([before.tiers, after.tiers], order);
  const k = tiers.length;
  if (k > MAX_MIGRATION_TIERS) throw new CoreError("tooManyValues", { snapshot: "after", count: k, max: MAX_MIGRATION_TIERS });
  const w = k + 1;
  const index = new Map(tiers.map((t, i) => [t, i]));
  const counts = new Float64Array(w * w);
  const values = before.measure || after.measure ? new Float64Array(w * w) : null;
  const add = (cell: number, measure: ArrayLike<number> | undefined, row: number) => {
    counts[cell]++;
    if (values && measure) {
      const v = measure[row];
      if (v === v) values[cell] += v;
      if (values[cell] - values[cell] !== 0) throw new CoreError("sumOverflow", { field: "measure", row, value: v });
    }
  };
  for (let e = 0; e < joined.beforeRows.length; e++) {
    const i = joined.beforeRows[e];
    if (before.tiers[i] === "") continue;
    const from = index.get(before.tiers[i])!;
    const j = tiered(joined.afterOfBefore[e], after.tiers);
    if (j === undefined) add(from * w + k, before.measure, i);
    else add(from * w + index.get(after.tiers[j])!, after.measure, j);
  }
  for (let e = 0; e < joined.afterRows.length; e++) {
    const j = joined.afterRows[e];
    if (after.tiers[j] !== "" && tiered(joined.beforeOfAfter[e], before.tiers) === undefined) add(k * w + index.get(after.tiers[j])!, after.measure, j);
  }
  return { tiers, ordered: known, counts, values };
}

/**
 * Up = to a tier earlier in m.tiers (index 0 is the best). Without a known order (`m.ordered` false) up
 * and down are NaN; stay, gone and new are counted all the same.
 */
export function migrationRates(m: MigrationMatrix): MigrationRates {
  const k = m.tiers.length;
  const w = k + 1;
  let upgraded = 0;
  let downgraded = 0;
  let stayed = 0;
  let gone = 0;
  let fresh = 0;
  for (let from = 0; from < k; from++) {
    for (let to = 0; to < k; to++) {
      const c = m.counts[from * w + to];
      if (to < from) upgraded += c;
      else if (to > from) downgraded += c;
      else stayed += c;
    }
    gone += m.counts[from * w + k];
  }
  for (let to = 0; to < k; to++) fresh += m.counts[k * w + to];
  const customers = upgraded + downgraded + stayed + gone;
  const changed = upgraded + downgraded;
  if (!m.ordered) {
    upgraded = NaN;
    downgraded = NaN;
  }
  return {
    customers,
    upgraded,
    downgraded,
    stayed,
    gone,
    changed,
    new: fresh,
    upgradeRate: upgraded / customers,
    downgradeRate: downgraded / customers,
    changeRate: changed / customers,
    stayRate: stayed / customers,
    goneRate: gone / customers,
  };
}

/**
 * The most distinct tiers a migration matrix takes. The matrix is (k+2)×(k+2): 20,000 distinct "tiers"
 * (a revenue column mapped as the tier by mistake) once took 23 s and 7 GB for a table wider than
 * Excel's 16,384 columns. Real tierings have a handful (RFM's 11 segments, 5 score bands, 125 RFM codes
 * at the most); 200 leaves room for any of them and keeps the table readable.
 */
export const MAX_MIGRATION_TIERS = 200;

/** CoreError("tooManyValues") when one snapshot has more than MAX_MIGRATION_TIERS distinct tiers, before any table is made. */
function checkTierCount(tiers: readonly string[], snapshot: "before" | "after"): void {
  const seen = new Set<string>();
  for (const t of tiers) {
    if (t === "") continue;
    seen.add(t);
    if (seen.size > MAX_MIGRATION_TIERS) break;
  }
  if (seen.size <= MAX_MIGRATION_TIERS) return;
  for (const t of tiers) if (t !== "") seen.add(t);
  throw new CoreError("tooManyValues", { snapshot, count: seen.size, max: MAX_MIGRATION_TIERS });
}

/**
 * The matrix with its totals, as the functions and the CLI show it: (k+2)×(k+2), row-major, `width` =
 * k + 2. Rows are the earlier tiers, "new" (index k) and the column totals (index k+1); columns the
 * later tiers, "gone" (index k) and the row totals (index k+1). The cells are the measure's sums when
 * the matrix has them (`values`), else the counts. The new → gone cell [k][k] is NaN: no customer can
 * be in it, and a table shows it blank; it adds nothing to the totals.
 */
export function migrationTotals(m: MigrationMatrix): { width: number; cells: Float64Array } {
  const k = m.tiers.length;
  const w = k + 1;
  const width = k + 2;
  const source = m.values ?? m.counts;
  const cells = new Float64Array(width * width);
  for (let r = 0; r <= k; r++) {
    let total = 0;
    for (let c = 0; c <= k; c++) {
      const v = source[r * w + c];
      total += v;
      cells[r * width + c] = v;
      cells[(k + 1) * width + c] += v;
    }
    cells[r * width + k + 1] = total;
    cells[(k + 1) * width + k + 1] += total;
  }
  // The finite-number rule for sums: each cell is finite (migrationMatrix), but a total of them can still
  // pass the largest double; that is the measure's problem, not a table with Infinity in it.
  for (let i = 0; i < cells.length; i++) if (cells[i] - cells[i] !== 0) throw new CoreError("sumOverflow", { field: "measure", row: -1, value: "" });
  cells[k * width + k] = NaN;
  return { width, cells };
}

/**
 * Per tier of the earlier snapshot (best first, in the order migrationMatrix uses; tiers without earlier
 * customers are left out): how many of its customers are still in the later snapshot, how many bought
 * after the earlier analysis date (the later snapshot's last purchase is after `before.asOf`; where a
 * last purchase is NaN, its order count went up), and their revenue in each snapshot. What "revenue"
 * is (to date, or in the period) is whatever the snapshots hold.
 */
export function tierEffects(before: SnapshotRecords, after: SnapshotRecords, order?: readonly string[]): TierEffect[] {
  const joined = joinSnapshots(before, after);
  for (const [side, s] of [["before", before], ["after", after]] as const) {
    checkLength(s.revenue, s.ids.length, `${side} revenue`);
    checkLength(s.orders, s.ids.length, `${side} orders`);
    checkLength(s.lastPurchase, s.ids.length, `${side} lastPurchase`);
  }
  const { tiers } = tierOrder([before.tiers, after.tiers], order);
  const index = new Map(tiers.map((t, i) => [t, i]));
  const effects: TierEffect[] = tiers.map((tier) => ({
    tier,
    customers: 0,
    retained: 0,
    retentionRate: NaN,
    repurchased: 0,
    repurchaseRate: NaN,
    revenueBefore: 0,
    revenueAfter: 0,
    revenueChange: 0,
    revenueChangeRate: NaN,
  }));
  const sum = (v: number) => (v === v ? v : 0);
  for (let k = 0; k < joined.beforeRows.length; k++) {
    const i = joined.beforeRows[k];
    if (before.tiers[i] === "") continue;
    const e = effects[index.get(before.tiers[i])!];
    e.customers++;
    e.revenueBefore += sum(before.revenue[i]);
    const j = tiered(joined.afterOfBefore[k], after.tiers);
    if (j === undefined) continue;
    e.retained++;
    e.revenueAfter += sum(after.revenue[j]);
    const last = after.lastPurchase[j];
    if (last === last ? last > before.asOf : after.orders[j] > before.orders[i]) e.repurchased++;
  }
  const out = effects.filter((e) => e.customers > 0);
  for (const e of out) {
    e.retentionRate = e.retained / e.customers;
    e.repurchaseRate = e.repurchased / e.customers;
    e.revenueChange = e.revenueAfter - e.revenueBefore;
    e.revenueChangeRate = e.revenueBefore === 0 ? NaN : e.revenueChange / e.revenueBefore;
  }
  return out;
}
