/**
 * `tier movers`: who moved between two snapshots, one row per customer (src/core/over-time/movers.ts):
 * previous tier, current tier, direction (up / down / same / new / gone, or changed without a tier
 * order), and the measure in each and its change.
 * - `tier movers BEFORE.csv AFTER.csv --id COL --tier COL [--measure COL] [--order A,B,C]`: two
 *   snapshot files, as `tier migrate` reads them.
 * - `tier movers FILE.csv [history options] [--before D] [--after D]`: a transactions file's history
 *   (as `tier history`), between the snapshots on those dates (default the last two); the measure is
 *   the revenue of the period each snapshot closes.
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

function fromHistory(p: Parsed, m: Messages, err: Out): { movers: Movers; builtIn: boolean } {
  // The history orders its own tiers; --order is the two files' tier order (and would be read as line items here).
  if (p.options.has("--order")) throw new UsageError(m.overTime.orderNeedsFiles);
  const { history, builtIn } = historyFromFile(p, m, err);
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
  if (before < 0) return { movers: { tiers: history.tierNames, ordered: history.ordered, rows: [] }, builtIn };
  const order = history.ordered ? history.tierNames : undefined;
  return { movers: moversBetween(historyTierSnapshot(history, before), historyTierSnapshot(history, after), order), builtIn };
}

function moversCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const twoFiles = p.positional.length >= 2;
  const { movers, builtIn } = twoFiles ? { movers: fromFiles(p, m, err), builtIn: false } : fromHistory(p, m, err);
  const rows = movers.rows.map((r): Cell[] => [
    r.id,
    tierText(r.before, builtIn, m),
    tierText(r.after, builtIn, m),
    m.overTime.directions[r.direction],
    num(r.measureBefore),
    num(r.measureAfter),
    num(r.change),
  ]);
  emit(["customer_id", "before", "after", "direction", "measure_before", "measure_after", "change"], rows, format, out);
}

export const movers: Command = {
  options: [...Object.keys(TX_SPECS), ...HISTORY_OPTIONS, "--before", "--after", "--id", "--tier", "--measure", "--order", "--format"],
  files: 2,
  help: {
    args: "FILE.csv | BEFORE.csv AFTER.csv",
    example: "tier movers ../shared/data/CDNOW_master.txt --customer 1 --date 2 --amount 4 --every quarter",
    options: {
      ...TX_SPECS,
      ...HISTORY_SPECS,
      "--before": { text: "moversBefore", kind: "date", default: { words: "secondLastSnapshot" }, example: "1998-03-31" },
      "--after": { text: "moversAfter", kind: "date", default: { words: "lastSnapshot" }, example: "1998-06-30" },
      "--id": { text: "snapshotId", kind: "column", default: { words: "noDefault" }, example: "customer_id" },
      "--tier": { text: "tier", kind: "column", default: { words: "noDefault" }, example: "segment" },
      "--measure": { text: "moversMeasure", kind: "column", default: { words: "noDefault" }, example: "revenue" },
      "--order": { text: "order", kind: "text", default: { words: "orderKnown" }, example: "A,B,C" },
      ...FORMAT_OPTION,
    },
  },
  run: moversCommand,
};
