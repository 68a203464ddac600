/**
 * The dynamic workflow's workbook jobs (issue 4): the snapshots in the history (listSnapshots), two of
 * them compared on the "Tier migration" sheet (compareSnapshots), a pilot and a control group picked in
 * one tier of a snapshot onto a "Pilot" sheet (pickPilot, listPilots), and the pilot measured against the
 * control in a later snapshot (comparePilot). The numbers come from the core (src/core/over-time/migration.ts,
 * src/core/over-time/pilot.ts); this module reads the history (history.ts), words and writes.
 *
 * Syncs, whatever the number of customers (up to the sizes in docs/PERFORMANCE.md):
 *   listSnapshots, listPilots: 1.
 *   compareSnapshots: 1 (index, sheets) + the history reads (both snapshots together, `historyReadBlocks`)
 *     + 1 (the sheet replaced or added) + 1 (ownership, matrices, rates, effects, chart).
 *   pickPilot: 1 + the reads (customers and tier keys of one snapshot) + 1 (sheet added)
 *     + PILOT_WRITE_SYNCS (ownership, parameters, the list, the pilot saved).
 *   comparePilot: 1 + the reads (the pilot's snapshot and the later one, and the customers of the pilot's
 *     list beside them) + 1 (outcomes and comparison; more only when the list's outcomes exceed PAYLOAD_TARGET).
 */
import { customerIdText, migrationMatrix, migrationRates, tierEffects, type MigrationMatrix } from "../core/over-time/migration";
import { comparePilot as comparePilotGroups, CONTROL, PILOT, pickPilot as pickPilotGroups, type GroupDifference } from "../core/over-time/pilot";
import { parseDateText } from "../core/cells/dates";
import { messages, type Locale, type Messages } from "../i18n";
import { rowBytes, splitByBytes } from "./batch";
import { guard, withSuppressed, WorkbookError } from "./errors";
import { checkPilotRequest } from "./pilot-check";
import { cellNumber, FORMAT } from "./formats";
import { readSnapshots, type ColumnRead, type HistorySheet, type SnapshotColumns } from "./history";
import { PAYLOAD_TARGET, PILOT_WRITE_SYNCS, type ExcelHost } from "./host";
import type { GroupComparison, MigrationReport, PilotComparisonReport, PilotInfo, PilotRequest, SnapshotInfo } from "./port";
import { a1, a1Range } from "./read";
import { queueBlock, queueHeader, queueRows, queueText, resultRows, type ColumnSpec } from "./results";
import { loadBookState, OWNED_KEY, PILOTS_KEY, snapshotInfo, tieringKey, type BookState, type PilotRecord, type SnapshotRecord } from "./settings";
import { tieringDifference } from "./tiering";
import { chooseSheetName } from "./sheets";
import { keyLabel } from "../i18n/tier-names";
import type { Block } from "./summary";

type State = BookState;

async function loadState(context: Excel.RequestContext): Promise<State> {
  const read = loadBookState(context);
  await context.sync();
  return read();
}

/**
 * A pilot as the pane sees it: its tier named in `m`'s language (from the key, as the snapshot's tiers are; a
 * pilot saved before its basis was kept is named by its snapshot, or as it was picked when that is gone) and
 * the current name of its sheet.
 */
function pilotInfo(p: PilotRecord, state: State, m: Messages): PilotInfo {
  const { sheetId, listBytes: _listBytes, tierBy: _tierBy, builtIn: _builtIn, ...info } = p;
  const snapshot = state.history?.snapshots.find((s) => s.id === p.snapshotId);
  const tierBy = p.tierBy ?? snapshot?.tierBy;
  const builtIn = p.builtIn ?? snapshot?.builtIn;
  return {
    ...info,
    tierLabel: tierBy !== undefined && builtIn !== undefined ? keyLabel(tierBy, p.tier, builtIn, m) : p.tierLabel,
    sheet: state.sheets.find((s) => s.id === sheetId)?.name ?? p.sheet,
  };
}

function findSnapshot(state: State, id: string, m: Messages): SnapshotRecord {
  if (!state.history) throw new WorkbookError(m.workbook.history.gone);
  const record = state.history.snapshots.find((s) => s.id === id);
  if (!record) throw new WorkbookError(m.workbook.migration.errors.unknownSnapshot(id));
  return record;
}

