/**
 * Excel.Table and its parts (header, data body, totals row, rows, columns): the add-in reads its
 * input from tables and writes its results as tables. The `worksheet` back-pointer is attached in
 * worksheet.ts.
 * https://learn.microsoft.com/javascript/api/excel/excel.table and excel.tablecollection
 */
import { parseAddress, type Box } from "./addresses";
import { ClientObject, Collection } from "./client-object";
import { StandInError } from "./errors";
import { overlaps, type RangeRef, type SheetModel, type TableModel } from "./model";
import { Range } from "./range";
import type { SyncQueue } from "./sync";
import { clearTableFilters, Filter } from "./table-filter";

export class TableCollection extends Collection<TableModel, Table> {
  protected readonly _kind = "table collection";
  constructor(
    context: SyncQueue,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context, () => context.model.tables.filter((t) => !sheet || t.sheet === sheet()));
  }
  protected _wrap(m: TableModel): Table {
    return new Table(this.context, () => m);
  }
  add(address: Range | string, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    const model = this.context.model;
    this.context._write({ method: "add", args: [typeof address === "string" ? address : "(range)", hasHeaders] }, () => {
      let ref: RangeRef;
      if (typeof address === "string") {
        const parsed = parseAddress(address);
        const sheet = parsed.sheet !== null ? model.sheet(parsed.sheet) : this.sheet ? this.sheet() : null;
        if (!sheet) throw new StandInError("InvalidArgument", `The address "${address}" names no sheet.`);
        ref = { sheet, ...parsed.box };
      } else ref = address._model();
      if (!hasHeaders) throw new StandInError("NotImplemented", "The stand-in adds tables with a header row only.");
      // Excel's code here is MergedRangeConflict ("A table can't overlap with another table…",
      // https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling); the stand-in says InvalidOperation.
      for (const t of model.tables) if (overlaps({ sheet: t.sheet, ...t.box }, ref)) throw new StandInError("InvalidOperation", "A table can't overlap another table.");
      let k = model.tables.length + 1;
      while (model.table(`Table${k}`)) k++;
      // Excel names blank headers Column1…, and makes repeated ones unique. source?
      const seen = new Set<string>();
      for (let c = ref.c0; c <= ref.c1; c++) {
        let h = String(ref.sheet.value(ref.r0, c)).trim() || `Column${c - ref.c0 + 1}`;
        for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${String(ref.sheet.value(ref.r0, c)).trim() || "Column"}${n}`;
        seen.add(h.toLowerCase());
        ref.sheet.setValue(ref.r0, c, h);
      }
      created = { id: model.newId("table"), name: `Table${k}`, sheet: ref.sheet, box: { r0: ref.r0, c0: ref.c0, r1: ref.r1, c1: ref.c1 }, style: "TableStyleMedium2", deleted: false };
      model.tables.push(created);
    });
    return new Table(this.context, () => created);
  }
  getItem(name: string): Table {
    return new Table(this.context, () => this.context.model.table(name));
  }
  getItemOrNullObject(name: string): Table {
    return new Table(this.context, () => this.context.model.table(name), true);
  }
}

export class Table extends ClientObject<TableModel> {
  protected readonly _kind = "table";
  protected _props() {
    return { name: (t: TableModel) => t.name, id: (t: TableModel) => t.id, style: (t: TableModel) => t.style, showTotals: (t: TableModel) => t.showTotals ?? false };
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (t) => {
      if (t.name.toLowerCase() !== value.toLowerCase()) this.context.model.checkNewTableName(value);
      t.name = value;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get style(): string {
    return this._get("style");
  }
  set style(value: string) {
    this._set("style", value, (t) => (t.style = value));
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  /** Shows or hides the totals row below the data (the table grows or shrinks by that row). */
  set showTotals(value: boolean) {
    this._set("showTotals", value, (t) => {
      if ((t.showTotals ?? false) === value) return;
      t.box = { ...t.box, r1: t.box.r1 + (value ? 1 : -1) };
      t.showTotals = value;
    });
  }
  private part(box: (b: Box, totals: number) => Box): Range {
    return new Range(this.context, () => {
      const t = this._model();
      return { sheet: t.sheet, ...box(t.box, t.showTotals ? 1 : 0) };
    });
  }
  /** The whole table: header, data and the totals row when shown. */
  getRange(): Range {
    return this.part((b) => b);
  }
  getHeaderRowRange(): Range {
    return this.part((b) => ({ ...b, r1: b.r0 }));
  }
  getDataBodyRange(): Range {
    return this.part((b, totals) => ({ ...b, r0: b.r0 + 1, r1: b.r1 - totals }));
  }
  /** The totals row; the stand-in refuses when it is hidden (source?). */
  getTotalRowRange(): Range {
    return new Range(this.context, () => {
      const t = this._model();
      if (!t.showTotals) throw new StandInError("InvalidOperation", "The table does not show its totals row.");
      return { sheet: t.sheet, ...t.box, r0: t.box.r1 };
    });
  }
  get rows() {
    return new TableRows(this.context, () => this._model());
  }
  get columns() {
    return new TableColumns(this.context, () => this._model());
  }
  /** Clears every column's filter (ExcelApi 1.2; table-filter.ts). */
  clearFilters(): void {
    this.context._need("1.2", "table.clearFilters");
    this._call("clearFilters", [], (t) => clearTableFilters(t));
  }
  delete(): void {
    this._call("delete", [], (t) => {
      t.deleted = true;
      this.context.model.tables.splice(this.context.model.tables.indexOf(t), 1);
    });
  }
  /** Turns the table into a plain range: its cells (values, formats) stay, the table and its name go (ExcelApi 1.2). */
  convertToRange(): Range {
    this.context._need("1.2", "table.convertToRange");
    let box: RangeRef | null = null;
    this._call("convertToRange", [], (t) => {
      box = { sheet: t.sheet, ...t.box };
      t.deleted = true;
      this.context.model.tables.splice(this.context.model.tables.indexOf(t), 1);
    });
    return new Range(this.context, () => box);
  }
}

export class TableRows extends ClientObject<TableModel> {
  protected readonly _kind = "table rows";
  protected _props() {
    return { count: (t: TableModel) => t.box.r1 - t.box.r0 - (t.showTotals ? 1 : 0) };
  }
  get count(): number {
    return this._get("count");
  }
}

interface ColumnModel {
  table: TableModel;
  index: number;
  sheet: SheetModel;
}

export class TableColumns extends Collection<ColumnModel, TableColumn> {
  protected readonly _kind = "table column collection";
  constructor(
    context: SyncQueue,
    private readonly table: () => TableModel,
  ) {
    super(context, () => {
      const t = table();
      return Array.from({ length: t.box.c1 - t.box.c0 + 1 }, (_, index) => ({ table: t, index, sheet: t.sheet }));
    });
  }
  protected _wrap(m: ColumnModel): TableColumn {
    return new TableColumn(this.context, () => m);
  }
  getItem(name: string): TableColumn {
    return new TableColumn(this.context, () => {
      const t = this.table();
      for (let c = t.box.c0; c <= t.box.c1; c++) if (String(t.sheet.value(t.box.r0, c)).toLowerCase() === name.toLowerCase()) return { table: t, index: c - t.box.c0, sheet: t.sheet };
      return null;
    });
  }
}

export class TableColumn extends ClientObject<ColumnModel> {
  protected readonly _kind = "table column";
  protected _props() {
    return { name: (m: ColumnModel) => String(m.sheet.value(m.table.box.r0, m.table.box.c0 + m.index)), index: (m: ColumnModel) => m.index };
  }
  get name(): string {
    return this._get("name");
  }
  /** The column's filter (ExcelApi 1.2; table-filter.ts). */
  get filter(): Filter {
    return new Filter(this.context, () => {
      const m = this._model();
      return { table: m.table, index: m.index };
    });
  }
  getDataBodyRange(): Range {
    return new Range(this.context, () => {
      const m = this._model();
      const c = m.table.box.c0 + m.index;
      return { sheet: m.sheet, r0: m.table.box.r0 + 1, c0: c, r1: m.table.box.r1 - (m.table.showTotals ? 1 : 0), c1: c };
    });
  }
}

