/** Stand-ins for the globals Excel gives custom functions, and a call that returns errors as values. */
(globalThis as any).CustomFunctions ??= { Error: class extends Error { code: string; constructor(code: string, message: string){ super(message); this.code = code } }, ErrorCode: { invalidValue: "#VALUE!" } };
export function lang(l?: string) { (globalThis as any).Office = l ? { context: { displayLanguage: l } } : undefined; }
export function call(f: (...a: any[]) => any, ...args: any[]) {
  try { return f(...args); } catch (e: any) { return { error: e.code, message: e.message }; }
}
export const col = (...c: unknown[]) => c.map((x) => [x]);
export const O = null as any;
export function show(label: string, v: unknown) { console.log("### " + label); console.log(JSON.stringify(v)); }
export function both(label: string, f: (...a: any[]) => any, ...args: any[]) {
  lang(); show(label + " [en]", call(f, ...args));
  lang("zh-CN"); show(label + " [zh]", call(f, ...args));
  lang();
}
