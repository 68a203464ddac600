/**
 * Entry of the task pane page. The only place in src/taskpane that reads Office: it turns the host's display
 * language and theme into plain props for <App>. Outside Office (a plain browser, the e2e tests) it falls back
 * to the browser's language and a light theme.
 */
import { createRoot } from "react-dom/client";
import { messages, resolveLocale } from "../i18n";
import { App, type ThemeKind } from "./App";

interface HostFacts {
  language: string | undefined;
  theme: ThemeKind;
}

/** Dark when Office says so, or when its body background is darker than mid grey. */
function themeOf(officeTheme: Office.OfficeTheme | undefined): ThemeKind {
  if (!officeTheme) return "light";
  const flagged: unknown = officeTheme.isDarkTheme; // missing on older hosts
  if (typeof flagged === "boolean") return flagged ? "dark" : "light";
  const hex = /^#?([0-9a-f]{6})$/i.exec(officeTheme.bodyBackgroundColor ?? "");
  if (!hex) return "light";
  const value = parseInt(hex[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
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

function render(facts: HostFacts) {
  const locale = resolveLocale(facts.language);
  document.documentElement.lang = locale;
  document.title = messages(locale).product.name;
  root?.render(<App initialLocale={locale} theme={facts.theme} />);
}

if (typeof Office === "undefined") {
  render(hostFacts());
} else {
  // Excel raises no theme-change event for task panes (OfficeThemeChanged is Outlook's): the theme is read once.
  Office.onReady(() => render(hostFacts()));
}
