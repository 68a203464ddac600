/**
 * The browser preview (preview.html, served by `npm start`): the real task pane beside a drawing of the in-memory
 * stand-in workbook, loaded with a sample of the UCI Online Retail data, or with `?data=cdnow` the CDNOW purchases
 * of 1997 as two half-year sheets (src/preview/datasets.ts). The pane talks to the stand-in through the same
 * WorkbookPort implementation it uses in Excel (src/excel over `Excel.run`), so the whole flow can be tried without
 * Excel. `window.tieringPreview` exposes the stand-in's inspection API for the e2e tests.
 */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { Body1, FluentProvider, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { fluentTheme, type ThemeKind } from "../taskpane/theme";
import { columnLetters, createStandIn, type StandIn } from "../standin";
import { createWorkbookPort } from "../excel/jobs";
import type { WorkbookPort } from "../excel/port";
import { messages, resolveLocale, type Locale } from "../i18n";
import { App } from "../taskpane/App";
import { WorkbookView } from "./WorkbookView";
import { DATA_SETS, dataSetName, type DataSetName } from "./datasets";

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

/**
 * `?theme=dark` (or `colorful`, `light`): the Office theme the pane would read from Office.context.officeTheme
 * in Excel (index.tsx), so the dark pane can be seen and tested outside Office.
 * https://learn.microsoft.com/javascript/api/office/office.officetheme
 */
export function previewThemeKind(param: string | null): ThemeKind {
  return param === "dark" || param === "colorful" ? param : "light";
}

function Preview({ book, port, initialLocale, dataSet, theme }: { book: StandIn; port: WorkbookPort; initialLocale: Locale; dataSet: DataSetName; theme: ThemeKind }) {
  const styles = useStyles();
  const [locale, setLocale] = useState(initialLocale);
  const m = messages(locale);
  const version = useWorkbookVersion(book);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = m.pane.preview.title;
  }, [locale, m]);
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={locale}>
      <div className={styles.page}>
        <header className={styles.banner}>
          <Title3 as="h1" className={styles.title}>
            {m.pane.preview.title}
          </Title3>
          <Body1>{dataSet === "cdnow" ? m.pane.preview.introCdnow : m.pane.preview.intro}</Body1>
        </header>
        <div className={styles.body}>
          <section className={styles.workbook} aria-label={m.pane.preview.workbook} data-testid="workbook">
            <WorkbookView model={book.model} m={m} locale={locale} version={version} />
          </section>
          <div className={styles.pane} data-testid="pane">
            <App initialLocale={initialLocale} theme={theme} port={port} onLocaleChange={setLocale} />
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
  const dataSet = dataSetName(params.get("data"));
  const source = DATA_SETS[dataSet];
  try {
    const response = await fetch(source.url);
    if (!response.ok) throw new Error(`${source.url}: HTTP ${response.status}`);
    const text = await response.text();
    if (source.kind === "csv") {
      const sheet = book.addSheetFromCsv(source.sheet!, text);
      const used = sheet.usedBox();
      if (used) book.addTable(source.sheet!, `A1:${columnLetters(used.c1)}${used.r1 + 1}`, source.table!);
      book.select(source.sheet!, "A1");
    } else {
      const specs = source.sheets!(text);
      for (const spec of specs) {
        const formats = spec.rows.map((_, i) => (i === 0 ? spec.formats.map(() => "@") : spec.formats));
        book.addSheet(spec.sheet, spec.rows, { numberFormats: formats });
        book.addTable(spec.sheet, `A1:${columnLetters(spec.formats.length - 1)}${spec.rows.length}`, spec.table);
      }
      book.select(specs[0].sheet, "A1");
    }
  } catch (error) {
    // Without ../shared/data at build time there is no sample: the preview still opens, on an empty sheet.
    console.warn("Tiering preview: no sample data", error);
    window.tieringPreview.error = String(error);
    book.addSheet("Sheet1");
  }
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<Preview book={book} port={port} initialLocale={locale} dataSet={dataSet} theme={previewThemeKind(params.get("theme"))} />);
  window.tieringPreview.ready = true;
}

void main();
