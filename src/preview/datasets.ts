/**
 * The data sets the browser preview can open (`preview.html?data=…`), copied by webpack into `sample/`: the UCI
 * Online Retail sample of whole customer histories (the default; assets/sample, drawn from the complete data by
 * scripts/sample-online-retail.mjs) and the CDNOW purchases (../shared/data) split into two half-years, for
 * trying the dynamic workflow (run, run again on the next period, compare, pilot), or whole (`?data=cdnow18`, its 18
 * months in one table, for "Rebuild history"), all of Online Retail (`?data=retail-full`), and the synthetic orders
 * with the voice of the customer (`?data=voice`, assets/sample/voice_orders.csv: NPS, satisfaction, complaints,
 * referrals, engagement beside each order; issue 15 §4). Each becomes sheets with an
 * Excel table over them, as a person would have them in a workbook.
 */

export type DataSetName = "retail" | "cdnow" | "retail-full" | "cdnow18" | "voice";

export interface SheetSpec {
  sheet: string;
  table: string;
  /** Header row first. */
  rows: unknown[][];
  /** Per column: the number format of the data rows ("" for General). */
  formats: string[];
}

export interface DataSet {
  url: string;
  /** The whole CSV for a sheet of its own (Online Retail), or sheets built from the text (CDNOW). */
  kind: "csv" | "sheets";
  sheet?: string;
  table?: string;
  sheets?(text: string): SheetSpec[];
}

/**
 * The data set the URL names (`?data=cdnow`, `?data=retail-full`), the Online Retail sample otherwise.
 * `retail-full` is all 541,909 rows of Online Retail, for measuring a run at full scale
 * (scripts/preview-full-run.mjs); webpack copies that 47 MB file only into builds that ask for it
 * (env.TIERING_PREVIEW_FULL, and `npm start`).
 */
export function dataSetName(value: string | null): DataSetName {
  return value === "cdnow" || value === "retail-full" || value === "cdnow18" || value === "voice" ? value : "retail";
}

/** CDNOW's two half-years of 1997: the first analysis and the next period. */
export const CDNOW_PERIODS = [
  { sheet: "CDNOW 1997 H1", table: "CDNOW_H1", from: 19970101, to: 19970630 },
  { sheet: "CDNOW 1997 H2", table: "CDNOW_H2", from: 19970701, to: 19971231 },
] as const;

export const CDNOW_HEADER = ["customer_id", "date", "number_of_cds", "dollar_value"];

/** yyyymmdd → Excel's 1900-system serial (1997-01-01 is 35431). */
export function serialFromYmd(ymd: number): number {
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/**
 * CDNOW_master.txt (whitespace-separated: customer_id, yyyymmdd, number_of_cds, dollar_value; a header line) as
 * one sheet per period: the id as text (zero-padded, as in the file), the date as a date cell, the two numbers.
 */
export function cdnowSheets(text: string): SheetSpec[] {
  const periods = CDNOW_PERIODS.map((p) => ({ ...p, rows: [CDNOW_HEADER] as unknown[][] }));
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || !/^\d{8}$/.test(fields[1])) continue; // the header line and blank lines
    const ymd = Number(fields[1]);
    const period = periods.find((p) => ymd >= p.from && ymd <= p.to);
    if (period) period.rows.push([fields[0], serialFromYmd(ymd), Number(fields[2]), Number(fields[3])]);
  }
  return periods.map((p) => ({ sheet: p.sheet, table: p.table, rows: p.rows, formats: ["@", "yyyy-mm-dd", "0", "0.00"] }));
}

/** The whole of CDNOW_master (January 1997 to June 1998, 18 months) as one table: what "Rebuild history" is tried on (issue 14). */
export const CDNOW_ALL = { sheet: "CDNOW", table: "CDNOW_ALL" } as const;

export function cdnowAllSheets(text: string): SheetSpec[] {
  const rows: unknown[][] = [CDNOW_HEADER];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || !/^\d{8}$/.test(fields[1])) continue;
    rows.push([fields[0], serialFromYmd(Number(fields[1])), Number(fields[2]), Number(fields[3])]);
  }
  return [{ ...CDNOW_ALL, rows, formats: ["@", "yyyy-mm-dd", "0", "0.00"] }];
}

/** The voice sample's sheet: orders with the customer's NPS, satisfaction, complaints, referrals and engagement. */
export const VOICE = { sheet: "Voice orders", table: "VoiceOrders" } as const;

/**
 * voice_orders.csv (customer_id, yyyy-mm-dd date, amount, then the five voice columns, often blank) as one sheet:
 * the id as text, the date as a date cell, numbers as numbers, and a blank left blank, since a missing score is
 * missing, not 0 (issue 15 §4).
 */
export function voiceSheets(text: string): SheetSpec[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines[0].split(",").map((h) => h.trim());
  const rows: unknown[][] = [header];
  for (const line of lines.slice(1)) {
    const fields = line.split(",").map((f) => f.trim());
    const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fields[1]);
    if (!ymd) continue;
    const number = (f: string | undefined) => (f === undefined || f === "" ? null : Number(f));
    rows.push([fields[0], serialFromYmd(Number(ymd[1] + ymd[2] + ymd[3])), ...header.slice(2).map((_, j) => number(fields[2 + j]))]);
  }
  return [{ ...VOICE, rows, formats: ["@", "yyyy-mm-dd", "0.00", ...header.slice(3).map(() => "0")] }];
}

export const DATA_SETS: Record<DataSetName, DataSet> = {
  // Whole customer histories (scripts/sample-online-retail.mjs), so what the preview predicts means what it says.
  retail: { url: "sample/online_retail_customers.csv", kind: "csv", sheet: "Online Retail", table: "OnlineRetail" },
  cdnow: { url: "sample/CDNOW_master.txt", kind: "sheets", sheets: cdnowSheets },
  "retail-full": { url: "sample/online_retail.csv", kind: "csv", sheet: "Online Retail", table: "OnlineRetail" },
  cdnow18: { url: "sample/CDNOW_master.txt", kind: "sheets", sheets: cdnowAllSheets },
  voice: { url: "sample/voice_orders.csv", kind: "sheets", sheets: voiceSheets },
};
