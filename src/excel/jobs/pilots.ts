/**
 * Pilot (gray) groups in the workbook (issue 4): a pilot and a control group picked in one tier of a snapshot
 * onto a "Pilot" sheet (pickPilot, listPilots), and the pilot measured against the control in a later
 * snapshot, beside the list (comparePilot). The groups and the comparison come from the core
 * (src/core/over-time/pilot.ts); this module reads the history, words and writes.
 *
 * Syncs, whatever the number of customers (up to the sizes in docs/PERFORMANCE.md):
 *   listPilots: 1.
 *   pickPilot: 1 + the reads (customers and tier keys of one snapshot) + 1 (sheet added)
 *     + PILOT_WRITE_SYNCS (ownership, parameters, the list, the pilot saved).
 *   comparePilot: 1 + the reads (the pilot's snapshot and the later one, and the customers of the pilot's
 *     list beside them) + 1 (outcomes and comparison; more only when the list's outcomes exceed PAYLOAD_TARGET),
 *     + 1 (a sheet beside) only when the person edited the pilot's sheet while the job read (issue 11: the
 *     job watches edits from its first sync to its first write, edits.ts; `outcomeSheet` says why).
 */
import { customerIdText } from "../../core/over-time/migration";
import { comparePilot as comparePilotGroups, CONTROL, PILOT, pickPilot as pickPilotGroups, type GroupDifference } from "../../core/over-time/pilot";
import type { Locale, Messages } from "../../i18n";
import { keyLabel } from "../../i18n/tier-names";
import { rowBytes, splitByBytes } from "../batch";
import { WorkbookError } from "../errors";
import { cellNumber, FORMAT } from "../formats";
import { readSnapshots, type ColumnRead, type SnapshotColumns } from "../history";
import { PAYLOAD_TARGET, PILOT_WRITE_SYNCS, type ExcelHost } from "../host";
import { checkPilotRequest } from "../pilot-check";
import type { GroupComparison, PilotComparisonReport, PilotInfo, PilotRequest } from "../port";
import { a1, a1Range } from "../read";
import { queueBlock, queueHeader, queueRows, queueText, resultRows, type ColumnSpec } from "../results";
import { recordOwned } from "../ownership";
import { PILOTS_KEY, snapshotInfo, type BookState, type PilotRecord } from "../settings";
import type { EditWatch } from "../edits";
import { block, num, text } from "../summary";
import { job, loadState, rowSyncs } from "./job";
import { withEditWatch } from "../edits";
import { addOwnedSheet, keptNoteOf, keptSheets, ownedWith, type AddedSheet } from "./owned-sheet";
import { findSnapshot, historyOf, serialOf } from "./snapshots";

/** Where things are on a pilot's sheet (0-based): parameters from row 2, the list's header on row 11, outcomes beside the list, the comparison to the right. */
export const PILOT_LAYOUT = { parametersRow: 1, listRow: 10, outcomeColumn: 3, comparisonColumn: 6 } as const;

export function listPilots(host: ExcelHost, locale: Locale = "en"): Promise<PilotInfo[]> {
  return job(host, locale, async (context, m) => {
    const state = await loadState(context);
    return state.pilots.map((p) => pilotInfo(p, state, m));
  });
}

export function pickPilot(host: ExcelHost, request: PilotRequest, locale: Locale): Promise<PilotInfo> {
  return job(host, locale, async (context, m) => {
    const p = m.workbook.pilot;
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
    await rowSyncs(host, context, blocks, {
      first: () => {
        recordOwned(context, state.ownership, ownedWith(state, sheet.id, null));
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
      },
      rows: (from, to) => queueRows(sheet, columns, rows, from, to, PILOT_LAYOUT.listRow + 1),
      last: () => {
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
      },
    });
    return info;
  });
}

