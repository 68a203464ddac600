/**
 * The opening every workbook job shares, written once: the user's language, the port's one promise (every
 * rejection a sentence for the user, errors.ts `guard`), and one `Excel.run` on the host, which the port has
 * already put behind the job queue (queue.ts). A job module then holds only its own syncs.
 */
import { messages, type Locale, type Messages } from "../../i18n";
import { guard } from "../errors";
import type { ExcelHost } from "../host";
import { loadBookState, type BookState } from "../settings";

/** Runs `body` in one `Excel.run` of `host`, rejecting only with sentences in `locale`. */
export function job<T>(host: ExcelHost, locale: Locale, body: (context: Excel.RequestContext, m: Messages) => Promise<T>): Promise<T> {
  const m = messages(locale);
  return guard(m, () => host.run((context) => body(context, m)));
}

/** Whether a write sync may suspend Excel's calculation (ExcelApi 1.6). */
export const canSuspend = (host: ExcelHost): boolean => host.isSetSupported("ExcelApi", "1.6");

/** Suspends Excel's calculation until the next sync, where `host` can: each write sync of a job asks it here. */
export function suspendCalculation(host: ExcelHost, context: Excel.RequestContext): void {
  if (canSuspend(host)) context.workbook.application.suspendApiCalculationUntilNextSync();
}

/** The add-in's bookkeeping (settings.ts `BookState`) in a sync of its own: the dynamic jobs' first sync. */
export async function loadState(context: Excel.RequestContext): Promise<BookState> {
  const read = loadBookState(context);
  await context.sync();
  return read();
}

/**
 * One sync per block of rows (`blocks` as batch.ts `splitByBytes` gives them), calculation suspended for
 * each: `first` is queued with the first block and `last` with the last (both in one sync when there is
 * one block), so a job's sheet setup and its closing touches ride on the row syncs instead of adding their own.
 */
export async function rowSyncs(
  host: ExcelHost,
  context: Excel.RequestContext,
  blocks: readonly number[],
  write: { first: () => void; rows: (from: number, to: number) => void; last: () => void },
): Promise<void> {
  const parts = blocks.length - 1;
  for (let k = 0; k < parts; k++) {
    suspendCalculation(host, context);
    if (k === 0) write.first();
    write.rows(blocks[k], blocks[k + 1]);
    if (k === parts - 1) write.last();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block by design: each request stays under Office's 5 MB, in the fixed count docs/EXCEL.md promises
    await context.sync();
  }
}
