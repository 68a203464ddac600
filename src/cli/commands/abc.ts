/**
 * `tier abc FILE.csv --value COL`: the ABC class of each row's value, by fixed cuts (default) or by
 * the computed method (`--method computed`, limits read off the ABC curve). `--next` adds the next
 * class up and the gap to it; `--summary` prints the classes' counts and shares instead, and with the
 * computed method where each class ends on the curve and which point set the limit. `--no-header`
 * reads a file without a header line (columns are then numbered 1, 2, …; `--value` defaults to 1),
 * such as one number per line. With `--as-of` or `--window-months` the file is a transactions file
 * instead, and each customer's revenue as of that date (over that window) is classified (issue 14).
 */
import { ABC_LABELS, NO_CLASS, abcUpgrade, classifyAbc, valueShareOf, type AbcBasis, type AbcClassTotals, type AbcMethod } from "../../core/tiers/abc";
import { readNumberCell, type CellRead } from "../../core/cells/coerce";
import { ProblemLog } from "../../core/cells/problems";
import type { Messages } from "../../i18n";
import { FORMAT_OPTION, TRANSACTION_OPTIONS, UsageError, choice, emit, inputOptions, numberOption, position, reportProblems, type Command, type Out, type Parsed } from "../args";
import { readFast } from "../input/fast";
import { streamFile } from "../input/table";
import { readNumberLines } from "../transactions-csv";
import { CsvBytes, TableWriter, csvField, csvTail, formatNumber, type Cell } from "../output";
import { AS_OF_OPTIONS, AS_OF_SPECS, dateOption, wantsTransactions, windowOption, withOptionName } from "../over-time";
import { readCustomerSummary } from "../transactions-file";
import { readTableVoice, voicePass, VOICE_OPTIONS, VOICE_SPECS, voiceSummary } from "../voice";
import type { VoicePass } from "../voice-pass";
import { OVERRIDE_HEADERS, OVERRIDES_OPTIONS, OVERRIDES_SPEC, readCliOverrides, requireIdForOverrides, todaySerial } from "../overrides";
import { ABC_VOCABULARY } from "../../i18n/override-words";
import type { CustomerSummary } from "../../core/transactions/summary";
import { tierInputs } from "../../core/tiers/economics";
import { ECONOMICS_HEADER, ECONOMICS_OPTIONS, ECONOMICS_SPECS, customerMargins, economicsCells, economicsRequest } from "../economics";

/** The value column as numbers (NaN for blanks and bad cells, which are logged), the id column as text if asked. */
interface Values {
  file: string;
  values: Float64Array;
  ids: string[] | undefined;
  /** File line of each row, only when some row's line is not row + firstLine (a quoted field held a line end). */
  lines: Int32Array | null;
  firstLine: number;
  log: ProblemLog;
}

/**
 * Streams the file keeping two columns: memory grows with the rows' numbers (8 bytes each), not with
 * the file's text, so `tier abc` reads files of any size.
 */
