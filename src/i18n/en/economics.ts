/**
 * What each tier earns and costs (issue 15 §3): the cost-to-serve table and margin on the `tier` summaries, the
 * Tier Summary's economics columns, the Compare report's upgrade incentive lines and the pane's Costs section.
 * One top-level key, `economics`, so the part spreads beside the others without overwriting one.
 */
import type { Widen } from "../widen";

const FIELDS = { perCustomer: "cost per customer", perOrder: "cost per order", fixed: "fixed cost", perUpgrade: "cost per upgrade" } as const;
const field = (f: string) => FIELDS[f as keyof typeof FIELDS] ?? f;

export const economics = {
  economics: {
    errors: {
      badCost: (tier: string, f: string, value: string) =>
        tier === "" || tier === "*"
          ? `The ${field(f)} is ${value}; use an amount from 0 to 1000000000000000 (10^15).`
          : `The ${field(f)} of tier ${tier} is ${value}; use an amount from 0 to 1000000000000000 (10^15).`,
    },
    cli: {
      costsColumns: (file: string, missing: string) => `${file} has no column ${missing}; a costs file has the columns tier,per_customer,per_order,fixed (one line per tier, * for every other tier).`,
      costsCell: (file: string, line: number, column: string, value: string) =>
        `${file} line ${line}: ${column} is "${value}"; use an amount from 0 to 10^15 (a blank is 0).`,
      costsTier: (file: string, line: number) => `${file} line ${line}: the tier is blank; name a tier, or * for every tier not listed.`,
      costsDuplicate: (file: string, line: number, tier: string, first: number) => `${file} line ${line}: tier ${tier} is already on line ${first}; give each tier one line.`,
      needsMargin: "--costs needs the margin to take the cost from: give --margin (one rate, 0.3 for 30%) or --margin-column (a margin amount on each row).",
      marginNeedsCosts: "--margin and --margin-column only add to the summary with --costs COSTS.csv (the cost to serve per tier).",
      needsSummary: "--costs changes the per-tier summary: add --summary.",
      needsTransactions: (command: string) =>
        `tier ${command} --costs needs the orders per customer: give a transactions file with --as-of or --window-months (the cost per order counts them).`,
      unpriced: (tiers: string) => `No cost is given for ${tiers}, so cost_to_serve is 0 there; add a line per tier, or a * line for every tier not listed.`,
      upgradeNeedsRevenue: "--cost-per-upgrade weighs the upgrades' cost against their revenue change: give --revenue, the revenue column of both files.",
      orderNeeded: "The tier order is not known, so no customer counts as upgraded: give the tiers best first with --order.",
      missingRevenue: (count: number) => `${count} upgraded ${count === 1 ? "customer has" : "customers have"} no revenue in one of the files and ${count === 1 ? "is" : "are"} left out of revenue_change.`,
      period: "Costs per customer are for the period summarised: the --window-months window, else all history to the analysis date.",
    },
    /** The Tier Summary's columns (src/excel/summary.ts). */
    summary: {
      grossMargin: "Gross margin",
      costToServe: (period: string) => `Cost to serve (${period})`,
      netContribution: "Net contribution",
      netPerCustomer: "Net per customer",
      returnOnCost: "Return on cost to serve",
      netMarginClv: (months: number) => `Net margin CLV (${months} mo)`,
      periodWindow: (months: number) => `the last ${months} months`,
      periodAll: "all history",
    },
    /** The Compare report's upgrade incentive lines. */
    upgrades: {
      title: "Upgrade incentives",
      upgrades: "Upgrades",
      costPerUpgrade: "Cost per upgrade",
      cost: "Upgrade cost",
      revenueChange: "Revenue change of the upgraded",
      net: "Revenue change less upgrade cost",
      noOrder: "Not defined: the tier order is not known.",
      noRevenue: "Not defined: the snapshots hold no revenue.",
      caveat: "A change, not an effect: customers who upgraded were already buying more. Use a pilot group to measure the effect.",
    },
    /** The pane's Costs section. */
    pane: {
      title: "Costs (tier economics)",
      hint: "Adds gross margin, cost to serve, net contribution and return on cost to the Tier Summary. The cost per customer is for the period analysed: the window when one is set, else all history to the analysis date.",
      enabled: "Add tier economics",
      tier: "Tier",
      perCustomer: "Per customer",
      perOrder: "Per order",
      fixed: "Fixed",
      otherTiers: "Every other tier",
      noTiers: "Run once to list the tiers here; the row below applies to every tier.",
      marginSource: "Gross margin from",
      marginSources: { rate: "One rate for all", column: "From the Margin column" },
      marginRate: "Margin rate (%)",
      noColumn: "Map a column to Margin under Data to use it here.",
      costPerUpgrade: "Cost per upgrade (Compare)",
      costPerUpgradeHint: "Compare weighs the upgrades × this cost against the upgraded customers' revenue change.",
      problems: {
        cost: (tier: string, what: string, value: string) => `Costs, ${tier}, ${what}: "${value}" is not an amount from 0 to 10^15.`,
        rate: (value: string) => `Costs, margin rate: "${value}" is not a percentage from 0 to 100.`,
        needsColumn: "Costs: the margin is to come from the Margin column, but no column is mapped to Margin.",
        columnWindow: "Costs: the Margin column is summed over all history to the analysis date, not over the window, so it cannot be set against the window's revenue: use one margin rate, or clear the window.",
        upgrade: (value: string) => `Cost per upgrade: "${value}" is not an amount from 0 to 10^15.`,
      },
    },
  },
};

export type EconomicsMessages = Widen<typeof economics>;
