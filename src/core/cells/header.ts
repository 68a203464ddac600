/**
 * Does a block of cells start with a header row? Decided from the first rows as Excel sends them
 * (numbers, date serials, text, "" for blanks) or as a CSV gives them (text everywhere): a header row
 * is mostly non-empty text that is not a number or a date, while the rows below hold numbers or dates
 * in those columns. Cells are classified by the core's own readers (coerce.ts, dates.ts), so "1,234.50",
 * "¥12" and "2024/1/5" count as values just as they do when the data are read.
 *
 * Each column votes:
 * - for a header when its first cell is text and most cells below are numbers or dates, or when the
 *   cells below are all text of one pattern with digits (ids such as C001, A-17) and the first cell has
 *   another pattern ("Customer ID");
 * - against when its first cell is a number, a date or a boolean, when it repeats a cell below (a
 *   category such as "toys"), or when it has the pattern of the id column below it;
 * - not at all for a blank first cell or plain words over plain words (names: "Alice" under "Name" is
 *   no evidence either way).
 * More votes for than against is a header. With no votes either way (all the data are words), the
 * first row is taken as a header when it is distinct non-empty text, as column names are; the person
 * can still say otherwise. A first row that is less than half text is never a header.
 */
import { parseDateText } from "./dates";
import { excelErrorText, isBlank, parseNumberText } from "./coerce";
import { foldName } from "./names";

type Kind = "blank" | "value" | "text" | "error";

function kindOf(cell: unknown): Kind {
  if (isBlank(cell)) return "blank";
  if (typeof cell === "number") return Number.isFinite(cell) ? "value" : "error";
  if (typeof cell === "boolean" || cell instanceof Date) return "value";
  if (excelErrorText(cell)) return "error";
  if (typeof cell !== "string") return "error";
  const text = cell.trim();
  return parseNumberText(text) === parseNumberText(text) || parseDateText(text) === parseDateText(text) ? "value" : "text";
}

/** A text's pattern: letters (any script) as "a", digits as "9", runs collapsed ("C-0017" → "a-9", "客户编号" → "a"). */
function shapeOf(text: string): string {
  return text
    .trim()
    .replace(/\p{L}+/gu, "a")
    .replace(/\p{N}+/gu, "9")
    .replace(/\s+/g, " ");
}

/** How many data rows below the first are looked at. */
const LOOK = 20;

/** True when the first of `rows` reads as a header row (see the file comment). */
export function looksLikeHeader(rows: readonly (readonly unknown[])[]): boolean {
  const first = rows[0];
  if (!first || first.length === 0) return false;
  const body = rows.slice(1, 1 + LOOK);
  const kinds = first.map(kindOf);
  const labels = kinds.filter((k) => k === "text").length;
  if (labels * 2 < first.length) return false;
  let votes = 0;
  let evidence = 0;
  for (let c = 0; c < first.length; c++) {
    if (kinds[c] === "blank" || kinds[c] === "error") continue;
    const below = body.map((row) => row[c]).filter((cell) => kindOf(cell) === "value" || kindOf(cell) === "text");
    if (kinds[c] === "value") {
      votes--;
      evidence++;
      continue;
    }
    if (below.length === 0) continue;
    const head = String(first[c]).trim();
    const values = below.filter((cell) => kindOf(cell) === "value").length;
    if (values * 2 >= below.length) {
      votes++;
      evidence++;
      continue;
    }
    const texts = below.filter((cell) => kindOf(cell) === "text").map((cell) => String(cell).trim());
    if (texts.some((t) => foldName(t) === foldName(head))) {
      votes--;
      evidence++;
      continue;
    }
    const shapes = new Set(texts.map(shapeOf));
    if (shapes.size === 1 && values === 0) {
      const [shape] = shapes;
      if (!shape.includes("9")) continue; // words under a word: no evidence
      votes += shapeOf(head) === shape ? -1 : 1;
      evidence++;
    }
  }
  if (votes !== 0) return votes > 0;
  if (evidence > 0) return false;
  // No evidence: column names are distinct non-empty text.
  const names = first.filter((_, c) => kinds[c] === "text").map(foldName);
  return kinds.every((k) => k === "text" || k === "blank") && new Set(names).size === names.length;
}
