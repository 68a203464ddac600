import { en, type Messages } from "./en";
import { zhCN } from "./zh-CN";

export type { Messages } from "./en";
export type Locale = "en" | "zh-CN";

export const catalogs: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/**
 * Maps an Office display language ("zh-CN", "zh-Hans-CN", "zh-SG", "en-US", …) or a POSIX LANG
 * ("zh_CN.UTF-8") to a catalog. Simplified Chinese for zh-CN/zh-SG/zh-Hans, English otherwise.
 */
export function resolveLocale(language: string | null | undefined): Locale {
  const tag = (language ?? "").replace(/_/g, "-").split(".")[0].toLowerCase();
  if (tag === "zh" || tag.startsWith("zh-cn") || tag.startsWith("zh-sg") || tag.startsWith("zh-hans")) return "zh-CN";
  return "en";
}

export function messages(locale: Locale | string | null | undefined): Messages {
  const key: Locale = locale === "en" || locale === "zh-CN" ? locale : resolveLocale(locale);
  return catalogs[key];
}
