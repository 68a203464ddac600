/**
 * The host the workbook jobs run against: `Excel.run` and the requirement-set check. Production
 * passes Office's; tests and the browser preview pass the in-memory stand-in's
 * (src/standin), so every job runs unchanged without Excel.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /** False where the host cannot deliver Office's events (the Office.js-client harness, which talks to a URL): edits.ts then watches nothing. */
  events?: boolean;
}

const OFFICE_HOST = Symbol.for("tiering.officeHost");

/**
 * Office's host. Call inside Office.onReady, where `Excel` and `Office` exist. Every bundle of the page (the
 * pane, the ribbon's commands) gets the same object, kept on `globalThis`, so their ports share one job
 * queue (queue.ts).
 */
export function officeHost(): ExcelHost {
  const holder = globalThis as { [OFFICE_HOST]?: ExcelHost };
  return (holder[OFFICE_HOST] ??= {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}

/** Office refuses a request or response over 5 MB; each sync aims under this, leaving room for Office's own envelope. */
export const PAYLOAD_TARGET = 4 * 1024 * 1024;
/**
 * Syncs that write result rows: a fixed number, so small and large runs make the same round trips. Ten
 * since issue 4: every row carries its tier's strategy (the playbook: up to 90 characters for the score
 * bands) and the next tier and gap, and with the score its score and band: about 24 MB for 100,000
 * customers tiered by ABC and 33 MB by score band (6 × 4 MB held the 19 MB before).
 */
export const WRITE_SYNCS = 10;
/**
 * With Predict CLV & churn on: the Tiers rows carry six more columns and the Churn warning rows share
 * the same syncs (about 46 MB for 100,000 customers tiered by score band, with the strategy, score and
 * upgrade columns), so such runs take a fixed 14 write syncs, again the same for 100 or 100,000 customers.
 */
export const WRITE_SYNCS_PREDICT = 14;
/**
 * The run's check sync between the compute and the first write (run-write.ts `recheck`): the sheets and the
 * ownership markers re-read, so no sheet the person renamed or added during the run is replaced, and the edits
 * watch (edits.ts) removed, so no sheet they edited is (issue 11). The markers and the watch add no sync.
 */
export const CHECK_SYNCS = 1;
/** Syncs that read source rows (at least; more when the sampled rows say the data outgrow READ_SYNCS × PAYLOAD_TARGET). */
export const READ_SYNCS = 3;
/** Data rows of each mapped column read in the first sync, to measure what a row costs in a response. */
export const SAMPLE_ROWS = 200;
/** The rows below the sample may be longer than the sampled ones: read blocks are sized for this much more. */
export const READ_MARGIN = 1.25;
/** A floor for a sampled cell's bytes (a blank top of a column says little about the rest): `[""],` is 5. */
export const MIN_CELL_BYTES = 8;
/**
 * Syncs that write a run's snapshot into the history, after the run's own syncs (so a failure leaves the
 * tiers written): about 150 bytes a customer with the number formats (14 MB for 100,000 customers with
 * short ids), so 100,000 customers fit in 5 × 4 MB with room for longer ids and tier names.
 */
export const SNAPSHOT_SYNCS = 5;
/**
 * Rows of snapshots the history holds: a sheet's rows below the history table's header. When a run's
 * customers do not fit, the oldest snapshots no pilot uses are removed to make room (history.ts).
 */
export const HISTORY_CAPACITY = 1048576 - 1;
/** Syncs that read snapshots from the history (at least; more when their measured bytes exceed this × PAYLOAD_TARGET ÷ HISTORY_READ_MARGIN). */
export const HISTORY_READ_SYNCS = 3;
/**
 * The margin on a history read's bytes. Smaller than READ_MARGIN: a snapshot's read bytes are measured from
 * the very cells written (not from a sample of the rows), so the margin only covers how Excel gives them
 * back (an id written as text read as text), and PAYLOAD_TARGET already leaves a megabyte under Office's limit.
 */
export const HISTORY_READ_MARGIN = 1.05;
/** Syncs that write a pilot's list (at least; more beyond this × PAYLOAD_TARGET). */
export const PILOT_WRITE_SYNCS = 2;
