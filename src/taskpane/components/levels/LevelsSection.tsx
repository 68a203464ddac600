/**
 * Membership levels (issue 15 §1): the policy grid (PolicyGrid.tsx), the metric, window and validity, examples
 * scaled to the data in English or Chinese names (the hint says how), the grid's problems as the person types, the
 * button that writes the Levels, Level changes and Downgrade warnings sheets, and what came of it: customers per
 * level (the final level where people's overrides hold, LevelOverridesNote.tsx), how many drop at the next review, and the edited-sheet notice (KeptNote). The state is `useLevels`'.
 */
import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { LevelsMetric } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import type { LevelsActions, LevelsState } from "../../hooks/useLevels";
import { formats, useStyles } from "../dynamic/parts";
import { Failure } from "../Failure";
import { KeptNote } from "../KeptNote";
import { Section } from "../Section";
import { LevelOverridesNote } from "./LevelOverridesNote";
import { PolicyGrid } from "./PolicyGrid";

const METRICS: readonly LevelsMetric[] = ["spend", "orders"];

export interface LevelsSectionProps {
  m: Messages;
  state: LevelsState & LevelsActions;
  /** Another of the pane's jobs is under way. */
  busy: boolean;
}

export function LevelsSection({ m, state, busy }: LevelsSectionProps) {
  const styles = useStyles();
  const p = m.levelsPane;
  const n = formats(m);
  const off = busy || state.busy;
  const { draft, levels, examples } = state;
  const fieldProblem = (field: "window" | "validity") => state.problems.find((x) => x.at.field === field)?.text;
  const gridProblems = state.problems.filter((x) => x.at.field !== "window" && x.at.field !== "validity");
  return (
    <Section id="tiering-levels" heading={p.heading}>
      <Caption1 as="p" className={styles.text}>
        {p.intro}
      </Caption1>
      <div className={styles.part} role="group" aria-labelledby="tiering-levels-examples">
        <Body1 as="p" id="tiering-levels-examples" className={styles.text}>
          {p.examples}
        </Body1>
        <div className={styles.buttons}>
          <Button size="small" disabled={off} onClick={() => void state.fillExamples("zh-CN")}>
            {p.examplesChinese}
          </Button>
          <Button size="small" disabled={off} onClick={() => void state.fillExamples("en")}>
            {p.examplesEnglish}
          </Button>
          {examples.kind === "busy" && <Spinner size="tiny" labelPosition="after" label={p.suggesting} />}
        </div>
        <Caption1 as="p" className={styles.text}>
          {p.examplesHint}
        </Caption1>
        {examples.kind === "failed" && <Failure title={p.suggestFailed} message={examples.message} />}
        {examples.kind === "done" && examples.report.customers === 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{p.noCustomers}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <PolicyGrid
        m={m}
        rows={draft.rows}
        problems={gridProblems}
        disabled={off}
        onRow={state.setRow}
        onAdd={state.addRow}
        onRemove={state.removeRow}
        onMove={state.moveRow}
      />
      <div className={styles.row}>
        <Field label={p.metric}>
          <Dropdown
            className={styles.control}
            value={p.metricOptions[draft.metric]}
            selectedOptions={[draft.metric]}
            disabled={off}
            onOptionSelect={(_, data) => {
              if (data.optionValue) state.update({ metric: data.optionValue as LevelsMetric });
            }}
          >
            {METRICS.map((x) => (
              <Option key={x} value={x}>
                {p.metricOptions[x]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={p.window} hint={p.windowHint} validationState={fieldProblem("window") ? "error" : "none"} validationMessage={fieldProblem("window")}>
          <Input className={styles.control} inputMode="numeric" value={draft.window} disabled={off} onChange={(_, d) => state.update({ window: d.value })} />
        </Field>
        <Field label={p.validity} hint={p.validityHint} validationState={fieldProblem("validity") ? "error" : "none"} validationMessage={fieldProblem("validity")}>
          <Input className={styles.control} inputMode="numeric" value={draft.validity} disabled={off} onChange={(_, d) => state.update({ validity: d.value })} />
        </Field>
      </div>
      <Caption1 as="p" className={styles.text}>
        {p.review}
      </Caption1>
      {gridProblems.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="levels-problems">
          <MessageBarBody>
            <ul className={styles.list}>
              {gridProblems.map((x) => (
                <li key={x.text}>{x.text}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void state.start()} disabled={off || state.problems.length > 0}>
          {p.run}
        </Button>
        {levels.kind === "busy" && <Spinner size="tiny" labelPosition="after" label={p.running} />}
      </div>
      {levels.kind === "invalid" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{p.needsSettings}</MessageBarBody>
        </MessageBar>
      )}
      {examples.kind === "invalid" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{p.needsSettings}</MessageBarBody>
        </MessageBar>
      )}
      {levels.kind === "failed" && <Failure title={p.failed} message={levels.message} />}
      {levels.kind === "done" && (
        <div className={styles.part} data-testid="levels-result">
          <Body1 as="p" className={styles.text}>
            {p.done(levels.report.sheets.levels, n.whole(levels.report.customers), levels.report.asOf)}
          </Body1>
          <Table size="extra-small" className={styles.table} aria-label={p.perLevel}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{p.columns.name}</TableHeaderCell>
                <TableHeaderCell className={styles.numberHeader}>{p.customersColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...levels.report.perLevel].reverse().map((row) => (
                <TableRow key={row.level}>
                  <TableCell>{row.level}</TableCell>
                  <TableCell className={styles.number}>{n.whole(row.customers)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell>{p.noLevel}</TableCell>
                <TableCell className={styles.number}>{n.whole(levels.report.noLevel)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Body1 as="p" className={styles.text} data-testid="levels-warnings">
            {levels.report.warnings > 0 ? p.warnings(n.whole(levels.report.warnings), levels.report.sheets.warnings) : p.noWarnings}
          </Body1>
          <Caption1 as="p" className={styles.text}>
            {p.changes(n.whole(levels.report.changes), levels.report.sheets.changes)}
          </Caption1>
          <LevelOverridesNote m={m} summary={levels.report.overrides} />
          <KeptNote m={m} report={levels.report} />
        </div>
      )}
    </Section>
  );
}
