/** `tier abc --method computed`, `--next`, `--no-header` and the summary's limits, run in-process. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyAbc } from "../../src/core/tiers/abc";
import { file, run } from "./support";

const SWISS = new URL("../../../shared/data/swiss_inhabitants_1900.txt", import.meta.url).pathname;
const lines = (text: string) => text.trimEnd().split("\n");

describe("tier abc --method computed on the SwissInhabitants data (one number a line, no header)", () => {
  it("--summary gives the class counts and the limits: A/B at the break-even point, B/C at the submarginal point", () => {
    const r = run(["abc", SWISS, "--no-header", "--method", "computed", "--summary"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const [header, a, b, c] = lines(r.stdout).map((l) => l.split(","));
    expect(header).toEqual(["class", "count", "value", "count_share", "value_share", "limit_effort", "limit_yield", "limit_point"]);
    // CalculatedABC.jl's points (0.22168508287292818, 0.6913764432243525) and
    // (0.3715469613259669, 0.810278191608252), printed to 15 significant digits.
    expect(a.slice(0, 2)).toEqual(["A", "642"]);
    expect(a.slice(5)).toEqual(["0.221685082872928", "0.691376443224353", "break_even"]);
    expect(b.slice(0, 2)).toEqual(["B", "435"]);
    expect(b.slice(5)).toEqual(["0.371546961325967", "0.810278191608252", "submarginal"]);
    expect(c.slice(0, 2)).toEqual(["C", "1819"]);
    expect(c.slice(5)).toEqual(["1", "1", ""]);
    const values = readFileSync(SWISS, "utf8").trim().split(/\r?\n/).map(Number);
    const total = values.reduce((s, v) => s + v, 0);
    expect(Number(a[2]) + Number(b[2]) + Number(c[2])).toBe(total);
  });

  it("prints every commune's class with its file line, as the core classes it; --value 1 is the default", () => {
    const r = run(["abc", SWISS, "--no-header", "--method", "computed"]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toBe("line,value,class,cumulative_share");
    expect(out).toHaveLength(2897);
    const values = readFileSync(SWISS, "utf8").trim().split(/\r?\n/).map(Number);
    expect(out[1].split(",").slice(0, 2)).toEqual(["1", String(values[0])]);
    const core = classifyAbc(values, { method: "computed" });
    expect(out.slice(1).map((l) => l.split(",")[2])).toEqual(Array.from(core.classes, (k) => "ABC"[k]));
    expect(run(["abc", SWISS, "--no-header", "--value", "1", "--method", "computed"]).stdout).toBe(r.stdout);
  });

  it("--next adds the next class up and the inhabitants still needed (the smallest B has 710, the smallest A 1145)", () => {
    const out = lines(run(["abc", SWISS, "--no-header", "--method", "computed", "--next", "--format", "csv"]).stdout);
    expect(out[0]).toBe("line,value,class,cumulative_share,next_class,gap");
    const rows = out.slice(1).map((l) => l.split(","));
    for (const row of rows) {
      const v = Number(row[1]);
      if (row[2] === "A") expect(row.slice(4)).toEqual(["", ""]);
      if (row[2] === "B") expect(row.slice(4)).toEqual(["A", String(1145 - v)]);
      if (row[2] === "C") expect(row.slice(4)).toEqual(["B", String(710 - v)]);
    }
  });

  it("writes JSON too", () => {
    const json = JSON.parse(run(["abc", SWISS, "--no-header", "--method", "computed", "--summary", "--format", "json"]).stdout);
    expect(json[0]).toMatchObject({ class: "A", count: 642, limit_point: "break_even" });
    expect(json[0].limit_effort).toBeCloseTo(642 / 2896, 14);
  });
});

describe("tier abc: methods and options", () => {
  const path = file("v.csv", "id,value\na,1000\nb,800\nc,600\nd,300\ne,200\nf,150\ng,100\nh,80\ni,60\nj,40\nk,30\nl,20\nm,10\nn,5\no,\np,0\n");

  it("keeps the fixed output as it was, with or without --method fixed", () => {
    const plain = run(["abc", path, "--value", "value", "--id", "id"]);
    expect(lines(plain.stdout)[0]).toBe("id,value,class,cumulative_share");
    expect(run(["abc", path, "--value", "value", "--id", "id", "--method", "fixed"]).stdout).toBe(plain.stdout);
    const summary = run(["abc", path, "--value", "value", "--summary"]);
    expect(lines(summary.stdout)[0]).toBe("class,count,value,count_share,value_share");
  });

  it("--next works with the fixed cuts too", () => {
    const out = lines(run(["abc", path, "--value", "value", "--id", "id", "--next", "--a-cut", "0.5", "--b-cut", "0.9"]).stdout);
    expect(out[0]).toBe("id,value,class,cumulative_share,next_class,gap");
    // Total 3395: a (1000) and b (800) are A (share before 0.29 < 0.5); c starts at 0.53 → B.
    expect(out[1]).toBe("a,1000,A,0.294550810014728,,");
    expect(out[3]).toBe("c,600,B,0.706921944035346,A,200");
  });

  it("ignores the cuts and the basis with the computed method", () => {
    const plain = run(["abc", path, "--value", "value", "--method", "computed"]);
    expect(plain.code).toBe(0);
    expect(run(["abc", path, "--value", "value", "--method", "computed", "--a-cut", "80", "--basis", "count"]).stdout).toBe(plain.stdout);
  });

  it("names the file line of a bad value in a file without a header", () => {
    const r = run(["abc", file("bad.txt", "5\nmany\n3\n0\n"), "--no-header", "--method", "computed"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Left out 1 of 4 rows:");
    expect(r.stderr).toContain("line 2, column 1:");
    expect(r.stderr).toContain("line 4, column 1: 0 is zero or negative, so it is class C");
    expect(lines(r.stdout).slice(1).map((l) => l.split(",")[0])).toEqual(["1", "3", "4"]);
  });

  it("refuses an unknown method and lists the options in the usage, in English and Chinese", () => {
    const r = run(["abc", path, "--value", "value", "--method", "pareto"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tier: Option --method is "pareto"; use one of: fixed, computed.\n');
    expect(run(["--help"]).stdout).toContain("[--method fixed|computed");
    expect(run(["--help"], { LANG: "zh_CN.UTF-8" }).stdout).toContain("[--method fixed|computed（由 ABC 曲线计算界限");
  });
});
