/**
 * `--overrides FILE.csv` for every `tier` command that makes tiers (rfm, abc, score; levels joins with one line:
 * `...OVERRIDES_SPEC` in its help, `OVERRIDES_OPTIONS` in its options, `readCliOverrides` after its tiers). The
 * file is people's overrides (issue 15 §2, src/core/tiers/overrides.ts): columns customer, tier (or level),
 * reason, until. The command's own columns keep their names and order (the tier column stays the run's own
 * tier); four columns follow them: final_tier, overridden (1 or 0), override_reason, override_until (ISO). A bad
 * row is named by its file line on stderr and left out; it never stops the command.
 */
import { serialToIsoDate } from "../core/cells/dates";
import { customerKey, type CustomerId } from "../core/cells/coerce";
import { applyOverrides, overrideProblems, readOverrides, type AppliedOverrides, type Overrides, type TierVocabulary } from "../core/tiers/overrides";
import type { Messages } from "../i18n";
import { knownNames, overrideColumnIndexes, overrideProblemText } from "../i18n/override-words";
import { choice, sideFileOptions, UsageError, type OptionSpec, type Out, type Parsed } from "./args";
import { readTextTable } from "./input/table";
import type { Cell } from "./output";

export const OVERRIDES_SPEC: Readonly<Record<string, OptionSpec>> = {
  "--overrides": { text: "overrides", kind: "file", default: { words: "noDefault" }, example: "assets/sample/overrides.csv" },
};
export const OVERRIDES_OPTIONS = Object.keys(OVERRIDES_SPEC);
/** The columns after the command's own. */
export const OVERRIDE_HEADERS = ["final_tier", "overridden", "override_reason", "override_until"];

/** How many problems stderr lists before "…and N more". */
const LISTED = 10;

export interface CliOverrides {
  applied: AppliedOverrides;
  overrides: Overrides;
  /** Customer c's four override cells: its final tier by `label`, 1/0, reason and until ("" where none). */
  cells(c: number): Cell[];
}

/**
 * The file of `--overrides`, or null when the option is absent: read, applied to the run's customers
 * (`ownTier` per customer, −1 none) as of `asOf`, its problems and counts written to `err`. `label(k)` is tier
 * k's name as the command prints it.
 */
export function readCliOverrides(
  p: Parsed,
  m: Messages,
  err: Out,
  run: { customerIds: readonly CustomerId[]; ownTier: ArrayLike<number>; vocabulary: TierVocabulary; label: (k: number) => string; asOf: number },
): CliOverrides | null {
  const file = p.options.get("--overrides");
  if (file === undefined) return null;
  const table = readTextTable(file, sideFileOptions(), m, err);
  // The workbook's rule for the columns (src/i18n/override-words.ts): headers in either language, else by position.
  const k = overrideColumnIndexes(table.header);
  const column = (at: number) => (at < 0 ? undefined : table.columns[at]);
  const customers = column(k.customers);
  const tiers = column(k.tiers);
  if (!customers) throw new UsageError(m.overrides.cli.missingColumn(file, "customer"));
  if (!tiers) throw new UsageError(m.overrides.cli.missingColumn(file, "tier"));
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  const overrides = readOverrides({ customers, tiers, reasons: column(k.reasons), untils: column(k.untils) }, run.vocabulary, dayOrder);
  // The command's ids as the core keys them (a file's "101" is the number 101, as the table's).
  const keys = run.customerIds.map((id) => customerKey(id) ?? "");
  const applied = applyOverrides(keys, run.ownTier, overrides, run.asOf);
  const problems = overrideProblems(overrides, applied);
  const known = knownNames(run.vocabulary, run.label, m);
  const where = (row: number) => m.overrides.where.line(file, row + table.firstLine);
  for (const problem of problems.slice(0, LISTED)) err(`  ${overrideProblemText(problem, where, known, m)}`);
  if (problems.length > LISTED) err(`  ${m.overrides.more(problems.length - LISTED)}`);
  err(m.overrides.cli.counts(file, applied.active, applied.expired, applied.unmatched));
  const none: Cell[] = ["", 0, "", ""];
  return {
    applied,
    overrides,
    cells(c: number): Cell[] {
      const k = applied.entryOf[c];
      const final = applied.tierOf[c];
      if (k < 0) return [final < 0 ? "" : run.label(final), ...none.slice(1)];
      const e = overrides.entries[k];
      return [run.label(e.tier), 1, e.reason, e.until === null ? "" : serialToIsoDate(e.until)];
    },
  };
}

/** `--overrides` needs customers by id: a command printing line numbers has none to match. */
export function requireIdForOverrides(p: Parsed, hasIds: boolean, m: Messages): void {
  if (p.options.has("--overrides") && !hasIds) throw new UsageError(m.overrides.cli.needsId);
}

/** Today as a whole serial (UTC): the as-of date of a command that reads no dates (a customer table). */
export function todaySerial(): number {
  return Math.floor(Date.now() / 86400000) + 25569;
}
