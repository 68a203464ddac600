/**
 * Every model fit is a function of the set of customers, not of their order (issue 12): the count models
 * sum over the distinct (x, t_x, T) rows in one canonical order (math/distinct.ts canonicalDistinctRows, by the rows' hashes) and
 * Gamma-Gamma over its (x, z̄) pairs in ascending order, so a permuted input gives the same fit bit for bit,
 * and a fit near a limit of the model no longer flips between fitted and fitFailed with the row order alone
 * (before, Pareto/NBD did: the order of first appearance set the order of summation, and a search crawling
 * to a limit ends "converged" or not by the gradient's last digits).
 *
 * The budgets stay as they are (1,000 iterations, 1 s and a little): only the clock is the test's, one that
 * moves 40 ms each time the search reads it, so the time budget ends a search after as many steps in both
 * runs (about 25) and a slow moment of a shared machine cannot make two runs differ.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalDistinctRows, distinctRows } from "../../../src/core/math/distinct";
import { lexicographicOrder } from "../../../src/core/math/sort";
import { fitBgNbd } from "../../../src/core/models/bgnbd";
import type { RepeatColumns } from "../../../src/core/models/fit";
import { fitGammaGamma } from "../../../src/core/models/gammagamma";
import { fitParetoNbd } from "../../../src/core/models/paretonbd";
import { CoreError } from "../../../src/core/cells/errors";
import { fitRepeatModel } from "../../../src/core/models/fit";
import { calibrationSummary } from "../../../src/core/models/calibration";
import { readTransactions } from "../../../src/core/transactions/read";

/** The budgets as they are, on a clock that moves by the search's steps, not by the machine's load. */
const stepClock = () => {
  let t = 0;
  return { now: () => (t += 40) };
};

/** Summaries drawn from a small pool (many customers share one), some at the model's limits. */
const table = fc
  .array(
    fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 30 })).map(([x, share, T]) => ({ x, tx: x === 0 ? 0 : (share / 10) * T, T })),
    { minLength: 1, maxLength: 10 },
  )
  .chain((pool) => fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 2, maxLength: 40 }).map((picks) => picks.map((k) => pool[k])));

/** A table and a permutation of its rows. */
const permuted = table.chain((rows) => fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length, maxLength: rows.length }).map((order) => ({ rows, order })));

const columns = (rows: { x: number; tx: number; T: number }[]): RepeatColumns => ({ x: rows.map((q) => q.x), tx: rows.map((q) => q.tx), T: rows.map((q) => q.T) });

/** The fit, or the code of the CoreError it ended with. */
function outcome<T>(fit: () => T): T | string {
  try {
    return fit();
  } catch (e) {
    if (e instanceof CoreError) return `${e.code} ${JSON.stringify(e.details)}`;
    throw e;
  }
}

describe("canonical distinct rows", () => {
  it("are the distinct rows, each once with its count, and each input row's index into them", () => {
    const input: [number[], number[], number[]] = [[2, 0, 1, -0, 1, 1], [0.5, 0, 0.7, 0, 0.5, 0.7], [3, 3, 3, 3, 3, 2]];
    const got = canonicalDistinctRows(input);
    const rows = Array.from(got.counts, (count, k) => `${got.columns[0][k]},${got.columns[1][k]},${got.columns[2][k]}:${count}`);
    expect(rows.sort()).toEqual(["0,0,3:2", "1,0.5,3:1", "1,0.7,2:1", "1,0.7,3:1", "2,0.5,3:1"]);
    input[0].forEach((_, i) => expect([0, 1, 2].map((c) => got.columns[c][got.index[i]])).toEqual([input[0][i] + 0, input[1][i], input[2][i]]));
    expect(Object.is(got.columns[0][got.index[1]], 0)).toBe(true);
  });

  it("are the same table for any order of the rows, and index the rows they came from (property)", () => {
    fc.assert(
      fc.property(permuted, ({ rows, order }) => {
        const a = canonicalDistinctRows([rows.map((q) => q.x), rows.map((q) => q.tx), rows.map((q) => q.T)]);
        const b = canonicalDistinctRows([order.map((i) => rows[i].x), order.map((i) => rows[i].tx), order.map((i) => rows[i].T)]);
        expect(b.columns).toEqual(a.columns);
        expect(b.counts).toEqual(a.counts);
        order.forEach((i, k) => expect(b.index[k]).toBe(a.index[i]));
        // The same grouping as distinctRows, only reordered.
        expect(a.counts.length).toBe(distinctRows([rows.map((q) => q.x), rows.map((q) => q.tx), rows.map((q) => q.T)]).counts.length);
      }),
      { numRuns: 200 },
    );
  });

  it("lexicographicOrder sorts by the first column, ties by the next, equal rows in index order", () => {
    expect(Array.from(lexicographicOrder([[2, 1, 1, 1, -0], [0, 5, 3, 3, 9]]))).toEqual([4, 2, 3, 1, 0]);
    expect(() => lexicographicOrder([[1, NaN]])).toThrow(RangeError);
  });
});

