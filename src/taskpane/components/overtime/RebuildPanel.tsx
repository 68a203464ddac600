/**
 * "Rebuild history": how often and between which dates, whether to freeze the cut points, the button, its progress
 * and Cancel (until the writing starts: the history is then written in blocks and is never left half-indexed, so
 * Cancel waits for it), and what came of it.
 */
import { Body1, Body1Strong, Button, Caption1, Dropdown, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Option, ProgressBar } from "@fluentui/react-components";
import type { HistoryEvery, SnapshotInfo } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import type { RebuildProblem } from "../../over-time";
import type { OverTimeActions, OverTimeState } from "../../hooks/useOverTime";
import { Failure } from "../Failure";
import { formats, useStyles } from "../dynamic/parts";

export function rebuildProblemText(problem: RebuildProblem, m: Messages): string {
  const p = m.overTimePane.rebuild.problems;
  switch (problem.kind) {
    case "days":
      return p.days(problem.value);
    case "from":
      return p.from(problem.value);
    case "to":
      return p.to(problem.value);
    case "order":
      return p.order;
  }
}

const EVERY: readonly HistoryEvery[] = ["month", "quarter", "days"];

/** The freeze choices: none, the first or last date built, or the date of a snapshot already in the history. */
function freezeOptions(snapshots: readonly SnapshotInfo[], m: Messages): { value: string; text: string }[] {
  const r = m.overTimePane.rebuild;
  const dates = [...new Set(snapshots.map((s) => s.asOf))].sort();
  return [
    { value: "none", text: r.freezeNone },
    { value: "first", text: r.freezeFirst },
    { value: "last", text: r.freezeLast },
    ...dates.map((d) => ({ value: d, text: r.freezeAt(d) })),
  ];
}

export function RebuildPanel({ m, state, actions, snapshots, off }: { m: Messages; state: OverTimeState; actions: OverTimeActions; snapshots: readonly SnapshotInfo[]; off: boolean }) {
  const styles = useStyles();
  const r = m.overTimePane.rebuild;
  const { whole } = formats(m);
  const running = state.rebuild.kind === "busy";
  const progress = state.rebuild.kind === "busy" ? state.rebuild.progress : null;
  const writing = progress?.phase === "write";
  const draft = state.draft;
  const disabled = off || running;
  const freeze = freezeOptions(snapshots, m);
  const freezeText = freeze.find((o) => o.value === draft.freeze)?.text ?? r.freezeNone;
  return (
    <div className={styles.part} role="group" aria-labelledby="tiering-rebuild-heading">
      <Body1Strong as="h3" id="tiering-rebuild-heading" className={styles.subheading}>
        {r.heading}
      </Body1Strong>
      <Caption1 as="p" className={styles.text}>
        {r.intro}
      </Caption1>
      <div className={styles.row}>
        <Field label={r.every}>
          <Dropdown
            className={styles.control}
            value={r.everyOptions[draft.every]}
            selectedOptions={[draft.every]}
            disabled={disabled}
            onOptionSelect={(_, data) => {
              if (data.optionValue) actions.updateDraft({ every: data.optionValue as HistoryEvery });
            }}
          >
            {EVERY.map((e) => (
              <Option key={e} value={e}>
                {r.everyOptions[e]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {draft.every === "days" && (
          <Field label={r.days}>
            <Input className={styles.control} inputMode="numeric" value={draft.days} disabled={disabled} onChange={(_, data) => actions.updateDraft({ days: data.value })} />
          </Field>
        )}
        <Field label={r.from} hint={r.fromHint}>
          <Input className={styles.control} type="date" value={draft.from} disabled={disabled} onChange={(_, data) => actions.updateDraft({ from: data.value })} />
        </Field>
        <Field label={r.to} hint={r.toHint}>
          <Input className={styles.control} type="date" value={draft.to} disabled={disabled} onChange={(_, data) => actions.updateDraft({ to: data.value })} />
        </Field>
      </div>
      <Field label={r.freeze} hint={r.freezeHint}>
        <Dropdown
          className={styles.control}
          value={freezeText}
          selectedOptions={[draft.freeze]}
          disabled={disabled}
          onOptionSelect={(_, data) => {
            if (data.optionValue) actions.updateDraft({ freeze: data.optionValue });
          }}
        >
          {freeze.map((o) => (
            <Option key={o.value} value={o.value}>
              {o.text}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void actions.startRebuild()} disabled={off && !running} disabledFocusable={running}>
          {r.start}
        </Button>
        {running && (
          <Button onClick={actions.cancelRebuild} disabled={writing}>
            {r.cancel}
          </Button>
        )}
      </div>
      {running && (
        <Field label={r.heading}>
          <ProgressBar value={progress ? progress.fraction : undefined} max={1} thickness="large" />
        </Field>
      )}
      <Body1 as="p" className={styles.text} role="status" aria-live="polite" data-testid="rebuild-phase">
        {running ? `${r.phases[progress?.phase ?? "read"]}${writing ? ` ${r.writingNoCancel}` : ""}` : ""}
      </Body1>
      {state.rebuild.kind === "invalid" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{r.failed}</MessageBarTitle>
            {state.rebuild.form ? (
              m.overTimePane.needsSettings
            ) : (
              <ul className={styles.list}>
                {state.rebuild.problems.map((p, i) => (
                  <li key={i}>{rebuildProblemText(p, m)}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.rebuild.kind === "failed" && <Failure title={r.failed} message={state.rebuild.message} />}
      {state.rebuild.kind === "cancelled" && (
        <MessageBar intent="info">
          <MessageBarBody>{r.cancelled}</MessageBarBody>
        </MessageBar>
      )}
      {state.rebuild.kind === "done" && (
        <MessageBar intent="success" layout="multiline" data-testid="rebuild-result">
          <MessageBarBody>
            {state.rebuild.report.snapshots.length > 0 &&
              r.done(state.rebuild.report.snapshots.length, state.rebuild.report.snapshots[0].asOf, state.rebuild.report.snapshots.at(-1)!.asOf)}
            {state.rebuild.report.replaced > 0 && ` ${r.replaced(state.rebuild.report.replaced)}`}
            {state.rebuild.report.dropped > 0 && ` ${r.dropped(state.rebuild.report.dropped)}`}
            {state.rebuild.report.frozenAt && ` ${r.frozen(state.rebuild.report.frozenAt)}`}
            {` ${m.pane.quality(whole(state.rebuild.report.quality.rowsRead), whole(state.rebuild.report.quality.rowsUsed))}`}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