/**
 * Adds a sheet the add-in owns, named `base` or "base (2)" … beside a user's sheet of that name; with
 * `replace`, an owned sheet of the chosen name is deleted first (the migration sheet), otherwise every
 * owned sheet stays (pilot sheets, one per pilot). One sync; the caller records the sheet as owned at the
 * start of its next sync (`ownedWith`). Should this sync fail after the sheet was added, the sheet is
 * recorded as owned in one more sync before the error goes on, so no sheet is left the user's by mistake.
 */
async function addOwnedSheet(context: Excel.RequestContext, base: string, state: State, replace: boolean, keep: readonly string[]): Promise<{ sheet: Excel.Worksheet; replaced: string | null }> {
  const wb = context.workbook;
  const replaceable = new Set(replace ? state.owned.filter((id) => !keep.includes(id)) : []);
  const name = chooseSheetName(base, state.sheets, replaceable);
  const old = state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() && replaceable.has(s.id)) ?? null;
  if (old) wb.worksheets.getItem(old.id).delete();
  const sheet = wb.worksheets.add(name);
  sheet.load("id,name");
  try {
    await context.sync();
  } catch (e) {
    try {
      const now = wb.worksheets.load("items/name,items/id");
      await context.sync();
      const before = new Set(state.sheets.map((s) => s.id));
      const added = now.items.filter((s) => !before.has(s.id) && s.name.toLowerCase() === name.toLowerCase()).map((s) => s.id);
      if (added.length > 0) {
        const present = new Set(now.items.map((s) => s.id));
        wb.settings.add(OWNED_KEY, [...state.owned.filter((id) => present.has(id)), ...added]);
        await context.sync();
      }
    } catch (recordError) {
      throw withSuppressed(e, recordError);
    }
    throw e;
  }
  return { sheet, replaced: old?.id ?? null };
}

/** The owned list once `sheetId` is added (and `replaced` is gone). */
function ownedWith(state: State, sheetId: string, replaced: string | null): string[] {
  const present = new Set(state.sheets.map((s) => s.id));
  return [...state.owned.filter((id) => present.has(id) && id !== replaced && id !== sheetId), sheetId];
}

/** Sheets the jobs never replace: the history and the pilots' lists. */
function keptSheets(state: State): string[] {
  return [...(state.history ? [state.history.sheetId] : []), ...state.pilots.map((p) => p.sheetId)];
}

/** A cell of a block: its value and number format. */
interface Cell {
  v: unknown;
  f: string;
}
const text = (v: string): Cell => ({ v, f: FORMAT.text });
const num = (v: number, f: string, digits: number | null = null): Cell => ({ v: cellNumber(v, digits), f });

/** A block from rows of { value, format } cells. */
function block(row: number, column: number, cells: Cell[][]): Block {
  const width = Math.max(...cells.map((r) => r.length));
  const pad = (r: Cell[]) => [...r, ...Array.from({ length: width - r.length }, (): Cell => ({ v: "", f: "General" }))];
  return { row, column, values: cells.map((r) => pad(r).map((c) => c.v)), formats: cells.map((r) => pad(r).map((c) => c.f)) };
}

/** A matrix block: header [corner, after tiers…, gone, total], the before tiers, new, total. */
function matrixBlock(row: number, matrix: Float64Array, k: number, labels: readonly string[], format: string, digits: number | null, m: Messages): Block {
  const t = m.workbook.migration;
  const at = (i: number, j: number) => matrix[i * (k + 1) + j];
  const rowTotal = (i: number) => {
    let s = 0;
    for (let j = 0; j <= k; j++) s += at(i, j);
    return s;
  };
  const columnTotal = (j: number) => {
    let s = 0;
    for (let i = 0; i <= k; i++) s += at(i, j);
    return s;
  };
  const cells = [[text(t.corner), ...labels.map(text), text(t.goneColumn), text(t.total)]];
  for (let i = 0; i <= k; i++) {
    const counts = Array.from({ length: k + 1 }, (_, j) => (i === k && j === k ? text("") : num(at(i, j), format, digits)));
    cells.push([text(i === k ? t.newRow : labels[i]), ...counts, num(rowTotal(i), format, digits)]);
  }
  let grand = 0;
  for (let i = 0; i <= k; i++) grand += rowTotal(i);
  cells.push([text(t.total), ...Array.from({ length: k + 1 }, (_, j) => num(columnTotal(j), format, digits)), num(grand, format, digits)]);
  return block(row, 0, cells);
}

