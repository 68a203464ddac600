import { describe, expect, it } from "vitest";
import { keepShape, keptShapes } from "../../../src/core/math/shapes";
import { CustomerStream } from "../../../src/core/transactions/stream";
import { TransactionBuilder } from "../../../src/core/transactions/builder";
import { BG_NBD, PARETO_NBD } from "../../../src/core/models/count-model";

describe("hidden classes kept between calls (shapes.ts)", () => {
  it("keeps one used instance of each class a call builds afresh, so its methods' optimised code survives a collection", () => {
    const kept = keptShapes();
    const stream = kept.find((k) => k instanceof CustomerStream) as CustomerStream | undefined;
    const builder = kept.find((k) => k instanceof TransactionBuilder) as TransactionBuilder | undefined;
    expect(stream).toBeDefined();
    expect(builder).toBeDefined();
    // Put through the paths a call takes: rows kept and a return dropped; a problem row logged.
    expect(stream!.rows).toBe(4);
    expect(stream!.returns).toBe(1);
    expect(stream!.purchaseDays()[0]).toBe(2);
    expect(builder!.problems.count).toBe(1);
  });

  it("keepShape returns what it keeps", () => {
    const before = keptShapes().length;
    const o = { a: 1 };
    expect(keepShape(o)).toBe(o);
    expect(keptShapes().length).toBe(before + 1);
    expect(keptShapes()[before]).toBe(o);
  });

  it("the count models hand their functions the parameters alone, as one literal shape", () => {
    const fit = { model: "bgnbd" as const, r: 1, alpha: 2, a: 3, b: 4, logLikelihood: -1 };
    expect(BG_NBD.params(fit)).toEqual({ r: 1, alpha: 2, a: 3, b: 4 });
    expect(PARETO_NBD.params({ r: 1, alpha: 2, s: 3, beta: 4 })).toEqual({ r: 1, alpha: 2, s: 3, beta: 4 });
  });
});
