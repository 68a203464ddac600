/** The two-period books and the history readers the dynamic workflow's test files share. */
import type { ExcelHost } from "../../src/excel/host";
import { HISTORY_FIELDS } from "../../src/excel/history";
import { HISTORY_KEY, type History } from "../../src/excel/settings";
import type { AnalysisSettings } from "../../src/excel/port";
import { createWorkbookPort } from "../../src/excel/jobs";
import { createStandIn, type StandIn } from "../../src/standin";
import { settingsFor, transactions } from "./helpers";

export const HEADER = ["Customer", "Date", "Amount", "Category", "Rating"];
/** 2024-06-30 and 2024-12-31 as serials. */
export const MID = 45473;
export const END = 45657;

/** A book with the first half of the year's purchases ("H1") and the whole year's ("Year"). */
export function twoPeriods(customers = 80): { book: StandIn; port: ReturnType<typeof createWorkbookPort>; h1: unknown[][]; year: unknown[][] } {
  const year = transactions(customers, 3);
  const h1 = year.filter((r) => (r[1] as number) <= MID);
  const book = createStandIn();
  book.addSheet("H1", [HEADER, ...h1]);
  book.addSheet("Year", [HEADER, ...year]);
  return { book, port: createWorkbookPort(book.host), h1, year };
}

export function settingsOn(sheet: string, rows: number, asOf: string, overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return settingsFor(rows, { source: { kind: "range", sheet, address: `A1:E${rows + 1}` }, asOf, ...overrides });
}

export const historyOf = (book: StandIn) => book.settings()[HISTORY_KEY] as History;
export const historySheet = (book: StandIn) => book.sheet(historyOf(book).sheetId)!;
/** A snapshot's rows in the history table. */
export const snapshotRows = (book: StandIn, id: string) => book.tableRows("TieringHistory").filter((r) => r[0] === id);
export const col = (field: (typeof HISTORY_FIELDS)[number]) => HISTORY_FIELDS.indexOf(field);

/** The core's view of a snapshot, from the history table's rows. */
export function coreSnapshot(book: StandIn, id: string, asOf: number) {
  const rows = snapshotRows(book, id);
  return {
    asOf,
    ids: rows.map((r) => String(r[col("customer")])),
    tiers: rows.map((r) => String(r[col("tierKey")])),
    revenue: rows.map((r) => r[col("revenue")] as number),
    orders: rows.map((r) => r[col("orders")] as number),
    lastPurchase: rows.map((r) => r[col("lastPurchase")] as number),
  };
}

/** `book`'s host, doing `act` (the person, between two of a job's syncs) once, right after the job's `k`-th sync. */
export function actingAfter(book: StandIn, k: number, act: () => void | Promise<void>): ExcelHost {
  let done = false;
  return {
    ...book.host,
    run: (batch) =>
      book.host.run((context) => {
        const sync = context.sync.bind(context);
        let n = 0;
        context.sync = (async <T>(passThrough?: T) => {
          const value = await sync(passThrough);
          if (++n === k && !done) {
            done = true;
            await act();
          }
          return value;
        }) as typeof context.sync;
        return batch(context);
      }),
  };
}
