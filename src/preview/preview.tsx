/**
 * The browser preview (preview.html, served by `npm start`): the real task pane beside a drawing of the in-memory
 * stand-in workbook, loaded with a sample of the UCI Online Retail data. The pane talks to the stand-in through
 * the same WorkbookPort implementation it uses in Excel (src/excel over `Excel.run`), so the whole flow can be
 * tried without Excel. `window.tieringPreview` exposes the stand-in's inspection API for the e2e tests.
 */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { Body1, FluentProvider, Title3, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { columnLetters, createStandIn, type StandIn } from "../../test/support/excel-standin";
import { createWorkbookPort } from "../excel/workbook";
import type { WorkbookPort } from "../excel/port";
import { messages, resolveLocale, type Locale } from "../i18n";
import { App } from "../taskpane/App";
import { WorkbookView } from "./WorkbookView";

/** Where webpack copies the sample (from ../shared/data). */
export const SAMPLE_URL = "sample/online_retail_sample_20k.csv";
export const SAMPLE_SHEET = "Online Retail";
export const SAMPLE_TABLE = "OnlineRetail";

declare global {
  interface Window {
    tieringPreview?: { book: StandIn; port: WorkbookPort; ready: boolean; error: string | null };
  }
}

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  banner: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0 },
  body: { display: "flex", flexGrow: 1, alignItems: "stretch", minHeight: 0 },
  workbook: { flexGrow: 1, minWidth: 0, padding: tokens.spacingHorizontalL, overflow: "auto" },
  pane: {
    flexShrink: 0,
    width: "380px",
    maxHeight: "100vh",
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    position: "sticky",
    top: 0,
  },
});

/** The workbook changed when a sync ran or the selection or active sheet moved: draw it again. */
function useWorkbookVersion(book: StandIn): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let last = "";
    const timer = setInterval(() => {
      const now = `${book.model.syncs.length}|${book.selection()?.address ?? ""}|${book.selection()?.sheet ?? ""}|${book.activeSheet() ?? ""}`;
      if (now !== last) {
        last = now;
        setVersion((v) => v + 1);
      }
    }, 150);
    return () => clearInterval(timer);
  }, [book]);
  return version;
}

function Preview({ book, port, initialLocale }: { book: StandIn; port: WorkbookPort; initialLocale: Locale }) {
  const styles = useStyles();
  const [locale, setLocale] = useState(initialLocale);
  const m = messages(locale);
  const version = useWorkbookVersion(book);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = m.pane.preview.title;
  }, [locale, m]);
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <div className={styles.page}>
        <header className={styles.banner}>
          <Title3 as="h1" className={styles.title}>
            {m.pane.preview.title}
          </Title3>
          <Body1>{m.pane.preview.intro}</Body1>
        </header>
        <div className={styles.body}>
          <section className={styles.workbook} aria-label={m.pane.preview.workbook} data-testid="workbook">
            <WorkbookView model={book.model} m={m} locale={locale} version={version} />
          </section>
          <div className={styles.pane} data-testid="pane">
            <App initialLocale={initialLocale} theme="light" port={port} onLocaleChange={setLocale} />
          </div>
        </div>
      </div>
    </FluentProvider>
  );
}

async function main() {
  const params = new URLSearchParams(location.search);
  const locale = resolveLocale(params.get("lang") ?? navigator.language);
  const book = createStandIn();
  const port = createWorkbookPort(book.host);
  window.tieringPreview = { book, port, ready: false, error: null };
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`${SAMPLE_URL}: HTTP ${response.status}`);
    const sheet = book.addSheetFromCsv(SAMPLE_SHEET, await response.text());
    const used = sheet.usedBox();
    if (used) book.addTable(SAMPLE_SHEET, `A1:${columnLetters(used.c1)}${used.r1 + 1}`, SAMPLE_TABLE);
    book.select(SAMPLE_SHEET, "A1");
  } catch (error) {
    // Without ../shared/data at build time there is no sample: the preview still opens, on an empty sheet.
    console.warn("Tiering preview: no sample data", error);
    window.tieringPreview.error = String(error);
    book.addSheet("Sheet1");
  }
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<Preview book={book} port={port} initialLocale={locale} />);
  window.tieringPreview.ready = true;
}

void main();