const toGroup = (d: GroupDifference): GroupComparison => ({ pilot: d.pilot, control: d.control, difference: d.difference, low: d.low, high: d.high });

/** The snapshot's analysis date as a serial (ISO text in the index). */
const serialOf = (iso: string) => parseDateText(iso);

export function dynamicJobs(host: ExcelHost) {
  const canSuspend = () => host.isSetSupported("ExcelApi", "1.6");

  async function listSnapshots(locale: Locale = "en"): Promise<SnapshotInfo[]> {
    return guard(messages(locale), () =>
      host.run(async (context) => {
        const state = await loadState(context);
        return state.history ? state.history.snapshots.map(snapshotInfo) : [];
      }),
    );
  }

  async function listPilots(locale: Locale = "en"): Promise<PilotInfo[]> {
    return guard(messages(locale), () =>
      host.run(async (context) => {
        const state = await loadState(context);
        return state.pilots.map((p) => pilotInfo(p, state, messages(locale)));
      }),
    );
  }

  async function compareSnapshots(beforeId: string, afterId: string, locale: Locale): Promise<MigrationReport> {
    const m = messages(locale);
    const t = m.workbook.migration;
    return guard(m, () =>
      host.run(async (context) => {
        const wb = context.workbook;
        const state = await loadState(context);
        const before = findSnapshot(state, beforeId, m);
        const after = findSnapshot(state, afterId, m);
        if (before.tierBy !== after.tierBy) throw new WorkbookError(t.errors.differentBasis(t.basis[before.tierBy], t.basis[after.tierBy]));
        const differs = tieringDifference(tieringKey(before), tieringKey(after), m);
        if (differs) throw new WorkbookError(t.errors.differentTiering(differs));
        if (!(before.asOf < after.asOf)) throw new WorkbookError(t.errors.notEarlier(before.asOf, after.asOf));

        const [b, a] = await readSnapshots(context, historyOf(context, state), [before, after], m);

        // The core: tiers best first as the runs ordered them (the earlier's, then any new in the later's).
        const order = [...before.tiers, ...after.tiers.filter((k) => !before.tiers.includes(k))];
        const matrix = migrationMatrix({ ids: b.ids, tiers: b.tiers, measure: b.revenue }, { ids: a.ids, tiers: a.tiers, measure: a.revenue }, order);
        // Segments have no order from best to worst: moves between them are changes, neither up nor down.
        const rates = migrationRates(before.tierBy === "segment" ? { ...matrix, ordered: false } : matrix);
        const records = (s: SnapshotColumns, r: SnapshotRecord) => ({ asOf: serialOf(r.asOf), ids: s.ids, tiers: s.tiers, revenue: s.revenue, orders: s.orders, lastPurchase: s.lastPurchase });
        const effects = tierEffects(records(b, before), records(a, after), matrix.tiers);
        const builtIn = before.builtIn && after.builtIn;
        const labels = matrix.tiers.map((key) => keyLabel(before.tierBy, key, builtIn, m));

        const { sheet, replaced } = await addOwnedSheet(context, t.sheet, state, true, keptSheets(state));
        wb.settings.add(OWNED_KEY, ownedWith(state, sheet.id, replaced));
        if (canSuspend()) wb.application.suspendApiCalculationUntilNextSync();
        const layout = migrationLayout(matrix, labels, rates, effects, before, after, m);
        queueText(sheet.getRange("A1"), layout.title).format.font.bold = true;
        for (const caption of layout.captions) queueText(sheet.getRange(a1(caption.row, 0)), caption.text).format.font.bold = true;
        for (const b2 of layout.blocks) {
          const range = queueBlock(sheet, b2);
          range.getRow(0).format.font.bold = true;
        }
        addMigrationChart(sheet, layout, labels.length, m);
        sheet.getRange(a1Range(0, 0, layout.endRow, layout.width)).format.autofitColumns();
        sheet.activate();
        await context.sync();
        const summary = {
          customers: rates.customers,
          upgradeRate: rates.upgradeRate,
          downgradeRate: rates.downgradeRate,
          changeRate: rates.changeRate,
          stayRate: rates.stayRate,
          goneRate: rates.goneRate,
          newCustomers: rates.new,
        };
        return {
          before: snapshotInfo(before),
          after: snapshotInfo(after),
          sheet: sheet.name,
          tiers: labels,
          summary,
          effects: effects.map((e) => ({
            tier: labels[matrix.tiers.indexOf(e.tier)] ?? e.tier,
            customers: e.customers,
            retentionRate: e.retentionRate,
            repurchaseRate: e.repurchaseRate,
            revenueBefore: e.revenueBefore,
            revenueAfter: e.revenueAfter,
            revenueChange: e.revenueChange,
          })),
        };
      }),
    );
  }

  async function pickPilot(request: PilotRequest, locale: Locale): Promise<PilotInfo> {
    const m = messages(locale);
    const p = m.workbook.pilot;
    return guard(m, () =>
      host.run(async (context) => {
        const wb = context.workbook;
        checkPilotRequest(request, m);
        const state = await loadState(context);
        const record = findSnapshot(state, request.snapshotId, m);
        const label = keyLabel(record.tierBy, request.tier, record.builtIn, m);
        if (!record.tiers.includes(request.tier)) throw new WorkbookError(p.errors.unknownTier(label, record.asOf));

        const [s] = await readSnapshots(context, historyOf(context, state), [record], m, { measures: false });
        const members = pilotMembers(s, request);
        const pilots = members.groups.filter((g) => g === PILOT).length;
        const controls = members.groups.length - pilots;
        if (pilots === 0) throw new WorkbookError(p.errors.empty(label));

        const { sheet } = await addOwnedSheet(context, p.sheet, state, false, keptSheets(state));
        const columns: ColumnSpec[] = [
          { key: "customer", header: p.columns.customer, format: null, value: (r) => members.ids[r] },
          { key: "tier", header: p.columns.tier, format: FORMAT.text, value: () => label },
          { key: "group", header: p.columns.group, format: FORMAT.text, value: (r) => (members.groups[r] === PILOT ? p.groups.pilot : p.groups.control) },
        ];
        const { rows, bytes } = resultRows(columns, members.ids.length);
        const blocks = splitByBytes(bytes, PILOT_WRITE_SYNCS, PAYLOAD_TARGET);
        const number = 1 + state.pilots.reduce((n, x) => Math.max(n, Number(/^P(\d+)$/.exec(x.id)?.[1] ?? 0)), 0);
        const info: PilotInfo = { ...request, id: `P${number}`, asOf: record.asOf, tierLabel: label, pilot: pilots, control: controls, sheet: sheet.name };
        for (let k = 0; k < blocks.length - 1; k++) {
          if (canSuspend()) wb.application.suspendApiCalculationUntilNextSync();
          if (k === 0) {
            wb.settings.add(OWNED_KEY, ownedWith(state, sheet.id, null));
            queueText(sheet.getRange("A1"), p.title(label)).format.font.bold = true;
            const q = p.parameters;
            queueBlock(
              sheet,
              block(PILOT_LAYOUT.parametersRow, 0, [
                [text(q.strategy), text(request.strategy)],
                [text(q.tier), text(label)],
                [text(q.asOf), num(serialOf(record.asOf), FORMAT.date)],
                [text(q.share), num(request.share, FORMAT.percent)],
                [text(q.controlShare), num(request.controlShare, FORMAT.percent)],
                [text(q.seed), num(request.seed, "0")],
                [text(q.pilot), num(pilots, FORMAT.whole)],
                [text(q.control), num(controls, FORMAT.whole)],
              ]),
            ).getColumn(0).format.font.bold = true;
            queueHeader(sheet, columns, PILOT_LAYOUT.listRow);
          }
          queueRows(sheet, columns, rows, blocks[k], blocks[k + 1], PILOT_LAYOUT.listRow + 1);
          if (k === blocks.length - 2) {
            const saved: PilotRecord = {
              ...info,
              sheetId: sheet.id,
              listBytes: members.ids.reduce((sum, id) => sum + rowBytes([id]), 0),
              // The basis and whether the tier is built in, so the tier is named in any language later.
              tierBy: record.tierBy,
              builtIn: record.builtIn,
            };
            wb.settings.add(PILOTS_KEY, [...state.pilots, saved]);
            sheet.getRange(a1Range(0, 0, Math.min(rows.length, 200) + PILOT_LAYOUT.listRow + 1, 3)).format.autofitColumns();
            sheet.activate();
          }
          await context.sync();
        }
        return info;
      }),
    );
  }

  async function comparePilot(pilotId: string, afterSnapshotId: string, locale: Locale): Promise<PilotComparisonReport> {
    const m = messages(locale);
    const p = m.workbook.pilot;
    return guard(m, () =>
      host.run(async (context) => {
        const wb = context.workbook;
        const state = await loadState(context);
        const pilot = state.pilots.find((x) => x.id === pilotId);
        if (!pilot) throw new WorkbookError(p.errors.unknownPilot(pilotId));
        // A deleted pilot sheet first: once it is gone a later run may drop the pilot's snapshot too.
        const sheetName = state.sheets.find((s) => s.id === pilot.sheetId)?.name;
        if (sheetName === undefined) throw new WorkbookError(p.errors.sheetGone(pilot.sheet));
        const base = findSnapshot(state, pilot.snapshotId, m);
        const after = findSnapshot(state, afterSnapshotId, m);
        if (!(base.asOf < after.asOf)) throw new WorkbookError(p.errors.notLater(base.asOf, after.asOf));

        // The pilot's list as it is on its sheet, read beside the snapshots: the outcomes go next to each
        // customer wherever the person has moved it (sorted), matched by id.
        const sheet = wb.worksheets.getItem(pilot.sheetId);
        const listed = pilot.pilot + pilot.control;
        const listBytes = pilot.listBytes ?? Math.ceil((listed * base.readBytes) / Math.max(base.rows, 1));
        const list: ColumnRead = { sheet, row: PILOT_LAYOUT.listRow + 1, column: 0, rows: listed, bytes: listBytes, values: [] };
        const [b, a] = await readSnapshots(context, historyOf(context, state), [base, after], m, { also: [list] });
        // The groups again from the pilot's own snapshot and seed: the same customers.
        const members = pilotMembers(b, pilot);
        const rowOf = listOrder(list.values, members.ids);
        if (!rowOf) throw new WorkbookError(p.errors.listChanged(sheetName));
        const later = new Map<string, number>();
        a.ids.forEach((id, j) => id !== "" && later.set(id, j));
        const since = serialOf(base.asOf);
        const n = members.ids.length;
        const repurchased = new Float64Array(n);
        const change = new Float64Array(n);
        for (let r = 0; r < n; r++) {
          const j = later.get(members.ids[r]);
          repurchased[r] = j !== undefined && a.lastPurchase[j] > since ? 1 : 0;
          const before = b.revenue[members.rows[r]];
          change[r] = (j === undefined ? 0 : a.revenue[j]) - (Number.isFinite(before) ? before : 0);
        }
        const result = comparePilotGroups(members.groups, repurchased, change, 0.95);

        // Row i of the sheet's list is member rowOf[i].
        const columns: ColumnSpec[] = [
          { key: "repurchased", header: p.columns.repurchased(base.asOf, after.asOf), format: FORMAT.text, value: (i) => (repurchased[rowOf[i]] ? p.yes : p.no) },
          { key: "revenueChange", header: p.columns.revenueChange, format: FORMAT.money, value: (i) => cellNumber(change[rowOf[i]], 2) },
        ];
        const { rows, bytes } = resultRows(columns, n);
        const blocks = splitByBytes(bytes, 1, PAYLOAD_TARGET);
        const confidence = `${Math.round(result.confidence * 100)}%`;
        const c = p.comparison;
        for (let k = 0; k < blocks.length - 1; k++) {
          if (canSuspend()) wb.application.suspendApiCalculationUntilNextSync();
          if (k === 0) {
            queueHeader(sheet, columns, PILOT_LAYOUT.listRow, PILOT_LAYOUT.outcomeColumn);
            const row = (label: string, d: GroupDifference, format: string, digits: number) => [
              text(label),
              num(d.pilot, format, digits),
              num(d.control, format, digits),
              num(d.difference, format, digits),
              num(d.low, format, digits),
              num(d.high, format, digits),
              num(d.nPilot, FORMAT.whole),
              num(d.nControl, FORMAT.whole),
            ];
            queueText(sheet.getRange(a1(0, PILOT_LAYOUT.comparisonColumn)), c.title(after.asOf)).format.font.bold = true;
            queueBlock(
              sheet,
              block(1, PILOT_LAYOUT.comparisonColumn, [
                [c.measure, c.pilot, c.control, c.difference, c.low(confidence), c.high(confidence), c.nPilot, c.nControl].map(text),
                row(c.repurchase, result.repurchase, FORMAT.percent, 6),
                row(c.revenue, result.revenue, FORMAT.money, 2),
              ]),
            ).getRow(0).format.font.bold = true;
          }
          queueRows(sheet, columns, rows, blocks[k], blocks[k + 1], PILOT_LAYOUT.listRow + 1, PILOT_LAYOUT.outcomeColumn);
          if (k === blocks.length - 2) {
            sheet.getRange(a1Range(PILOT_LAYOUT.listRow, PILOT_LAYOUT.outcomeColumn, Math.min(n, 200) + 1, 2)).format.autofitColumns();
            sheet.activate();
          }
          await context.sync();
        }
        return {
          pilot: pilotInfo(pilot, state, m),
          after: snapshotInfo(after),
          repurchase: toGroup(result.repurchase),
          revenue: toGroup(result.revenue),
          confidence: result.confidence,
          sheet: sheetName,
        };
      }),
    );
  }

  return { listSnapshots, listPilots, compareSnapshots, pickPilot, comparePilot };
}

