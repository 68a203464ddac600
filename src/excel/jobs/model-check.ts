/**
 * "Check the model" (issue 13 §2): does the purchase-count model work on this workbook's data? The source is
 * read as a run reads it (run.ts `read`: the same mapping, header, line items, returns left out; an analysis
 * date earlier than the last purchase means the data as it stood then), the purchases are split at a
 * calibration end, the pane's model (BG/NBD or Pareto/NBD) is fitted on the part before it in the pane's unit,
 * and src/core/models/holdout.ts sets its predictions against what the customers did afterwards. The
 * "Model check" sheet (model-check-sheet.ts) is owned like the other result sheets (owned-sheet.ts).
 *
 * Default calibration end (none given): the day two thirds of the way from the first purchase to the last, so
 * the last third of the span is the holdout (FHL 2005 use 39 of CDNOW's 78 weeks; a third keeps more history
 * to fit on when the data are one year, as the Online Retail data are). Default holdout end: the last purchase.
 *
 * Everything that can be wrong with the dates is refused before anything is written, in the pane's labels
 * (`planCheck`): a date that is no date, a calibration end before the first purchase or on or after the last, a
 * holdout end not after the calibration end, no customer with a repeat purchase by the calibration end.
 *
 * Syncs, whatever the number of rows: a run's read (1 + READ_SYNCS, more only for very wide data) + 1 (the sheet
 * replaced or added) + 1 (ownership, figures, tables, the three charts): MODEL_CHECK_WRITE_SYNCS after the read; + 1
 * (the check, owned-sheet.ts) when its own sheet is there to replace, which also ends the edits watch (edits.ts).
 */
import { readCustomers } from "../../core/analysis/rows";
import { isoDateSerial, serialToIsoDate } from "../../core/cells/dates";
import { calibrationSummary } from "../../core/models/calibration";
import { holdoutCheck } from "../../core/models/holdout";
import type { Transactions } from "../../core/transactions/model";
import { transactionsAsOf } from "../../core/transactions/summary";
import { messages, type Locale, type Messages } from "../../i18n";
import { diagnosticRecords, modelName } from "../../i18n/diagnostics";
import { userError, WorkbookError } from "../errors";
import type { ExcelHost } from "../host";
import { modelCheckLayout, queueModelCheck } from "../model-check-sheet";
import type { AnalysisSettings, ModelCheckReport, ModelCheckRequest } from "../port";
import { upgradeSettings } from "../settings";
import { withEditWatch } from "../edits";
import { recordOwned } from "../ownership";
import { job, suspendCalculation } from "./job";
import { addOwnedSheet, keptNoteOf, keptSheets, ownedAfter } from "./owned-sheet";
import { read } from "./run";
import { analysisColumns, checkSettings, optionsOf } from "./run-compute";
import { quietRunJob } from "./run-job";

/** Syncs after the read: the sheet added (or replaced), then everything written in one. */
export const MODEL_CHECK_WRITE_SYNCS = 2;

/** Share of the data's span (first to last purchase) that calibrates when no calibration end is given. */
export const DEFAULT_CALIBRATION_SHARE = 2 / 3;

/** The default calibration end: the whole day `DEFAULT_CALIBRATION_SHARE` of the way from `first` to `last`. */
export function defaultCalibrationEnd(first: number, last: number): number {
  return Math.floor(first + (last - first) * DEFAULT_CALIBRATION_SHARE);
}

/** The dates the check runs on, as serials (whole days). */
export interface CheckPlan {
  first: number;
  last: number;
  calibrationEnd: number;
  holdoutEnd: number;
  defaultCalibrationEnd: boolean;
}

/** An ISO date of the request as a serial, or null when left blank; a sentence naming the pane's field otherwise. */
function dateOf(value: string | null, label: string, m: Messages): number | null {
  if (value === null || value.trim() === "") return null;
  const serial = isoDateSerial(value.trim());
  if (!Number.isFinite(serial)) throw new WorkbookError(m.trust.check.errors.badDate(label, value));
  return Math.floor(serial);
}

/** The request's dates, read and checked against each other (no data needed): before the job waits for its turn. */
export function requestDates(request: ModelCheckRequest, m: Messages): { calibrationEnd: number | null; holdoutEnd: number | null } {
  const p = m.trust.pane;
  const calibrationEnd = dateOf(request.calibrationEnd, p.calibrationEnd, m);
  const holdoutEnd = dateOf(request.holdoutEnd, p.holdoutEnd, m);
  if (calibrationEnd !== null && holdoutEnd !== null && holdoutEnd <= calibrationEnd) {
    throw new WorkbookError(m.trust.check.errors.holdoutNotAfter(p.holdoutEnd, serialToIsoDate(holdoutEnd), p.calibrationEnd, serialToIsoDate(calibrationEnd)));
  }
  return { calibrationEnd, holdoutEnd };
}

