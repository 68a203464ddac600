/**
 * =TIER.ABCCLASS's method argument and =TIER.ABCNEXT, called as Excel calls them: ranges as 2-D
 * arrays, omitted optional arguments as null, blanks as null or "", number text as text.
 */
import { readFileSync } from "node:fs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { afterEach, describe, expect, it } from "vitest";
import { ABC_LABELS, abcUpgrade, classifyAbc } from "../../src/core/tiers/abc";
import { abcclass, abcnext } from "../support/excel-functions";
import { excelError, setDisplayLanguage } from "../support/custom-functions";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const omitted = null as unknown as undefined;
const DATA = new URL("../../../shared/data/", import.meta.url).pathname;
const swiss = readFileSync(`${DATA}swiss_inhabitants_1900.txt`, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "").map(Number);

afterEach(() => setDisplayLanguage(undefined));

describe("=TIER.ABCCLASS(values, , , , \"computed\")", () => {
  it("classes the SwissInhabitants column as the core's computed method: 642 A, 435 B, 1819 C", () => {
    const out = abcclass(col(...swiss), omitted, omitted, omitted, "computed");
    expect(out).toHaveLength(2896);
    const labels = out.map((r) => r[0]);
    expect(["A", "B", "C"].map((c) => labels.filter((l) => l === c).length)).toEqual([642, 435, 1819]);
    const core = classifyAbc(swiss, { method: "computed" });
    expect(labels).toEqual(Array.from(core.classes, (c) => ABC_LABELS[c]));
  });

  // Issue 11 changes 0 from class C to blank: Excel on Windows sends an empty cell as 0 (coerce.ts).
  it("keeps blanks and zeros blank, reads number text, negative values are C, a row gives a row", () => {
    const values = col("¥1,000", 800, null, "600", 300, "", 200, 150, 100, 80, 60, 40, 30, 20, 10, 0, -5);
    const out = abcclass(values, omitted, omitted, omitted, "computed").map((r) => r[0]);
    expect(out[2]).toBe("");
    expect(out[5]).toBe("");
    expect(out.slice(-2)).toEqual(["", "C"]);
    expect(out.filter((l) => l !== "").join("")).toMatch(/^A+B*C+$/);
    const row = abcclass([values.map((r) => r[0])], omitted, omitted, omitted, "computed");
    expect(row).toEqual([out]);
  });

  it("ignores a_cut, b_cut and basis (even values the fixed method refuses); the method is not case-sensitive", () => {
    const values = col(50, 30, 15, 5, 3, 2, 1);
    const plain = abcclass(values, omitted, omitted, omitted, "computed");
    expect(abcclass(values, 80, 0, omitted, "computed")).toEqual(plain);
    expect(abcclass(values, 0.5, 0.9, "count", [["Computed"]])).toEqual(plain);
    expect(abcclass(values, omitted, omitted, omitted, " COMPUTED ")).toEqual(plain);
  });

  it("keeps the fixed cuts as the default and under \"fixed\"", () => {
    const values = col(50, 30, "", 15, 5);
    expect(abcclass(values, omitted, omitted, omitted, omitted)).toEqual(col("A", "A", "", "B", "C"));
    expect(abcclass(values, omitted, omitted, omitted, "fixed")).toEqual(col("A", "A", "", "B", "C"));
    expect(abcclass(values, omitted, omitted, omitted, "")).toEqual(col("A", "A", "", "B", "C"));
  });

  it("names an unknown method, in English and Chinese", () => {
    expect(excelError(() => abcclass(col(1, 2), omitted, omitted, omitted, "pareto")).message).toBe(`'method' is "pareto"; use "fixed" (the cuts) or "computed" (limits from the ABC curve).`);
    setDisplayLanguage("zh-CN");
    expect(excelError(() => abcnext(col(1, 2), omitted, omitted, omitted, "pareto")).message).toBe(`“method”为“pareto”；请使用 "fixed"（按界限）或 "computed"（由 ABC 曲线计算界限）。`);
  });
});