/** Where things are on a pilot's sheet (0-based): parameters from row 2, the list's header on row 11, outcomes beside the list, the comparison to the right. */
export const PILOT_LAYOUT = { parametersRow: 1, listRow: 10, outcomeColumn: 3, comparisonColumn: 6 } as const;

/** The history sheet of `state` (present and owned: the jobs check `state.history` first). */
function historyOf(context: Excel.RequestContext, state: State): HistorySheet {
  return { sheet: context.workbook.worksheets.getItem(state.history!.sheetId), name: state.historySheet!.name };
}

/**
 * Where each customer of a pilot's list (the cells read from its sheet, in the sheet's order) is among the
 * pilot's members: rowOf[i] = the member on row i. Null when the list is not the members in some order
 * (a customer added, removed, edited or listed twice).
 */
export function listOrder(cells: readonly unknown[], members: readonly string[]): number[] | null {
  if (cells.length !== members.length) return null;
  const index = new Map(members.map((id, r) => [id, r]));
  const rowOf: number[] = [];
  for (const cell of cells) {
    const r = index.get(customerIdText(cell) ?? "");
    if (r === undefined) return null;
    index.delete(customerIdText(cell)!);
    rowOf.push(r);
  }
  return rowOf;
}

/** The pilot's customers, pilot group first then control, each in the snapshot's row order. */
function pilotMembers(s: SnapshotColumns, r: Pick<PilotRequest, "tier" | "share" | "controlShare" | "seed">): { ids: string[]; rows: number[]; groups: Uint8Array } {
  const tiers = s.tiers.map((t) => (t === r.tier ? t : ""));
  const groups = pickPilotGroups(s.ids, tiers, { share: r.share, controlShare: r.controlShare, seed: r.seed });
  const rows: number[] = [];
  for (const g of [PILOT, CONTROL]) for (let i = 0; i < groups.length; i++) if (groups[i] === g) rows.push(i);
  return { ids: rows.map((i) => s.ids[i]), rows, groups: Uint8Array.from(rows, (i) => groups[i]) };
}

