/**
 * What the port's parts share (port.ts and its parts port-over-time.ts, port-model-check.ts, port-levels.ts):
 * a cell to point at, a read's data quality, and the notice a job's report carries when it kept an owned sheet
 * the person edited while the job ran (issue 11: edits.ts watches, jobs/owned-sheet.ts keeps). port.ts
 * re-exports them.
 */
/** A cell the pane can point the user at ("select the first bad cell"). */
export interface CellRef {
  sheet: string;
  /** A1-style address without the sheet, e.g. "C17". */
  address: string;
}


/** Row-level problems found while reading, counted by kind, with the first bad cell of each kind. */
export interface DataQuality {
  rowsRead: number;
  rowsUsed: number;
  /** With an order column mapped: how many orders the used rows formed; absent without one. */
  orders?: number;
  /**
   * Rows left out, by reason: a core problem code (`blankCustomer`, `badDate`, `badAmount`, … see
   * src/core/cells/problems.ts) → count, plus `returns` for rows with a negative amount (returns and
   * cancellations, left out of the analysis), e.g. { blankCustomer: 5078, returns: 398 }.
   */
  leftOut: Record<string, number>;
  /** The first bad cell and a sentence in the user's language that says what is wrong with it. */
  firstProblem: { cell: CellRef; message: string } | null;
}

export interface KeptNotice {
  /** The ownership catalog's sentence (the kept sheet, and where this job's result is instead); absent when none was kept. */
  keptNote?: string | null;
}
