/**
 * Every port method rejects with an Error whose message is a sentence for the user. This turns the
 * core's errors, the analysis settings errors and Office's errors into such sentences, and keeps
 * the original as `cause` (nothing is swallowed).
 */
import { AnalysisSettingsError } from "../core/analysis/types";
import { CoreError } from "../core/cells/errors";
import type { Messages } from "../i18n";
import { describeCoreError } from "../i18n/describe";
import { paneCoreSentence } from "../i18n/pane-core-errors";
import { settingsSentence } from "../i18n/settings-problems";

export class WorkbookError extends Error {
  cause?: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = "WorkbookError";
    if (cause !== undefined) this.cause = cause;
  }
}

/** A cancelled run: name "AbortError", as fetch and the DOM name it. */
export class CancelledError extends WorkbookError {
  constructor(m: Messages) {
    super(m.workbook.errors.cancelled);
    this.name = "AbortError";
  }
}

/**
 * `error`, carrying a later error that happened while cleaning up after it (as `suppressed`, like
 * Java's suppressed exceptions and AggregateError's errors): the person is told about `error`, and
 * nothing is lost for whoever debugs it.
 */
export function withSuppressed(error: unknown, later: unknown): unknown {
  if (error !== null && typeof error === "object") {
    const holder = error as { suppressed?: unknown[] };
    holder.suppressed = [...(Array.isArray(holder.suppressed) ? holder.suppressed : []), later];
    return error;
  }
  return new AggregateError([error, later], String(error));
}

export function throwIfAborted(signal: AbortSignal | undefined, m: Messages): void {
  if (signal?.aborted) throw new CancelledError(m);
}

/** Office refused a request or response over its 5 MB limit. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = e !== null && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : "";
  return /PayloadSizeLimitExceeded/i.test(code);
}

export function userError(e: unknown, m: Messages): Error {
  if (e instanceof WorkbookError) return e;
  if (e instanceof AnalysisSettingsError) return new WorkbookError(settingsSentence(e, m), e);
  if (e instanceof CoreError) {
    // The pane's labels, not a function's argument names (issue 17): the port speaks only to the pane.
    return new WorkbookError(e.code === "noData" ? m.workbook.errors.noUsableRows : (paneCoreSentence(e, m) ?? describeCoreError(e, m)), e);
  }
  if (isPayloadTooLarge(e)) return new WorkbookError(m.workbook.errors.tooLarge, e);
  const message = e instanceof Error ? e.message : String(e);
  return new WorkbookError(m.workbook.errors.excel(message), e);
}

/** Runs a port operation and rejects only with user sentences. */
export async function guard<T>(m: Messages, job: () => Promise<T>): Promise<T> {
  try {
    return await job();
  } catch (e) {
    throw userError(e, m);
  }
}
