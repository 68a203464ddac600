/**
 * The catalogs stay in step: zh-CN has exactly the keys of en (recursively, sections added later included), of
 * the same kinds, and translates every string except a short list of names that read the same in both.
 */
import { describe, expect, it } from "vitest";
import { catalogs, messages, resolveLocale } from "../src/i18n";
import { CoreError, type CoreErrorCode } from "../src/core/cells/errors";
import { CORE_ERRORS } from "../src/i18n/core-errors";
import { describeCoreError } from "../src/i18n/describe";
import { DIRECTION_WORDS, readScoreDirection } from "../src/i18n/directions";
import { MAX_CLV_MONTHS } from "../src/core/models/predict";
import { en } from "../src/i18n/en";
import { zhCN } from "../src/i18n/zh-CN";

/** Strings that are the same in English and Chinese on purpose: letters, names and formulas that are not translated. */
const SAME_IN_BOTH = new Set(["R", "F", "M", "RFM", "ABC", "CLV", "TIER", "Tiering", "English", "中文", "n − 1", "BG/NBD", "Pareto/NBD"]);

type Entry = { path: string; value: unknown };

/** Every leaf (string or message function) under a catalog, with its dotted path. */
function leaves(node: unknown, path = ""): Entry[] {
  if (node !== null && typeof node === "object") {
    return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
      leaves(value, path ? `${path}.${key}` : key),
    );
  }
  return [{ path, value: node }];
}

const kind = (value: unknown) => (value !== null && typeof value === "object" ? "section" : typeof value);

/** Distinct arguments for a message function, as strings, or as numbers when the message needs numbers. */
function render(fn: (...args: unknown[]) => string, arity: number): { tokens: string[]; text: string } {
  const strings = Array.from({ length: arity }, (_, i) => `⟦arg${i}⟧`);
  try {
    return { tokens: strings, text: fn(...strings) };
  } catch {
    const numbers = Array.from({ length: arity }, (_, i) => 9001 + i);
    return { tokens: numbers.map(String), text: fn(...numbers) };
  }
}

describe("i18n catalogs", () => {
  const enLeaves = leaves(en);
  const zhLeaves = new Map(leaves(zhCN).map((e) => [e.path, e.value]));

  it("have identical key sets, recursively, with the same kinds of values", () => {
    const paths = (node: unknown, prefix = ""): string[] =>
      node !== null && typeof node === "object"
        ? Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => {
            const p = prefix ? `${prefix}.${k}` : k;
            return [`${p}:${kind(v)}`, ...paths(v, p)];
          })
        : [];
    expect(paths(zhCN).sort()).toEqual(paths(en).sort());
    expect(enLeaves.length).toBeGreaterThan(20);
  });

  it("translate every string except the names that read the same in both languages", () => {
    const untranslated = enLeaves
      .filter((e) => typeof e.value === "string" && e.value === zhLeaves.get(e.path))
      .filter((e) => !SAME_IN_BOTH.has(e.value as string))
      .map((e) => `${e.path}: "${e.value}"`);
    expect(untranslated).toEqual([]);
    for (const e of enLeaves) {
      if (typeof e.value === "string") expect(e.value.trim(), `${e.path} is not blank`).not.toBe("");
    }
  });

  it("translate every message function and keep all of its values", () => {
    const problems: string[] = [];
    for (const e of enLeaves) {
      if (typeof e.value !== "function") continue;
      const enFn = e.value as (...args: unknown[]) => string;
      const zhFn = zhLeaves.get(e.path) as (...args: unknown[]) => string;
      const { tokens, text: enText } = render(enFn, enFn.length);
      const zhText = tokens[0]?.startsWith("⟦") ? zhFn(...tokens) : zhFn(...tokens.map(Number));
      if (typeof enText !== "string" || typeof zhText !== "string") problems.push(`${e.path} returns a non-string`);
      else if (enText === zhText) problems.push(`${e.path} is not translated: "${enText}"`);
      for (const token of tokens) {
        if (enText.includes(token) && !zhText.includes(token)) problems.push(`${e.path} drops argument ${token}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("word every core error code in each language (the table keyed by code)", () => {
    for (const code of Object.keys(CORE_ERRORS) as CoreErrorCode[]) {
      const enText = describeCoreError(new CoreError(code, {}), en);
      const zhText = describeCoreError(new CoreError(code, {}), zhCN);
      expect(enText.trim(), code).not.toBe("");
      expect(zhText, code).not.toBe(enText);
    }
  });

  it("are chosen by Office's display language", () => {
    expect(catalogs.en).toBe(en);
    expect(catalogs["zh-CN"]).toBe(zhCN);
    for (const tag of ["zh-CN", "zh-cn", "zh-Hans", "zh-Hans-CN", "zh-SG", "zh", "zh_CN.UTF-8"]) {
      expect(resolveLocale(tag), tag).toBe("zh-CN");
    }
    for (const tag of ["en-US", "en-GB", "de-DE", "", null, undefined]) {
      expect(resolveLocale(tag), String(tag)).toBe("en");
    }
    expect(messages("zh-CN")).toBe(zhCN);
    expect(messages("fr-FR")).toBe(en);
  });
});

describe("score direction words (src/i18n/directions.ts)", () => {
  it("reads the words of every language, and 1 / -1, whatever the display language; the core gets higher or lower", () => {
    for (const [text, direction] of [
      ["higher", "higher"], [" High ", "higher"], ["Higher is better", "higher"], ["1", "higher"], ["+1", "higher"],
      ["高", "higher"], ["越高越好", "higher"], ["较高", "higher"],
      ["LOWER", "lower"], ["low", "lower"], ["lower is better", "lower"], ["-1", "lower"], ["低", "lower"], ["越低越好", "lower"], ["较低", "lower"],
    ] as const) {
      expect(readScoreDirection(text), text).toBe(direction);
    }
    for (const text of ["", "up", "more", "0", "2", "toString", "constructor"]) expect(readScoreDirection(text), text).toBeUndefined();
  });

  it("lists words for every language and both directions, no word for both", () => {
    expect(Object.keys(DIRECTION_WORDS).sort()).toEqual(Object.keys(catalogs).sort());
    const all = Object.values(DIRECTION_WORDS).flatMap((w) => [...w.higher, ...w.lower]);
    expect(new Set(all).size).toBe(all.length);
    for (const words of Object.values(DIRECTION_WORDS)) {
      expect(words.higher.length).toBeGreaterThan(0);
      expect(words.lower.length).toBeGreaterThan(0);
      for (const w of [...words.higher, ...words.lower]) expect(w).toBe(w.trim().toLowerCase());
    }
  });
});

describe("limits the pane's sentences take from the core", () => {
  it("words the Predict horizon with the core's MAX_CLV_MONTHS, as it read when 240 was written in", () => {
    expect(MAX_CLV_MONTHS).toBe(240);
    expect(en.pane.problems.predictRules.horizonMonths(MAX_CLV_MONTHS)).toBe("use a whole number of months from 0 to 240, such as 12");
    expect(zhCN.pane.problems.predictRules.horizonMonths(MAX_CLV_MONTHS)).toBe("请使用 0 到 240 之间的整月数，如 12");
  });
});
