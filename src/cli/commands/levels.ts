/**
 * `tier levels FILE.csv --policy POLICY.csv [--from D] [--to D] [--metric spend|orders] [--window-months 12]
 * [--validity-months 12] [--format csv|json] [--changes CHANGES.csv]`: membership levels (issue 15 §1), the
 * same work as =TIER.LEVELS (src/core/over-time/levels.ts): every month-end review from --from (default the
 * first purchase) to --to (the as-of date, default the latest purchase; a review too when it is not a
 * month-end), one row per customer: customer, level, since, expires, metric, gap_to_next, gap_to_keep,
 * downgrades_next_review. Dates are YYYY-MM-DD; "" where there is none (no level), and gap_to_next is "" at the
 * top level, gap_to_keep "" on no level; downgrades_next_review is 1 or 0, so a sum counts the warnings.
 * `--changes FILE` also writes the history of level changes (customer, date, from, to, reason: upgrade, kept,
 * downgrade), in the --format of the main output.
 * `--overrides FILE.csv` (issue 15 §2, src/cli/overrides.ts; columns customer, level (or tier), reason, until):
 * people's overrides matched by the policy's own level names and applied at the as-of date
 * (src/core/over-time/level-overrides.ts). The eight columns above stay the computed level's; four follow them:
 * final_level, overridden (1/0), override_reason, override_until; the --changes file gains one "override" row per
 * active override, dated the as-of date.
 *
 * The policy file has the columns level,entry,keep (any order, more columns ignored), one row per level,
 * lowest first; names in any language. A bad threshold or a broken rule names the file's line.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { parseNumberText } from "../../core/cells/coerce";
import { serialToIsoDate } from "../../core/cells/dates";
import { CoreError, throwFirst } from "../../core/cells/errors";
import { computeLevels, DEFAULT_LEVEL_MONTHS, levelPolicyProblems, MAX_LEVELS, NO_DATE, NO_LEVEL, type LevelDef, type LevelMetric, type LevelsResult } from "../../core/over-time/levels";
import type { Messages } from "../../i18n";
import { FORMAT_OPTION, UsageError, choice, emit, numberOption, sideFileOptions, position, type Command, type Out, type Parsed } from "../args";
import { OutputError } from "../errors";
import { streamFile } from "../input/table";
import { TableWriter, type Cell } from "../output";
import { TX_SPECS, dateOption } from "../over-time";
import { readTransactionsFile } from "../transactions-file";
import { summarizeCustomers } from "../../core/transactions/summary";
import { tierInputs } from "../../core/tiers/economics";
import { ECONOMICS_HEADER, ECONOMICS_OPTIONS, ECONOMICS_SPECS, customerMargins, economicsCells, economicsRequest, type EconomicsRequest } from "../economics";
import { levelVocabulary, overrideChange } from "../../core/over-time/level-overrides";
import type { LevelChange } from "../../core/over-time/levels";
import { OVERRIDES_OPTIONS, OVERRIDES_SPEC, readCliOverrides, type CliOverrides } from "../overrides";

export const LEVELS_COLUMNS = ["customer", "level", "since", "expires", "metric", "gap_to_next", "gap_to_keep", "downgrades_next_review"];
export const CHANGES_COLUMNS = ["customer", "date", "from", "to", "reason"];
/** The columns `--overrides` adds after LEVELS_COLUMNS (the helper's four, named for levels as the issue asks). */
export const LEVEL_OVERRIDE_COLUMNS = ["final_level", "overridden", "override_reason", "override_until"];

/** The policy file's levels and each one's file line. */
export function readPolicyFile(file: string, m: Messages, err: Out): { levels: LevelDef[]; lines: number[] } {
  const levels: LevelDef[] = [];
  const lines: number[] = [];
  let beyond = 0;
  streamFile(file, sideFileOptions(), m, err, (opened) => {
    const [name, entry, keep] = ["level", "entry", "keep"].map((column) => {
      try {
        return position(opened.header, file, column, m);
      } catch {
        throw new UsageError(m.levels.cli.policyColumns(file, column));
      }
    });
    const threshold = (text: string, column: "entry" | "keep", line: number) => {
      if (text.trim() === "") throw new UsageError(m.levels.errors.missing(m.levels.where.line(file, line), column));
      const value = parseNumberText(text);
      if (!Number.isFinite(value)) throw new UsageError(m.levels.cli.policyNumber(file, line, column, text.trim().slice(0, 40)));
      return value;
    };
    return (fields, _row, line) => {
      if (fields.every((f) => f.trim() === "")) return;
      // Past the most a policy takes only the count is kept: a policy file of millions of lines holds no memory.
      if (levels.length >= MAX_LEVELS) return void beyond++;
      levels.push({ name: (fields[name] ?? "").trim(), entry: threshold(fields[entry] ?? "", "entry", line), keep: threshold(fields[keep] ?? "", "keep", line) });
      lines.push(line);
    };
  });
  if (beyond > 0) throw new CoreError("levelPolicy", { reason: "tooMany", count: levels.length + beyond, max: MAX_LEVELS, argument: file });
  return { levels, lines };
}

