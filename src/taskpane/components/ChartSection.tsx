import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CHART_KINDS, type ChartKind } from "../../excel/port";
import type { Messages } from "../../i18n";
import type { ChartState } from "../hooks/usePane";
import { Failure } from "./Failure";
import { Section } from "./Section";



const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  picker: { flexGrow: 1, minWidth: "200px" },
  dropdown: { minWidth: "0", width: "100%" },
});

export interface ChartSectionProps {
  m: Messages;
  kind: ChartKind;
  chart: ChartState;
  disabled: boolean;
  onKind(kind: ChartKind): void;
  onBuild(): void;
}

/** "Build tier chart": a native Excel chart (or heat map) on the summary sheet of the last run. */
export function ChartSection({ m, kind, chart, disabled, onKind, onBuild }: ChartSectionProps) {
  const styles = useStyles();
  const building = chart.kind === "busy";
  return (
    <Section id="tiering-chart" heading={m.pane.chartHeading}>
      <div className={styles.row}>
        <Field label={m.pane.chartKind} className={styles.picker}>
          <Dropdown
            className={styles.dropdown}
            value={m.pane.charts[kind]}
            selectedOptions={[kind]}
            disabled={disabled || building}
            onOptionSelect={(_, data) => {
              if (data.optionValue) onKind(data.optionValue as ChartKind);
            }}
          >
            {CHART_KINDS.map((value) => (
              <Option key={value} value={value}>
                {m.pane.charts[value]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button onClick={onBuild} disabled={disabled || building}>
          {m.pane.buildChart}
        </Button>
      </div>
      {chart.kind === "done" && (
        <MessageBar intent="success">
          {/* The chart's workbook name ("Tiering column") is an id; the person reads the kind in their language. */}
          <MessageBarBody>{m.pane.chartDone(m.pane.charts[chart.report.kind], chart.report.sheet)}</MessageBarBody>
        </MessageBar>
      )}
      {chart.kind === "failed" && <Failure title={m.pane.chartFailed} message={chart.message} />}
    </Section>
  );
}
