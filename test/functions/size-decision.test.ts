/**
 * The 5 MB decision counts without writing numbers as text (src/functions/size.ts: exact lengths where they are
 * cheap, full-precision doubles as an interval of one byte, written out only while the cap falls inside the
 * interval). It must never refuse a call within the cap nor pass one over it: the decision is held here to
 * JSON.stringify's on random ranges whose size is near the cap, with every kind of cell Excel sends (integers,
 * 2-decimal amounts, full-precision doubles, tiny and huge numbers, negatives, text with quotes, control
 * characters and any Unicode, blanks, booleans, error cells: counted as null, Excel's short code).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataBytes, FUNCTION_DATA_LIMIT, inputSizeProblem, numberTextBound, outputSizeProblem, overCap } from "../../src/functions/size";
import { messages } from "../../src/i18n";
import { StandInCustomFunctionError } from "../support/custom-functions";

const m = messages("en");

/** JSON as Excel sends it: an error cell as a short code, counted as null. */
const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (v instanceof StandInCustomFunctionError ? null : v)).length;

const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 1e-9, max: 1e4, noNaN: true }).map((x) => x * 1.000000001),
  fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
  fc.constantFrom(1e21, -1e300, 5e-324, 1e-7, 123456789012345680000, 0.1 + 0.2, 1 / 3, -2 / 3),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(null, "", 0, -0, true, false, undefined),
  fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!").map((code) => new StandInCustomFunctionError(code)),
);
/** A range as Excel sends one: rows of one width. */
const range = fc.integer({ min: 1, max: 6 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 60 }));

describe("the 5 MB decision, counted without writing every number", () => {
  it("bounds each number's text to one byte, exactly below 16 significant digits", () => {
    // Every double; those of plain notation below 1 (zeros after the point); decimals of 1 to 17 digits at every
    // scale, and the doubles either side of them and of powers of ten.
    const near = (x: number) => fc.constantFrom(x, x * (1 + Number.EPSILON), x * (1 - Number.EPSILON / 2), -x);
    const number = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 1e-6, max: 1, noNaN: true }),
      fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 17n }), fc.integer({ min: 0, max: 25 })).chain(([n, k]) => near(Number(`${n}e-${k}`))),
      fc.integer({ min: -7, max: 16 }).chain((e) => near(Number(`1e${e}`))),
    );
    fc.assert(
      fc.property(number, (x) => {
        const bound = numberTextBound(x);
        const length = String(x).length;
        const low = bound >> 1;
        if (!(bound & 1)) return length === low;
        const digits = String(x).replace(/^-?0*\.?0*/, "").replace(".", "").length;
        return (length === low || length === low + 1) && digits >= 16;
      }),
      { numRuns: 20_000 },
    );
  });

  it("is JSON.stringify's decision on random ranges with the cap anywhere near their size (property)", () => {
    fc.assert(
      fc.property(range, fc.integer({ min: -40, max: 40 }), (value, offset) => {
        const size = json(value);
        const cap = size + offset;
        const { over, bytes } = overCap(value, cap);
        expect(over).toBe(size > cap);
        if (over) expect(bytes).toBe(size);
        else expect(bytes).toBeLessThanOrEqual(cap);
        expect(dataBytes(value)).toBe(size);
      }),
      { numRuns: 3000 },
    );
  });

  it("decides at the cap itself as JSON.stringify does, for arguments and for a result of full-precision doubles", () => {
    // Rows of one full-precision double, padded with one text cell to land a few bytes either side of 5 MB.
    const rows: unknown[][] = [];
    for (let i = 0, size = 2; size < FUNCTION_DATA_LIMIT - 100; i++) {
      const x = Math.sqrt(i + 2) * 1000.0001;
      rows.push([x]);
      size += String(x).length + 3;
    }
    const rowsBytes = json(rows);
    for (const delta of [-2, -1, 0, 1, 2]) {
      const pad = FUNCTION_DATA_LIMIT - rowsBytes - 5 + delta;
      const result = [...rows, ["x".repeat(pad)]];
      if (delta === 0) expect(json(result)).toBe(FUNCTION_DATA_LIMIT);
      expect(outputSizeProblem(result, m) !== null).toBe(delta > 0);
      // The same range as an argument beside a scalar (4 bytes more: a bracket, a comma and "7"; 4 less text).
      const args = [[...rows, ["x".repeat(pad - 4)]], 7];
      if (delta === 0) expect(json(args)).toBe(FUNCTION_DATA_LIMIT);
      expect(inputSizeProblem(args, m) !== null).toBe(delta > 0);
    }
  });
});
