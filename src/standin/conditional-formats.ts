/**
 * range.conditionalFormats (ExcelApi 1.6): the color scale the R×F heat map gets. A format belongs to
 * the workbook, not the range proxy, so a collection is every format overlapping its range.
 * Types: https://learn.microsoft.com/javascript/api/excel/excel.conditionalformattype
 */
import { ClientObject, Collection, clone } from "./client-object";
import { StandInError } from "./errors";
import { overlaps, type ConditionalFormatModel, type RangeRef } from "./model";
import type { SyncQueue } from "./sync";

export class ConditionalFormatCollection extends Collection<ConditionalFormatModel, ConditionalFormat> {
  protected readonly _kind = "conditional format collection";
  constructor(
    context: SyncQueue,
    private readonly range: () => RangeRef,
  ) {
    super(context, () => context.model.conditionalFormats.filter((f) => overlaps(f.range, range())));
  }
  protected _wrap(m: ConditionalFormatModel): ConditionalFormat {
    return new ConditionalFormat(this.context, () => m);
  }
  add(type: string): ConditionalFormat {
    let created: ConditionalFormatModel | null = null;
    this.context._write({ method: "add", args: [type] }, () => {
      const known = ["ColorScale", "DataBar", "IconSet", "CellValue", "TopBottom", "PresetCriteria", "ContainsText", "Custom"];
      if (!known.includes(type)) throw new StandInError("InvalidArgument", `"${type}" is not a conditional format type.`);
      created = { id: this.context.model.newId("cf"), range: { ...this.range() }, type, colorScale: type === "ColorScale" ? { criteria: null } : null };
      this.context.model.conditionalFormats.push(created);
    });
    return new ConditionalFormat(this.context, () => created);
  }
  clearAll(): void {
    this._call("clearAll", [], () => {
      const list = this.context.model.conditionalFormats;
      for (let i = list.length - 1; i >= 0; i--) if (overlaps(list[i].range, this.range())) list.splice(i, 1);
    });
  }
}

export class ConditionalFormat extends ClientObject<ConditionalFormatModel> {
  protected readonly _kind = "conditional format";
  protected _props() {
    return { type: (m: ConditionalFormatModel) => m.type, id: (m: ConditionalFormatModel) => m.id };
  }
  get type(): string {
    return this._get("type");
  }
  get colorScale() {
    const setCriteria = (criteria: unknown) =>
      this.context._write({ criteria }, () => {
        const m = this._model();
        if (!m.colorScale) throw new StandInError("InvalidOperation", `A ${m.type} conditional format has no color scale.`);
        m.colorScale.criteria = clone(criteria);
      });
    return {
      set criteria(criteria: unknown) {
        setCriteria(criteria);
      },
    };
  }
}

