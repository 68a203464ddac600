import { useCallback, useEffect, useMemo, useState } from "react";
import {
  Button,
  Divider,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { onNotice, type Notice } from "../excel/notices";
import type { LevelsSettings, WorkbookPort } from "../excel/port";
import { messages, type Locale, type Messages } from "../i18n";
import { AnalysisSection } from "./components/AnalysisSection";
import { ModelCheckPanel } from "./components/ModelCheckPanel";
import { ChartSection } from "./components/ChartSection";
import { DataSection } from "./components/DataSection";
import { DynamicSection } from "./components/dynamic/DynamicSection";
import { OverTimeSection } from "./components/overtime/OverTimeSection";
import { LevelsSection } from "./components/levels/LevelsSection";
import { FunctionList, type FunctionHelp } from "./components/FunctionList";
import { Header } from "./components/Header";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { PlaybookSection } from "./components/PlaybookSection";
import { CostsSection } from "./components/CostsSection";
import { RunSection } from "./components/RunSection";
import { OverridesPanel } from "./components/OverridesPanel";
import { useDynamic } from "./hooks/useDynamic";
import { useOverTime } from "./hooks/useOverTime";
import { useModelCheck } from "./hooks/useModelCheck";
import { useLevels } from "./hooks/useLevels";
import { settingsFromForm } from "./form";
import { usePane } from "./hooks/usePane";
import { pilotStrategy, tierChoices } from "./dynamic";
import { fluentTheme, type ThemeKind } from "./theme";

export type { ThemeKind } from "./theme";

export interface AppProps {
  /** The pane's first language, from Office's display language (index.tsx resolves it). */
  initialLocale: Locale;
  /** Follows the Office theme; index.tsx reads it from the host. */
  theme: ThemeKind;
  /** The workbook: Office.js in Excel, the in-memory stand-in in the preview; null outside both. */
  port?: WorkbookPort | null;
  /** Where the logo is served from; the manifest's assets folder by default. */
  logo?: string;
  /** Told when the person switches the language (the browser preview follows the pane). */
  onLocaleChange?: (locale: Locale) => void;
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // Fluent's Divider grows to fill a flex container; here it is only a rule between sections.
  divider: { flexGrow: 0 },
});

/** The worksheet functions, in the order a new user meets them. Names are the same in every language. */
function functionHelp(m: Messages): FunctionHelp[] {
  return [
    { name: "TIER.RFM", help: m.pane.rfmHelp },
    { name: "TIER.RFMSCORE", help: m.pane.rfmScoreHelp },
    { name: "TIER.ABCCLASS", help: m.pane.abcHelp },
    { name: "TIER.ABCNEXT", help: m.pane.abcNextHelp },
    { name: "TIER.SCORE", help: m.pane.scoreHelp },
    { name: "TIER.CLV", help: m.pane.clvHelp },
    { name: "TIER.CLVPREDICT", help: m.pane.clvPredictHelp },
    { name: "TIER.CLVFIT", help: m.pane.clvFitHelp },
    { name: "TIER.PALIVE", help: m.pane.pAliveHelp },
    { name: "TIER.LIFECYCLE", help: m.pane.lifecycleHelp },
    { name: "TIER.MIGRATION", help: m.pane.migrationHelp },
    { name: "TIER.PILOT", help: m.pane.pilotHelp },
  ];
}

