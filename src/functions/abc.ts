/** Adapter for =TIER.ABCCLASS. */
import { ABC_LABELS, NO_CLASS, classifyAbc, type AbcBasis } from "../core/abc";
import { ProblemLog, readNumberColumn } from "../core/input";
import type { Messages } from "../i18n";
import { column, optionalNumber, optionalText, reshape, throwIfProblems, type Range } from "./coerce";
import { ArgumentError } from "./errors";

export function abcClasses(values: Range, aCut: unknown, bCut: unknown, basis: unknown, m: Messages): string[][] {
  const input = column(values, "values", m);
  const basisName = optionalText(basis, "value").toLowerCase();
  if (basisName !== "value" && basisName !== "count") throw new ArgumentError(m.errors.unknownBasis(optionalText(basis, "")));
  const log = new ProblemLog();
  const numbers = readNumberColumn(input.cells, "values", log);
  throwIfProblems(log, m);
  const result = classifyAbc(numbers, {
    basis: basisName as AbcBasis,
    aCut: optionalNumber(aCut, "a_cut", undefined, m),
    bCut: optionalNumber(bCut, "b_cut", undefined, m),
  });
  const labels = Array.from(result.classes, (c) => (c === NO_CLASS ? "" : ABC_LABELS[c]));
  return reshape(labels, input.horizontal);
}
