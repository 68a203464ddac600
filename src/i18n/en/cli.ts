/**
 * The `tier` command's usage text and its own errors (files, options, columns).
 */
import type { Widen } from "../widen";

export const cli = {
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
                    [--within N (adds p_purchase_within)] [--margin RATE | --margin-column COL (adds clv_margin)]
      FILE.csv: transactions, or a customer summary with columns x, t_x, T (and zbar)
  tier check FILE.csv --calibration-end YYYY-MM-DD [--holdout-end YYYY-MM-DD] [--unit day|week|month]
                    [--model bgnbd|pareto] [--format csv|json] [--customer COL] [--date COL] [--amount COL]
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
    requiredOption: (name: string) => `${name} is required.`,
    repeatedOption: (name: string) => `${name} is given twice; give it once.`,
    extraFile: (command: string, file: string, most: number) =>
      most === 0
        ? `tier ${command} reads no file, but "${file}" was given; see tier ${command} --help.`
        : `tier ${command} reads ${most === 1 ? "one file" : `${most} files`}; "${file}" is one too many (an option name missing its --?).`,
    notText: (file: string) =>
      `${file} is not a text file (it holds NUL bytes: a binary, sparse or damaged file); give a CSV or text file, or --encoding utf-16le if it is UTF-16 text.`,
    badUtf8: (file: string, byte: number) =>
      `${file} is not UTF-8 at byte ${byte}; if it was saved by Excel on Chinese Windows, give --encoding gb18030 (or the file's encoding).`,
    unclosedQuote: (file: string, line: number) =>
      `${file}: the quote opened on line ${line} is never closed; close it, or double a quote inside a field ("").`,
    rowTooLong: (file: string, line: number, mb: number) =>
      `${file}: the row starting on line ${line} runs over ${mb} MB without a line end; is it a delimited text file?`,
    badDelimiter: (value: string) => `--delimiter is "${value}"; use comma, semicolon, tab, pipe or whitespace (or , ; |).`,
    badEncoding: (value: string) => `--encoding is "${value}"; give an encoding such as utf-8, utf-16le, gb18030 or windows-1252.`,
    detected: (file: string, encoding: string, delimiter: string) =>
      `tier: read ${file} as ${encoding}, ${delimiter} (detected; give --encoding or --delimiter to change).`,
    delimiterNames: {
      comma: "fields separated by commas",
      semicolon: "fields separated by semicolons",
      tab: "fields separated by tabs",
      bar: "fields separated by |",
      whitespace: "fields separated by spaces",
    },
    duplicateHeader: (file: string, name: string, first: number, second: number) =>
      `${file} has the column "${name}" twice (columns ${first} and ${second}); rename one so that each name says one column.`,
    badDateOption: (name: string, value: string) => `${name} is "${value}"; give a date such as 2024-01-05.`,
    badDateText: (value: string) => `"${value}" is not a date (use 2024-01-05, 2024/1/5 or 2024年1月5日)`,
    outputFailed: (reason: string) => `cannot write the output: ${reason}.`,
    internalError: (what: string) => `an internal error stopped the command (${what}); please report it with the command you ran.`,
    /** The core's problems that its catalog words with a function's argument names, worded with the options. */
    core: {
      binsOutOfRange: (value: string) => `--bins is ${value}; use a whole number from 2 to 10.`,
      cutOutOfRange: (option: string, value: string) => `${option} is ${value}; use a share between 0 and 1 (80% is 0.8).`,
      cutsOrder: (aCut: number, bCut: number) => `--a-cut (${aCut}) must be below --b-cut (${bCut}).`,
      asOfBeforeData: (option: string, asOf: string, first: string) =>
        `${option} (${asOf}) is before the first purchase (${first}): no customer had bought yet. Give ${first} or a later date.`,
      noData: (file: string) => `${file} has no usable row; check the column options (--customer, --date, --amount …) and the rows listed above.`,
      unknownScheme: (value: string) => `--segments is "${value}"; use rfm, cn8 or a CSV file of rules (name,r_min,r_max,f_min,f_max,m_min,m_max).`,
    },
  },
};

export type CliMessages = Widen<typeof cli>;
