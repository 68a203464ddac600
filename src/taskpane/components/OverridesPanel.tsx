/**
 * The pane's "Overrides" part (issue 15 §2), below the run's settings: what overrides are, one button that adds
 * the overrides table when the workbook has none and goes to it when it has one (the port never overwrites it),
 * and after a run how many overrides were applied, expired or are for customers not in the data, with the table's
 * rows that were not used, each a link to its row. The counts and sentences come from the run report in the run's
 * language; the table lookup is the port's, redone when the language changes or a run ends.
 */
import { Body1, Body1Strong, Button, Caption1, Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { Locale, Messages } from "../../i18n";
import type { CellRef, OverridesRunSummary, OverridesTableInfo, WorkbookPort } from "../../excel/port";
import { useStyles } from "./dynamic/parts";
import { Failure } from "./Failure";

export interface OverridesPanelProps {
  m: Messages;
  locale: Locale;
  port: WorkbookPort;
  /** The last run's overrides (undefined before a run; null: the workbook had no table). */
  summary: OverridesRunSummary | null | undefined;
  /** Another of the pane's jobs is under way. */
  off: boolean;
  onSelectCell(cell: CellRef): void;
}

export function OverridesPanel({ m, locale, port, summary, off, onSelectCell }: OverridesPanelProps) {
  const styles = useStyles();
  const p = m.overrides.pane;
  const [table, setTable] = useState<OverridesTableInfo | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    let live = true;
    port.findOverridesTable(locale).then(
      (found) => live && setTable(found),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [port, locale, summary]);

  const addOrOpen = useCallback(async () => {
    setError(null);
    if (table) {
      onSelectCell({ sheet: table.sheet, address: table.address });
      return;
    }
    setAdding(true);
    try {
      const added = await port.addOverridesTable(locale);
      setTable(added);
      setNote(added.created ? p.added(added.sheet) : p.exists(added.sheet));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setAdding(false);
    }
  }, [table, port, locale, p, onSelectCell]);

  return (
    <div className={styles.part} role="group" aria-labelledby="tiering-overrides-heading" data-testid="overrides">
      <Body1Strong as="h3" id="tiering-overrides-heading" className={styles.subheading}>
        {p.title}
      </Body1Strong>
      <Caption1 as="p" className={styles.text}>
        {p.help}
      </Caption1>
      <div className={styles.buttons}>
        <Button onClick={() => void addOrOpen()} disabled={off || adding}>
          {table ? p.open : p.add}
        </Button>
      </div>
      {note && (
        <Body1 as="p" className={styles.text} role="status">
          {note}
        </Body1>
      )}
      {error && <Failure title={p.title} message={error} />}
      {summary && (
        <Body1 as="p" className={styles.text} data-testid="overrides-counts">
          {p.counts(summary.active, summary.expired, summary.unmatched)}
        </Body1>
      )}
      {summary && summary.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="overrides-problems">
          <MessageBarBody>
            <MessageBarTitle>{p.problemsTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {summary.problems.map((problem) => (
                <li key={`${problem.cell.sheet}!${problem.cell.address}`}>
                  <Link as="button" onClick={() => onSelectCell(problem.cell)}>
                    {problem.message}
                  </Link>
                </li>
              ))}
              {summary.moreProblems > 0 && <li>{m.overrides.more(summary.moreProblems)}</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
