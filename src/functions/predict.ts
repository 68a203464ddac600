/** Adapters for =TIER.CLVPREDICT, =TIER.CLVFIT, =TIER.PALIVE and =TIER.LIFECYCLE. */

import { calibrationSummary, parseTimeUnit, type TimeUnit } from "../core/models/calibration";
import { serialToIsoDate } from "../core/cells/dates";
import { cellText } from "../core/cells/coerce";
import { LIFECYCLE_DEFAULTS, LIFECYCLE_STAGES, lifecycleStages } from "../core/models/lifecycle";
import { aliveProbability, fitCountModel, type CountModelName } from "../core/models/count-model";
import { CLV_DEFAULTS, fitClvModels, runClvModels, type ClvFits } from "../core/models/predict";
import type { Messages } from "../i18n";
import { isOmitted, oneCell, optionalDate, optionalNumber, type Range } from "./coerce";
import { ArgumentError } from "./errors";
import { transactionsArg } from "./transactions-arg";
import { countFitDiagnostics, dropoutNotIdentified, fitDiagnostics } from "../core/models/diagnostics";
import { marginArg, marginClvColumn } from "./margin-arg";
import { describeDiagnostic } from "../i18n/diagnostics";

type Cell = string | number;

/** A number for the sheet; "" where there is none (a standard error at a model's limit is NaN). */
const numberCell = (v: number): Cell => (Number.isFinite(v) ? v : "");

/** "day", "week" (default, and shown in every header) or "month"; 天/周/月 and plurals are accepted too. */
export function timeUnit(arg: unknown, m: Messages): TimeUnit {
  if (isOmitted(arg)) return CLV_DEFAULTS.unit;
  const unit = parseTimeUnit(cellText(oneCell(arg, "unit", m)));
  if (!unit) throw new ArgumentError(m.errors.badUnit(cellText(oneCell(arg, "unit", m))));
  return unit;
}

/** "bgnbd" (default) or "pareto" / "paretonbd" / "pareto/nbd". */
export function countModel(arg: unknown, m: Messages): CountModelName {
  if (isOmitted(arg)) return CLV_DEFAULTS.model;
  const text = cellText(oneCell(arg, "model", m)).trim().toLowerCase().replace(/[\s/_-]/g, "");
  if (text === "bgnbd") return "bgnbd";
  if (text === "pareto" || text === "paretonbd") return "paretoNbd";
  throw new ArgumentError(m.errors.badModel(cellText(oneCell(arg, "model", m))));
}

/**
 * The amounts the spend model needs. Left out (Excel passes null, or one blank cell), they would read as a
 * column of zeros and the spend model would say nobody has a repeat purchase: say what is missing instead.
 */
function spendAmounts(amounts: Range, m: Messages): Range {
  if (isOmitted(amounts)) throw new ArgumentError(m.hostile.amountsMissing("amounts"));
  return amounts;
}

/** The count model's parameters and log-likelihood as rows of the CLVFIT table. */
function countRows(run: ClvFits, m: Messages): Cell[][] {
  const f = m.predict.fit;
  if (run.counts.model === "paretoNbd") {
    const p = run.counts;
    const se = p.standardErrors;
    return [
      ["r", p.r, numberCell(se.r)],
      ["alpha", p.alpha, numberCell(se.alpha)],
      ["s", p.s, numberCell(se.s)],
      ["beta", p.beta, numberCell(se.beta)],
      [f.paretoLogLikelihood, p.logLikelihood, ""],
    ];
  }
  const b = run.counts;
  const se = b.standardErrors;
  return [
    ["r", b.r, numberCell(se.r)],
    ["alpha", b.alpha, numberCell(se.alpha)],
    ["a", b.a, numberCell(se.a)],
    ["b", b.b, numberCell(se.b)],
    [f.bgnbdLogLikelihood, b.logLikelihood, ""],
  ];
}

export function clvPredictTable(
  customers: Range,
  dates: Range,
  amounts: Range,
  asOf: unknown,
  horizonMonths: unknown,
  monthlyDiscount: unknown,
  unitArg: unknown,
  modelArg: unknown,
  marginCells: unknown,
  m: Messages,
): Cell[][] {
  const margin = marginArg(marginCells, customers, m);
  const options = {
    calibrationEnd: optionalDate(asOf, m),
    horizonMonths: optionalNumber(horizonMonths, "horizon_months", CLV_DEFAULTS.horizonMonths, m)!,
    monthlyDiscount: optionalNumber(monthlyDiscount, "monthly_discount", CLV_DEFAULTS.monthlyDiscount, m, true)!,
    unit: timeUnit(unitArg, m),
    model: countModel(modelArg, m),
  };
  const tx = transactionsArg(customers, dates, spendAmounts(amounts, m), m);
  const { summary: s, predictions: p, counts, gammaGamma } = runClvModels(tx, options);
  const withMargin = marginClvColumn(margin, p.clv, tx, s.customerIds, s.calibrationEnd, m);
  const col = m.predict.columns;
  const unitName = m.predict.units[options.unit];
  // The shape stays; when dropout is not identified the P(alive) header says so (and where to read why).
  const unreliable = dropoutNotIdentified(fitDiagnostics(counts, gammaGamma, s));
  const header: Cell[] = [
    col.customer,
    col.x,
    col.tx(unitName),
    col.T(unitName),
    unreliable ? m.trust.columns.pAliveUnreliable : col.pAlive,
    col.expectedPurchases(options.horizonMonths),
    col.expectedSpend,
    col.clv(options.horizonMonths),
  ];
  // A margin adds one column at the end, so a table without one keeps its shape.
  if (withMargin) header.push(m.trust.columns.clvMargin(options.horizonMonths));
  const out: Cell[][] = [header];
  for (let i = 0; i < s.customerIds.length; i++) {
    const row: Cell[] = [s.customerIds[i], s.x[i], s.tx[i], s.T[i], p.pAlive[i], p.expectedPurchases[i], numberCell(p.expectedAverageSpend[i]), numberCell(p.clv[i])];
    if (withMargin) row.push(numberCell(withMargin[i]));
    out.push(row);
  }
  return out;
}

