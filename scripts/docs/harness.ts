/**
 * The custom functions called outside Excel, as the reference shows them: Excel's globals stood in
 * for, one display language per call, and a thrown #VALUE! kept as its message. Installing the
 * globals is a call (made by renderFunctionsDoc), so importing this module changes nothing.
 */

/** Any custom function. The reference passes what a worksheet could (a bare number where a range is
 * declared, null for an omitted argument), so the calls below are not checked against its parameters. */
export type CustomFunction = (...args: never[]) => unknown;
/** What a call that threw leaves: the Excel error code and its message. */
export interface Failure {
  error: unknown;
  message: string;
}

type Globals = { CustomFunctions?: unknown; Office?: unknown };

export function installExcelGlobals(): void {
  (globalThis as Globals).CustomFunctions ??= { Error: class extends Error { code: string; constructor(code: string, message: string){ super(message); this.code = code } }, ErrorCode: { invalidValue: "#VALUE!" } };
}
export function lang(l?: string) { (globalThis as Globals).Office = l ? { context: { displayLanguage: l } } : undefined; }
export function call(f: CustomFunction, ...args: unknown[]): unknown {
  try {
    return (f as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    const { code, message } = e as { code?: unknown; message: string };
    return { error: code, message } satisfies Failure;
  }
}
/** An omitted optional argument, as Excel passes it. */
export const O = null;
/** Cells as a one-column range. */
export const col = (...c: unknown[]) => c.map((x) => [x]);

export type Lang = "en" | "zh";

export function run(l: Lang, f: CustomFunction, ...args: unknown[]): unknown {
  lang(l === "zh" ? "zh-CN" : undefined);
  const r = call(f, ...args);
  lang();
  return r;
}
/** The spilled result of a call that must succeed. */
export function grid(l: Lang, f: CustomFunction, ...args: unknown[]): unknown[][] {
  const r = run(l, f, ...args);
  if (!Array.isArray(r)) throw new Error("expected grid: " + JSON.stringify(r));
  return r;
}
/** A spilled table's header row: text in every cell, as each function writes it. */
export function header(row: unknown[]): string[] {
  if (!row.every((c) => typeof c === "string")) throw new Error("expected a header row: " + JSON.stringify(row));
  return row as string[];
}
/** A cell the prose prints or does arithmetic with: anything but a number is a slip in the section. */
export function num(c: unknown): number {
  if (typeof c !== "number") throw new Error("expected a number: " + JSON.stringify(c));
  return c;
}
/** The message of a call that must fail with #VALUE!. */
export function msg(l: Lang, f: CustomFunction, ...args: unknown[]): string {
  const r = run(l, f, ...args) as Failure;
  if (Array.isArray(r)) throw new Error("expected error, got " + JSON.stringify(r));
  if (r.error !== "#VALUE!") throw new Error("code " + r.error);
  return r.message;
}