function readValues(p: Parsed, valueName: string, idName: string | undefined, m: Messages, err: Out): Values {
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  let values = new Float64Array(1 << 16);
  const ids: string[] | undefined = idName ? [] : undefined;
  let lines: Int32Array | null = null;
  let firstLine = 2;
  const log = new ProblemLog();
  const cell: CellRead = { status: "ok", value: 0 };
  const room = (row: number) => {
    if (row < values.length) return;
    const grown = new Float64Array(values.length * 2);
    grown.set(values);
    values = grown;
  };
  const sink = {
    value: (row: number, v: number) => {
      room(row);
      values[row] = v;
    },
    text: (row: number, text: string) => {
      room(row);
      readNumberCell(text, cell);
      if (cell.status === "bad") log.add(row, valueName, "badNumber", text);
      else if (cell.status === "error") log.add(row, valueName, "excelError", text);
      values[row] = cell.status === "ok" ? cell.value : NaN;
    },
    id: (_row: number, text: string) => void ids?.push(text),
  };
  // Each row's file line, kept only from the first row whose line is not row + firstLine (a quoted line end).
  const track = (row: number, line: number) => {
    if (lines === null && line === row + firstLine) return;
    if (lines === null) lines = Int32Array.from({ length: Math.max(16, row * 2) }, (_, i) => i + firstLine);
    if (row >= lines.length) {
      const grown = new Int32Array(lines.length * 2);
      grown.set(lines);
      lines = grown;
    }
    lines[row] = line;
  };
  const input = inputOptions(p, m, !p.flags.has("--no-header"));
  // The byte path first (UTF-8 with commas); any other file through the general reader.
  let rows = readFast(file, input, m, (header) => {
    const v = position(header, file, valueName, m);
    const k = idName ? position(header, file, idName, m) : -1;
    return {
      lines: (bytes, start, end, row) => readNumberLines(bytes, start, end, v, k, ids ? sink : { value: sink.value, text: sink.text }, row),
      row: (fields, row, line) => {
        sink.text(row, fields[v] ?? "");
        if (ids) sink.id(row, (fields[k] ?? "").trim());
        track(row, line);
      },
    };
  });
  rows ??= streamFile(file, input, m, err, (opened) => {
    firstLine = opened.firstLine;
    const v = position(opened.header, file, valueName, m);
    const k = idName ? position(opened.header, file, idName, m) : -1;
    return (fields, row, line) => {
      sink.text(row, fields[v] ?? "");
      if (ids) sink.id(row, (fields[k] ?? "").trim());
      track(row, line);
    };
  });
  return { file, values: values.subarray(0, rows), ids, lines, firstLine, log };
}

interface AbcInput extends Omit<Values, "file"> {
  idName: string | undefined;
  valueName: string;
  /** A transactions file's as-of date (the overrides' date); a file of values has none (today). */
  asOf?: number;
  /** A transactions file's customers (with --as-of / --window-months), for the economics' orders. */
  customers?: { summary: CustomerSummary; windowMonths: number | null | undefined };
}

/** The --value column of the file (one value per row), with --id's column beside it if asked. */
function valueColumn(p: Parsed, m: Messages, err: Out): AbcInput {
  const valueName = p.options.get("--value") ?? (p.flags.has("--no-header") ? "1" : undefined);
  if (!valueName) throw new UsageError(m.cli.requiredOption("--value"));
  const idName = p.options.get("--id");
  return { ...readValues(p, valueName, idName, m, err), idName, valueName };
}

/** With --as-of / --window-months: a transactions file, one value per customer, its revenue then (over the window). */
function customerRevenue(p: Parsed, m: Messages, err: Out, voicing: VoicePass | null): AbcInput {
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  const options = { asOf: dateOption(p, "--as-of", m), windowMonths: windowOption(p, m) };
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  // Streamed into the core's per-customer summary (no row kept) unless a window has no --as-of; the summary's
  // voice columns (--nps …) gathered in the same pass.
  const summary = withOptionName(() => readCustomerSummary(p, file, dayOrder, options, false, m, err, voicing));
  const ids = summary.customerIds.map(String);
  return { values: summary.totalAmount, ids, idName: "customer_id", valueName: "monetary", lines: null, firstLine: 1, log: new ProblemLog(), asOf: summary.asOf, customers: { summary, windowMonths: options.windowMonths } };
}

function abcCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const basis = choice<AbcBasis>(p, "--basis", ["value", "count"], "value", m);
  const method = choice<AbcMethod>(p, "--method", ["fixed", "computed"], "fixed", m);
  // The computed method reads its limits off the ABC curve: the cuts and the basis are not used.
  const aCut = method === "fixed" ? numberOption(p, "--a-cut", m) : undefined;
  const bCut = method === "fixed" ? numberOption(p, "--b-cut", m) : undefined;
  const economics = economicsRequest(p, m);
  if (economics && !wantsTransactions(p)) throw new UsageError(m.economics.cli.needsTransactions("abc"));
  const transactions = wantsTransactions(p);
  const voicing = transactions && p.flags.has("--summary") ? voicePass(p, choice(p, "--day-order", ["mdy", "dmy"], "mdy", m), dateOption(p, "--as-of", m)) : null;
  const { values, ids, idName, valueName, lines, firstLine, log, asOf, customers } = transactions ? customerRevenue(p, m, err, voicing) : valueColumn(p, m, err);
  const lineOf = (i: number) => (lines ? lines[i] : i + firstLine);
  reportProblems(log, values.length, m, err, m.cli.skippedRows, firstLine);
  const result = classifyAbc(values, { method, basis, aCut, bCut });
  // Zero and negative values are class C; say so, as for rows left out.
  const nonPositive = new ProblemLog();
  for (const i of result.nonPositive) nonPositive.add(i, valueName, "nonPositiveValue", formatNumber(values[i]));
  reportProblems(nonPositive, values.length, m, err, m.cli.nonPositiveRows, firstLine);
  // --overrides (issue 15 §2): the class column stays the run's own; the final class follows, and --summary counts it.
  requireIdForOverrides(p, !!ids, m);
  const ownTier = Int32Array.from(result.classes, (c) => (c === NO_CLASS ? -1 : c));
  const ov = ids ? readCliOverrides(p, m, err, { customerIds: ids, ownTier, vocabulary: ABC_VOCABULARY, label: (k) => ABC_LABELS[k], asOf: asOf ?? todaySerial() }) : null;
  if (p.flags.has("--summary")) {
    // Issue 15 §4: --nps, --satisfaction … add what each class says (src/cli/voice.ts), by customer in a
    // transactions file (gathered as it was read), by row in a table of values.
    const voice = voicing && customers
      ? voicing.finish(customers.summary.customerIds, dateOption(p, "--as-of", m), m, err)
      : !transactions && p.positional[0]
        ? readTableVoice(p, p.positional[0], values.length, m, err)
        : null;
    const tierOf = ov ? ov.applied.tierOf : result.classes;
    const said = voice ? voiceSummary(voice, tierOf, ABC_LABELS.length) : null;
    const totals = ov ? finalTotals(ov.applied.tierOf, values) : result.totals;
    const rows = totals.map((t, k): Cell[] => [ABC_LABELS[k], t.count, t.value, t.countShare, t.valueShare ?? "", ...(said ? said.cells(k) : [])]);
    const header = ["class", "count", "value", "count_share", "value_share", ...(said ? said.header : [])];
    const limits = result.limits;
    if (limits) {
      // Where each class ends on the curve (effort, yield) and the point that put the limit there.
      header.push("limit_effort", "limit_yield", "limit_point");
      rows[0].push(limits.aEffort, limits.aYield, limits.abPoint === "pareto" ? "pareto" : "break_even");
      rows[1].push(limits.bEffort, limits.bYield, "submarginal");
      rows[2].push(1, 1, "");
    }
    if (economics && customers) {
      // Issue 15 §3: each class's economics over its customers (the final classes; orders from the transactions).
      const { summary, windowMonths } = customers;
      const margin = economics.marginColumn ? customerMargins(p, economics.marginColumn, summary, windowMonths, m, err) : null;
      const inputs = tierInputs(tierOf, ABC_LABELS, summary.orders, summary.totalAmount, margin);
      const cells = economicsCells(economics, inputs, m, err);
      header.push("orders", ...ECONOMICS_HEADER);
      rows.forEach((row, k) => row.push(inputs[k].orders, ...cells[k]));
    }
    emit(header, rows, format, out);
    return;
  }
  const up = p.flags.has("--next") ? abcUpgrade(values, result) : undefined;
  const header = [idName ?? "line", p.flags.has("--no-header") ? "value" : valueName, "class", "cumulative_share"];
  if (up) header.push("next_class", "gap");
  const own = header.length;
  if (ov) header.push(...OVERRIDE_HEADERS);
  const row: Cell[] = new Array(header.length);
  if (format === "csv" && !ov) {
    // Every field after the first is the same for equal values (ties share class, share and gap): each
    // tie group's bytes are made once and reused, and lines go out as bytes (ten million rows hold far
    // fewer distinct values; see docs/PERFORMANCE.md).
    const csv = new CsvBytes(header, out);
    let groups = 0;
    for (let i = 0; i < values.length; i++) if (result.group[i] >= groups) groups = result.group[i] + 1;
    const tails = new Array<Uint8Array | null>(groups).fill(null);
    for (let i = 0; i < values.length; i++) {
      const c = result.classes[i];
      if (c === NO_CLASS) continue;
      const g = result.group[i];
      let tail = tails[g];
      if (tail === null) {
        fill(row, i, c);
        tail = tails[g] = CsvBytes.encode(csvTail(row));
      }
      if (ids) csv.text(csvField(ids[i]));
      else csv.digits(lineOf(i));
      csv.bytes(tail);
      csv.endLine();
    }
    csv.end();
    return;
  }
  const writer = new TableWriter(header, format, out);
  for (let i = 0; i < values.length; i++) {
    const c = result.classes[i];
    if (c === NO_CLASS) continue;
    row[0] = ids ? ids[i] : lineOf(i);
    fill(row, i, c);
    if (ov) row.splice(own, OVERRIDE_HEADERS.length, ...ov.cells(i));
    writer.row(row);
  }
  writer.end();

  /** The fields after the first for value i of class c. */
  function fill(row: Cell[], i: number, c: number): void {
    row[1] = values[i];
    row[2] = ABC_LABELS[c];
    row[3] = result.cumulativeShare[i];
    if (up) {
      row[4] = up.next[i] < 0 ? "" : ABC_LABELS[up.next[i]];
      row[5] = up.next[i] < 0 ? "" : up.gap[i];
    }
  }
}

