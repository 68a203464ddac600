/**
 * Excel.NamedItem and the named-item collections of the workbook and of a worksheet: the add-in marks the sheets
 * it owns with workbook-scoped names (src/excel/ownership.ts), so the stand-in keeps names as Excel does.
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection (add, comment, delete and scope:
 * ExcelApi 1.4, https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-4-requirement-set;
 * formula: ExcelApi 1.7; visible: ExcelApi 1.1).
 *
 * What a name does when its sheet changes, as Excel does it:
 * - a name that refers to a range refers to the cells, not to the sheet's name: a renamed sheet's names follow it
 *   (the formula shows the new name), and a workbook saved and reopened keeps them (sheet ids change, names do not);
 * - a sheet-scoped name dies with its sheet; a workbook-scoped name that referred to a deleted sheet stays, as
 *   `=#REF!$A$1` of type "Error" ("If you delete the sheet, the workbook's RefersTo property has an error #REF":
 *   https://docs.infor.com/cpm/10.4.x/en-us/useradminlib/infor_cpm_excel_services_vb_user_guide/xhy1582886072807.html);
 * - a copied sheet takes its sheet-scoped names along (re-pointed to the copy), and a workbook-scoped name that
 *   referred to the original gets a sheet-scoped twin on the copy while the workbook name stays on the original
 *   (same page: "When a sheet is copied, the names are copied along with the sheet … The original workbook name
 *   without the sheet name preface remains"; ClosedXML #416 describes Excel's copy re-pointing the copied names).
 */
import { columnLetters } from "./addresses";
import { ClientObject, Collection } from "./client-object";
import { StandInError } from "./errors";
import type { NameModel, SheetModel, WorkbookModel } from "./model";
import type { Range } from "./range";
import type { SyncQueue } from "./sync";

/** "Tier Summary" → "'Tier Summary'", "Tiers" → "Tiers": Excel quotes a sheet name that is not a plain word. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The name's formula, as `NamedItem.formula` gives it: "=Tiers!$A$1", "='Tier Summary'!$A$1:$B$2", "=#REF!$A$1". */
export function nameFormula(n: NameModel): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  const box = n.box;
  const area = box.r0 === box.r1 && box.c0 === box.c1 ? cell(box.r0, box.c0) : `${cell(box.r0, box.c0)}:${cell(box.r1, box.c1)}`;
  return n.sheet ? `=${quoteSheet(n.sheet.name)}!${area}` : `=#REF!${area}`;
}

/**
 * Names: at most 255 characters, first a letter, _ or \, then letters, digits, _, . or \; no spaces; not a cell
 * reference ("A1", "R1C1") nor "C", "c", "R" or "r"; unique, in any case, within their scope
 * ("Syntax rules for names": https://support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64).
 */
function checkName(model: WorkbookModel, name: string, scope: SheetModel | null): void {
  const valid =
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]{1,7}$/.test(name) &&
    !/^[Rr][0-9]*[Cc][0-9]*$/.test(name) &&
    !/^[RrCc]$/.test(name);
  if (!valid) throw new StandInError("InvalidArgument", `"${name}" is not a valid name.`);
  const key = name.toLowerCase();
  if (model.names.some((n) => n.scope === scope && n.name.toLowerCase() === key)) {
    throw new StandInError("ItemAlreadyExists", `The name "${name}" already exists.`);
  }
}

export class NamedItemCollection extends Collection<NameModel, NamedItem> {
  protected readonly _kind = "named item collection";
  constructor(
    context: SyncQueue,
    /** The sheet whose names these are, or null for the workbook's. */
    private readonly scope: () => SheetModel | null,
  ) {
    super(context, () => {
      const sheet = scope();
      return context.model.names.filter((n) => n.scope === sheet);
    });
  }
  protected _wrap(m: NameModel): NamedItem {
    return new NamedItem(this.context, () => m);
  }
  /** ExcelApi 1.4. A Range reference only (the add-in passes ranges; a formula text is not modelled). */
  add(name: string, reference: Range, comment?: string): NamedItem {
    this.context._need("1.4", "NamedItemCollection.add");
    if (typeof reference !== "object" || reference === null || !("_model" in reference)) {
      throw new StandInError("InvalidArgument", "The stand-in models names that refer to a Range only.");
    }
    let made: NameModel | null = null;
    this.context._write({ method: "add", args: [name, "<range>", comment ?? ""] }, () => {
      const scope = this.scope();
      checkName(this.context.model, name, scope);
      const ref = reference._model();
      made = { name, scope, sheet: ref.sheet, box: { r0: ref.r0, c0: ref.c0, r1: ref.r1, c1: ref.c1 }, comment: comment ?? "", visible: true, deleted: false };
      this.context.model.names.push(made);
    });
    return new NamedItem(this.context, () => made);
  }
  getItem(name: string): NamedItem {
    return new NamedItem(this.context, () => this.find(name));
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.context, () => this.find(name), true);
  }
  private find(name: string): NameModel | null {
    const key = name.toLowerCase();
    const sheet = this.scope();
    return this.context.model.names.find((n) => n.scope === sheet && n.name.toLowerCase() === key) ?? null;
  }
}

export class NamedItem extends ClientObject<NameModel> {
  protected readonly _kind = "named item";
  protected _props() {
    return {
      name: (n: NameModel) => n.name,
      type: (n: NameModel) => (n.sheet ? "Range" : "Error"),
      value: (n: NameModel) => (n.sheet ? nameFormula(n).slice(1) : "#REF!"),
      formula: (n: NameModel) => nameFormula(n),
      comment: (n: NameModel) => n.comment,
      visible: (n: NameModel) => n.visible,
      scope: (n: NameModel) => (n.scope ? "Worksheet" : "Workbook"),
    };
  }
  get name(): string {
    return this._get("name");
  }
  get type(): string {
    return this._get("type");
  }
  get value(): unknown {
    return this._get("value");
  }
  get formula(): string {
    return this._get("formula");
  }
  get scope(): string {
    return this._get("scope");
  }
  get comment(): string {
    return this._get("comment");
  }
  /** ExcelApi 1.4. */
  set comment(value: string) {
    this.context._need("1.4", "NamedItem.comment");
    this._set("comment", value, (n) => (n.comment = String(value)));
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (n) => (n.visible = value === true));
  }
  /** ExcelApi 1.4. */
  delete(): void {
    this.context._need("1.4", "NamedItem.delete");
    this._call("delete", [], (n) => {
      n.deleted = true;
      const list = this.context.model.names;
      list.splice(list.indexOf(n), 1);
    });
  }
}
