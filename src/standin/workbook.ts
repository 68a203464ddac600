/**
 * The request context and its workbook, the top of the proxy tree: `StandInContext` is what
 * Excel.run hands a batch (context.workbook, context.sync()), built on the queue of sync.ts.
 */
import { ClientObject } from "./client-object";
import { NamedItemCollection } from "./names";
import type { WorkbookModel } from "./model";
import { PivotTableCollection } from "./pivot";
import { Range } from "./range";
import { SettingCollection } from "./settings";
import { SyncQueue, type StandInOptions } from "./sync";
import { TableCollection } from "./table";
import { WorksheetCollection } from "./worksheet";
import { StandInError } from "./errors";

export class StandInContext extends SyncQueue {
  readonly workbook: Workbook;
  constructor(model: WorkbookModel, options: Required<StandInOptions>) {
    super(model, options);
    this.workbook = new Workbook(this);
  }
}

export class Workbook extends ClientObject<WorkbookModel> {
  protected readonly _kind = "workbook";
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  readonly application: Application;
  constructor(context: SyncQueue) {
    super(context, () => context.model);
    this.worksheets = new WorksheetCollection(context);
    this.tables = new TableCollection(context, null);
    this.settings = new SettingCollection(context);
    this.application = new Application(context);
  }
  protected _props() {
    return { name: () => "Book1.xlsx" };
  }
  /** The workbook-scoped names (Workbook.names, ExcelApi 1.1; add and delete 1.4: names.ts). */
  get names(): NamedItemCollection {
    return new NamedItemCollection(this.context, () => null);
  }
  getSelectedRange(): Range {
    return new Range(this.context, () => {
      const sel = this.context.model.selection;
      if (!sel) throw new StandInError("ItemNotFound", "Nothing is selected.");
      return sel;
    });
  }
  get pivotTables(): PivotTableCollection {
    // PivotTableCollection.add is ExcelApi 1.8 (the collection itself is older); the stand-in gates the
    // collection, since the add-in only adds: https://learn.microsoft.com/javascript/api/excel/excel.pivottablecollection
    this.context._need("1.8", "workbook.pivotTables");
    return new PivotTableCollection(this.context, null);
  }
}

export class Application extends ClientObject<WorkbookModel> {
  protected readonly _kind = "application";
  constructor(context: SyncQueue) {
    super(context, () => context.model);
  }
  protected _props() {
    return { calculationMode: () => "Automatic" };
  }
  /** ExcelApi 1.6: https://learn.microsoft.com/javascript/api/excel/excel.application */
  suspendApiCalculationUntilNextSync(): void {
    this.context._need("1.6", "suspendApiCalculationUntilNextSync");
    this.context._suspendCalculation();
  }
}

