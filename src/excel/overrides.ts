/**
 * People's overrides in the workbook (issue 15 §2): the table the person owns and edits (an Excel table named
 * `TieringOverrides`, whatever the language, on a sheet of its own), read by every run, and what the run shows
 * of it: the Results sheet's final tier, the mark, the reason and the until date beside the run's own tier, and
 * the table's problem rows by their sheet row.
 *
 * The table is the person's: the add-in writes it once, when the pane asks for it and there is none (jobs/
 * overrides.ts), never marks its sheet as its own (ownership.ts's markers are what let the add-in replace a
 * sheet) and never writes to it again. The run reads it by name in the read syncs it already makes: sync 1 asks
 * whether it exists (`probeOverrides`), and its header and data rows ride the first read block's sync, as the
 * source's header row does (`queueOverridesRead`), so a workbook with overrides costs no extra round trip.
 * Headers are recognised in either language (or by their English CSV names, customer/tier/level/reason/until);
 * when none is recognised the columns are taken by position (customer, tier, reason, until), so a table made in
 * one language keeps working after the pane switches to the other.
 */
import { withOverrides, type OverriddenAnalysis } from "../core/analysis/overrides";
import type { AnalysisResult } from "../core/analysis/types";
import { readOverrides, overrideProblems, type AppliedOverrides, type OverrideColumns, type Overrides } from "../core/tiers/overrides";
import { ABC_LABELS } from "../core/tiers/abc";
import type { Messages } from "../i18n";
import { analysisVocabulary, knownNames, overrideColumnIndexes, overrideProblemText } from "../i18n/override-words";
import { scoreBandLabel, segmentName } from "../i18n/tier-names";
import { FORMAT } from "./formats";
import type { OverridesRunSummary } from "./port-overrides";
import { a1, loadShape, type Shape } from "./read";
import type { ColumnSpec } from "./results";

/** The table's name: stable and language-independent, so every run and every language finds it. */
export const OVERRIDES_TABLE = "TieringOverrides";
/** Problem rows a run report lists (the rest are counted). */
const LISTED = 20;

/** The overrides table as a run read it: its header, its data rows, and where the data rows start. */
export interface OverridesCells {
  header: readonly unknown[];
  rows: readonly (readonly unknown[])[];
  /** The data body's shape (sheet name, 0-based row and column of its first cell). */
  body: Shape;
}

/**
 * Sync 1: whether the table is there. `*OrNullObject` gives a proxy whose isNullObject is known only after a sync
 * (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model), so its ranges are asked
 * for only once it is known to exist (`queueOverridesRead`).
 */
export function probeOverrides(context: Excel.RequestContext): Excel.Table {
  return context.workbook.tables.getItemOrNullObject(OVERRIDES_TABLE);
}

/**
 * After sync 1: queues the table's header and data rows (when it exists) to ride the next sync; returns the
 * reader of what that sync brought, or null without a table.
 */
export function queueOverridesRead(probe: Excel.Table): (() => OverridesCells) | null {
  if (probe.isNullObject) return null;
  const header = probe.getHeaderRowRange().load("values");
  const body = probe.getDataBodyRange().load("values");
  const shape = loadShape(body);
  return () => ({ header: header.values[0] ?? [], rows: body.values, body: shape() });
}

/** The table's columns: by header in either language, else by position (customer, tier, reason, until). */
export function overrideColumns(cells: OverridesCells): OverrideColumns {
  const k = overrideColumnIndexes(cells.header);
  const column = (at: number) => (at < 0 ? undefined : cells.rows.map((r) => r[at]));
  return { customers: column(k.customers) ?? [], tiers: column(k.tiers) ?? [], reasons: column(k.reasons), untils: column(k.untils) };
}

/** A tier index of `a` as the sheets name it in the reader's language. */
export function tierIndexLabel(a: AnalysisResult, m: Messages): (k: number) => string {
  if (a.tierBy === "segment") return (k) => (k < 0 ? "" : segmentName(a.rfm.segmentation, k, m));
  if (a.tierBy === "score") return (k) => (k < 0 ? "" : scoreBandLabel(k, m));
  return (k) => ABC_LABELS[k] ?? "";
}

/** The run's overrides: the final analysis, and the report's counts and problem rows (sentences in `m`'s language). */
export function runOverrides(a: AnalysisResult, cells: OverridesCells, dayOrder: "mdy" | "dmy" | undefined, m: Messages): { overridden: OverriddenAnalysis; summary: OverridesRunSummary } {
  const vocabulary = analysisVocabulary(a);
  const overrides = readOverrides(overrideColumns(cells), vocabulary, dayOrder);
  const overridden = withOverrides(a, overrides);
  return { overridden, summary: overridesSummary(overrides, overridden.applied, cells, knownNames(vocabulary, tierIndexLabel(a, m), m), m) };
}

/** A report's counts and problem rows of the table (`known`: the names an unknown tier or level is told to use). */
export function overridesSummary(overrides: Overrides, applied: AppliedOverrides, cells: OverridesCells, known: string, m: Messages): OverridesRunSummary {
  const problems = overrideProblems(overrides, applied);
  const { body } = cells;
  // A row as the person sees it: the sheet's row number (1-based), in column A of the table.
  const where = (row: number) => m.overrides.where.tableRow(body.sheet, body.row + row + 1);
  return {
    sheet: body.sheet,
    active: applied.active,
    expired: applied.expired,
    unmatched: applied.unmatched,
    problems: problems.slice(0, LISTED).map((p) => ({ cell: { sheet: body.sheet, address: a1(body.row + p.row, body.column) }, message: overrideProblemText(p, where, known, m) })),
    moreProblems: Math.max(0, problems.length - LISTED),
  };
}

/** The key of the Results sheet's own tier column (the pivot and charts find it by key). */
export const tierColumnKey = (a: AnalysisResult) => (a.tierBy === "segment" ? "segment" : a.tierBy === "abcClass" ? "abcClass" : "band");

/**
 * The Results sheet's columns with the override's four after the run's own tier column (which is unchanged):
 * the final tier, a mark where an override applies, its reason and its last day.
 */
export function withOverrideColumns(columns: ColumnSpec[], a: AnalysisResult, overridden: OverriddenAnalysis, m: Messages): ColumnSpec[] {
  const { applied, overrides } = overridden;
  const label = tierIndexLabel(a, m);
  const h = m.overrides.columns;
  const entry = (c: number) => (applied.entryOf[c] < 0 ? null : overrides.entries[applied.entryOf[c]]);
  const added: ColumnSpec[] = [
    { key: "finalTier", header: h.finalTier, format: FORMAT.text, value: (c) => label(applied.tierOf[c]) },
    { key: "overridden", header: h.overridden, format: FORMAT.text, value: (c) => (applied.entryOf[c] < 0 ? "" : OVERRIDDEN_MARK) },
    { key: "overrideReason", header: h.reason, format: FORMAT.text, value: (c) => entry(c)?.reason ?? "" },
    { key: "overrideUntil", header: h.until, format: FORMAT.date, value: (c) => entry(c)?.until ?? "" },
  ];
  const k = columns.findIndex((c) => c.key === tierColumnKey(a));
  const at = k < 0 ? columns.length : k + 1;
  return [...columns.slice(0, at), ...added, ...columns.slice(at)];
}

/** What the Overridden column marks an overridden customer with (as the churn list marks "can't lose"). */
export const OVERRIDDEN_MARK = "✓";
