/**
 * People's overrides of a run's tiers (issue 15 §2): a table of (customer, tier or level, reason, until) that a
 * person keeps beside the data, read by every run. The run's own tier is never replaced: the override gives a
 * *final* tier beside it, marked, with its reason, until it expires. So the table survives re-runs, rebuilt
 * history (which keeps the run's own tiers) and language changes (a tier is matched by any of its names).
 *
 * Rules, decided here once for the workbook and `tier … --overrides`:
 * - A customer cell is matched by the core's id rule (`customerKey`: 101 and "101" are one customer, "00101"
 *   is text), as MOVERS and the migration match snapshots. An id that is not among the run's customers is a
 *   row problem (`unknownCustomer`), never fatal: the override waits for that customer.
 * - The tier cell is matched, trimmed and case aside, against every name a tier has (`TierVocabulary`: its
 *   key and its names in each language, given by the caller, e.g. "champions", "Champions", "冠军客户"); a
 *   name that is none of them is a row problem naming the known names. Levels are matched by the policy's
 *   own names the same way.
 * - `until` is inclusive ("until 2026-12-31" holds on that day): an override is active at the as-of date d
 *   when until is blank (no expiry) or ⌊d⌋ ≤ ⌊until⌋, and expired otherwise. A non-blank until that is not a
 *   date is a row problem and the row is left out (a typo must not become "forever").
 * - A customer on more than one row: the row with the latest until applies (blank counts as latest; a tie
 *   goes to the later row), and every other row of that customer is a `duplicate` problem naming the row
 *   that applies. Latest until first means that if the applying row has expired, every row has.
 * Problems are data (row, code, value), worded by the layer that talks to a person.
 */
import { cellText, customerKey, isBlank, readDateCell, type CellRead, type CustomerId } from "../cells/coerce";
import type { DayOrder } from "../cells/dates";
import { foldName } from "../cells/names";

export type OverrideProblemCode = "blankCustomer" | "blankTier" | "unknownTier" | "badUntil" | "duplicate" | "unknownCustomer";

export interface OverrideProblem {
  /** 0-based data row of the overrides table. */
  row: number;
  code: OverrideProblemCode;
  /** The offending cell as text (the customer for unknownCustomer and duplicate). */
  value: string;
  /** For `duplicate`: the row that applies instead. */
  appliesRow?: number;
}

/** The overrides table's columns, cells as Excel or a CSV file gives them; reason and until may be absent. */
export interface OverrideColumns {
  customers: ArrayLike<unknown>;
  tiers: ArrayLike<unknown>;
  reasons?: ArrayLike<unknown>;
  untils?: ArrayLike<unknown>;
}

/** Per tier index (the run's `tierOf` values), every name that means that tier: its key and its names in each language. */
export type TierVocabulary = readonly (readonly string[])[];

export interface OverrideEntry {
  /** 0-based data row of the table. */
  row: number;
  /** The customer as the id rule makes it (customerKey: a number, or text), and as text for messages. */
  key: CustomerId;
  id: string;
  /** Index of the tier it sets (into the vocabulary). */
  tier: number;
  reason: string;
  /** Last day it holds (a whole serial), or null: no expiry. */
  until: number | null;
}

export interface Overrides {
  /** One entry per customer (the row that applies), in table order. */
  entries: OverrideEntry[];
  /** Problems found reading the table, in row order (unknown customers come with `applyOverrides`). */
  problems: OverrideProblem[];
}

export interface AppliedOverrides {
  /** Per customer: the final tier index (the override's where one is active, else the run's own). */
  tierOf: Int32Array;
  /** Per customer: the index into `Overrides.entries` of its active override, or −1. */
  entryOf: Int32Array;
  /** Entries applied, entries matched but expired at the as-of date, entries whose customer is not in the run. */
  active: number;
  expired: number;
  unmatched: number;
  /** `unknownCustomer` problems, in row order. */
  problems: OverrideProblem[];
}


/** The tier index of each folded name (the first tier that uses a name wins; the caller's names are distinct). */
function nameIndex(vocabulary: TierVocabulary): Map<string, number> {
  const index = new Map<string, number>();
  vocabulary.forEach((names, k) => {
    for (const name of names) if (name.trim() !== "" && !index.has(foldName(name))) index.set(foldName(name), k);
  });
  return index;
}

const cellAt = (column: ArrayLike<unknown> | undefined, row: number): unknown => (column && row < column.length ? column[row] : null);

