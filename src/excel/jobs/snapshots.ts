/**
 * The snapshots in the workbook's hidden history (history.ts), as every dynamic job finds them: the list the
 * pane offers, one snapshot by id with a sentence when it is gone, and the history sheet to read them from.
 * listSnapshots: 1 sync.
 */
import { parseDateText } from "../../core/cells/dates";
import type { Locale, Messages } from "../../i18n";
import { WorkbookError } from "../errors";
import type { HistorySheet } from "../history";
import type { ExcelHost } from "../host";
import type { SnapshotInfo } from "../port";
import { snapshotInfo, type BookState, type SnapshotRecord } from "../settings";
import { job, loadState } from "./job";

export function listSnapshots(host: ExcelHost, locale: Locale = "en"): Promise<SnapshotInfo[]> {
  return job(host, locale, async (context) => {
    const state = await loadState(context);
    return state.history ? state.history.snapshots.map(snapshotInfo) : [];
  });
}

export function findSnapshot(state: BookState, id: string, m: Messages): SnapshotRecord {
  if (!state.history) throw new WorkbookError(m.workbook.history.gone);
  const record = state.history.snapshots.find((s) => s.id === id);
  if (!record) throw new WorkbookError(m.workbook.migration.errors.unknownSnapshot(id));
  return record;
}

export /** The history sheet of `state` (present and owned: the jobs check `state.history` first). */
function historyOf(context: Excel.RequestContext, state: BookState): HistorySheet {
  return { sheet: context.workbook.worksheets.getItem(state.history!.sheetId), name: state.historySheet!.name };
}

export /** The snapshot's analysis date as a serial (ISO text in the index). */
const serialOf = (iso: string) => parseDateText(iso);
