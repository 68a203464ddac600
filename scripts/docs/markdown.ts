/** Text pieces the sections share: Markdown tables, number formats, and the checks behind the prose. */
import { msg, type CustomFunction, type Lang } from "./harness";

/** The values a section fills in: template name ({{name}}) → text. */
export type Values = Record<string, string>;

const cellMd = (c: unknown) => (c === "" || c === null || c === undefined ? " " : String(c));
export function table(header: string[], rows: unknown[][]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [`| ${header.map(esc).join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map((c) => esc(cellMd(c))).join(" | ")} |`)].join("\n");
}
export const r2 = (x: number) => String(Math.round(x * 100) / 100);
export const r4 = (x: number) => x.toFixed(4);
/** Rounds for display: 4 decimals, trailing zeros dropped; text and whole numbers as they are. */
export const n4 = (c: unknown) => (typeof c === "number" && !Number.isInteger(c) ? String(Number(c.toFixed(4))) : c);
/** A cell as typed: numbers bare, text in code quotes, blank as a space. */
export const plain = (c: unknown) => (c === "" ? " " : typeof c === "number" ? String(c) : `\`"${c}"\``);

export function must(cond: boolean, what: string) { if (!cond) throw new Error("prose check failed: " + what); }

/** An error case: the situation in English and Chinese, the function, its arguments. */
export type Case = [string, string, CustomFunction, ...unknown[]];
export function errTable(cases: Case[], l: Lang) {
  return table(l === "en" ? ["Situation", "Message (the cell shows #VALUE!)"] : ["情形", "提示（单元格显示 #VALUE!）"],
    cases.map(([se, sz, f, ...args]) => [l === "en" ? se : sz, "`" + msg(l, f, ...args) + "`"]));
}
