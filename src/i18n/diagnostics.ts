/**
 * The sentence of each fit diagnostic (src/core/models/diagnostics.ts gives codes and facts). Keyed by
 * `DiagnosticCode`, so a new code without a sentence is a type error, as core-errors.ts does for errors.
 * Numbers are shown to 3 significant digits: enough to see "≈ 0" or "twice the value".
 */
import type { Diagnostic, DiagnosticCode } from "../core/models/diagnostics";
import type { Messages } from "./en";

const num = (v: string | number | undefined): string => {
  const n = Number(v);
  if (!Number.isFinite(n)) return String(v ?? "");
  return Math.abs(n) >= 1e-3 && Math.abs(n) < 1e6 ? String(Number(n.toPrecision(3))) : n.toExponential(2);
};

const SENTENCES: Record<DiagnosticCode, (d: Diagnostic, m: Messages) => string> = {
  "dropout-not-identified": (d, m) => m.trust.diagnostics.dropoutNotIdentified(modelName(d.model, m), String(d.details.param), num(d.details.value)),
  "parameter-at-limit": (d, m) => m.trust.diagnostics.parameterAtLimit(modelName(d.model, m), String(d.details.params)),
  "huge-standard-error": (d, m) => m.trust.diagnostics.hugeStandardError(modelName(d.model, m), String(d.details.param), num(d.details.value), num(d.details.se)),
  "few-repeat-customers": (d, m) => m.trust.diagnostics.fewRepeatCustomers(Number(d.details.customers), Number(d.details.needed)),
  "spend-frequency-correlated": (d, m) => m.trust.diagnostics.spendFrequencyCorrelated(num(d.details.rho), num(d.details.limit)),
  "spend-parameter-at-limit": (d, m) => m.trust.diagnostics.spendParameterAtLimit(String(d.details.params)),
};

/** The models' names read the same in every language, so they are not in the catalogs. */
const MODEL_NAMES: Readonly<Record<string, string>> = { bgnbd: "BG/NBD", paretoNbd: "Pareto/NBD", gammaGamma: "Gamma-Gamma" };

export function modelName(model: string, _m?: Messages): string {
  return MODEL_NAMES[model] ?? model;
}

/** What the diagnostic means and what to do, in the reader's language. */
export function describeDiagnostic(d: Diagnostic, m: Messages): string {
  return SENTENCES[d.code](d, m);
}

/** `{ code, message }` per diagnostic: the JSON shape of `tier fit` and `tier check`. */
export function diagnosticRecords(diagnostics: readonly Diagnostic[], m: Messages): { code: DiagnosticCode; message: string }[] {
  return diagnostics.map((d) => ({ code: d.code, message: describeDiagnostic(d, m) }));
}
