/**
 * Issue 13's columns on the pane's sheets: when each customer will buy next (P(purchase within the window),
 * the expected and median wait if active in the model's unit, Overdue) on the Tiers sheet and the Churn
 * warning sheet, and the margin CLV on the Tiers sheet. Column specs as results.ts's, so they ride in the
 * run's existing write syncs (the sync count stays as it was: they are columns of rows already written).
 * The numbers are the core's (src/core/analysis/predict-extras.ts); this module only lays them out.
 */
import type { AnalysisResult } from "../core/analysis/types";
import { NEXT_PURCHASE_MONTHS } from "../core/analysis/predict-extras";
import type { Messages } from "../i18n";
import { cellNumber, FORMAT } from "./formats";

/** results.ts's ColumnSpec, by shape (results.ts imports this module, and the import check counts type-only cycles too). */
interface ColumnSpec {
  key: string;
  header: string;
  format: string | null;
  value: (i: number) => unknown;
}

/** The next-purchase columns for customer `customerOf(i)` of row i (the Tiers sheet: i itself; the warning list: its order). */
export function nextPurchaseColumns(a: AnalysisResult, m: Messages, customerOf: (i: number) => number = (i) => i): ColumnSpec[] {
  const model = a.predict?.model;
  if (!model) return [];
  const next = model.next;
  const t = m.trust.columns;
  const unit = m.predict.units[a.predict!.options.unit];
  const months = String(a.predict!.options.withinMonths ?? NEXT_PURCHASE_MONTHS);
  const at = (f: (c: number) => unknown) => (i: number) => f(customerOf(i));
  return [
    { key: "pPurchaseWithin", header: m.margin.columns.pPurchaseWithin(months), format: FORMAT.percent, value: at((c) => cellNumber(next.pPurchaseWithin[c], 6)) },
    // NaN (no finite mean wait: r + x ≤ 1, or no model row) is a blank cell.
    { key: "expectedWait", header: t.expectedWait(unit), format: FORMAT.decimal, value: at((c) => cellNumber(next.expectedWait[c], 2)) },
    { key: "medianWait", header: t.medianWait(unit), format: FORMAT.decimal, value: at((c) => cellNumber(next.medianWait[c], 2)) },
    { key: "overdue", header: t.overdue, format: FORMAT.text, value: at((c) => (next.overdue[c] ? t.overdueYes : "")) },
  ];
}

/** Margin CLV beside the predicted CLV (a margin set with Predict); none otherwise. */
export function marginClvColumns(a: AnalysisResult, m: Messages): ColumnSpec[] {
  const model = a.predict?.model;
  const clvMargin = model?.clvMargin;
  if (!clvMargin) return [];
  return [{ key: "predictedClvMargin", header: m.trust.columns.clvMargin(a.predict!.options.horizonMonths), format: FORMAT.money, value: (c) => cellNumber(clvMargin[c], 2) }];
}
