/**
 * foldName (src/core/cells/names.ts): the one way a written name is matched. Its callers must agree: two level names
 * the policy check calls one name are exactly the names an override cannot tell apart, a costs file's tier is found
 * by the name it was refused twice under, and an overrides table's header is recognised in any spacing and case.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldName } from "../../../src/core/cells/names";
import { levelVocabulary } from "../../../src/core/over-time/level-overrides";
import { levelPolicyProblems } from "../../../src/core/over-time/levels";
import { costOf } from "../../../src/core/tiers/economics";
import { readOverrides } from "../../../src/core/tiers/overrides";
import { overrideColumnIndexes } from "../../../src/i18n/override-words";

const policy = (names: string[]) => ({ levels: names.map((name, k) => ({ name, entry: 10 * (k + 1), keep: 10 * (k + 1) })), metric: "spend", windowMonths: 12, validityMonths: 12 });

describe("foldName", () => {
  it("trims and lower-cases; a cell that is not text is its text", () => {
    expect(foldName("  Gold ")).toBe("gold");
    expect(foldName("金卡")).toBe("金卡");
    expect(foldName("ÉLITE")).toBe("élite");
    expect(foldName(null)).toBe("");
    expect(foldName(undefined)).toBe("");
    expect(foldName(12)).toBe("12");
  });

  it("property: the policy check calls two level names one exactly when an override naming the second would match the first", () => {
    const name = fc.oneof(fc.constantFrom("Gold", "gold", " GOLD", "金卡", "金卡 ", "Silver", "ß", "SS"), fc.string({ minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(name, name, (a, b) => {
        fc.pre(a.trim() !== "" && b.trim() !== "");
        const duplicate = levelPolicyProblems(policy([a, b])).some((p) => p.details.reason === "duplicateName");
        // An override written with the second level's name, against a vocabulary holding only the first.
        const read = readOverrides({ customers: ["c1"], tiers: [b] }, levelVocabulary([{ name: a }]));
        expect(read.entries.length === 1 && read.entries[0].tier === 0).toBe(duplicate);
      }),
      { numRuns: 300 },
    );
  });

  it("a costs table's tier is found whatever its spacing and case, as the costs file's duplicate check folds it", () => {
    const gold = { perCustomer: 1, perOrder: 2, fixed: 3 };
    expect(costOf({ tiers: { " Gold ": gold } }, "gold")).toBe(gold);
    expect(costOf({ tiers: { Gold: gold } }, " GOLD")).toBe(gold);
    expect(costOf({ tiers: { Gold: gold } }, "Silver")).toBeNull();
  });

  it("an overrides table's header is recognised in any spacing and case", () => {
    expect(overrideColumnIndexes([" Until", "REASON ", "customer", "Tier"])).toEqual({ customers: 2, tiers: 3, reasons: 1, untils: 0 });
  });
});
