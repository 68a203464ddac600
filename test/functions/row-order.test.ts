/**
 * Issue 12: a fit does not depend on the order of the transaction rows (core/math/distinct.ts
 * canonicalDistinctRows; test/core/models/row-order.test.ts holds each model to it bit for bit). In the sheet:
 * =TIER.CLVFIT's rows and every cell of =TIER.CLVPREDICT are the same, to the last bit, whether the rows are
 * sorted by date, by customer or reversed, with BG/NBD and Pareto/NBD. The spend model's cells too: each
 * customer's mean repeat spend z̄ is an exact sum rounded once (math/exact-sum.ts), where it was summed in row
 * order and these cells were held only to 1e-7.
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

describe("fits in the sheet do not depend on row order", () => {
  for (const model of ["bgnbd", "paretonbd"]) {
    it(`=TIER.CLVFIT (${model}): every cell the same bit for bit, the spend model's included`, () => {
      const [first, ...rest] = orders.map(([, r]) => clvfit(...args(r), END, omitted, model as never));
      expect(first.findIndex((row) => row[0] === "p")).toBeGreaterThan(4);
      for (const other of rest) expect(other).toEqual(first);
    });
  }

  it("=TIER.CLVPREDICT: each customer's row the same bit for bit, expected spend and CLV included", () => {
    const byCustomer = (table: unknown[][]) => new Map(table.slice(1).map((row) => [row[0], row]));
    const [first, ...rest] = orders.map(([, r]) => byCustomer(clvpredict(...args(r), END, omitted, omitted, omitted, omitted, omitted) as unknown[][]));
    expect(first.size).toBeGreaterThan(2000);
    for (const other of rest) {
      expect(other.size).toBe(first.size);
      for (const [id, row] of first) expect(other.get(id)).toEqual(row);
    }
  });
});