describe("a fit of permuted rows is the fit of the rows, bit for bit (property)", () => {
  it("BG/NBD", () => {
    fc.assert(
      fc.property(permuted, ({ rows, order }) => {
        expect(outcome(() => fitBgNbd(columns(order.map((i) => rows[i]))))).toEqual(outcome(() => fitBgNbd(columns(rows))));
      }),
      { numRuns: 80 },
    );
  });

  it("Pareto/NBD, fits near a limit included", () => {
    fc.assert(
      fc.property(permuted, ({ rows, order }) => {
        expect(outcome(() => fitParetoNbd(columns(order.map((i) => rows[i])), stepClock()))).toEqual(outcome(() => fitParetoNbd(columns(rows), stepClock())));
      }),
      { numRuns: 20 },
    );
  });

  it("Gamma-Gamma", () => {
    const spenders = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(0, 1, 2.5, 10, 10.01, 99.99, 1e-300, 1e300)), { minLength: 2, maxLength: 60 })
      .chain((pairs) => fc.shuffledSubarray(pairs.map((_, i) => i), { minLength: pairs.length, maxLength: pairs.length }).map((order) => ({ pairs, order })));
    fc.assert(
      fc.property(spenders, ({ pairs, order }) => {
        const fit = (list: [number, number][]) => outcome(() => fitGammaGamma(list.map((q) => q[0]), list.map((q) => q[1]), stepClock()));
        expect(fit(order.map((i) => pairs[i]))).toEqual(fit(pairs));
      }),
      { numRuns: 150 },
    );
  });

  it("Gamma-Gamma from shuffled transaction rows: z̄ and the parameters bit for bit (amounts in cents, which a running sum rounds by order)", () => {
    const txRows = fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 45000, max: 45040 }), fc.integer({ min: 0, max: 9_999_999 })), { minLength: 4, maxLength: 120 });
    const shuffled = txRows.chain((rows) => fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length, maxLength: rows.length }).map((order) => ({ rows, order })));
    const summaryOf = (rows: [number, number, number][]) => {
      const tx = readTransactions({ customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2] / 100) });
      const s = calibrationSummary(tx, { unit: "week" });
      return new Map(s.customerIds.map((id, k) => [id, [s.x[k], s.zbar[k]] as const]));
    };
    const ggOf = (summary: Map<unknown, readonly [number, number]>) => {
      // In one customer order (by id) so that only the rows' order differs between the two fits.
      const ids = [...summary.keys()].sort((a, b) => Number(a) - Number(b));
      return outcome(() => fitGammaGamma(ids.map((id) => summary.get(id)![0]), ids.map((id) => summary.get(id)![1]), stepClock()));
    };
    fc.assert(
      fc.property(shuffled, ({ rows, order }) => {
        const a = summaryOf(rows);
        const b = summaryOf(order.map((i) => rows[i]));
        expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
        expect(ggOf(b)).toEqual(ggOf(a));
      }),
      { numRuns: 150 },
    );
  });

  it("the time scale and every sum of fitRepeatModel run in the canonical order (an objective that records its rows)", () => {
    const seen: number[][] = [];
    const spec = (tag: number) => ({
      model: "probe",
      paramNames: ["r", "alpha", "a", "b"] as const,
      timeScaled: [false, true, false, false],
      limits: (edge: readonly boolean[]) => [...edge],
      meanNegative: (rows: RepeatColumns, counts: Float64Array) => {
        seen[tag] = [...Array.from(rows.x), ...Array.from(rows.tx), ...Array.from(rows.T), ...Array.from(counts)];
        return () => {
          throw new CoreError("fitFailed", { model: "probe" });
        };
      },
    });
    const data = { x: [0, 3, 1, 0, 3], tx: [0, 7.3, 2.2, 0, 7.3], T: [9.1, 11.7, 5.3, 9.1, 11.7] };
    const back = { x: [...data.x].reverse(), tx: [...data.tx].reverse(), T: [...data.T].reverse() };
    expect(() => fitRepeatModel(data, spec(0), stepClock())).toThrow(CoreError);
    expect(() => fitRepeatModel(back, spec(1), stepClock())).toThrow(CoreError);
    expect(seen[1]).toEqual(seen[0]);
    // Three distinct rows, each with its customers.
    expect(seen[0].slice(0, 3).sort()).toEqual([0, 1, 3]);
    expect(seen[0].slice(9).sort()).toEqual([1, 2, 2]);
  });
});
