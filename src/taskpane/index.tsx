/**
 * Entry of the task pane page. The only place in src/taskpane that reads Office: it turns the host's display
 * language and theme into plain props for <App>, and in Excel gives it the workbook port over Excel.run. Outside Office (a plain browser, the e2e tests) it falls back
 * to the browser's language and a light theme.
 */
import { createRoot } from "react-dom/client";
import { officeHost } from "../excel/host";
import type { WorkbookPort } from "../excel/port";
import { createWorkbookPort } from "../excel/jobs";
import { messages, resolveLocale } from "../i18n";
import { App } from "./App";
import { themeKindOf, type ThemeKind } from "./theme";

interface HostFacts {
  language: string | undefined;
  theme: ThemeKind;
}

/** Office's theme as plain facts; `themeId` and `isDarkTheme` are missing on older hosts. */
function themeOf(officeTheme: Office.OfficeTheme | undefined): ThemeKind {
  if (!officeTheme) return "light";
  // Office.ThemeId's names ("Colorful", "DarkGray" …), whatever values the host gives them.
  const ids: Record<string, unknown> = (typeof Office !== "undefined" && (Office as { ThemeId?: Record<string, unknown> }).ThemeId) || {};
  const themeName = Object.keys(ids).find((name) => officeTheme.themeId !== undefined && ids[name] === officeTheme.themeId);
  return themeKindOf({ isDarkTheme: officeTheme.isDarkTheme, themeName, bodyBackgroundColor: officeTheme.bodyBackgroundColor });
}

function hostFacts(): HostFacts {
  const browserLanguage = typeof navigator === "undefined" ? undefined : navigator.language;
  try {
    const context = Office.context;
    return {
      language: context?.displayLanguage || browserLanguage,
      theme: themeOf(context?.officeTheme),
    };
  } catch (error) {
    // Office.context throws outside an Office host (a plain browser): use the browser's facts, and say so.
    console.info("Tiering: no Office host, using the browser's language and a light theme", error);
    return { language: browserLanguage, theme: "light" };
  }
}

const container = document.getElementById("container");
const root = container ? createRoot(container) : undefined;

function render(facts: HostFacts, port: WorkbookPort | null) {
  const locale = resolveLocale(facts.language);
  document.documentElement.lang = locale;
  document.title = messages(locale).product.name;
  root?.render(<App initialLocale={locale} theme={facts.theme} port={port} />);
}

if (typeof Office === "undefined") {
  render(hostFacts(), null);
} else {
  // Excel raises no theme-change event for task panes (OfficeThemeChanged is Outlook's): the theme is read once.
  // Outside Excel (a plain browser opening taskpane.html) there is no workbook: the pane says so.
  Office.onReady((info) => render(hostFacts(), info.host === Office.HostType.Excel ? createWorkbookPort(officeHost()) : null));
}
