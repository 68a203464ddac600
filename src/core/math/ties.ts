/**
 * Tie groups of a column: its distinct values ascending, how many values each holds, and each value's
 * group. ABC ranks ten million values (issue 12: `tier abc` in ≤ 10 s) and everything it writes for a
 * value depends only on the value's tie group; real columns of amounts hold far fewer distinct values
 * than rows (the 10 M bench file: 19,408), so the values are grouped by a hash table that stays
 * in cache and only the distinct values are sorted. A column with more distinct values than
 * `maxHashed` is sorted whole instead (the radix sort of sort.ts), so the worst case stays linear.
 */
import { ascendingOrder } from "./sort";

export interface TieGroups {
  /** Distinct non-NaN values, ascending (−0 counts as 0). */
  distinct: Float64Array;
  /** Values in each group. */
  size: Int32Array;
  /** Per value: its group (index into distinct), −1 for NaN. */
  group: Int32Array;
  /** Non-NaN values. */
  counted: number;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function tieGroups(values: ArrayLike<number>, maxHashed = 1 << 20): TieGroups {
  return hashed(values, maxHashed) ?? sorted(values);
}

/** Grouping by hash; null when there are more than `maxHashed` distinct values. */
function hashed(values: ArrayLike<number>, maxHashed: number): TieGroups | null {
  const n = values.length;
  let bits = 12;
  let keys = new Float64Array(1 << bits).fill(NaN);
  let ids = new Int32Array(1 << bits);
  // Per distinct value in order of first appearance: the value and how many.
  let firstSeen = new Float64Array(1 << 10);
  let sizes = new Int32Array(1 << 10);
  let found = 0;
  const group = new Int32Array(n);
  const view = new Float64Array(1);
  const word = new Uint32Array(view.buffer);
  const lo = LITTLE_ENDIAN ? 0 : 1;
  let counted = 0;
  const slotOf = (v: number, table: Float64Array, shift: number): number => {
    view[0] = v;
    const a = word[lo];
    const b = word[1 - lo];
    let slot = (Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) ^ (b >>> 7)) >>> shift;
    const mask = table.length - 1;
    for (;;) {
      const k = table[slot];
      if (k === v || k !== k) return slot;
      slot = (slot + 1) & mask;
    }
  };
  for (let i = 0; i < n; i++) {
    const raw = values[i];
    if (raw !== raw) {
      group[i] = -1;
      continue;
    }
    counted++;
    const v = raw + 0; // −0 → 0: one tie group
    const slot = slotOf(v, keys, 32 - bits);
    if (keys[slot] === v) {
      const id = ids[slot];
      sizes[id]++;
      group[i] = id;
      continue;
    }
    if (found === maxHashed) return null;
    const id = found++;
    keys[slot] = v;
    ids[slot] = id;
    if (id === firstSeen.length) {
      const v2 = new Float64Array(id * 2);
      v2.set(firstSeen);
      firstSeen = v2;
      const s2 = new Int32Array(id * 2);
      s2.set(sizes);
      sizes = s2;
    }
    firstSeen[id] = v;
    sizes[id] = 1;
    group[i] = id;
    // Kept at most half full: grown by rehashing the distinct values.
    if (found * 2 > keys.length) {
      bits++;
      keys = new Float64Array(1 << bits).fill(NaN);
      ids = new Int32Array(1 << bits);
      for (let k = 0; k < found; k++) {
        const s = slotOf(firstSeen[k], keys, 32 - bits);
        keys[s] = firstSeen[k];
        ids[s] = k;
      }
    }
  }
  // Only the distinct values are sorted; each value's group becomes its rank among them.
  const order = ascendingOrder(firstSeen.subarray(0, found));
  const rank = new Int32Array(found);
  const distinct = new Float64Array(found);
  const size = new Int32Array(found);
  for (let r = 0; r < found; r++) {
    rank[order[r]] = r;
    distinct[r] = firstSeen[order[r]];
    size[r] = sizes[order[r]];
  }
  for (let i = 0; i < n; i++) if (group[i] >= 0) group[i] = rank[group[i]];
  return { distinct, size, group, counted };
}

/** Grouping by sorting every value (many distinct values). */
function sorted(values: ArrayLike<number>): TieGroups {
  const n = values.length;
  const order = ascendingOrder(values);
  const counted = order.length;
  const group = new Int32Array(n).fill(-1);
  const distinct: number[] = [];
  const size: number[] = [];
  for (let k = 0; k < counted; k++) {
    const i = order[k];
    const v = values[i] + 0;
    if (k === 0 || v !== distinct[distinct.length - 1]) {
      distinct.push(v);
      size.push(0);
    }
    size[size.length - 1]++;
    group[i] = distinct.length - 1;
  }
  return { distinct: Float64Array.from(distinct), size: Int32Array.from(size), group, counted };
}
