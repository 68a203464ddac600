/**
 * The port's part for people's overrides (issue 15 §2), beside port.ts because that contract is at the size limit
 * of a source file: port.ts re-exports these types, its `WorkbookPort` extends `OverridesPort` and its `RunReport`
 * extends `OverridesRunReport`, so the pane still sees one contract. Imports nothing back from port.ts.
 */
import type { Locale } from "../i18n";

/** Where the overrides table is: its sheet and the address of its header row's first cell (for `selectCell`). */
export interface OverridesTableInfo {
  sheet: string;
  address: string;
  /** Data rows in the table (blank ones included). */
  rows: number;
}

/** What a run did with the overrides table; absent when the workbook has none. */
export interface OverridesRunSummary {
  sheet: string;
  /** Overrides applied, matched but expired at the analysis date, and for customers not in the run's data. */
  active: number;
  expired: number;
  unmatched: number;
  /** The first rows not used (at most 20), each with its cell (column A of its row) and a sentence in the run's language. */
  problems: { cell: { sheet: string; address: string }; message: string }[];
  /** Further problem rows beyond `problems`. */
  moreProblems: number;
}

export interface OverridesRunReport {
  overrides?: OverridesRunSummary | null;
}

export interface OverridesPort {
  /** The overrides table (Excel table `TieringOverrides`), or null when the workbook has none. */
  findOverridesTable(locale?: Locale): Promise<OverridesTableInfo | null>;
  /**
   * Adds the overrides table on a new sheet ("Overrides" / "人工调整", or a free name beside a sheet of that name),
   * its header in `locale`; when the table is there already, leaves it as it is and says where (`created` false).
   */
  addOverridesTable(locale: Locale): Promise<OverridesTableInfo & { created: boolean }>;
}
