/**
 * The sheets the dynamic jobs add (the migration sheet, one sheet per pilot), recorded as the add-in's the way
 * a run records its own (sheets.ts has the rules): the sheet added in a sync of its own, recorded as owned at
 * the start of the job's next sync, and recorded in one more sync should the adding sync fail part-way.
 *
 * A job that replaces its own sheet (compare, trends, cohorts, movers) read the workbook at its start and then
 * read the history and computed, for seconds at 100,000 customers: the person may have renamed that sheet (the
 * guide's snapshot workflow) or added one of that name meanwhile. So before deleting it, one check sync re-reads the
 * sheets and the markers, as the run's check sync does (run-write.ts `recheck`; issue 11): the sheet is deleted only
 * while it still has its name, its id and its marker; otherwise it is the person's and the new sheet goes beside it.
 * That sync is taken only when there is a sheet to replace. Edits are not watched here (the run's `onChanged` watch,
 * edits.ts, covers the run's sheets): these jobs' sheets are reports the add-in rewrites whole, and docs/EXCEL.md
 * says so.
 */
import { withSuppressed } from "../errors";
import { loadMarks, recordOwned, resolveOwnership } from "../ownership";
import type { BookState } from "../settings";
import { chooseSheetName, replaceableIds, type SheetInfo } from "../sheets";

/**
 * Adds a sheet the add-in owns, named `base` or "base (2)" … beside a user's sheet of that name; with
 * `replace`, an owned sheet of the chosen name is deleted first (the migration sheet), otherwise every
 * owned sheet stays (pilot sheets, one per pilot). One sync; the caller records the sheet as owned at the
 * start of its next sync (`ownedWith`). Should this sync fail after the sheet was added, the sheet is
 * recorded as owned in one more sync before the error goes on, so no sheet is left the user's by mistake.
 * With a sheet to replace, one check sync comes first (the header says why).
 */
export async function addOwnedSheet(context: Excel.RequestContext, base: string, state: BookState, replace: boolean, keep: readonly string[]): Promise<{ sheet: Excel.Worksheet; replaced: string | null }> {
  const wb = context.workbook;
  const replaceable = replace ? replaceableIds(state.owned, state.sheets, keep) : new Set<string>();
  let sheets: readonly SheetInfo[] = state.sheets;
  let name = chooseSheetName(base, sheets, replaceable);
  let old = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() && replaceable.has(s.id)) ?? null;
  if (old) {
    const checked = await stillOwned(context, state, old);
    sheets = checked.sheets;
    if (!checked.owned) old = null;
    name = chooseSheetName(base, sheets, old ? new Set([old.id]) : new Set());
  }
  if (old) wb.worksheets.getItem(old.id).delete();
  const sheet = wb.worksheets.add(name);
  sheet.load("id,name");
  try {
    await context.sync();
  } catch (e) {
    try {
      const now = wb.worksheets.load("items/name,items/id");
      const marks = loadMarks(context);
      await context.sync();
      const before = new Set(sheets.map((s) => s.id));
      const added = now.items.filter((s) => !before.has(s.id) && s.name.toLowerCase() === name.toLowerCase()).map((s) => s.id);
      if (added.length > 0) {
        const present = new Set(now.items.map((s) => s.id));
        const owned = [...state.owned.filter((id) => present.has(id)), ...added];
        recordOwned(context, resolveOwnership(now.items, owned, marks(), true), owned);
        await context.sync();
      }
    } catch (recordError) {
      throw withSuppressed(e, recordError);
    }
    throw e;
  }
  return { sheet, replaced: old?.id ?? null };
}

/**
 * The check sync: the sheets and the markers as they are now. `old` is still the add-in's when a sheet has its id
 * and its name and, where the job's first sync found its marker, that marker still names it (ownership.ts).
 */
async function stillOwned(context: Excel.RequestContext, state: BookState, old: SheetInfo): Promise<{ owned: boolean; sheets: SheetInfo[] }> {
  const now = context.workbook.worksheets.load("items/name,items/id,items/visibility");
  const marks = loadMarks(context);
  await context.sync();
  const sheets = now.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility as SheetInfo["visibility"] }));
  const same = sheets.some((s) => s.id === old.id && s.name.toLowerCase() === old.name.toLowerCase());
  const markName = state.ownership.marks.get(old.id);
  const marked = markName === undefined || marks().some((k) => k.name === markName && k.sheetName?.toLowerCase() === old.name.toLowerCase());
  return { owned: same && marked, sheets };
}

/** The owned list once `sheetId` is added (and `replaced` is gone). */
export function ownedWith(state: BookState, sheetId: string, replaced: string | null): string[] {
  const present = new Set(state.sheets.map((s) => s.id));
  return [...state.owned.filter((id) => present.has(id) && id !== replaced && id !== sheetId), sheetId];
}

/** Sheets the jobs never replace: the history and the pilots' lists. */
export function keptSheets(state: BookState): string[] {
  return [...(state.history ? [state.history.sheetId] : []), ...state.pilots.map((p) => p.sheetId)];
}
