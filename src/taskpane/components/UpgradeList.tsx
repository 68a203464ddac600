import { Body1Strong, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { actionableGap } from "../../core/tiers/upgrade";
import type { CellRef, UpgradeCandidate } from "../../excel/port";
import type { Messages } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The pane lists at most this many (the run reports up to 20). */
export const UPGRADE_SHOWN = 10;

/**
 * What a candidate still needs, in the pane's number format, rounded up to what a person can act on (reaching
 * the next tier takes at least the gap; src/core/tiers/upgrade.ts `actionableGap`): revenue or margin (ABC by
 * margin) in whole units, whole orders, score points to a tenth; with segments the purchases and their amount.
 */
export function gapText(candidate: Pick<UpgradeCandidate, "gap" | "gapKind" | "orders">, m: Messages, numbers: Intl.NumberFormat): string {
  const { locale } = numbers.resolvedOptions();
  const g = m.pane.upgrade.gap;
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const shown = actionableGap(candidate.gap, candidate.gapKind);
  switch (candidate.gapKind) {
    case "purchase": {
      const orders = candidate.orders ?? 1;
      return m.predictRest.upgrade.purchase(orders, whole.format(orders), shown > 0 ? whole.format(shown) : null);
    }
    case "revenue":
      return g.revenue(whole.format(shown));
    case "margin":
      return g.margin(whole.format(shown));
    case "orders":
      return g.orders(shown, whole.format(shown));
    case "points":
      return g.points(new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(shown));
  }
}

export interface UpgradeListProps {
  m: Messages;
  numbers: Intl.NumberFormat;
  candidates: readonly UpgradeCandidate[];
  onSelectCell(cell: CellRef): void;
}

/** After a run: the customers closest to the next tier up; each customer selects their row on the results sheet. */
export function UpgradeList({ m, numbers, candidates, onSelectCell }: UpgradeListProps) {
  const styles = useStyles();
  const u = m.pane.upgrade;
  if (candidates.length === 0) return null;
  return (
    <div className={styles.root} role="group" aria-labelledby="tiering-upgrade-heading">
      <Body1Strong as="h3" id="tiering-upgrade-heading" className={styles.heading}>
        {u.heading}
      </Body1Strong>
      <Caption1>{candidates[0].gapKind === "purchase" ? m.predictRest.upgrade.hintSegments : u.hint}</Caption1>
      <ul className={styles.list} data-testid="upgrade-list">
        {candidates.slice(0, UPGRADE_SHOWN).map((candidate, i) => (
          <li key={`${i}:${candidate.customer}`}>
            <Link as="button" title={u.selectRow(candidate.customer, candidate.cell.sheet)} onClick={() => onSelectCell(candidate.cell)}>
              {candidate.customer}
            </Link>
            {u.detail(candidate.tier, candidate.nextTier, gapText(candidate, m, numbers))}
          </li>
        ))}
      </ul>
    </div>
  );
}
