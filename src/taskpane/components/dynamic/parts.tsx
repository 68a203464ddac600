/**
 * What the Compare & pilot panels (and the Over time Movers panel) share: one set of styles (so the panels line up), number formats in the
 * pane's language, the snapshot dropdown and the before/after pair of them. Kept apart so each panel file holds only its own work.
 */
import { Body1, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import type { SnapshotInfo } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import { numberFormats } from "../../../i18n/numbers";

export const useStyles = makeStyles({
  part: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  subheading: { margin: 0 },
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: "start",
  },
  control: { minWidth: "0", width: "100%" },
  /** Snapshot and pilot names are long: one dropdown a line. */
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  stats: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(96px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  stat: { display: "flex", flexDirection: "column", margin: 0 },
  statLabel: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  statValue: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { tableLayout: "auto" },
  number: { textAlign: "end", whiteSpace: "nowrap" },
  /** Headers may wrap ("Revenue change"), so the table stays in the pane's width. */
  numberHeader: { textAlign: "end", verticalAlign: "bottom", "& > div": { justifyContent: "flex-end" } },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  text: { margin: 0 },
});

/** Number formats for the pane's language: the one rule of src/i18n/numbers.ts (issue 17). */
export function formats(m: Messages) {
  return numberFormats(m.locale, m.pane.dynamic.missing);
}

function snapshotLabel(snapshot: SnapshotInfo, m: Messages, whole: (n: number) => string): string {
  const d = m.pane.dynamic;
  return d.snapshotOption(snapshot.asOf, d.tierBy[snapshot.tierBy], whole(snapshot.customers));
}

/** A dropdown of snapshots, named by its field label. */
export function SnapshotPicker(props: {
  label: string;
  m: Messages;
  snapshots: SnapshotInfo[];
  value: string | null;
  disabled: boolean;
  onChange(id: string): void;
}) {
  const styles = useStyles();
  const { whole } = formats(props.m);
  const chosen = props.snapshots.find((s) => s.id === props.value);
  return (
    <Field label={props.label}>
      <Dropdown
        className={styles.control}
        placeholder={props.m.pane.dynamic.choose}
        value={chosen ? snapshotLabel(chosen, props.m, whole) : ""}
        selectedOptions={chosen ? [chosen.id] : []}
        disabled={props.disabled}
        onOptionSelect={(_, data) => {
          if (data.optionValue) props.onChange(data.optionValue);
        }}
      >
        {props.snapshots.map((s) => (
          <Option key={s.id} value={s.id}>
            {snapshotLabel(s, props.m, whole)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/**
 * The earlier and later snapshot of a comparison (Compare, Movers): two pickers one a line, or, with fewer than two
 * snapshots, the sentence saying why there is nothing to pick. One component so both panels say and lay out the same.
 */
export function SnapshotPair(props: {
  m: Messages;
  snapshots: SnapshotInfo[];
  labels: { before: string; after: string };
  before: string | null;
  after: string | null;
  disabled: boolean;
  onBefore(id: string): void;
  onAfter(id: string): void;
}) {
  const styles = useStyles();
  const d = props.m.pane.dynamic;
  if (props.snapshots.length < 2) {
    return (
      <Body1 as="p" className={styles.text}>
        {props.snapshots.length === 0 ? d.noSnapshots : d.oneSnapshot}
      </Body1>
    );
  }
  return (
    <div className={styles.stack}>
      <SnapshotPicker label={props.labels.before} m={props.m} snapshots={props.snapshots} value={props.before} disabled={props.disabled} onChange={props.onBefore} />
      <SnapshotPicker label={props.labels.after} m={props.m} snapshots={props.snapshots} value={props.after} disabled={props.disabled} onChange={props.onAfter} />
    </div>
  );
}