export function comparePilot(host: ExcelHost, pilotId: string, afterSnapshotId: string, locale: Locale): Promise<PilotComparisonReport> {
  return job(host, locale, (context, m) => withEditWatch(context, host, async (watch) => {
    const p = m.workbook.pilot;
    const wb = context.workbook;
    // The person's edits, watched from this first sync to the first write (`beside`): an edited pilot sheet is not written on.
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

    // An edit to the pilot's sheet while the job read may have moved the list under the rows it read: the sheet
    // stays as the person left it, and the comparison goes on a sheet of its own beside it, with the list as read.
    const target = await outcomeSheet(context, watch, state, pilot, sheetName, { cells: list.values, tier: pilotInfo(pilot, state, m).tierLabel, groups: members.groups, rowOf }, m);
    const out = target.added?.sheet ?? sheet;
    // Row i of the sheet's list is member rowOf[i].
    const columns: ColumnSpec[] = [
      { key: "repurchased", header: p.columns.repurchased(base.asOf, after.asOf), format: FORMAT.text, value: (i) => (repurchased[rowOf[i]] ? p.yes : p.no) },
      { key: "revenueChange", header: p.columns.revenueChange, format: FORMAT.money, value: (i) => cellNumber(change[rowOf[i]], 2) },
    ];
    const { rows, bytes } = resultRows(columns, n);
    // On a sheet beside, the list's copy shares the row syncs: one byte budget for both.
    if (target.bytes) for (let i = 0; i < n; i++) bytes[i] += target.bytes[i];
    const blocks = splitByBytes(bytes, 1, PAYLOAD_TARGET);
    const confidence = `${Math.round(result.confidence * 100)}%`;
    const c = p.comparison;
    await rowSyncs(host, context, blocks, {
      first: () => {
        target.first();
        queueHeader(out, columns, PILOT_LAYOUT.listRow, PILOT_LAYOUT.outcomeColumn);
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
        queueText(out.getRange(a1(0, PILOT_LAYOUT.comparisonColumn)), c.title(after.asOf)).format.font.bold = true;
        queueBlock(
          out,
          block(1, PILOT_LAYOUT.comparisonColumn, [
            [c.measure, c.pilot, c.control, c.difference, c.low(confidence), c.high(confidence), c.nPilot, c.nControl].map(text),
            row(c.repurchase, result.repurchase, FORMAT.percent, 6),
            row(c.revenue, result.revenue, FORMAT.money, 2),
          ]),
        ).getRow(0).format.font.bold = true;
      },
      rows: (from, to) => {
        target.rows(from, to);
        queueRows(out, columns, rows, from, to, PILOT_LAYOUT.listRow + 1, PILOT_LAYOUT.outcomeColumn);
      },
      last: () => {
        out.getRange(a1Range(PILOT_LAYOUT.listRow, PILOT_LAYOUT.outcomeColumn, Math.min(n, 200) + 1, 2)).format.autofitColumns();
        out.activate();
      },
    });
    return {
      pilot: pilotInfo(pilot, state, m),
      after: snapshotInfo(after),
      repurchase: toGroup(result.repurchase),
      revenue: toGroup(result.revenue),
      confidence: result.confidence,
      sheet: target.added ? target.added.sheet.name : sheetName,
      ...(target.added ? keptNoteOf(m, target.added) : {}),
    };
  }));
}

/**
 * Where a comparison's outcomes go: the pilot's own sheet, unless the person edited it since the job's first sync
 * (`watch`, removed here or with the first write sync). Then a new owned sheet beside it ("Pilot (2)") takes the
 * list as it was read (customer, tier, group, in the same layout) with the outcomes beside it, one sync more; the
 * pilot's sheet stays untouched and stays the pilot's (its list is what a later measure reads, and its marker keeps
 * its id across a reopen: ownership.ts), so unlike the other jobs' sheets it is not disowned: nothing replaces it.
 */
async function outcomeSheet(
  context: Excel.RequestContext,
  watch: EditWatch,
  state: BookState,
  pilot: PilotRecord,
  sheetName: string,
  list: { cells: readonly unknown[]; tier: string; groups: Uint8Array; rowOf: readonly number[] },
  m: Messages,
): Promise<{ added: AddedSheet | null; first: () => void; rows: (from: number, to: number) => void; bytes: Float64Array | null }> {
  if (!watch.edited.has(pilot.sheetId)) {
    // Not edited: the watch goes with the first write sync.
    watch.stop();
    return { added: null, first: () => undefined, rows: () => undefined, bytes: null };
  }
  const p = m.workbook.pilot;
  const added = await addOwnedSheet(context, sheetName, state, false, keptSheets(state), watch);
  const sheet = added.sheet;
  const columns: ColumnSpec[] = [
    { key: "customer", header: p.columns.customer, format: null, value: (i) => list.cells[i] },
    { key: "tier", header: p.columns.tier, format: FORMAT.text, value: () => list.tier },
    { key: "group", header: p.columns.group, format: FORMAT.text, value: (i) => (list.groups[list.rowOf[i]] === PILOT ? p.groups.pilot : p.groups.control) },
  ];
  const { rows, bytes } = resultRows(columns, list.cells.length);
  return {
    added: { ...added, kept: { id: pilot.sheetId, name: sheetName, visibility: "Visible" } },
    first: () => {
      recordOwned(context, state.ownership, ownedWith(state, sheet.id, null));
      queueText(sheet.getRange("A1"), p.title(list.tier)).format.font.bold = true;
      queueHeader(sheet, columns, PILOT_LAYOUT.listRow);
    },
    rows: (from, to) => queueRows(sheet, columns, rows, from, to, PILOT_LAYOUT.listRow + 1),
    bytes,
  };
}

/**
 * A pilot as the pane sees it: its tier named in `m`'s language (from the key, as the snapshot's tiers are; a
 * pilot saved before its basis was kept is named by its snapshot, or as it was picked when that is gone) and
 * the current name of its sheet.
 */
function pilotInfo(p: PilotRecord, state: BookState, m: Messages): PilotInfo {
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

const toGroup = (d: GroupDifference): GroupComparison => ({ pilot: d.pilot, control: d.control, difference: d.difference, low: d.low, high: d.high });


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
