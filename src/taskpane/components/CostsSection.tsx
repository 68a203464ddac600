/**
 * The Costs section (issue 15 §3): a per-tier cost grid, prefilled with the tiers of the chosen basis (the
 * playbook's list: segments of the scheme, A/B/C, the bands; custom segments by name), a row for every other
 * tier, the margin (one rate, or the Margin column) and Compare's cost per upgrade. The form reads the text
 * (form/economics.ts); the Tier Summary and the Compare sheet show what they give. A table with labelled inputs
 * (each input's aria-label names its tier and column), so a screen reader reads the grid cell by cell.
 */
import { Caption1, Dropdown, Field, Input, Option, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { Messages } from "../../i18n";
import type { PaneForm } from "../form";
import type { CostDraftRow, CostField } from "../form/economics";
import { playbookTiers } from "../playbook";
import { Section } from "./Section";

// A fixed layout with the tier column a third of the width: otherwise each <input>'s intrinsic width (its
// default size of 20 characters) took the row and squeezed the tier names to one character a line in a narrow
// pane, and pushed the Fixed column out of view (seen in the e2e screenshots, test/e2e/economics-voice.test.ts).
const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", tableLayout: "fixed" },
  tierColumn: { width: "34%" },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`, textAlign: "left", fontWeight: tokens.fontWeightRegular, overflowWrap: "anywhere" },
  input: { width: "100%", minWidth: 0 },
  inner: { width: "100%", minWidth: 0 },
});

const FIELDS: readonly CostField[] = ["perCustomer", "perOrder", "fixed"];
const BLANK: CostDraftRow = { perCustomer: "", perOrder: "", fixed: "" };

export interface CostsSectionProps {
  m: Messages;
  form: PaneForm;
  busy: boolean;
  update(patch: Partial<PaneForm>): void;
}

export function CostsSection({ m, form, busy, update }: CostsSectionProps) {
  const styles = useStyles();
  const w = m.economics.pane;
  const tiers = playbookTiers(form, m);
  const hasColumn = form.mapping.margin >= 0;
  const setTier = (key: string, field: CostField, value: string) => update({ tierCosts: { ...form.tierCosts, [key]: { ...(form.tierCosts[key] ?? BLANK), [field]: value } } });
  const row = (key: string, label: string, values: CostDraftRow, set: (field: CostField, value: string) => void) => (
    <tr key={key}>
      <th scope="row" className={styles.cell}>
        {label}
      </th>
      {FIELDS.map((field) => (
        <td key={field} className={styles.cell}>
          <Input className={styles.input} input={{ className: styles.inner, size: 1 }} size="small" inputMode="decimal" aria-label={`${label}: ${w[field]}`} value={values[field]} disabled={busy} onChange={(_, data) => set(field, data.value)} />
        </td>
      ))}
    </tr>
  );
  return (
    <Section id="tiering-costs" heading={w.title}>
      <Caption1>{w.hint}</Caption1>
      <Switch label={w.enabled} checked={form.costsOn} disabled={busy} data-testid="costs-on" onChange={(_, data) => update({ costsOn: data.checked })} />
      {form.costsOn && (
        <>
          <table className={styles.table} data-testid="costs-grid">
            <colgroup>
              <col className={styles.tierColumn} />
              <col />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                {[w.tier, w.perCustomer, w.perOrder, w.fixed].map((h) => (
                  <th key={h} scope="col" className={styles.cell}>
                    <Caption1>{h}</Caption1>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tiers.map((t) => row(t.key, t.label, form.tierCosts[t.key] ?? BLANK, (field, value) => setTier(t.key, field, value)))}
              {row("*", w.otherTiers, form.otherCosts, (field, value) => update({ otherCosts: { ...form.otherCosts, [field]: value } }))}
            </tbody>
          </table>
          <Field label={w.marginSource} hint={form.costMargin === "column" && !hasColumn ? w.noColumn : undefined} validationState={form.costMargin === "column" && !hasColumn ? "warning" : "none"}>
            <Dropdown
              data-testid="costs-margin-source"
              value={w.marginSources[form.costMargin]}
              selectedOptions={[form.costMargin]}
              disabled={busy}
              onOptionSelect={(_, data) => {
                if (data.optionValue === "rate" || data.optionValue === "column") update({ costMargin: data.optionValue });
              }}
            >
              {(["rate", "column"] as const).map((source) => (
                <Option key={source} value={source}>
                  {w.marginSources[source]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {form.costMargin === "rate" && (
            <Field label={w.marginRate}>
              <Input data-testid="costs-margin-rate" inputMode="decimal" value={form.costMarginRate} disabled={busy} onChange={(_, data) => update({ costMarginRate: data.value })} />
            </Field>
          )}
          <Field label={w.costPerUpgrade} hint={w.costPerUpgradeHint}>
            <Input data-testid="costs-per-upgrade" inputMode="decimal" value={form.costPerUpgrade} disabled={busy} onChange={(_, data) => update({ costPerUpgrade: data.value })} />
          </Field>
        </>
      )}
    </Section>
  );
}
