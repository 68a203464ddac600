/**
 * The distinct values of a column, how often each occurs, and each row's index into them. The model
 * likelihoods compute their costly terms once per distinct value (real data have few: whole days,
 * purchase counts) instead of once per customer.
 */
export interface Distinct {
  values: Float64Array;
  counts: Float64Array;
  /** Per row, the index of its value in `values`. */
  index: Int32Array;
}

export function distinctValues(column: ArrayLike<number>): Distinct {
  const byValue = new Map<number, number>();
  const index = new Int32Array(column.length);
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < column.length; i++) {
    let k = byValue.get(column[i]);
    if (k === undefined) {
      k = values.length;
      byValue.set(column[i], k);
      values.push(column[i]);
      counts.push(0);
    }
    counts[k]++;
    index[i] = k;
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts), index };
}
