/**
 * Membership levels (issue 15 §1): "Compute levels" reads the source as a run reads it (run.ts `read`: the same
 * mapping, header, returns left out, orders grouped, the analysis date "as it stood then"), replays the level policy
 * at every month-end review with the core (src/core/over-time/levels.ts `computeLevels`) and writes three sheets of
 * its own: "Levels" (per customer at the last review), "Level changes" (the history of changes) and "Downgrade
 * warnings" (those who drop at the next review unless they buy more), each an Excel table so the person sorts and
 * filters it (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member).
 * The policy is saved with the analysis settings in the last sync, so it comes back when the workbook is reopened.
 * People's overrides (issue 15 §2, levels-overrides.ts): the `TieringOverrides` table comes with the run's read, and
 * its levels are shown beside the computed ones; the report counts customers per final level.
 *
 * Ownership as every job that replaces its own sheet (owned-sheet.ts): each of the three is added by `addOwnedSheet`,
 * which checks an old one still is the add-in's (and was not edited since the job's first sync, edits.ts
 * `withEditWatch`) before replacing it; an edited one is kept as the person's and the report says so (`keptNote`). The
 * watch is removed at the first of those syncs, so an edit made between it and the next sheet's check is not seen:
 * one sync's time, documented in docs/EXCEL.md.
 *
 * Syncs, whatever the number of customers (up to the sizes in docs/PERFORMANCE.md): a run's read (1 + READ_SYNCS,
 * more only for very wide data) + 3 (the sheets replaced or added) + up to 3 (the checks, one per sheet there to
 * replace) + max(LEVELS_WRITE_SYNCS, ⌈bytes ÷ PAYLOAD_TARGET⌉) (the three sheets' rows as one sequence split by bytes,
 * so each request stays under Office's 5 MB; ownership, titles and headers with the first, tables and the settings
 * with the last).
 */
import { computeLevels, levelPolicyProblems, type LevelChange, type LevelPolicy, type LevelsResult } from "../../core/over-time/levels";
import { readPurchases } from "../../core/analysis/rows";
import { serialToIsoDate } from "../../core/cells/dates";
import { messages, type Locale, type Messages } from "../../i18n";
import { sheetList } from "../../i18n/en/ownership";
import { levelProblemSentences } from "../../i18n/level-problems";
import { splitByBytes } from "../batch";
import { withEditWatch } from "../edits";
import { userError, WorkbookError } from "../errors";
import type { ExcelHost } from "../host";
import { PAYLOAD_TARGET } from "../host";
import type { AnalysisSettings, LevelsReport, LevelsRequest, LevelsSettings } from "../port";
import { recordOwned } from "../ownership";
import { a1Range } from "../read";
import { queueHeader, queueRows, queueText, resultRows, type ColumnSpec } from "../results";
import { SETTINGS_KEY, upgradeSettings, type BookState } from "../settings";
import { freeName } from "../sheets";
import { job, suspendCalculation } from "./job";
import { changesColumns, levelsColumns, warningOrder, warningsColumns } from "./levels-sheets";
import { levelsOverrides, withLevelOverrideColumns, type LevelsOverridden } from "./levels-overrides";
import { addOwnedSheet, keptSheets, type AddedSheet } from "./owned-sheet";
import { read } from "./run";
import { analysisColumns, checkSettings, optionsOf } from "./run-compute";
import { quietRunJob } from "./run-job";

/** Syncs that write the three sheets' rows (at least; more beyond this × PAYLOAD_TARGET). Two, so the first can read the table names the last needs. */
export const LEVELS_WRITE_SYNCS = 2;
/** Each sheet's header row (0-based): title, note, a blank row above it. */
export const LEVELS_TABLE_ROW = 3;
/**
 * Rows a Levels sheet holds below its title and header: Excel's 1,048,576 rows per sheet
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * Checked before any sheet is added: a history past it once wrote eighteen syncs of rows, then failed with
 * Excel's 'The address "A1026270:E1084181" is outside the sheet' (issue 12's hostile pass).
 */
export const SHEET_DATA_ROWS = 1_048_576 - LEVELS_TABLE_ROW - 1;
/** The tables' names (a number follows when one of the person's has it). */
export const LEVELS_TABLES = { levels: "TieringLevels", changes: "TieringLevelChanges", warnings: "TieringDowngradeWarnings" } as const;

type SheetKey = keyof typeof LEVELS_TABLES;
const KEYS: readonly SheetKey[] = ["levels", "changes", "warnings"];

/** The request's policy as the core takes it, or a WorkbookError in the pane's words (the core's codes worded by the grid's labels). */
export function policyOf(policy: LevelsSettings, m: Messages): LevelPolicy {
  const core: LevelPolicy = { levels: policy.levels.map((l) => ({ name: l.name, entry: l.entry, keep: l.keep })), metric: policy.metric, windowMonths: policy.windowMonths, validityMonths: policy.validityMonths };
  const problems = levelPolicyProblems(core);
  if (problems.length > 0) throw new WorkbookError(m.levelsPane.errors.policy(levelProblemSentences(problems, m).join(" ")));
  return core;
}

