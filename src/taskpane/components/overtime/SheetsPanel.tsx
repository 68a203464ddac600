/**
 * The two sheets written from the whole history or the whole data: Tier trends (over the history's snapshots) and
 * Cohorts (from the data, by month or quarter of the first purchase). A button each, with what came of it.
 */
import { Body1, Body1Strong, Button, Caption1, Checkbox, Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner } from "@fluentui/react-components";
import type { CohortBy, CohortMeasure } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import type { OverTimeActions, OverTimeState } from "../../hooks/useOverTime";
import { Failure } from "../Failure";
import { useStyles } from "../dynamic/parts";
import { KeptNote } from "../KeptNote";

const BY: readonly CohortBy[] = ["month", "quarter"];
const MEASURES: readonly CohortMeasure[] = ["customers", "revenue"];

export function TrendsPanel({ m, state, actions, off }: { m: Messages; state: OverTimeState; actions: OverTimeActions; off: boolean }) {
  const styles = useStyles();
  const t = m.overTimePane.trends;
  return (
    <div className={styles.part} role="group" aria-labelledby="tiering-trends-heading">
      <Body1Strong as="h3" id="tiering-trends-heading" className={styles.subheading}>
        {t.heading}
      </Body1Strong>
      <Caption1 as="p" className={styles.text}>
        {t.intro}
      </Caption1>
      <div className={styles.buttons}>
        <Button onClick={() => void actions.writeTrends()} disabled={off}>
          {t.write}
        </Button>
        {state.trends.kind === "busy" && <Spinner size="tiny" labelPosition="after" label={t.writing} />}
      </div>
      {state.trends.kind === "failed" && <Failure title={t.failed} message={state.trends.message} />}
      {state.trends.kind === "done" && (
        <Body1 as="p" className={styles.text} data-testid="trends-result">
          {t.done(state.trends.report.sheet, state.trends.report.dates.length)}
          {state.trends.report.skipped > 0 && ` ${t.skipped(state.trends.report.skipped)}`}
        </Body1>
      )}
      {state.trends.kind === "done" && <KeptNote m={m} report={state.trends.report} />}
    </div>
  );
}

export function CohortsPanel({ m, state, actions, off }: { m: Messages; state: OverTimeState; actions: OverTimeActions; off: boolean }) {
  const styles = useStyles();
  const t = m.overTimePane.cohorts;
  const request = state.cohortRequest;
  return (
    <div className={styles.part} role="group" aria-labelledby="tiering-cohorts-heading">
      <Body1Strong as="h3" id="tiering-cohorts-heading" className={styles.subheading}>
        {t.heading}
      </Body1Strong>
      <Caption1 as="p" className={styles.text}>
        {t.intro}
      </Caption1>
      <div className={styles.row}>
        <Field label={t.by}>
          <Dropdown
            className={styles.control}
            value={t.byOptions[request.by]}
            selectedOptions={[request.by]}
            disabled={off}
            onOptionSelect={(_, data) => {
              if (data.optionValue) actions.setCohortRequest({ by: data.optionValue as CohortBy });
            }}
          >
            {BY.map((b) => (
              <Option key={b} value={b}>
                {t.byOptions[b]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.measure}>
          <Dropdown
            className={styles.control}
            value={t.measureOptions[request.measure]}
            selectedOptions={[request.measure]}
            disabled={off}
            onOptionSelect={(_, data) => {
              if (data.optionValue) actions.setCohortRequest({ measure: data.optionValue as CohortMeasure });
            }}
          >
            {MEASURES.map((x) => (
              <Option key={x} value={x}>
                {t.measureOptions[x]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field hint={m.overTimeGaps.cohorts.splitHint}>
        <Checkbox
          label={m.overTimeGaps.cohorts.splitFirstTier}
          checked={request.firstTier === true}
          disabled={off}
          onChange={(_, data) => actions.setCohortRequest({ firstTier: data.checked === true })}
        />
      </Field>
      <div className={styles.buttons}>
        <Button onClick={() => void actions.writeCohorts()} disabled={off}>
          {t.write}
        </Button>
        {state.cohorts.kind === "busy" && <Spinner size="tiny" labelPosition="after" label={t.writing} />}
      </div>
      {state.cohorts.kind === "invalid" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{m.overTimePane.needsSettings}</MessageBarBody>
        </MessageBar>
      )}
      {state.cohorts.kind === "failed" && <Failure title={t.failed} message={state.cohorts.message} />}
      {state.cohorts.kind === "done" && (
        <Body1 as="p" className={styles.text} data-testid="cohorts-result">
          {typeof state.cohorts.report.firstTiers === "number"
            ? m.overTimeGaps.cohorts.doneSplit(state.cohorts.report.sheet, state.cohorts.report.firstTiers)
            : t.done(state.cohorts.report.sheet, state.cohorts.report.cohorts)}
        </Body1>
      )}
      {state.cohorts.kind === "done" && <KeptNote m={m} report={state.cohorts.report} />}
    </div>
  );
}
