/**
 * Excel.Worksheet and the worksheet collection. A sheet owns ranges, tables, charts and PivotTables,
 * so this module imports theirs; the two pointers back up (range.worksheet, table.worksheet) are
 * attached here, at the bottom, so that no module imports one above it (no import cycle).
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet and excel.worksheetcollection
 */
import { parseAddress } from "./addresses";
import { ChartCollection } from "./chart";
import { ClientObject, Collection } from "./client-object";
import { StandInError } from "./errors";
import { checkSheetName, type SheetChangeListener, type SheetModel } from "./model";
import { NamedItemCollection } from "./names";
import { PivotTableCollection } from "./pivot";
import { Range } from "./range";
import type { SyncQueue } from "./sync";
import { Table, TableCollection } from "./table";

export class WorksheetCollection extends Collection<SheetModel, Worksheet> {
  protected readonly _kind = "worksheet collection";
  constructor(context: SyncQueue) {
    super(context, () => context.model.sheets);
  }
  protected _wrap(m: SheetModel): Worksheet {
    return new Worksheet(this.context, () => m);
  }
  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    if (name !== undefined) checkSheetName(name);
    this.context._write({ method: "add", args: [name ?? null] }, () => (created = this.context.model.addSheet(name)));
    return new Worksheet(this.context, () => created);
  }
  /** By name (any case: source?) or id, as Office (WorksheetCollection.getItem takes a name or an ID). */
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(key));
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(key), true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.model.activeSheet);
  }
  /** A change to any sheet's cells: WorksheetCollection.onChanged, ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onchanged-member). */
  get onChanged(): ChangedEvent {
    this.context._need("1.9", "worksheets.onChanged");
    return new ChangedEvent(this.context, () => true);
  }
}

/** What a changed event hands its handler (Excel.WorksheetChangedEventArgs; the part the add-in reads). */
export interface WorksheetChangedEventArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local";
}

/**
 * An event of Office.js (OfficeExtension.EventHandlers): `add` registers a handler and `remove` on its result
 * unregisters it, each at the next sync. Excel raises the event after the change, asynchronously
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events), so the stand-in calls the handler after
 * the change returns (a microtask; a real host takes a round of messages), once per changed cell (the real event reports a range; the add-in only reads
 * `worksheetId`). Changes made through the model (a person's typing in the tests) raise it as the add-in's writes do.
 */
export class ChangedEvent {
  constructor(
    private readonly context: SyncQueue,
    private readonly accepts: (sheet: SheetModel) => boolean,
  ) {}
  add(handler: (args: WorksheetChangedEventArgs) => Promise<unknown> | void): { remove(): void } {
    const listener: SheetChangeListener = (sheet, r, c) => {
      if (!this.accepts(sheet)) return;
      const args: WorksheetChangedEventArgs = { type: "WorksheetChanged", worksheetId: sheet.id, address: `${sheet.name}!R${r + 1}C${c + 1}`, changeType: "RangeEdited", source: "Local" };
      queueMicrotask(() => void handler(args));
    };
    const listeners = this.context.model.changeListeners;
    this.context._write({ method: "_RegisterEventHandler", args: [] }, () => listeners.add(listener));
    return { remove: () => this.context._write({ method: "_UnregisterEventHandler", args: [] }, () => listeners.delete(listener)) };
  }
}

