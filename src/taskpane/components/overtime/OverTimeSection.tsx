/**
 * Over time: rebuild the history, who moved, tier trends and cohorts — one panel each (`RebuildPanel`,
 * `MoversPanel`, `TrendsPanel`, `CohortsPanel`); this file only lays them out and decides when nothing may start
 * (one workbook job at a time across the pane).
 */
import { Caption1 } from "@fluentui/react-components";
import type { SnapshotInfo } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import type { OverTimeActions, OverTimeState } from "../../hooks/useOverTime";
import { useStyles } from "../dynamic/parts";
import { Section } from "../Section";
import { MoversPanel } from "./MoversPanel";
import { RebuildPanel } from "./RebuildPanel";
import { CohortsPanel, TrendsPanel } from "./SheetsPanel";

export interface OverTimeSectionProps {
  m: Messages;
  state: OverTimeState;
  actions: OverTimeActions;
  /** The history's snapshots (oldest first), as Compare lists them. */
  snapshots: SnapshotInfo[];
  /** Another of the pane's jobs is under way. */
  busy: boolean;
}

export function OverTimeSection({ m, state, actions, snapshots, busy }: OverTimeSectionProps) {
  const styles = useStyles();
  const off = busy || state.busy;
  return (
    <Section id="tiering-over-time" heading={m.overTimePane.heading}>
      <Caption1 as="p" className={styles.text}>
        {m.overTimePane.intro}
      </Caption1>
      <RebuildPanel m={m} state={state} actions={actions} snapshots={snapshots} off={off} />
      <MoversPanel m={m} state={state} actions={actions} snapshots={snapshots} off={off} />
      <TrendsPanel m={m} state={state} actions={actions} off={off} />
      <CohortsPanel m={m} state={state} actions={actions} off={off} />
    </Section>
  );
}
