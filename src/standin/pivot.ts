/**
 * Excel.PivotTable (ExcelApi 1.8): added from a table or a range, with row and data hierarchies.
 * What it shows is computed for inspection in views.ts.
 * https://learn.microsoft.com/javascript/api/excel/excel.pivottablecollection, excel.pivottable
 */
import { parseAddress } from "./addresses";
import { ClientObject, Collection } from "./client-object";
import { StandInError } from "./errors";
import { pivotFields, type PivotModel, type RangeRef, type SheetModel } from "./model";
import { Range } from "./range";
import type { SyncQueue } from "./sync";
import { Table } from "./table";

export class PivotTableCollection extends Collection<PivotModel, PivotTable> {
  protected readonly _kind = "PivotTable collection";
  constructor(
    context: SyncQueue,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context, () => context.model.pivots.filter((p) => !sheet || p.sheet === sheet()));
  }
  protected _wrap(m: PivotModel): PivotTable {
    return new PivotTable(this.context, () => m);
  }
  add(name: string, source: Range | string | Table, destination: Range | string): PivotTable {
    let created: PivotModel | null = null;
    const model = this.context.model;
    this.context._write({ method: "add", args: [name, typeof source === "string" ? source : "(object)", typeof destination === "string" ? destination : "(range)"] }, () => {
      let src: PivotModel["source"];
      if (source instanceof Table) src = { table: source._model() };
      else if (source instanceof Range) src = { range: source._model() };
      else {
        const table = model.table(source);
        if (table) src = { table };
        else {
          const parsed = parseAddress(source);
          const sheet = parsed.sheet ? model.sheet(parsed.sheet) : null;
          if (!sheet) throw new StandInError("InvalidArgument", `"${source}" is neither a table nor an address with a sheet.`);
          src = { range: { sheet, ...parsed.box } };
        }
      }
      let dest: RangeRef;
      if (typeof destination === "string") {
        const parsed = parseAddress(destination);
        const sheet = parsed.sheet ? model.sheet(parsed.sheet) : this.sheet ? this.sheet() : null;
        if (!sheet) throw new StandInError("InvalidArgument", `"${destination}" names no sheet.`);
        dest = { sheet, ...parsed.box };
      } else dest = destination._model();
      // PivotTable names are unique within a sheet. source?
      if (model.pivots.some((p) => p.sheet === dest.sheet && p.name.toLowerCase() === name.toLowerCase())) {
        throw new StandInError("ItemAlreadyExists", `A PivotTable named "${name}" already exists on this sheet.`);
      }
      created = { id: model.newId("pivot"), name, sheet: dest.sheet, destination: { r: dest.r0, c: dest.c0 }, source: src, rows: [], data: [], deleted: false };
      model.pivots.push(created);
    });
    return new PivotTable(this.context, () => created);
  }
  getItem(name: string): PivotTable {
    return new PivotTable(this.context, () => this.context.model.pivots.find((p) => p.name === name) ?? null);
  }
  getItemOrNullObject(name: string): PivotTable {
    return new PivotTable(this.context, () => this.context.model.pivots.find((p) => p.name === name) ?? null, true);
  }
}

export class PivotTable extends ClientObject<PivotModel> {
  protected readonly _kind = "PivotTable";
  protected _props() {
    return { name: (p: PivotModel) => p.name, id: (p: PivotModel) => p.id };
  }
  get name(): string {
    return this._get("name");
  }
  get hierarchies() {
    return {
      getItem: (name: string) => {
        const h = new PivotHierarchy(this.context, () => {
          const p = this._model();
          const field = pivotFields(p).find((f) => f.toLowerCase() === name.toLowerCase());
          if (field === undefined) throw new StandInError("ItemNotFound", `The PivotTable has no field "${name}".`);
          return { pivot: p, field };
        });
        h.fieldName = name;
        return h;
      },
    };
  }
  get rowHierarchies() {
    return {
      add: (h: PivotHierarchy) => {
        this._call("rowHierarchies.add", [h.fieldName], () => {
          const { pivot: p, field } = h._model();
          if (p.rows.includes(field)) throw new StandInError("InvalidArgument", `"${field}" is already a row field.`);
          p.rows.push(field);
        });
        return h;
      },
    };
  }
  get dataHierarchies() {
    return {
      add: (h: PivotHierarchy) => {
        let entry: PivotModel["data"][number] | null = null;
        this._call("dataHierarchies.add", [h.fieldName], () => {
          const { pivot: p, field } = h._model();
          // A new data field sums numbers and counts anything else: "By default, numeric fields use SUM, and
          // nonnumeric fields (text, dates as text, blanks) use COUNT" (Excel help, "Change the summary function or
          // custom calculation for a field in a PivotTable": https://support.microsoft.com/office/change-the-summary-function-or-custom-calculation-for-a-field-in-a-pivottable-report-480ed960-5e27-4c27-a1b9-6a9db8ab7f4f).
          const summarizeBy = allNumbers(p, field) ? "Sum" : "Count";
          entry = { name: `${summarizeBy === "Sum" ? "Sum" : "Count"} of ${field}`, field, summarizeBy };
          p.data.push(entry);
        });
        return new DataHierarchy(this.context, () => entry);
      },
    };
  }
  delete(): void {
    this._call("delete", [], (p) => {
      p.deleted = true;
      this.context.model.pivots.splice(this.context.model.pivots.indexOf(p), 1);
    });
  }
}

export class PivotHierarchy extends ClientObject<{ pivot: PivotModel; field: string }> {
  protected readonly _kind = "PivotHierarchy";
  fieldName = "";
  protected _props() {
    return { name: (h: { field: string }) => h.field };
  }
}

export class DataHierarchy extends ClientObject<PivotModel["data"][number]> {
  protected readonly _kind = "DataPivotHierarchy";
  protected _props() {
    return { name: (d: { name: string }) => d.name, summarizeBy: (d: { summarizeBy: string }) => d.summarizeBy };
  }
  get summarizeBy(): string {
    return this._get("summarizeBy");
  }
  set summarizeBy(value: string) {
    this._set("summarizeBy", value, (d) => {
      // Excel.AggregationFunction: https://learn.microsoft.com/javascript/api/excel/excel.aggregationfunction
      const known = ["Sum", "Count", "Average", "Max", "Min", "Product", "CountNumbers", "StandardDeviation", "StandardDeviationP", "Variance", "VarianceP", "Automatic"];
      if (!known.includes(value)) throw new StandInError("InvalidArgument", `"${value}" is not an aggregation function.`);
      d.summarizeBy = value;
      if (d.name.startsWith("Sum of ") || d.name.startsWith("Count of ")) d.name = `${value === "Count" ? "Count" : value === "Sum" ? "Sum" : value} of ${d.field}`;
    });
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (d) => (d.name = value));
  }
}

/** Every cell below the header in `field`'s source column holds a number (Excel's test for a Sum field). */
function allNumbers(p: PivotModel, field: string): boolean {
  const ref = "table" in p.source ? { sheet: p.source.table.sheet, ...p.source.table.box } : p.source.range;
  const column = ref.c0 + pivotFields(p).indexOf(field);
  const used = ref.sheet.usedBox();
  const last = Math.min("table" in p.source && p.source.table.showTotals ? ref.r1 - 1 : ref.r1, used ? used.r1 : ref.r0);
  for (let r = ref.r0 + 1; r <= last; r++) if (typeof ref.sheet.value(r, column) !== "number") return false;
  return true;
}
