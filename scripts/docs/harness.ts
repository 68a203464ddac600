/**
 * The custom functions called outside Excel, as the reference shows them: Excel's globals stood in
 * for, one display language per call, and a thrown #VALUE! kept as its message. Installing the
 * globals is a call (made by renderFunctionsDoc), so importing this module changes nothing.
 */
export function installExcelGlobals(): void {
  (globalThis as any).CustomFunctions ??= { Error: class extends Error { code: string; constructor(code: string, message: string){ super(message); this.code = code } }, ErrorCode: { invalidValue: "#VALUE!" } };
}
export function lang(l?: string) { (globalThis as any).Office = l ? { context: { displayLanguage: l } } : undefined; }
export function call(f: (...a: any[]) => any, ...args: any[]) {
  try { return f(...args); } catch (e: any) { return { error: e.code, message: e.message }; }
}
/** An omitted optional argument, as Excel passes it. */
export const O = null as any;
/** Cells as a one-column range. */
export const col = (...c: unknown[]) => c.map((x) => [x]);

export type Lang = "en" | "zh";

export function run(l: Lang, f: (...a: any[]) => any, ...args: any[]) {
  lang(l === "zh" ? "zh-CN" : undefined);
  const r = call(f, ...args);
  lang();
  return r;
}
/** The spilled result of a call that must succeed. */
export function grid(l: Lang, f: any, ...args: any[]): any[][] {
  const r = run(l, f, ...args);
  if (!Array.isArray(r)) throw new Error("expected grid: " + JSON.stringify(r));
  return r;
}
/** The message of a call that must fail with #VALUE!. */
export function msg(l: Lang, f: any, ...args: any[]): string {
  const r = run(l, f, ...args);
  if (Array.isArray(r)) throw new Error("expected error, got " + JSON.stringify(r));
  if (r.error !== "#VALUE!") throw new Error("code " + r.error);
  return r.message;
}
