/**
 * How a name is matched when a person wrote it: a tier's or a level's name in an overrides table or a costs file, a
 * level's name in a policy (two names that fold alike are one name, so an override can only mean one level), and a
 * header a table is read by. Surrounding spaces and case never tell two such names apart (a typed "Gold " is the
 * policy's "gold"). One function, so the check that refuses two levels named alike and the lookup that matches an
 * override to a level can never disagree. Not for what Excel itself compares (sheet, table and workbook names,
 * where a space is part of the name, src/excel and src/standin) nor for option keywords (each reader's own list).
 */

/** A name as it is matched: trimmed and in lower case; a cell that is not text as its text, a blank as "". */
export function foldName(name: unknown): string {
  return (typeof name === "string" ? name : String(name ?? "")).trim().toLowerCase();
}
