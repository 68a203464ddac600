/**
 * "Rebuild history" (issue 14 §2): reads the source once, as a run reads it, has the core build the snapshot at every
 * month-end (quarter-end, or every N days) between two dates with the pane's settings (src/core/over-time/history.ts
 * `buildHistory`, one sweep over the rows), and writes them all into the same hidden history a run's snapshot goes
 * into (history-backfill.ts), so Compare, Movers, Tier trends and the pilots read them as they read a run's.
 *
 * Phases and Cancel: read (as a run) → compute (the core, told after each snapshot, where Cancel is honoured) →
 * write. Cancel is honoured up to the first write sync: from then on the history is written in blocks whose index is
 * saved with the last one, and a half-written history is what Cancel must not leave.
 *
 * Syncs, whatever the number of customers (up to the sizes in docs/PERFORMANCE.md): a run's read (1 + READ_SYNCS)
 * + 1 when the workbook has no history yet (its sheet added) + max(SNAPSHOT_SYNCS, ⌈bytes ÷ PAYLOAD_TARGET⌉) for
 * every snapshot's rows together (each sync under Office's 5 MB), the table and index with the last.
 */
import { readCustomers } from "../../core/analysis/rows";
import { isoDateSerial, serialToIsoDate } from "../../core/cells/dates";
import { historyTiering, historyTieringProblem } from "../../core/analysis/history-tiering";
import { buildHistory, purchaseSpan, type History as CoreHistory } from "../../core/over-time/history";
import { snapshotDates } from "../../core/over-time/snapshots";
import { messages, type Messages } from "../../i18n";
import { keyLabel } from "../../i18n/tier-names";
import { throwIfAborted, userError, WorkbookError } from "../errors";
import { saveBackfill, type BackfillSnapshot } from "../history-backfill";
import { HISTORY_FIELDS, newHistory } from "../history";
import type { ExcelHost } from "../host";
import { cellNumber, FORMAT } from "../formats";
import type { AnalysisSettings, HistoryOptions, HistoryReport, HistoryRequest } from "../port";
import type { ColumnSpec } from "../results";
import { recordOwned } from "../ownership";
import { HISTORY_KEY, snapshotInfo, upgradeSettings, type BookState, type History } from "../settings";
import { tieringOf } from "../tiering";
import { canSuspend, job, suspendCalculation } from "./job";
import { addOwnedSheet, keptSheets, ownedWith } from "./owned-sheet";
import { read } from "./run";
import { analysisColumns, checkSettings, optionsOf, qualityOf } from "./run-compute";
import type { RunJob } from "./run-job";

/** Where each phase ends on the progress bar. */
const PROGRESS = { read: 0.3, compute: 0.6, write: 1 };

/** A snapshot date the request names (ISO), as a serial; a sentence naming the field when it is not a date. */
function dateOf(value: string | null, m: Messages, field: "from" | "to"): number | null {
  if (value === null || value.trim() === "") return null;
  const serial = isoDateSerial(value.trim());
  if (Number.isNaN(serial)) throw new WorkbookError(m.overTimePane.rebuild.problems[field](value));
  return serial;
}

/** The core's snapshots as the history's rows (the columns a run's snapshot has, history.ts `historyColumns`). */
function backfillSnapshots(h: CoreHistory, settings: AnalysisSettings, m: Messages): BackfillSnapshot[] {
  const cols = m.workbook.history.columns;
  const tierBy = settings.summaryBy;
  const builtIn = tierBy !== "segment" || typeof settings.rfm?.scheme === "string";
  const labels = h.tierNames.map((key) => keyLabel(tierBy, key, builtIn || key === "others", m));
  return h.snapshots.map((s) => {
    const asOf = Math.floor(s.asOf);
    const present = new Set<number>();
    for (const t of s.tier) if (t >= 0) present.add(t);
    const specs: Record<(typeof HISTORY_FIELDS)[number], (id: string) => ColumnSpec> = {
      snapshot: (id) => ({ key: "snapshot", header: cols.snapshot, format: FORMAT.text, value: () => id }),
      asOf: () => ({ key: "asOf", header: cols.asOf, format: FORMAT.date, value: () => asOf }),
      tierBy: () => ({ key: "tierBy", header: cols.tierBy, format: FORMAT.text, value: () => tierBy }),
      customer: () => ({ key: "customer", header: cols.customer, format: null, value: (c) => h.customerIds[s.customers[c]] }),
      tierKey: () => ({ key: "tierKey", header: cols.tierKey, format: FORMAT.text, value: (c) => (s.tier[c] < 0 ? "" : h.tierNames[s.tier[c]]) }),
      tier: () => ({ key: "tier", header: cols.tier, format: FORMAT.text, value: (c) => (s.tier[c] < 0 ? "" : labels[s.tier[c]]) }),
      revenue: () => ({ key: "revenue", header: cols.revenue, format: FORMAT.money, value: (c) => cellNumber(s.monetary[c], 2) }),
      orders: () => ({ key: "orders", header: cols.orders, format: FORMAT.whole, value: (c) => s.frequency[c] }),
      lastPurchase: () => ({ key: "lastPurchase", header: cols.lastPurchase, format: FORMAT.date, value: (c) => asOf - s.recencyDays[c] }),
    };
    return {
      asOf,
      tierBy,
      customers: s.customers.length,
      tiers: h.tierNames.filter((_, k) => present.has(k)),
      builtIn,
      columns: (id: string) => HISTORY_FIELDS.map((f) => specs[f](id)),
    };
  });
}

