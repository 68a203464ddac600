/** Cell values shown as Excel would show them, for the number formats the add-in writes. */

const EXCEL_EPOCH_OFFSET = 25569;
const pad = (n: number) => String(n).padStart(2, "0");

function dateText(serial: number, format: string): string {
  const date = new Date(Math.round((serial - EXCEL_EPOCH_OFFSET) * 86400000));
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return /h/i.test(format) ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

/** Decimals after the point in a format such as "#,##0.00" or "0.0%". */
function decimals(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

export function formatCell(value: unknown, format: string, locale: string): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  if (!format || format === "General") {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
  if (/[yd]/i.test(format) && /m/i.test(format)) return dateText(value, format);
  const places = decimals(format);
  const grouped = format.includes(",");
  const options: Intl.NumberFormatOptions = { minimumFractionDigits: places, maximumFractionDigits: places, useGrouping: grouped };
  if (format.includes("%")) return `${new Intl.NumberFormat(locale, options).format(value * 100)}%`;
  const currency = /[$¥€£]/.exec(format)?.[0] ?? "";
  const text = new Intl.NumberFormat(locale, options).format(Math.abs(value));
  return `${value < 0 ? "-" : ""}${currency}${text}`;
}
