/**
 * `tier migrate BEFORE.csv AFTER.csv --id COL --tier COL`: the from→to matrix of two snapshots (CSV),
 * the same work as =TIER.MIGRATION; `--measure` sums a column of the later file per cell; `--json`
 * adds the rates, and with --revenue, --orders and --last the per-tier effects.
 */
import { isSerialInRange, parseDateText } from "../../core/cells/dates";
import { ProblemLog } from "../../core/cells/problems";
import { readDateCell, type CellRead } from "../../core/cells/coerce";
import { readNumberColumn } from "../../core/transactions/read";
import {
  knownTierOrder,
  mergeTierCase,
  migrationMatrix,
  migrationRates,
  migrationTotals,
  tierEffects,
  type MigrationMatrix,
  type SnapshotRecords,
} from "../../core/over-time/migration";
import type { Messages } from "../../i18n";
import { scoreTierLabels } from "../../i18n/describe";
import { UsageError, inputOptions, pick, reportProblems, type Command, type Out, type Parsed } from "../args";
import { formatCsv, type Cell } from "../output";
import { readSnapshot, required, withFileLines, type Snapshot } from "../snapshots";

/**
 * "A,B,C" → the tiers best first; otherwise a known order (A/B/C, score bands by key or label, numbers),
 * else none: the core lists the tiers by first appearance and gives no up and down rates.
 */
function tierOrderOption(p: Parsed, appearing: string[]): string[] | undefined {
  const given = p.options.get("--order");
  if (given !== undefined) return given.split(",").map((t) => t.trim()).filter((t) => t !== "");
  return knownTierOrder(appearing, scoreTierLabels()) ?? undefined;
}

/** The matrix as CSV rows: one per earlier tier, then new and total; columns the later tiers, gone, total. */
function matrixRows(matrix: MigrationMatrix): { header: string[]; rows: Cell[][] } {
  // The core adds the totals; here only the labels ("" for the new → gone cell, which is NaN).
  const { width, cells } = migrationTotals(matrix);
  const labels = [...matrix.tiers, "new", "total"];
  const rows = labels.map((label, r): Cell[] => [label, ...Array.from(cells.subarray(r * width, r * width + width), (v) => (v === v ? v : ""))]);
  return { header: ["from", ...matrix.tiers, "gone", "total"], rows };
}

/** Dates of a column as serials; blanks and bad cells NaN (bad ones reported). */
function dateColumn(cells: string[], field: string, log: ProblemLog): Float64Array {
  const out = new Float64Array(cells.length);
  const read: CellRead = { status: "ok", value: 0 };
  cells.forEach((cell, i) => {
    readDateCell(cell, read);
    if (read.status === "bad" || (read.status === "ok" && !isSerialInRange(read.value))) log.add(i, field, "badDate", cell);
    out[i] = read.status === "ok" && isSerialInRange(read.value) ? read.value : NaN;
  });
  return out;
}

/** --revenue, --orders and --last read from both files for the per-tier effects; null when none is given. */
function effectRecords(p: Parsed, before: Snapshot, after: Snapshot, m: Messages, err: Out): [SnapshotRecords, SnapshotRecords] | null {
  const names = ["--revenue", "--orders", "--last"].map((o) => p.options.get(o));
  if (names.every((n) => n === undefined)) return null;
  if (names.some((n) => !n)) throw new UsageError(m.cli.effectsOptions);
  const [revenue, orders, last] = names as string[];
  const asOfText = p.options.get("--as-of");
  let asOf: number | undefined;
  if (asOfText !== undefined) {
    asOf = parseDateText(asOfText);
    if (!isSerialInRange(asOf)) throw new UsageError(m.cli.badDateOption("--as-of", asOfText));
  }
  const records = (s: Snapshot, date: number | undefined): SnapshotRecords => {
    const log = new ProblemLog();
    const lastPurchase = dateColumn(pick(s.table, s.file, last, m), last, log);
    const record: SnapshotRecords = {
      asOf: 0,
      ids: s.ids,
      tiers: s.tiers,
      revenue: readNumberColumn(pick(s.table, s.file, revenue, m), revenue, log),
      orders: readNumberColumn(pick(s.table, s.file, orders, m), orders, log),
      lastPurchase,
    };
    if (log.count > 0) err(`${s.file}:`);
    reportProblems(log, s.table.rows, m, err);
    // Without --as-of the earlier snapshot's date is its latest purchase.
    record.asOf = date ?? lastPurchase.reduce((a, b) => (b > a ? b : a), -Infinity);
    return record;
  };
  return [records(before, asOf), records(after, undefined)];
}

function migrateCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const [beforeFile, afterFile] = p.positional;
  if (!beforeFile) throw new UsageError(m.cli.missingFile);
  if (!afterFile) throw new UsageError(m.cli.missingSecondFile);
  const idColumn = required(p, "--id", m);
  const tierColumn = required(p, "--tier", m);
  const before = readSnapshot(beforeFile, idColumn, tierColumn, m, inputOptions(p, m), err);
  const after = readSnapshot(afterFile, idColumn, tierColumn, m, inputOptions(p, m), err);
  const order = tierOrderOption(p, mergeTierCase([before.tiers, after.tiers]));
  let measure: Float64Array | undefined;
  const measureColumn = p.options.get("--measure");
  if (measureColumn !== undefined) {
    const log = new ProblemLog();
    measure = readNumberColumn(pick(after.table, afterFile, measureColumn, m), measureColumn, log);
    reportProblems(log, after.table.rows, m, err);
  }
  const files = { before: beforeFile, after: afterFile };
  const matrix = withFileLines(() => migrationMatrix({ ids: before.ids, tiers: before.tiers }, { ids: after.ids, tiers: after.tiers, measure }, order), files, m);
  const { header, rows } = matrixRows(matrix);
  if (!p.flags.has("--json")) {
    out(formatCsv(header, rows));
    return;
  }
  const records = effectRecords(p, before, after, m, err);
  const effects = records ? withFileLines(() => tierEffects(records[0], records[1], order), files, m) : undefined;
  const size = matrix.tiers.length + 1;
  const square = (cells: Float64Array) => Array.from({ length: size }, (_, r) => Array.from(cells.subarray(r * size, r * size + size)));
  const json = {
    tiers: matrix.tiers,
    // Rows: the earlier tiers, then new; columns: the later tiers, then gone.
    counts: square(matrix.counts),
    measure: measureColumn ?? null,
    values: matrix.values ? square(matrix.values) : null,
    // Without a known order (text tiers, no --order) up and down are null: which tier is better is unknown.
    orderKnown: matrix.ordered,
    ...(matrix.ordered ? {} : { note: m.cli.orderNeeded }),
    rates: migrationRates(matrix),
    ...(effects ? { effects } : {}),
  };
  // NaN (a rate over no customers) is written as null; each matrix row on one line.
  const text = JSON.stringify(json, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
  out(`${text.replace(/\[\s+((?:-?[\d.e+-]+|null)(?:,\s+(?:-?[\d.e+-]+|null))*)\s+\]/g, (_, row: string) => `[${row.split(/,\s+/).join(", ")}]`)}\n`);
}

export const migrate: Command = {
  options: ["--id", "--tier", "--measure", "--order", "--revenue", "--orders", "--last", "--as-of"],
  flags: ["--json"],
  files: 2,
  help: {
    args: "BEFORE.csv AFTER.csv",
    example: "tier migrate assets/sample/segments-2006-06.csv assets/sample/segments-2006-12.csv --id customer_id --tier segment --json",
    options: {
      "--id": { text: "snapshotId", kind: "column", required: true, example: "customer" },
      "--tier": { text: "tier", kind: "column", required: true, example: "tier" },
      "--measure": { text: "measure", kind: "column", default: { words: "noDefault" }, example: "revenue" },
      "--order": { text: "order", kind: "text", default: { words: "orderKnown" }, example: "VIP,Regular,Basic" },
      "--revenue": { text: "revenue", kind: "column", default: { words: "noDefault" }, example: "revenue" },
      "--orders": { text: "orders", kind: "column", default: { words: "noDefault" }, example: "orders" },
      "--last": { text: "last", kind: "column", default: { words: "noDefault" }, example: "last_purchase" },
      "--as-of": { text: "migrateAsOf", kind: "date", default: { words: "latestPurchase" }, example: "2024-03-31" },
      "--json": { text: "migrateJson", kind: "flag" },
    },
  },
  run: migrateCommand,
};
