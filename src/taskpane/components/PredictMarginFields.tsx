/**
 * Predict CLV & churn's margin and next-purchase window (issue 13, sections 3 and 4): where the predicted CLV's
 * margin comes from (none, one rate, or each customer's own rate from the mapped Margin column) and the window of
 * P(purchase within). Fields of their own so the Predict section only places them; the text is read by
 * form/predict.ts and the bounds are the core's (`analysisProblems`).
 */
import { Dropdown, Field, Input, Option } from "@fluentui/react-components";
import type { Messages } from "../../i18n";
import type { PaneForm } from "../form";
import type { MarginSource } from "../form/predict";

const SOURCES: readonly MarginSource[] = ["none", "rate", "column"];

export interface PredictMarginFieldsProps {
  m: Messages;
  form: PaneForm;
  disabled: boolean;
  className?: string;
  update(patch: Partial<PaneForm>): void;
}

export function PredictMarginFields({ m, form, disabled, className, update }: PredictMarginFieldsProps) {
  const words = m.margin.pane;
  const hasColumn = form.mapping.margin >= 0;
  const sourceHint = form.marginSource === "column" ? (hasColumn ? words.columnHint : words.noColumn) : words.sourceHint;
  return (
    <>
      <Field label={words.source} hint={sourceHint} validationState={form.marginSource === "column" && !hasColumn ? "warning" : "none"}>
        <Dropdown
          className={className}
          data-testid="predict-margin-source"
          value={words.sources[form.marginSource]}
          selectedOptions={[form.marginSource]}
          disabled={disabled}
          onOptionSelect={(_, data) => {
            const source = SOURCES.find((s) => s === data.optionValue);
            if (source) update({ marginSource: source });
          }}
        >
          {SOURCES.map((source) => (
            <Option key={source} value={source}>
              {words.sources[source]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {form.marginSource === "rate" && (
        <Field label={words.rate}>
          <Input className={className} data-testid="predict-margin-rate" inputMode="decimal" value={form.predictMargin} disabled={disabled} onChange={(_, data) => update({ predictMargin: data.value })} />
        </Field>
      )}
      <Field label={words.within} hint={words.withinHint}>
        <Input className={className} data-testid="predict-within" inputMode="decimal" value={form.withinMonths} disabled={disabled} onChange={(_, data) => update({ withinMonths: data.value })} />
      </Field>
    </>
  );
}
