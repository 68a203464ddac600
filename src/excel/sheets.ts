/**
 * Sheet ownership. The add-in keeps the ids of the sheets it created in a document setting
 * (OWNED_KEY); an id survives renames and a copied sheet gets a new one, so a sheet the user copied
 * is the user's. A sheet is replaced only when it is owned and carries the name the add-in is about
 * to use; any other sheet of that name is the user's, and the add-in picks "Tiers (2)", "Tiers (3)" …
 * A renamed results sheet is left alone (the user may keep it as a snapshot). The sheet holding the
 * source data is never replaced. Which sheets are owned is decided with markers as well as ids (ownership.ts), so
 * ownership survives a reopen that renews the ids.
 */

export interface SheetInfo {
  name: string;
  id: string;
  /** As loaded (settings.ts `loadBookState`); absent where a job did not load it. */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

/**
 * The owned sheets a job may replace: never a very hidden one, which Excel refuses to delete (GeneralException,
 * office-js #365; https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#delete-a-worksheet)
 * and which is the add-in's history (kept even when its index is unreadable: settings.ts `setAside`).
 */
export function replaceableIds(owned: readonly string[], sheets: readonly SheetInfo[], except: readonly (string | null)[] = []): Set<string> {
  const veryHidden = new Set(sheets.filter((s) => s.visibility === "VeryHidden").map((s) => s.id));
  return new Set(owned.filter((id) => !veryHidden.has(id) && !except.includes(id)));
}

/** The first of base, "base (2)", "base (3)" … that is free or owned-and-replaceable; never one of `taken`. */
export function chooseSheetName(base: string, sheets: readonly SheetInfo[], replaceable: ReadonlySet<string>, taken: ReadonlySet<string> = new Set()): string {
  for (let k = 1; ; k++) {
    const name = k === 1 ? base : `${base} (${k})`;
    const key = name.toLowerCase();
    if (taken.has(key)) continue;
    const hit = sheets.find((s) => s.name.toLowerCase() === key);
    if (!hit || replaceable.has(hit.id)) return name;
  }
}

/** A table or PivotTable name not yet used: base, base2, base3 … */
export function freeName(base: string, used: readonly string[]): string {
  const lower = new Set(used.map((u) => u.toLowerCase()));
  for (let k = 1; ; k++) {
    const name = k === 1 ? base : `${base}${k}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export interface SheetPlan {
  results: string;
  summary: string;
  /** The churn-warning sheet, when asked for (Predict CLV & churn), else null. */
  churn: string | null;
  /** The hidden history sheet, when the run must create it (none yet, or its sheet is gone), else null. */
  history: string | null;
  /** Owned sheets to delete before writing (they carry the names about to be used). */
  replace: SheetInfo[];
}

export function planSheets(
  names: { results: string; summary: string; churn?: string | null; history?: string | null },
  sheets: readonly SheetInfo[],
  owned: readonly string[],
  sourceSheetId: string | null,
): SheetPlan {
  const replaceable = replaceableIds(owned, sheets, [sourceSheetId]);
  const results = chooseSheetName(names.results, sheets, replaceable);
  const summary = chooseSheetName(names.summary, sheets, replaceable, new Set([results.toLowerCase()]));
  const chosen = new Set([results.toLowerCase(), summary.toLowerCase()]);
  const churn = names.churn ? chooseSheetName(names.churn, sheets, replaceable, chosen) : null;
  if (churn) chosen.add(churn.toLowerCase());
  const history = names.history ? chooseSheetName(names.history, sheets, replaceable, chosen) : null;
  if (history) chosen.add(history.toLowerCase());
  const replace = sheets.filter((s) => replaceable.has(s.id) && chosen.has(s.name.toLowerCase()));
  return { results, summary, churn, history, replace };
}
