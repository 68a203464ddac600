/**
 * Splitting rows into a fixed number of syncs, each under the payload target. The row count never
 * changes the number of syncs until the data outgrows parts × target; beyond that (about 150,000
 * customers of results) one sync is added per PAYLOAD_TARGET bytes.
 */
import { utf8Bytes } from "./bytes";

/** Start indices of `parts` (or more) row blocks, each holding about the same number of bytes; last entry = rows. */
export function splitByBytes(rowBytes: ArrayLike<number>, parts: number, target: number): number[] {
  const n = rowBytes.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += rowBytes[i];
  const blocks = Math.max(parts, Math.ceil(total / target));
  // Block k starts at the first row where the bytes before it reach k/blocks of the total, so a
  // block holds at most total/blocks (≤ target) plus one row. Blocks may be empty when rows are few.
  const starts = [0];
  let sum = 0;
  let k = 1;
  for (let i = 0; i < n; i++) {
    while (k < blocks && sum >= (total * k) / blocks) {
      starts.push(i);
      k++;
    }
    sum += rowBytes[i];
  }
  while (starts.length < blocks) starts.push(n);
  starts.push(n);
  return starts;
}

/** Start indices of `blocks` nearly equal blocks of `rows` rows; last entry = rows. */
export function splitEvenly(rows: number, blocks: number): number[] {
  return Array.from({ length: blocks + 1 }, (_, k) => Math.round((rows * k) / blocks));
}

/** JSON size of a row of cells in UTF-8, as Office sends it. */
export function rowBytes(row: readonly unknown[]): number {
  return utf8Bytes(JSON.stringify(row)) + 1;
}
