/**
 * =TIER.MOVERS against a plain reference loop over random snapshots (issue 12, "What it must show": the
 * movers are indexed once over both snapshots, as columns, src/core/over-time/movers.ts moverColumns). The
 * reference reads every row as the function documents it, with no index: a blank or missing id or tier
 * leaves the row out; 5, "5" and " 5 " are one customer, "005" another; the earlier snapshot's customers
 * in its order, then the new ones; the id shown as the cell of the row its tier came from holds it; a
 * second tiered row of one id in a snapshot is refused, naming that snapshot's ids and the row.
 * And =TIER.MIGRATION, which matches ids by key too: the same table with every id cell given as its text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerKey, type CustomerId } from "../../src/core/cells/coerce";
import { migration, movers } from "../../src/functions/functions";
import { excelError } from "../support/custom-functions";

const omitted = null as unknown as undefined;
const col = (cells: readonly unknown[]) => cells.map((c) => [c]);

// Ids: numbers and the same as text (with spaces), text that is not a number, and blanks ("NA" is a missing id);
// a negative number whose text has 24 characters, which customerKey keeps as text when a cell holds it as text
// (one customer all the same: migration.ts idKey), and TRUE beside "true".
const LONG = -1.2345678901234567e100;
const idCell = fc.constantFrom<unknown>(1, 2, 3, 4, 5, "1", " 2 ", "3", "005", "x", "X", 1.5, "1.5", null, "", "NA", LONG, String(LONG), true, "true");
const measureCell = fc.oneof(fc.constantFrom<unknown>(null, ""), fc.integer({ min: -1000, max: 1000 }));

interface Side {
  ids: unknown[];
  tiers: unknown[];
  measure: unknown[] | null;
}

function side(tierCell: fc.Arbitrary<unknown>, withMeasure: boolean): fc.Arbitrary<Side> {
  return fc.array(fc.tuple(idCell, tierCell, measureCell), { minLength: 1, maxLength: 12 }).map((rows) => ({
    ids: rows.map((r) => r[0]),
    tiers: rows.map((r) => r[1]),
    measure: withMeasure ? rows.map((r) => r[2]) : null,
  }));
}

type Expected = { rows: unknown[][] } | { duplicate: { name: string; row: number } };

/** The table by a plain loop: no map, no index, a linear search per row. */
function reference(given: { before: Side; after: Side }, rank: readonly string[] | null): Expected {
  // A one-cell measure that is blank (or 0, a blank on Windows) is an omitted argument (coerce.ts isOmitted).
  const omit = (s: Side): Side => (s.measure && s.measure.length === 1 && (s.measure[0] === null || s.measure[0] === "" || s.measure[0] === 0) ? { ...s, measure: null } : s);
  const before = omit(given.before);
  const after = omit(given.after);
  const tierOf = (cell: unknown) => (typeof cell === "string" ? cell.trim() : cell === null ? "" : String(cell));
  const entries: { key: CustomerId; text: string; b: number; a: number }[] = [];
  const read = (s: Side, which: "b" | "a", name: string): { name: string; row: number } | null => {
    for (let i = 0; i < s.ids.length; i++) {
      const key = customerKey(s.ids[i]);
      if (key === null || tierOf(s.tiers[i]) === "") continue;
      const text = String(key);
      const found = entries.find((e) => e.text === text);
      if (found && found[which] >= 0) return { name, row: i + 1 };
      if (found) found[which] = i;
      else entries.push({ key, text, b: which === "b" ? i : -1, a: which === "a" ? i : -1 });
    }
    return null;
  };
  const duplicate = read(before, "b", "ids_before") ?? read(after, "a", "ids_after");
  if (duplicate) return { duplicate };
  const value = (s: Side, row: number): number | "" => {
    const v = s.measure && row >= 0 ? s.measure[row] : null;
    return typeof v === "number" ? v : "";
  };
  const withMeasure = before.measure !== null || after.measure !== null;
  const rows = entries.map((e) => {
    const tb = e.b >= 0 ? tierOf(before.tiers[e.b]) : "";
    const ta = e.a >= 0 ? tierOf(after.tiers[e.a]) : "";
    let direction: string;
    if (e.b < 0) direction = "new";
    else if (e.a < 0) direction = "gone";
    else if (tb === ta) direction = "same";
    else if (!rank) direction = "changed";
    else direction = rank.indexOf(ta) < rank.indexOf(tb) ? "up" : "down";
    const vb = value(before, e.b);
    const va = value(after, e.a);
    const change = withMeasure ? (va === "" ? 0 : va) - (vb === "" ? 0 : vb) : "";
    // The shown id: the cell of the row the tier came from, read as TIER.RFM reads an id.
    const shown = customerKey(e.b >= 0 ? before.ids[e.b] : after.ids[e.a]);
    return [shown, tb, ta, direction, vb, va, change];
  });
  return { rows };
}

function check(before: Side, after: Side, order: unknown[][] | undefined, rank: readonly string[] | null): void {
  const call = () => movers(col(before.ids), col(before.tiers), col(after.ids), col(after.tiers), order, before.measure ? col(before.measure) : omitted, after.measure ? col(after.measure) : omitted);
  const expected = reference({ before, after }, rank);
  if ("duplicate" in expected) {
    expect(excelError(call).message).toMatch(new RegExp(`${expected.duplicate.name}.*row ${expected.duplicate.row}\\b`));
    return;
  }
  const table = call() as unknown[][];
  expect(table.slice(1)).toEqual(expected.rows);
}

describe("=TIER.MOVERS is the plain reference loop", () => {
  it("A/B/C tiers (a known order, given or not), duplicates, blanks, numeric and text ids, measures on either side", () => {
    const tier = fc.constantFrom<unknown>("A", "B", "C", " B ", null, "");
    const sides = fc.tuple(fc.boolean(), fc.boolean()).chain(([mb, ma]) => fc.tuple(side(tier, mb), side(tier, ma)));
    fc.assert(
      // A given order must name every tier that appears (tierOrder's rule); A/B/C is the known one anyway.
      fc.property(sides, fc.boolean(), ([before, after], given) => check(before, after, given ? [["A", "B", "C"]] : omitted, ["A", "B", "C"])),
      { numRuns: 500 },
    );
  });

  it("tiers with no known order: a move is 'changed'", () => {
    const tier = fc.constantFrom<unknown>("gold fish", "tin can", null);
    fc.assert(
      fc.property(side(tier, true), side(tier, false), (before, after) => check(before, after, omitted, null)),
      { numRuns: 300 },
    );
  });
});

describe("=TIER.MIGRATION matches ids by key as by their text", () => {
  it("the table (or the duplicate's message) is the same with every id cell given as its text", () => {
    const tier = fc.constantFrom<unknown>("A", "B", "C", null);
    // Each id as text: "5" for 5, the long negative number as its 24 characters (kept as text by customerKey).
    const asText = (cells: unknown[]) => cells.map((c) => (typeof c === "number" ? String(c) : c));
    const outcome = (call: () => unknown) => {
      try {
        return call();
      } catch {
        return excelError(call).message;
      }
    };
    fc.assert(
      fc.property(side(tier, false), side(tier, false), (before, after) => {
        const keyed = outcome(() => migration(col(before.ids), col(before.tiers), col(after.ids), col(after.tiers)));
        const texts = outcome(() => migration(col(asText(before.ids)), col(before.tiers), col(asText(after.ids)), col(after.tiers)));
        expect(keyed).toEqual(texts);
      }),
      { numRuns: 300 },
    );
  });
});
