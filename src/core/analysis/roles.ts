/**
 * The roles a mapped column can play, and the one check of a mapping, here in the core so the pane
 * (which shows them in this order) and the workbook port (which reads the columns) share one list and
 * one rule instead of each declaring its own. The roles are also the `field` of every row problem the
 * analysis reports, so a caller can point a problem at its column.
 *
 * The rule is the union of what the pane and the port each used to check (src/taskpane/mapping.ts,
 * src/excel/read.ts checkMapping, which now both word this one): a required role unset (a negative, NaN or
 * non-integer index counts as unset), a column index past the last column, and one column given two roles
 * (the port did not catch the last before; a run now refuses it as the pane does).
 */
import { VOICE_FIELDS, type VoiceField } from "../tiers/voice";
import type { AnalysisColumns } from "./types";

/** Input roles, in the order the pane shows them. */
export const ROLES = ["customer", "date", "amount", "quantity", "order", "margin", "category", "extra", ...VOICE_FIELDS] as const;
export type Role = (typeof ROLES)[number];
export const REQUIRED_ROLES: readonly Role[] = ["customer", "date", "amount"];

/**
 * Column index (0-based) per role; −1 (or, for a voice role, absent) when the role has no column. The voice
 * roles are optional so that mappings saved before they existed still load and every literal mapping of
 * the purchase roles stays a mapping.
 */
export type RoleMapping = Record<Exclude<Role, VoiceField>, number> & Partial<Record<VoiceField, number>>;

/** What is wrong with a mapping: codes and the roles concerned, worded by the caller. */
export type MappingProblem =
  | { kind: "missing"; role: Role }
  | { kind: "outOfRange"; role: Role; column: number; columns: number }
  | { kind: "shared"; roles: [Role, Role]; column: number };

function isSet(column: number | undefined): column is number {
  return Number.isInteger(column) && (column as number) >= 0;
}

/** The column of `role` in `mapping`, −1 when it has none (a voice role absent from an older mapping too). */
export function columnOf(mapping: Readonly<Partial<RoleMapping>>, role: Role): number {
  const column = mapping[role];
  return isSet(column) ? column : -1;
}

/** Every problem of `mapping` over a source of `columnCount` columns, in role order; [] when usable. */
export function mappingProblems(mapping: Readonly<RoleMapping>, columnCount: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const role of REQUIRED_ROLES) if (!isSet(mapping[role])) problems.push({ kind: "missing", role });
  const byColumn = new Map<number, Role>();
  for (const role of ROLES) {
    const column = mapping[role];
    if (!isSet(column)) continue;
    if (column >= columnCount) {
      problems.push({ kind: "outOfRange", role, column, columns: columnCount });
      continue;
    }
    const other = byColumn.get(column);
    if (other) problems.push({ kind: "shared", roles: [other, role], column });
    else byColumn.set(column, role);
  }
  return problems;
}

/** The roles that have a column in `mapping` (the `available` of analysisProblems). */
export function mappedRoles(mapping: Readonly<Partial<RoleMapping>>): Role[] {
  return ROLES.filter((role) => isSet(mapping[role] ?? -1));
}

/** The column of AnalysisColumns each role fills. */
const COLUMN_OF: Readonly<Record<Role, keyof AnalysisColumns>> = {
  customer: "customers",
  date: "dates",
  amount: "amounts",
  quantity: "quantities",
  order: "orders",
  margin: "margins",
  category: "categories",
  extra: "extras",
  // Issue 15 §4: the voice columns (src/core/tiers/voice.ts), optional, one customer answer per row.
  nps: "nps",
  satisfaction: "satisfaction",
  complaints: "complaints",
  referrals: "referrals",
  engagement: "engagement",
};

/** The roles that `columns` fill (the `available` of analysisProblems when the columns are at hand). */
export function columnRoles(columns: AnalysisColumns): Role[] {
  return ROLES.filter((role) => columns[COLUMN_OF[role]] !== undefined);
}
