/** Adapters for =TIER.ABCCLASS and =TIER.ABCNEXT. */
import { ABC_LABELS, NO_CLASS, abcUpgrade, classifyAbc, type AbcBasis, type AbcMethod, type AbcResult } from "../core/tiers/abc";
import { ProblemLog } from "../core/cells/problems";
import { readNumberColumn } from "../core/transactions/read";
import type { Messages } from "../i18n";
import { column, optionalNumber, optionalText, labelRows, throwIfProblems, type Range } from "./coerce";
import { ArgumentError } from "./errors";

/** The classes of a values range as Excel passes it, with its orientation and the numbers read. */
function classify(values: Range, aCut: unknown, bCut: unknown, basis: unknown, method: unknown, m: Messages) {
  // 0 holds no share of the total, and Excel on Windows sends an empty cell as 0: 0 is blank (coerce.ts).
  const input = column(values, "values", m, true);
  const basisName = optionalText(basis, "value", "basis", m).toLowerCase();
  if (basisName !== "value" && basisName !== "count") throw new ArgumentError(m.errors.unknownBasis(optionalText(basis, "", "basis", m)));
  const methodName = optionalText(method, "fixed", "method", m).toLowerCase();
  if (methodName !== "fixed" && methodName !== "computed") throw new ArgumentError(m.errors.unknownAbcMethod(optionalText(method, "", "method", m)));
  const log = new ProblemLog();
  const numbers = readNumberColumn(input.cells, "values", log);
  throwIfProblems(log, m);
  // The computed method reads its limits off the ABC curve: the cuts are not used (nor checked).
  const result: AbcResult =
    methodName === "computed"
      ? classifyAbc(numbers, { method: "computed" })
      : classifyAbc(numbers, {
          method: methodName as AbcMethod,
          basis: basisName as AbcBasis,
          aCut: optionalNumber(aCut, "a_cut", undefined, m),
          bCut: optionalNumber(bCut, "b_cut", undefined, m),
        });
  return { input, numbers, result };
}

export function abcClasses(values: Range, aCut: unknown, bCut: unknown, basis: unknown, method: unknown, m: Messages): string[][] {
  const { input, result } = classify(values, aCut, bCut, basis, method, m);
  return labelRows(result.classes, (c) => (c === NO_CLASS ? "" : ABC_LABELS[c]), input.horizontal);
}

/**
 * Per value: the next class up and the gap to it (the smallest value already in that class minus
 * the value), "" for class A and blank cells. A column gives two columns; a row gives two rows.
 */
export function abcNextTable(values: Range, aCut: unknown, bCut: unknown, basis: unknown, method: unknown, m: Messages): (string | number)[][] {
  const { input, numbers, result } = classify(values, aCut, bCut, basis, method, m);
  const up = abcUpgrade(numbers, result);
  const next = Array.from(up.next, (k): string => (k < 0 ? "" : ABC_LABELS[k]));
  const gap = Array.from(up.gap, (g): string | number => (g === g ? g : ""));
  return input.horizontal ? [next, gap] : next.map((k, i) => [k, gap[i]]);
}
