/**
 * Office's request batching, the part of the stand-in the add-in's sync planning is measured against:
 * writes and method calls are queued and applied in order at sync(), each sync's payload (JSON of the
 * queued writes, in UTF-8 bytes) is logged and may be refused over Office's 5 MB limit, a sync can be
 * made to fail part-way, and an older host can be pretended (ExcelApi version).
 * Queue and sync: https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * Payload limit (5 MB, Excel on the web; RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded):
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 * and https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */
import { StandInError } from "./errors";
import type { HostProfile } from "./host-profile";
import type { WorkbookModel } from "./model";

export interface StandInOptions {
  /** Which Excel to be (host-profile.ts); default: the profile the tests set (TIER_HOST), else "web". */
  host?: HostProfile;
  /** Highest ExcelApi requirement set the host supports, e.g. "1.8" (default "1.12"). */
  excelApi?: string;
  /** Refuse a sync whose request or response exceeds this many bytes (default: 5 MB on the web, none on desktop); null: never. */
  payloadLimit?: number | null;
  /**
   * Make a sync fail as a lost connection or an Excel error would: each sync whose log index (1-based,
   * as in `syncLog()`) is `index` (or one of them) applies its first `applied` actions (default: half of them) and then
   * rejects with a StandInError of `code` (default "GeneralException"). null: no failure.
   */
  failSync?: { index: number | readonly number[]; applied?: number; code?: string } | null;
}

export interface Action {
  write: boolean;
  payload: unknown;
  /** Applies the action; returns the bytes it loads back (0 for writes). */
  run(): number;
}

/** UTF-8 bytes of a string. Counted here independently of src/excel/bytes.ts on purpose: the stand-in checks the jobs' own payload estimates. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      // A surrogate pair: four bytes for the two code units.
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const jsonBytes = (v: unknown) => (v === undefined ? 0 : utf8Length(JSON.stringify(v)));

function versionAtLeast(have: string, need: string): boolean {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = need.split(".").map(Number);
  return a > c || (a === c && (b ?? 0) >= (d ?? 0));
}

/**
 * The request half of Excel.RequestContext; the context with its `workbook` (workbook.ts) extends it,
 * so that the proxies, which only queue work here, do not import the workbook that holds them.
 */
export class SyncQueue {
  private queue: Action[] = [];
  private suspendCalculation = false;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(
    readonly model: WorkbookModel,
    readonly options: Required<StandInOptions>,
  ) {}

  _enqueue(action: Action): void {
    this.queue.push(action);
  }

  _write(payload: unknown, run: () => void): void {
    this.queue.push({ write: true, payload, run: () => (run(), 0) });
  }

  _suspendCalculation(): void {
    this.suspendCalculation = true;
    this.queue.push({ write: true, payload: { method: "suspendApiCalculationUntilNextSync" }, run: () => 0 });
  }

  /**
   * ApiNotFound when the host's ExcelApi is older than `version`. The versions passed are those of the
   * API reference and https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
   */
  _need(version: string, api: string): void {
    if (!versionAtLeast(this.options.excelApi, version)) {
      throw new StandInError("ApiNotFound", `${api} needs ExcelApi ${version}; this host supports ${this.options.excelApi}.`);
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    let requestBytes = 0;
    for (const a of actions) if (a.write) requestBytes += jsonBytes(a.payload);
    const record = {
      index: this.model.syncs.length + 1,
      requestBytes,
      responseBytes: 0,
      actions: actions.length,
      calculationSuspended: this.suspendCalculation,
      error: null as string | null,
      nonFiniteCells: 0,
    };
    const nonFiniteBefore = this.model.nonFiniteCells;
    this.suspendCalculation = false;
    this.model.syncs.push(record);
    await Promise.resolve();
    const limit = this.options.payloadLimit;
    if (limit !== null && requestBytes > limit) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw new StandInError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    const fail = this.options.failSync;
    const failing = fail && (typeof fail.index === "number" ? fail.index === record.index : fail.index.includes(record.index));
    const failAt = failing ? (fail.applied ?? Math.floor(actions.length / 2)) : -1;
    // Like Office, the actions before a failing one stay applied; the rest are dropped. source?
    for (const [k, a] of actions.entries()) {
      if (k === failAt) {
        record.error = fail!.code ?? "GeneralException";
        throw new StandInError(record.error, `The sync failed (configured failure of sync ${record.index}, after ${failAt} of ${actions.length} actions).`);
      }
      try {
        record.responseBytes += a.run();
        record.nonFiniteCells = this.model.nonFiniteCells - nonFiniteBefore;
      } catch (e) {
        record.error = e instanceof StandInError ? e.code : String(e);
        throw e;
      }
    }
    if (failAt >= actions.length) {
      record.error = fail!.code ?? "GeneralException";
      throw new StandInError(record.error, `The sync failed (configured failure of sync ${record.index}, after all ${actions.length} actions).`);
    }
    if (limit !== null && record.responseBytes > limit) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      throw new StandInError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
    }
  }
}