export function rebuildHistory(host: ExcelHost, given: AnalysisSettings, request: HistoryRequest, options: HistoryOptions): Promise<HistoryReport> {
  const m = messages(options.locale);
  const settings = upgradeSettings(given);
  const progress = (phase: "read" | "compute" | "write", fraction: number) => options.onProgress?.({ phase, fraction });
  const source = settings.source;
  try {
    throwIfAborted(options.signal, m);
    if (!source) throw new WorkbookError(m.workbook.errors.noSource);
    progress("read", 0);
  } catch (e) {
    return Promise.reject(userError(e, m));
  }
  return job(host, options.locale, async (context) => {
    const checkCancel = () => throwIfAborted(options.signal, m);
    const runJob: RunJob = {
      host,
      context,
      m,
      settings,
      source,
      progress: (_phase, fraction) => progress("read", Math.min(fraction, PROGRESS.read)),
      checkCancel,
      suspend: () => suspendCalculation(host, context),
    };
    checkCancel();
    checkSettings(settings, m);
    const analysis = optionsOf(settings, m);
    // The pane's tiering as a Run on each date makes it (core/analysis/history-tiering.ts); a score on predictions is not rebuilt.
    if (historyTieringProblem(analysis)) throw new WorkbookError(m.overTimePane.errors.scoreHistory);
    const from = dateOf(request.from, m, "from");
    const to = dateOf(request.to, m, "to");
    const data = await read(runJob);
    progress("compute", PROGRESS.read);
    const columns = analysisColumns(data.cells);
    const customers = readCustomers(columns, analysis);
    const { tx, quality } = customers;
    if (tx.validRows === 0) throw new WorkbookError(m.workbook.errors.noRows);
    const tiering = historyTiering(customers, columns, analysis);
    // Score bands (and ABC by margin) are set within each snapshot: no cut points to freeze (said, not ignored).
    if (tiering.by === "custom" && request.freezeAt !== null) throw new WorkbookError(m.overTimeGaps.freezeScore);
    const every = request.every === "days" ? { days: request.days ?? NaN } : request.every;
    // "first" and "last" freeze at the first and last dates built: the core's dates for this range.
    const span = purchaseSpan(tx);
    const { dates } = snapshotDates(span.first, span.last, { every, from, to });
    const freezeAt = request.freezeAt === "first" ? (dates[0] ?? null) : request.freezeAt === "last" ? (dates.at(-1) ?? null) : freezeSerial(request.freezeAt, m);
    const built = buildHistory(tx, { every, from, to, windowMonths: settings.windowMonths ?? null, tiering, freezeAt }, (done, total) => {
      progress("compute", PROGRESS.read + ((PROGRESS.compute - PROGRESS.read) * done) / total);
      checkCancel();
    });
    checkCancel();

    const book = data.book;
    const { history, sheet } = await historyTarget(context, book, m);
    const snaps = backfillSnapshots(built, settings, m);
    const pinned = new Set(book.pilots.filter((p) => book.sheets.some((s) => s.id === p.sheetId)).map((p) => p.snapshotId));
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    checkCancel();
    progress("write", PROGRESS.compute);
    const saved = await saveBackfill(context, snaps, m, {
      history,
      sheet,
      tableNames: tables.items.map((t) => t.name),
      pinned,
      canSuspend: canSuspend(host),
      tiering: tieringOf(settings),
      source,
      onBlock: (done, total) => progress("write", PROGRESS.compute + ((PROGRESS.write - PROGRESS.compute) * done) / total),
    });
    return {
      snapshots: saved.records.map(snapshotInfo),
      replaced: saved.replaced.length,
      dropped: saved.dropped.length,
      quality: qualityOf(quality, data.shape, settings.hasHeader, settings.mapping, m),
      frozenAt: built.frozen ? serialToIsoDate(built.frozen.asOf) : null,
    };
  });
}

/** A freeze date the request names as ISO text (null for none, or for "first"/"last", which the core resolves). */
function freezeSerial(value: string | null, m: Messages): number | null {
  if (value === null || value === "first" || value === "last") return null;
  const serial = isoDateSerial(value);
  if (Number.isNaN(serial)) throw new WorkbookError(m.overTimePane.errors.badFreeze(value));
  return serial;
}

/**
 * The history to write into: the index's sheet while it is there and the add-in's, else a new very hidden sheet
 * (recorded as owned, with a fresh index whose ids go on after any a pilot still refers to).
 */
async function historyTarget(context: Excel.RequestContext, book: BookState, m: Messages): Promise<{ history: History; sheet: Excel.Worksheet }> {
  if (book.history) return { history: book.history, sheet: context.workbook.worksheets.getItem(book.history.sheetId) };
  const { sheet } = await addOwnedSheet(context, m.workbook.history.sheet, book, false, keptSheets(book));
  sheet.visibility = "VeryHidden";
  const history = newHistory(sheet.id, book.savedHistory, book.pilots);
  recordOwned(context, book.ownership, ownedWith(book, sheet.id, null));
  context.workbook.settings.add(HISTORY_KEY, history);
  return { history, sheet };
}
