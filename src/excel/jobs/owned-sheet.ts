/**
 * The sheets the dynamic jobs add (the migration sheet, one sheet per pilot), recorded as the add-in's the way
 * a run records its own (sheets.ts has the rules): the sheet added in a sync of its own, recorded as owned at
 * the start of the job's next sync, and recorded in one more sync should the adding sync fail part-way.
 */
import { withSuppressed } from "../errors";
import { loadMarks, recordOwned, resolveOwnership } from "../ownership";
import type { BookState } from "../settings";
import { chooseSheetName, replaceableIds } from "../sheets";

/**
 * Adds a sheet the add-in owns, named `base` or "base (2)" … beside a user's sheet of that name; with
 * `replace`, an owned sheet of the chosen name is deleted first (the migration sheet), otherwise every
 * owned sheet stays (pilot sheets, one per pilot). One sync; the caller records the sheet as owned at the
 * start of its next sync (`ownedWith`). Should this sync fail after the sheet was added, the sheet is
 * recorded as owned in one more sync before the error goes on, so no sheet is left the user's by mistake.
 */
export async function addOwnedSheet(context: Excel.RequestContext, base: string, state: BookState, replace: boolean, keep: readonly string[]): Promise<{ sheet: Excel.Worksheet; replaced: string | null }> {
  const wb = context.workbook;
  const replaceable = replace ? replaceableIds(state.owned, state.sheets, keep) : new Set<string>();
  const name = chooseSheetName(base, state.sheets, replaceable);
  const old = state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() && replaceable.has(s.id)) ?? null;
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
      const before = new Set(state.sheets.map((s) => s.id));
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

/** The owned list once `sheetId` is added (and `replaced` is gone). */
export function ownedWith(state: BookState, sheetId: string, replaced: string | null): string[] {
  const present = new Set(state.sheets.map((s) => s.id));
  return [...state.owned.filter((id) => present.has(id) && id !== replaced && id !== sheetId), sheetId];
}

/** Sheets the jobs never replace: the history and the pilots' lists. */
export function keptSheets(state: BookState): string[] {
  return [...(state.history ? [state.history.sheetId] : []), ...state.pilots.map((p) => p.sheetId)];
}
