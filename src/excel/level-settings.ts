/**
 * The level policy as the workbook's saved settings hold it (issue 15 §1, `AnalysisSettings.levelPolicy`): settings
 * are the person's document and may have been saved by a later version or edited by hand, so a policy that is not the
 * shape the pane and the job read (a list of { name, entry, keep }, a metric, two month counts) is dropped when the
 * settings load (settings.ts `upgradeSettings`) rather than breaking the pane's grid; the rest of the settings load
 * as before. Whether its numbers make a usable policy is the core's check, asked when it is used.
 */
import type { LevelsSettings } from "./port-levels";

export function isLevelsSettings(value: unknown): value is LevelsSettings {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<LevelsSettings>;
  return (
    Array.isArray(v.levels) &&
    v.levels.every((l: unknown) => l !== null && typeof l === "object" && typeof (l as { name?: unknown }).name === "string" && typeof (l as { entry?: unknown }).entry === "number" && typeof (l as { keep?: unknown }).keep === "number") &&
    (v.metric === "spend" || v.metric === "orders") &&
    typeof v.windowMonths === "number" &&
    typeof v.validityMonths === "number"
  );
}

/** The saved policy when it has the shape, else nothing (the field left out). */
export function savedLevelPolicy(value: unknown): { levelPolicy?: LevelsSettings } {
  return isLevelsSettings(value) ? { levelPolicy: value } : {};
}
