/** The pane renders every text from the catalog of its language (server-side rendering, no DOM needed). */
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";
import { messages, type Locale } from "../../src/i18n";

/** Text as React writes it into HTML. */
const html = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

const FUNCTIONS = ["TIER.RFM", "TIER.RFMSCORE", "TIER.ABCCLASS", "TIER.CLV"];

describe.each<Locale>(["en", "zh-CN"])("App in %s", (locale) => {
  const m = messages(locale);
  const other = messages(locale === "en" ? "zh-CN" : "en");
  const page = renderToString(<App initialLocale={locale} theme="light" />);

  it("shows the welcome, the four functions with their help and the language switch in that language", () => {
    const texts = [
      m.pane.welcomeTitle,
      m.pane.welcomeBody,
      m.pane.functionsHeading,
      m.pane.rfmHelp,
      m.pane.rfmScoreHelp,
      m.pane.abcHelp,
      m.pane.clvHelp,
      m.pane.languageLabel,
      m.pane.languageEnglish,
      m.pane.languageChinese,
      ...FUNCTIONS,
    ];
    for (const text of texts) expect(page, text).toContain(html(text));
  });

  it("shows none of the other language's pane texts", () => {
    for (const key of ["welcomeTitle", "welcomeBody", "functionsHeading", "rfmHelp", "abcHelp", "clvHelp"] as const) {
      expect(page).not.toContain(html(other.pane[key]));
    }
  });

  it("marks its language and checks it in the switch", () => {
    expect(page).toContain(`lang="${locale}"`);
    expect(page).toMatch(new RegExp(`<input[^>]*value="${locale}"[^>]*checked=""|<input[^>]*checked=""[^>]*value="${locale}"`));
  });
});

describe("App themes", () => {
  it("renders in the dark theme too", () => {
    const light = renderToString(<App initialLocale="en" theme="light" />);
    const dark = renderToString(<App initialLocale="en" theme="dark" />);
    expect(dark).toContain(html(messages("en").pane.welcomeTitle));
    expect(dark).not.toBe(light);
  });
});
