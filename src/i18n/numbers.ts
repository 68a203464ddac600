/**
 * One number-format rule per kind of figure (issue 17, "Charts and numbers"), for every layer that shows a
 * number: the pane (Intl formatters), the sheets (Excel format codes the jobs write) and the charts (axis
 * formats, and the preview's tick labels). A share is a percentage with one decimal everywhere (so one table
 * never mixes "12%" and "12.5%"); a chart's share axis is a whole percentage; large amounts are compact, K/M/B
 * in English and 万/亿 in Chinese, the same in the pane (Intl's compact notation) and on the sheets (a
 * conditional format code). It lives in src/i18n because every layer that shows text may import it.
 *
 * Intl compact notation: https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat/NumberFormat#notation
 * Excel format codes (conditions, "," to scale by 1000, "\" before a character shown as itself):
 * https://support.microsoft.com/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5
 */

/** Decimals of every percentage shown as a figure (the sheets' "0.0%", the pane's tables). */
export const PERCENT_DECIMALS = 1;
/** Decimals of a compact amount ("1.2K", "66.3万"). */
export const COMPACT_DECIMALS = 1;

/** Excel number format codes, one per kind of figure. */
export const EXCEL_FORMAT = {
  /** A share or rate in a cell. */
  percent: `0.${"0".repeat(PERCENT_DECIMALS)}%`,
  /** A chart's share axis: whole percentages (the ticks are round). */
  axisPercent: "0%",
  money: "#,##0.00",
  whole: "0",
  decimal: "0.00",
} as const;

/**
 * A compact amount as an Excel format code, for chart axes of amounts (the Pareto's revenue, the scatter's): English
 * K/M, Chinese 万/亿. Excel divides by 1000 per "," after the last digit placeholder, and shows a character preceded
 * by "\" as itself (both in the page cited above), so 万 (10⁴) and 亿 (10⁸) take one more digit behind a literal
 * point: "0\.0," shows 123456 as "12.3" (123456 / 1000 rounds to 123, its last digit after the point), i.e. 12.3万.
 * (Chinese guides write the point as "0!.0,", which Excel stores as the same escape; the backslash form is the one
 * Microsoft documents, and the one test/excel/chart-rules.test.ts checks through numfmt, an Excel format renderer.)
 * Two conditions at most, as Excel allows; below 1000 (English) or 10⁴ (Chinese), and negative amounts, fall to the
 * last section ("0").
 */
export function excelCompactFormat(locale: string): string {
  if (locale.startsWith("zh")) return '[>=100000000]0\\.00,,"亿";[>=10000]0\\.0,"万";0';
  return '[>=1000000]0.0,,"M";[>=1000]0.0,"K";0';
}

export interface NumberFormats {
  whole(value: number): string;
  /** A figure that is a share or rate: always PERCENT_DECIMALS decimals, so a table's column lines up. */
  percent(value: number): string;
  /** A setting or a confidence level the user chose ("95%", "15%"): as few decimals as it has. */
  setting(value: number): string;
  signedPercent(value: number): string;
  money(value: number): string;
  signedMoney(value: number): string;
  compact(value: number): string;
  signedCompact(value: number): string;
}

/** The pane's and the charts' formatters for a language; a value that is not finite shows as `missing`. */
export function numberFormats(locale: string, missing: string): NumberFormats {
  const fixedPercent = { style: "percent", minimumFractionDigits: PERCENT_DECIMALS, maximumFractionDigits: PERCENT_DECIMALS } as const;
  const compact = { notation: "compact", maximumFractionDigits: COMPACT_DECIMALS } as const;
  const make = (options: Intl.NumberFormatOptions) => {
    const format = new Intl.NumberFormat(locale, options);
    return (value: number) => (Number.isFinite(value) ? format.format(value) : missing);
  };
  return {
    whole: make({ maximumFractionDigits: 0 }),
    percent: make(fixedPercent),
    setting: make({ style: "percent", maximumFractionDigits: 2 }),
    signedPercent: make({ ...fixedPercent, signDisplay: "exceptZero" }),
    money: make({ maximumFractionDigits: 2 }),
    signedMoney: make({ maximumFractionDigits: 2, signDisplay: "exceptZero" }),
    compact: make(compact),
    signedCompact: make({ ...compact, signDisplay: "exceptZero" }),
  };
}

/**
 * A chart axis tick as the axis's Excel format would show it: a percentage when the format has "%" (with the
 * format's decimals), else a compact amount in the chart's language.
 */
export function axisTick(value: number, format: string | undefined, locale: string): string {
  if (!Number.isFinite(value)) return "";
  if (format && format.includes("%")) {
    const places = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: places, maximumFractionDigits: places }).format(value);
  }
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: COMPACT_DECIMALS }).format(value);
}
