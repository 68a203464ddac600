/**
 * `tier movers`: who moved between two snapshots, one row per customer (src/core/over-time/movers.ts):
 * previous tier, current tier, direction (up / down / same / new / gone, or changed without a tier
 * order), and the measure in each and its change.
 * - `tier movers BEFORE.csv AFTER.csv --id COL --tier COL [--measure COL] [--order A,B,C]`: two
 *   snapshot files, as `tier migrate` reads them.
 * - `tier movers FILE.csv [history options] [--before D] [--after D]`: a transactions file's history
 *   (as `tier history`), between the snapshots on those dates (default the last two); the measure is
 *   the revenue of the period each snapshot closes. `--predict` adds p_alive and clv_12_months as of the
 *   later snapshot (the models fitted on the file up to that date; --unit, --model as `tier predict`).
 */
import { serialToIsoDate } from "../../core/cells/dates";
import { historyTierSnapshot, moversBetween, type Movers } from "../../core/over-time/movers";
import { ProblemLog } from "../../core/cells/problems";
import type { Messages } from "../../i18n";
import { FORMAT_OPTION, UsageError, choice, emit, inputOptions, type Command, type Out, type Parsed } from "../args";
import { reportKeptProblems } from "../kept-columns";
import type { Cell } from "../output";
import { HISTORY_OPTIONS, HISTORY_SPECS, TX_SPECS, dateOption, historyFromFile, num, tierText } from "../over-time";
import { readSnapshot, required, withFileLines } from "../snapshots";
import { MODEL_OPTIONS, modelOption } from "../model-input";
import { moverPredictions } from "../../core/over-time/movers-predict";
import { CLV_DEFAULTS } from "../../core/models/predict";
import { parseTimeUnit } from "../../core/models/calibration";
import type { Transactions } from "../../core/transactions/model";
import { describeDiagnostic } from "../../i18n/diagnostics";

function fromFiles(p: Parsed, m: Messages, err: Out): Movers {
  const [beforeFile, afterFile] = p.positional;
  const idColumn = required(p, "--id", m);
  const tierColumn = required(p, "--tier", m);
  const measureColumn = p.options.get("--measure");
  // Each file with its --measure column beside id and tier, read as a stream; bad cells listed per file.
  const read = (file: string) => {
    const log = new ProblemLog();
    const snapshot = readSnapshot(file, idColumn, tierColumn, m, inputOptions(p, m), err, { extra: measureColumn === undefined ? [] : [{ name: measureColumn, kind: "number", log }] });
    if (measureColumn !== undefined) reportKeptProblems(log, snapshot.read, m, err);
    return snapshot;
  };
  const before = read(beforeFile);
  const after = read(afterFile);
  const measureOf = (s: typeof before) => (measureColumn === undefined ? undefined : s.columns[0]);
  const order = p.options.get("--order")?.split(",").map((t) => t.trim()).filter((t) => t !== "");
  return withFileLines(
    () => moversBetween({ ids: before.ids, tiers: before.tiers, measure: measureOf(before) }, { ids: after.ids, tiers: after.tiers, measure: measureOf(after) }, order),
    { before, after },
    m,
  );
}

interface FromHistory {
  movers: Movers;
  builtIn: boolean;
  /** The transactions and the later snapshot's date, for --predict. */
  tx: Transactions | null;
  afterDate: number | null;
}

function fromHistory(p: Parsed, m: Messages, err: Out): FromHistory {
  // The history orders its own tiers; --order is the two files' tier order (and would be read as line items here).
  if (p.options.has("--order")) throw new UsageError(m.overTime.orderNeedsFiles);
  const { tx, history, builtIn } = historyFromFile(p, m, err);
  const dates = history.snapshots.map((s) => s.asOf);
  const at = (option: string, fallback: number) => {
    const date = dateOption(p, option, m);
    if (date === undefined) return fallback;
    const k = dates.indexOf(Math.floor(date));
    if (k < 0) throw new UsageError(m.overTime.notSnapshot(option, serialToIsoDate(date), dates.map(serialToIsoDate).join(", ")));
    return k;
  };
  const before = at("--before", dates.length - 2);
  const after = at("--after", dates.length - 1);
  // Fewer than two snapshots: no move to show, said rather than printed as a header alone (issue 12).
  if (before < 0) throw new UsageError(m.hostileNew.moversOneSnapshot(dates.length, dates.map(serialToIsoDate).join(", ")));
  const order = history.ordered ? history.tierNames : undefined;
  return { movers: moversBetween(historyTierSnapshot(history, before), historyTierSnapshot(history, after), order), builtIn, tx, afterDate: dates[after] };
}

