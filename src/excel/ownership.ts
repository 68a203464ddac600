/**
 * Which sheets are the add-in's: a marker the add-in controls, checked together with the sheet's id (issue 11).
 *
 * Why not the ids alone: a worksheet's id is kept within a session only; reopened in another Excel the workbook's
 * sheets get new ids (office-js #1390), some of them positional, `{00000000-0001-0000-000k-…}` (office-js-docs
 * #297), so an owned sheet would be disowned and a person's sheet could inherit an owned id.
 *
 * The marker: one hidden, workbook-scoped named item per owned sheet, `TieringOwned_<n>`, referring to the sheet's
 * A1, its comment "Tiering: owned sheet <id>" naming the id recorded in `tiering.ownedSheets`
 * (NamedItemCollection.add(name, reference, comment), ExcelApi 1.4:
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection#excel-excel-nameditemcollection-add-member(1);
 * NamedItem.visible, ExcelApi 1.1, keeps it out of the Name Manager; NamedItem.formula, ExcelApi 1.7, tells where it
 * points). Workbook-scoped, not sheet-scoped, on purpose: a name refers to cells, so it follows a rename and
 * survives a reopen; it turns to #REF! when its sheet is deleted; and a copied sheet takes along its own
 * sheet-scoped names (a sheet-scoped marker would make every copy look owned) while a workbook name stays on the
 * original, the copy getting a sheet-scoped twin that `workbook.names` does not list (src/standin/names.ts cites it).
 *
 * The rules (`resolveOwnership`):
 * - a marker pointing at a sheet whose id is the one it records: owned;
 * - a marker pointing at a sheet with another id while no sheet has the recorded id: the workbook was reopened and
 *   its ids renewed; owned, and the new id is recorded in place of the old one everywhere the add-in keeps sheet
 *   ids (ownership, the history's index, the pilots, the last run, the movers), then the marker's comment;
 * - a marker pointing at a sheet with another id while some sheet has the recorded id: the two cannot be told apart
 *   (a copy Excel gave the marker, or an id reused by a positional renumbering), so neither is owned and the marker
 *   is dropped: nothing of either is ever replaced, a run writes beside them;
 * - a sheet with a recorded id and no marker (a person's sheet that inherited the id, or one whose marker was
 *   deleted): not owned; it stays as it is, and the add-in writes its own sheet beside it ("Tiers (2)"), or, for the
 *   history, starts a new one (the old very hidden sheet is kept, never deleted);
 * - a workbook from before the markers (`tiering.ownershipMarks` unset) trusts its recorded ids until the next job
 *   records ownership, which marks them.
 */
import type { SheetInfo } from "./sheets";

export const OWNED_KEY = "tiering.ownedSheets";
/** Set (to 1) once the workbook's owned sheets carry markers; before it, the recorded ids are trusted. */
export const MARKS_KEY = "tiering.ownershipMarks";
export const MARK_PREFIX = "TieringOwned_";
const COMMENT = "Tiering: owned sheet ";
/** The document settings that hold sheet ids, rewritten when a reopen renewed them (settings.ts, movers.ts). */
export const RECORD_KEYS = ["tiering.history", "tiering.pilots", "tiering.lastRun", "tiering.movers"] as const;

/** One of the add-in's markers as loaded: its name, the sheet its formula names (null for #REF!), the id it records. */
export interface Mark {
  name: string;
  sheetName: string | null;
  recordedId: string;
}

/** The sheet a name's formula refers to: "=Tiers!$A$1" → "Tiers", "='It''s'!$A$1" → "It's", "=#REF!$A$1" → null. */
export function formulaSheet(formula: string): string | null {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  if (text.startsWith("'")) {
    // A quoted name ends at the quote before "!"; '' inside it is one quote.
    let name = "";
    for (let k = 1; k < text.length; k++) {
      if (text[k] !== "'") name += text[k];
      else if (text[k + 1] === "'") name += text[++k];
      else return text[k + 1] === "!" ? name : null;
    }
    return null;
  }
  const bang = text.lastIndexOf("!");
  const sheet = bang < 0 ? "" : text.slice(0, bang);
  return sheet === "" || sheet.startsWith("#REF") ? null : sheet;
}

