/**
 * Sentences for what the core reports as codes and facts (a cell's problem by ProblemCode; the sentences
 * CORE_ERRORS in ../core-errors.ts fills from a CoreError's details), and the argument sentences around them
 * (where a problem is, range shapes). The functions and the CLI put their own argument or option name into
 * the same sentences ('bins', --bins), so these live here once rather than in functions.ts and cli.ts.
 */
import type { ProblemCode } from "../../core/cells/problems";
import type { Widen } from "../widen";

export const core = {
  /** A cell's problem by its code (src/core/cells/problems.ts ProblemCode): a new code without a sentence is a type error. */
  problems: {
    blankCustomer: "the customer is blank; fill in the customer id, or clear the whole row",
    blankDate: "the date is blank; fill in the purchase date, or clear the whole row",
    badDate: (value: string) =>
      `"${value}" is not a date (use a date cell, 2024-01-05, 2024/1/5 or 2024年1月5日)`,
    dateOutOfRange: (value: string) => `${value} is outside the dates the add-in reads (1900-03-01 to 9999-12-31)`,
    blankAmount: "the amount is blank; fill in the amount (0 for none), or clear the whole row",
    badAmount: (value: string) => `"${value}" is not a number (use 1234.5, 1,234.50, ¥1,234 or $1,234)`,
    blankNumber: "the cell is blank; fill in a number, or clear the whole row",
    badNumber: (value: string) => `"${value}" is not a number; type digits such as 1234.5`,
    notFinite: (value: string) => `${value} is beyond the largest number a spreadsheet holds (about 1.8E+308); check it for a wrong exponent or unit`,
    sumOverflow: (value: string) => `adding ${value} takes the total beyond the largest number a spreadsheet holds (about 1.8E+308); check the amounts for a wrong exponent or unit`,
    excelError: (value: string) => `the cell holds the Excel error ${value}; correct the formula behind it, or leave the row out`,
    negativeValue: (value: string) => `${value} is negative; days since the last purchase and purchase counts cannot be`,
    nonPositiveValue: (value: string) => `${value} is zero or negative, so it is class C`,
    npsRange: (value: string) => `${value} is not an NPS answer; type a whole number from 0 to 10, or leave the cell blank`,
    satisfactionRange: (value: string) => `${value} is not a satisfaction rating; type a number from 0 to 100 (on the survey's scale), or leave the cell blank`,
    countRange: (value: string) => `${value} is not a count; type a whole number 0 or more, or leave the cell blank`,
  } satisfies Record<ProblemCode, string | ((value: string) => string)>,
  errors: {
    /** where: "argument 'dates', row 7" */
    at: (argument: string, row: number) => `argument '${argument}', row ${row}`,
    atCell: (argument: string, row: number, column: number) => `argument '${argument}', row ${row}, column ${column}`,
    argument: (argument: string) => `'${argument}'`,
    rowProblem: (where: string, what: string) => `${where}: ${what}.`,
    moreProblems: (count: number) => (count === 1 ? "(1 more row has a problem.)" : `(${count} more rows have problems.)`),
    sizeMismatch: (a: string, aRows: number, b: string, bRows: number) =>
      `'${a}' has ${aRows} rows but '${b}' has ${bRows}; select ranges of the same height.`,
    shapeMismatch: (a: string, aShape: string, b: string, bShape: string) =>
      `'${a}' is ${aShape} but '${b}' is ${bShape}; use ranges of one shape, or single values.`,
    notOneColumn: (argument: string, columns: number) =>
      `'${argument}' has ${columns} columns; select a single column.`,
    noData: (argument: string) => `'${argument}' holds no usable rows; check that it covers the data rows.`,
    binsOutOfRange: (value: string) => `'bins' is ${value}; use a whole number from 2 to 10.`,
    cutOutOfRange: (argument: string, value: string) =>
      `'${argument}' is ${value}; use a share between 0 and 1 (80% is 0.8).`,
    cutsOrder: (aCut: number, bCut: number) =>
      `'a_cut' (${aCut}) must be below 'b_cut' (${bCut}).`,
    unknownBasis: (value: string) => `'basis' is "${value}"; use "value" or "count".`,
    unknownAbcMethod: (value: string) => `'method' is "${value}"; use "fixed" (the cuts) or "computed" (limits from the ABC curve).`,
    unknownScheme: (value: string) =>
      `'segments' is "${value}"; use "rfm", "cn8" or a range of rules (name, R min, R max, F min, F max, M min, M max).`,
    badRule: (row: number, what: string) => `'segments' rule row ${row}: ${what}.`,
    ruleNameBlank: "the name is blank",
    ruleBound: (column: string, value: string) => `${column} is "${value}"; use a whole score or leave it blank`,
    ruleRange: (column: string) => `${column} minimum is above its maximum`,
    badAsOf: (value: string) => `'as_of' is "${value}"; use a date (a date cell, or 2024-01-05).`,
    asOfBeforeData: (asOf: string, first: string) =>
      `'as_of' (${asOf}) is before the first purchase (${first}): no customer had bought yet. Use ${first} or a later date.`,
    badBoolean: (argument: string, value: string) => `'${argument}' is "${value}"; use TRUE or FALSE.`,
    negativeInput: (argument: string, where: string, value: string) =>
      `${where ? `${where}: ` : ""}'${argument}' is ${value}; it cannot be negative.`,
    /** `where` is "" for a single-value argument, whose name the sentence already says. */
    marginOutOfRange: (where: string, value: string) =>
      `${where ? `${where}: ` : ""}'margin' is ${value}; use a fraction from 0 to 1 (30% is 0.3).`,
    discountOutOfRange: (where: string, value: string) =>
      `${where ? `${where}: ` : ""}'discount_rate' is ${value}; use a yearly rate from 0 to 1 (10% is 0.1).`,
    breakpointsShape: (rows: number, columns: number) =>
      `'bins' is a ${rows}×${columns} range; give a number from 2 to 10, or breakpoints in three rows (or columns): recency, frequency, monetary.`,
    breakpointsOrder: (dimension: string) =>
      `The ${dimension} breakpoints must be increasing numbers.`,
    tooManyBreakpoints: (dimension: string, count: number) =>
      `There are ${count} ${dimension} breakpoints; give at most 9 (10 score levels).`,
    breakpointsCount: (dimension: string, count: number, expected: number) =>
      `There are ${count} ${dimension} breakpoints; give ${expected}, one fewer than the score levels, in increasing order.`,
    badRepeatSummary: (row: number, field: string, what: string) => `Row ${row}: '${field}' ${what}.`,
    repeatWholeNumber: "must be a whole number of repeat purchases, 0 or more",
    repeatNonNegative: "must be a time of 0 or more",
    repeatAfterT: "is longer than T (the time from the first purchase to the end of calibration)",
    repeatZeroWithoutRepeats: "must be 0 when x is 0 (no repeat purchase)",
    repeatWithoutTime: "is 0 although x is above 0: repeat purchases come on later days, so t_x must be above 0 (a summary rounded too coarsely?)",
    noRepeatPurchases:
      "Nobody in the data bought on two different days, so the model cannot learn how customers come back or drop out; use a longer period of transactions.",
    fitFailed: (model: string) =>
      `The ${model} model could not be fitted to this data (its likelihood has no finite maximum); check that the dates span several purchase cycles and that amounts are positive.`,
    gammaGammaQ: (q: string) =>
      `The Gamma-Gamma spend model found q = ${q}, not above 1, so the expected spend would be infinite: the spend data are too heavy-tailed. Remove extreme amounts (or returns), or use TIER.CLV with your own average spend.`,
    noRepeatSpend: (customers: number) =>
      customers === 0
        ? "No customer has a repeat purchase with a positive amount; the spend model needs at least 2 such customers."
        : `Only ${customers === 1 ? "1 customer has" : `${customers} customers have`} a repeat purchase with a positive amount; the spend model needs at least 2.`,
    badModel: (value: string) => `'model' is "${value}"; use "bgnbd" or "pareto".`,
    badUnit: (value: string) => `'unit' is "${value}"; use "day", "week" or "month".`,
    badHorizon: (argument: string, value: string) => `'${argument}' is ${value}; use a whole number of months from 0 to 240 (20 years).`,
    badHorizonUnits: (argument: string, value: string) => `'${argument}' is ${value}; use a length of time of 0 or more, in the data's time unit.`,
    badMonthlyDiscount: (argument: string, value: string) => `'${argument}' is ${value}; use a monthly rate from 0 to 1, such as 0.01 (1% a month).`,
    calibrationBeforeData: (argument: string, end: string, first: string) =>
      `'${argument}' (${end}) is before the first purchase (${first}); use a later date.`,
    badLifecycle: (argument: string, value: string, hint: string) => `'${argument}' is ${value}; ${hint}.`,
    lifecycleHints: {
      newDays: "use a number of days, 0 or more",
      activeMultiple: "use a positive number such as 1.5",
      silentMultiple: "use a number at least as large as 'active_multiple', such as 3",
      churnCapDays: "use a positive number of days, or leave it empty for no cap",
    },
    /** The weighted score (TIER.SCORE, tier score, the pane); `argument` is the function's argument or the CLI's option. */
    score: {
      weightsCount: (argument: string, given: number, expected: number) =>
        `'${argument}' has ${given === 1 ? "1 weight" : `${given} weights`} for ${expected === 1 ? "1 metric" : `${expected} metrics`}; give one weight per metric (0 leaves a metric out).`,
      weightNotNumber: (argument: string, position: number, value: string) =>
        `'${argument}' weight ${position} is "${value}"; use a number, 0 or more.`,
      weightNegative: (argument: string, position: number, value: string) =>
        `'${argument}' weight ${position} is ${value}; a weight cannot be negative (0 leaves a metric out).`,
      weightsAllZero: (argument: string) => `Every weight in '${argument}' is 0; give at least one metric a weight above 0.`,
      weightsMissing: (argument: string) =>
        `'${argument}' is missing or blank; give one weight per metric column (such as 1, 1, 1 for equal weights; 0 leaves a metric out).`,
      weightBlank: (argument: string, position: number) =>
        `'${argument}' weight ${position} is blank; give it a number, 0 or more (0 leaves that metric out).`,
      bandsPercent: (argument: string, values: string) =>
        `'${argument}' is ${values}: these look like percentages of customers, but shares are fractions: use 0.05 for 5% (such as 0.05, 0.15, 0.3, 0.3). Minimum scores go from the top band down (such as 90, 75, 50, 25).`,
      directionsCount: (argument: string, given: number, expected: number) =>
        `'${argument}' has ${given === 1 ? "1 direction" : `${given} directions`} for ${expected === 1 ? "1 metric" : `${expected} metrics`}; give one per metric, or leave it out (higher is better for all).`,
      unknownDirection: (argument: string, position: number, value: string) =>
        `'${argument}' entry ${position} is "${value}"; use "higher" (higher is better) or "lower" (lower is better).`,
      unknownMethod: (argument: string, value: string) => `'${argument}' is "${value}"; use "percentile" or "minmax".`,
      bandsNone: (argument: string) =>
        `'${argument}' holds no numbers; give band shares (such as 0.05, 0.15, 0.3, 0.3) or minimum scores (such as 90, 75, 50, 25), or leave it out.`,
      bandsTooMany: (argument: string, given: number, max: number) =>
        `'${argument}' has ${given} numbers; give at most ${max} (Diamond, Platinum, Gold, Silver, and Bronze for the rest).`,
      bandShare: (argument: string, position: number, value: string) =>
        `'${argument}' share ${position} is ${value}; a share of customers must be above 0 and at most 1 (5% is 0.05).`,
      bandShareSum: (argument: string, sum: string) =>
        `The shares in '${argument}' add up to ${sum}; the last band takes the rest, so they must add up to at most 1.`,
      bandThreshold: (argument: string, position: number, value: string) =>
        `'${argument}' minimum score ${position} is ${value}; use scores from 0 to 100 (numbers that are not all between 0 and 1 are read as minimum scores).`,
      bandThresholdOrder: (argument: string, position: number, value: string, previous: string) =>
        `'${argument}' minimum score ${position} (${value}) is not below the one before it (${previous}); list the minimum scores from the top band down, such as 90, 75, 50, 25.`,
      notFinite: (metric: number, row: number, value: string) => `Metric ${metric}, row ${row} is ${value}; use a finite number, or leave the cell blank.`,
      notOneLine: (argument: string, rows: number, columns: number) =>
        `'${argument}' is a ${rows}×${columns} range; give one row or one column, one entry per metric.`,
      metricsHeader: (argument: string) =>
        `'${argument}' starts with a row of text (column names?); select the numbers only, without the header row.`,
    },
    /** Snapshots, tier migration and pilot groups (src/core/over-time/migration.ts, pilot.ts); rows are 1-based. */
    dynamic: {
      duplicateId: (id: string, row: number, firstRow: number) =>
        `Customer "${id}" is in row ${firstRow} and again in row ${row}; give each customer one row (one tier).`,
      duplicateRow: (id: string, firstRow: number) => `customer "${id}" is already in row ${firstRow}; give each customer one row (one tier)`,
      orderMissingTier: (tier: string, order: string) =>
        `The tier order (${order}) does not name the tier "${tier}"; list every tier, best first, so that moves up and down can be counted.`,
      measureBlank: (argument: string, ids: string) =>
        `'${argument}' is blank in every row of '${ids}'; give a number for each customer (such as their revenue), or leave '${argument}' out to count customers.`,
      duplicateLine: (file: string, line: number, id: string, firstLine: number) =>
        `${file}, line ${line}: customer "${id}" is already on line ${firstLine}; give each customer one line (one tier).`,
      pilotShare: (argument: string, value: string) => `'${argument}' is ${value}; use a share of each tier above 0 and at most 1 (10% is 0.1).`,
      controlShare: (argument: string, value: string) => `'${argument}' is ${value}; use a share of each tier from 0 to 1 (0 for no control group).`,
      shareMissing: (argument: string) => `'${argument}' is empty; give the share of each tier to pick, such as 0.1 (10%).`,
      sharesOverOne: (shareArgument: string, share: string, controlArgument: string, controlShare: string) =>
        `'${shareArgument}' (${share}) and '${controlArgument}' (${controlShare}) add up to more than 1; the pilot and the control group come from the same customers.`,
      controlDefaultOverOne: (shareArgument: string, share: string, controlArgument: string, room: string) =>
        `'${shareArgument}' is ${share}, and the control group is as large when '${controlArgument}' is left out: together more than all of the customers. Give '${controlArgument}' at most ${room}.`,
      pilotSeed: (argument: string, value: string) => `'${argument}' is ${value}; use a whole number (the same seed picks the same customers).`,
      badConfidence: (value: string) => `The confidence level is ${value}; use a share between 0 and 1, such as 0.95.`,
    },
  },
};

export type CoreMessages = Widen<typeof core>;
