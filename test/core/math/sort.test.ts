import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ascendingOrder, ascendingUint32Order } from "../../../src/core/math/sort";

describe("ascendingOrder (radix sort)", () => {
  it("orders any doubles as a numeric sort does, NaN left out, ties in index order", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -5, max: 5 }), fc.constant(-0), fc.constant(0))), (values) => {
        const order = Array.from(ascendingOrder(values));
        const expected = values.map((_, i) => i).filter((i) => values[i] === values[i]).sort((a, b) => values[a] - values[b] || a - b);
        // Infinity − Infinity is NaN in the comparator: compare by value then index explicitly.
        expected.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
        expect(order).toEqual(expected);
      }),
    );
  });
});

describe("ascendingUint32Order", () => {
  it("orders whole numbers 0 … 2³²−1 as a numeric sort does, ties in index order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 5 })), { maxLength: 2000 }), (values) => {
        const keys = Uint32Array.from(values);
        const want = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
        expect(Array.from(ascendingUint32Order(keys))).toEqual(want);
      }),
    );
  });
});
