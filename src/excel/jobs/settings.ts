/**
 * The analysis settings saved in the workbook's document settings, so Run repeats them on new data; a
 * loaded value is checked and normalized (settings.ts) before the pane sees it. One sync each.
 */
import type { Locale } from "../../i18n";
import type { ExcelHost } from "../host";
import type { AnalysisSettings } from "../port";
import { isAnalysisSettings, upgradeSettings, SETTINGS_KEY } from "../settings";
import { job } from "./job";

export function loadSettings(host: ExcelHost, locale: Locale = "en"): Promise<AnalysisSettings | null> {
  return job(host, locale, async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load("value");
    await context.sync();
    return !setting.isNullObject && isAnalysisSettings(setting.value) ? upgradeSettings(setting.value) : null;
  });
}

export function saveSettings(host: ExcelHost, settings: AnalysisSettings, locale: Locale = "en"): Promise<void> {
  return job(host, locale, async (context) => {
    context.workbook.settings.add(SETTINGS_KEY, settings);
    await context.sync();
  });
}
