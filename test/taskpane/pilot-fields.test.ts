/** The pilot options' bounds come from the core: what the pane lists and what the port refuses agree with it. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CoreError } from "../../src/core/cells/errors";
import { pickPilot, pilotOptionProblems as coreProblems } from "../../src/core/over-time/pilot";
import { pilotFieldProblems } from "../../src/taskpane/dynamic";

const coreTakes = (share: number, controlShare: number, seed: number) => {
  try {
    pickPilot(["a"], ["t"], { share, controlShare, seed });
    return true;
  } catch (e) {
    if (e instanceof CoreError) return false;
    throw e;
  }
};

describe("pilot options, checked by the core", () => {
  it("lists each field the core refuses, and the total only when both shares pass alone", () => {
    expect(pilotFieldProblems({ share: 0.1, controlShare: 0.1, seed: 1 })).toEqual([]);
    expect(pilotFieldProblems({ share: 0, controlShare: -0.1, seed: 1.5 })).toEqual(["share", "controlShare", "seed"]);
    expect(pilotFieldProblems({ share: 0.7, controlShare: 0.5, seed: 1.5 })).toEqual(["seed", "total"]);
    expect(pilotFieldProblems({ share: Number.NaN, controlShare: 0.5, seed: 1 })).toEqual(["share"]);
    // The core's tolerance, not another one: a sum a hair over 1 is taken, as the core takes it.
    expect(pilotFieldProblems({ share: 0.5, controlShare: 0.5 + 5e-10, seed: 1 })).toEqual([]);
    expect(coreProblems({ share: 0.5, controlShare: 0.6, seed: 1 })[0]?.code).toBe("pilotSharesOverOne");
    // A control share of 0 is the core's to take (the pane asks for a control group on top).
    expect(pilotFieldProblems({ share: 0.5, controlShare: 0, seed: 1 })).toEqual([]);
  });

  it("no problems exactly when the core picks with the options (property)", () => {
    const share = fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.constantFrom(0, 1, 0.5, Number.NaN, Infinity));
    const seed = fc.oneof(fc.integer(), fc.double({ noNaN: false }));
    fc.assert(
      fc.property(share, share, seed, (s, c, k) => {
        expect(pilotFieldProblems({ share: s, controlShare: c, seed: k }).length === 0).toBe(coreTakes(s, c, k));
      }),
    );
  });
});