export function writeLevels(host: ExcelHost, given: AnalysisSettings, request: LevelsRequest, locale: Locale): Promise<LevelsReport> {
  const m = messages(locale);
  const settings = upgradeSettings(given);
  const source = settings.source;
  let policy: LevelPolicy;
  try {
    if (!source) throw new WorkbookError(m.workbook.errors.noSource);
    policy = policyOf(request.policy, m);
  } catch (e) {
    return Promise.reject(userError(e, m));
  }
  // The analysis date: the request's, else the settings', else the last purchase (readCustomers cuts the rows there).
  const withAsOf: AnalysisSettings = { ...settings, asOf: request.asOf ?? settings.asOf };
  return job(host, locale, async (context) => {
    const runJob = quietRunJob(host, context, m, withAsOf, source);
    checkSettings(withAsOf, m);
    return withEditWatch(context, host, async (watch) => {
      const data = await read(runJob);
      const options = optionsOf(withAsOf, m);
      // Returns kept: the core nets them off the spend (and they are not orders), as =TIER.LEVELS and `tier levels` do.
      const { tx } = readPurchases(analysisColumns(data.cells), { ...options, keepReturns: true });
      if (tx.validRows === 0) throw new WorkbookError(m.levelsPane.errors.noPurchases);
      let last = -Infinity;
      for (let i = 0; i < tx.date.length; i++) if (tx.date[i] > last) last = tx.date[i];
      const asOf = Math.floor(options.asOf ?? last);
      // The history grows with customers × month-ends: refused as soon as it passes what its sheet holds (below).
      const history: LevelChange[] = [];
      const computed = computeLevels(tx, policy, asOf, null, (change) => {
        if (history.push(change) > SHEET_DATA_ROWS) throw new WorkbookError(m.hostile15.levelChangesTooMany(m.levelsPane.book.changesSheet, SHEET_DATA_ROWS));
      });
      computed.changes = history;
      // People's overrides (levels-overrides.ts): the history with the override rows, the warnings of the final levels.
      const ov = levelsOverrides(computed, policy, data.overrides, withAsOf.dayOrder, m);
      const result: LevelsResult = ov ? { ...computed, changes: ov.applied.changes, downgradesNextReview: ov.applied.downgradesNextReview } : computed;
      const order = warningOrder(result);
      const own = levelsColumns(computed, policy, m);
      const specs: Record<SheetKey, ColumnSpec[]> = {
        levels: ov ? withLevelOverrideColumns(own, policy, ov.applied, m) : own,
        changes: changesColumns(result, policy, m),
        warnings: warningsColumns(result, policy, order, m),
      };
      const counts: Record<SheetKey, number> = { levels: result.customerIds.length, changes: result.changes.length, warnings: order.length };
      for (const k of KEYS) {
        if (counts[k] <= SHEET_DATA_ROWS) continue;
        const sheet = { levels: m.levelsPane.book.levelsSheet, changes: m.levelsPane.book.changesSheet, warnings: m.levelsPane.book.warningsSheet }[k];
        throw new WorkbookError(k === "changes" ? m.hostile15.levelChangesTooMany(sheet, SHEET_DATA_ROWS) : m.hostile15.levelsSheetTooLong(sheet, counts[k], SHEET_DATA_ROWS));
      }
      const tables = KEYS.map((k) => resultRows(specs[k], counts[k]));

      // The three sheets, each added beside or in place of the last one (owned-sheet.ts); the state each next call
      // sees includes the sheets added before it, so a failure part-way records them as the add-in's.
      const b = m.levelsPane.book;
      const names: Record<SheetKey, string> = { levels: b.levelsSheet, changes: b.changesSheet, warnings: b.warningsSheet };
      let state: BookState = data.book;
      const keep = keptSheets(data.book);
      const added: AddedSheet[] = [];
      for (const k of KEYS) {
        // Three sheets, one after another: each add's syncs see the one before (a fixed count, docs/EXCEL.md).
        const a = await addOwnedSheet(context, names[k], state, true, keep, watch);
        added.push(a);
        state = grown(state, a);
      }
      const owned = state.owned;
      const sheets = added.map((a) => a.sheet);

      // The rows of the three sheets as one sequence, split by bytes: each sync writes its part of each sheet.
      const offsets = [0, counts.levels, counts.levels + counts.changes];
      const total = offsets[2] + counts.warnings;
      const bytes = new Float64Array(total);
      KEYS.forEach((_, s) => bytes.set(tables[s].bytes, offsets[s]));
      const blocks = splitByBytes(bytes, LEVELS_WRITE_SYNCS, PAYLOAD_TARGET);
      const parts = blocks.length - 1;
      const titles = sheetTitles(result, policy, asOf, m, ov !== null);
      let tableNames: { items: { name: string }[] } | null = null;
      for (let k = 0; k < parts; k++) {
        suspendCalculation(host, context);
        if (k === 0) {
          recordOwned(context, data.book.ownership, owned);
          // Read with this sync, after the old sheets went with the adding syncs: their tables' names are free again.
          tableNames = context.workbook.tables.load("items/name");
          KEYS.forEach((key, s) => {
            const sheet = sheets[s];
            queueText(sheet.getRange("A1"), titles[key].title).format.font.bold = true;
            if (titles[key].note) queueText(sheet.getRange("A2"), titles[key].note!);
            queueHeader(sheet, specs[key], LEVELS_TABLE_ROW);
          });
        }
        KEYS.forEach((key, s) => {
          const from = Math.max(blocks[k], offsets[s]) - offsets[s];
          const to = Math.min(blocks[k + 1], offsets[s] + counts[key]) - offsets[s];
          queueRows(sheets[s], specs[key], tables[s].rows, from, to, LEVELS_TABLE_ROW + 1);
        });
        if (k === parts - 1) {
          const used = tableNames!.items.map((t) => t.name);
          KEYS.forEach((key, s) => {
            const sheet = sheets[s];
            // An empty list still gets its table (header and one blank row), so the filters have columns to act on.
            const table = sheet.tables.add(a1Range(LEVELS_TABLE_ROW, 0, Math.max(counts[key], 1) + 1, specs[key].length), true);
            const name = freeName(LEVELS_TABLES[key], used);
            used.push(name);
            table.name = name;
            sheet.getRange(a1Range(LEVELS_TABLE_ROW, 0, Math.min(counts[key], 200) + 1, specs[key].length)).format.autofitColumns();
          });
          // The policy with the settings, so it comes back on reopening and the next run keeps it.
          context.workbook.settings.add(SETTINGS_KEY, { ...settings, levelPolicy: request.policy } satisfies AnalysisSettings);
          sheets[0].activate();
        }
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block by design: each request stays under Office's 5 MB, in the fixed count docs/EXCEL.md promises
        await context.sync();
      }
      return reportOf(result, policy, asOf, order.length, sheets, added, m, ov);
    });
  });
}

