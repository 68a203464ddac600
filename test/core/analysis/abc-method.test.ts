/** The analysis passes ABC's method through: with "computed", the classes are the ABC curve's (Ultsch & Lötsch), not the cuts'. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyAbc } from "../../../src/core/tiers/abc";
import { runTiering } from "../../../src/core/analysis/run";

// The Swiss communes' inhabitants as one purchase each of a customer per commune: revenue per customer = inhabitants.
const inhabitants = readFileSync(new URL("../../../../shared/data/swiss_inhabitants_1900.txt", import.meta.url), "utf8")
  .split(/\r?\n/)
  .filter((line) => line.trim() !== "")
  .map(Number);

describe("runTiering with the computed ABC method", () => {
  const columns = {
    customers: inhabitants.map((_, i) => `commune ${i + 1}`),
    dates: inhabitants.map(() => "1900-12-01"),
    amounts: inhabitants,
  };
  const abc = (method: "fixed" | "computed") =>
    runTiering(columns, { abc: { aCut: 0.8, bCut: 0.95, basis: "revenue", method }, tierBy: "abcClass" });

  it("classifies customers as classifyAbc's computed method does on the same values, limits included", () => {
    const a = abc("computed");
    const direct = classifyAbc(a.abc!.values, { method: "computed" });
    expect(Array.from(a.abc!.classes)).toEqual(Array.from(direct.classes));
    expect(a.abc!.limits).toEqual(direct.limits);
    expect(a.tiers.map((t) => t.customers)).toEqual([642, 435, 1819]);
  });

  it("differs from the fixed 80/95 cuts on the same data, which stay the default", () => {
    const fixed = abc("fixed");
    const plain = runTiering(columns, { abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" }, tierBy: "abcClass" });
    expect(Array.from(plain.abc!.classes)).toEqual(Array.from(fixed.abc!.classes));
    expect(fixed.tiers.map((t) => t.customers)).not.toEqual([642, 435, 1819]);
  });
});