/** Reads the overrides table: per row its customer, tier, reason and until, or a row problem; one entry per customer. */
export function readOverrides(columns: OverrideColumns, vocabulary: TierVocabulary, dayOrder: DayOrder = "mdy"): Overrides {
  const names = nameIndex(vocabulary);
  const problems: OverrideProblem[] = [];
  const byId = new Map<CustomerId, OverrideEntry>();
  const read: CellRead = { status: "ok", value: 0 };
  const rows = columns.customers.length;
  for (let row = 0; row < rows; row++) {
    const customerCell = cellAt(columns.customers, row);
    const tierCell = cellAt(columns.tiers, row);
    const reasonCell = cellAt(columns.reasons, row);
    const untilCell = cellAt(columns.untils, row);
    // A wholly blank row (the table's spare rows) is no override and no problem.
    if (isBlank(customerCell) && isBlank(tierCell) && isBlank(reasonCell) && isBlank(untilCell)) continue;
    const key = customerKey(customerCell);
    if (key === null) {
      problems.push({ row, code: "blankCustomer", value: cellText(customerCell) });
      continue;
    }
    if (isBlank(tierCell)) {
      problems.push({ row, code: "blankTier", value: "" });
      continue;
    }
    const tier = names.get(foldName(String(tierCell)));
    if (tier === undefined) {
      problems.push({ row, code: "unknownTier", value: cellText(tierCell) });
      continue;
    }
    let until: number | null = null;
    if (!isBlank(untilCell)) {
      readDateCell(untilCell, read, dayOrder);
      if (read.status !== "ok" || !(read.value >= 1)) {
        problems.push({ row, code: "badUntil", value: cellText(untilCell) });
        continue;
      }
      until = Math.floor(read.value);
    }
    const entry: OverrideEntry = { row, key, id: String(key), tier, reason: isBlank(reasonCell) ? "" : String(reasonCell).trim(), until };
    const before = byId.get(key);
    if (!before) {
      byId.set(key, entry);
      continue;
    }
    // The latest until applies (blank: no expiry, the latest); a tie goes to the later row.
    const later = (e: OverrideEntry) => (e.until === null ? Number.MAX_VALUE : e.until);
    const wins = later(entry) >= later(before);
    const [kept, dropped] = wins ? [entry, before] : [before, entry];
    byId.set(key, kept);
    problems.push({ row: dropped.row, code: "duplicate", value: entry.id, appliesRow: kept.row });
  }
  problems.sort((x, y) => x.row - y.row);
  const entries = [...byId.values()].sort((x, y) => x.row - y.row);
  // A duplicate reported before the row that finally applied was known names that row.
  const applies = new Map(entries.map((e) => [e.id, e.row]));
  for (const p of problems) if (p.code === "duplicate") p.appliesRow = applies.get(p.value) ?? p.appliesRow;
  return { entries, problems };
}

/** Whether an override with this until holds on the as-of date (until inclusive, blank never expires). */
export function overrideActive(until: number | null, asOf: number): boolean {
  return until === null || Math.floor(asOf) <= until;
}

/**
 * The final tiers: per customer its active override's tier, else the run's own (`ownTier`, −1 for none).
 * `customerIds` are the run's customers as `customerKey` makes them (as `AnalysisResult.customerIds` holds them:
 * numbers for numeric ids); `asOf` the run's analysis date.
 */
export function applyOverrides(customerIds: readonly CustomerId[], ownTier: ArrayLike<number>, overrides: Overrides, asOf: number): AppliedOverrides {
  const n = customerIds.length;
  if (ownTier.length !== n) throw new RangeError(`${n} customers but ${ownTier.length} tiers`);
  const tierOf = Int32Array.from(ownTier);
  const entryOf = new Int32Array(n).fill(-1);
  // Keyed as the run's ids are (numbers as numbers): no text made per customer (a million String() calls and
  // their hashes cost a third of a second; scripts/bench-overrides.ts).
  const wanted = new Map<CustomerId, number>();
  overrides.entries.forEach((e, k) => wanted.set(e.key, k));
  const matched = new Uint8Array(overrides.entries.length);
  let active = 0;
  let expired = 0;
  for (let c = 0; c < n && wanted.size > 0; c++) {
    const k = wanted.get(customerIds[c]);
    if (k === undefined || matched[k]) continue;
    matched[k] = 1;
    const e = overrides.entries[k];
    if (!overrideActive(e.until, asOf)) {
      expired++;
      continue;
    }
    active++;
    tierOf[c] = e.tier;
    entryOf[c] = k;
  }
  const problems: OverrideProblem[] = [];
  overrides.entries.forEach((e, k) => {
    if (!matched[k]) problems.push({ row: e.row, code: "unknownCustomer", value: e.id });
  });
  return { tierOf, entryOf, active, expired, unmatched: problems.length, problems };
}

/** Every problem of the table, in row order: the reading's and the unknown customers. */
export function overrideProblems(overrides: Overrides, applied: AppliedOverrides | null): OverrideProblem[] {
  return [...overrides.problems, ...(applied?.problems ?? [])].sort((x, y) => x.row - y.row);
}
