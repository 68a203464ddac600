import {
  Button,
  Caption1,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Messages } from "../../i18n";
import { DIMENSIONS, emptyRule, type RuleDraft } from "../form/rfm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto" },
  table: { minWidth: "420px" },
  name: { width: "100%", minWidth: "90px" },
  score: { width: "52px", minWidth: "0" },
  nameColumn: { width: "auto" },
  scoreColumn: { width: "56px" },
  removeColumn: { width: "40px" },
  add: { alignSelf: "flex-start" },
});

export interface RulesGridProps {
  m: Messages;
  rules: RuleDraft[];
  onChange(rules: RuleDraft[]): void;
}

/** Custom segment rules: one row per segment, min and max score per dimension; first match wins. */
export function RulesGrid({ m, rules, onChange }: RulesGridProps) {
  const styles = useStyles();
  const letters = { r: m.columns.r, f: m.columns.f, m: m.columns.m };
  const headers = [m.pane.ruleName, ...DIMENSIONS.flatMap((d) => [m.pane.ruleMin(letters[d]), m.pane.ruleMax(letters[d])])];
  const set = (index: number, rule: RuleDraft) => onChange(rules.map((r, i) => (i === index ? rule : r)));
  // Stable React keys per row, so that removing a row keeps focus and typing state on the rows that stay
  // (an index key would hand row 3's inputs to row 2). Rebuilt, with keys never used before, when the rules arrive
  // from elsewhere. Rendering reads them, so they are state, not a ref, and the rebuild is the state adjusted
  // while rendering (https://react.dev/reference/react/useState#storing-information-from-previous-renders).
  const [rowKeys, setRowKeys] = useState(() => ({ keys: rules.map((_, i) => i), next: rules.length }));
  let { keys } = rowKeys;
  if (keys.length !== rules.length) {
    const rebuilt = { keys: rules.map((_, i) => rowKeys.next + i), next: rowKeys.next + rules.length };
    setRowKeys(rebuilt);
    keys = rebuilt.keys;
  }
  const remove = (index: number) => {
    setRowKeys({ keys: keys.filter((_, i) => i !== index), next: rowKeys.next });
    onChange(rules.filter((_, i) => i !== index));
  };
  const add = () => {
    setRowKeys({ keys: [...keys, rowKeys.next], next: rowKeys.next + 1 });
    onChange([...rules, emptyRule()]);
  };

  return (
    <div className={styles.root}>
      <Caption1 id="tiering-rules-caption">{m.pane.rulesCaption}</Caption1>
      <div className={styles.scroll}>
        <Table size="extra-small" aria-describedby="tiering-rules-caption" className={styles.table} data-testid="rules-grid">
          <TableHeader>
            <TableRow>
              {headers.map((header, i) => (
                <TableHeaderCell key={header} className={i === 0 ? styles.nameColumn : styles.scoreColumn}>
                  {header}
                </TableHeaderCell>
              ))}
              <TableHeaderCell className={styles.removeColumn} aria-label={m.pane.removeRule("")} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((rule, index) => {
              const row = String(index + 1);
              return (
                <TableRow key={keys[index]}>
                  <TableCell>
                    <Input
                      className={styles.name}
                      size="small"
                      value={rule.name}
                      aria-label={m.pane.ruleCell(row, headers[0])}
                      onChange={(_, data) => set(index, { ...rule, name: data.value })}
                    />
                  </TableCell>
                  {DIMENSIONS.flatMap((dimension, d) =>
                    [0, 1].map((end) => (
                      <TableCell key={`${dimension}${end}`}>
                        <Input
                          className={styles.score}
                          size="small"
                          inputMode="numeric"
                          value={rule[dimension][end]}
                          aria-label={m.pane.ruleCell(row, headers[1 + d * 2 + end])}
                          onChange={(_, data) => {
                            const bounds: [string, string] = [...rule[dimension]];
                            bounds[end] = data.value;
                            set(index, { ...rule, [dimension]: bounds });
                          }}
                        />
                      </TableCell>
                    )),
                  )}
                  <TableCell>
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={m.pane.removeRule(row)}
                      title={m.pane.removeRule(row)}
                      onClick={() => remove(index)}
                    >
                      ×
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <Button className={styles.add} size="small" onClick={add}>
        {m.pane.addRule}
      </Button>
    </div>
  );
}
