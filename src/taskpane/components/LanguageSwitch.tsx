import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { Locale } from "../../i18n";

export interface LanguageSwitchProps {
  label: string;
  locale: Locale;
  /** Each language's name in its own language. */
  names: Record<Locale, string>;
  onChange: (locale: Locale) => void;
}

const LOCALES: readonly Locale[] = ["en", "zh-CN"];

/** Chooses the pane's language; starts at Office's display language. */
export function LanguageSwitch({ label, locale, names, onChange }: LanguageSwitchProps) {
  return (
    <Field label={label}>
      <RadioGroup
        layout="horizontal"
        value={locale}
        onChange={(_, data) => {
          if (LOCALES.includes(data.value as Locale)) onChange(data.value as Locale);
        }}
      >
        {LOCALES.map((value) => (
          <Radio key={value} value={value} label={{ children: names[value], lang: value }} />
        ))}
      </RadioGroup>
    </Field>
  );
}
