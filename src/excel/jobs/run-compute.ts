/**
 * The run's compute phase and what is derived from the core's result for the report: the settings handed
 * to the core (they are its options, but for the analysis date kept as ISO text), the data quality with
 * the first bad cell, and the customers closest to the next tier up. Apart from the workbook's syncs, so
 * the numbers the sheets show can be followed from one place.
 */
import { runTiering } from "../../core/analysis/run";
import { analysisProblemError, analysisProblems } from "../../core/analysis/problems";
import { columnOf, mappedRoles, ROLES, type Role } from "../../core/analysis/roles";
import { CoreError } from "../../core/cells/errors";
import type { AnalysisColumns, AnalysisOptions, AnalysisResult } from "../../core/analysis/types";
import { withPredictions } from "../../core/analysis/predictions";
import { isoDateSerial } from "../../core/cells/dates";
import { closestToUpgrade } from "../../core/tiers/upgrade-rank";
import type { ProblemCode } from "../../core/cells/problems";
import type { Messages } from "../../i18n";
import { describeCoreError, problemText } from "../../i18n/describe";
import { nextTierLabel, tierLabel } from "../../i18n/tier-names";
import { WorkbookError } from "../errors";
import { economicsSettingsProblem } from "../summary-economics";
import type { AnalysisSettings, CellRef, DataQuality, UpgradeCandidate } from "../port";
import { a1, columnLetters, type Shape } from "../read";
import { PROGRESS, type RunJob } from "./run-job";
import { runOverrides, type OverridesCells } from "../overrides";
import type { OverridesRunSummary } from "../port-overrides";
import type { OverriddenAnalysis } from "../../core/analysis/overrides";

/** The read phase's result the compute phase takes. */
export interface ReadColumns {
  shape: Shape;
  cells: Partial<Record<Role, unknown[]>>;
  /** The source's header texts (or "Column A"…), to name a mapped column in an error. */
  header?: readonly string[];
  /** The person's overrides table as the read found it (issue 15 §2), null when the workbook has none. */
  overrides?: OverridesCells | null;
}

export interface Computed {
  /** The run's own result: its tiers are what the Results sheet's tier column, the snapshot and the upgrade list show. */
  a: AnalysisResult;
  /** With people's overrides applied (the Tier Summary, charts and PivotTable count these); `a` when there are none. */
  final: AnalysisResult;
  overrides: { overridden: OverriddenAnalysis; summary: OverridesRunSummary } | null;
  quality: DataQuality;
  /** With Predict on: why there are no predictions (a model could not be fitted), else null. */
  predictNote: string | null;
  /** Customers whose margin rate from the Margin column is outside 0–100 % (issue 13 §4), as a diagnostic record; else null. */
  marginNote: { code: string; message: string } | null;
}

/** Lets the pane draw the progress bar before a long computation (no sync; Office's batch stays open). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Compute: the tiers, then (Predict on) the models, lifecycle stages and churn warning. */
export async function compute(job: RunJob, read: ReadColumns): Promise<Computed> {
  const { settings, m } = job;
  let a = analyseOrName(settings, read, m);
  const quality = qualityOf(a.quality, read.shape, settings.hasHeader, settings.mapping, m);
  let predictNote: string | null = null;
  if (settings.predict) {
    job.progress("compute", PROGRESS.tiers);
    job.checkCancel();
    job.progress("predict", PROGRESS.tiers);
    await nextTask();
    a = withPredictions(a, settings.predict);
    if (a.predict?.error) predictNote = m.workbook.churn.failed(describeCoreError(a.predict.error, m));
    job.progress("predict", PROGRESS.compute);
  } else job.progress("compute", PROGRESS.compute);
  job.checkCancel();
  const overrides = read.overrides ? runOverrides(a, read.overrides, settings.dayOrder, m) : null;
  return { a, final: overrides ? overrides.overridden.final : a, overrides, quality, predictNote, marginNote: marginNoteOf(a, read.shape, settings, m) };
}

/** The first customer whose margin is not 0–100 % of their revenue, by the cell of their first purchase's margin. */
function marginNoteOf(a: AnalysisResult, shape: Shape, settings: AnalysisSettings, m: Messages): Computed["marginNote"] {
  const problems = a.predict?.model?.marginProblems ?? [];
  const first = problems[0];
  if (!first) return null;
  const cell = a1(shape.row + (settings.hasHeader ? 1 : 0) + first.row, shape.column + settings.mapping.margin);
  // An overflowing rate has its own code and sentence (core/models/margin.ts MarginRateReason), not "no revenue".
  if (first.reason === "overflow") return { code: "margin-rate-overflow", message: m.hostileNew.marginOverflowNote(problems.length, String(first.customer), cell) };
  const rate = first.reason === "outOfRange" ? `${Math.round(first.rate * 1000) / 10}%` : m.margin.cli.noRate;
  return { code: "margin-rate-out-of-range", message: m.margin.workbook.rateProblems(problems.length, String(first.customer), cell, rate) };
}

