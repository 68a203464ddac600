/**
 * What the custom functions say when a formula's data is more than Excel passes a custom function (about
 * 5 MB: src/functions/size.ts), so a big range gets a sentence with the figures instead of #CALC! or a
 * #BUSY! that never ends.
 */
import type { Widen } from "../widen";

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
const count = (n: number) => n.toLocaleString("en-US");

export const excelLimits = {
  excelLimits: {
    tooMuchInput: (bytes: number, rows: number, maxRows: number) =>
      `This formula passes ${mb(bytes)} MB of data (${count(rows)} rows); Excel gives a custom function at most 5 MB, about ${count(maxRows)} rows like these. ` +
      `Run the analysis from the Tiering task pane instead: it reads the sheet in blocks, up to a full sheet.`,
    tooMuchOutput: (bytes: number, rows: number, maxRows: number) =>
      `The result is ${mb(bytes)} MB (${count(rows)} rows); Excel shows at most 5 MB from a custom function, about ${count(maxRows)} rows like these. ` +
      `Run the analysis from the Tiering task pane instead: it writes the results in blocks.`,
    /** `sheets`: the names of the sheets set aside, joined by the caller. */
    historySetAside: (sheets: string) =>
      `The index of this workbook's tier history could not be read, so this run started a new history. The earlier one is kept as it was, ` +
      `on the hidden sheet "${sheets}": nothing in it was deleted.`,
  },
};

export type ExcelLimitsMessages = Widen<typeof excelLimits>;