describe("=TIER.ABCNEXT", () => {
  it("gives the next class up and the gap, blank for class A and for blank cells", () => {
    // Classes A A B C with the defaults; the smallest A is 30, the smallest B 15.
    expect(abcnext(col(50, 30, null, 15, 5), omitted, omitted, omitted, omitted)).toEqual([
      ["", ""],
      ["", ""],
      ["", ""],
      ["A", 15],
      ["B", 10],
    ]);
  });

  it("answers a row with two rows (next classes, gaps)", () => {
    expect(abcnext([[50, 30, 15, 5]], omitted, omitted, omitted, omitted)).toEqual([
      ["", "", "A", "B"],
      ["", "", 15, 10],
    ]);
  });

  it("takes the cuts and the basis as ABCCLASS does", () => {
    // Cuts 0.5 / 0.9: A B B C (smallest A 50, smallest B 15). Count basis: 20 % / 50 % of 4 values.
    expect(abcnext(col(50, 30, 15, 5), 0.5, 0.9, omitted, omitted)).toEqual([["", ""], ["A", 20], ["A", 35], ["B", 10]]);
    expect(abcnext(col(50, 30, 15, 5), omitted, omitted, "count", omitted)).toEqual([["", ""], ["A", 20], ["B", 15], ["B", 25]]);
  });

  it("with \"computed\": a non-positive value needs the whole smallest B value and more; the gaps match abcUpgrade", () => {
    // A negative value (0 is blank since issue 11: Excel on Windows sends an empty cell as 0).
    const out = abcnext(col(...swiss, -1), omitted, omitted, omitted, "computed");
    const values = [...swiss, -1];
    const core = classifyAbc(values, { method: "computed" });
    const up = abcUpgrade(values, core);
    out.forEach(([next, gap], i) => {
      expect(next).toBe(up.next[i] < 0 ? "" : ABC_LABELS[up.next[i]]);
      expect(gap).toBe(up.next[i] < 0 ? "" : up.gap[i]);
    });
    // The smallest B commune has 710 inhabitants, the smallest A 1145.
    const i710 = swiss.indexOf(709);
    expect(out[i710]).toEqual(["B", 1]);
    expect(out[swiss.indexOf(1142)]).toEqual(["A", 3]);
    expect(out[swiss.length]).toEqual(["B", 711]);
  });

  it("reports bad cells and bad cuts as ABCCLASS does", () => {
    expect(excelError(() => abcnext(col(1, "x"), omitted, omitted, omitted, omitted)).message).toContain("argument 'values', row 2");
    expect(excelError(() => abcnext(col(1, 2), 0.9, 0.8, omitted, omitted)).message).toContain("'a_cut' (0.9) must be below 'b_cut' (0.8)");
    expect(excelError(() => abcnext([[1, 2], [3, 4]], omitted, omitted, omitted, omitted)).message).toContain("values");
  });
});

describe("metadata", () => {
  it("declares ABCNEXT and ABCCLASS's method, optional, with Chinese help", async () => {
    const result = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    expect(result.errors).toEqual([]);
    const functions = (JSON.parse(result.metadataJson) as { functions: { id: string; parameters: { name: string; optional?: boolean }[] }[] }).functions;
    const params = (id: string) => functions.find((f) => f.id === id)!.parameters;
    expect(params("ABCCLASS").map((p) => p.name)).toEqual(["values", "a_cut", "b_cut", "basis", "method"]);
    expect(params("ABCNEXT").map((p) => p.name)).toEqual(["values", "a_cut", "b_cut", "basis", "method"]);
    for (const id of ["ABCCLASS", "ABCNEXT"]) for (const p of params(id).slice(1)) expect(p.optional).toBe(true);
    const zh = JSON.parse(readFileSync("src/i18n/functions.zh-CN.json", "utf8")) as Record<string, { parameters: Record<string, string> }>;
    expect(Object.keys(zh.ABCNEXT.parameters)).toEqual(["values", "a_cut", "b_cut", "basis", "method"]);
    expect(zh.ABCCLASS.parameters.method).toMatch(/[\u4e00-\u9fff]/);
  });
});
