import {
  Body1,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { CellRef, DataQuality } from "../../excel/port";
import type { Messages } from "../../i18n";
import { describeFormProblem } from "../problems";
import type { RunState } from "../hooks/usePane";
import { Failure } from "./Failure";
import { Section } from "./Section";
import { UpgradeList } from "./UpgradeList";
import { KeptNote } from "./KeptNote";

const useStyles = makeStyles({
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  quality: { margin: 0 },
});

export interface RunSectionProps {
  m: Messages;
  numbers: Intl.NumberFormat;
  run: RunState;
  restored: boolean;
  disabled: boolean;
  onRun(): void;
  onCancel(): void;
  onSelectCell(cell: CellRef): void;
}

/** The reasons rows were left out, largest first, in the person's language. */
export function leftOutReasons(quality: DataQuality, m: Messages, numbers: Intl.NumberFormat): string {
  const reasons = m.pane.reasons as Record<string, string>;
  return Object.entries(quality.leftOut)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => m.pane.reasonCount(numbers.format(count), reasons[code] ?? m.pane.reasonOther(code)))
    .join(m.pane.reasonSeparator);
}

/** "Read 20,000 rows, used 14,512. Left out 5,488: …" with a link to the first bad cell. */
export function QualityLine({ quality, m, numbers, onSelectCell }: { quality: DataQuality; m: Messages; numbers: Intl.NumberFormat; onSelectCell(cell: CellRef): void }) {
  const styles = useStyles();
  const leftOut = quality.rowsRead - quality.rowsUsed;
  const first = quality.firstProblem;
  return (
    <Body1 as="p" className={styles.quality} data-testid="quality">
      {m.pane.quality(numbers.format(quality.rowsRead), numbers.format(quality.rowsUsed))}
      {quality.orders !== undefined && <> {m.pane.qualityOrders(numbers.format(quality.orders))}</>}
      {leftOut > 0 && <> {m.pane.leftOut(numbers.format(leftOut), leftOutReasons(quality, m, numbers))}</>}
      {first && (
        <>
          {" "}
          <Link as="button" onClick={() => onSelectCell(first.cell)} data-testid="first-problem">
            {m.pane.showFirstProblem(`${first.cell.sheet}!${first.cell.address}`)}
          </Link>
          {` ${first.message}`}
        </>
      )}
    </Body1>
  );
}

/** Run and Cancel, progress, and what came of the run. */
export function RunSection({ m, numbers, run, restored, disabled, onRun, onCancel, onSelectCell }: RunSectionProps) {
  const styles = useStyles();
  const running = run.kind === "busy";
  const progress = running ? run.progress : null;
  // Keyboard focus: Run stays focusable while it cannot be pressed (disabledFocusable), and when the run
  // ends and Cancel goes away with the focus on it, the focus comes back to Run instead of the page.
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelHadFocus = useRef(false);
  useEffect(() => {
    if (running || !cancelHadFocus.current) return;
    cancelHadFocus.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body) runButton.current?.focus();
  }, [running]);
  return (
    <Section id="tiering-run" heading={m.pane.runHeading}>
      {restored && run.kind === "idle" && (
        <MessageBar intent="info">
          <MessageBarBody>{m.pane.settingsRestored}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button ref={runButton} appearance="primary" onClick={running ? undefined : onRun} disabled={disabled && !running} disabledFocusable={running}>
          {m.pane.run}
        </Button>
        {running && (
          <Button
            onClick={onCancel}
            onFocus={() => (cancelHadFocus.current = true)}
            onBlur={(event) => (cancelHadFocus.current = event.relatedTarget === null)}
          >
            {m.pane.cancel}
          </Button>
        )}
      </div>
      {running && (
        <Field label={m.pane.progressLabel}>
          <ProgressBar value={progress ? progress.fraction : undefined} max={1} thickness="large" />
        </Field>
      )}
      {/* Always mounted, so screen readers announce each phase as it changes. */}
      <Body1 as="p" className={styles.quality} role="status" aria-live="polite" data-testid="run-phase">
        {running ? (progress ? m.pane.phases[progress.phase] : m.pane.phases.read) : ""}
      </Body1>
      {run.kind === "invalid" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{m.pane.cannotRun}</MessageBarTitle>
            <ul className={styles.list}>
              {run.problems.map((problem, i) => (
                <li key={i}>{describeFormProblem(problem, m)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {run.kind === "failed" && <Failure title={m.pane.runFailed} message={run.message} />}
      {run.kind === "cancelled" && (
        <MessageBar intent="info">
          <MessageBarBody>{m.pane.cancelled}</MessageBarBody>
        </MessageBar>
      )}
      {run.kind === "done" && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {m.pane.runDone(numbers.format(run.report.customers), run.report.sheets.results, run.report.sheets.summary)}
              {run.report.sheets.churn && !run.report.predictNote && ` ${m.pane.churnDone(run.report.sheets.churn)}`}
            </MessageBarBody>
          </MessageBar>
          {(run.report.predictDiagnostics?.length ?? 0) > 0 && (
            // The fit's diagnostics, never a bare "Done": what is wrong and what to do (issue 13 §1).
            <MessageBar intent="warning" layout="multiline" data-testid="predict-diagnostics">
              <MessageBarBody>
                <MessageBarTitle>{m.trust.pane.warningTitle}</MessageBarTitle>
                <ul className={styles.list}>
                  {run.report.predictDiagnostics!.map((d) => (
                    <li key={d.code} data-code={d.code}>
                      {d.message}
                    </li>
                  ))}
                </ul>
                {run.report.churnRankedBy && <span data-testid="churn-ranked-by">{run.report.churnRankedBy}</span>}
              </MessageBarBody>
            </MessageBar>
          )}
          {run.report.predictNote && (
            <MessageBar intent="warning" layout="multiline" data-testid="predict-note">
              <MessageBarBody>
                <MessageBarTitle>{m.pane.predictMissing}</MessageBarTitle>
                {run.report.predictNote}
              </MessageBarBody>
            </MessageBar>
          )}
          {!run.report.pivot && run.report.pivotNote && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{m.pane.pivotMissing}</MessageBarTitle>
                {run.report.pivotNote}
              </MessageBarBody>
            </MessageBar>
          )}
          <KeptNote m={m} report={run.report} />
          <QualityLine quality={run.report.quality} m={m} numbers={numbers} onSelectCell={onSelectCell} />
          {run.report.snapshot && (
            <Body1 as="p" className={styles.quality} data-testid="snapshot">
              {m.pane.upgrade.snapshotSaved(run.report.snapshot.asOf)}
              {/* Saved, with a note: the oldest snapshots that made room for it. */}
              {run.report.snapshotNote ? ` ${run.report.snapshotNote}` : ""}
            </Body1>
          )}
          {!run.report.snapshot && run.report.snapshotNote && (
            <MessageBar intent="warning" layout="multiline" data-testid="snapshot-note">
              <MessageBarBody>
                <MessageBarTitle>{m.pane.upgrade.snapshotMissing}</MessageBarTitle>
                {run.report.snapshotNote}
              </MessageBarBody>
            </MessageBar>
          )}
          <UpgradeList m={m} numbers={numbers} candidates={run.report.upgrade ?? []} onSelectCell={onSelectCell} />
        </>
      )}
    </Section>
  );
}
