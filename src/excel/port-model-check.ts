/**
 * The port's "Check the model" (issue 13 §2), beside port.ts because that contract is at the size limit of a
 * source file: port.ts re-exports these types and its `WorkbookPort` extends `ModelCheckPort`, so the pane still
 * sees one contract. The settings type is a parameter (port.ts gives its `AnalysisSettings`) so this file
 * imports nothing back from port.ts (no import cycle, type-only ones included).
 */
import type { TimeUnit } from "../core/models/calibration";
import type { CountModelName } from "../core/models/count-model";
import type { Locale } from "../i18n";
import type { KeptNotice } from "./port-shared";

/** What the holdout check is asked: where calibration ends, where the holdout ends, the pane's model and unit. */
export interface ModelCheckRequest {
  /**
   * The last calibration day, ISO (yyyy-mm-dd); null: the default rule, the day two thirds of the way from the
   * first purchase to the last (src/excel/jobs/model-check.ts `defaultCalibrationEnd`), so the last third of
   * the data's span is the holdout.
   */
  calibrationEnd: string | null;
  /** The last holdout day, ISO; null: the last purchase. */
  holdoutEnd: string | null;
  unit: TimeUnit;
  model: CountModelName;
}

/** What the "Model check" sheet says, for the pane's line. Numbers as the core computed them. */
export interface ModelCheckReport extends KeptNotice {
  sheet: string;
  /** ISO dates: the first purchase, the calibration end used, the holdout end used. */
  calibrationStart: string;
  calibrationEnd: string;
  holdoutEnd: string;
  /** True when the calibration end came from the default rule (none was given). */
  defaultCalibrationEnd: boolean;
  /** Customers who bought by the calibration end (the ones checked). */
  customers: number;
  totalPredicted: number;
  totalActual: number;
  mae: number;
  rmse: number;
  bias: number;
  /** The calibration fit's diagnostics, as the run report carries them (stable code, sentence in the run's language). */
  diagnostics: { code: string; message: string }[];
  /** The charts' names on the sheet: groups, tracking, P(alive) calibration. */
  charts: string[];
}

export interface ModelCheckPort<Settings> {
  /**
   * Reads the source as a run does, splits the purchases at the calibration end, fits the count model on the
   * part before it and writes the "Model check" sheet: the figures, the table by calibration repeat purchases
   * (FHL 2005 Figure 4), the cumulative tracking (Figure 2) and P(alive) by tenth, each with a native chart.
   * Rejects with a sentence in the pane's labels, before writing anything, when the dates do not fit the data.
   */
  checkModel(settings: Settings, request: ModelCheckRequest, locale: Locale): Promise<ModelCheckReport>;
}