/**
 * The dates against the data: the first and last purchase (returns are not purchases), the default calibration
 * end, and every refusal in the pane's labels. Pure, so the rules are tested without a workbook.
 */
export function planCheck(tx: Transactions, request: ModelCheckRequest, m: Messages): CheckPlan {
  const e = m.trust.check.errors;
  const p = m.trust.pane;
  const given = requestDates(request, m);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < tx.validRows; i++) {
    if (!(tx.amount[i] >= 0)) continue;
    const day = Math.floor(tx.date[i]);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (!(first <= last)) throw new WorkbookError(e.noData);
  const calibrationEnd = given.calibrationEnd ?? defaultCalibrationEnd(first, last);
  const holdoutEnd = given.holdoutEnd ?? last;
  const iso = serialToIsoDate;
  if (calibrationEnd < first) throw new WorkbookError(e.beforeData(p.calibrationEnd, iso(calibrationEnd), iso(first), iso(last)));
  if (calibrationEnd >= last) throw new WorkbookError(e.afterData(p.calibrationEnd, iso(calibrationEnd), iso(last)));
  if (holdoutEnd <= calibrationEnd) throw new WorkbookError(e.holdoutNotAfter(p.holdoutEnd, iso(holdoutEnd), p.calibrationEnd, iso(calibrationEnd)));
  const summary = calibrationSummary(tx, { unit: request.unit, calibrationEnd });
  if (!summary.x.some((x) => x > 0)) throw new WorkbookError(e.noRepeat(p.calibrationEnd, iso(calibrationEnd)));
  return { first, last, calibrationEnd, holdoutEnd, defaultCalibrationEnd: given.calibrationEnd === null };
}

export function checkModel(host: ExcelHost, given: AnalysisSettings, request: ModelCheckRequest, locale: Locale): Promise<ModelCheckReport> {
  const m = messages(locale);
  const settings = upgradeSettings(given);
  const source = settings.source;
  try {
    if (!source) throw new WorkbookError(m.workbook.errors.noSource);
    requestDates(request, m);
  } catch (e) {
    return Promise.reject(userError(e, m));
  }
  return job(host, locale, async (context) => {
    const runJob = quietRunJob(host, context, m, settings, source);
    checkSettings(settings, m);
    // The person's edits are watched from the read's first sync to the check sync before the sheet is replaced (owned-sheet.ts).
    return withEditWatch(context, host, async (watch) => {
      const data = await read(runJob);
      const options = optionsOf(settings, m);
      const { tx } = readCustomers(analysisColumns(data.cells), options);
      if (tx.validRows === 0) throw new WorkbookError(m.trust.check.errors.noData);
      const asOf = transactionsAsOf(tx, options.asOf ?? null);
      const plan = planCheck(asOf, request, m);
      const check = holdoutCheck(asOf, { unit: request.unit, calibrationEnd: plan.calibrationEnd, holdoutEnd: plan.holdoutEnd, model: request.model });
      const diagnostics = diagnosticRecords(check.diagnostics, m);
      const words = { model: modelName(request.model), unit: m.pane.predict.units[request.unit], diagnostics: diagnostics.map((d) => d.message) };
      const layout = modelCheckLayout(check, words, m);

      const added = await addOwnedSheet(context, m.trust.pane.checkSheet, data.book, true, keptSheets(data.book), watch);
      const sheet = added.sheet;
      suspendCalculation(host, context);
      // Recorded with its marker as every owned sheet is (ownership.ts): the setting alone left it unmarked, so a
      // workbook with markers did not count it the add-in's and the next check wrote "Model check (2)" beside it.
      recordOwned(context, data.book.ownership, ownedAfter(data.book, added));
      const charts = queueModelCheck(sheet, layout, words, m);
      sheet.activate();
      await context.sync();
      return {
        sheet: sheet.name,
        calibrationStart: serialToIsoDate(plan.first),
        calibrationEnd: serialToIsoDate(check.summary.calibrationEnd),
        holdoutEnd: serialToIsoDate(check.holdoutEnd),
        defaultCalibrationEnd: plan.defaultCalibrationEnd,
        customers: check.summary.x.length,
        totalPredicted: check.totalPredicted,
        totalActual: check.totalActual,
        mae: check.mae,
        rmse: check.rmse,
        bias: check.bias,
        diagnostics,
        charts,
        ...keptNoteOf(m, added),
      };
    });
  });
}
