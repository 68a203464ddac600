import {
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SCORE_TIER_KEYS, type ScoreDirection, type ScoreMethod } from "../../core/tiers/score";
import type { Messages } from "../../i18n";
import type { PaneForm } from "../form";
import { restShare, SCORE_BAND_INPUTS, scoreMetricNeeds, scoreMetricsShown } from "../form/score";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXXL,
  },
  scroll: { overflowX: "auto" },
  table: { minWidth: "280px" },
  metricColumn: { width: "auto" },
  weightColumn: { width: "64px" },
  directionColumn: { width: "96px" },
  weight: { width: "56px", minWidth: "0" },
  direction: { minWidth: "0", width: "100%" },
  unavailable: { display: "block", color: tokens.colorPaletteRedForeground1, paddingLeft: tokens.spacingHorizontalXXL },
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  input: { minWidth: "0", width: "100%" },
});

const METHODS: readonly ScoreMethod[] = ["percentile", "minmax"];
const DIRECTIONS: readonly ScoreDirection[] = ["higher", "lower"];

export interface ScoreEditorProps {
  m: Messages;
  form: PaneForm;
  busy: boolean;
  update(patch: Partial<PaneForm>): void;
}

/**
 * The weighted score: one row per metric the data offers (include, weight, which way is better), the
 * normalisation, and the bands (shares of customers or score thresholds for Diamond … Silver; Bronze the rest).
 */
export function ScoreEditor({ m, form, busy, update }: ScoreEditorProps) {
  const styles = useStyles();
  const s = m.pane.score;
  const bandNames = SCORE_TIER_KEYS.map((key) => m.scoreTiers[key]);
  const last = bandNames[bandNames.length - 1];
  const limits = form.bandKind === "shares" ? form.bandShares : form.bandThresholds;
  const setLimit = (index: number, value: string) => {
    const next = limits.map((text, i) => (i === index ? value : text));
    update(form.bandKind === "shares" ? { bandShares: next } : { bandThresholds: next });
  };
  return (
    <div className={styles.root} role="group" aria-label={s.toggle} data-testid="score-editor">
      <Caption1>{s.hint}</Caption1>
      <div className={styles.scroll}>
        <Table size="extra-small" aria-label={s.metricsCaption} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.metricColumn}>{s.metricHeader}</TableHeaderCell>
              <TableHeaderCell className={styles.weightColumn}>{s.weightHeader}</TableHeaderCell>
              <TableHeaderCell className={styles.directionColumn}>{s.directionHeader}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {scoreMetricsShown(form).map((metric) => {
              const draft = form.scoreMetrics[metric];
              const name = m.scoreMetrics[metric];
              const needs = scoreMetricNeeds(metric, form);
              const set = (patch: Partial<typeof draft>) => update({ scoreMetrics: { ...form.scoreMetrics, [metric]: { ...draft, ...patch } } });
              // The caption says why the metric cannot be used; the checkbox is described by it.
              const needsId = `tiering-score-needs-${metric}`;
              return (
                <TableRow key={metric}>
                  <TableCell>
                    <Checkbox
                      label={name}
                      checked={draft.on}
                      disabled={busy}
                      aria-describedby={needs ? needsId : undefined}
                      onChange={(_, data) => set({ on: data.checked === true })}
                    />
                    {needs && (
                      <Caption1 id={needsId} className={styles.unavailable}>
                        {s.unavailable(s.needs[needs])}
                      </Caption1>
                    )}
                  </TableCell>
                  <TableCell>
                    <Input
                      className={styles.weight}
                      size="small"
                      inputMode="decimal"
                      aria-label={s.weightOf(name)}
                      value={draft.weight}
                      disabled={busy || !draft.on}
                      onChange={(_, data) => set({ weight: data.value })}
                    />
                  </TableCell>
                  <TableCell>
                    {/* A Dropdown as elsewhere in the pane (a native Select would add its own package to the bundle). */}
                    <Dropdown
                      className={styles.direction}
                      size="small"
                      aria-label={s.directionOf(name)}
                      value={s.directions[draft.direction]}
                      selectedOptions={[draft.direction]}
                      disabled={busy || !draft.on}
                      onOptionSelect={(_, data) => set({ direction: data.optionValue === "lower" ? "lower" : "higher" })}
                    >
                      {DIRECTIONS.map((direction) => (
                        <Option key={direction} value={direction}>
                          {s.directions[direction]}
                        </Option>
                      ))}
                    </Dropdown>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <Field label={s.method}>
        <RadioGroup
          layout="horizontal"
          value={form.scoreMethod}
          disabled={busy}
          onChange={(_, data) => update({ scoreMethod: data.value === "minmax" ? "minmax" : "percentile" })}
        >
          {METHODS.map((method) => (
            <Radio key={method} value={method} label={s.methods[method]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={s.bands}>
        <RadioGroup value={form.bandKind} disabled={busy} onChange={(_, data) => update({ bandKind: data.value === "thresholds" ? "thresholds" : "shares" })}>
          <Radio value="shares" label={s.bandKinds.shares} />
          <Radio value="thresholds" label={s.bandKinds.thresholds} />
        </RadioGroup>
      </Field>
      <div className={styles.row} data-testid="score-bands">
        {Array.from({ length: SCORE_BAND_INPUTS }, (_, i) => (
          <Field key={`${form.bandKind}${i}`} label={form.bandKind === "shares" ? s.shareOf(bandNames[i]) : s.thresholdOf(bandNames[i])}>
            <Input className={styles.input} inputMode="decimal" value={limits[i] ?? ""} disabled={busy} onChange={(_, data) => setLimit(i, data.value)} />
          </Field>
        ))}
      </div>
      <Caption1>
        {form.bandKind === "shares" ? s.restShare(last, restShare(form.bandShares)) : s.restThreshold(last, form.bandThresholds[SCORE_BAND_INPUTS - 1] || "?")}
      </Caption1>
    </div>
  );
}
