/**
 * The Chinese a reader meets follows docs/GLOSSARY.md: one term per concept (each forbidden variant the glossary
 * lists is absent, each term is used) and full-width punctuation with no space after 。，、：；！？. Checked on the
 * rendered catalogue (message functions called with stand-in arguments, so a sentence built from parts is checked
 * as the reader sees it), the localized function metadata and the Chinese user guide; the terms also in the
 * Chinese sections of docs/FUNCTIONS.md.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en";
import { zhCN } from "../src/i18n/zh-CN";

const ROOT = new URL("../", import.meta.url).pathname;

/** Every string of the zh-CN catalogue with its dotted path; message functions rendered with stand-in arguments. */
function texts(node: unknown, path = ""): { path: string; text: string }[] {
  if (typeof node === "string") return [{ path, text: node }];
  if (typeof node === "function") {
    const fn = node as (...args: unknown[]) => string;
    const args = Array.from({ length: fn.length }, (_, i) => `V${i}`);
    try {
      return [{ path, text: fn(...args) }];
    } catch {
      // Some messages format numbers (toFixed, plural rules): give them numbers instead.
      return [{ path, text: fn(...args.map((_, i) => 9001 + i)) }];
    }
  }
  if (node !== null && typeof node === "object") {
    return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  }
  return [];
}

function jsonStrings(node: unknown, path = ""): { path: string; text: string }[] {
  if (typeof node === "string") return [{ path, text: node }];
  if (node !== null && typeof node === "object") {
    return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => jsonStrings(v, `${path}.${k}`));
  }
  return [];
}

const zhDocs = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".zh-CN.md"));
const corpus = [
  ...texts(zhCN).map((e) => ({ where: `catalog ${e.path}`, text: e.text })),
  ...jsonStrings(JSON.parse(readFileSync(join(ROOT, "src/i18n/functions.zh-CN.json"), "utf8"))).map((e) => ({
    where: `functions.zh-CN.json ${e.path}`,
    text: e.text,
  })),
  ...zhDocs.flatMap((f) =>
    readFileSync(join(ROOT, "docs", f), "utf8")
      .split("\n")
      .map((text, i) => ({ where: `docs/${f}:${i + 1}`, text })),
  ),
];

/** docs/FUNCTIONS.md's Chinese halves sit beside English and code: held to the glossary's terms, not its spacing rule. */
const functionsDoc = readFileSync(join(ROOT, "docs/FUNCTIONS.md"), "utf8")
  .split("\n")
  .map((text, i) => ({ where: `docs/FUNCTIONS.md:${i + 1}`, text }));

const glossaryText = readFileSync(join(ROOT, "docs/GLOSSARY.md"), "utf8");
const [mainPart, ...scopedParts] = glossaryText.split(/\n## /);

/** The glossary's rows: term and forbidden variants, from the first table in docs/GLOSSARY.md. */
function glossary(): { english: string; term: string; not: string[] }[] {
  const rows = mainPart
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| ---") && !l.startsWith("| English"));
  return rows.map((l) => {
    const cells = l.split("|").map((c) => c.trim());
    const not = [...cells[3].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    return { english: cells[1], term: cells[2], not };
  });
}

/** The rows of the glossary's "depend on where they stand" tables: catalogue keys (regular expressions), term, variants. */
function scopedTerms(): { concept: string; keys: RegExp[]; term: string; not: string[] }[] {
  return scopedParts
    .join("\n")
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| ---") && !l.startsWith("| Concept"))
    .map((l) => {
      const cells = l.split("|").map((c) => c.trim());
      const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      return { concept: cells[1], keys: code(cells[2]).map((k) => new RegExp(k)), term: cells[3], not: code(cells[4]) };
    });
}

/** Catalogue strings under a scoped row's keys whose English says "new" but whose Chinese misses the term or uses a variant. */
function scopedProblems(zh: { path: string; text: string }[], english: Map<string, string>): string[] {
  return scopedTerms().flatMap((row) =>
    zh
      .filter((e) => row.keys.some((k) => k.test(e.path)) && /\bnew\b/i.test(english.get(e.path) ?? ""))
      .filter((e) => !e.text.includes(row.term) || row.not.some((w) => e.text.includes(w)))
      .map((e) => `catalog ${e.path}: "${e.text}" (use ${row.term} for ${row.concept.split(":")[0]})`),
  );
}

describe("zh-CN wording", () => {
  it("finds the catalogue, the function metadata and the guide", () => {
    expect(zhDocs).toContain("USER-GUIDE.zh-CN.md");
    expect(corpus.filter((c) => c.where.startsWith("catalog")).length).toBeGreaterThan(500);
    expect(corpus.filter((c) => c.where.startsWith("functions")).length).toBeGreaterThan(50);
  });

  it("has no space after full-width punctuation, none before a closing bracket, none between two Chinese characters", () => {
    const bad = corpus
      .filter((c) => /[。，、：；！？（][ \t]|[ \t][）。，、：；！？]|[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(c.text))
      .map((c) => `${c.where}: ${c.text}`);
    expect(bad).toEqual([]);
  });

  it("uses the glossary's terms: no forbidden variant anywhere, each term somewhere", () => {
    const rows = glossary();
    expect(rows.length).toBeGreaterThan(15);
    const forbidden = rows.flatMap((r) => r.not.map((word) => ({ word, use: r.term, english: r.english })));
    expect(forbidden.map((f) => f.word)).toEqual(expect.arrayContaining(["销售额", "风险中的", "不可流失", "品类"]));
    const found = forbidden.flatMap((f) =>
      [...corpus, ...functionsDoc].filter((c) => c.text.includes(f.word)).map((c) => `${c.where}: "${f.word}" (use ${f.use} for ${f.english})`),
    );
    expect(found).toEqual([]);
    const all = corpus.map((c) => c.text).join("\n");
    for (const r of rows) {
      for (const term of r.term.split(" / ").map((t) => t.replace(/（.*）$/, "").trim())) {
        expect(all.includes(term), `glossary term ${term} (${r.english}) is used nowhere`).toBe(true);
      }
    }
  });

  it("names the two kinds of \"new\" apart: 新增 in migration tables and among movers, 新客户 for the lifecycle stage and segment", () => {
    const rows = scopedTerms();
    expect(rows.map((r) => r.term)).toEqual(["新增", "新客户"]);
    const english = new Map(texts(en).map((e) => [e.path, e.text]));
    const zh = texts(zhCN);
    // Each row governs some strings (the check is not vacuous) …
    for (const row of rows) {
      const governed = zh.filter((e) => row.keys.some((k) => k.test(e.path)) && /\bnew\b/i.test(english.get(e.path) ?? ""));
      expect(governed.length, `no catalogue string under ${row.term}'s keys says "new"`).toBeGreaterThan(1);
    }
    // … and each is worded by its row.
    expect(scopedProblems(zh, english)).toEqual([]);
    // The other term in either place is caught.
    expect(scopedProblems([{ path: "overTime.directions.new", text: "新客户" }], new Map([["overTime.directions.new", "new"]]))).toHaveLength(1);
    expect(scopedProblems([{ path: "predict.stages.new", text: "新增" }], new Map([["predict.stages.new", "New"]]))).toHaveLength(1);
  });

  it("a planted space or variant would be caught (the checks are not vacuous)", () => {
    expect(/[。，、：；！？（][ \t]/.test("完成。 下一步")).toBe(true);
    expect(glossary().some((r) => r.not.some((w) => "按销售额排序".includes(w)))).toBe(true);
  });
});