/** The Tiering task pane. Knows nothing of Office: host facts and the workbook arrive as props. */
export function App({ initialLocale, theme, port = null, logo = "assets/icon-32.png", onLocaleChange }: AppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const m = messages(locale);
  const numbers = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const pane = usePane(port, locale);
  const busy = pane.run.kind === "busy";
  const charting = pane.chart.kind === "busy";
  const dynamic = useDynamic(port, locale, pane.run.kind === "done" ? pane.run : null);
  // Over time reads the form as Run does (the same settings) and the snapshot list Compare reads.
  const formSettings = useCallback(() => settingsFromForm(pane.form, pane.preview?.header.length ?? 0), [pane.form, pane.preview]);
  const overTime = useOverTime({ port, locale, settings: formSettings, snapshots: dynamic.snapshots, onHistoryChanged: dynamic.reload });
  // "Check the model" (issue 13 §2) judges the Predict section's model and unit on the form's data.
  const check = useModelCheck({ port, locale, settings: formSettings, unit: pane.form.unit, model: pane.form.model });
  // Membership levels (issue 15 §1) on the form's data; the policy used goes into the form, so a run's saved settings keep it.
  const update = pane.update;
  const onPolicy = useCallback((levelPolicy: LevelsSettings) => update({ levelPolicy }), [update]);
  const levels = useLevels({ port, locale, settings: formSettings, saved: pane.form.levelPolicy, onPolicy });
  // One workbook job at a time from the pane (the port queues them too): Run, a chart, a Compare & pilot, an Over time job, a model check or levels.
  const dynamicBusy = dynamic.busy || overTime.busy || check.busy || levels.busy;
  // What the ribbon's commands have to say (e.g. why "Build tier chart" could not build), see notices.ts.
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => (typeof window === "undefined" ? undefined : onNotice(window, setNotice)), []);
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={locale}>
      <main className={styles.root}>
        <Header logo={logo} logoAlt={m.product.name} title={m.pane.welcomeTitle} message={m.pane.welcomeBody} />
        {notice && (
          <MessageBar intent={notice.intent} layout="multiline" role={notice.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>{notice.message}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="transparent" size="small" onClick={() => setNotice(null)}>
                {m.pane.dismiss}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {port ? (
          <>
            <DataSection
              m={m}
              numbers={numbers}
              form={pane.form}
              preview={pane.preview}
              tables={pane.tables}
              dataError={pane.dataError}
              busy={busy}
              onUseSelection={() => void pane.takeSelection()}
              onTable={(name) => void pane.chooseTable(name)}
              onTablesOpen={() => void pane.refreshTables()}
              onHasHeader={(hasHeader) => void pane.setHasHeader(hasHeader)}
              onMapping={(mapping) => pane.update({ mapping })}
            />
            <Divider className={styles.divider} />
            <AnalysisSection
              m={m}
              form={pane.form}
              busy={busy}
              update={pane.update}
              predictExtra={<ModelCheckPanel m={m} state={check} off={busy || charting || dynamic.busy || overTime.busy || levels.busy} />}
            />
            <OverridesPanel
              m={m}
              locale={locale}
              port={port}
              summary={pane.run.kind === "done" ? pane.run.report.overrides : undefined}
              off={busy || charting || dynamicBusy}
              onSelectCell={(cell) => void pane.selectCell(cell)}
            />
            <Divider className={styles.divider} />
            <PlaybookSection m={m} form={pane.form} busy={busy} update={pane.update} />
            <Divider className={styles.divider} />
            <CostsSection m={m} form={pane.form} busy={busy} update={pane.update} />
            <Divider className={styles.divider} />
            <RunSection
              m={m}
              numbers={numbers}
              run={pane.run}
              restored={pane.restored}
              disabled={dynamicBusy || charting}
              onRun={() => void pane.startRun()}
              onCancel={pane.cancel}
              onSelectCell={(cell) => void pane.selectCell(cell)}
            />
            <Divider className={styles.divider} />
            <ChartSection
              m={m}
              kind={pane.chartKind}
              chart={pane.chart}
              disabled={busy || dynamicBusy}
              onKind={pane.setChartKind}
              onBuild={() => void pane.buildChart()}
            />
            <Divider className={styles.divider} />
            <DynamicSection
              m={m}
              state={dynamic}
              actions={dynamic}
              tiersOf={(snapshot) => tierChoices(snapshot, m)}
              strategyFor={(tier) => pilotStrategy(tier, pane.form, m)}
              busy={busy || charting || overTime.busy || check.busy || levels.busy}
            />
            <Divider className={styles.divider} />
            <OverTimeSection m={m} state={overTime} actions={overTime} snapshots={dynamic.snapshots ?? []} busy={busy || charting || dynamic.busy || check.busy || levels.busy} />
            <Divider className={styles.divider} />
            <LevelsSection m={m} state={levels} busy={busy || charting || dynamic.busy || overTime.busy || check.busy} />
          </>
        ) : (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{m.pane.noWorkbook}</MessageBarBody>
          </MessageBar>
        )}
        <Divider className={styles.divider} />
        <FunctionList heading={m.pane.functionsHeading} functions={functionHelp(m)} />
        <Divider className={styles.divider} />
        <LanguageSwitch
          label={m.pane.languageLabel}
          locale={locale}
          names={{ en: m.pane.languageEnglish, "zh-CN": m.pane.languageChinese }}
          onChange={(next) => {
            setLocale(next);
            onLocaleChange?.(next);
          }}
        />
      </main>
    </FluentProvider>
  );
}

export default App;
