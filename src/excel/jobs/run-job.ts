/**
 * What every phase of the run job shares (run.ts: read → compute → plan → write → finish → snapshot): the
 * batch, the settings, the language, and the three things each phase may do between syncs: report progress,
 * honour a cancel, suspend Excel's calculation for a write sync. One object, so a phase's signature says
 * only what it takes from the phases before it.
 */
import type { Messages } from "../../i18n";
import { throwIfAborted } from "../errors";
import type { ExcelHost } from "../host";
import type { AnalysisSettings, Progress, SourceRef } from "../port";
import { suspendCalculation } from "./job";

export interface RunJob {
  host: ExcelHost;
  context: Excel.RequestContext;
  m: Messages;
  /** In the current shape (settings.ts `upgradeSettings`). */
  settings: AnalysisSettings;
  source: SourceRef;
  progress(phase: Progress["phase"], fraction: number): void;
  /** Rejects with a CancelledError once the person has cancelled. */
  checkCancel(): void;
  /** Calculation suspended until the next sync, where Excel can (ExcelApi 1.6): every write sync asks it. */
  suspend(): void;
}

/**
 * A job that reads the pane's source as a run reads it (run.ts `read`) but shows no progress bar and has no
 * Cancel: the cohorts, the model check and the movers' predictions.
 */
export function quietRunJob(host: ExcelHost, context: Excel.RequestContext, m: Messages, settings: AnalysisSettings, source: SourceRef): RunJob {
  return {
    host,
    context,
    m,
    settings,
    source,
    progress: () => undefined,
    checkCancel: () => throwIfAborted(undefined, m),
    suspend: () => suspendCalculation(host, context),
  };
}

/** Share of the progress bar each phase ends at; with Predict, the tiers end at `tiers` and the models at `compute`. */
export const PROGRESS = { read: 0.3, tiers: 0.33, compute: 0.4, write: 0.9, pivot: 1 };
