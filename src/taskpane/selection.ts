/**
 * Whether a selection can be the data, decided when it is chosen rather than at Run (issue 17): an empty
 * selection, a single cell with nothing around it, a header with no rows below, or fewer columns than the
 * three the analysis needs (customer, date, amount) are refused with a sentence that says what to select.
 * Pure: the port's preview in, a sentence (or null) out. Tables are not checked here: an Excel table always
 * has its header and columns, and an empty one is reported by the port.
 */
import { REQUIRED_ROLES } from "../core/analysis/roles";
import type { SourcePreview } from "../excel/port";
import type { Messages } from "../i18n";

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

export function selectionProblem(shown: SourcePreview, m: Messages): string | null {
  if (shown.source.kind !== "range") return null;
  const where = `${shown.source.sheet}!${shown.source.address}`;
  const d = m.predictRest.data;
  const columns = shown.header.length;
  const cells = shown.sample.flat();
  // Header texts of a source read without a header are "Column A"…, so emptiness is judged on the data rows.
  const empty = cells.every(blank) && (shown.hasHeader ? shown.header.every(blank) : true);
  if (empty) return d.selectionEmpty(where);
  if (columns === 1 && shown.rows + (shown.hasHeader ? 1 : 0) <= 1) return d.selectionOneCell(where);
  if (columns < REQUIRED_ROLES.length) return d.selectionTooNarrow(where, columns);
  if (shown.rows === 0) return d.selectionNoRows(where);
  return null;
}