/** The rows read, used and left out (by reason), with the first bad cell: also for the jobs that read the source as a run does. */
export function qualityOf(q: AnalysisResult["quality"], shape: Shape, hasHeader: boolean, mapping: AnalysisSettings["mapping"], m: Messages): DataQuality {
  const leftOut: Record<string, number> = {};
  for (const [code, count] of Object.entries(q.problems.byCode)) leftOut[code] = count!;
  if (q.returns.rows > 0) leftOut.returns = q.returns.rows;
  const cellOf = (row: number, role: Role): CellRef => ({ sheet: shape.sheet, address: a1(shape.row + (hasHeader ? 1 : 0) + row, shape.column + columnOf(mapping, role)) });
  // The first bad cell in row order: a row problem or the first return.
  const problem = q.problems.problems[0];
  let firstProblem: DataQuality["firstProblem"] = null;
  if (problem && (q.returns.firstRow < 0 || problem.row <= q.returns.firstRow)) {
    const cell = cellOf(problem.row, problem.field as Role);
    firstProblem = { cell, message: m.workbook.quality.cellProblem(cell.address, problemText(problem.code as ProblemCode, problem.value, m)) };
  } else if (q.returns.firstRow >= 0) {
    const cell = cellOf(q.returns.firstRow, mapping.quantity >= 0 ? "quantity" : "amount");
    firstProblem = { cell, message: m.workbook.quality.cellProblem(cell.address, m.workbook.quality.returns) };
  }
  return { rowsRead: q.inputRows - q.blankRows, rowsUsed: q.usedRows, ...(q.orders === null ? {} : { orders: q.orders }), leftOut, firstProblem };
}

function parseAsOf(asOf: string | null, m: Messages): number | null {
  if (asOf === null || asOf.trim() === "") return null;
  const serial = isoDateSerial(asOf);
  if (Number.isNaN(serial)) throw new WorkbookError(m.workbook.errors.badAsOf(asOf));
  return serial;
}

/** The core's options of `settings` (they are its options but for the analysis date, kept as ISO text). */
export function optionsOf(settings: AnalysisSettings, m: Messages): AnalysisOptions {
  return {
    asOf: parseAsOf(settings.asOf, m),
    windowMonths: settings.windowMonths ?? null,
    dayOrder: settings.dayOrder,
    rfm: settings.rfm,
    abc: settings.abc,
    clv: settings.clv,
    predict: settings.predict ?? null,
    score: settings.score ?? null,
    tierBy: settings.summaryBy,
  };
}

/**
 * The port's check of the settings, before any row is read: the core's one check (`analysisProblems`, the pane's
 * too) over the mapped roles, its first problem thrown as `runTiering` would throw it (worded by errors.ts).
 */
export function checkSettings(settings: AnalysisSettings, m: Messages): void {
  const [problem] = analysisProblems(optionsOf(settings, m), mappedRoles(settings.mapping));
  if (problem) throw analysisProblemError(problem);
  const economics = economicsSettingsProblem(settings.economics, settings.mapping.margin >= 0, m, !!settings.windowMonths); // issue 15 §3
  if (economics) throw new WorkbookError(economics);
}

/**
 * `analyse`, with "no row could be used" worded as the pane's problem it is (issue 17): the mapped column by the
 * pane's label and its header, its first bad cell and that cell's value, as `tier` names a bad line.
 */
function analyseOrName(settings: AnalysisSettings, read: ReadColumns, m: Messages): AnalysisResult {
  try {
    return analyse(settings, read.cells, m);
  } catch (e) {
    const d = e instanceof CoreError && e.code === "noData" ? e.details : null;
    if (!d || d.row === undefined || !(ROLES as readonly string[]).includes(String(d.field))) throw e;
    const role = String(d.field) as Role;
    const column = columnOf(settings.mapping, role);
    const label = role === "amount" && settings.mapping.quantity >= 0 ? m.pane.amountAsUnitPrice : m.pane.roles[role];
    const header = read.header?.[column] ?? m.workbook.columnLetter(columnLetters(read.shape.column + column));
    const cell = a1(read.shape.row + (settings.hasHeader ? 1 : 0) + Number(d.row), read.shape.column + column);
    throw new WorkbookError(m.predictRest.data.noUsableRows(label, header, cell, problemText(String(d.code) as ProblemCode, String(d.value), m)), e);
  }
}

/** The analysis without the predictions: `withPredictions` follows when `settings.predict` is on. */
function analyse(settings: AnalysisSettings, cells: Partial<Record<Role, unknown[]>>, m: Messages): AnalysisResult {
  return runTiering(analysisColumns(cells), optionsOf(settings, m));
}

/** The mapped columns as the core reads them. */
export function analysisColumns(cells: Partial<Record<Role, unknown[]>>): AnalysisColumns {
  return {
    customers: cells.customer!,
    dates: cells.date!,
    amounts: cells.amount!,
    quantities: cells.quantity,
    margins: cells.margin,
    categories: cells.category,
    extras: cells.extra,
    orders: cells.order,
    nps: cells.nps,
    satisfaction: cells.satisfaction,
    complaints: cells.complaints,
    referrals: cells.referrals,
    engagement: cells.engagement,
  };
}

/** What the upgrade gap is measured against per customer: the tier basis's own value (ABC's values, the score, revenue or orders). */
function upgradeValue(a: AnalysisResult): ArrayLike<number> {
  if (a.tierBy === "abcClass") return a.abc.values;
  if (a.tierBy === "score" && a.score) return a.score.score;
  return a.upgrade?.kind === "orders" ? a.summary.orders : a.summary.totalAmount;
}

/** The customers closest to the next tier up (at most 20), each with its row on the results sheet. */
export function upgradeCandidates(a: AnalysisResult, m: Messages, resultsSheet: string): UpgradeCandidate[] {
  const up = a.upgrade;
  if (!up) return [];
  const labels = new Map(a.tiers.map((t) => [t.index, tierLabel(a, t, m)]));
  return closestToUpgrade(up, upgradeValue(a), 20).map((c) => ({
    customer: String(a.customerIds[c]),
    tier: labels.get(a.tierOf[c]) ?? "",
    nextTier: nextTierLabel(a, up.next[c], m),
    gap: up.gap[c],
    gapKind: up.kind,
    ...(up.orders ? { orders: up.orders[c] } : {}),
    cell: { sheet: resultsSheet, address: a1(1 + c, 0) },
  }));
}
