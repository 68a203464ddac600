/**
 * Adapter for =TIER.NEXTPURCHASE: transactions → calibration summary → count model fit → per customer
 * P(purchase within N), the expected and median wait if still active, the typical gap and the overdue
 * flag (src/core/models/next-purchase.ts). Dates only: the answers do not depend on amounts.
 */
import { calibrationSummary, monthsIn } from "../core/models/calibration";
import { countFitDiagnostics, dropoutNotIdentified } from "../core/models/diagnostics";
import { fitCountModel } from "../core/models/count-model";
import { nextPurchase } from "../core/models/next-purchase";
import type { Messages } from "../i18n";
import { optionalDate, optionalNumber, type Range } from "./coerce";
import { countModel, timeUnit } from "./predict";
import { transactionsArg } from "./transactions-arg";

type Cell = string | number;

/** Up to 4 significant digits, so a header reads "4.348 weeks" rather than 4.348214285714286. */
const short = (v: number): string => String(Number(v.toPrecision(4)));

export function nextPurchaseTable(customers: Range, dates: Range, asOf: unknown, withinArg: unknown, unitArg: unknown, modelArg: unknown, m: Messages): Cell[][] {
  const unit = timeUnit(unitArg, m);
  const model = countModel(modelArg, m);
  const within = optionalNumber(withinArg, "within", monthsIn(unit), m)!;
  const s = calibrationSummary(transactionsArg(customers, dates, null, m), { unit, calibrationEnd: optionalDate(asOf, m) });
  const fit = fitCountModel(s, model);
  const next = nextPurchase(fit, s, within);
  const u = m.predict.units[unit];
  const c = m.trust.columns;
  // P(purchase within) carries P(alive): when the fit cannot identify dropout, the header says so.
  const pHeader = c.pPurchaseWithin(short(within), u) + (dropoutNotIdentified(countFitDiagnostics(fit, s)) ? ` ${c.dropoutCaveat}` : "");
  const out: Cell[][] = [[m.predict.columns.customer, pHeader, c.expectedWait(u), c.medianWait(u), c.typicalGap(u), c.overdue]];
  for (let i = 0; i < s.customerIds.length; i++) {
    const wait = next.expectedWait[i];
    // An infinite expected wait (r + x ≤ 1: a heavy-tailed wait) is a blank cell; the median is finite.
    out.push([s.customerIds[i], next.pPurchaseWithin[i], Number.isFinite(wait) ? wait : "", next.medianWait[i], next.typicalGap[i], next.overdue[i] ? c.overdueYes : ""]);
  }
  return out;
}
