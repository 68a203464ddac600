import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { PredictModelField } from "./PredictModelField";
import { PredictMarginFields } from "./PredictMarginFields";
import { TIME_UNITS } from "../../core/models/calibration";
import { binsProblems } from "../../core/tiers/rfm";
import type { AbcSettings, PredictSettings } from "../../excel/port";
import type { Messages } from "../../i18n";
import type { PaneForm } from "../form";
import { DIMENSIONS, starterRules, type SegmentSchemeChoice } from "../form/rfm";
import { scoreInUse } from "../form/score";
import { RulesGrid } from "./RulesGrid";
import { ScoreEditor } from "./ScoreEditor";
import { Section } from "./Section";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXXL,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  input: { minWidth: "0", width: "100%" },
});

const SCHEMES: readonly SegmentSchemeChoice[] = ["rfm", "cn8", "custom"];
const BASES: readonly AbcSettings["basis"][] = ["revenue", "margin", "orders"];

export interface AnalysisSectionProps {
  m: Messages;
  form: PaneForm;
  busy: boolean;
  update(patch: Partial<PaneForm>): void;
  /** Shown at the end of the Predict options while Predict is on: "Check the model" (issue 13 §2). */
  predictExtra?: ReactNode;
}

/** A number box that keeps what the person types (validation happens on Run, with a sentence). */
function NumberField(props: { label: string; hint?: string; value: string; onChange(value: string): void; disabled: boolean }) {
  const styles = useStyles();
  return (
    <Field label={props.label} hint={props.hint}>
      <Input
        className={styles.input}
        inputMode="decimal"
        value={props.value}
        disabled={props.disabled}
        onChange={(_, data) => props.onChange(data.value)}
      />
    </Field>
  );
}

