/**
 * What a run says about sheets it did not replace because the person changed them while it ran (issue 11:
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
        ? `The sheet ${sheets} changed while the analysis ran, so this run left it as it is: it is yours now, and the add-in will not replace it. This run's results are in ${written}.`
        : `The sheets ${sheets} changed while the analysis ran, so this run left them as they are: they are yours now, and the add-in will not replace them. This run's results are in ${written}.`,
    quoted: (name: string) => `"${name}"`,
    separator: ", ",
  },
};

export type OwnershipMessages = Widen<typeof ownership>;

/** Sheet names as one phrase in the catalog's language. */
export const sheetList = (o: OwnershipMessages["ownership"], names: readonly string[]): string => names.map((n) => o.quoted(n)).join(o.separator);
