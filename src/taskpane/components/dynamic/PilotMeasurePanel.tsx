/**
 * The measuring panel: a pilot, the snapshot to measure it in, Measure, and the pilot against its control with
 * the interval and what it means (`verdict`).
 */
import { Body1, Body1Strong, Button, Caption1, Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { GroupComparison, PilotComparisonReport, PilotInfo } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import { verdict } from "../../dynamic";
import type { DynamicActions, DynamicState } from "../../hooks/useDynamic";
import { Failure } from "../Failure";
import { formats, SnapshotPicker, useStyles } from "./parts";
import { KeptNote } from "../KeptNote";

/**
 * The pilot's and control's repurchase and revenue change, the difference and its interval, and what it means.
 * `tierLabel`: the pilot's tier in the pane's current language (the report's is in the language it was made in).
 */
function PilotResult({ m, report, tierLabel }: { m: Messages; report: PilotComparisonReport; tierLabel: string }) {
  const styles = useStyles();
  const d = m.pane.dynamic;
  const f = formats(m);
  const confidence = f.setting(report.confidence);
  const rows: { key: "repurchase" | "revenue"; g: GroupComparison; value(n: number): string; diff(n: number): string }[] = [
    { key: "repurchase", g: report.repurchase, value: f.percent, diff: f.signedPercent },
    { key: "revenue", g: report.revenue, value: f.money, diff: f.signedMoney },
  ];
  return (
    <div className={styles.part} data-testid="pilot-comparison">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>{d.measureDone(report.sheet)}</MessageBarBody>
      </MessageBar>
      <KeptNote m={m} report={report} />
      <Table
        size="extra-small"
        className={styles.table}
        aria-label={d.comparisonCaption(tierLabel, report.pilot.asOf, report.after.asOf)}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{d.comparison.measure}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.comparison.pilot}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.comparison.control}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.comparison.difference}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.comparison.interval(confidence)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ key, g, value, diff }) => (
            <TableRow key={key}>
              <TableCell>{d.measures[key]}</TableCell>
              <TableCell className={styles.number}>{value(g.pilot)}</TableCell>
              <TableCell className={styles.number}>{value(g.control)}</TableCell>
              <TableCell className={styles.number}>{diff(g.difference)}</TableCell>
              <TableCell className={styles.number}>{d.interval(diff(g.low), diff(g.high))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1 as="p" className={styles.text}>
        {d.groupSizes(f.whole(report.pilot.pilot), f.whole(report.pilot.control))}
      </Caption1>
      {rows.map(({ key, g }) => {
        const v = verdict(g);
        return (
          <Body1 as="p" key={key} className={styles.text} data-testid={`verdict-${key}`} data-verdict={v}>
            {v === "none" ? d.verdicts.none(d.measures[key]) : d.verdicts[v](d.measures[key], confidence)}
          </Body1>
        );
      })}
    </div>
  );
}

function pilotLabel(p: PilotInfo, m: Messages): string {
  return m.pane.dynamic.pilotOption(p.tierLabel, p.asOf, formats(m).setting(p.share), String(p.seed));
}

export interface PilotMeasurePanelProps {
  m: Messages;
  state: DynamicState;
  actions: DynamicActions;
  /** A pilot's tier as the latest list names it. */
  tierLabelOf(pilot: PilotInfo): string;
  /** Something in the pane is under way: nothing here may start meanwhile. */
  off: boolean;
}

export function PilotMeasurePanel({ m, state, actions, tierLabelOf, off }: PilotMeasurePanelProps) {
  const styles = useStyles();
  const d = m.pane.dynamic;
  const snapshots = state.snapshots ?? [];
  const measuring = state.comparison.kind === "busy";
  const measuredPilot = state.pilots.find((p) => p.id === state.measurePilot);
  return (
    <div className={styles.part} role="group" aria-labelledby="tiering-measure-heading">
      <Body1Strong as="h3" id="tiering-measure-heading" className={styles.subheading}>
        {d.measureHeading}
      </Body1Strong>
      {state.pilots.length === 0 ? (
        <Body1 as="p" className={styles.text}>
          {d.noPilots}
        </Body1>
      ) : (
        <>
          <div className={styles.stack}>
            <Field label={d.pilot}>
              <Dropdown
                className={styles.control}
                value={measuredPilot ? pilotLabel(measuredPilot, m) : ""}
                selectedOptions={measuredPilot ? [measuredPilot.id] : []}
                disabled={off}
                onOptionSelect={(_, data) => {
                  if (data.optionValue) actions.setMeasurePilot(data.optionValue);
                }}
              >
                {state.pilots.map((p) => (
                  <Option key={p.id} value={p.id}>
                    {pilotLabel(p, m)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <SnapshotPicker
              label={d.measureIn}
              m={m}
              snapshots={snapshots}
              value={state.measureSnapshot}
              disabled={off}
              onChange={actions.setMeasureSnapshot}
            />
          </div>
          <div className={styles.buttons}>
            <Button onClick={() => void actions.measure()} disabled={off || !state.measurePilot || !state.measureSnapshot}>
              {d.measure}
            </Button>
            {measuring && <Spinner size="tiny" labelPosition="after" label={d.measuring} />}
          </div>
        </>
      )}
      {state.comparison.kind === "failed" && <Failure title={d.measureFailed} message={state.comparison.message} />}
      {state.comparison.kind === "done" && <PilotResult m={m} report={state.comparison.report} tierLabel={tierLabelOf(state.comparison.report.pilot)} />}
    </div>
  );
}
