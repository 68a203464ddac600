/**
 * The Costs section of the form (issue 15 §3): per tier a cost per customer (for the period analysed), per order
 * and a fixed cost, a row for every other tier, the margin (one rate, or the Margin column) and Compare's cost per
 * upgrade. Text as typed, by tier key; a blank cost is 0 (a tier left blank takes the "every other tier" row). The
 * bounds are the core's (`economicsProblems`), so the pane and the workbook refuse the same things.
 */
import { economicsProblems, isCost, type EconomicsOptions, type TierCost } from "../../core/tiers/economics";
import { parseNumber, percent, shown, type Read } from "./shared";

export type CostField = keyof TierCost;
export type CostDraftRow = Record<CostField, string>;

export interface EconomicsDraft {
  costsOn: boolean;
  /** By tier key (as the playbook's tiers: a segment key, a custom segment's name, A/B/C, a band key). */
  tierCosts: Record<string, CostDraftRow>;
  otherCosts: CostDraftRow;
  costMargin: "rate" | "column";
  /** Percent, as typed. */
  costMarginRate: string;
  /** "" for none. */
  costPerUpgrade: string;
}

export type EconomicsFormProblem =
  | { kind: "economicsCost"; tier: string; field: CostField; value: string }
  | { kind: "economicsRate"; value: string }
  | { kind: "economicsColumn" }
  /** The core's `columnWindow`: the Margin column with a window. */
  | { kind: "economicsColumnWindow" }
  | { kind: "economicsUpgrade"; value: string };

const BLANK_ROW: CostDraftRow = { perCustomer: "", perOrder: "", fixed: "" };
const FIELDS: readonly CostField[] = ["perCustomer", "perOrder", "fixed"];

export const ECONOMICS_DEFAULTS: EconomicsDraft = {
  costsOn: false,
  tierCosts: {},
  otherCosts: { perCustomer: "0", perOrder: "0", fixed: "0" },
  costMargin: "rate",
  costMarginRate: "30",
  costPerUpgrade: "",
};

const rowText = (cost: TierCost): CostDraftRow => ({ perCustomer: shown(cost.perCustomer), perOrder: shown(cost.perOrder), fixed: shown(cost.fixed) });

/** The Costs fields showing saved settings (null or absent: off, with the defaults ready). */
export function economicsFromSettings(economics: EconomicsOptions | null | undefined): EconomicsDraft {
  if (!economics) return ECONOMICS_DEFAULTS;
  return {
    costsOn: true,
    tierCosts: Object.fromEntries(Object.entries(economics.costs).map(([k, c]) => [k, rowText(c)])),
    otherCosts: economics.otherTiers ? rowText(economics.otherTiers) : BLANK_ROW,
    costMargin: economics.margin === "column" ? "column" : "rate",
    costMarginRate: economics.margin === "column" ? ECONOMICS_DEFAULTS.costMarginRate : percent(economics.margin),
    costPerUpgrade: economics.costPerUpgrade === null ? "" : shown(economics.costPerUpgrade),
  };
}

/** The economics settings (null when off), and every field that is not usable. `"*"` names the "every other tier" row. */
export function economicsToSettings(form: EconomicsDraft, hasMarginColumn: boolean, windowed = false): Read<EconomicsOptions | null, EconomicsFormProblem> {
  const problems: EconomicsFormProblem[] = [];
  if (!form.costsOn) return { settings: null, problems };
  const read = (tier: string, row: CostDraftRow): TierCost => {
    const cost = { perCustomer: 0, perOrder: 0, fixed: 0 };
    for (const field of FIELDS) {
      const text = row[field].trim();
      const value = text === "" ? 0 : parseNumber(text);
      cost[field] = value;
      if (!isCost(value)) problems.push({ kind: "economicsCost", tier, field, value: row[field] });
    }
    return cost;
  };
  const costs: Record<string, TierCost> = {};
  for (const [tier, row] of Object.entries(form.tierCosts)) {
    // A tier whose three costs are blank takes the "every other tier" row.
    if (FIELDS.every((f) => row[f].trim() === "")) continue;
    costs[tier] = read(tier, row);
  }
  const otherBlank = FIELDS.every((f) => form.otherCosts[f].trim() === "");
  const otherTiers = otherBlank ? null : read("*", form.otherCosts);
  const rate = parseNumber(form.costMarginRate) / 100;
  const upgradeText = form.costPerUpgrade.trim();
  const costPerUpgrade = upgradeText === "" ? null : parseNumber(upgradeText);
  const settings: EconomicsOptions = { costs, otherTiers, margin: form.costMargin === "column" ? "column" : rate, costPerUpgrade };
  // The typed text could be read: the core's bounds (a cost below 0 was said above, with its text).
  for (const p of economicsProblems(settings, hasMarginColumn, windowed)) {
    if (p.code === "rate") problems.push({ kind: "economicsRate", value: form.costMarginRate });
    else if (p.code === "needsColumn") problems.push({ kind: "economicsColumn" });
    else if (p.code === "columnWindow") problems.push({ kind: "economicsColumnWindow" });
    else if (p.code === "upgrade") problems.push({ kind: "economicsUpgrade", value: form.costPerUpgrade });
  }
  return { settings, problems };
}
