import { Body1Strong, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { gapShown } from "../../core/tiers/upgrade";
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
 * What a candidate still needs, in the pane's number format, rounded up (reaching the next tier takes at
 * least the gap): revenue or margin (ABC by margin) to the cent, whole orders, score points to a tenth (two
 * significant digits below 1).
 */
export function gapText(candidate: Pick<UpgradeCandidate, "gap" | "gapKind">, m: Messages, numbers: Intl.NumberFormat): string {
  const { locale } = numbers.resolvedOptions();
  const g = m.pane.upgrade.gap;
  const up = gapShown;
  const money = () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(up(candidate.gap, 2));
  switch (candidate.gapKind) {
    case "revenue":
      return g.revenue(money());
    case "margin":
      return g.margin(money());
    case "orders": {
      const orders = up(candidate.gap, 0);
      return g.orders(orders, new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(orders));
    }
    case "points": {
      // A tenth of a point from 1 up; below that two significant digits (percentile scores are dense, so a
      // gap of 0.003 points is common and "0.1" would overstate it).
      const places = candidate.gap >= 1 || !(candidate.gap > 0) ? 1 : 1 - Math.floor(Math.log10(candidate.gap));
      return g.points(new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: places }).format(up(candidate.gap, places)));
    }
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
      <Caption1>{u.hint}</Caption1>
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
