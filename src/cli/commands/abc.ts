/**
 * `tier abc FILE.csv --value COL`: the ABC class of each row's value, by fixed cuts (default) or by
 * the computed method (`--method computed`, limits read off the ABC curve). `--next` adds the next
 * class up and the gap to it; `--summary` prints the classes' counts and shares instead, and with the
 * computed method where each class ends on the curve and which point set the limit. `--no-header`
 * reads a file without a header line (columns are then numbered 1, 2, …; `--value` defaults to 1),
 * such as one number per line. With `--as-of` or `--window-months` the file is a transactions file
 * instead, and each customer's revenue as of that date (over that window) is classified (issue 14).
 */
import { ABC_LABELS, NO_CLASS, abcUpgrade, classifyAbc, type AbcBasis, type AbcMethod } from "../../core/tiers/abc";
import { ProblemLog } from "../../core/cells/problems";
import { readNumberColumn } from "../../core/transactions/read";
import type { Messages } from "../../i18n";
import { UsageError, choice, emit, numberOption, pick, readBytes, readTable, reportProblems, type Command, type Out, type Parsed } from "../args";
import { parseCsv, type CsvTable } from "../csv";
import type { Cell } from "../output";
import { AS_OF_OPTIONS, TRANSACTION_OPTIONS, summaryFromFile, wantsTransactions } from "../over-time";

/** The file as a table, and the file line of its first data row. */
function readValues(p: Parsed, m: Messages): { file: string; table: CsvTable; firstLine: number } {
  if (!p.flags.has("--no-header")) return { ...readTable(p, m), firstLine: 2 };
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  let text = readBytes(file, m).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Number the columns of the first line and read the whole file as data under those names.
  const width = parseCsv(text.split(/\r?\n/, 1)[0]).header.length;
  const names = Array.from({ length: width }, (_, k) => String(k + 1));
  return { file, table: parseCsv(width === 0 ? "" : `${names.join(",")}\n${text}`), firstLine: 1 };
}

interface AbcInput {
  values: Float64Array;
  ids: readonly (string | number)[] | undefined;
  idName: string | undefined;
  valueName: string;
  cells: readonly unknown[];
  rows: number;
  firstLine: number;
}

/** The --value column of the file (one value per row). */
function valueColumn(p: Parsed, m: Messages, err: Out): AbcInput {
  const valueName = p.options.get("--value") ?? (p.flags.has("--no-header") ? "1" : undefined);
  if (!valueName) throw new UsageError(m.cli.missingValue("--value"));
  const { file, table, firstLine } = readValues(p, m);
  const cells = pick(table, file, valueName, m);
  const idName = p.options.get("--id");
  const ids = idName ? pick(table, file, idName, m) : undefined;
  const log = new ProblemLog();
  const values = readNumberColumn(cells, valueName, log);
  reportProblems(log, table.rows, m, err, m.cli.skippedRows, firstLine);
  return { values, ids, idName, valueName, cells, rows: table.rows, firstLine };
}

/** With --as-of / --window-months: a transactions file, one value per customer, its revenue then (over the window). */
function customerRevenue(p: Parsed, m: Messages, err: Out): AbcInput {
  const { summary } = summaryFromFile(p, m, err);
  const values = summary.totalAmount;
  return { values, ids: summary.customerIds, idName: "customer_id", valueName: "monetary", cells: Array.from(values), rows: values.length, firstLine: 1 };
}

function abcCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const basis = choice<AbcBasis>(p, "--basis", ["value", "count"], "value", m);
  const method = choice<AbcMethod>(p, "--method", ["fixed", "computed"], "fixed", m);
  // The computed method reads its limits off the ABC curve: the cuts and the basis are not used.
  const aCut = method === "fixed" ? numberOption(p, "--a-cut", m) : undefined;
  const bCut = method === "fixed" ? numberOption(p, "--b-cut", m) : undefined;
  const { values, ids, idName, valueName, cells, rows: inputRows, firstLine } = wantsTransactions(p) ? customerRevenue(p, m, err) : valueColumn(p, m, err);
  const result = classifyAbc(values, { method, basis, aCut, bCut });
  // Zero and negative values are class C; say so, as for rows left out.
  const nonPositive = new ProblemLog();
  for (const i of result.nonPositive) nonPositive.add(i, valueName, "nonPositiveValue", cells[i]);
  reportProblems(nonPositive, inputRows, m, err, m.cli.nonPositiveRows, firstLine);
  if (p.flags.has("--summary")) {
    const rows = result.totals.map((t, k): Cell[] => [ABC_LABELS[k], t.count, t.value, t.countShare, t.valueShare]);
    const header = ["class", "count", "value", "count_share", "value_share"];
    const limits = result.limits;
    if (limits) {
      // Where each class ends on the curve (effort, yield) and the point that put the limit there.
      header.push("limit_effort", "limit_yield", "limit_point");
      rows[0].push(limits.aEffort, limits.aYield, limits.abPoint === "pareto" ? "pareto" : "break_even");
      rows[1].push(limits.bEffort, limits.bYield, "submarginal");
      rows[2].push(1, 1, "");
    }
    emit(header, rows, format, out);
    return;
  }
  const up = p.flags.has("--next") ? abcUpgrade(values, result) : undefined;
  const rows: Cell[][] = [];
  for (let i = 0; i < values.length; i++) {
    if (result.classes[i] === NO_CLASS) continue;
    const row: Cell[] = [ids ? ids[i] : i + firstLine, values[i], ABC_LABELS[result.classes[i]], result.cumulativeShare[i]];
    if (up) row.push(up.next[i] < 0 ? "" : ABC_LABELS[up.next[i]], up.next[i] < 0 ? "" : up.gap[i]);
    rows.push(row);
  }
  const header = [idName ?? "line", p.flags.has("--no-header") ? "value" : valueName, "class", "cumulative_share"];
  if (up) header.push("next_class", "gap");
  emit(header, rows, format, out);
}

export const abc: Command = {
  options: ["--value", "--id", "--a-cut", "--b-cut", "--basis", "--method", "--format", ...AS_OF_OPTIONS, ...TRANSACTION_OPTIONS],
  flags: ["--next", "--no-header"],
  run: abcCommand,
};
