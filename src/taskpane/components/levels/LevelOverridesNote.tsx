/**
 * After "Compute levels", what came of people's overrides (issue 15 §2) when the workbook has an overrides table:
 * how many were applied to levels, had expired or name customers not in the data, and the table's rows that were not
 * used (a level name the policy does not have, a customer not in the data…), in the job's words (the same sentences
 * the run's Overrides part lists; the table itself is opened from that part).
 */
import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { OverridesRunSummary } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import { useStyles } from "../dynamic/parts";

export function LevelOverridesNote({ m, summary }: { m: Messages; summary: OverridesRunSummary | null | undefined }) {
  const styles = useStyles();
  if (!summary) return null;
  return (
    <>
      <Body1 as="p" className={styles.text} data-testid="levels-overrides">
        {m.levelOverrides.counts(summary.active, summary.expired, summary.unmatched)}
      </Body1>
      {summary.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="levels-overrides-problems">
          <MessageBarBody>
            <MessageBarTitle>{m.overrides.pane.problemsTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {summary.problems.map((problem) => (
                <li key={`${problem.cell.sheet}!${problem.cell.address}`}>{problem.message}</li>
              ))}
              {summary.moreProblems > 0 && <li>{m.overrides.more(summary.moreProblems)}</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
