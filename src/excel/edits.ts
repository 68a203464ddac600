/**
 * Which sheets the person edited while a job read and computed (issue 11): a run, and every job that replaces or
 * rewrites a sheet of its own (compare, movers, trends, cohorts, model check, measuring a pilot: jobs/owned-sheet.ts,
 * jobs/pilots.ts), must not replace silently one the person typed into between the job's first read and its first write.
 *
 * The documented mechanism: WorksheetCollection.onChanged (ExcelApi 1.9), "Occurs when any worksheet in the workbook
 * is changed", whose arguments name the sheet (`worksheetId`)
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onchanged-member,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events). One handler for every sheet, registered in
 * the job's first sync (before it knows which sheets it will replace) and removed in the check sync before the
 * writes (run-write.ts `recheck`, owned-sheet.ts `addOwnedSheet`), so the watch costs no round trip of its own. Re-reading the sheets' cells
 * instead would cost their whole size (the results sheet of 100,000 customers is about 24 MB) twice.
 *
 * What it cannot see: an edit made in the instant before the check sync whose event Excel has not delivered yet
 * (events arrive asynchronously), and edits on a host without ExcelApi 1.9, which skips the watch. The manifest
 * requires SharedRuntime 1.1, which starts at Excel for Microsoft 365 version 2002, Excel 2021 and Excel for Mac 16.35
 * (https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets), all later than
 * ExcelApi 1.9's versions, so the skip is for other hosts (the harness below). The add-in's own writes raise the event too,
 * but between the two syncs a job writes nothing on a sheet that exists.
 */
import { withSuppressed } from "./errors";
import type { ExcelHost } from "./host";

export interface EditWatch {
  /** Ids of the sheets changed since the watch began (filled as Excel delivers the events). */
  readonly edited: ReadonlySet<string>;
  /** Queues the handler's removal (sent with the caller's next sync); once. */
  stop(): void;
  readonly stopped: boolean;
}

/** Queues the registration on `context` (sent with the caller's next sync); a host without events gets a watch that sees nothing. */
export function watchEdits(context: Excel.RequestContext, host: ExcelHost): EditWatch {
  const edited = new Set<string>();
  if (host.events === false || !host.isSetSupported("ExcelApi", "1.9")) {
    let stopped = false;
    return { edited, stop: () => void (stopped = true), get stopped() { return stopped; } };
  }
  const handler = context.workbook.worksheets.onChanged.add(async (event) => {
    edited.add(event.worksheetId);
  });
  let stopped = false;
  return {
    edited,
    stop() {
      if (stopped) return;
      stopped = true;
      handler.remove();
    },
    get stopped() {
      return stopped;
    },
  };
}

/**
 * `body` with a watch registered on `context` (sent with the body's first sync). `body` stops it in its check sync
 * (owned-sheet.ts `addOwnedSheet`, run-write.ts `recheck`); should `body` fail before, the handler is removed in
 * one more sync, and a failure of that sync travels with the original error as `suppressed` (errors.ts), so a
 * failed job leaves no handler behind and hides nothing.
 */
export async function withEditWatch<T>(context: Excel.RequestContext, host: ExcelHost, body: (watch: EditWatch) => Promise<T>): Promise<T> {
  const watch = watchEdits(context, host);
  try {
    return await body(watch);
  } catch (e) {
    if (!watch.stopped) {
      watch.stop();
      try {
        await context.sync();
      } catch (stopError) {
        throw withSuppressed(e, stopError);
      }
    }
    throw e;
  }
}