/** Count, value and shares per final class (the classes with overrides applied), as `classifyAbc` sums its totals (shares of the positive total). */
function finalTotals(classes: Int32Array, values: Float64Array): AbcClassTotals[] {
  const totals = ABC_LABELS.map((): AbcClassTotals => ({ count: 0, value: 0, countShare: 0, valueShare: 0 }));
  let count = 0;
  let value = 0;
  for (let i = 0; i < classes.length; i++) {
    const t = totals[classes[i]];
    if (!t) continue;
    t.count++;
    t.value += values[i];
    count++;
    if (values[i] > 0) value += values[i];
  }
  for (const t of totals) {
    t.countShare = count > 0 ? t.count / count : 0;
    t.valueShare = valueShareOf(t.value, value);
  }
  return totals;
}

export const abc: Command = {
  options: ["--value", "--id", "--a-cut", "--b-cut", "--basis", "--method", "--format", ...AS_OF_OPTIONS, ...Object.keys(TRANSACTION_OPTIONS), ...VOICE_OPTIONS, ...OVERRIDES_OPTIONS, ...ECONOMICS_OPTIONS],
  flags: ["--next", "--no-header", "--summary"],
  help: {
    args: "FILE.csv",
    example: "tier abc ../shared/data/rfm_data_customer.csv --value revenue --id customer_id",
    options: {
      "--value": { text: "value", kind: "column", required: true, example: "revenue" },
      "--id": { text: "abcId", kind: "column", default: { words: "lineNumber" }, example: "customer_id" },
      "--a-cut": { text: "aCut", kind: "number", default: "0.8", example: "0.7" },
      "--b-cut": { text: "bCut", kind: "number", default: "0.95", example: "0.9" },
      "--basis": { text: "basis", kind: "choice", choices: ["value", "count"], default: "value", example: "count" },
      "--method": { text: "abcMethod", kind: "choice", choices: ["fixed", "computed"], default: "fixed", example: "computed" },
      "--next": { text: "next", kind: "flag" },
      "--no-header": { text: "noHeader", kind: "flag" },
      "--summary": { text: "abcSummary", kind: "flag" },
      ...VOICE_SPECS,
      ...ECONOMICS_SPECS,
      ...AS_OF_SPECS,
      ...TRANSACTION_OPTIONS,
      ...OVERRIDES_SPEC,
      ...FORMAT_OPTION,
    },
  },
  run: abcCommand,
};