/** The state once `a` is in: its sheet listed and owned, the sheet it replaced gone, the one it kept the person's. */
function grown(state: BookState, a: AddedSheet): BookState {
  const gone = new Set([a.replaced, a.kept?.id].filter((id): id is string => !!id));
  return {
    ...state,
    sheets: [...state.sheets.filter((s) => s.id !== a.replaced), { name: a.sheet.name, id: a.sheet.id, visibility: "Visible" }],
    owned: [...state.owned.filter((id) => !gone.has(id) && state.sheets.some((s) => s.id === id)), a.sheet.id],
  };
}

function sheetTitles(r: LevelsResult, policy: LevelPolicy, asOf: number, m: Messages, overridden: boolean): Record<SheetKey, { title: string; note: string | null }> {
  const b = m.levelsPane.book;
  const iso = serialToIsoDate;
  return {
    levels: { title: b.levelsTitle(iso(asOf), m.levelsPane.metricOptions[policy.metric], policy.windowMonths, policy.validityMonths), note: overridden ? m.levelOverrides.note(b.levelsNote) : b.levelsNote },
    changes: { title: b.changesTitle(iso(r.reviews.first), iso(r.reviews.last), String(r.reviews.count)), note: null },
    warnings: { title: b.warningsTitle(iso(r.reviews.next)), note: null },
  };
}

function reportOf(r: LevelsResult, policy: LevelPolicy, asOf: number, warnings: number, sheets: Excel.Worksheet[], added: AddedSheet[], m: Messages, ov: LevelsOverridden | null): LevelsReport {
  const perLevel = policy.levels.map((l) => ({ level: l.name, customers: 0 }));
  // Counted by the final level (the override's where one holds), as the run's Tier Summary counts the final tiers.
  const level = ov ? ov.applied.finalLevel : r.level;
  let noLevel = 0;
  for (let i = 0; i < level.length; i++) {
    if (level[i] >= 0) perLevel[level[i]].customers++;
    else noLevel++;
  }
  const kept = added.filter((a) => a.kept);
  const o = m.ownership;
  return {
    sheets: { levels: sheets[0].name, changes: sheets[1].name, warnings: sheets[2].name },
    asOf: serialToIsoDate(asOf),
    nextReview: serialToIsoDate(r.reviews.next),
    reviews: { first: serialToIsoDate(r.reviews.first), last: serialToIsoDate(r.reviews.last), count: r.reviews.count },
    customers: r.customerIds.length,
    perLevel,
    noLevel,
    warnings,
    changes: r.changes.length,
    overrides: ov ? ov.summary : null,
    ...(kept.length > 0 ? { keptNote: o.keptEdited(kept.length, sheetList(o, kept.map((a) => a.kept!.name)), sheetList(o, kept.map((a) => a.sheet.name))) } : {}),
  };
}
