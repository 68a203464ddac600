import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { GroupComparison, MigrationReport, PilotComparisonReport, PilotInfo, SnapshotInfo } from "../../excel/port";
import type { Messages } from "../../i18n";
import { verdict, type PilotDraft } from "../dynamic";
import { describePilotProblem } from "../../i18n/pane-problems";
import type { PlaybookTier } from "../playbook";
import type { DynamicActions, DynamicState } from "../hooks/useDynamic";
import { Section } from "./Section";

const useStyles = makeStyles({
  part: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  subheading: { margin: 0 },
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: "start",
  },
  control: { minWidth: "0", width: "100%" },
  /** Snapshot and pilot names are long: one dropdown a line. */
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  stats: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(96px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  stat: { display: "flex", flexDirection: "column", margin: 0 },
  statLabel: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  statValue: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { tableLayout: "auto" },
  number: { textAlign: "end", whiteSpace: "nowrap" },
  /** Headers may wrap ("Revenue change"), so the table stays in the pane's width. */
  numberHeader: { textAlign: "end", verticalAlign: "bottom", "& > div": { justifyContent: "flex-end" } },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  text: { margin: 0 },
});

export interface DynamicSectionProps {
  m: Messages;
  state: DynamicState;
  actions: DynamicActions;
  /** The tiers a pilot can be picked in, for a snapshot. */
  tiersOf(snapshot: SnapshotInfo | undefined): PlaybookTier[];
  /** The playbook's strategy for a tier: what the pilot form starts from when the tier is chosen. */
  strategyFor(tier: PlaybookTier): string;
  /** The pane is running the analysis or building a chart: nothing here may start meanwhile. */
  busy: boolean;
}

/** Number formats for the pane's language. */
function formats(m: Messages) {
  const locale = m.locale;
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const signedMoney = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
  // Revenue changes of whole tiers run to millions: compact ("-663.1K", "-66.3万") keeps the table in the pane's width.
  const signedCompact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const safe = (format: Intl.NumberFormat) => (value: number) => (Number.isFinite(value) ? format.format(value) : m.pane.dynamic.missing);
  return {
    whole: safe(whole),
    percent: safe(percent),
    signedPercent: safe(signedPercent),
    money: safe(money),
    signedMoney: safe(signedMoney),
    signedCompact: safe(signedCompact),
  };
}

function snapshotLabel(snapshot: SnapshotInfo, m: Messages, whole: (n: number) => string): string {
  const d = m.pane.dynamic;
  return d.snapshotOption(snapshot.asOf, d.tierBy[snapshot.tierBy], whole(snapshot.customers));
}

