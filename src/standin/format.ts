/**
 * range.format: column widths and the font and fill styles the result sheets use. Apart from range.ts
 * because formats are a separate object in Office (Excel.RangeFormat), with their own properties.
 */
import { ClientObject } from "./client-object";
import type { RangeRef } from "./model";
import type { SyncQueue } from "./sync";

export class RangeFormat extends ClientObject<RangeRef> {
  protected readonly _kind = "range format";
  protected _props() {
    // 48 points: Excel's default column width (8.43 characters, 64 pixels). source?
    return { columnWidth: (ref: RangeRef) => ref.sheet.columnWidths.get(ref.c0) ?? 48 };
  }
  get font() {
    return new StyleProxy(this.context, () => this._model(), "font");
  }
  get fill() {
    return new StyleProxy(this.context, () => this._model(), "fill");
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(width: number) {
    this._set("columnWidth", width, (ref) => {
      for (let c = ref.c0; c <= ref.c1; c++) ref.sheet.columnWidths.set(c, width);
    });
  }
  /** A rough width from the longest text (the stand-in has no fonts): not Excel's measurement. */
  autofitColumns(): void {
    this._call("autofitColumns", [], (ref) => {
      for (let c = ref.c0; c <= ref.c1; c++) {
        let longest = 0;
        for (let r = ref.r0; r <= Math.min(ref.r1, ref.r0 + 5000); r++) longest = Math.max(longest, String(ref.sheet.value(r, c)).length);
        ref.sheet.columnWidths.set(c, Math.max(24, Math.min(400, 7 * longest + 10)));
      }
    });
  }
}

/** range.format.font (bold, italic, color; Excel.RangeFont, ExcelApi 1.1) and range.format.fill (color, clear()). */
export class StyleProxy extends ClientObject<RangeRef> {
  protected readonly _kind = "range style";
  constructor(
    context: SyncQueue,
    locate: () => RangeRef,
    private readonly part: "font" | "fill",
  ) {
    super(context, locate);
  }
  protected _props(): Record<string, (ref: RangeRef) => unknown> {
    const first = (ref: RangeRef) => ref.sheet.styles.get(`${ref.r0},${ref.c0}`) ?? {};
    return this.part === "font"
      ? {
          bold: (ref: RangeRef) => first(ref).bold ?? false,
          italic: (ref: RangeRef) => first(ref).italic ?? false,
          color: (ref: RangeRef) => first(ref).fontColor ?? "#000000",
        }
      : { color: (ref: RangeRef) => first(ref).fill ?? null };
  }
  private style(ref: RangeRef, change: (s: { bold?: boolean; italic?: boolean; fill?: string; fontColor?: string }) => void): void {
    for (let r = ref.r0; r <= ref.r1; r++) {
      for (let c = ref.c0; c <= ref.c1; c++) {
        const key = `${r},${c}`;
        const s = ref.sheet.styles.get(key) ?? {};
        change(s);
        ref.sheet.styles.set(key, s);
      }
    }
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, (ref) => this.style(ref, (s) => (s.bold = v)));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, (ref) => this.style(ref, (s) => (s.italic = v)));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (ref) => this.style(ref, (s) => (this.part === "font" ? (s.fontColor = v) : (s.fill = v))));
  }
  clear(): void {
    this._call("clear", [], (ref) => this.style(ref, (s) => delete s.fill));
  }
}