export class Worksheet extends ClientObject<SheetModel> {
  protected readonly _kind = "worksheet";
  protected _props() {
    return {
      name: (s: SheetModel) => s.name,
      id: (s: SheetModel) => s.id,
      visibility: (s: SheetModel) => s.visibility,
      position: (s: SheetModel) => this.context.model.sheets.indexOf(s),
    };
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    checkSheetName(value);
    this._set("name", value, (s) => {
      const other = this.context.model.sheet(value);
      if (other && other !== s) throw new StandInError("ItemAlreadyExists", `A sheet named "${value}" already exists.`);
      s.name = value;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): SheetModel["visibility"] {
    return this._get("visibility");
  }
  /** Values of Excel.SheetVisibility; never the last visible sheet (source?). */
  set visibility(value: SheetModel["visibility"]) {
    this._set("visibility", value, (s) => {
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") throw new StandInError("InvalidArgument", `"${String(value)}" is not a sheet visibility.`);
      if (value !== "Visible" && !this.context.model.sheets.some((o) => o !== s && o.visibility === "Visible")) {
        throw new StandInError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      s.visibility = value;
    });
  }
  get tables(): TableCollection {
    return new TableCollection(this.context, () => this._model());
  }
  /** The sheet's own names (Worksheet.names, ExcelApi 1.4; names.ts). */
  get names(): NamedItemCollection {
    return new NamedItemCollection(this.context, () => this._model());
  }
  /** A change to this sheet's cells: Worksheet.onChanged, ExcelApi 1.7 (ChangedEvent). */
  get onChanged(): ChangedEvent {
    this.context._need("1.7", "worksheet.onChanged");
    return new ChangedEvent(this.context, (sheet) => sheet === this._find());
  }
  /**
   * Worksheet.copy (ExcelApi 1.7): "None" (the default) and "Beginning" put the copy first, "End" last, "Before" and
   * "After" beside `relativeTo` (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-copy-member(1)).
   */
  copy(positionType: "None" | "Before" | "After" | "Beginning" | "End" = "None", relativeTo?: Worksheet): Worksheet {
    this.context._need("1.7", "worksheet.copy");
    let made: SheetModel | null = null;
    this._call("copy", [positionType], (s) => {
      const model = this.context.model;
      const at = relativeTo ? model.sheets.indexOf(relativeTo._model()) : -1;
      const index = positionType === "End" ? model.sheets.length : positionType === "Before" ? at : positionType === "After" ? at + 1 : 0;
      made = model.copySheet(s, index);
    });
    return new Worksheet(this.context, () => made);
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.context, () => this._model());
  }
  get pivotTables(): PivotTableCollection {
    // PivotTableCollection.add is ExcelApi 1.8 (the collection itself is older); the stand-in gates the
    // collection, since the add-in only adds: https://learn.microsoft.com/javascript/api/excel/excel.pivottablecollection
    this.context._need("1.8", "worksheet.pivotTables");
    return new PivotTableCollection(this.context, () => this._model());
  }
  /** A hidden sheet cannot be activated. source? */
  activate(): void {
    this._call("activate", [], (s) => {
      if (s.visibility !== "Visible") throw new StandInError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.context.model.activeSheet = s;
    });
  }
  delete(): void {
    this._call("delete", [], (s) => this.context.model.deleteSheet(s));
  }
  /** Without an address, the whole sheet (Worksheet.getRange). */
  getRange(address?: string): Range {
    return new Range(this.context, () => {
      const sheet = this._model();
      if (address === undefined) return { sheet, r0: 0, c0: 0, r1: 1048575, c1: 16383 };
      const parsed = parseAddress(address);
      if (parsed.sheet !== null && this.context.model.sheet(parsed.sheet) !== sheet) {
        throw new StandInError("InvalidArgument", `The address "${address}" is on another sheet.`);
      }
      return { sheet, ...parsed.box };
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): Range {
    return new Range(this.context, () => ({ sheet: this._model(), r0: row, c0: column, r1: row + rows - 1, c1: column + columns - 1 }));
  }
  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  /**
   * A blank sheet gives its top-left cell, not an error; without `valuesOnly`, cells holding only a format count
   * (model.ts `usedBox` cites Worksheet.getUsedRange).
   */
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.context, () => {
      const sheet = this._model();
      return { sheet, ...(sheet.usedBox(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(
      this.context,
      () => {
        const sheet = this._model();
        const box = sheet.usedBox(valuesOnly === true);
        return box ? { sheet, ...box } : null;
      },
      true,
    );
  }
}

// The back-pointers up to the sheet. Declared and attached here rather than in range.ts and table.ts, which
// would then import this module while it imports them: madge counts type imports too.
declare module "./range" {
  interface Range {
    /** The sheet the range is on. */
    readonly worksheet: Worksheet;
  }
}

declare module "./table" {
  interface Table {
    /** The sheet the table is on. */
    readonly worksheet: Worksheet;
  }
}

for (const proxy of [Range, Table]) {
  Object.defineProperty(proxy.prototype, "worksheet", {
    get(this: Range | Table): Worksheet {
      return new Worksheet(this.context, () => this._model().sheet);
    },
    configurable: true,
  });
}
