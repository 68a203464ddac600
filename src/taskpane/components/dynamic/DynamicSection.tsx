/**
 * Compare & pilot: the tier migration between two snapshots, picking a pilot group, and measuring it — one panel
 * each (`MigrationPanel`, `PilotPickPanel`, `PilotMeasurePanel`); this file only lays them out and decides when
 * nothing may start (one job at a time across the pane).
 */
import { Caption1 } from "@fluentui/react-components";
import type { PilotInfo, SnapshotInfo } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import type { PlaybookTier } from "../../playbook";
import type { DynamicActions, DynamicState } from "../../hooks/useDynamic";
import { Failure } from "../Failure";
import { Section } from "../Section";
import { MigrationPanel } from "./MigrationPanel";
import { useStyles } from "./parts";
import { PilotMeasurePanel } from "./PilotMeasurePanel";
import { PilotPickPanel } from "./PilotPickPanel";

export interface DynamicSectionProps {
  m: Messages;
  state: DynamicState;
  actions: DynamicActions;
  /** The tiers a pilot can be picked in, for a snapshot. */
  tiersOf(snapshot: SnapshotInfo | undefined): PlaybookTier[];
  /** The playbook's strategy for a tier: what the pilot form starts from when the tier is chosen. */
  strategyFor(tier: PlaybookTier): string;
  /** The pane is running the analysis or building a chart: nothing here may start meanwhile. */
  busy: boolean;
}

export function DynamicSection({ m, state, actions, tiersOf, strategyFor, busy }: DynamicSectionProps) {
  const styles = useStyles();
  const d = m.pane.dynamic;
  const snapshots = state.snapshots ?? [];
  const off = busy || state.busy;
  // A pilot's tier as the latest list names it (the list is read again when the language changes).
  const tierLabelOf = (pilot: PilotInfo) => state.pilots.find((p) => p.id === pilot.id)?.tierLabel ?? pilot.tierLabel;
  return (
    <Section id="tiering-dynamic" heading={d.heading}>
      <Caption1 as="p" className={styles.text}>
        {d.intro}
      </Caption1>
      {state.listError && <Failure title={d.listFailed} message={state.listError} />}

      <MigrationPanel m={m} state={state} actions={actions} off={off} />
      {snapshots.length > 0 && (
        <PilotPickPanel m={m} state={state} actions={actions} tiersOf={tiersOf} strategyFor={strategyFor} tierLabelOf={tierLabelOf} off={off} />
      )}
      {snapshots.length > 0 && <PilotMeasurePanel m={m} state={state} actions={actions} tierLabelOf={tierLabelOf} off={off} />}
    </Section>
  );
}