interface MigrationLayout {
  title: string;
  captions: { row: number; text: string }[];
  blocks: Block[];
  /** The count matrix's block (the chart reads its before-tier rows). */
  counts: Block;
  endRow: number;
  width: number;
}

function migrationLayout(
  matrix: MigrationMatrix,
  labels: readonly string[],
  rates: ReturnType<typeof migrationRates>,
  effects: ReturnType<typeof tierEffects>,
  before: SnapshotRecord,
  after: SnapshotRecord,
  m: Messages,
): MigrationLayout {
  const t = m.workbook.migration;
  const k = matrix.tiers.length;
  const captions: { row: number; text: string }[] = [];
  const blocks: Block[] = [];
  let row = 2;
  captions.push({ row, text: t.counts });
  const counts = matrixBlock(row + 1, matrix.counts, k, labels, FORMAT.whole, null, m);
  blocks.push(counts);
  row = counts.row + counts.values.length + 1;
  if (matrix.values) {
    captions.push({ row, text: t.revenue });
    const revenue = matrixBlock(row + 1, matrix.values, k, labels, FORMAT.money, 2, m);
    blocks.push(revenue);
    row = revenue.row + revenue.values.length + 1;
  }
  captions.push({ row, text: t.rates });
  const r = t.rateRows;
  const rateBlock = block(row + 1, 0, [
    [t.rateColumns.movement, t.rateColumns.customers, t.rateColumns.share].map(text),
    [text(r.customers), num(rates.customers, FORMAT.whole), num(rates.customers > 0 ? 1 : NaN, FORMAT.percent, 6)],
    ...(Number.isFinite(rates.upgraded)
      ? [
          [text(r.upgrade), num(rates.upgraded, FORMAT.whole), num(rates.upgradeRate, FORMAT.percent, 6)],
          [text(r.downgrade), num(rates.downgraded, FORMAT.whole), num(rates.downgradeRate, FORMAT.percent, 6)],
        ]
      : [[text(r.changed), num(rates.changed, FORMAT.whole), num(rates.changeRate, FORMAT.percent, 6)]]),
    [text(r.stay), num(rates.stayed, FORMAT.whole), num(rates.stayRate, FORMAT.percent, 6)],
    [text(r.gone), num(rates.gone, FORMAT.whole), num(rates.goneRate, FORMAT.percent, 6)],
    [text(r.newCustomers), num(rates.new, FORMAT.whole), text("")],
  ]);
  blocks.push(rateBlock);
  row = rateBlock.row + rateBlock.values.length + 1;
  captions.push({ row, text: t.effects });
  const e = t.effectColumns;
  const effectBlock = block(row + 1, 0, [
    [e.tier, e.customers, e.retained, e.retention, e.repurchased, e.repurchase, e.revenueBefore, e.revenueAfter, e.revenueChange, e.revenueChangeRate].map(text),
    ...effects.map((x) => [
      text(labels[matrix.tiers.indexOf(x.tier)] ?? x.tier),
      num(x.customers, FORMAT.whole),
      num(x.retained, FORMAT.whole),
      num(x.retentionRate, FORMAT.percent, 6),
      num(x.repurchased, FORMAT.whole),
      num(x.repurchaseRate, FORMAT.percent, 6),
      num(x.revenueBefore, FORMAT.money, 2),
      num(x.revenueAfter, FORMAT.money, 2),
      num(x.revenueChange, FORMAT.money, 2),
      num(x.revenueChangeRate, FORMAT.percent, 6),
    ]),
  ]);
  blocks.push(effectBlock);
  row = effectBlock.row + effectBlock.values.length + 1;
  const title = t.title(before.asOf, after.asOf, t.basis[before.tierBy]);
  return { title, captions, blocks, counts, endRow: row, width: Math.max(k + 3, 10) };
}

