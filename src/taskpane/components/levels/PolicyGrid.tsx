/**
 * The level policy grid (issue 15 §1): one row per level, lowest first — the name (any language), the entry and the
 * keep threshold — with add, remove and move up/down; each input labelled with its row and column for screen
 * readers (as the segment rules grid, RulesGrid.tsx) and marked invalid while the core's rule finds a problem in it.
 */
import { Button, Caption1, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Messages } from "../../../i18n";
import type { LevelProblemText } from "../../../i18n/level-problems";
import type { LevelRowDraft } from "../../levels";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto" },
  // Fixed layout: the columns take the widths below whatever the names' lengths, so the grid fits the pane's width.
  table: { minWidth: "300px", tableLayout: "fixed" },
  name: { width: "100%", minWidth: "0" },
  number: { width: "100%", minWidth: "0" },
  numberColumn: { width: "60px" },
  actionsColumn: { width: "80px" },
  actions: { display: "flex", columnGap: "0" },
  // Fluent's small button is 64px wide at least; the row's three one-character buttons need only their glyph.
  icon: { minWidth: "24px", maxWidth: "24px", paddingLeft: "0", paddingRight: "0" },
  add: { alignSelf: "flex-start" },
});

const FIELDS = ["name", "entry", "keep"] as const;

export interface PolicyGridProps {
  m: Messages;
  rows: LevelRowDraft[];
  problems: LevelProblemText[];
  disabled: boolean;
  onRow(index: number, row: LevelRowDraft): void;
  onAdd(): void;
  onRemove(index: number): void;
  onMove(index: number, by: -1 | 1): void;
}

export function PolicyGrid({ m, rows, problems, disabled, onRow, onAdd, onRemove, onMove }: PolicyGridProps) {
  const styles = useStyles();
  const p = m.levelsPane;
  // Stable React keys per row, so focus and typing stay with a row that moves or survives a removal (RulesGrid.tsx says why).
  const [rowKeys, setRowKeys] = useState(() => ({ keys: rows.map((_, i) => i), next: rows.length }));
  let { keys } = rowKeys;
  if (keys.length !== rows.length) {
    const rebuilt = { keys: rows.map((_, i) => rowKeys.next + i), next: rowKeys.next + rows.length };
    setRowKeys(rebuilt);
    keys = rebuilt.keys;
  }
  const invalid = (row: number, field: (typeof FIELDS)[number]) => problems.some((x) => x.at.row === row && x.at.field === field);
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const next = [...keys];
    [next[index], next[to]] = [next[to], next[index]];
    setRowKeys({ keys: next, next: rowKeys.next });
    onMove(index, by);
  };
  const remove = (index: number) => {
    setRowKeys({ keys: keys.filter((_, i) => i !== index), next: rowKeys.next });
    onRemove(index);
  };
  const add = () => {
    setRowKeys({ keys: [...keys, rowKeys.next], next: rowKeys.next + 1 });
    onAdd();
  };
  return (
    <div className={styles.root}>
      <Caption1 id="tiering-levels-grid-caption">{p.gridCaption}</Caption1>
      <div className={styles.scroll}>
        <Table size="extra-small" aria-describedby="tiering-levels-grid-caption" className={styles.table} data-testid="levels-grid">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{p.columns.name}</TableHeaderCell>
              <TableHeaderCell className={styles.numberColumn}>{p.columns.entry}</TableHeaderCell>
              <TableHeaderCell className={styles.numberColumn}>{p.columns.keep}</TableHeaderCell>
              <TableHeaderCell className={styles.actionsColumn} aria-label={p.removeLevel("")} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, index) => {
              const label = String(index + 1);
              return (
                <TableRow key={keys[index]}>
                  {FIELDS.map((field) => (
                    <TableCell key={field}>
                      <Input
                        className={field === "name" ? styles.name : styles.number}
                        size="small"
                        inputMode={field === "name" ? undefined : "decimal"}
                        value={row[field]}
                        disabled={disabled}
                        aria-label={p.cell(label, p.columns[field])}
                        aria-invalid={invalid(index, field) || undefined}
                        onChange={(_, data) => onRow(index, { ...row, [field]: data.value })}
                      />
                    </TableCell>
                  ))}
                  <TableCell>
                    <div className={styles.actions}>
                      <Button className={styles.icon} size="small" appearance="subtle" aria-label={p.moveUp(label)} title={p.moveUp(label)} disabled={disabled || index === 0} onClick={() => move(index, -1)}>
                        ↑
                      </Button>
                      <Button className={styles.icon} size="small" appearance="subtle" aria-label={p.moveDown(label)} title={p.moveDown(label)} disabled={disabled || index === rows.length - 1} onClick={() => move(index, 1)}>
                        ↓
                      </Button>
                      <Button className={styles.icon} size="small" appearance="subtle" aria-label={p.removeLevel(label)} title={p.removeLevel(label)} disabled={disabled} onClick={() => remove(index)}>
                        ×
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <Button className={styles.add} size="small" onClick={add} disabled={disabled}>
        {p.addLevel}
      </Button>
    </div>
  );
}
