/** Adapter for =TIER.MIGRATION, and the id and tier columns that TIER.MIGRATION, TIER.MOVERS (ids as keys) and TIER.PILOT (ids as text) read. */
import { CoreError } from "../core/cells/errors";
import { cellText, customerKey, excelErrorText, isBlank, readNumberCell, type CellRead, type CustomerId } from "../core/cells/coerce";
import { knownTierOrder, mergeTierCase, migrationMatrix, migrationTotals } from "../core/over-time/migration";
import type { Messages } from "../i18n";
import { badNumberText, scoreTierLabels } from "../i18n/describe";
import { column, isOmitted, sameLength, type Column, type Range } from "./coerce";
import { ArgumentError } from "./errors";

type Cell = string | number;

export interface TierColumns {
  /** Per row: the customer id as text ("" for a blank id: the row is left out). */
  ids: string[];
  /** Per row: the tier as written, trimmed ("" for a blank: the row is left out). */
  tiers: string[];
  column: Column;
}

/** Text a reader takes as a missing id ("NA", "NULL" …: customerKey's rule), left out like a blank. */
function isMissingId(cell: unknown): boolean {
  return typeof cell === "string" && customerKey(cell) === null;
}

/**
 * The table's own label, made distinct from every tier: a tier named "New", "Gone" or "Total" (in the
 * display language, any case) would otherwise be read as the table's row or column of that name, so the
 * table's label is bracketed instead ("[New]"), again until it is free. The tiers stay as the user wrote them.
 */
function ownLabel(label: string, tiers: readonly string[]): string {
  const taken = new Set(tiers.map((t) => t.toLowerCase()));
  let out = label;
  while (taken.has(out.toLowerCase())) out = `[${out}]`;
  return out;
}

/** A tier cell as its label: text trimmed, numbers as they read; "" for a blank. */
function tierText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return "";
}

/**
 * An id column and a tier column of one height. Ids are keyed as everywhere (123 and "123" are one
 * customer); a blank id or tier leaves the row out; an Excel error in either is a #VALUE! naming the cell.
 */
export function readTierColumns(idsArg: Range, tiersArg: Range, names: { ids: string; tiers: string }, m: Messages): TierColumns {
  const { keys, tiers, column } = readTierRows(idsArg, tiersArg, names, m, idText);
  return { ids: keys, tiers, column };
}

/**
 * The same columns with each id as a key rather than text (TIER.MIGRATION, TIER.MOVERS: keys that are equal exactly
 * when their texts are, for the core's index of both snapshots, without making a string of every numeric id).
 */
export function readTierKeys(idsArg: Range, tiersArg: Range, names: { ids: string; tiers: string }, m: Messages): { keys: CustomerId[]; tiers: string[]; column: Column } {
  return readTierRows(idsArg, tiersArg, names, m, idKey);
}

/** An id as snapshot text ("" when the row is left out): customerIdText's rule on a key already read. */
const idText = (key: CustomerId | null): string => (key === null ? "" : String(key));

/** An id as a key ("" when the row is left out): customerKey's keys are equal exactly when their texts are. */
const idKey = (key: CustomerId | null): CustomerId => key ?? "";

function readTierRows<K>(idsArg: Range, tiersArg: Range, names: { ids: string; tiers: string }, m: Messages, asId: (key: CustomerId | null) => K): { keys: K[]; tiers: string[]; column: Column } {
  // Ids and tiers are labels: 0 is an empty cell from Excel on Windows (coerce.ts).
  const ids = { name: names.ids, column: column(idsArg, names.ids, m, true) };
  const tiers = { name: names.tiers, column: column(tiersArg, names.tiers, m, true) };
  sameLength(m, ids, tiers);
  const n = ids.column.cells.length;
  const out = { keys: new Array<K>(n), tiers: new Array<string>(n), column: ids.column };
  for (let i = 0; i < n; i++) {
    const id = ids.column.cells[i];
    const tier = tiers.column.cells[i];
    const idError = excelErrorText(id);
    if (idError) throw new ArgumentError(m.errors.rowProblem(m.errors.at(names.ids, i + 1), m.problems.excelError(idError)));
    const tierError = excelErrorText(tier);
    if (tierError) throw new ArgumentError(m.errors.rowProblem(m.errors.at(names.tiers, i + 1), m.problems.excelError(tierError)));
    const key = customerKey(id);
    // A cell of a kind no reader knows (an object a JS caller or a future Excel type sends) is reported, as
    // the transactions readers report it, never dropped as if blank.
    if (key === null && !isBlank(id) && !isMissingId(id)) throw new ArgumentError(m.hostile.badId(m.errors.at(names.ids, i + 1), cellText(id)));
    if (!isBlank(tier) && typeof tier !== "string" && typeof tier !== "number" && typeof tier !== "boolean") {
      throw new ArgumentError(m.hostile.badTier(m.errors.at(names.tiers, i + 1), cellText(tier)));
    }
    out.keys[i] = asId(key);
    out.tiers[i] = tierText(tier);
  }
  return out;
}

