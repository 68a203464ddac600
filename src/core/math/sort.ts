/**
 * Sorting for columns of a million values. The score's percentile normalisation ranks every metric
 * column, and a comparator sort of indices is the slowest step there; this is a plain numeric tool,
 * so it sits in math/ where other rankings can use it.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The indices of the non-NaN values of `values`, in ascending order of value (equal values in index
 * order): an LSD radix sort on the 64 bits of each double mapped to an order-preserving unsigned key,
 * 16 bits a pass, a pass skipped when all its digits are equal (whole numbers leave the low passes
 * trivial). A million values take a few tens of milliseconds, where a comparator sort of indices takes
 * several hundred.
 */
export function ascendingOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (values[i] === values[i]) count++;
  let hi = new Uint32Array(count);
  let lo = new Uint32Array(count);
  let idx = new Uint32Array(count);
  let hi2 = new Uint32Array(count);
  let lo2 = new Uint32Array(count);
  let idx2 = new Uint32Array(count);
  const view = new Float64Array(1);
  const bits = new Uint32Array(view.buffer);
  const high = LITTLE_ENDIAN ? 1 : 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    view[0] = v + 0; // −0 → +0
    const h = bits[high];
    const l = bits[1 - high];
    // Negative numbers: all bits flipped (larger magnitude sorts lower); others: the sign bit set.
    if (h & 0x80000000) {
      hi[j] = ~h >>> 0;
      lo[j] = ~l >>> 0;
    } else {
      hi[j] = (h | 0x80000000) >>> 0;
      lo[j] = l;
    }
    idx[j++] = i;
  }
  const counts = new Int32Array(65536);
  for (let pass = 0; pass < 4 && count > 1; pass++) {
    const src = pass < 2 ? lo : hi;
    const shift = pass & 1 ? 16 : 0;
    counts.fill(0);
    for (let k = 0; k < count; k++) counts[(src[k] >>> shift) & 0xffff]++;
    if (counts[(src[0] >>> shift) & 0xffff] === count) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < count; k++) {
      const p = counts[(src[k] >>> shift) & 0xffff]++;
      hi2[p] = hi[k];
      lo2[p] = lo[k];
      idx2[p] = idx[k];
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

/**
 * The indices of `keys` (whole numbers 0 … 2³²−1) in ascending order of key, equal keys in index order: two
 * 16-bit LSD passes, where `ascendingOrder` takes four for a double (the pilot's 32-bit hashes of 340,000 ids).
 */
export function ascendingUint32Order(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let idx = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const counts = new Int32Array(65536);
  for (let shift = 0; shift < 32; shift += 16) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(keys[k] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = idx[k];
      idx2[counts[(keys[i] >>> shift) & 0xffff]++] = i;
    }
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

/**
 * The indices of rows of equally long numeric columns (no NaN) in ascending lexicographic order: by the
 * first column, ties by the second, and so on (−0 as 0; rows equal in every column in index order). LSD by
 * column: `ascendingOrder` is stable, so sorting by the last column first and by each earlier one after
 * leaves ties in the order of the later columns. A canonical order of a set of rows, whatever order they
 * came in: the count models sum their likelihoods in it, so a fit does not depend on row order (issue 12).
 */
export function lexicographicOrder(columns: readonly ArrayLike<number>[]): Uint32Array {
  const n = columns.length > 0 ? columns[0].length : 0;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // A few rows (a likelihood of one customer, a test's table) are sorted by comparison: each radix pass
  // clears a table of 65,536 counts, which would cost more than the sort.
  if (n <= SMALL_SORT) return smallLexicographicOrder(columns, order);
  const keys = new Float64Array(n);
  for (let c = columns.length - 1; c >= 0; c--) {
    const column = columns[c];
    if (column.length !== n) throw new RangeError("columns differ in length");
    for (let k = 0; k < n; k++) keys[k] = column[order[k]];
    const by = ascendingOrder(keys);
    if (by.length !== n) throw new RangeError("a column holds NaN");
    const next = new Uint32Array(n);
    for (let k = 0; k < n; k++) next[k] = order[by[k]];
    order = next;
  }
  return order;
}

/** Up to this many rows, lexicographicOrder sorts by comparison. */
const SMALL_SORT = 256;

/** `order` (the identity) sorted by the columns in turn, ties in index order, NaN refused as by the radix sort. */
function smallLexicographicOrder(columns: readonly ArrayLike<number>[], order: Uint32Array): Uint32Array {
  const n = order.length;
  for (const column of columns) {
    if (column.length !== n) throw new RangeError("columns differ in length");
    for (let i = 0; i < n; i++) if (column[i] !== column[i]) throw new RangeError("a column holds NaN");
  }
  // −0 and 0 compare equal here, as the radix sort's keys make them.
  return order.sort((a, b) => {
    for (const column of columns) {
      const d = column[a] - column[b];
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return a - b;
  });
}
