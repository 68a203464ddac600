/**
 * The purchase-count model of Predict CLV & churn: BG/NBD (the default) or Pareto/NBD (issue 13 §5; both are
 * the core's, behind one CountModel shape, and already offered by TIER.CLVFIT and `tier fit --model`). A field
 * of its own so the Predict section only places it.
 */
import { Dropdown, Field, Option } from "@fluentui/react-components";
import { COUNT_MODELS, type CountModelName } from "../../core/models/count-model";
import type { Messages } from "../../i18n";

export interface PredictModelFieldProps {
  m: Messages;
  model: CountModelName;
  disabled: boolean;
  className?: string;
  onChange(model: CountModelName): void;
}

export function PredictModelField({ m, model, disabled, className, onChange }: PredictModelFieldProps) {
  const words = m.predictRest.model;
  return (
    <Field label={words.label} hint={words.hint}>
      <Dropdown
        className={className}
        data-testid="predict-model"
        value={words[model]}
        selectedOptions={[model]}
        disabled={disabled}
        onOptionSelect={(_, data) => {
          if (data.optionValue === "bgnbd" || data.optionValue === "paretoNbd") onChange(data.optionValue);
        }}
      >
        {COUNT_MODELS.map((name) => (
          <Option key={name} value={name}>
            {words[name]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
