/**
 * Judging a fit: a maximum-likelihood fit always returns numbers, and they can look exact while the
 * data could not tell them apart. On one year of Online Retail history BG/NBD's a runs to ≈ 0 (nobody
 * seems to drop out), P(alive) is then 100 % for everyone, and a churn list ranked by it is noise. So
 * after every fit the core says, as codes and facts (the words are the catalog's), what a reader
 * should know before trusting the predictions:
 *   dropout-not-identified     the dropout parameter (BG/NBD a, Pareto/NBD s) ran to 0, ran to a limit
 *                              with its partner (b, β) over DROPOUT_RATIO_LIMIT times it (no dropout: the
 *                              likelihood no longer depends on it), is below DROPOUT_FLOOR, or its 95 %
 *                              interval (± 1.96 standard errors) reaches 0: P(alive) then says nothing
 *                              about who has left;
 *   parameter-at-limit         another parameter ran off to a limit of the model (fit.ts `limits`);
 *   huge-standard-error        a parameter's standard error exceeds its value (relative error > 100 %);
 *   few-repeat-customers       fewer than MIN_REPEAT_CUSTOMERS customers bought twice: four parameters
 *                              from so few is a rule-of-thumb too little;
 *   spend-frequency-correlated Gamma-Gamma assumes spend independent of frequency; |ρ(x, z̄)| above
 *                              SPEND_CORRELATION_LIMIT (0.3) says it is not (Fader & Hardie 2013, §4);
 *   spend-parameter-at-limit   a Gamma-Gamma parameter at its limit.
 * (Gamma-Gamma q ≤ 1 is not a diagnostic: the fit refuses it, CoreError "gammaGammaQ".)
 */
import type { CountFit } from "./count-model";
import type { RepeatColumns } from "./fit";
import type { GammaGammaFit } from "./gammagamma";

export type DiagnosticCode =
  | "dropout-not-identified"
  | "parameter-at-limit"
  | "huge-standard-error"
  | "few-repeat-customers"
  | "spend-frequency-correlated"
  | "spend-parameter-at-limit";

/** One thing to know about a fit: a stable code, the model it is about, and the facts. */
export interface Diagnostic {
  code: DiagnosticCode;
  /** "bgnbd", "paretoNbd" or "gammaGamma". */
  model: string;
  details: Record<string, string | number>;
}

/** Below this the dropout shape (a or s) means "almost nobody ever drops out" whatever its interval. */
export const DROPOUT_FLOOR = 0.01;
/**
 * A dropout parameter at its limit with its partner this many times it (BG/NBD b/a: a mean dropout
 * probability under one in a million; Pareto/NBD β/s: a mean lifetime of a million time units) is the
 * "nobody drops out" limit, not the "one dropout probability for all" one: the fit's box edge (fit.ts).
 */
export const DROPOUT_RATIO_LIMIT = 1e6;
/** z of a two-sided 95 % interval. */
const Z95 = 1.959963984540054;
export const MIN_REPEAT_CUSTOMERS = 100;
export const SPEND_CORRELATION_LIMIT = 0.3;

/** The dropout parameter of each count model. */
const DROPOUT_PARAM = { bgnbd: "a", paretoNbd: "s" } as const;
const DROPOUT_PARTNER = { bgnbd: "b", paretoNbd: "beta" } as const;

/** The count fit's diagnostics (`data`: the x column it was fitted on, for the repeat customers). */
export function countFitDiagnostics(fit: CountFit, data: Pick<RepeatColumns, "x">): Diagnostic[] {
  const out: Diagnostic[] = [];
  const model = fit.model;
  const params = fit as unknown as Record<string, number>;
  const errors = fit.standardErrors as Record<string, number>;
  const limits = fit.limits as string[];
  const dropout = DROPOUT_PARAM[model];
  const value = params[dropout];
  const se = errors[dropout];
  // At its limit the shape went to 0, or its partner ran away from it (nobody drops out: not identified,
  // whatever number the search stopped at), or both went to ∞ together (one dropout probability or rate
  // for all: identified, the model's simpler limit, reported as such below).
  const partner = params[DROPOUT_PARTNER[model]];
  const atLimit = limits.includes(dropout) && (value < 1 || partner / value > DROPOUT_RATIO_LIMIT);
  const lower = value - Z95 * se;
  const reported = new Set<string>();
  if (atLimit || value < DROPOUT_FLOOR || (!limits.includes(dropout) && !(lower > 0))) {
    out.push({
      code: "dropout-not-identified",
      model,
      details: { param: dropout, value, ...(Number.isFinite(se) ? { se, lower: Math.max(0, lower) } : {}), reason: atLimit ? "limit" : value < DROPOUT_FLOOR ? "small" : "interval" },
    });
    reported.add(dropout);
    // Its partner (b, β) is unidentified with it: its limit or its huge standard error is not news.
    reported.add(DROPOUT_PARTNER[model]);
  }
  const others = limits.filter((name) => !reported.has(name));
  if (others.length > 0) {
    out.push({ code: "parameter-at-limit", model, details: { params: others.join(", ") } });
    for (const name of others) reported.add(name);
  }
  for (const name of Object.keys(errors)) {
    if (reported.has(name)) continue;
    const ratio = errors[name] / params[name];
    if (Number.isFinite(ratio) && ratio > 1) {
      out.push({ code: "huge-standard-error", model, details: { param: name, value: params[name], se: errors[name] } });
    }
  }
  let repeaters = 0;
  for (let i = 0; i < data.x.length; i++) if (data.x[i] > 0) repeaters++;
  if (repeaters < MIN_REPEAT_CUSTOMERS) {
    out.push({ code: "few-repeat-customers", model, details: { customers: repeaters, needed: MIN_REPEAT_CUSTOMERS } });
  }
  return out;
}

/** The spend fit's diagnostics. */
export function spendFitDiagnostics(fit: GammaGammaFit): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rho = fit.frequencySpendCorrelation;
  if (Number.isFinite(rho) && Math.abs(rho) > SPEND_CORRELATION_LIMIT) {
    out.push({ code: "spend-frequency-correlated", model: "gammaGamma", details: { rho, limit: SPEND_CORRELATION_LIMIT } });
  }
  if (fit.limits.length > 0) out.push({ code: "spend-parameter-at-limit", model: "gammaGamma", details: { params: fit.limits.join(", ") } });
  return out;
}

/** Both fits' diagnostics, count model first. */
export function fitDiagnostics(counts: CountFit, gammaGamma: GammaGammaFit | null, data: Pick<RepeatColumns, "x">): Diagnostic[] {
  return [...countFitDiagnostics(counts, data), ...(gammaGamma ? spendFitDiagnostics(gammaGamma) : [])];
}

/** Whether the diagnostics say P(alive) cannot rank customers by who has left. */
export function dropoutNotIdentified(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === "dropout-not-identified");
}