/**
 * --predict: P(alive) and CLV as of the later snapshot (src/core/over-time/movers-predict.ts), with --unit and
 * --model as `tier predict` takes them; the fit's diagnostics on stderr (as `tier predict` prints them), so a
 * P(alive) of about 1 for everyone is said to mean "dropout not identified", not hidden.
 */
function predictions(p: Parsed, movers: Movers, tx: Transactions, afterDate: number, m: Messages, err: Out): { header: string[]; pAlive: Float64Array; clv: Float64Array } {
  const unitText = p.options.get("--unit");
  const unit = unitText === undefined ? CLV_DEFAULTS.unit : parseTimeUnit(unitText);
  if (!unit) throw new UsageError(m.cli.badChoice("--unit", unitText ?? "", "day, week, month"));
  if (unitText === undefined) err(m.cli.unitAssumed);
  const predicted = moverPredictions(movers, tx, afterDate, { unit, model: modelOption(p, m), horizonMonths: CLV_DEFAULTS.horizonMonths, monthlyDiscount: CLV_DEFAULTS.monthlyDiscount });
  if (predicted.diagnostics.length > 0) err(m.trust.cli.diagnosticsHeading);
  for (const d of predicted.diagnostics) err(`  ${d.code}: ${describeDiagnostic(d, m)}`);
  return { header: ["p_alive", `clv_${CLV_DEFAULTS.horizonMonths}_months`], pAlive: predicted.pAlive, clv: predicted.clv };
}

function moversCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const twoFiles = p.positional.length >= 2;
  const predict = p.flags.has("--predict");
  if (predict && twoFiles) throw new UsageError(m.overTimeGaps.cli.predictNeedsTransactions);
  const found: FromHistory = twoFiles ? { movers: fromFiles(p, m, err), builtIn: false, tx: null, afterDate: null } : fromHistory(p, m, err);
  const { movers, builtIn } = found;
  const extra = predict && found.tx && found.afterDate !== null ? predictions(p, movers, found.tx, found.afterDate, m, err) : null;
  const rows = movers.rows.map((r, i): Cell[] => {
    const row: Cell[] = [r.id, tierText(r.before, builtIn, m), tierText(r.after, builtIn, m), m.overTime.directions[r.direction], num(r.measureBefore), num(r.measureAfter), num(r.change)];
    if (extra) row.push(num(extra.pAlive[i]), num(extra.clv[i]));
    return row;
  });
  emit(["customer_id", "before", "after", "direction", "measure_before", "measure_after", "change", ...(extra ? extra.header : [])], rows, format, out);
}

export const movers: Command = {
  options: [...Object.keys(TX_SPECS), ...HISTORY_OPTIONS, "--before", "--after", "--id", "--tier", "--measure", "--order", "--unit", "--model", "--format"],
  flags: ["--predict"],
  files: 2,
  help: {
    args: "FILE.csv | BEFORE.csv AFTER.csv",
    example: "tier movers assets/sample/sample-orders.csv --every quarter",
    options: {
      ...TX_SPECS,
      ...HISTORY_SPECS,
      "--before": { text: "moversBefore", kind: "date", default: { words: "secondLastSnapshot" }, example: "1998-03-31" },
      "--after": { text: "moversAfter", kind: "date", default: { words: "lastSnapshot" }, example: "1998-06-30" },
      "--id": { text: "snapshotId", kind: "column", default: { words: "noDefault" }, example: "customer_id" },
      "--tier": { text: "tier", kind: "column", default: { words: "noDefault" }, example: "segment" },
      "--measure": { text: "moversMeasure", kind: "column", default: { words: "noDefault" }, example: "revenue" },
      "--order": { text: "order", kind: "text", default: { words: "orderKnown" }, example: "A,B,C" },
      "--predict": { text: "moversPredict", kind: "flag" },
      "--unit": MODEL_OPTIONS["--unit"],
      "--model": MODEL_OPTIONS["--model"],
      ...FORMAT_OPTION,
    },
  },
  run: moversCommand,
};
