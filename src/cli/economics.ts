/**
 * Tier economics on the `tier` summaries (issue 15 §3): `--costs COSTS.csv` (columns tier, per_customer,
 * per_order, fixed; a `*` line for every tier not listed) with `--margin R` or `--margin-column C` adds gross
 * margin, cost to serve, net contribution, net per customer and return on cost to `tier rfm|abc|score
 * --summary`. Here only what the command line needs: the options checked together, the costs file read with
 * each bad line named, the margin column summed per customer over the summarised period, and the columns
 * written. The arithmetic is the core's (src/core/tiers/economics.ts), so the pane's Tier Summary and the
 * command give the same numbers. Without --costs nothing here runs and the summaries are as before.
 */
import { echoList, echoText } from "../i18n/describe";
import { parseNumberText } from "../core/cells/coerce";
import type { CustomerId } from "../core/cells/coerce";
import { foldName } from "../core/cells/names";
import { isCost, tierEconomics, type CostTable, type TierCost, type TierEconomics, type TierInput } from "../core/tiers/economics";
import { windowExclusiveStart } from "../core/transactions/window";
import type { CustomerSummary } from "../core/transactions/summary";
import type { Messages } from "../i18n";
import { UsageError, choice, numberOption, sideFileOptions, type OptionSpec, type Out, type Parsed } from "./args";
import { readTextTable } from "./input/table";
import type { Cell } from "./output";
import { readTransactionsWithMargins } from "./transactions-file";

export const ECONOMICS_OPTIONS = ["--costs", "--margin", "--margin-column"] as const;

export const ECONOMICS_SPECS: Readonly<Record<string, OptionSpec>> = {
  "--costs": { text: "costs", kind: "file", default: { words: "offDefault" }, example: "costs.csv" },
  "--margin": { text: "summaryMargin", kind: "number", default: { words: "offDefault" }, example: "0.3" },
  "--margin-column": { text: "summaryMarginColumn", kind: "column", default: { words: "offDefault" }, example: "profit" },
};

export const ECONOMICS_HEADER = ["gross_margin", "cost_to_serve", "net_contribution", "net_per_customer", "return_on_cost"];

export interface EconomicsRequest {
  costs: CostTable;
  /** One rate, or null with a margin column. */
  rate: number | null;
  marginColumn: string | null;
}

const COLUMNS = ["tier", "per_customer", "per_order", "fixed"] as const;

/** The costs file: one line per tier, a blank cost is 0, `*` is every tier not listed; a bad line is a UsageError naming it. */
export function readCostsFile(file: string, m: Messages): CostTable {
  const table = readTextTable(file, sideFileOptions(), m, () => {});
  const at = COLUMNS.map((name) => table.header.findIndex((h) => foldName(h) === name));
  const missing = COLUMNS.find((_, k) => at[k] < 0);
  if (missing) throw new UsageError(m.economics.cli.costsColumns(file, missing));
  // No prototype: a tier named __proto__ is a tier like any other (src/core/cells/words.ts).
  const tiers: Record<string, TierCost> = Object.create(null) as Record<string, TierCost>;
  const lineOf = new Map<string, number>();
  let fallback: TierCost | null = null;
  for (let i = 0; i < table.rows; i++) {
    const line = table.firstLine + i;
    const cells = at.map((k) => table.columns[k][i].trim());
    if (cells.every((c) => c === "")) continue;
    const tier = cells[0];
    if (tier === "") throw new UsageError(m.economics.cli.costsTier(file, line));
    const [perCustomer, perOrder, fixed] = cells.slice(1).map((text, k) => {
      const v = text === "" ? 0 : parseNumberText(text);
      if (!isCost(v)) throw new UsageError(m.economics.cli.costsCell(file, line, COLUMNS[k + 1], echoText(text)));
      return v;
    });
    // Folded as costOf matches a tier, so a file cannot price one tier twice.
    const key = foldName(tier);
    const first = lineOf.get(key);
    if (first !== undefined) throw new UsageError(m.economics.cli.costsDuplicate(file, line, echoText(tier), first));
    lineOf.set(key, line);
    if (tier === "*") fallback = { perCustomer, perOrder, fixed };
    else tiers[tier] = { perCustomer, perOrder, fixed };
  }
  return { tiers, default: fallback };
}

/**
 * The economics options checked together: null without --costs (and then no --margin either); --costs needs
 * --summary and a margin; the margin is a rate or a column, not both.
 */
export function economicsRequest(p: Parsed, m: Messages): EconomicsRequest | null {
  const costsFile = p.options.get("--costs");
  const rate = numberOption(p, "--margin", m);
  const marginColumn = p.options.get("--margin-column") ?? null;
  if (costsFile === undefined) {
    if (rate !== undefined || marginColumn !== null) throw new UsageError(m.economics.cli.marginNeedsCosts);
    return null;
  }
  if (!p.flags.has("--summary")) throw new UsageError(m.economics.cli.needsSummary);
  if (rate !== undefined && marginColumn !== null) throw new UsageError(m.margin.cli.both);
  if (rate === undefined && marginColumn === null) throw new UsageError(m.economics.cli.needsMargin);
  if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new UsageError(m.margin.settings.rate(String(rate)));
  return { costs: readCostsFile(costsFile, m), rate: rate ?? null, marginColumn };
}

/**
 * Per customer of `summary` (its order), the margin column's sum over their purchase rows in the summarised
 * period: after the window's start (with --window-months) and on or before the analysis date. The rows are read
 * as the pane reads a sheet with a Margin column (readLineItems), so a return's row is left out as the pane's
 * Margin total leaves it out (analysis/measures.ts). A second read of the file, with its margin column.
 */
export function customerMargins(p: Parsed, column: string, summary: CustomerSummary, windowMonths: number | null | undefined, m: Messages, err: Out): Float64Array {
  const file = p.positional[0];
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  const { lines, margins } = readTransactionsWithMargins(p, file, column, dayOrder, m, err);
  const start = windowExclusiveStart(summary.asOf, windowMonths);
  const end = Math.floor(summary.asOf) + 1;
  const sums = new Float64Array(lines.customerIds.length);
  for (let k = 0; k < lines.validRows; k++) {
    const d = lines.date[k];
    if (!(d < end) || !(d > start)) continue;
    sums[lines.customer[k]] += margins[lines.sourceRow[k]];
  }
  const index = new Map<CustomerId, number>();
  lines.customerIds.forEach((id, c) => index.set(id, c));
  return Float64Array.from(summary.customerIds, (id) => {
    const c = index.get(id);
    return c === undefined ? 0 : sums[c];
  });
}

/**
 * The summary rows' economics, in the rows' order; tiers the costs do not price are said on stderr. `aliases`:
 * other names a costs file may use for a row's tier (a key beside its label).
 */
export function economicsCells(request: EconomicsRequest, rows: readonly TierInput[], m: Messages, err: Out, aliases?: (row: TierInput, k: number) => string[]): Cell[][] {
  const result = tierEconomics(rows, request.costs, request.rate, aliases);
  if (result.unpriced.length > 0) err(m.economics.cli.unpriced(echoList(result.unpriced)));
  err(m.economics.cli.period);
  return result.rows.map(economicsRow);
}

/** One tier's five economics cells; a ratio that is not defined is empty. */
export function economicsRow(e: TierEconomics): Cell[] {
  return [e.grossMargin, e.costToServe, e.netContribution, e.netPerCustomer ?? "", e.returnOnCost ?? ""];
}
