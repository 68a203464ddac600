/**
 * `tier migrate BEFORE.csv AFTER.csv --id COL --tier COL`: the from→to matrix of two snapshots (CSV),
 * the same work as =TIER.MIGRATION; `--measure` sums a column of the later file per cell; `--json`
 * adds the rates, and with --revenue, --orders and --last the per-tier effects. `--cost-per-upgrade X` (with
 * --revenue) weighs the upgrades × X against the upgraded customers' revenue change (issue 15 §3).
 */
import { isSerialInRange, parseDateText } from "../../core/cells/dates";
import { ProblemLog } from "../../core/cells/problems";
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
import { UsageError, inputOptions, numberOption, type Command, type Out, type Parsed } from "../args";
import { reportKeptProblems } from "../kept-columns";
import { formatCsv, type Cell } from "../output";
import { readSnapshot, required, withFileLines, type ExtraColumn, type Snapshot } from "../snapshots";
import { upgradeEconomics, type UpgradeEconomics } from "../../core/tiers/economics-upgrades";

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

/** The --revenue, --orders and --last columns for the per-tier effects (only with --json); null when none is given. */
function effectColumns(p: Parsed, m: Messages): { names: [string, string, string]; asOf: number | undefined } | null {
  if (!p.flags.has("--json")) return null;
  const names = ["--revenue", "--orders", "--last"].map((o) => p.options.get(o));
  if (names.every((n) => n === undefined)) return null;
  // --revenue alone goes with --cost-per-upgrade (the upgrade incentives), not with the effects.
  if (names[1] === undefined && names[2] === undefined && p.options.has("--cost-per-upgrade")) return null;
  if (names.some((n) => !n)) throw new UsageError(m.cli.effectsOptions);
  const asOfText = p.options.get("--as-of");
  let asOf: number | undefined;
  if (asOfText !== undefined) {
    asOf = parseDateText(asOfText);
    if (!isSerialInRange(asOf)) throw new UsageError(m.cli.badDateOption("--as-of", asOfText));
  }
  return { names: names as [string, string, string], asOf };
}

/** A snapshot's records for the per-tier effects, from its extra columns [revenue, orders, last]; its bad cells on stderr. */
function effectRecords(s: Snapshot, at: number, log: ProblemLog, date: number | undefined, m: Messages, err: Out): SnapshotRecords {
  const [revenue, orders, lastPurchase] = s.columns.slice(at, at + 3);
  if (log.count > 0) err(`${s.file}:`);
  reportKeptProblems(log, s.read, m, err);
  // Without --as-of the earlier snapshot's date is its latest purchase.
  const asOf = date ?? lastPurchase.reduce((a, b) => (b > a ? b : a), -Infinity);
  return { asOf, ids: s.ids, tiers: s.tiers, revenue, orders, lastPurchase };
}

function migrateCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const [beforeFile, afterFile] = p.positional;
  if (!beforeFile) throw new UsageError(m.cli.missingFile);
  if (!afterFile) throw new UsageError(m.cli.missingSecondFile);
  const idColumn = required(p, "--id", m);
  const tierColumn = required(p, "--tier", m);
  const effects = effectColumns(p, m);
  // The columns each file is read for beside id and tier: the effects' three, and the later file's --measure.
  const effectLogs = [new ProblemLog(), new ProblemLog()];
  const effectExtra = (log: ProblemLog): ExtraColumn[] =>
    effects ? effects.names.map((name, k) => ({ name, kind: k === 2 ? "date" : "number", log })) : [];
  const measureColumn = p.options.get("--measure");
  const measureLog = new ProblemLog();
  // Issue 15 §3: --cost-per-upgrade reads --revenue from both files, as the last extra column of each.
  const costPerUpgrade = numberOption(p, "--cost-per-upgrade", m);
  const upgradeRevenue = costPerUpgrade === undefined ? undefined : p.options.get("--revenue");
  if (costPerUpgrade !== undefined && !upgradeRevenue) throw new UsageError(m.economics.cli.upgradeNeedsRevenue);
  const revenueLogs = [new ProblemLog(), new ProblemLog()];
  const revenueExtra = (log: ProblemLog): ExtraColumn[] => (upgradeRevenue ? [{ name: upgradeRevenue, kind: "number", log }] : []);
  const before = readSnapshot(beforeFile, idColumn, tierColumn, m, inputOptions(p, m), err, { extra: [...effectExtra(effectLogs[0]), ...revenueExtra(revenueLogs[0])] });
  const after = readSnapshot(afterFile, idColumn, tierColumn, m, inputOptions(p, m), err, {
    extra: [...effectExtra(effectLogs[1]), ...(measureColumn === undefined ? [] : [{ name: measureColumn, kind: "number" as const, log: measureLog }]), ...revenueExtra(revenueLogs[1])],
  });
  const order = tierOrderOption(p, mergeTierCase([before.tiers, after.tiers]));
  let measure: Float64Array | undefined;
  if (measureColumn !== undefined) {
    measure = after.columns[after.columns.length - 1 - (upgradeRevenue ? 1 : 0)];
    reportKeptProblems(measureLog, after.read, m, err);
  }
  const files = { before, after };
  const matrix = withFileLines(() => migrationMatrix({ ids: before.ids, tiers: before.tiers }, { ids: after.ids, tiers: after.tiers, measure }, order), files, m);
  let upgrades: UpgradeEconomics | undefined;
  if (costPerUpgrade !== undefined) {
    [before, after].forEach((s, k) => reportKeptProblems(revenueLogs[k], s.read, m, err));
    const revenue = (s: Snapshot) => s.columns[s.columns.length - 1];
    upgrades = withFileLines(
      () => upgradeEconomics({ ids: before.ids, tiers: before.tiers, revenue: revenue(before) }, { ids: after.ids, tiers: after.tiers, revenue: revenue(after) }, matrix.ordered ? matrix.tiers : null, costPerUpgrade),
      files,
      m,
    );
    if (upgrades.upgrades === null) err(m.economics.cli.orderNeeded);
    if (upgrades.missingRevenue > 0) err(m.economics.cli.missingRevenue(upgrades.missingRevenue));
  }
  const { header, rows } = matrixRows(matrix);
  if (upgrades && !p.flags.has("--json")) {
    // Without --json, --cost-per-upgrade prints the upgrade incentives instead of the matrix (a one-line table).
    const cell = (v: number | null): Cell => v ?? "";
    out(formatCsv(["upgrades", "cost_per_upgrade", "upgrade_cost", "revenue_change", "net"], [[cell(upgrades.upgrades), upgrades.costPerUpgrade, cell(upgrades.cost), cell(upgrades.revenueChange), cell(upgrades.net)]]));
    return;
  }
  if (!p.flags.has("--json")) {
    out(formatCsv(header, rows));
    return;
  }
  const records = effects ? [effectRecords(before, 0, effectLogs[0], effects.asOf, m, err), effectRecords(after, 0, effectLogs[1], undefined, m, err)] : null;
  const tierEffectsFound = records ? withFileLines(() => tierEffects(records[0], records[1], order), files, m) : undefined;
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
    ...(tierEffectsFound ? { effects: tierEffectsFound } : {}),
    ...(upgrades ? { upgradeEconomics: upgrades } : {}),
  };
  // NaN (a rate over no customers) is written as null; each matrix row on one line.
  const text = JSON.stringify(json, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
  out(`${text.replace(/\[\s+((?:-?[\d.e+-]+|null)(?:,\s+(?:-?[\d.e+-]+|null))*)\s+\]/g, (_, row: string) => `[${row.split(/,\s+/).join(", ")}]`)}\n`);
}

export const migrate: Command = {
  options: ["--id", "--tier", "--measure", "--order", "--revenue", "--orders", "--last", "--as-of", "--cost-per-upgrade"],
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
      "--cost-per-upgrade": { text: "costPerUpgrade", kind: "number", default: { words: "offDefault" }, example: "20" },
    },
  },
  run: migrateCommand,
};
