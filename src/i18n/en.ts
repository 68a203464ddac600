/**
 * English messages: the reference catalog. zh-CN.ts must provide the same keys (the type checks it,
 * and test/i18n.test.ts checks that no string is left untranslated).
 *
 * Messages that take values are functions, so a translation can reorder them.
 */
export const en = {
  locale: "en" as string,
  product: {
    name: "Tiering",
    tagline: "Customer tiers in Excel: RFM segments, ABC classes and customer lifetime value.",
  },
  segments: {
    champions: "Champions",
    potentialLoyalist: "Potential Loyalist",
    loyalCustomers: "Loyal Customers",
    promising: "Promising",
    newCustomers: "New Customers",
    cantLoseThem: "Can't Lose Them",
    atRisk: "At Risk",
    needAttention: "Need Attention",
    aboutToSleep: "About To Sleep",
    lost: "Lost",
    others: "Others",
    importantValue: "Important value",
    importantDevelop: "Important to develop",
    importantKeep: "Important to keep",
    importantRetain: "Important to win back",
    generalValue: "General value",
    generalDevelop: "General to develop",
    generalKeep: "General to keep",
    generalRetain: "General to win back",
  },
  /** Weighted-score bands, top first (src/core/tiers/score.ts SCORE_TIER_KEYS). */
  scoreTiers: {
    diamond: "Diamond",
    platinum: "Platinum",
    gold: "Gold",
    silver: "Silver",
    bronze: "Bronze",
  },
  /** What a weighted-score metric is (src/core/tiers/score.ts ScoreMetric), as the pane and its errors name it. */
  scoreMetrics: {
    recency: "Recency (days)",
    frequency: "Frequency (orders)",
    monetary: "Monetary",
    clv: "Lifetime value (CLV)",
    margin: "Margin",
    extra: "Extra measure",
    predictedClv: "Predicted CLV",
    pAlive: "P(alive)",
  },
  /** TIER.MIGRATION's headers and the migration sheet's: the from→to corner, customers only in the later snapshot, customers no longer in it. */
  migration: {
    fromTo: "From \\ To",
    new: "New",
    gone: "Gone",
    total: "Total",
  },
  /** TIER.PILOT's marks (src/core/over-time/pilot.ts PILOT, CONTROL). */
  pilotGroups: {
    pilot: "pilot",
    control: "control",
  },
  dimensions: {
    recency: "recency",
    frequency: "frequency",
    monetary: "monetary",
  },
  columns: {
    customer: "Customer",
    recencyDays: "Recency (days)",
    frequency: "Frequency",
    monetary: "Monetary",
    r: "R",
    f: "F",
    m: "M",
    rfm: "RFM",
    segment: "Segment",
    orders: "Orders",
    revenue: "Revenue",
    customers: "Customers",
    abcClass: "ABC class",
    value: "Value",
    clv: "CLV",
  },
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
    excelError: (value: string) => `the cell holds the Excel error ${value}; correct the formula behind it, or leave the row out`,
    negativeValue: (value: string) => `${value} is negative; days since the last purchase and purchase counts cannot be`,
    nonPositiveValue: (value: string) => `${value} is zero or negative, so it is class C`,
  },
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
    asOfBeforeData: (asOf: string, last: string) =>
      `'as_of' (${asOf}) is before the latest purchase (${last}); recency would be negative. Use a later date.`,
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
  cli: {
    usage: `Usage:
  tier rfm FILE.csv [--customer COL] [--date COL] [--amount COL] [--as-of YYYY-MM-DD]
                    [--bins N] [--frequency orders|days] [--monetary total|average]
                    [--segments rfm|cn8|RULES.csv] [--summary] [--format csv|json] [--day-order mdy|dmy]
                    [--r-breaks 30,90,180,365] [--f-breaks 1,2,5,10] [--m-breaks 100,250,500,1000]
  tier abc FILE.csv --value COL [--a-cut 0.8] [--b-cut 0.95] [--basis value|count]
                    [--method fixed|computed (limits from the ABC curve; cuts and basis unused)]
                    [--next] [--no-header (columns numbered 1, 2, …)] [--id COL] [--summary] [--format csv|json]
  tier clv FILE.csv [--avg-purchase COL] [--frequency COL] [--lifespan COL] [--margin COL|NUMBER]
                    [--discount-rate RATE] [--id COL] [--format csv|json]
  tier clv --avg-purchase N --frequency N --lifespan N --margin N [--discount-rate RATE]
  tier fit FILE.csv [--unit day|week|month] [--calibration-end YYYY-MM-DD] [--model bgnbd|pareto]
                    [--customer COL] [--date COL] [--amount COL] [--day-order mdy|dmy]
  tier predict FILE.csv [--unit day|week|month] [--calibration-end YYYY-MM-DD] [--model bgnbd|pareto]
                    [--horizon N (in the unit)] [--clv-months 12] [--monthly-discount 0.01]
                    [--format csv|json] [--customer COL] [--date COL] [--amount COL] [--day-order mdy|dmy]
      FILE.csv: transactions, or a customer summary with columns x, t_x, T (and zbar)
  tier score FILE.csv --metrics COL1,COL2 --weights 0.5,0.5 [--directions higher,lower]
                    [--bands 0.05,0.15,0.3,0.3 | --thresholds 90,75,50,25] [--method percentile|minmax]
                    [--id COL] [--summary] [--format csv|json]
  tier migrate BEFORE.csv AFTER.csv --id COL --tier COL [--measure COL] [--order A,B,C] [--json]
                    [--revenue COL --orders COL --last COL [--as-of YYYY-MM-DD]]
      --order: every tier, best first; --as-of: the EARLIER snapshot's analysis date (bought again = after it)
  tier pilot FILE.csv --id COL --tier COL --share 0.1 [--control-share 0.1] [--seed 1]
                    [--only-tier NAME] [--format csv|json]
  tier bench [FILE.csv] [--rows N] [--repeat N]

Columns default to customer_id, date and amount. Messages follow LANG (zh_CN for Chinese).`,
    unitRequired: (file: string) =>
      `${file} is a customer summary (x, t_x, T): say which time unit its t_x and T are in with --unit day, week or month.`,
    unitAssumed: "Times are in weeks (--unit week); give --unit day or --unit month for another unit.",
    summaryTakesNoEnd: (file: string) =>
      `${file} is a customer summary (x, t_x, T): its calibration period is already fixed, so --calibration-end does not apply.`,
    missingSecondFile: "Give two CSV files: the earlier snapshot, then the later one.",
    effectsOptions: "Give --revenue, --orders and --last together: the per-tier effects need all three.",
    orderNeeded:
      "The tiers' order is not known (they are neither A/B/C, score bands nor numbers), so upgraded and downgraded are null; give --order with the tiers best first (such as --order VIP,Regular,Basic) for up and down rates.",
    unknownTier: (name: string, found: string) => `No row has the tier "${name}"; the tiers are: ${found}.`,
    unknownCommand: (name: string) => `Unknown command "${name}".`,
    unknownOption: (name: string) => `Unknown option "${name}".`,
    missingValue: (name: string) => `Option ${name} needs a value.`,
    missingFile: "Give the CSV file to read.",
    unreadable: (file: string, reason: string) => `Cannot read ${file}: ${reason}`,
    emptyFile: (file: string) => `${file} is empty; it needs a header line and data rows.`,
    missingColumn: (name: string, file: string, found: string) =>
      `Column "${name}" is not in ${file}; its columns are: ${found}.`,
    badNumberOption: (name: string, value: string) => `Option ${name} is "${value}"; give a number.`,
    badChoice: (name: string, value: string, allowed: string) => `Option ${name} is "${value}"; use one of: ${allowed}.`,
    skippedRows: (count: number, total: number) => `Left out ${count} of ${total} rows:`,
    nonPositiveRows: (count: number, total: number) => `${count} of ${total} values are zero or negative (class C):`,
    line: (line: number) => `line ${line}`,
    csvRow: (row: number, column: string, what: string) => `  line ${row}, column ${column}: ${what}`,
    bandsOrThresholds: "Give --bands (shares of customers) or --thresholds (minimum scores), not both.",
  },
  pane: {
    welcomeTitle: "Welcome to Tiering",
    welcomeBody:
      "Tier your customers: choose the data and its columns, run RFM, ABC and lifetime value, then build a tier chart. The TIER functions work in any cell too.",
    functionsHeading: "Functions",
    languageLabel: "Language",
    rfmHelp: "RFM scores and segments from transactions",
    rfmScoreHelp: "RFM scores and segments from customer columns",
    abcHelp: "ABC (Pareto) classes, by fixed cuts or computed from the ABC curve",
    abcNextHelp: "The next ABC class up and the value needed to reach it",
    scoreHelp: "A weighted 0–100 score over any metrics, and tiers from Diamond to Bronze",
    clvHelp: "Customer lifetime value",
    clvPredictHelp: "Predicted CLV, P(alive) and expected purchases (BG/NBD + Gamma-Gamma)",
    clvFitHelp: "The fitted BG/NBD and Gamma-Gamma parameters",
    pAliveHelp: "Probability that each customer is still active",
    lifecycleHelp: "Lifecycle stage: new, active, silent or churned",
    migrationHelp: "Tier migration between two snapshots: from→to counts or revenue, with new and gone",
    pilotHelp: "A pilot and a control group picked in each tier, reproducibly from a seed",
    dismiss: "Dismiss",
    settingsNotLoaded: (reason: string) => `The analysis saved in this workbook could not be loaded (${reason}); the pane starts from the defaults.`,
    /** Language names are written in their own language, so they read the same in every catalog. */
    languageEnglish: "English",
    languageChinese: "中文",
    noWorkbook: "This page is not running inside Excel, so there is no workbook to read. Open Tiering from Excel's Home tab, or try the browser preview (preview.html).",
    dataHeading: "Data",
    useSelection: "Use selection",
    useSelectionHint: "Select the data in the sheet (one cell inside it is enough), then press Use selection.",
    tableLabel: "Excel table",
    tablePlaceholder: "Choose a table",
    noTables: "This workbook has no tables",
    hasHeader: "The first row holds column names",
    headerDetected: "Detected from the first rows; change it if it is wrong.",
    sourceSummary: (where: string, rows: string) => `Data: ${where}, ${rows} rows`,
    mappingHeading: "Columns",
    notMapped: "(none)",
    roles: {
      customer: "Customer",
      date: "Date",
      amount: "Amount",
      quantity: "Quantity",
      margin: "Margin",
      category: "Category",
      extra: "Extra measure",
      order: "Order",
    },
    amountAsUnitPrice: "Unit price",
    roleHints: {
      customer: "The customer id or name",
      date: "The purchase date",
      amount: "The order amount; with a quantity column, the unit price",
      quantity: "Optional: amount = quantity × unit price",
      margin: "Optional: gross margin per order",
      category: "Optional: a dimension such as region or channel",
      extra: "Optional: another measure (a number) to average per tier",
      order: "Several rows per order? Choose the order column so frequency counts orders",
    },
    analysisHeading: "Analysis",
    asOf: "Analysis date",
    asOfHint: "Leave blank to use the latest purchase in the data.",
    dayOrder: "Dates written like 1/5/2024",
    dayOrders: {
      mdy: "Month first (January 5)",
      dmy: "Day first (1 May)",
    },
    rfmToggle: "RFM scores and segments",
    bins: "Score levels",
    binsHint: "From 2 to 10; 5 is usual.",
    breakpointsToggle: "Set the score breakpoints myself",
    breakpointsHint: (count: string) => `${count} increasing upper bounds, separated by commas.`,
    breakpointLabels: {
      r: "Recency breakpoints (days)",
      f: "Frequency breakpoints (orders)",
      m: "Monetary breakpoints",
    },
    dimensionNames: {
      r: "recency",
      f: "frequency",
      m: "monetary",
    },
    scheme: "Segments",
    schemes: {
      rfm: "RFM segments (Champions, Loyal Customers …)",
      cn8: "Eight value classes (Important value …)",
      custom: "My own rules",
    },
    rulesCaption: "Custom segment rules. The first rule a customer matches names its segment; customers who match none are Others.",
    ruleName: "Segment name",
    ruleMin: (dimension: string) => `${dimension} min`,
    ruleMax: (dimension: string) => `${dimension} max`,
    ruleCell: (row: string, column: string) => `Rule ${row}: ${column}`,
    addRule: "Add rule",
    removeRule: (row: string) => `Remove rule ${row}`,
    abcToggle: "ABC classes",
    aCut: "Class A ends at (% of total)",
    bCut: "Class B ends at (% of total)",
    basis: "Accumulate",
    abcMethod: "Class limits",
    abcMethods: {
      fixed: "Fixed cuts",
      computed: "Computed from the ABC curve (Ultsch & Lötsch)",
    },
    abcComputedHint: "The limits come from the data: A ends at the Pareto or break-even point of the ABC curve, B at the submarginal point. The cuts above are not used.",
    bases: {
      revenue: "Revenue",
      margin: "Margin",
      orders: "Orders",
    },
    clvToggle: "Customer lifetime value",
    clv: {
      clvMargin: "Margin (%)",
      retention: "Yearly retention (%)",
      discount: "Yearly discount rate (%)",
      years: "Lifespan (years)",
    },
    predictToggle: "Predict CLV & churn",
    predict: {
      unit: "Model time unit",
      units: { day: "Days", week: "Weeks", month: "Months" },
      horizonMonths: "Horizon (months)",
      monthlyDiscount: "Monthly discount rate (%)",
      hint: "Fits the BG/NBD and Gamma-Gamma models to the purchases up to the analysis date; adds P(alive), expected purchases, predicted CLV and lifecycle stages to the Tiers sheet and writes a Churn warning sheet.",
      moreOptions: "More options",
      newDays: "New: first purchase within (days)",
      activeMultiple: "Active: within this many usual gaps",
      silentMultiple: "Silent: within this many usual gaps",
      churnCapDays: "Churned after (days)",
      churnCapHint: "Leave blank for no cap.",
      cantLoseShare: "Can't lose: top customers by value (%)",
      cantLoseRisk: "Can't lose: churn risk from (%)",
    },
    summaryBy: "Summary rows",
    summaryByOptions: {
      segment: "RFM segments",
      abcClass: "ABC classes",
      score: "Score bands",
    },
    /** The weighted score's editor (Analysis section). */
    score: {
      toggle: "Weighted score",
      hint: "Combines the metrics below into a score from 0 to 100: each is ranked among the customers, turned so that better is higher, and weighted. A customer with a blank metric is scored on the metrics they have.",
      metricsCaption: "Metrics in the score",
      metricHeader: "Metric",
      weightHeader: "Weight",
      directionHeader: "Better when",
      weightOf: (metric: string) => `Weight of ${metric}`,
      directionOf: (metric: string) => `${metric}: better when`,
      directions: {
        higher: "Higher",
        lower: "Lower",
      },
      needs: {
        clv: "turn on Customer lifetime value",
        marginColumn: "choose the margin column under Columns",
        extraColumn: "choose the extra measure column under Columns",
        predict: "turn on Predict CLV & churn",
      },
      unavailable: (fix: string) => `Not available: ${fix}, or leave it out.`,
      method: "Normalisation",
      methods: {
        percentile: "Percentile rank",
        minmax: "Min–max",
      },
      bands: "Bands",
      bandKinds: {
        shares: "By share of customers",
        thresholds: "By score thresholds",
      },
      shareOf: (band: string) => `${band} (% of customers)`,
      thresholdOf: (band: string) => `${band} from score`,
      restShare: (band: string, share: string) => `${band}: the rest (${share} %)`,
      restThreshold: (band: string, threshold: string) => `${band}: below ${threshold}`,
      problems: {
        noMetric: "Include at least one metric in the weighted score.",
        weight: (metric: string, value: string) => `The weight of ${metric} is "${value}"; use a number of 0 or more, such as 1.`,
        weightsZero: "All weights of the score are 0; give at least one included metric a weight above 0.",
        unavailable: (metric: string, fix: string) => `${metric} is in the weighted score but the data does not offer it: ${fix}, or leave ${metric} out.`,
        shares: (rest: string) =>
          `The band shares must be percentages above 0 that add up to 100 or less (${rest} takes the rest), such as 5, 15, 30, 30.`,
        thresholds: (rest: string) =>
          `The band thresholds must be scores from 100 down to 0, each below the one before (${rest} is below the last), such as 80, 60, 40, 20.`,
      },
    },
    /** The playbook: a strategy text per tier, edited in the pane and written by the run. */
    playbook: {
      heading: "Playbook",
      intro: "What to do for each tier. Run writes these strategies into the summary and the results; the texts you change are saved with the analysis in this workbook.",
      /** The tier basis as it reads inside a sentence. */
      bases: { segment: "RFM segments", abcClass: "ABC classes", score: "score bands" },
      edit: (basis: string, count: string) => `Strategies for ${basis} (${count})`,
      edited: "Edited",
      reset: "Reset to default",
      resetOf: (tier: string) => `Reset to default: ${tier}`,
    },
    /** After a run: the snapshot it saved and the customers closest to the next tier. */
    upgrade: {
      snapshotSaved: (asOf: string) => `Saved as snapshot of ${asOf}.`,
      snapshotMissing: "No snapshot saved",
      heading: "Closest to the next tier",
      hint: "The customers who need the least to move up a tier. Select one to go to their row.",
      /** After the customer's name (the link): their tier, the next one up, and the gap. */
      detail: (tier: string, next: string, gap: string) => `: ${tier} → ${next}, ${gap}`,
      gap: {
        revenue: (amount: string) => `${amount} more revenue`,
        margin: (amount: string) => `${amount} more margin`,
        orders: (count: number, shown: string) => (count === 1 ? `${shown} more order` : `${shown} more orders`),
        points: (points: string) => `${points} more points`,
      },
      selectRow: (customer: string, sheet: string) => `Select the row of ${customer} on the sheet "${sheet}"`,
    },
    runHeading: "Run",
    run: "Run",
    cancel: "Cancel",
    progressLabel: "Progress",
    phases: {
      read: "Reading the data…",
      compute: "Computing tiers…",
      write: "Writing the sheets…",
      pivot: "Building the PivotTable…",
      predict: "Fitting the CLV and churn models…",
    },
    settingsRestored: "Settings restored from this workbook. Press Run to repeat the analysis on the current data.",
    cannotRun: "Fix these first",
    runFailed: "The run stopped",
    cancelled: "Run cancelled.",
    runDone: (customers: string, results: string, summary: string) =>
      `Done: ${customers} customers tiered. Results are on the sheet "${results}", the summary on "${summary}".`,
    pivotMissing: "No PivotTable",
    churnDone: (sheet: string) => `The churn warning list is on the sheet "${sheet}".`,
    predictMissing: "No CLV and churn prediction",
    quality: (read: string, used: string) => `Read ${read} rows, used ${used}.`,
    qualityOrders: (orders: string) => `They form ${orders} orders.`,
    leftOut: (count: string, reasons: string) => `Left out ${count}: ${reasons}.`,
    reasonCount: (count: string, reason: string) => `${count} with ${reason}`,
    /** Between the reasons of the data-quality line. */
    reasonSeparator: "; ",
    reasons: {
      blankCustomer: "a blank customer",
      blankDate: "a blank date",
      badDate: "a date that cannot be read",
      dateOutOfRange: "a date out of range",
      blankAmount: "a blank amount",
      badAmount: "an amount that is not a number",
      blankNumber: "a blank number",
      badNumber: "a cell that is not a number",
      excelError: "an Excel error",
      negativeValue: "a negative value",
      nonPositiveValue: "a zero or negative value",
      returns: "a negative amount (returns or cancellations)",
    },
    reasonOther: (code: string) => `another problem (${code})`,
    showFirstProblem: (cell: string) => `Select the first one (${cell})`,
    chartHeading: "Tier chart",
    chartKind: "Chart",
    charts: {
      column: "Customers and revenue by tier (columns)",
      pie: "Revenue share (pie)",
      doughnut: "Revenue share (doughnut)",
      pareto: "Pareto: revenue and cumulative share",
      scatter: "Frequency against monetary (scatter)",
      radar: "Mean R, F, M scores (radar)",
      heatmap: "Mean monetary by R × F (heat map)",
    },
    buildChart: "Build tier chart",
    chartDone: (name: string, sheet: string) => `Built "${name}" on the sheet "${sheet}".`,
    chartFailed: "No chart built",
    unexpected: (message: string) => `Something went wrong: ${message}`,
    problems: {
      noSource: "Choose the data: select it in the sheet and press Use selection, or choose an Excel table.",
      missingRole: (role: string) => `Choose the ${role} column.`,
      roleOutOfRange: (role: string) => `The ${role} column is no longer in the data; choose it again.`,
      sharedColumn: (a: string, b: string) => `${a} and ${b} use the same column; choose a different column for each.`,
      noAnalysis: "Turn on at least one analysis: RFM, ABC or the weighted score (lifetime value is added to the tiers they make).",
      asOf: (value: string) => `The analysis date "${value}" is not a date; use a date such as 2011-12-31, or leave it blank.`,
      bins: (value: string) => `Score levels is "${value}"; use a whole number from 2 to 10.`,
      breakpoints: (dimension: string, count: string) =>
        `Give ${count} increasing ${dimension} breakpoints, separated by commas (one fewer than the score levels).`,
      noRules: "Add at least one custom segment rule, or choose a built-in segment scheme.",
      ruleName: (row: string) => `Custom rule ${row}: give the segment a name.`,
      ruleBound: (row: string, dimension: string) =>
        `Custom rule ${row}: the ${dimension} scores must be whole numbers from 1 to the score levels.`,
      ruleRange: (row: string, dimension: string) => `Custom rule ${row}: the ${dimension} minimum is above its maximum.`,
      cuts: "The ABC cuts must be percentages above 0 and up to 100, with class A ending below class B (80 and 95 are usual).",
      marginBasis: "ABC on margin needs the margin column; choose it under Columns, or accumulate revenue.",
      percent: (field: string) => `${field} must be a percentage from 0 to 100.`,
      years: (value: string) => `Lifespan is "${value}"; use a number of years above 0, such as 3.`,
      summaryBySegment: "Summary rows by RFM segment need RFM; turn RFM on, or summarize by ABC class or score band.",
      summaryByClass: "Summary rows by ABC class need ABC; turn ABC on, or summarize by RFM segment or score band.",
      predict: (field: string, value: string, rule: string) => `${field} is "${value}"; ${rule}.`,
      predictRules: {
        horizonMonths: "use a whole number of months from 1 to 240, such as 12",
        monthlyDiscount: "use a percentage from 0 up to 100, such as 1",
        newDays: "use a number of days, 0 or more",
        activeMultiple: "use a positive number such as 1.5",
        silentMultiple: "use a number at least as large as the Active one, such as 3",
        churnCapDays: "use a positive number of days, or leave it blank",
        cantLoseShare: "use a percentage above 0 and up to 100, such as 20",
        cantLoseRisk: "use a percentage from 0 to 100, such as 50",
      },
    },
    preview: {
      title: "Tiering preview",
      intro: "The task pane (right) works on an in-memory workbook (left) loaded with a sample of the UCI Online Retail data, as it works on your workbook in Excel. Click a cell to select it.",
      introCdnow:
        "The task pane (right) works on an in-memory workbook (left) holding the CDNOW purchases of 1997 in two sheets, one per half-year: run the analysis on each, then compare the two and try a pilot group. Click a cell to select it.",
      workbook: "Workbook",
      sheets: "Sheets",
      sheetRegion: (sheet: string, cell: string) => (cell ? `Sheet ${sheet}, selected cell ${cell}` : `Sheet ${sheet}`),
      rowHeader: "Row",
      moreRows: (count: string) => `… and ${count} more rows (the add-in reads them all).`,
      emptySheet: "This sheet is empty.",
      pane: "Task pane",
    },
    /** Compare & pilot (issue 4): snapshots, tier migration, pilot and control groups. */
    dynamic: {
      heading: "Compare & pilot",
      intro:
        "Each run keeps its tiers as a snapshot in the workbook. Compare two snapshots to see how customers moved between tiers, then try a strategy on a pilot group of one tier and measure it against a control group.",
      loading: "Reading the snapshots…",
      listFailed: "The snapshots and pilots could not be read",
      migrationHeading: "Tier migration",
      noSnapshots: "No snapshots yet. Each run saves one: run the analysis now and again on later data (next month, or the next period) to compare them.",
      oneSnapshot: "One snapshot so far. Run the analysis again on later data to have two to compare.",
      earlier: "Earlier snapshot",
      later: "Later snapshot",
      choose: "Choose a snapshot",
      snapshotOption: (asOf: string, basis: string, customers: string) => `${asOf}: ${basis}, ${customers} customers`,
      tierBy: {
        segment: "segments",
        abcClass: "ABC classes",
        score: "score bands",
      },
      compare: "Compare",
      comparing: "Comparing the snapshots…",
      sameSnapshot: "Choose two different snapshots: an earlier one and a later one.",
      compareFailed: "No comparison",
      migrationDone: (sheet: string) => `The from→to matrix, the per-tier effects and a migration chart are on the sheet "${sheet}".`,
      migrationCaption: (customers: string, before: string, after: string) =>
        `The ${customers} customers of ${before}, by ${after}`,
      rates: {
        upgrade: "Moved up",
        downgrade: "Moved down",
        changed: "Moved to another segment",
        stay: "Stayed",
        gone: "Gone",
        newCustomers: "New customers",
      },
      unordered: "Segments have no order from best to worst, so a move between them counts as a change, neither up nor down.",
      effectsCaption: "Per tier of the earlier snapshot",
      effects: {
        tier: "Tier",
        customers: "Customers",
        retention: "Retained",
        repurchase: "Bought again",
        revenueChange: "Revenue change",
      },
      pilotHeading: "Pilot group",
      pilotIntro:
        "Pick a random pilot group in one tier to try a strategy on, and a control group of the same tier that carries on as before. The same seed picks the same customers.",
      snapshot: "Snapshot",
      tier: "Tier",
      chooseTier: "Choose a tier",
      share: "Pilot share (%)",
      controlShare: "Control share (%)",
      seed: "Seed",
      seedHint: "Any whole number; keep it to pick the same customers again.",
      strategy: "Strategy being tried",
      pick: "Pick pilot group",
      picking: "Picking the groups…",
      pickFailed: "No pilot group",
      cannotPick: "Fix these first",
      pilotDone: (pilot: string, control: string, tier: string, sheet: string) =>
        `Picked ${pilot} pilot and ${control} control customers in ${tier}. The list is on the sheet "${sheet}".`,
      problems: {
        noSnapshot: "Choose the snapshot to pick the pilot from.",
        noTier: "Choose the tier to try the strategy on.",
        share: (value: string) => `Pilot share is "${value}"; use a percentage above 0 and up to 100, such as 10.`,
        controlShare: (value: string) => `Control share is "${value}"; use a percentage above 0 and below 100, such as 10.`,
        total: "The pilot and control shares add up to more than 100 %; make them smaller.",
        seed: (value: string) => `Seed is "${value}"; use a whole number such as 1.`,
      },
      measureHeading: "Measure a pilot",
      noPilots: "No pilot groups yet. Pick one above; after the next period, run the analysis again and measure it here.",
      pilot: "Pilot group",
      pilotOption: (tier: string, asOf: string, share: string, seed: string) => `${tier} on ${asOf}: ${share}, seed ${seed}`,
      measureIn: "Measure in snapshot",
      measure: "Compare with snapshot",
      measuring: "Comparing pilot and control…",
      measureFailed: "No pilot comparison",
      measureDone: (sheet: string) => `The comparison is on the sheet "${sheet}", beside the pilot's list.`,
      comparisonCaption: (tier: string, before: string, after: string) => `Pilot against control in ${tier}, from ${before} to ${after}`,
      comparison: {
        measure: "Measure",
        pilot: "Pilot",
        control: "Control",
        difference: "Difference",
        interval: (confidence: string) => `${confidence} interval`,
      },
      measures: {
        repurchase: "Bought again",
        revenue: "Revenue change per customer",
      },
      groupSizes: (pilot: string, control: string) => `${pilot} pilot and ${control} control customers.`,
      interval: (low: string, high: string) => `${low} to ${high}`,
      missing: "–",
      verdicts: {
        higher: (measure: string, confidence: string) =>
          `${measure}: the pilot did better than the control, and the ${confidence} interval lies wholly above 0, so the difference is unlikely to be chance.`,
        lower: (measure: string, confidence: string) =>
          `${measure}: the pilot did worse than the control, and the ${confidence} interval lies wholly below 0, so the difference is unlikely to be chance.`,
        unclear: (measure: string, confidence: string) =>
          `${measure}: the ${confidence} interval includes 0, so the difference could be chance. Wait for more purchases or try a larger pilot.`,
        none: (measure: string) => `${measure}: one of the groups is too small to compare.`,
      },
    },
  },
  workbook: {
    sheets: {
      results: "Tiers",
      summary: "Tier Summary",
      churn: "Churn warning",
    },
    /** When the source has no header row: "Column A". */
    columnLetter: (letter: string) => `Column ${letter}`,
    /** The mapped input columns, as the error sentences name them. */
    roles: {
      customer: "customer",
      date: "date",
      amount: "amount",
      quantity: "quantity",
      margin: "margin",
      category: "category",
      extra: "extra measure",
      order: "order",
    },
    columns: {
      customer: "Customer",
      firstPurchase: "First purchase",
      lastPurchase: "Last purchase",
      recencyDays: "Recency (days)",
      frequency: "Frequency (orders)",
      monetary: "Monetary",
      r: "R score",
      f: "F score",
      m: "M score",
      rfmCode: "RFM code",
      segment: "Segment",
      abcClass: "ABC class",
      cumulativeShare: "Cumulative share",
      clv: "CLV",
      margin: "Margin",
      mainCategory: "Main category",
      extraMean: (name: string) => `Mean ${name}`,
      predictedClv: (months: number) => `Predicted CLV (${months} months)`,
    },
    summary: {
      segment: "Segment",
      abcClass: "ABC class",
      strategy: "Strategy",
      customers: "Customers",
      customerShare: "Share of customers",
      orders: "Orders",
      revenue: "Revenue",
      revenueShare: "Share of revenue",
      cumulativeRevenueShare: "Cumulative share of revenue",
      avgRecency: "Average recency (days)",
      avgFrequency: "Average frequency",
      avgMonetary: "Average monetary",
      avgClv: "Average CLV",
      expectedPurchases: (months: number) => `Expected purchases (${months} months)`,
      expectedRevenue: (months: number) => `Expected revenue (${months} months)`,
      avgPAlive: "Average P(alive)",
      avgExtra: (name: string) => `Average ${name}`,
      meanR: "Mean R score",
      meanF: "Mean F score",
      meanM: "Mean M score",
      heatTitle: "Mean monetary by R score (rows) and F score (columns)",
      heatCorner: "R \\ F",
      pivotCount: "Customers (count)",
      pivotSum: "Revenue (sum)",
      pivotNote: (version: string) =>
        `This Excel does not support PivotTables through add-ins (ExcelApi ${version} is needed), so the summary table above stands alone.`,
    },
    charts: {
      column: "Share of customers and revenue by tier",
      pie: "Share of revenue by tier",
      doughnut: "Share of revenue by tier",
      pareto: "Revenue by tier (Pareto)",
      scatter: "Average frequency and monetary by tier",
      radar: "Mean R, F and M score by segment",
      heatmap: "Mean monetary by R and F score",
      tierAxis: "Tier",
      shareAxis: "Share",
      revenueAxis: "Revenue",
      cumulativeAxis: "Cumulative share of revenue",
      frequencyAxis: "Average frequency (orders)",
      monetaryAxis: "Average monetary",
    },
    strategies: {
      A: "VIP service and personal offers",
      B: "Regular care and promotions",
      C: "Standard service",
      champions: "Reward them; ask for reviews and referrals; early access to new products",
      potentialLoyalist: "Offer membership or a loyalty programme; recommend related products",
      loyalCustomers: "Upsell higher-value products; ask for reviews; keep them engaged",
      promising: "Build the relationship: brand content and free trials",
      newCustomers: "Onboard them well; welcome offer on the second order",
      cantLoseThem: "Win them back with renewals or new products; talk to them in person",
      atRisk: "Personal e-mails and offers to reconnect; remind them what they bought",
      needAttention: "Limited-time offers based on their past purchases",
      aboutToSleep: "Share popular products and discounts; reconnect before they leave",
      lost: "Try a reactivation campaign; otherwise spend little",
      others: "Standard service; watch how they move",
      importantValue: "Keep them: VIP service, personal offers and priority support",
      importantDevelop: "Raise purchase frequency: loyalty points and reminders",
      importantKeep: "Recently quiet high spenders: reach out in person and bring them back",
      importantRetain: "High value at risk of leaving: a strong win-back offer",
      generalValue: "Raise spending: bundles and upselling",
      generalDevelop: "New or occasional buyers: welcome series and small incentives",
      generalKeep: "Keep in touch with low-cost campaigns",
      generalRetain: "Low value and inactive: low-cost reactivation, or let them go",
      diamond: "Exclusive service: a dedicated account manager, VIP events and first access to new products",
      platinum: "Priority service and personal offers; show the way to Diamond",
      gold: "Member rewards and regular personal offers; show what Platinum adds",
      silver: "Loyalty points and targeted promotions to raise spend and frequency",
      bronze: "Standard service; nudges to the next level (double points, a comeback offer)",
      custom: "Describe how to serve this tier",
    },
    quality: {
      returns: "a negative amount (a return or cancellation); it is left out",
      cellProblem: (cell: string, what: string) => `Cell ${cell}: ${what}.`,
    },
    errors: {
      noSelection: "Select the data (or one cell inside it) first.",
      noSource: "Choose the data first: use the selection or pick a table.",
      sourceGone: (source: string) => `The data at ${source} is no longer in the workbook; choose the data again.`,
      noRows: "The data has no rows below its header; select the whole data range.",
      mappingMissing: (role: string) => `Map the ${role} column before running.`,
      mappingOutside: (role: string, count: number) =>
        `The ${role} column is outside the data, which has ${count} columns; map it again.`,
      noUsableRows: "No row could be used; check that the customer, date and amount columns are mapped correctly.",
      noRun: "Run the analysis first; the chart is built on its summary sheet.",
      summaryGone: "The summary sheet of the last run was deleted; run the analysis again.",
      chartNeedsRfm: "This chart needs RFM scores; turn on RFM and run again.",
      noAnalysis: "Turn on RFM, ABC or the weighted score before running.",
      tierByNeedsRfm: "The summary is by segment, which needs RFM; turn on RFM or summarise by ABC class.",
      tierByNeedsAbc: "The summary is by ABC class, which needs ABC; turn on ABC or summarise by segment.",
      tierByNeedsScore: "The summary is by score band, which needs the weighted score; set up the score (metrics and weights) or summarise by segment or ABC class.",
      scoreMetricUnavailable: (metric: string, fix: string) => `The score uses ${metric}, which this run does not compute; ${fix}, or take it out of the score.`,
      /** What makes a score metric available (src/core/tiers/score.ts ScoreMetric; recency, frequency and monetary always are). */
      scoreMetricFixes: {
        clv: "turn on lifetime value (CLV)",
        margin: "map the margin column",
        extra: "map the extra measure column",
        predictedClv: "turn on Predict CLV & churn",
        pAlive: "turn on Predict CLV & churn",
      },
      marginBasisNeedsColumn: "ABC by margin needs a margin column; map one or choose another basis.",
      clvMargin: (value: string) => `The CLV margin is ${value}; use a share from 0 to 1 (30% is 0.3).`,
      clvRetention: (value: string) => `The CLV retention is ${value}; use a share from 0 to 1 (80% is 0.8).`,
      clvDiscount: (value: string) => `The CLV discount rate is ${value}; use a yearly rate from 0 up to (not including) 1.`,
      clvYears: (value: string) => `The CLV horizon is ${value} years; use a number of years, 0 or more.`,
      cantLoseShare: (value: string) => `The "can't lose" share of top customers is ${value}; use a share above 0 and up to 1 (20% is 0.2).`,
      cantLoseRisk: (value: string) => `The "can't lose" churn risk is ${value}; use a share from 0 to 1 (50% is 0.5).`,
      badAsOf: (value: string) => `The analysis date "${value}" is not a date; use a date such as 2024-01-05.`,
      cancelled: "The run was cancelled; sheets written so far are the add-in's and the next run replaces them.",
      tooLarge: "Excel refused the data as too large for one request; run on fewer rows or report this problem.",
      excel: (message: string) => `Excel reported a problem: ${message}`,
    },
    churn: {
      rank: "Rank",
      clvIfAlive: (months: number) => `CLV if still a customer (${months} months)`,
      failed: (reason: string) => `No CLV and churn prediction: ${reason} The tiers and lifecycle stages were written without it.`,
    },
    /** The weighted score's columns on the results sheet (issue 4). */
    score: {
      score: "Score",
      band: "Band",
    },
    /** The playbook on the results sheet: each customer's tier strategy. */
    playbook: {
      strategy: "Strategy",
    },
    /** Upgrade candidates: the next tier up and the gap to it, in what the tiers are cut by. */
    upgrade: {
      nextTier: "Next tier up",
      gap: {
        revenue: "Gap to next tier (revenue)",
        margin: "Gap to next tier (margin)",
        orders: "Gap to next tier (orders)",
        points: "Gap to next tier (score points)",
      },
      mScore: (score: number) => `M score ${score}`,
    },
    /** The snapshot history: a hidden sheet with every run's tiers. */
    history: {
      sheet: "Tier history",
      columns: {
        snapshot: "Snapshot",
        asOf: "Analysis date",
        tierBy: "Tier basis",
        customer: "Customer",
        tierKey: "Tier key",
        tier: "Tier",
        revenue: "Revenue",
        orders: "Orders",
        lastPurchase: "Last purchase",
      },
      failed: (reason: string) => `The tiers were written, but this run was not saved as a snapshot in the workbook's history: ${reason}`,
      full: (customers: number, capacity: number, snapshots: number, rows: number, must: number, sheets: string) =>
        `this run's ${customers.toLocaleString("en-US")} customers do not fit in the history (it holds ${capacity.toLocaleString("en-US")} rows of snapshots) even without the snapshots no pilot uses: ${snapshots === 1 ? "the snapshot" : `the ${snapshots} snapshots`} that pilots use (the pilots on ${sheets}) hold ${rows.toLocaleString("en-US")} rows, and ${must === 1 ? "one of them must" : `${must} of them must`} go. Delete the sheets of the pilots you no longer need (a pilot without its sheet no longer keeps its snapshot) and run again.`,
      dropped: (count: number, list: string) =>
        `The history had no room for this run, so ${count === 1 ? "its oldest snapshot that no pilot uses was" : `its ${count} oldest snapshots that no pilot uses were`} removed: ${list}.`,
      droppedItem: (asOf: string, basis: string) => `${asOf} (${basis})`,
      gone: "The workbook's history sheet was deleted, so its snapshots are gone; run the analysis to start a new history.",
      changed: (sheet: string, id: string, asOf: string) =>
        `The history was changed outside the add-in: the rows of the snapshot of ${asOf} (${id}) on the hidden sheet "${sheet}" are no longer where the add-in put them (rows sorted, moved or deleted), so it cannot be read. Undo that change if you can; otherwise choose another snapshot, or run the analysis for that period again.`,
    },
    /** The "Tier migration" sheet: two snapshots compared. */
    migration: {
      sheet: "Tier migration",
      title: (before: string, after: string, basis: string) => `Tier migration from ${before} to ${after} (${basis})`,
      basis: {
        segment: "RFM segments",
        abcClass: "ABC classes",
        score: "score bands",
      },
      counts: "Customers by their tier in the earlier snapshot (rows) and in the later one (columns)",
      revenue: "Revenue in the later snapshot, by the same rows and columns (a gone customer: its revenue in the earlier snapshot)",
      corner: "Before \\ After",
      newRow: "New",
      goneColumn: "Gone",
      total: "Total",
      rates: "How the earlier snapshot's customers moved",
      rateColumns: {
        movement: "Movement",
        customers: "Customers",
        share: "Share",
      },
      rateRows: {
        customers: "Customers in the earlier snapshot",
        upgrade: "Moved up",
        downgrade: "Moved down",
        changed: "Moved to another segment (segments have no order, so no up or down)",
        stay: "Stayed",
        gone: "Gone",
        newCustomers: "New (only in the later snapshot)",
      },
      effects: "Per tier of the earlier snapshot: how its customers did by the later one",
      effectColumns: {
        tier: "Tier (earlier)",
        customers: "Customers",
        retained: "Still customers",
        retention: "Retention rate",
        repurchased: "Bought again",
        repurchase: "Repurchase rate",
        revenueBefore: "Revenue before",
        revenueAfter: "Revenue after",
        revenueChange: "Revenue change",
        revenueChangeRate: "Revenue change (%)",
      },
      chart: "Where each tier's customers went",
      /** What differs between two snapshots of the same basis (`errors.differentTiering`). */
      differences: {
        scheme: (before: string, after: string) => `segments by "${before}" and by "${after}"`,
        rules: "custom segment rules that differ",
        scores: "RFM scores with different bins or breakpoints",
        abcMethod: (before: string, after: string) => `class limits by "${before}" and by "${after}"`,
        abcBasis: (before: string, after: string) => `classes accumulating ${before} and ${after}`,
        abcCuts: (before: string, after: string) => `class cuts of ${before} and ${after}`,
        scoreMetrics: "scores of different metrics, weights or directions",
        scoreMethod: (before: string, after: string) => `scores normalised by ${before} and by ${after}`,
        scoreBands: "score bands cut differently",
        unknown: "one of them was saved before the add-in kept how a snapshot was tiered",
      },
      chartAxis: "Tier in the earlier snapshot",
      shareAxis: "Share of the tier's customers",
      errors: {
        unknownSnapshot: (id: string) => `There is no snapshot "${id}" in this workbook's history; choose one from the list (each run saves one).`,
        differentBasis: (before: string, after: string) =>
          `The two snapshots are tiered differently (${before} and ${after}); compare snapshots tiered the same way.`,
        differentTiering: (what: string) =>
          `The two snapshots are tiered differently (${what}), so moving up or down between them would mix two orders of tiers; compare snapshots tiered the same way, or run the analysis again with the same settings for the period that differs.`,
        notEarlier: (before: string, after: string) =>
          `The earlier snapshot must have an earlier analysis date than the later one, but they are ${before} and ${after}; swap them or choose others.`,
      },
    },
    /** A pilot (gray) group's sheet, and its comparison with the control group. */
    pilot: {
      sheet: "Pilot",
      title: (tier: string) => `Pilot group in ${tier}`,
      parameters: {
        strategy: "Strategy tried",
        tier: "Tier",
        asOf: "Snapshot (analysis date)",
        share: "Pilot share",
        controlShare: "Control share",
        seed: "Seed",
        pilot: "Pilot customers",
        control: "Control customers",
      },
      columns: {
        customer: "Customer",
        tier: "Tier",
        group: "Group",
        repurchased: (pilot: string, later: string) => `Bought between ${pilot} and ${later}`,
        revenueChange: "Revenue change",
      },
      groups: {
        pilot: "Pilot",
        control: "Control",
      },
      yes: "Yes",
      no: "No",
      comparison: {
        title: (after: string) => `Pilot against control in the snapshot of ${after}`,
        measure: "Measure",
        pilot: "Pilot",
        control: "Control",
        difference: "Difference (pilot − control)",
        low: (confidence: string) => `${confidence} interval, low`,
        high: (confidence: string) => `${confidence} interval, high`,
        nPilot: "Pilot customers",
        nControl: "Control customers",
        repurchase: "Share who bought again",
        revenue: "Revenue change per customer",
      },
      errors: {
        unknownPilot: (id: string) => `There is no pilot "${id}" in this workbook; choose one from the list.`,
        unknownTier: (tier: string, asOf: string) => `The snapshot of ${asOf} has no tier "${tier}"; choose one of its tiers.`,
        share: (value: string) => `The pilot share is ${value}; use a share above 0 and at most 1 (10% is 0.1).`,
        controlShare: (value: string) => `The control share is ${value}; use a share from 0 to 1 (10% is 0.1).`,
        shares: (sum: string) => `The pilot and control shares add up to ${sum}; together they can take at most the whole tier (1).`,
        seed: (value: string) => `The seed is ${value}; use a whole number such as 1.`,
        empty: (tier: string) => `The pilot group would be empty: ${tier} has too few customers for this share; use a larger share or another tier.`,
        sheetGone: (sheet: string) =>
          `The pilot's sheet "${sheet}" is no longer in the workbook, so there is nowhere to write the comparison; pick the pilot again (the same seed picks the same customers).`,
        notLater: (pilot: string, after: string) =>
          `Compare the pilot with a later snapshot: it was picked from the snapshot of ${pilot}, and this one is of ${after}.`,
        listChanged: (sheet: string) =>
          `The customer list on the pilot's sheet "${sheet}" was changed (customers added, removed or edited), so the outcomes cannot be placed beside it; undo the change, or pick the pilot again (the same seed picks the same customers). Sorting the list is fine.`,
      },
    },
  },
  predict: {
    units: { day: "days", week: "weeks", month: "months" },
    columns: {
      customer: "Customer",
      x: "Repeat purchases (x)",
      tx: (unit: string) => `t_x (${unit})`,
      T: (unit: string) => `T (${unit})`,
      pAlive: "P(alive)",
      expectedPurchases: (months: number) => `Expected purchases (${months} months)`,
      expectedSpend: "Expected average spend",
      clv: (months: number) => `CLV (${months} months)`,
      stage: "Lifecycle stage",
      recencyDays: "Days since last purchase",
      gapDays: "Typical gap (days)",
      churnRisk: "Churn risk",
      clvAtRisk: "CLV at risk",
      cantLose: "Can't lose",
    },
    stages: { new: "New", active: "Active", silent: "Silent", churned: "Churned" },
    fit: {
      parameter: "Parameter",
      estimate: "Estimate",
      standardError: "Standard error",
      bgnbdLogLikelihood: "BG/NBD log-likelihood",
      paretoLogLikelihood: "Pareto/NBD log-likelihood",
      gammaGammaLogLikelihood: "Gamma-Gamma log-likelihood",
      customers: "Customers",
      repeatCustomers: "Customers with repeat spend",
      unit: "Time unit",
      calibrationEnd: "End of calibration",
      correlation: "Correlation of frequency and spend",
    },
  },
  ribbon: {
    groupLabel: "Tiering",
    openPaneLabel: "Show Tiering",
    openPaneTip: "Open the Tiering pane to tier customers.",
    getStartedTitle: "Get started with Tiering",
    getStartedDescription: "Tiering is ready. Type =TIER. in a cell to see its functions, or choose Show Tiering on the Home tab.",
    buildChartLabel: "Build tier chart",
    buildChartTip: "Build the chart last chosen in the Tiering pane (a column chart at first) on the Tier Summary sheet. Run the analysis first.",
  },
};

/** The shape every catalog must have (strings and message functions, same keys as English). */
export type Messages = Widen<typeof en>;
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends (...a: never[]) => string ? T[K] : Widen<T[K]> };
