/**
 * What a run says about sheets it did not replace because the person changed them while it ran (issue 11:
 * src/excel/edits.ts watches for the edits, src/excel/jobs/run-write.ts keeps the sheets).
 */
import type { Widen } from "../widen";

const list = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

export const ownership = {
  ownership: {
    /** The pane's title over `keptEdited`. */
    keptTitle: "Edited sheets kept",
    /** `sheets` and `written`: sheet names (the edited ones; where the results went instead). */
    keptEdited: (sheets: string[], written: string[]) =>
      sheets.length === 1
        ? `The sheet ${list(sheets)} changed while the analysis ran, so this run left it as it is: it is yours now, and the add-in will not replace it. This run's results are in ${list(written)}.`
        : `The sheets ${list(sheets)} changed while the analysis ran, so this run left them as they are: they are yours now, and the add-in will not replace them. This run's results are in ${list(written)}.`,
  },
};

export type OwnershipMessages = Widen<typeof ownership>;
