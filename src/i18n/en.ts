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
  },
  cli: {
    usage: `Usage:
  tier rfm FILE.csv [--customer COL] [--date COL] [--amount COL] [--as-of YYYY-MM-DD]
                    [--bins N] [--frequency orders|days] [--monetary total|average]
                    [--segments rfm|cn8|RULES.csv] [--summary] [--format csv|json]
                    [--r-breaks 30,90,180,365] [--f-breaks 1,2,5,10] [--m-breaks 100,250,500,1000]
  tier abc FILE.csv --value COL [--a-cut 0.8] [--b-cut 0.95] [--basis value|count]
                    [--id COL] [--summary] [--format csv|json]
  tier clv FILE.csv [--avg-purchase COL] [--frequency COL] [--lifespan COL] [--margin COL|NUMBER]
                    [--discount-rate RATE] [--id COL] [--format csv|json]
  tier clv --avg-purchase N --frequency N --lifespan N --margin N [--discount-rate RATE]
  tier bench [FILE.csv] [--rows N]

Columns default to customer_id, date and amount. Messages follow LANG (zh_CN for Chinese).`,
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
  },
  pane: {
    welcomeTitle: "Welcome to Tiering",
    welcomeBody:
      "Tier your customers: choose the data and its columns, run RFM, ABC and lifetime value, then build a tier chart. The TIER functions work in any cell too.",
    functionsHeading: "Functions",
    languageLabel: "Language",
    rfmHelp: "RFM scores and segments from transactions",
    rfmScoreHelp: "RFM scores and segments from customer columns",
    abcHelp: "ABC (Pareto) classes",
    clvHelp: "Customer lifetime value",
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
      extra: "Extra number",
    },
    amountAsUnitPrice: "Unit price",
    roleHints: {
      customer: "The customer id or name",
      date: "The purchase date",
      amount: "The order amount; with a quantity column, the unit price",
      quantity: "Optional: amount = quantity × unit price",
      margin: "Optional: gross margin per order",
      category: "Optional: a dimension such as region or channel",
      extra: "Optional: another number to average per tier",
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
    summaryBy: "Summary rows",
    summaryByOptions: {
      segment: "RFM segments",
      abcClass: "ABC classes",
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
    },
    settingsRestored: "Settings restored from this workbook. Press Run to repeat the analysis on the current data.",
    cannotRun: "Fix these first",
    runFailed: "The run stopped",
    cancelled: "Run cancelled.",
    runDone: (customers: string, results: string, summary: string) =>
      `Done: ${customers} customers tiered. Results are on the sheet "${results}", the summary on "${summary}".`,
    pivotMissing: "No PivotTable",
    quality: (read: string, used: string) => `Read ${read} rows, used ${used}.`,
    leftOut: (count: string, reasons: string) => `Left out ${count}: ${reasons}.`,
    reasonCount: (count: string, reason: string) => `${count} with ${reason}`,
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
      blankQuantity: "a blank quantity",
      badQuantity: "a quantity that is not a number",
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
      noAnalysis: "Turn on at least one analysis: RFM, ABC or lifetime value.",
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
      summaryBySegment: "Summary rows by RFM segment need RFM; turn RFM on, or summarize by ABC class.",
      summaryByClass: "Summary rows by ABC class need ABC; turn ABC on, or summarize by RFM segment.",
    },
  },
  ribbon: {
    groupLabel: "Tiering",
    openPaneLabel: "Show Tiering",
    openPaneTip: "Open the Tiering pane to tier customers.",
    getStartedTitle: "Get started with Tiering",
    getStartedDescription: "Tiering is ready. Type =TIER. in a cell to see its functions, or choose Show Tiering on the Home tab.",
  },
};

/** The shape every catalog must have (strings and message functions, same keys as English). */
export type Messages = Widen<typeof en>;
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends (...a: never[]) => string ? T[K] : Widen<T[K]> };