/**
 * The migration chart: a 100% stacked column per earlier tier, one series per later tier and "Gone",
 * from the count matrix's rows (not "New", not the totals), below the tables.
 */
function addMigrationChart(sheet: Excel.Worksheet, layout: MigrationLayout, k: number, m: Messages): void {
  const t = m.workbook.migration;
  const top = layout.counts.row;
  const categories = sheet.getRange(a1Range(top + 1, 0, k, 1));
  const column = (j: number) => sheet.getRange(a1Range(top + 1, 1 + j, k, 1));
  const chart = sheet.charts.add("ColumnStacked100", sheet.getRange(a1Range(top, 1, k + 1, 1)), "Columns");
  const names = layout.counts.values[0].slice(1, k + 2) as string[];
  names.forEach((name, j) => {
    const series = j === 0 ? chart.series.getItemAt(0) : chart.series.add(name);
    series.name = name;
    if (j > 0) series.setValues(column(j));
    series.setXAxisValues(categories);
  });
  chart.name = "Tiering migration";
  chart.title.text = t.chart;
  chart.axes.categoryAxis.title.text = t.chartAxis;
  chart.axes.valueAxis.title.text = t.shareAxis;
  chart.legend.position = "Bottom";
  chart.legend.visible = true;
  chart.setPosition(a1(layout.endRow + 1, 0), a1(layout.endRow + 20, 8));
}
