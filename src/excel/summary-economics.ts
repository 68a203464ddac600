/**
 * The Tier Summary's economics columns (issue 15 §3), when the run's settings have costs: gross margin, cost to
 * serve, net contribution, net per customer and return on cost to serve per tier, and with Predict the margin CLV
 * net of the expected cost to serve over the horizon. The arithmetic is the core's (src/core/tiers/economics.ts),
 * the same as `tier rfm|abc|score --summary --costs`, and so are the sums per tier (`tierInputs` for the Margin
 * column, `netMarginClvByTier`); here only the analysis is handed to them and the columns specified, so summary.ts adds them with one line. The cost-to-serve header names the period
 * the cost per customer is for (the window, or all history to the analysis date).
 */
import type { AnalysisResult, TierRow } from "../core/analysis/types";
import { costOf, economicsProblems, netMarginClv, netMarginClvByTier, periodMonths, tierEconomics, tierInputs, type CostTable, type EconomicsOptions, type TierEconomics } from "../core/tiers/economics";
import type { Messages } from "../i18n";
import { cellNumber, FORMAT } from "./formats";

/** summary.ts's SummaryColumn, the same shape (named here: importing it back would be an import cycle). */
interface SummaryColumn {
  key: string;
  header: string;
  format: string | null;
  value: (t: TierRow) => unknown;
}

/** The cost table of the settings: costs by tier key, the row for every other tier. */
export function costTable(options: EconomicsOptions): CostTable {
  return { tiers: options.costs, default: options.otherTiers };
}

/** The tier names by TierRow.index (a tier without customers, absent from a.tiers, has none and is never counted). */
function namesByIndex(a: AnalysisResult): string[] {
  const names = new Array<string>(a.tiers.reduce((n, t) => Math.max(n, t.index + 1), 0)).fill("");
  for (const t of a.tiers) names[t.index] = t.key;
  return names;
}

/**
 * Per tier row (by TierRow.index): its economics, on the core's per-tier inputs (`tierInputs`: customers, orders,
 * revenue and the Margin column's sum, as `tier --summary --margin-column` takes them); none with "column" and no
 * Margin column.
 */
export function tierEconomicsOf(a: AnalysisResult, options: EconomicsOptions): Map<number, TierEconomics> {
  const column = options.margin === "column";
  if (column && !a.margin) return new Map();
  const inputs = tierInputs(a.tierOf, namesByIndex(a), a.summary.orders, a.summary.totalAmount, column ? a.margin : null);
  const rate = typeof options.margin === "number" ? options.margin : null;
  const rows = tierEconomics(a.tiers.map((t) => inputs[t.index]), costTable(options), rate).rows;
  return new Map(rows.map((e, k) => [a.tiers[k].index, e]));
}

/**
 * Per tier: Σ over its customers of margin CLV − per-order cost × expected purchases − per-customer cost × P(alive) ×
 * horizon ÷ period (the core's netMarginClv, summed per tier by netMarginClvByTier; NaN where no customer of the
 * tier has one). Margin CLV is Predict's when it has a margin, else CLV × the economics' rate; null when neither (no
 * Predict model, or the economics' margin is the column and Predict has none).
 */
export function netClvByTier(a: AnalysisResult, options: EconomicsOptions): Map<number, number> | null {
  const model = a.predict?.model;
  // A horizon of 0 months has no CLV to net.
  if (!model || !a.predict || !(a.predict.options.horizonMonths > 0)) return null;
  const rate = options.margin;
  const marginClv = model.clvMargin ?? (typeof rate === "number" ? Float64Array.from(model.clv, (v) => v * rate) : null);
  if (!marginClv) return null;
  const table = costTable(options);
  const costByIndex = new Map(a.tiers.map((r) => [r.index, costOf(table, r.key)]));
  const costs = Array.from(a.tierOf, (t) => costByIndex.get(t) ?? null);
  const period = periodMonths(a.summary.windowMonths ?? null, firstPurchase(a), a.summary.asOf);
  const net = netMarginClv(marginClv, model.expectedPurchases, model.pAlive, costs, a.predict.options.horizonMonths, period);
  const byTier = netMarginClvByTier(net, a.tierOf, namesByIndex(a).length);
  return new Map(a.tiers.map((t) => [t.index, byTier[t.index]]));
}

function firstPurchase(a: AnalysisResult): number {
  let first = Infinity;
  for (const d of a.summary.firstPurchase) if (d < first) first = d;
  return first === Infinity ? a.summary.asOf : first;
}

/** The economics columns, in the order the issue lists them. */
export function economicsColumns(a: AnalysisResult, m: Messages, options: EconomicsOptions): SummaryColumn[] {
  const h = m.economics.summary;
  const byTier = tierEconomicsOf(a, options);
  const get = (t: TierRow) => byTier.get(t.index);
  const num = (v: number | null | undefined, digits: number | null = 2) => (v === null || v === undefined ? "" : cellNumber(v, digits));
  const windowMonths = a.summary.windowMonths;
  const period = windowMonths ? h.periodWindow(windowMonths) : h.periodAll;
  const cols: SummaryColumn[] = [
    { key: "grossMargin", header: h.grossMargin, format: FORMAT.money, value: (t) => num(get(t)?.grossMargin) },
    { key: "costToServe", header: h.costToServe(period), format: FORMAT.money, value: (t) => num(get(t)?.costToServe) },
    { key: "netContribution", header: h.netContribution, format: FORMAT.money, value: (t) => num(get(t)?.netContribution) },
    { key: "netPerCustomer", header: h.netPerCustomer, format: FORMAT.money, value: (t) => num(get(t)?.netPerCustomer) },
    // Blank where the cost is 0: the return is not defined (never Infinity).
    { key: "returnOnCost", header: h.returnOnCost, format: FORMAT.percent, value: (t) => num(get(t)?.returnOnCost, null) },
  ];
  const net = netClvByTier(a, options);
  if (net && a.predict) {
    const months = a.predict.options.horizonMonths;
    cols.push({ key: "netMarginClv", header: h.netMarginClv(months), format: FORMAT.money, value: (t) => num(net.get(t.index) ?? NaN) });
  }
  return cols;
}

/** The first problem of the settings' economics as the port says it (the pane's words), or null: checked before any row is read. */
export function economicsSettingsProblem(options: EconomicsOptions | null | undefined, hasMarginColumn: boolean, m: Messages, windowed = false): string | null {
  if (!options) return null;
  const [p] = economicsProblems(options, hasMarginColumn, windowed);
  if (!p) return null;
  const w = m.economics.pane;
  switch (p.code) {
    case "cost":
      return w.problems.cost(p.tier === "*" ? w.otherTiers : p.tier, w[p.field], String(p.value));
    case "rate":
      return w.problems.rate(String(p.value * 100));
    case "needsColumn":
      return w.problems.needsColumn;
    case "columnWindow":
      return w.problems.columnWindow;
    case "upgrade":
      return w.problems.upgrade(String(p.value));
  }
}
