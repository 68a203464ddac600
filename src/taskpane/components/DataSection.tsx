import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ColumnMapping, SourcePreview, TableInfo } from "../../excel/port";
import type { Messages } from "../../i18n";
import type { PaneForm } from "../form";
import { columnOf, REQUIRED_ROLES, ROLES, type Role } from "../../core/analysis/roles";
import { Section } from "./Section";

const useStyles = makeStyles({
  source: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  tables: { minWidth: "160px", flexGrow: 1 },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    // Fields side by side start level, whatever the length of their hints.
    alignItems: "start",
  },
  dropdown: { minWidth: "0", width: "100%" },
});

export interface DataSectionProps {
  m: Messages;
  numbers: Intl.NumberFormat;
  form: PaneForm;
  preview: SourcePreview | null;
  tables: TableInfo[];
  dataError: string | null;
  busy: boolean;
  onUseSelection(): void;
  onTable(name: string): void;
  onTablesOpen(): void;
  onHasHeader(hasHeader: boolean): void;
  onMapping(mapping: ColumnMapping): void;
}

/** Where the data is and which column is which. */
export function DataSection(props: DataSectionProps) {
  const { m, numbers, form, preview, tables, dataError, busy } = props;
  const styles = useStyles();
  const table = form.source?.kind === "table" ? form.source.name : "";
  const where = preview
    ? preview.source.kind === "table"
      ? preview.source.name
      : `${preview.source.sheet}!${preview.source.address}`
    : null;

  const roleLabel = (role: Role) =>
    role === "amount" && form.mapping.quantity >= 0 ? m.pane.amountAsUnitPrice : m.pane.roles[role];

  return (
    <Section id="tiering-data" heading={m.pane.dataHeading}>
      <div className={styles.source}>
        <Field hint={m.pane.useSelectionHint}>
          <Button onClick={props.onUseSelection} disabled={busy}>
            {m.pane.useSelection}
          </Button>
        </Field>
        <Field label={m.pane.tableLabel} className={styles.tables}>
          <Dropdown
            placeholder={tables.length ? m.pane.tablePlaceholder : m.pane.noTables}
            value={table}
            selectedOptions={table ? [table] : []}
            disabled={busy}
            onOpenChange={(_, data) => {
              if (data.open) props.onTablesOpen();
            }}
            onOptionSelect={(_, data) => {
              if (data.optionValue) props.onTable(data.optionValue);
            }}
          >
            {tables.map((info) => (
              <Option key={info.name} value={info.name} text={info.name}>
                {`${info.name} (${info.sheet}, ${numbers.format(info.rows)})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field hint={preview?.headerDetected ? m.pane.headerDetected : undefined}>
        <Checkbox
          label={m.pane.hasHeader}
          checked={form.hasHeader}
          disabled={busy}
          onChange={(_, data) => props.onHasHeader(data.checked === true)}
        />
      </Field>
      {dataError && (
        <MessageBar intent="warning">
          <MessageBarBody>{dataError}</MessageBarBody>
        </MessageBar>
      )}
      {preview && where && (
        <Caption1 role="status" data-testid="source-summary">
          {m.pane.sourceSummary(where, numbers.format(preview.rows))}
        </Caption1>
      )}
      {preview && (
        <div role="group" aria-label={m.pane.mappingHeading} className={styles.grid}>
          {ROLES.map((role) => {
            const column = columnOf(form.mapping, role);
            const columnName = (index: number) => preview.header[index] || `#${index + 1}`;
            const selected = column >= 0 && column < preview.header.length ? String(column) : "-1";
            return (
              <Field key={role} label={roleLabel(role)} hint={m.pane.roleHints[role]} required={REQUIRED_ROLES.includes(role)}>
                <Dropdown
                  className={styles.dropdown}
                  data-role={role}
                  value={selected === "-1" ? m.pane.notMapped : columnName(column)}
                  selectedOptions={[selected]}
                  disabled={busy}
                  onOptionSelect={(_, data) => {
                    if (data.optionValue === undefined) return;
                    props.onMapping({ ...form.mapping, [role]: Number(data.optionValue) });
                  }}
                >
                  <Option value="-1">{m.pane.notMapped}</Option>
                  {preview.header.map((_, index) => (
                    <Option key={index} value={String(index)} text={columnName(index)}>
                      {columnName(index)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            );
          })}
        </div>
      )}
    </Section>
  );
}
