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
 * That sync is taken only when there is a sheet to replace.
 *
 * And the person may type into that sheet meanwhile (a note beside the matrix, a figure corrected): a job that
 * replaces its own sheet watches the workbook's edits from its first sync (edits.ts `withEditWatch`, the run's
 * watch) and passes the watch here; the check sync removes it, and an owned sheet edited since the job began is
 * kept as it is, as the person's (no longer owned: `ownedWith`'s `disowned`), the new result beside it, and the
 * job's report says so in the run's sentence (`keptNoteOf`). Without a sheet to replace the watch is removed with
 * the adding sync. Neither costs a round trip of its own.
 */
import type { Messages } from "../../i18n";
import { sheetList } from "../../i18n/en/ownership";
import type { EditWatch } from "../edits";
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
 * With a sheet to replace, one check sync comes first (the header says why); `watch` (the job's, from its first sync)
 * is removed with it, or with the adding sync when there is none to replace, and an edited sheet is `kept`.
 */
export async function addOwnedSheet(
  context: Excel.RequestContext,
  base: string,
  state: BookState,
  replace: boolean,
  keep: readonly string[],
  watch: EditWatch | null = null,
): Promise<AddedSheet> {
  const wb = context.workbook;
  const replaceable = replace ? replaceableIds(state.owned, state.sheets, keep) : new Set<string>();
  let sheets: readonly SheetInfo[] = state.sheets;
  let name = chooseSheetName(base, sheets, replaceable);
  let old = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() && replaceable.has(s.id)) ?? null;
  let kept: SheetInfo | null = null;
  if (old) {
    const checked = await stillOwned(context, state, old, watch);
    sheets = checked.sheets;
    if (checked.edited) kept = old;
    if (!checked.owned) old = null;
    name = chooseSheetName(base, sheets, old ? new Set([old.id]) : new Set());
  }
  // No check sync (nothing to replace): the watch goes with the adding sync.
  watch?.stop();
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
  return { sheet, replaced: old?.id ?? null, kept };
}

/** The sheet a job added, the owned sheet it replaced (id) and the owned sheet it kept because the person edited it. */
export interface AddedSheet {
  sheet: Excel.Worksheet;
  replaced: string | null;
  kept: SheetInfo | null;
}

/**
 * The check sync: the sheets and the markers as they are now. `old` is still the add-in's when a sheet has its id
 * and its name and, where the job's first sync found its marker, that marker still names it (ownership.ts), and
 * the person did not edit it since the job's first sync (`watch`, removed with this sync: what it saw until now decides).
 */
async function stillOwned(context: Excel.RequestContext, state: BookState, old: SheetInfo, watch: EditWatch | null): Promise<{ owned: boolean; edited: boolean; sheets: SheetInfo[] }> {
  const now = context.workbook.worksheets.load("items/name,items/id,items/visibility");
  const marks = loadMarks(context);
  watch?.stop();
  await context.sync();
  const sheets = now.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility as SheetInfo["visibility"] }));
  const same = sheets.some((s) => s.id === old.id && s.name.toLowerCase() === old.name.toLowerCase());
  const markName = state.ownership.marks.get(old.id);
  const marked = markName === undefined || marks().some((k) => k.name === markName && k.sheetName?.toLowerCase() === old.name.toLowerCase());
  const edited = same && marked && watch !== null && watch.edited.has(old.id);
  return { owned: same && marked && !edited, edited, sheets };
}

/** The owned list once `sheetId` is added (and `replaced` is gone; `disowned`, an owned sheet the person edited, is theirs). */
export function ownedWith(state: BookState, sheetId: string, replaced: string | null, disowned: string | null = null): string[] {
  const present = new Set(state.sheets.map((s) => s.id));
  return [...state.owned.filter((id) => present.has(id) && id !== replaced && id !== disowned && id !== sheetId), sheetId];
}

/** The owned list once `added` is in (its replaced sheet gone, its kept one the person's). */
export const ownedAfter = (state: BookState, added: AddedSheet): string[] => ownedWith(state, added.sheet.id, added.replaced, added.kept?.id ?? null);

/**
 * The report's notice for a sheet kept because the person edited it: the run's sentence (i18n part `ownership`),
 * naming the kept sheet and the one written instead; nothing when none was kept.
 */
export function keptNoteOf(m: Messages, added: AddedSheet): { keptNote?: string } {
  if (!added.kept) return {};
  return { keptNote: m.ownership.keptEdited(1, sheetList(m.ownership, [added.kept.name]), sheetList(m.ownership, [added.sheet.name])) };
}

/** Sheets the jobs never replace: the history and the pilots' lists. */
export function keptSheets(state: BookState): string[] {
  return [...(state.history ? [state.history.sheetId] : []), ...state.pilots.map((p) => p.sheetId)];
}