/** The policy's problems named by the file's line, or by the option that set them. */
function checkPolicy(policy: { levels: LevelDef[]; metric: LevelMetric; windowMonths: number; validityMonths: number }, file: string, lines: number[]): void {
  const options: Record<string, string> = { metric: "--metric", window: "--window-months", validity: "--validity-months" };
  throwFirst(
    levelPolicyProblems(policy).map((problem) => {
      const d = problem.details;
      if (d.level !== undefined) return { ...problem, details: { ...d, file, line: lines[Number(d.level)] } };
      if (d.reason === "empty" || d.reason === "tooMany") return { ...problem, details: { ...d, argument: file } };
      return { ...problem, details: { ...d, option: options[String(d.reason)] ?? String(d.reason) } };
    }),
  );
}

/** A file for --changes, written piece by piece; a failure to write is the output's failure. */
function fileOut(path: string): { out: Out; close: () => void } {
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (error) {
    throw new OutputError((error as NodeJS.ErrnoException).code ?? "EIO", `${path}: ${(error as Error).message}`);
  }
  return {
    out: (s) => {
      try {
        writeSync(fd, s);
      } catch (error) {
        throw new OutputError((error as NodeJS.ErrnoException).code ?? "EIO", `${path}: ${(error as Error).message}`);
      }
    },
    close: () => closeSync(fd),
  };
}

const day = (serial: number): string => (serial === NO_DATE ? "" : serialToIsoDate(serial));

function writeLevels(result: LevelsResult, levels: readonly LevelDef[], format: "csv" | "json", out: Out, ov: CliOverrides | null): void {
  const writer = new TableWriter(ov ? [...LEVELS_COLUMNS, ...LEVEL_OVERRIDE_COLUMNS] : LEVELS_COLUMNS, format, out);
  const top = levels.length - 1;
  for (let c = 0; c < result.customerIds.length; c++) {
    const level = result.level[c];
    const on = level !== NO_LEVEL;
    const row: Cell[] = [
      result.customerIds[c],
      on ? levels[level].name : "",
      day(result.since[c]),
      day(result.expires[c]),
      result.metric[c],
      level === top ? "" : result.gapToNext[c],
      on ? result.gapToKeep[c] : "",
      result.downgradesNextReview[c],
    ];
    if (ov) row.push(...ov.cells(c));
    writer.row(row);
  }
  writer.end();
}

/**
 * The history of changes, streamed: the reviews are replayed a second time with each change handed straight to the
 * file (computeLevels' sink), and each overridden customer's "override" row follows their own rows, so nothing of
 * the history is held. It grows with customers × month-ends (28 million rows for CDNOW kept monthly over a hundred
 * years), which as one array took 3.8 GB before the first row was written.
 */
function writeChanges(replay: (sink: (ch: LevelChange) => void) => void, result: LevelsResult, levels: readonly LevelDef[], format: "csv" | "json", out: Out, ov: CliOverrides | null): void {
  const writer = new TableWriter(CHANGES_COLUMNS, format, out);
  const name = (level: number) => (level === NO_LEVEL ? "" : levels[level].name);
  const row = (ch: LevelChange) => writer.row([result.customerIds[ch.customer], serialToIsoDate(ch.date), name(ch.from), name(ch.to), ch.reason]);
  let due = 0;
  const overridesBefore = (customer: number) => {
    for (; due < customer; due++) {
      const change = ov ? overrideChange(result, ov.overrides, ov.applied.entryOf, due) : null;
      if (change) row(change);
    }
  };
  replay((ch) => {
    overridesBefore(ch.customer);
    row(ch);
  });
  overridesBefore(result.customerIds.length);
  writer.end();
}

function levelsCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  const metric = choice(p, "--metric", ["spend", "orders"], "spend", m);
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const policyFile = p.options.get("--policy");
  if (!policyFile) throw new UsageError(m.levels.cli.missingPolicy);
  if (p.flags.has("--summary") && p.options.has("--changes")) throw new UsageError(m.levels.cli.summaryWithChanges);
  const from = dateOption(p, "--from", m);
  const to = dateOption(p, "--to", m);
  const windowMonths = numberOption(p, "--window-months", m) ?? DEFAULT_LEVEL_MONTHS;
  const validityMonths = numberOption(p, "--validity-months", m) ?? DEFAULT_LEVEL_MONTHS;
  // The economics options are checked before the file is read (null without --costs).
  const economics = economicsRequest(p, m);
  const { levels, lines } = readPolicyFile(policyFile, m, err);
  const policy = { levels, metric, windowMonths, validityMonths };
  checkPolicy(policy, policyFile, lines);
  const tx = readTransactionsFile(p, file, dayOrder, m, err);
  let last = -Infinity;
  for (let i = 0; i < tx.validRows; i++) if (tx.date[i] > last) last = tx.date[i];
  const asOf = to ?? Math.floor(last);
  let result: LevelsResult;
  try {
    result = computeLevels(tx, policy, asOf, from, "none");
  } catch (error) {
    // The as-of date is --to here (main.ts would name --calibration-end, the models' option).
    if (error instanceof CoreError && error.code === "asOfBeforeData") throw new UsageError(m.cli.core.asOfBeforeData("--to", String(error.details.asOf), String(error.details.first)));
    throw error;
  }
  // --overrides (issue 15 §2): read and applied as of the last review; its problems and counts on stderr.
  const ov = readCliOverrides(p, m, err, { customerIds: result.customerIds, ownTier: result.level, vocabulary: levelVocabulary(levels), label: (k) => levels[k].name, asOf: result.reviews.last });
  if (p.flags.has("--summary")) {
    // Counted by the final level (a person's override wins, as on the Levels sheet).
    writeLevelSummary(p, m, out, err, { tx, result, level: ov ? ov.applied.tierOf : result.level, levels, asOf, windowMonths, format, request: economics });
    return;
  }
  writeLevels(result, levels, format, out, ov);
  const changesFile = p.options.get("--changes");
  if (changesFile) {
    // The history with the override rows (ov.applied matched the ids by the core's key: a file's "101" is 101).
    const target = fileOut(changesFile);
    try {
      writeChanges((sink) => computeLevels(tx, policy, asOf, from, sink), result, levels, format, target.out, ov);
    } finally {
      target.close();
    }
  }
}

/**
 * `--summary` (issue 15 §3): per level (customers on no level left out), its customers and their orders and revenue
 * over the policy's window up to --to (the period the metric is measured over), and with --costs the economics.
 */
function writeLevelSummary(
  p: Parsed,
  m: Messages,
  out: Out,
  err: Out,
  w: { tx: ReturnType<typeof readTransactionsFile>; result: LevelsResult; level: ArrayLike<number>; levels: readonly LevelDef[]; asOf: number; windowMonths: number; format: "csv" | "json"; request: EconomicsRequest | null },
): void {
  const summary = summarizeCustomers(w.tx, { asOf: w.asOf, windowMonths: w.windowMonths });
  const at = new Map(w.result.customerIds.map((id, c) => [id, c]));
  const levelOf = Int32Array.from(summary.customerIds, (id) => {
    const c = at.get(id);
    return c === undefined || w.level[c] === NO_LEVEL ? w.levels.length : w.level[c];
  });
  const names = w.levels.map((l) => l.name);
  const request = w.request;
  const margin = request?.marginColumn ? customerMargins(p, request.marginColumn, summary, w.windowMonths, m, err) : null;
  const inputs = tierInputs(levelOf, names, summary.orders, summary.totalAmount, margin);
  const cells = request ? economicsCells(request, inputs, m, err) : null;
  // Best level first, as the other summaries list their tiers.
  const rows = inputs.map((t, k): Cell[] => [t.tier, t.customers, t.orders, t.revenue, ...(cells ? cells[k] : [])]).reverse();
  emit(["level", "customers", "orders", "revenue", ...(cells ? ECONOMICS_HEADER : [])], rows, w.format, out);
}

export const levels: Command = {
  options: [...Object.keys(TX_SPECS), "--policy", "--from", "--to", "--metric", "--window-months", "--validity-months", "--format", "--changes", ...ECONOMICS_OPTIONS, ...OVERRIDES_OPTIONS],
  flags: ["--summary"],
  help: {
    args: "FILE.csv --policy POLICY.csv",
    example: "tier levels assets/sample/sample-orders.csv --customer customer_id --policy assets/sample/levels-policy.csv --to 1998-06-30",
    options: {
      ...TX_SPECS,
      "--policy": { text: "levelPolicy", kind: "file", required: true, example: "policy.csv" },
      "--from": { text: "levelsFrom", kind: "date", default: { words: "firstPurchaseMonth" }, example: "1997-01-01" },
      "--to": { text: "levelsTo", kind: "date", default: { words: "latestPurchase" }, example: "1998-06-30" },
      "--metric": { text: "levelMetric", kind: "choice", choices: ["spend", "orders"], default: "spend", example: "orders" },
      "--window-months": { text: "levelWindow", kind: "number", default: "12", example: "6" },
      "--validity-months": { text: "validityMonths", kind: "number", default: "12", example: "6" },
      ...FORMAT_OPTION,
      "--changes": { text: "levelChanges", kind: "file", default: { words: "offDefault" }, example: "changes.csv" },
      "--summary": { text: "levelsSummary", kind: "flag" },
      ...ECONOMICS_SPECS,
      // The shared option, its help naming the columns levels adds (final_level, not final_tier).
      "--overrides": { ...OVERRIDES_SPEC["--overrides"], text: "levelOverrides" },
    },
  },
  run: levelsCommand,
};
