/**
 * Issue 11's notice in the pane: a job (a run, compare, movers, trends, cohorts, the model check, measuring a pilot)
 * kept a sheet of its own because the person edited it while the job ran, and wrote its result beside it. One
 * warning bar for every job, so the sentence (the report's `keptNote`, worded by the job in the pane's language from
 * the `ownership` catalog part) looks and reads the same wherever it appears. Nothing when no sheet was kept.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { KeptNotice } from "../../excel/port";
import type { Messages } from "../../i18n";

export function KeptNote({ m, report }: { m: Messages; report: KeptNotice }) {
  if (!report.keptNote) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="kept-note">
      <MessageBarBody>
        <MessageBarTitle>{m.ownership.keptTitle}</MessageBarTitle>
        {report.keptNote}
      </MessageBarBody>
    </MessageBar>
  );
}