export function clvFitTable(customers: Range, dates: Range, amounts: Range, asOf: unknown, unitArg: unknown, modelArg: unknown, m: Messages): Cell[][] {
  const summary = calibrationSummary(transactionsArg(customers, dates, spendAmounts(amounts, m), m), { unit: timeUnit(unitArg, m), calibrationEnd: optionalDate(asOf, m) });
  const run = fitClvModels(summary, countModel(modelArg, m));
  const { gammaGamma } = run;
  const f = m.predict.fit;
  const gse = gammaGamma.standardErrors;
  return [
    [f.parameter, f.estimate, f.standardError],
    ...countRows(run, m),
    ["p", gammaGamma.p, numberCell(gse.p)],
    ["q", gammaGamma.q, numberCell(gse.q)],
    ["v", gammaGamma.v, numberCell(gse.v)],
    [f.gammaGammaLogLikelihood, gammaGamma.logLikelihood, ""],
    [f.customers, summary.customerIds.length, ""],
    [f.repeatCustomers, gammaGamma.customers, ""],
    [f.correlation, gammaGamma.frequencySpendCorrelation, ""],
    [f.unit, m.predict.units[summary.unit], ""],
    [f.calibrationEnd, serialToIsoDate(summary.calibrationEnd), ""],
    ...diagnosticRows(fitDiagnostics(run.counts, gammaGamma, summary), m),
  ];
}

/**
 * The fit's diagnostics under the parameters: a "Diagnostics" row (how many, or "no problems"), then
 * one row per diagnostic, its stable code and its sentence, so the sheet says what to trust.
 */
function diagnosticRows(diagnostics: ReturnType<typeof fitDiagnostics>, m: Messages): Cell[][] {
  const head: Cell[] = [m.trust.columns.diagnostics, diagnostics.length === 0 ? m.trust.diagnostics.allWell : diagnostics.length, ""];
  return [head, ...diagnostics.map((d): Cell[] => [d.code, describeDiagnostic(d, m), ""])];
}

export function pAliveTable(customers: Range, dates: Range, asOf: unknown, modelArg: unknown, m: Messages): Cell[][] {
  const model = countModel(modelArg, m);
  const tx = transactionsArg(customers, dates, null, m);
  // P(alive) does not depend on the time unit (α and β scale with it), so weeks are as good as any.
  const s = calibrationSummary(tx, { unit: "week", calibrationEnd: optionalDate(asOf, m) });
  const fit = fitCountModel(s, model);
  const unreliable = dropoutNotIdentified(countFitDiagnostics(fit, s));
  const c = m.predict.columns;
  const u = m.trust.columns;
  const out: Cell[][] = [[c.customer, unreliable ? u.pAliveUnreliable : c.pAlive, unreliable ? u.churnRiskUnreliable : c.churnRisk]];
  for (let i = 0; i < s.customerIds.length; i++) {
    const alive = aliveProbability(fit, s.x[i], s.tx[i], s.T[i]);
    out.push([s.customerIds[i], alive, 1 - alive]);
  }
  return out;
}

export function lifecycleTable(
  customers: Range,
  dates: Range,
  asOf: unknown,
  newDays: unknown,
  activeMultiple: unknown,
  silentMultiple: unknown,
  churnCapDays: unknown,
  m: Messages,
): Cell[][] {
  const options = {
    asOf: optionalDate(asOf, m),
    newDays: optionalNumber(newDays, "new_days", LIFECYCLE_DEFAULTS.newDays, m, true),
    activeMultiple: optionalNumber(activeMultiple, "active_multiple", LIFECYCLE_DEFAULTS.activeMultiple, m),
    silentMultiple: optionalNumber(silentMultiple, "silent_multiple", LIFECYCLE_DEFAULTS.silentMultiple, m),
    churnCapDays: optionalNumber(churnCapDays, "churn_cap_days", undefined, m) ?? null,
  };
  const life = lifecycleStages(transactionsArg(customers, dates, null, m), options);
  const col = m.predict.columns;
  const out: Cell[][] = [[col.customer, col.stage, col.recencyDays, col.gapDays]];
  for (let i = 0; i < life.customerIds.length; i++) {
    out.push([life.customerIds[i], m.predict.stages[LIFECYCLE_STAGES[life.stage[i]]], life.recencyDays[i], life.gapDays[i]]);
  }
  return out;
}
