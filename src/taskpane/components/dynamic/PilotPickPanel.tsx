/**
 * The pilot-pick panel: a snapshot, a tier, the shares and seed, the strategy tried, and Pick. The form's problems
 * are worded by `describePilotProblem`; the port's failures are shown as its sentences.
 */
import { Body1Strong, Button, Caption1, Dropdown, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Option, Spinner, Textarea } from "@fluentui/react-components";
import type { PilotInfo, SnapshotInfo } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import type { PilotDraft } from "../../dynamic";
import { describePilotProblem } from "../../problems";
import type { PlaybookTier } from "../../playbook";
import type { DynamicActions, DynamicState } from "../../hooks/useDynamic";
import { Failure } from "../Failure";
import { formats, SnapshotPicker, useStyles } from "./parts";

export interface PilotPickPanelProps {
  m: Messages;
  state: DynamicState;
  actions: DynamicActions;
  /** The tiers a pilot can be picked in, for a snapshot. */
  tiersOf(snapshot: SnapshotInfo | undefined): PlaybookTier[];
  /** The playbook's strategy for a tier: what the pilot form starts from when the tier is chosen. */
  strategyFor(tier: PlaybookTier): string;
  /** A pilot's tier as the latest list names it. */
  tierLabelOf(pilot: PilotInfo): string;
  /** Something in the pane is under way: nothing here may start meanwhile. */
  off: boolean;
}

export function PilotPickPanel({ m, state, actions, tiersOf, strategyFor, tierLabelOf, off }: PilotPickPanelProps) {
  const styles = useStyles();
  const d = m.pane.dynamic;
  const f = formats(m);
  const snapshots = state.snapshots ?? [];
  const picking = state.pick.kind === "busy";
  const draft = state.pilotDraft;
  const pilotSnapshot = snapshots.find((s) => s.id === draft.snapshotId);
  const tiers = tiersOf(pilotSnapshot);
  const tier = tiers.find((t) => t.key === draft.tier);
  const number = (field: "share" | "controlShare" | "seed", hint?: string) => (
    <Field label={d[field]} hint={hint}>
      <Input
        className={styles.control}
        inputMode={field === "seed" ? "numeric" : "decimal"}
        value={draft[field]}
        disabled={off}
        onChange={(_, data) => actions.updatePilot({ [field]: data.value } as Partial<PilotDraft>)}
      />
    </Field>
  );
  return (
    <div className={styles.part} role="group" aria-labelledby="tiering-pilot-heading">
      <Body1Strong as="h3" id="tiering-pilot-heading" className={styles.subheading}>
        {d.pilotHeading}
      </Body1Strong>
      <Caption1 as="p" className={styles.text}>
        {d.pilotIntro}
      </Caption1>
      <SnapshotPicker
        label={d.snapshot}
        m={m}
        snapshots={snapshots}
        value={draft.snapshotId}
        disabled={off}
        onChange={(id) => actions.updatePilot({ snapshotId: id })}
      />
      <div className={styles.row}>
        <Field label={d.tier}>
          <Dropdown
            className={styles.control}
            placeholder={d.chooseTier}
            value={tier?.label ?? ""}
            selectedOptions={tier ? [tier.key] : []}
            disabled={off || tiers.length === 0}
            onOptionSelect={(_, data) => {
              const chosen = tiers.find((t) => t.key === data.optionValue);
              if (chosen) actions.updatePilot({ tier: chosen.key, strategy: strategyFor(chosen) });
            }}
          >
            {tiers.map((t) => (
              <Option key={t.key} value={t.key}>
                {t.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {number("share")}
        {number("controlShare")}
        {number("seed", d.seedHint)}
      </div>
      <Field label={d.strategy}>
        <Textarea
          resize="vertical"
          value={draft.strategy}
          disabled={off}
          onChange={(_, data) => actions.updatePilot({ strategy: data.value })}
        />
      </Field>
      <div className={styles.buttons}>
        <Button onClick={() => void actions.pickPilot()} disabled={off}>
          {d.pick}
        </Button>
        {picking && <Spinner size="tiny" labelPosition="after" label={d.picking} />}
      </div>
      {state.pick.kind === "invalid" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{d.cannotPick}</MessageBarTitle>
            <ul className={styles.list}>
              {state.pick.problems.map((problem, i) => (
                <li key={i}>{describePilotProblem(problem, m)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.pick.kind === "failed" && <Failure title={d.pickFailed} message={state.pick.message} />}
      {state.pick.kind === "done" && (
        <MessageBar intent="success" layout="multiline" data-testid="pilot-picked">
          <MessageBarBody>
            {d.pilotDone(f.whole(state.pick.report.pilot), f.whole(state.pick.report.control), tierLabelOf(state.pick.report), state.pick.report.sheet)}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
