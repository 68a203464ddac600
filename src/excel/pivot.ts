/**
 * The PivotTable over the results table (rows: segment or class; values: count of customers and sum
 * of revenue), when the host supports PivotTables (ExcelApi 1.8); otherwise the caller writes a note.
 */
import type { Messages } from "../i18n";

export const PIVOT_API = "1.8";
export const PIVOT_NAME = "TieringPivot";

export interface PivotFields {
  /** Header of the results column to group by (segment or ABC class). */
  rows: string;
  /** Header of the customer column (counted) and of the revenue column (summed). */
  count: string;
  sum: string;
}

export function addPivot(sheet: Excel.Worksheet, source: Excel.Table, destination: Excel.Range, fields: PivotFields, m: Messages): void {
  const pivot = sheet.pivotTables.add(PIVOT_NAME, source, destination);
  pivot.rowHierarchies.add(pivot.hierarchies.getItem(fields.rows));
  const count = pivot.dataHierarchies.add(pivot.hierarchies.getItem(fields.count));
  count.summarizeBy = "Count";
  count.name = m.workbook.summary.pivotCount;
  const sum = pivot.dataHierarchies.add(pivot.hierarchies.getItem(fields.sum));
  sum.summarizeBy = "Sum";
  sum.name = m.workbook.summary.pivotSum;
}
