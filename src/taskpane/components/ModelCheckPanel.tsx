/**
 * "Check the model" in the Predict area (issue 13 §2): the calibration and holdout ends (blank: the documented
 * defaults, said in the hints), a button, and what came of it: the sheet written with its error figures, and the
 * calibration fit's diagnostics as a warning (never a bare "Done"). The model and unit are the Predict section's
 * own fields just above; the state is `useModelCheck`'s.
 */
import { Body1, Body1Strong, Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { Messages } from "../../i18n";
import type { ModelCheck } from "../hooks/useModelCheck";
import { formats, useStyles } from "./dynamic/parts";
import { Failure } from "./Failure";
import { KeptNote } from "./KeptNote";

export interface ModelCheckPanelProps {
  m: Messages;
  state: ModelCheck;
  /** Another of the pane's jobs is under way. */
  off: boolean;
}

export function ModelCheckPanel({ m, state, off }: ModelCheckPanelProps) {
  const styles = useStyles();
  const p = m.trust.pane;
  const { check, draft } = state;
  const disabled = off || state.busy;
  const n = formats(m);
  // Two decimals, as the sheet's cells show them (numbers.ts EXCEL_FORMAT.decimal); the bias with its sign.
  const two = (v: number) => new Intl.NumberFormat(m.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
  const signed = (v: number) => new Intl.NumberFormat(m.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" }).format(v);
  return (
    <div className={styles.part} role="group" aria-labelledby="tiering-model-check-heading" data-testid="model-check">
      <Body1Strong as="h3" id="tiering-model-check-heading" className={styles.subheading}>
        {p.checkModel}
      </Body1Strong>
      <Caption1 as="p" className={styles.text}>
        {p.checkHelp}
      </Caption1>
      <div className={styles.row}>
        <Field label={p.calibrationEnd} hint={p.calibrationEndHint}>
          <Input className={styles.control} type="date" value={draft.calibrationEnd} disabled={disabled} onChange={(_, d) => state.update({ calibrationEnd: d.value })} />
        </Field>
        <Field label={p.holdoutEnd} hint={p.holdoutEndHint}>
          <Input className={styles.control} type="date" value={draft.holdoutEnd} disabled={disabled} onChange={(_, d) => state.update({ holdoutEnd: d.value })} />
        </Field>
      </div>
      <div className={styles.buttons}>
        <Button onClick={() => void state.start()} disabled={disabled}>
          {p.checkModel}
        </Button>
        {check.kind === "busy" && <Spinner size="tiny" labelPosition="after" label={p.checking} />}
      </div>
      {check.kind === "invalid" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {check.form ? (
              m.overTimePane.needsSettings
            ) : (
              <ul className={styles.list}>
                {check.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {check.kind === "failed" && <Failure title={p.checkFailed} message={check.message} />}
      {check.kind === "done" && (
        <>
          <Body1 as="p" className={styles.text} data-testid="model-check-result">
            {p.checkLine(
              p.checkDone(check.report.sheet, two(check.report.mae), signed(check.report.bias)),
              p.checkTotals(two(check.report.totalPredicted), n.whole(check.report.totalActual)),
              p.checkDates(check.report.calibrationStart, check.report.calibrationEnd, check.report.holdoutEnd, check.report.defaultCalibrationEnd),
            )}
          </Body1>
          <KeptNote m={m} report={check.report} />
          {check.report.diagnostics.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="model-check-diagnostics">
              <MessageBarBody>
                <MessageBarTitle>{p.warningTitle}</MessageBarTitle>
                <ul className={styles.list}>
                  {check.report.diagnostics.map((d) => (
                    <li key={d.code} data-code={d.code}>
                      {d.message}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </div>
  );
}
