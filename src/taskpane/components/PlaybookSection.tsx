import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Messages } from "../../i18n";
import type { PaneForm } from "../form/index";
import { editStrategy, playbookTiers, resetStrategy } from "../playbook";
import { Section } from "./Section";

const useStyles = makeStyles({
  tiers: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  edited: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  textarea: { width: "100%" },
});

export interface PlaybookSectionProps {
  m: Messages;
  form: PaneForm;
  busy: boolean;
  update(patch: Partial<PaneForm>): void;
}

const own = (record: Readonly<Record<string, string>>, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/**
 * The playbook: a strategy per tier of the chosen tier basis, prefilled with the language's default. Edited
 * texts are kept in the form (and saved by the run); "Reset to default" drops the person's text.
 */
export function PlaybookSection({ m, form, busy, update }: PlaybookSectionProps) {
  const styles = useStyles();
  const p = m.pane.playbook;
  const tiers = playbookTiers(form, m);
  return (
    <Section id="tiering-playbook" heading={p.heading}>
      <Caption1>{p.intro}</Caption1>
      <Accordion collapsible>
        <AccordionItem value="strategies">
          <AccordionHeader size="small">{p.edit(p.bases[form.summaryBy], String(tiers.length))}</AccordionHeader>
          <AccordionPanel collapseMotion={null}>
            <div className={styles.tiers} data-testid="playbook">
              {tiers.map((tier, index) => {
                const edited = own(form.strategies, tier.key);
                const id = `tiering-strategy-${index}`;
                return (
                  <div key={tier.key}>
                    <Field label={tier.label}>
                      <Textarea
                        id={id}
                        className={styles.textarea}
                        resize="vertical"
                        rows={3}
                        value={edited ? form.strategies[tier.key] : tier.defaultText}
                        disabled={busy}
                        onChange={(_, data) => update({ strategies: editStrategy(form.strategies, tier, data.value) })}
                      />
                    </Field>
                    {edited && (
                      <div className={styles.edited}>
                        <Caption1>{p.edited}</Caption1>
                        <Button
                          size="small"
                          appearance="subtle"
                          aria-label={p.resetOf(tier.label)}
                          disabled={busy}
                          onClick={() => {
                            update({ strategies: resetStrategy(form.strategies, tier) });
                            // The button goes with the edit: the focus stays on this tier's text, not the page.
                            document.getElementById(id)?.focus();
                          }}
                        >
                          {p.reset}
                        </Button>
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Section>
  );
}
