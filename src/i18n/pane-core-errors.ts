/**
 * The core's errors as the task pane words them: with the pane's own labels ("Analysis date", "Score levels",
 * "Horizon (months)") instead of a function's argument names ('as_of', 'bins', 'horizon_months'), which a
 * person at the pane never typed (issue 17). Only the codes whose shared sentence names an argument are here;
 * every other code keeps its one sentence (core-errors.ts). The workbook port (src/excel/errors.ts) asks this
 * table first, since only the pane talks to the port.
 */
import type { CoreError, CoreErrorCode } from "../core/cells/errors";
import type { Messages } from "./en";
import { capText } from "../core/cells/coerce";

type Sentence = (d: CoreError["details"], m: Messages) => string;

/** A share as the pane shows it: 0.8 → "80 %". */
const percent = (value: unknown) => `${Number((Number(value) * 100).toPrecision(12))} %`;

const PANE_CORE_ERRORS: Partial<Record<CoreErrorCode, Sentence>> = {
  asOfBeforeData: (d, m) => m.predictRest.errors.asOfBeforeData(String(d.asOf), String(d.first)),
  calibrationBeforeData: (d, m) => m.predictRest.errors.calibrationBeforeData(String(d.end), String(d.first)),
  noData: (_d, m) => m.predictRest.errors.noData,
  binsOutOfRange: (d, m) => m.predictRest.errors.binsOutOfRange(String(d.value)),
  cutsOrder: (d, m) => m.predictRest.errors.cutsOrder(percent(d.aCut), percent(d.bCut)),
  cutOutOfRange: (d, m) => m.predictRest.errors.cutOutOfRange(String(d.value)),
  badHorizon: (d, m) => m.predictRest.errors.horizon(String(d.value)),
  badDiscount: (d, m) => m.predictRest.errors.monthlyDiscount(String(d.value)),
  // The pane orders tiers itself (no argument to name): the tier order's own sentence, its echo cut short.
  orderMissingTier: (d, m) => m.errors.dynamic.orderMissingTier(capText(String(d.tier)), capText(String(d.order))),
  // The pane's own sentence for a Predict field: its label, the value, the rule (as the form words it).
  badLifecycle: (d, m) => {
    const field = String(d.field);
    const labels = m.pane.predict as Record<string, unknown>;
    const rules = m.pane.problems.predictRules as Record<string, unknown>;
    const label = typeof labels[field] === "string" ? (labels[field] as string) : field;
    const rule = typeof rules[field] === "string" ? (rules[field] as string) : "";
    return m.pane.problems.predict(label, String(d.value), rule);
  },
};

/** The pane's sentence for `error`, or null when the shared one (describeCoreError) already speaks the pane's words. */
export function paneCoreSentence(error: CoreError, m: Messages): string | null {
  const sentence = PANE_CORE_ERRORS[error.code];
  return sentence ? sentence(error.details, m) : null;
}