/** A duplicate id found by the core, as a sentence naming the argument and both rows. */
export function duplicateIdError(error: unknown, idsName: string, m: Messages): unknown {
  if (!(error instanceof CoreError) || error.code !== "duplicateId") return error;
  const d = error.details;
  return new ArgumentError(m.errors.rowProblem(m.errors.at(idsName, Number(d.row) + 1), m.errors.dynamic.duplicateRow(String(d.id), Number(d.firstRow) + 1)));
}

/**
 * The from→to table: a header row (From \ To, the later tiers best first, Gone, Total), one row per
 * tier, then New and Total rows. Counts, or with `measure` (one value per row of ids_after) the sum
 * of the later measure; gone customers have no later row, so their cells are 0. A measure that is
 * blank on every row of the later snapshot is an error (a table of zeros would read as no revenue),
 * not "omitted": leaving the argument out counts customers.
 */
export function migrationTable(idsBefore: Range, tiersBefore: Range, idsAfter: Range, tiersAfter: Range, measure: unknown, m: Messages): Cell[][] {
  // Ids as keys: the matrix matches customers by them (numbers hashed as numbers, PERFORMANCE.md).
  const before = readTierKeys(idsBefore, tiersBefore, { ids: "ids_before", tiers: "tiers_before" }, m);
  const after = readTierKeys(idsAfter, tiersAfter, { ids: "ids_after", tiers: "tiers_after" }, m);
  let values: Float64Array | undefined;
  if (!isOmitted(measure)) {
    // 0 and a blank cell add the same; read as blank, a measure of zeros only is refused like a blank one.
    const given = { name: "measure", column: column(measure, "measure", m, true) };
    sameLength(m, { name: "ids_after", column: after.column }, given);
    values = new Float64Array(given.column.cells.length);
    const read: CellRead = { status: "ok", value: 0 };
    let numbers = 0;
    given.column.cells.forEach((cell, i) => {
      readNumberCell(cell, read);
      const counted = after.keys[i] !== "" && after.tiers[i] !== "";
      if (counted && (read.status === "bad" || read.status === "error")) {
        const what = read.status === "error" ? m.problems.excelError(excelErrorText(cell)) : badNumberText(cell, m);
        throw new ArgumentError(m.errors.rowProblem(m.errors.at("measure", i + 1), what));
      }
      if (counted && read.status === "ok") numbers++;
      values![i] = read.status === "ok" ? read.value : NaN;
    });
    // A measure with no number on any counted row would show a table of zeros: say so instead.
    if (numbers === 0 && after.tiers.some((t, i) => t !== "" && after.keys[i] !== "")) throw new ArgumentError(m.errors.dynamic.measureBlank("measure", "ids_after"));
  }
  const appearing = mergeTierCase([before.tiers, after.tiers]);
  if (appearing.length === 0) throw new ArgumentError(m.errors.noData("tiers_before"));
  let matrix;
  try {
    matrix = migrationMatrix(
      { ids: before.keys, tiers: before.tiers },
      { ids: after.keys, tiers: after.tiers, measure: values },
      // A known order (A/B/C, the bands by key or label, numbers), else the core's first appearance.
      knownTierOrder(appearing, scoreTierLabels()) ?? undefined,
    );
  } catch (error) {
    const side = error instanceof CoreError && error.details.snapshot === "after" ? "ids_after" : "ids_before";
    throw duplicateIdError(error, side, m);
  }
  // The core adds the totals; here only the labels ("" for the new → gone cell, which is NaN).
  const { width, cells } = migrationTotals(matrix);
  const k = matrix.tiers.length;
  const own = (label: string) => ownLabel(label, matrix.tiers);
  const t = { fromTo: own(m.migration.fromTo), new: own(m.migration.new), gone: own(m.migration.gone), total: own(m.migration.total) };
  const rowLabels = [...matrix.tiers, t.new, t.total];
  const out: Cell[][] = [[t.fromTo, ...matrix.tiers, t.gone, t.total]];
  for (let r = 0; r <= k + 1; r++) {
    const row: Cell[] = [rowLabels[r]];
    for (let c = 0; c < width; c++) {
      const v = cells[r * width + c];
      row.push(v === v ? v : "");
    }
    out.push(row);
  }
  return out;
}
