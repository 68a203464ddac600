/**
 * The jobs that find the data before a run: the workbook's tables, the preview of a selection or a source
 * (header, a few rows, the size, for the pane's column mapping) and selecting a cell the pane points at.
 * One sync each (two for the tables), plus one when whole columns or rows are selected (clipped to the used range).
 */
import type { Locale } from "../../i18n";
import { WorkbookError } from "../errors";
import type { ExcelHost } from "../host";
import type { CellRef, HeaderChoice, SourcePreview, SourceRef, TableInfo } from "../port";
import { describeSource, isWholeLines, listTables as readTables, loadShape, previewRange, sourceRange, type Shape } from "../read";
import { loadBookState } from "../settings";
import { job } from "./job";

/**
 * The workbook's tables a person can choose as data: the add-in's own (the results, summary, churn-warning and
 * history tables, on sheets it owns) are left out (issue 17). The ownership loads ride on readTables' first sync.
 */
export function listTables(host: ExcelHost, locale: Locale = "en"): Promise<TableInfo[]> {
  return job(host, locale, async (context) => {
    const state = loadBookState(context);
    const tables = await readTables(context);
    const { sheets, owned } = state();
    const own = new Set(sheets.filter((s) => owned.includes(s.id)).map((s) => s.name));
    return tables.filter((t) => !own.has(t.sheet));
  });
}

/** The preview of `source`, or (null) of the current selection: a single selected cell stands for its current region. */
export function preview(host: ExcelHost, source: SourceRef | null, hasHeader: HeaderChoice, locale: Locale): Promise<SourcePreview> {
  return job(host, locale, async (context, m) => {
    let range: Excel.Range;
    let shape: () => Shape;
    if (source) {
      range = sourceRange(context, source);
      shape = loadShape(range);
      await context.sync().catch((e: unknown) => {
        throw new WorkbookError(m.workbook.errors.sourceGone(describeSource(source)), e);
      });
    } else {
      // A single selected cell stands for its current region.
      const selected = context.workbook.getSelectedRange();
      const selectedShape = loadShape(selected);
      // getSurroundingRegion is ExcelApi 1.7; the manifest requires 1.8, so every host that loads the add-in has it
      // (issue 11 removed the fallback to the selection, which no host could reach).
      const region = selected.getSurroundingRegion();
      const regionShape = loadShape(region);
      await context.sync().catch((e: unknown) => {
        throw new WorkbookError(m.workbook.errors.noSelection, e);
      });
      const single = selectedShape().rows === 1 && selectedShape().columns === 1;
      range = single ? region : selected;
      shape = single ? regionShape : selectedShape;
      if (!single && isWholeLines(selectedShape().address)) {
        // Whole columns (A:D) or rows: only the part with data, one more sync. The source stays "A:D".
        const sheet = context.workbook.worksheets.getItem(selectedShape().sheetId);
        range = selected.getIntersection(sheet.getUsedRange(true));
        const clipped = loadShape(range);
        await context.sync().catch((e: unknown) => {
          throw new WorkbookError(m.workbook.errors.noRows, e);
        });
        const s = clipped();
        return previewRange(context, range, s, { kind: "range", sheet: s.sheet, address: selectedShape().address }, hasHeader, m);
      }
    }
    const s = shape();
    const ref: SourceRef = source ?? { kind: "range", sheet: s.sheet, address: s.address };
    return previewRange(context, range, s, ref, hasHeader, m);
  });
}

export function selectCell(host: ExcelHost, cell: CellRef, locale: Locale = "en"): Promise<void> {
  return job(host, locale, async (context) => {
    const sheet = context.workbook.worksheets.getItem(cell.sheet);
    sheet.activate();
    sheet.getRange(cell.address).select();
    await context.sync();
  });
}