/** Predict CLV & churn: a switch; the model's unit, horizon and discount; lifecycle and "can't lose" thresholds under More options. */
function PredictOptions({ m, form, busy, update, predictExtra }: AnalysisSectionProps) {
  const styles = useStyles();
  const p = m.pane.predict;
  const number = (field: "horizonMonths" | "monthlyDiscount" | "newDays" | "activeMultiple" | "silentMultiple" | "churnCapDays" | "cantLoseShare" | "cantLoseRisk", hint?: string) => (
    <NumberField label={p[field]} hint={hint} value={form[field]} disabled={busy} onChange={(value) => update({ [field]: value })} />
  );
  return (
    <>
      <Switch label={m.pane.predictToggle} checked={form.predictOn} disabled={busy} onChange={(_, d) => update({ predictOn: d.checked })} />
      {form.predictOn && (
        <div className={styles.group} role="group" aria-label={m.pane.predictToggle}>
          <Caption1>{p.hint}</Caption1>
          <div className={styles.row}>
            <Field label={p.unit}>
              <Dropdown
                className={styles.input}
                value={p.units[form.unit]}
                selectedOptions={[form.unit]}
                disabled={busy}
                onOptionSelect={(_, data) => {
                  if (data.optionValue) update({ unit: data.optionValue as PredictSettings["unit"] });
                }}
              >
                {TIME_UNITS.map((unit) => (
                  <Option key={unit} value={unit}>
                    {p.units[unit]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {number("horizonMonths")}
            {number("monthlyDiscount")}
          </div>
          <PredictModelField m={m} model={form.model} disabled={busy} className={styles.input} onChange={(model) => update({ model })} />
          <div className={styles.row}>
            <PredictMarginFields m={m} form={form} disabled={busy} className={styles.input} update={update} />
          </div>
          <Accordion collapsible>
            <AccordionItem value="more">
              <AccordionHeader size="small">{p.moreOptions}</AccordionHeader>
              {/* No collapse animation: the fields simply appear (and nothing is left animating when the pane goes). */}
              <AccordionPanel collapseMotion={null}>
                <div className={styles.row}>
                  {number("newDays")}
                  {number("activeMultiple")}
                  {number("silentMultiple")}
                  {number("churnCapDays", p.churnCapHint)}
                  {number("cantLoseShare")}
                  {number("cantLoseRisk")}
                </div>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
          {predictExtra}
        </div>
      )}
    </>
  );
}

/** RFM, ABC, CLV, Predict and weighted-score options, the analysis date and what the summary is by. */
export function AnalysisSection({ m, form, busy, update, predictExtra }: AnalysisSectionProps) {
  const styles = useStyles();
  const bins = Number(form.bins);
  // The core's bins check (src/core/tiers/rfm.ts): a count only for score levels a run would take.
  const breakpointCount = binsProblems(bins).length === 0 ? String(bins - 1) : m.pane.breakpointsCountUnknown;

  return (
    <Section id="tiering-analysis" heading={m.pane.analysisHeading}>
      {/* An earlier date is "as it stood then" (issue 14): the hint says so. */}
      <Field label={m.pane.asOf} hint={m.overTimePane.asOfHint}>
        <Input type="date" value={form.asOf} disabled={busy} onChange={(_, data) => update({ asOf: data.value })} />
      </Field>
      <NumberField label={m.overTimePane.window} hint={m.overTimePane.windowHint} value={form.windowMonths} disabled={busy} onChange={(windowMonths) => update({ windowMonths })} />
      <Field label={m.pane.dayOrder}>
        <RadioGroup
          layout="horizontal"
          value={form.dayOrder}
          disabled={busy}
          onChange={(_, data) => update({ dayOrder: data.value === "dmy" ? "dmy" : "mdy" })}
        >
          <Radio value="mdy" label={m.pane.dayOrders.mdy} />
          <Radio value="dmy" label={m.pane.dayOrders.dmy} />
        </RadioGroup>
      </Field>

      <Checkbox label={m.pane.rfmToggle} checked={form.rfmOn} disabled={busy} onChange={(_, d) => update({ rfmOn: d.checked === true })} />
      {form.rfmOn && (
        <div className={styles.group} role="group" aria-label={m.pane.rfmToggle}>
          <div className={styles.row}>
            <NumberField label={m.pane.bins} hint={m.pane.binsHint} value={form.bins} disabled={busy} onChange={(bins) => update({ bins })} />
          </div>
          <Checkbox
            label={m.pane.breakpointsToggle}
            checked={form.breakpointsOn}
            disabled={busy}
            onChange={(_, d) => update({ breakpointsOn: d.checked === true })}
          />
          {form.breakpointsOn &&
            DIMENSIONS.map((dimension) => (
              <Field key={dimension} label={m.pane.breakpointLabels[dimension]} hint={m.pane.breakpointsHint(breakpointCount)}>
                <Input
                  value={form.breakpoints[dimension]}
                  disabled={busy}
                  onChange={(_, data) => update({ breakpoints: { ...form.breakpoints, [dimension]: data.value } })}
                />
              </Field>
            ))}
          <Field label={m.pane.scheme}>
            <RadioGroup
              value={form.scheme}
              disabled={busy}
              onChange={(_, data) => {
                const scheme = data.value as SegmentSchemeChoice;
                update(scheme === "custom" && form.rules.length === 0 ? { scheme, rules: starterRules(m) } : { scheme });
              }}
            >
              {SCHEMES.map((scheme) => (
                <Radio key={scheme} value={scheme} label={m.pane.schemes[scheme]} />
              ))}
            </RadioGroup>
          </Field>
          {form.scheme === "custom" && <RulesGrid m={m} rules={form.rules} onChange={(rules) => update({ rules })} />}
        </div>
      )}

      <Checkbox label={m.pane.abcToggle} checked={form.abcOn} disabled={busy} onChange={(_, d) => update({ abcOn: d.checked === true })} />
      {form.abcOn && (
        <div className={styles.group} role="group" aria-label={m.pane.abcToggle}>
          <Field label={m.pane.abcMethod} hint={form.abcMethod === "computed" ? m.pane.abcComputedHint : undefined}>
            <RadioGroup
              layout="horizontal"
              value={form.abcMethod}
              disabled={busy}
              onChange={(_, data) => update({ abcMethod: data.value as PaneForm["abcMethod"] })}
            >
              <Radio value="fixed" label={m.pane.abcMethods.fixed} />
              <Radio value="computed" label={m.pane.abcMethods.computed} />
            </RadioGroup>
          </Field>
          <div className={styles.row}>
            <NumberField label={m.pane.aCut} value={form.aCut} disabled={busy || form.abcMethod === "computed"} onChange={(aCut) => update({ aCut })} />
            <NumberField label={m.pane.bCut} value={form.bCut} disabled={busy || form.abcMethod === "computed"} onChange={(bCut) => update({ bCut })} />
            <Field label={m.pane.basis}>
              <Dropdown
                className={styles.input}
                value={m.pane.bases[form.basis]}
                selectedOptions={[form.basis]}
                disabled={busy}
                onOptionSelect={(_, data) => {
                  if (data.optionValue) update({ basis: data.optionValue as AbcSettings["basis"] });
                }}
              >
                {BASES.map((basis) => (
                  <Option key={basis} value={basis}>
                    {m.pane.bases[basis]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </div>
        </div>
      )}

      <Checkbox label={m.pane.clvToggle} checked={form.clvOn} disabled={busy} onChange={(_, d) => update({ clvOn: d.checked === true })} />
      {form.clvOn && (
        <div className={styles.group} role="group" aria-label={m.pane.clvToggle}>
          <div className={styles.row}>
            <NumberField label={m.pane.clv.clvMargin} value={form.clvMargin} disabled={busy} onChange={(clvMargin) => update({ clvMargin })} />
            <NumberField label={m.pane.clv.retention} value={form.retention} disabled={busy} onChange={(retention) => update({ retention })} />
            <NumberField label={m.pane.clv.discount} value={form.discount} disabled={busy} onChange={(discount) => update({ discount })} />
            <NumberField label={m.pane.clv.years} value={form.years} disabled={busy} onChange={(years) => update({ years })} />
          </div>
        </div>
      )}

      <PredictOptions m={m} form={form} busy={busy} update={update} predictExtra={predictExtra} />

      {/* The score is on while the summary is by score bands; turning it off moves the summary back to segments or classes. */}
      <Checkbox
        label={m.pane.score.toggle}
        checked={scoreInUse(form)}
        disabled={busy}
        onChange={(_, d) =>
          update(
            d.checked === true
              ? { scoreOn: true }
              : { scoreOn: false, summaryBy: form.summaryBy !== "score" ? form.summaryBy : form.rfmOn || !form.abcOn ? "segment" : "abcClass" },
          )
        }
      />
      {scoreInUse(form) && <ScoreEditor m={m} form={form} busy={busy} update={update} />}

      <Field label={m.pane.summaryBy}>
        <RadioGroup
          value={form.summaryBy}
          disabled={busy}
          onChange={(_, data) => {
            const summaryBy = data.value as PaneForm["summaryBy"];
            update(summaryBy === "score" ? { summaryBy, scoreOn: true } : { summaryBy });
          }}
        >
          <Radio value="segment" label={m.pane.summaryByOptions.segment} />
          <Radio value="abcClass" label={m.pane.summaryByOptions.abcClass} />
          <Radio value="score" label={m.pane.summaryByOptions.score} />
        </RadioGroup>
      </Field>
    </Section>
  );
}
