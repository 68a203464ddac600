/**
 * Sentences for hostile input (issue 12): a range where one cell belongs, totals past the largest
 * number, fits that run out of their budget, outputs that would grow past a spill range, and an
 * unexpected internal failure. One part with its own top-level key, so it merges beside the others.
 */
import type { Widen } from "../widen";

export const hostile = {
  hostile: {
    oneCell: (argument: string, cells: number) => `'${argument}' is a range of ${cells} cells; give one cell.`,
    fitBudget: (model: string, iterations: number, seconds: string) =>
      `The ${model} model could not be fitted within ${iterations} iterations (${seconds} s), so the search was stopped; the data may not follow the model. Check that the dates span several purchase cycles and that the amounts are in one unit, or try the other model ("bgnbd" or "pareto").`,
    internal: (name: string) =>
      `${name} could not compute this result (an unexpected internal problem, logged in the browser console); check the arguments for unusual values, such as numbers near 1E+308 or very long text, and report it if they look right.`,
    tooManyTiers: (argument: string, count: number, max: number) =>
      `'${argument}' has ${count} different tiers; the migration table shows at most ${max}. A revenue or other measure column was probably given as the tiers: give the column of tier names (such as Gold, Silver, Bronze).`,
    tierIsLabel: (argument: string, tier: string) =>
      `'${argument}' has a tier named "${tier}", which is also a row or column label of the migration table; rename that tier (such as "${tier} tier") so that the two cannot be confused.`,
    tooManyRules: (count: number, max: number) => `'segments' has ${count} rules; give at most ${max}.`,
    ruleNameError: (row: number, value: string) =>
      `'segments' rule row ${row}: the name is the Excel error ${value}; correct the formula behind it, or type a name.`,
    badId: (where: string, value: string) => `${where}: "${value}" cannot be used as a customer id; use text or a number.`,
    amountsMissing: (argument: string) =>
      `'${argument}' is empty; the spend model needs the amount of each purchase (give the amounts column).`,
    scoreOverflow: (argument: string, position: number, value: string) =>
      `'${argument}' weight ${position} is ${value}; weights that large make the weighted score overflow. Use weights of a usual size (such as 1, 2, 0.5): only their ratios matter.`,
    clvOverflow: (where: string) =>
      `${where ? `${where}: ` : ""}the lifetime value would pass the largest number a spreadsheet holds (about 1.8E+308); check 'avg_purchase', 'frequency' and 'lifespan' for a wrong exponent or unit.`,
    totalOverflow: (argument: string) =>
      `A total of '${argument}' passes the largest number a spreadsheet holds (about 1.8E+308); check '${argument}' for values with a wrong exponent or unit.`,
    badTier: (where: string, value: string) => `${where}: "${value}" cannot be used as a tier; use text or a number.`,
    scoreValue: (argument: string, metric: number, row: number, value: string) =>
      `'${argument}' metric ${metric}, row ${row} is ${value}; use a finite number, or leave the cell blank.`,
    /** A sentence about an argument, prefixed with its name: "'bins': The recency breakpoints …". */
    inArgument: (argument: string, sentence: string) => `'${argument}': ${sentence}`,
    onlyReturns: (argument: string, rows: number) =>
      `Every one of the ${rows} amounts in '${argument}' is below 0 (returns only), so there is no purchase to learn from; check that '${argument}' is the amounts column and that sales are positive.`,
    notFiniteResult: (name: string, argument: string) =>
      `${name} could not compute a finite result: a value passes the largest number a spreadsheet holds (about 1.8E+308); check '${argument}' for values with a wrong exponent or unit.`,
    tooBig: (argument: string, rows: number, columns: number, max: string) =>
      `The result of ${argument} would be ${rows} rows by ${columns} columns, beyond what a spill range holds (${max}); give fewer values.`,
  },
};

export type HostileMessages = Widen<typeof hostile>;
