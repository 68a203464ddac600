/**
 * The migration panel: two snapshots, Compare, and how customers moved between their tiers. Its own file because
 * the result (rates and per-tier effects) is the largest piece of the section.
 */
import { Body1, Body1Strong, Button, Caption1, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { MigrationReport, UpgradeEconomicsReport } from "../../../excel/port";
import type { Messages } from "../../../i18n";
import type { DynamicActions, DynamicState } from "../../hooks/useDynamic";
import { Failure } from "../Failure";
import { formats, SnapshotPair, useStyles } from "./parts";
import { KeptNote } from "../KeptNote";

/** Issue 15 §3: the Compare sheet's upgrade incentive lines in one sentence. */
export function upgradeLine(m: Messages, e: UpgradeEconomicsReport): string {
  const u = m.compareUpgrades;
  const f = formats(m);
  if (e.upgrades === null || e.cost === null) return u.noOrder;
  if (e.revenueChange === null || e.net === null) return u.noRevenue(f.whole(e.upgrades), f.money(e.costPerUpgrade), f.money(e.cost));
  return u.line(f.whole(e.upgrades), f.money(e.costPerUpgrade), f.money(e.cost), f.signedMoney(e.revenueChange), f.signedMoney(e.net));
}

/** Upgrade, downgrade, stay and gone rates, new customers, and the per-tier effects. */
function MigrationResult({ m, report }: { m: Messages; report: MigrationReport }) {
  const styles = useStyles();
  const d = m.pane.dynamic;
  const f = formats(m);
  const s = report.summary;
  const ordered = Number.isFinite(s.upgradeRate);
  const stats: [string, string][] = [
    ...(ordered
      ? ([
          [d.rates.upgrade, f.percent(s.upgradeRate)],
          [d.rates.downgrade, f.percent(s.downgradeRate)],
        ] as [string, string][])
      : ([[d.rates.changed, f.percent(s.changeRate)]] as [string, string][])),
    [d.rates.stay, f.percent(s.stayRate)],
    [d.rates.gone, f.percent(s.goneRate)],
    [d.rates.newCustomers, f.whole(s.newCustomers)],
  ];
  const caption = d.migrationCaption(f.whole(s.customers), report.before.asOf, report.after.asOf);
  return (
    <div className={styles.part} data-testid="migration-result">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>{d.migrationDone(report.sheet)}</MessageBarBody>
      </MessageBar>
      <KeptNote m={m} report={report} />
      <Caption1 as="p" className={styles.text} id="tiering-migration-caption">
        {caption}
      </Caption1>
      {!ordered && (
        <Caption1 as="p" className={styles.text}>
          {d.unordered}
        </Caption1>
      )}
      <dl className={styles.stats} aria-labelledby="tiering-migration-caption">
        {stats.map(([label, value]) => (
          <div key={label} className={styles.stat}>
            <dt className={styles.statLabel}>{label}</dt>
            <dd className={styles.statValue}>{value}</dd>
          </div>
        ))}
      </dl>
      {report.upgradeEconomics && (
        <Caption1 as="p" className={styles.text} data-testid="migration-upgrades">
          {upgradeLine(m, report.upgradeEconomics)}
        </Caption1>
      )}
      <Table size="extra-small" className={styles.table} aria-label={d.effectsCaption} data-testid="migration-effects">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{d.effects.tier}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.effects.customers}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.effects.retention}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.effects.repurchase}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.effects.revenueChange}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.effects.map((e) => (
            <TableRow key={e.tier}>
              <TableCell>{e.tier}</TableCell>
              <TableCell className={styles.number}>{f.whole(e.customers)}</TableCell>
              <TableCell className={styles.number}>{f.percent(e.retentionRate)}</TableCell>
              <TableCell className={styles.number}>{f.percent(e.repurchaseRate)}</TableCell>
              <TableCell className={styles.number}>{f.signedCompact(e.revenueChange)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** `off`: something in the pane is under way, so Compare waits. */
export function MigrationPanel({ m, state, actions, off }: { m: Messages; state: DynamicState; actions: DynamicActions; off: boolean }) {
  const styles = useStyles();
  const d = m.pane.dynamic;
  const snapshots = state.snapshots ?? [];
  const comparing = state.migration.kind === "busy";
  return (
    <div className={styles.part} role="group" aria-labelledby="tiering-migration-heading">
      <Body1Strong as="h3" id="tiering-migration-heading" className={styles.subheading}>
        {d.migrationHeading}
      </Body1Strong>
      {state.snapshots === null ? (
        <Spinner size="tiny" labelPosition="after" label={d.loading} />
      ) : (
        <SnapshotPair
          m={m}
          snapshots={snapshots}
          labels={{ before: d.earlier, after: d.later }}
          before={state.before}
          after={state.after}
          disabled={off}
          onBefore={actions.setBefore}
          onAfter={actions.setAfter}
        />
      )}
      {snapshots.length >= 2 && (
        <>
          <div className={styles.buttons}>
            <Button
              onClick={() => void actions.compare()}
              disabled={off || !state.before || !state.after || state.before === state.after}
            >
              {d.compare}
            </Button>
            {comparing && <Spinner size="tiny" labelPosition="after" label={d.comparing} />}
          </div>
          {state.before && state.before === state.after && (
            <Body1 as="p" className={styles.text}>
              {d.sameSnapshot}
            </Body1>
          )}
        </>
      )}
      {state.migration.kind === "failed" && <Failure title={d.compareFailed} message={state.migration.message} />}
      {state.migration.kind === "done" && <MigrationResult m={m} report={state.migration.report} />}
    </div>
  );
}