/** Queues the load of the workbook's names; the returned function gives the add-in's markers after the caller's sync. */
export function loadMarks(context: Excel.RequestContext): () => Mark[] {
  const names = context.workbook.names.load("items/name,items/formula,items/comment");
  return () =>
    names.items
      .filter((n) => n.name.startsWith(MARK_PREFIX) && typeof n.comment === "string" && n.comment.startsWith(COMMENT))
      .map((n) => ({ name: n.name, sheetName: typeof n.formula === "string" ? formulaSheet(n.formula) : null, recordedId: n.comment.slice(COMMENT.length) }));
}

export interface Ownership {
  /** Ids (as they are now) of the sheets the add-in owns. */
  owned: string[];
  /** Recorded id → the id the sheet has now, for owned sheets whose ids a reopen renewed. */
  renewed: Map<string, string>;
  /** Owned sheet id (now) → its marker's name. */
  marks: Map<string, string>;
  /** The add-in's markers that mark no owned sheet (#REF!, ambiguous, unrecorded): deleted when ownership is next recorded. */
  stale: string[];
  /** The number the next marker takes. */
  next: number;
}

/** Who owns what, by the rules in the header. `marked`: the workbook's markers are kept (MARKS_KEY set). */
export function resolveOwnership(sheets: readonly SheetInfo[], recorded: readonly string[], marks: readonly Mark[], marked: boolean): Ownership {
  const next = 1 + Math.max(0, ...marks.map((k) => Number(k.name.slice(MARK_PREFIX.length))).filter(Number.isFinite));
  const present = new Set(sheets.map((s) => s.id));
  if (!marked) {
    // Before markers: the recorded ids, as the add-in trusted them, and any stray markers set aside.
    return { owned: recorded.filter((id) => present.has(id)), renewed: new Map(), marks: new Map(), stale: marks.map((k) => k.name), next };
  }
  const isRecorded = new Set(recorded);
  const owned: string[] = [];
  const renewed = new Map<string, string>();
  const byId = new Map<string, string>();
  const stale: string[] = [];
  for (const mark of marks) {
    const key = mark.sheetName?.toLowerCase();
    const sheet = key === undefined ? undefined : sheets.find((s) => s.name.toLowerCase() === key);
    // The record and the marker are rewritten in that order after a reopen: either may hold the new id.
    const known = sheet && (isRecorded.has(mark.recordedId) || isRecorded.has(sheet.id));
    if (!sheet || !known || byId.has(sheet.id)) {
      stale.push(mark.name);
      continue;
    }
    if (sheet.id !== mark.recordedId) {
      if (present.has(mark.recordedId)) {
        stale.push(mark.name);
        continue;
      }
      renewed.set(mark.recordedId, sheet.id);
    }
    owned.push(sheet.id);
    byId.set(sheet.id, mark.name);
  }
  return { owned, renewed, marks: byId, stale, next };
}

/** `value` with every string that is a renewed id replaced by the new one (the records hold ids as plain strings). */
export function renewIds<T>(value: T, renewed: ReadonlyMap<string, string>): T {
  if (renewed.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return renewed.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * After a reopen: the records rewritten with the new ids, then the markers' comments (in that order, so a sync that
 * fails part-way leaves a state `resolveOwnership` still reads right). Queued; sent with the caller's next sync.
 */
export function queueRenewal(context: Excel.RequestContext, own: Ownership, records: ReadonlyMap<string, unknown>): void {
  if (own.renewed.size === 0) return;
  const wb = context.workbook;
  wb.settings.add(OWNED_KEY, own.owned);
  for (const [key, value] of records) wb.settings.add(key, renewIds(value, own.renewed));
  for (const [id, name] of own.marks) if ([...own.renewed.values()].includes(id)) wb.names.getItem(name).comment = COMMENT + id;
}

/**
 * Records `ids` as the owned sheets: the setting, a marker for each that has none, and the markers of sheets no
 * longer owned (replaced, disowned) or stale removed. Queued on the caller's write sync, so a sheet is recorded
 * and marked in the same request.
 */
export function recordOwned(context: Excel.RequestContext, own: Ownership, ids: readonly string[]): void {
  const wb = context.workbook;
  wb.settings.add(OWNED_KEY, [...ids]);
  wb.settings.add(MARKS_KEY, 1);
  let next = own.next;
  for (const id of ids) {
    if (own.marks.has(id)) continue;
    const mark = wb.names.add(`${MARK_PREFIX}${next++}`, wb.worksheets.getItem(id).getRange("A1"), COMMENT + id);
    mark.visible = false;
  }
  for (const [id, name] of own.marks) if (!ids.includes(id)) wb.names.getItem(name).delete();
  for (const name of own.stale) wb.names.getItem(name).delete();
}
