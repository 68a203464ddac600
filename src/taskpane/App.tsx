import { useState } from "react";
import { Divider, FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { messages, type Locale, type Messages } from "../i18n";
import { Header } from "./components/Header";
import { FunctionList, type FunctionHelp } from "./components/FunctionList";
import { LanguageSwitch } from "./components/LanguageSwitch";

export type ThemeKind = "light" | "dark";

export interface AppProps {
  /** The pane's first language, from Office's display language (index.tsx resolves it). */
  initialLocale: Locale;
  /** Follows the Office theme; index.tsx reads it from the host. */
  theme: ThemeKind;
  /** Where the logo is served from; the manifest's assets folder by default. */
  logo?: string;
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  // Fluent's Divider grows to fill a flex container; here it is only a rule between sections.
  divider: { flexGrow: 0 },
});

/** The four worksheet functions, in the order a new user meets them. Names are the same in every language. */
function functionHelp(m: Messages): FunctionHelp[] {
  return [
    { name: "TIER.RFM", help: m.pane.rfmHelp },
    { name: "TIER.RFMSCORE", help: m.pane.rfmScoreHelp },
    { name: "TIER.ABCCLASS", help: m.pane.abcHelp },
    { name: "TIER.CLV", help: m.pane.clvHelp },
  ];
}

/** The Tiering task pane. Knows nothing of Office: host facts arrive as props. */
export function App({ initialLocale, theme, logo = "assets/icon-32.png" }: AppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const m = messages(locale);
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={locale}>
      <main className={styles.root}>
        <Header logo={logo} logoAlt={m.product.name} title={m.pane.welcomeTitle} message={m.pane.welcomeBody} />
        <FunctionList heading={m.pane.functionsHeading} functions={functionHelp(m)} />
        <Divider className={styles.divider} />
        <LanguageSwitch
          label={m.pane.languageLabel}
          locale={locale}
          names={{ en: m.pane.languageEnglish, "zh-CN": m.pane.languageChinese }}
          onChange={setLocale}
        />
      </main>
    </FluentProvider>
  );
}

export default App;