/** A dropdown of snapshots, named by its field label. */
function SnapshotPicker(props: {
  label: string;
  m: Messages;
  snapshots: SnapshotInfo[];
  value: string | null;
  disabled: boolean;
  onChange(id: string): void;
}) {
  const styles = useStyles();
  const { whole } = formats(props.m);
  const chosen = props.snapshots.find((s) => s.id === props.value);
  return (
    <Field label={props.label}>
      <Dropdown
        className={styles.control}
        placeholder={props.m.pane.dynamic.choose}
        value={chosen ? snapshotLabel(chosen, props.m, whole) : ""}
        selectedOptions={chosen ? [chosen.id] : []}
        disabled={props.disabled}
        onOptionSelect={(_, data) => {
          if (data.optionValue) props.onChange(data.optionValue);
        }}
      >
        {props.snapshots.map((s) => (
          <Option key={s.id} value={s.id}>
            {snapshotLabel(s, props.m, whole)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function Failure({ title, message }: { title: string; message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
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

/**
 * The pilot's and control's repurchase and revenue change, the difference and its interval, and what it means.
 * `tierLabel`: the pilot's tier in the pane's current language (the report's is in the language it was made in).
 */
function PilotResult({ m, report, tierLabel }: { m: Messages; report: PilotComparisonReport; tierLabel: string }) {
  const styles = useStyles();
  const d = m.pane.dynamic;
  const f = formats(m);
  const confidence = f.percent(report.confidence);
  const rows: { key: "repurchase" | "revenue"; g: GroupComparison; value(n: number): string; diff(n: number): string }[] = [
    { key: "repurchase", g: report.repurchase, value: f.percent, diff: f.signedPercent },
    { key: "revenue", g: report.revenue, value: f.money, diff: f.signedMoney },
  ];
  return (
    <div className={styles.part} data-testid="pilot-comparison">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>{d.measureDone(report.sheet)}</MessageBarBody>
      </MessageBar>
      <Table
        size="extra-small"
        className={styles.table}
        aria-label={d.comparisonCaption(tierLabel, report.pilot.asOf, report.after.asOf)}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{d.comparison.measure}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.comparison.pilot}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.comparison.control}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.comparison.difference}</TableHeaderCell>
            <TableHeaderCell className={styles.numberHeader}>{d.comparison.interval(confidence)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ key, g, value, diff }) => (
            <TableRow key={key}>
              <TableCell>{d.measures[key]}</TableCell>
              <TableCell className={styles.number}>{value(g.pilot)}</TableCell>
              <TableCell className={styles.number}>{value(g.control)}</TableCell>
              <TableCell className={styles.number}>{diff(g.difference)}</TableCell>
              <TableCell className={styles.number}>{d.interval(diff(g.low), diff(g.high))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1 as="p" className={styles.text}>
        {d.groupSizes(f.whole(report.pilot.pilot), f.whole(report.pilot.control))}
      </Caption1>
      {rows.map(({ key, g }) => {
        const v = verdict(g);
        return (
          <Body1 as="p" key={key} className={styles.text} data-testid={`verdict-${key}`} data-verdict={v}>
            {v === "none" ? d.verdicts.none(d.measures[key]) : d.verdicts[v](d.measures[key], confidence)}
          </Body1>
        );
      })}
    </div>
  );
}

function pilotLabel(p: PilotInfo, m: Messages): string {
  return m.pane.dynamic.pilotOption(p.tierLabel, p.asOf, formats(m).percent(p.share), String(p.seed));
}

/** Compare & pilot: the tier migration between two snapshots, picking a pilot group, and measuring it. */
export function DynamicSection({ m, state, actions, tiersOf, strategyFor, busy }: DynamicSectionProps) {
  const styles = useStyles();
  const d = m.pane.dynamic;
  const f = formats(m);
  const snapshots = state.snapshots ?? [];
  const comparing = state.migration.kind === "busy";
  const picking = state.pick.kind === "busy";
  const measuring = state.comparison.kind === "busy";
  const off = busy || comparing || picking || measuring;
  const draft = state.pilotDraft;
  const pilotSnapshot = snapshots.find((s) => s.id === draft.snapshotId);
  const tiers = tiersOf(pilotSnapshot);
  const tier = tiers.find((t) => t.key === draft.tier);
  const number = (field: "share" | "controlShare" | "seed", hint?: string) => (
    <Field label={d[field]} hint={hint}>
      <Input
        className={styles.control}
        inputMode={field === "seed" ? "numeric" : "decimal"}
        value={draft[field]}
        disabled={off}
        onChange={(_, data) => actions.updatePilot({ [field]: data.value } as Partial<PilotDraft>)}
      />
    </Field>
  );
  const measuredPilot = state.pilots.find((p) => p.id === state.measurePilot);
  // A pilot's tier as the latest list names it (the list is read again when the language changes).
  const tierLabelOf = (pilot: PilotInfo) => state.pilots.find((p) => p.id === pilot.id)?.tierLabel ?? pilot.tierLabel;
  return (
    <Section id="tiering-dynamic" heading={d.heading}>
      <Caption1 as="p" className={styles.text}>
        {d.intro}
      </Caption1>
      {state.listError && <Failure title={d.listFailed} message={state.listError} />}

      <div className={styles.part} role="group" aria-labelledby="tiering-migration-heading">
        <Body1Strong as="h3" id="tiering-migration-heading" className={styles.subheading}>
          {d.migrationHeading}
        </Body1Strong>
        {state.snapshots === null ? (
          <Spinner size="tiny" labelPosition="after" label={d.loading} />
        ) : snapshots.length < 2 ? (
          <Body1 as="p" className={styles.text}>
            {snapshots.length === 0 ? d.noSnapshots : d.oneSnapshot}
          </Body1>
        ) : (
          <>
            <div className={styles.stack}>
              <SnapshotPicker label={d.earlier} m={m} snapshots={snapshots} value={state.before} disabled={off} onChange={actions.setBefore} />
              <SnapshotPicker label={d.later} m={m} snapshots={snapshots} value={state.after} disabled={off} onChange={actions.setAfter} />
            </div>
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

      {snapshots.length > 0 && (
        <div className={styles.part} role="group" aria-labelledby="tiering-pilot-heading">
          <Body1Strong as="h3" id="tiering-pilot-heading" className={styles.subheading}>
            {d.pilotHeading}
          </Body1Strong>
          <Caption1 as="p" className={styles.text}>
            {d.pilotIntro}
          </Caption1>
          <SnapshotPicker
            label={d.snapshot}
            m={m}
            snapshots={snapshots}
            value={draft.snapshotId}
            disabled={off}
            onChange={(id) => actions.updatePilot({ snapshotId: id })}
          />
          <div className={styles.row}>
            <Field label={d.tier}>
              <Dropdown
                className={styles.control}
                placeholder={d.chooseTier}
                value={tier?.label ?? ""}
                selectedOptions={tier ? [tier.key] : []}
                disabled={off || tiers.length === 0}
                onOptionSelect={(_, data) => {
                  const chosen = tiers.find((t) => t.key === data.optionValue);
                  if (chosen) actions.updatePilot({ tier: chosen.key, strategy: strategyFor(chosen) });
                }}
              >
                {tiers.map((t) => (
                  <Option key={t.key} value={t.key}>
                    {t.label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {number("share")}
            {number("controlShare")}
            {number("seed", d.seedHint)}
          </div>
          <Field label={d.strategy}>
            <Textarea
              resize="vertical"
              value={draft.strategy}
              disabled={off}
              onChange={(_, data) => actions.updatePilot({ strategy: data.value })}
            />
          </Field>
          <div className={styles.buttons}>
            <Button onClick={() => void actions.pickPilot()} disabled={off}>
              {d.pick}
            </Button>
            {picking && <Spinner size="tiny" labelPosition="after" label={d.picking} />}
          </div>
          {state.pick.kind === "invalid" && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{d.cannotPick}</MessageBarTitle>
                <ul className={styles.list}>
                  {state.pick.problems.map((problem, i) => (
                    <li key={i}>{describePilotProblem(problem, m)}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {state.pick.kind === "failed" && <Failure title={d.pickFailed} message={state.pick.message} />}
          {state.pick.kind === "done" && (
            <MessageBar intent="success" layout="multiline" data-testid="pilot-picked">
              <MessageBarBody>
                {d.pilotDone(f.whole(state.pick.report.pilot), f.whole(state.pick.report.control), tierLabelOf(state.pick.report), state.pick.report.sheet)}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}

      {snapshots.length > 0 && (
        <div className={styles.part} role="group" aria-labelledby="tiering-measure-heading">
          <Body1Strong as="h3" id="tiering-measure-heading" className={styles.subheading}>
            {d.measureHeading}
          </Body1Strong>
          {state.pilots.length === 0 ? (
            <Body1 as="p" className={styles.text}>
              {d.noPilots}
            </Body1>
          ) : (
            <>
              <div className={styles.stack}>
                <Field label={d.pilot}>
                  <Dropdown
                    className={styles.control}
                    value={measuredPilot ? pilotLabel(measuredPilot, m) : ""}
                    selectedOptions={measuredPilot ? [measuredPilot.id] : []}
                    disabled={off}
                    onOptionSelect={(_, data) => {
                      if (data.optionValue) actions.setMeasurePilot(data.optionValue);
                    }}
                  >
                    {state.pilots.map((p) => (
                      <Option key={p.id} value={p.id}>
                        {pilotLabel(p, m)}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
                <SnapshotPicker
                  label={d.measureIn}
                  m={m}
                  snapshots={snapshots}
                  value={state.measureSnapshot}
                  disabled={off}
                  onChange={actions.setMeasureSnapshot}
                />
              </div>
              <div className={styles.buttons}>
                <Button onClick={() => void actions.measure()} disabled={off || !state.measurePilot || !state.measureSnapshot}>
                  {d.measure}
                </Button>
                {measuring && <Spinner size="tiny" labelPosition="after" label={d.measuring} />}
              </div>
            </>
          )}
          {state.comparison.kind === "failed" && <Failure title={d.measureFailed} message={state.comparison.message} />}
          {state.comparison.kind === "done" && <PilotResult m={m} report={state.comparison.report} tierLabel={tierLabelOf(state.comparison.report.pilot)} />}
        </div>
      )}
    </Section>
  );
}
