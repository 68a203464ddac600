/**
 * Excel.Filter on a table column (ExcelApi 1.2): the "was A, now C" filter of the Movers sheet is two value
 * filters the add-in applies to its table's columns, and a person clears them with the header's button. The
 * stand-in keeps each column's criteria on the table and says which data rows they leave shown, so a test can
 * check what the person would see. Only value filters ("Values") and clearing are modelled, as the add-in uses
 * nothing else.
 * https://learn.microsoft.com/javascript/api/excel/excel.filter (apply, applyValuesFilter, clear, criteria)
 * https://learn.microsoft.com/javascript/api/excel/excel.filtercriteria (filterOn "Values", values: the cells' texts)
 * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-clearfilters-member(1)
 */
import { clone } from "./client-object";
import { StandInError } from "./errors";
import type { TableModel } from "./model";
import type { SyncQueue } from "./sync";

/** A column's filter as Excel reports it (`Filter.criteria`): only value filters are modelled. */
export interface ValuesCriteria {
  filterOn: "Values";
  values: string[];
}

/** The filters of every table, by table, column index in the table → criteria. Kept beside the model, not in it. */
const filters = new WeakMap<TableModel, Map<number, ValuesCriteria>>();

function of(table: TableModel): Map<number, ValuesCriteria> {
  let map = filters.get(table);
  if (!map) filters.set(table, (map = new Map()));
  return map;
}

/** The criteria on a table's columns (column index → criteria): what a test reads back. */
export function tableFilters(table: TableModel): ReadonlyMap<number, ValuesCriteria> {
  return of(table);
}

/**
 * A cell as a value filter matches it: by its text (Excel compares the displayed text; the stand-in's cells
 * have no number format applied to text, so numbers as JavaScript writes them). A blank matches "".
 */
const cellText = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** The data rows (0-based within the data body) every column's filter lets through, in order. */
export function shownRows(table: TableModel): number[] {
  const map = of(table);
  const out: number[] = [];
  const r0 = table.box.r0 + 1;
  const r1 = table.box.r1 - (table.showTotals ? 1 : 0);
  for (let r = r0; r <= r1; r++) {
    let shown = true;
    for (const [column, criteria] of map) {
      if (!criteria.values.includes(cellText(table.sheet.value(r, table.box.c0 + column)))) shown = false;
    }
    if (shown) out.push(r - r0);
  }
  return out;
}

/** Clears every column's filter (Table.clearFilters, ExcelApi 1.2). */
export function clearTableFilters(table: TableModel): void {
  of(table).clear();
}

/** The `filter` of one table column: `locate` gives its table and column index at sync. */
export class Filter {
  private _criteria: ValuesCriteria | null | undefined;
  constructor(
    private readonly context: SyncQueue,
    private readonly locate: () => { table: TableModel; index: number },
  ) {}

  /** Shows only the rows whose cell in this column is one of `values` (texts, as Excel compares them). */
  applyValuesFilter(values: readonly string[]): void {
    this.context._need("1.2", "filter.applyValuesFilter");
    this.apply({ filterOn: "Values", values: [...values] });
  }

  apply(criteria: ValuesCriteria): void {
    this.context._need("1.2", "filter.apply");
    this.context._write({ method: "apply", args: [criteria] }, () => {
      if (criteria.filterOn !== "Values") throw new StandInError("NotImplemented", `The stand-in models value filters only, not "${String(criteria.filterOn)}".`);
      if (!Array.isArray(criteria.values)) throw new StandInError("InvalidArgument", "A values filter needs its values.");
      const { table, index } = this.locate();
      of(table).set(index, { filterOn: "Values", values: criteria.values.map(String) });
    });
  }

  clear(): void {
    this.context._need("1.2", "filter.clear");
    this.context._write({ method: "clear", args: [] }, () => {
      const { table, index } = this.locate();
      of(table).delete(index);
    });
  }

  /** The column's criteria: null without a filter; readable after `load("criteria")` and a sync. */
  load(spec?: string): this {
    if (spec !== undefined && spec !== "criteria") throw new StandInError("PropertyNotFound", `The filter has no property '${spec}'.`);
    this.context._enqueue({
      write: false,
      payload: null,
      run: () => {
        const { table, index } = this.locate();
        this._criteria = clone(of(table).get(index) ?? null);
        return JSON.stringify(this._criteria).length;
      },
    });
    return this;
  }

  get criteria(): ValuesCriteria | null {
    if (this._criteria === undefined) throw new StandInError("PropertyNotLoaded", "The property 'criteria' is not available. Call load and sync first.");
    return this._criteria;
  }
}
