/**
 * The host the workbook jobs run against: `Excel.run` and the requirement-set check. Production
 * passes Office's; tests and the browser preview pass the in-memory stand-in's
 * (test/support/excel-standin), so every job runs unchanged without Excel.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** Office's host. Call inside Office.onReady, where `Excel` and `Office` exist. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** Office refuses a request or response over 5 MB; each sync aims under this, leaving room for Office's own envelope. */
export const PAYLOAD_TARGET = 4 * 1024 * 1024;
/** Syncs that write result rows: a fixed number, so small and large runs make the same round trips. */
export const WRITE_SYNCS = 6;
/**
 * With Predict CLV & churn on: the Tiers rows carry six more columns and the Churn warning rows share
 * the same syncs (about 32 MB for 100,000 customers where 6 × 4 MB would hold 24), so such runs take a
 * fixed 9 write syncs, again the same for 100 or 100,000 customers.
 */
export const WRITE_SYNCS_PREDICT = 9;
/** Syncs that read source rows (at least; more when the sampled rows say the data outgrow READ_SYNCS × PAYLOAD_TARGET). */
export const READ_SYNCS = 3;
/** Data rows of each mapped column read in the first sync, to measure what a row costs in a response. */
export const SAMPLE_ROWS = 200;
/** The rows below the sample may be longer than the sampled ones: read blocks are sized for this much more. */
export const READ_MARGIN = 1.25;
/** A floor for a sampled cell's bytes (a blank top of a column says little about the rest): `[""],` is 5. */
export const MIN_CELL_BYTES = 8;
