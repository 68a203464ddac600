/**
 * Who moved: two snapshots and "Write Movers sheet"; then the "was A, now C" filter one click away — two
 * dropdowns of the tiers the sheet holds (and "no tier" for new or gone customers) that apply the Movers table's
 * own column filters, so the person sees the rows in Excel and can clear them there as any filter.
 */
import { Body1, Body1Strong, Button, Caption1, Dropdown, Field, Option, Spinner } from "@fluentui/react-components";
import type { MoveDirection, MoversReport, SnapshotInfo } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import type { MoversFilter, OverTimeActions, OverTimeState } from "../../hooks/useOverTime";
import { Failure } from "../Failure";
import { formats, SnapshotPair, useStyles } from "../dynamic/parts";
import { KeptNote } from "../KeptNote";

/** Dropdown value of "any tier" (the filter's null); a tier label is its own value, "no tier" is NONE. */
const ANY = "\u0000any";
const NONE = "\u0000none";
const toValue = (v: string | null) => (v === null ? ANY : v === "" ? NONE : v);
const fromValue = (v: string) => (v === ANY ? null : v === NONE ? "" : v);

/** How many rows a filter shows, from the sheet's pair counts (what Excel will show once the filter applies). */
export function shownBy(report: MoversReport, filter: MoversFilter): number {
  let n = 0;
  for (const p of report.pairs) if ((filter.was === null || p.was === filter.was) && (filter.now === null || p.now === filter.now)) n += p.customers;
  return n;
}

const DIRECTIONS: readonly MoveDirection[] = ["up", "down", "changed", "same", "new", "gone"];

function TierChoice(props: { label: string; m: Messages; tiers: readonly string[]; value: string | null; disabled: boolean; onChange(value: string | null): void }) {
  const styles = useStyles();
  const t = props.m.overTimePane.movers;
  const text = props.value === null ? t.any : props.value === "" ? t.none : props.value;
  return (
    <Field label={props.label}>
      <Dropdown
        className={styles.control}
        value={text}
        selectedOptions={[toValue(props.value)]}
        disabled={props.disabled}
        onOptionSelect={(_, data) => {
          if (data.optionValue !== undefined) props.onChange(fromValue(data.optionValue));
        }}
      >
        <Option value={ANY}>{t.any}</Option>
        {props.tiers.map((tier) => (
          <Option key={tier} value={tier}>
            {tier}
          </Option>
        ))}
        <Option value={NONE}>{t.none}</Option>
      </Dropdown>
    </Field>
  );
}

function MoversResult({ m, state, actions, off }: { m: Messages; state: OverTimeState; actions: OverTimeActions; off: boolean }) {
  const styles = useStyles();
  const t = m.overTimePane.movers;
  const { whole } = formats(m);
  if (state.movers.kind !== "done") return null;
  const report = state.movers.report;
  const shown = state.filtering.kind === "done" ? shownBy(report, state.filtering.report) : report.customers;
  const counts = DIRECTIONS.filter((d) => (report.ordered ? d !== "changed" : d !== "up" && d !== "down"));
  return (
    <div className={styles.part} data-testid="movers-result">
      <Body1 as="p" className={styles.text}>
        {t.done(report.sheet, report.customers)}
      </Body1>
      <KeptNote m={m} report={report} />
      <dl className={styles.stats}>
        {counts.map((d) => (
          <div key={d} className={styles.stat}>
            <dt className={styles.statLabel}>{t.counts[d]}</dt>
            <dd className={styles.statValue}>{whole(report.counts[d])}</dd>
          </div>
        ))}
      </dl>
      {report.predicted && (
        <Caption1 as="p" className={styles.text} data-testid="movers-predicted">
          {report.predicted.note}
        </Caption1>
      )}
      <div role="group" aria-labelledby="tiering-movers-filter" className={styles.part}>
        <Body1Strong as="h4" id="tiering-movers-filter" className={styles.subheading}>
          {t.filterHeading}
        </Body1Strong>
        <div className={styles.row}>
          <TierChoice label={t.was} m={m} tiers={report.tiers} value={state.filter.was} disabled={off} onChange={(was) => actions.setFilter({ ...state.filter, was })} />
          <TierChoice label={t.now} m={m} tiers={report.tiers} value={state.filter.now} disabled={off} onChange={(now) => actions.setFilter({ ...state.filter, now })} />
        </div>
        <div className={styles.buttons}>
          <Button onClick={() => void actions.applyFilter(state.filter)} disabled={off}>
            {t.apply}
          </Button>
          <Button appearance="subtle" onClick={() => void actions.applyFilter({ was: null, now: null })} disabled={off}>
            {t.clear}
          </Button>
          {state.filtering.kind === "busy" && <Spinner size="tiny" labelPosition="after" label={t.filtering} />}
        </div>
        <Body1 as="p" className={styles.text} role="status" aria-live="polite" data-testid="movers-shown">
          {state.filtering.kind === "done" ? t.shown(shown) : ""}
        </Body1>
        {state.filtering.kind === "failed" && <Failure title={t.filterFailed} message={state.filtering.message} />}
      </div>
    </div>
  );
}

export function MoversPanel({ m, state, actions, snapshots, off }: { m: Messages; state: OverTimeState; actions: OverTimeActions; snapshots: SnapshotInfo[]; off: boolean }) {
  const styles = useStyles();
  const t = m.overTimePane.movers;
  const writing = state.movers.kind === "busy";
  return (
    <div className={styles.part} role="group" aria-labelledby="tiering-movers-heading">
      <Body1Strong as="h3" id="tiering-movers-heading" className={styles.subheading}>
        {t.heading}
      </Body1Strong>
      <Caption1 as="p" className={styles.text}>
        {t.intro}
      </Caption1>
      <SnapshotPair
        m={m}
        snapshots={snapshots}
        labels={{ before: t.before, after: t.after }}
        before={state.moversBefore}
        after={state.moversAfter}
        disabled={off}
        onBefore={actions.setMoversBefore}
        onAfter={actions.setMoversAfter}
      />
      {snapshots.length >= 2 && (
        <div className={styles.buttons}>
          <Button onClick={() => void actions.writeMovers()} disabled={off || !state.moversBefore || !state.moversAfter || state.moversBefore === state.moversAfter}>
            {t.write}
          </Button>
          {writing && <Spinner size="tiny" labelPosition="after" label={t.writing} />}
        </div>
      )}
      {state.movers.kind === "failed" && <Failure title={t.failed} message={state.movers.message} />}
      <MoversResult m={m} state={state} actions={actions} off={off} />
    </div>
  );
}
