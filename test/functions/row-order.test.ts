/**
 * Issue 12: a fit does not depend on the order of the transaction rows (core/math/distinct.ts
 * canonicalDistinctRows; test/core/models/row-order.test.ts holds each model to it bit for bit). In the sheet:
 * =TIER.CLVFIT's count-model rows and =TIER.CLVPREDICT's P(alive) and expected purchases are the same cells,
 * to the last bit, whether the rows are sorted by date, by customer or reversed, with BG/NBD and Pareto/NBD.
 * The spend model's cells agree to 1e-7: each customer's mean repeat spend z̄ is still summed in row order by
 * the per-customer stream (transactions/stream.ts), so its last bits, and Gamma-Gamma's after it, move with
 * the order (its fit on the same z̄ is order-free: row-order.test.ts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { serialFromParts } from "../../src/core/cells/dates";
import { clvfit, clvpredict } from "../../src/functions/functions";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;
const omitted = null as unknown as undefined;
const col = (cells: unknown[]) => cells.map((c) => [c]);
const serial = (yyyymmdd: string) => serialFromParts(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6), +yyyymmdd.slice(6, 8));
const END = serialFromParts(1997, 9, 30);

const rows = readFileSync(`${DATA}CDNOW_sample.txt`, "utf8").trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
const orders: [string, string[][]][] = [
  ["as in the file", rows],
  ["reversed", [...rows].reverse()],
  ["by date, then customer descending", [...rows].sort((a, b) => a[2].localeCompare(b[2]) || b[1].localeCompare(a[1]))],
];
const args = (r: string[][]) => [col(r.map((x) => x[1])), col(r.map((x) => serial(x[2]))), col(r.map((x) => Number(x[4])))] as const;

/** Numbers within 1e-7 of each other (relative), other cells equal. */
function close(a: unknown[][], b: unknown[][]): void {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) =>
    row.forEach((cell, k) => {
      const other = b[i][k];
      if (typeof cell === "number" && typeof other === "number") expect(Math.abs(cell - other), `row ${i} cell ${k}`).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(cell)));
      else expect(other).toEqual(cell);
    }),
  );
}

describe("fits in the sheet do not depend on row order", () => {
  for (const model of ["bgnbd", "paretonbd"]) {
    it(`=TIER.CLVFIT (${model}): the count model's cells the same bit for bit, the spend model's within 1e-7`, () => {
      const [first, ...rest] = orders.map(([, r]) => clvfit(...args(r), END, omitted, model as never));
      const spend = first.findIndex((row) => row[0] === "p");
      expect(spend).toBeGreaterThan(4);
      for (const other of rest) {
        expect(other.slice(0, spend)).toEqual(first.slice(0, spend));
        close(other.slice(spend), first.slice(spend));
      }
    });
  }

  it("=TIER.CLVPREDICT: each customer's x, t_x, T, P(alive) and expected purchases the same bit for bit", () => {
    const byCustomer = (table: unknown[][]) => new Map(table.slice(1).map((row) => [row[0], row]));
    const [first, ...rest] = orders.map(([, r]) => byCustomer(clvpredict(...args(r), END, omitted, omitted, omitted, omitted, omitted) as unknown[][]));
    expect(first.size).toBeGreaterThan(2000);
    for (const other of rest) {
      for (const [id, row] of first) {
        const got = other.get(id)!;
        expect(got.slice(0, 6)).toEqual(row.slice(0, 6));
        close([got.slice(6)], [row.slice(6)]);
      }
    }
  });
});
