/**
 * What a run or another job that replaces its own sheet (compare, movers, trends, cohorts, model check, pilot) says about sheets it did not replace because the person changed them while it ran (issue 11:
 * src/excel/edits.ts watches for the edits, src/excel/jobs/run-write.ts keeps the sheets).
 */
import type { Widen } from "../widen";

export const ownership = {
  ownership: {
    /** The pane's title over `keptEdited`. */
    keptTitle: "Edited sheets kept",
    /** `count` sheets edited; `sheets` and `written`: names, each `quoted` and joined by `separator` (the caller's `sheetList`). */
    keptEdited: (count: number, sheets: string, written: string) =>
      count === 1
        ? `The sheet ${sheets} changed while the add-in was working on it, so it was left as it is: it is yours now, and the add-in will not replace it. The new results are in ${written}.`
        : `The sheets ${sheets} changed while the add-in was working on them, so they were left as they are: they are yours now, and the add-in will not replace them. The new results are in ${written}.`,
    quoted: (name: string) => `"${name}"`,
    separator: ", ",
  },
};

export type OwnershipMessages = Widen<typeof ownership>;

/** Sheet names as one phrase in the catalog's language. */
export const sheetList = (o: OwnershipMessages["ownership"], names: readonly string[]): string => names.map((n) => o.quoted(n)).join(o.separator);
