/**
 * The rows a formula carries (section 1, "How much a formula can take"): bytes per transaction row as
 * src/functions/size.ts counts them, over rows shaped like the UCI Online Retail data (five-digit customer
 * ids, date-times to the minute, amounts in cents), and the 5 MB cap divided by it.
 */
import { dataBytes, FUNCTION_DATA_LIMIT } from "../../../src/functions/size";
import { must, type Values } from "../markdown";

export function limitsSection(): Values {
  const n = 10_000;
  const ids: unknown[][] = [];
  const dates: unknown[][] = [];
  const amounts: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    ids.push([12346 + (i % 4000)]);
    dates.push([40513 + (i % 370) + ((i * 7919) % 1440) / 1440]);
    amounts.push([Math.round(((i * 37) % 5000) + 99) / 100]);
  }
  const perRow = (dataBytes(ids) + dataBytes(dates) + dataBytes(amounts)) / n;
  const rows = Math.floor(FUNCTION_DATA_LIMIT / perRow / 1000) * 1000;
  must(rows >= 130_000 && rows <= 175_000, "a formula carries about 150,000 transaction rows");
  return { formula_row_bytes: String(Math.round(perRow)), formula_rows: rows.toLocaleString("en-US") };
}
